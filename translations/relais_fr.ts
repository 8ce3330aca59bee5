<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>relais</name>
    <message>
        <source>TLS is not available on this system (no OpenSSL).</source>
        <translation>TLS n&apos;est pas disponible sur ce système (OpenSSL absent).</translation>
    </message>
    <message>
        <source>Cannot read the certificate %1: %2.</source>
        <translation>Impossible de lire le certificat %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 ne contient aucun certificat PEM.</translation>
    </message>
    <message>
        <source>Cannot read the private key %1: %2.</source>
        <translation>Impossible de lire la clé privée %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key (RSA or EC).</source>
        <translation>%1 ne contient aucune clé privée PEM non chiffrée (RSA ou EC).</translation>
    </message>
</context>
<context>
    <name>relais::Alarm</name>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Prise en compte</translation>
    </message>
    <message>
        <source>Dispatching</source>
        <translation>Sollicitation</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Attribuée</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>En route</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>Sur place</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolue</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Alarm %1 cannot go from “%2” to “%3”.</source>
        <translation>L&apos;alarme %1 ne peut pas passer de «&#xa0;%2&#xa0;» à «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>Alarm %1 is no longer open.</source>
        <translation>L&apos;alarme %1 n&apos;est plus ouverte.</translation>
    </message>
    <message>
        <source>Alarm %1 has already been acknowledged.</source>
        <translation>L&apos;alarme %1 a déjà été prise en compte.</translation>
    </message>
    <message>
        <source>Choose a helper to assign.</source>
        <translation>Choisissez un intervenant à affecter.</translation>
    </message>
    <message>
        <source>Alarm %1 has not been dispatched.</source>
        <translation>L&apos;alarme %1 n&apos;a été confiée à aucun intervenant.</translation>
    </message>
    <message>
        <source>Use cancel, not resolve, to cancel an alarm.</source>
        <translation>Pour annuler une alarme, annulez-la au lieu de la résoudre.</translation>
    </message>
    <message>
        <source>Alarm %1 has already reached this escalation stage.</source>
        <translation>L&apos;alarme %1 a déjà atteint ce niveau d&apos;escalade.</translation>
    </message>
</context>
<context>
    <name>relais::AlarmCommands</name>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Prendre en compte</translation>
    </message>
    <message>
        <source>Assign the Nearest &amp;Helper</source>
        <translation>Affecter l&apos;&amp;intervenant le plus proche</translation>
    </message>
    <message>
        <source>&amp;Offer to Nearby Helpers</source>
        <translation>Pr&amp;oposer aux intervenants proches</translation>
    </message>
    <message>
        <source>Assign &amp;To…</source>
        <translation>Attribuer &amp;à…</translation>
    </message>
    <message>
        <source>&amp;Withdraw the Offers</source>
        <translation>&amp;Retirer les propositions</translation>
    </message>
    <message>
        <source>Helper &amp;En Route</source>
        <translation>Intervenant &amp;en route</translation>
    </message>
    <message>
        <source>Helper On &amp;Scene</source>
        <translation>Intervenant &amp;sur place</translation>
    </message>
    <message>
        <source>O&amp;utcome…</source>
        <translation>&amp;Issue…</translation>
    </message>
    <message>
        <source>Clo&amp;se</source>
        <translation>Clô&amp;turer</translation>
    </message>
    <message>
        <source>Cancel the Alarm…</source>
        <translation>Annuler l’alarme…</translation>
    </message>
    <message>
        <source>Add a &amp;Note</source>
        <translation>Ajouter une &amp;note</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acquitter</translation>
    </message>
    <message>
        <source>Nearest</source>
        <translation>Plus proche</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Proposer</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Attribuer…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>En route</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>Sur place</translation>
    </message>
    <message>
        <source>Outcome…</source>
        <translation>Issue…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Clôturer</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Annuler…</translation>
    </message>
    <message>
        <source>Create an Alarm &amp;Here…</source>
        <translation>Créer une alarme &amp;ici…</translation>
    </message>
    <message>
        <source>No helper is available</source>
        <translation>Aucun intervenant disponible</translation>
    </message>
    <message>
        <source>%1 — %2 m</source>
        <translation>%1 — %2&#xa0;m</translation>
    </message>
    <message>
        <source>Alarm %1 cannot be acknowledged: this window is read-only.</source>
        <translation>L&apos;alarme %1 ne peut pas être prise en compte&#xa0;: cette fenêtre est en lecture seule.</translation>
    </message>
    <message>
        <source>Alarm %1 was not acknowledged: %2</source>
        <translation>L&apos;alarme %1 n&apos;a pas été prise en compte&#xa0;: %2</translation>
    </message>
    <message>
        <source>Alarm %1: %2</source>
        <translation>Alarme %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Alarm %1 cannot be dispatched: this window is read-only.</source>
        <translation>L&apos;alarme %1 ne peut pas être attribuée&#xa0;: cette fenêtre est en lecture seule.</translation>
    </message>
    <message>
        <source>Alarm %1 was not dispatched: %2</source>
        <translation>L&apos;alarme %1 n&apos;a pas été attribuée&#xa0;: %2</translation>
    </message>
    <message>
        <source>Alarm %1 was not assigned</source>
        <translation>L’alarme %1 n’a pas été attribuée</translation>
    </message>
    <message>
        <source>The offers of alarm %1 were not withdrawn</source>
        <translation>Les propositions de l’alarme %1 n’ont pas été retirées</translation>
    </message>
    <message>
        <source>Alarm %1: “en route” was not recorded</source>
        <translation>Alarme %1&#xa0;: «&#xa0;en route&#xa0;» n’a pas été enregistré</translation>
    </message>
    <message>
        <source>Alarm %1: “on scene” was not recorded</source>
        <translation>Alarme %1&#xa0;: «&#xa0;sur place&#xa0;» n’a pas été enregistré</translation>
    </message>
    <message>
        <source>Alarm %1: the outcome was not recorded</source>
        <translation>Alarme %1&#xa0;: l’issue n’a pas été enregistrée</translation>
    </message>
    <message>
        <source>Alarm %1 was not closed</source>
        <translation>L’alarme %1 n’a pas été clôturée</translation>
    </message>
    <message>
        <source>Cancel Alarm %1</source>
        <translation>Annuler l’alarme %1</translation>
    </message>
    <message>
        <source>Why is the alarm cancelled? (kept in its timeline)</source>
        <translation>Pourquoi l’alarme est-elle annulée&#xa0;? (conservé dans son historique)</translation>
    </message>
    <message>
        <source>Cancel the Alarm</source>
        <translation>Annuler l’alarme</translation>
    </message>
    <message>
        <source>Keep It</source>
        <translation>La garder</translation>
    </message>
    <message>
        <source>Alarm %1 was not cancelled</source>
        <translation>L’alarme %1 n’a pas été annulée</translation>
    </message>
    <message>
        <source>The note on alarm %1 was not kept</source>
        <translation>La note sur l’alarme %1 n’a pas été conservée</translation>
    </message>
    <message>
        <source>Alarm %1: nothing can be changed, this window is read-only.</source>
        <translation>Alarme %1&#xa0;: rien ne peut être modifié, cette fenêtre est en lecture seule.</translation>
    </message>
</context>
<context>
    <name>relais::AlarmDetailPane</name>
    <message>
        <source>no helper left to ask</source>
        <translation>plus personne à solliciter</translation>
    </message>
    <message>
        <source>mission cancelled</source>
        <translation>mission annulée</translation>
    </message>
    <message>
        <source>offers withdrawn</source>
        <translation>propositions retirées</translation>
    </message>
    <message>
        <source>reassigned</source>
        <translation>réattribuée</translation>
    </message>
    <message>
        <source>resolved without a helper</source>
        <translation>résolue sans intervenant</translation>
    </message>
    <message>
        <source>alarm cancelled</source>
        <translation>alarme annulée</translation>
    </message>
    <message>
        <source>the device reported the condition ended</source>
        <translation>l’appareil a signalé la fin de l’alerte</translation>
    </message>
    <message>
        <source>the device reported again</source>
        <translation>l’appareil s’est manifesté à nouveau</translation>
    </message>
    <message>
        <source>battery replaced</source>
        <translation>pile remplacée</translation>
    </message>
    <message>
        <source>by the dispatcher</source>
        <translation>par le régulateur</translation>
    </message>
    <message>
        <source>Add a note, then press Enter</source>
        <translation>Ajouter une note, puis Entrée</translation>
    </message>
    <message>
        <source>Relais</source>
        <translation>Relais</translation>
    </message>
    <message>
        <source>Escalated: not acknowledged in time</source>
        <translation>Escalade&#xa0;: non acquittée à temps</translation>
    </message>
    <message>
        <source>Escalated: no helper accepted in time</source>
        <translation>Escalade&#xa0;: aucun intervenant n’a accepté à temps</translation>
    </message>
    <message>
        <source>Escalated: nobody on scene in time</source>
        <translation>Escalade&#xa0;: personne sur place à temps</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Attribuée à %1</translation>
    </message>
    <message>
        <source>Back to the dispatcher (%1)</source>
        <translation>Revenue au régulateur (%1)</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>Résolue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Annulée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Offered to %1 (%2 m)</source>
        <translation>Proposée à %1 (%2&#xa0;m)</translation>
    </message>
    <message>
        <source>%1 declined</source>
        <translation>%1 a refusé</translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation>%1 n’a pas répondu à temps</translation>
    </message>
    <message>
        <source>Offer to %1 withdrawn</source>
        <translation>Proposition à %1 retirée</translation>
    </message>
    <message>
        <source>Mission %1 completed, %2 paid</source>
        <translation>Mission %1 terminée, %2 versés</translation>
    </message>
    <message>
        <source>Mission %1 cancelled (%2)</source>
        <translation>Mission %1 annulée (%2)</translation>
    </message>
    <message>
        <source>No alarm chosen</source>
        <translation>Aucune alarme choisie</translation>
    </message>
    <message>
        <source>Choose an alarm in the queue or on the map to see it whole here.</source>
        <translation>Choisissez une alarme dans la file ou sur la carte pour la voir ici en entier.</translation>
    </message>
    <message>
        <source>Alarm %1 · %2 · %3 — %4</source>
        <translation>Alarme %1 · %2 · %3 — %4</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s), last at %1</source>
        <translation>
            <numerusform>%n fois, la dernière à %1</numerusform>
            <numerusform>%n fois, la dernière à %1</numerusform>
        </translation>
    </message>
    <message>
        <source>last heard %1</source>
        <translation>dernier signal %1</translation>
    </message>
    <message>
        <source>(unregistered device)</source>
        <translation>(appareil non enregistré)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>%1, %2, fee %3</source>
        <translation>%1, %2, indemnité %3</translation>
    </message>
    <message numerus="yes">
        <source>%n offer(s) waiting</source>
        <translation>
            <numerusform>%n proposition en attente</numerusform>
            <numerusform>%n propositions en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>re-dispatched %n time(s)</source>
        <translation>
            <numerusform>relancée %n fois</numerusform>
            <numerusform>relancée %n fois</numerusform>
        </translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Notes&#xa0;: %1</translation>
    </message>
    <message>
        <source>reason purged after the retention period</source>
        <translation>motif effacé après la durée de conservation</translation>
    </message>
    <message>
        <source>battery %1</source>
        <comment>battery level, e.g. 85%</comment>
        <translation>batterie %1</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>Address, notes and exact position purged on %1</source>
        <translation>Adresse, notes et position exacte effacées le %1</translation>
    </message>
</context>
<context>
    <name>relais::AlarmKind</name>
    <message>
        <source>Personal emergency</source>
        <translation>Urgence personnelle</translation>
    </message>
    <message>
        <source>Fall</source>
        <translation>Chute</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>Urgence médicale</translation>
    </message>
    <message>
        <source>Smoke / fire</source>
        <translation>Fumée / incendie</translation>
    </message>
    <message>
        <source>Intrusion</source>
        <translation>Intrusion</translation>
    </message>
    <message>
        <source>Door / contact</source>
        <translation>Porte / contact</translation>
    </message>
    <message>
        <source>Water leak</source>
        <translation>Fuite d&apos;eau</translation>
    </message>
    <message>
        <source>Gas / CO</source>
        <translation>Gaz / CO</translation>
    </message>
    <message>
        <source>Tamper</source>
        <translation>Sabotage</translation>
    </message>
    <message>
        <source>Low battery</source>
        <translation>Pile faible</translation>
    </message>
    <message>
        <source>Device silent</source>
        <translation>Appareil muet</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>relais::AlarmQueue</name>
    <message>
        <source>No open alarms</source>
        <translation>Aucune alarme ouverte</translation>
    </message>
    <message>
        <source>&amp;Open Alarms</source>
        <translation>Alarmes &amp;ouvertes</translation>
    </message>
    <message>
        <source>&amp;All Alarms</source>
        <translation>&amp;Toutes les alarmes</translation>
    </message>
    <message>
        <source>&amp;My Alarms</source>
        <translation>&amp;Mes alarmes</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvertes</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
    <message>
        <source>No alarms</source>
        <translation>Aucune alarme</translation>
    </message>
    <message>
        <source>No alarms handled by you</source>
        <translation>Aucune alarme traitée par vous</translation>
    </message>
</context>
<context>
    <name>relais::AlarmSounds</name>
    <message>
        <source>Alarm sounds off</source>
        <translation>Sons d’alarme coupés</translation>
    </message>
    <message>
        <source>Alarm sounds muted until %1</source>
        <translation>Sons d’alarme en sourdine jusqu’à %1</translation>
    </message>
    <message>
        <source>Alarm sounds muted until %1 (new alarms meanwhile: %2)</source>
        <translation>Sons d’alarme en sourdine jusqu’à %1 (nouvelles alarmes entre-temps&#xa0;: %2)</translation>
    </message>
    <message>
        <source>system bell</source>
        <translation>sonnerie système</translation>
    </message>
    <message>
        <source>system bell (no audio output)</source>
        <translation>sonnerie système (aucune sortie audio)</translation>
    </message>
    <message>
        <source>system bell (the sound files cannot be written)</source>
        <translation>sonnerie système (les fichiers sonores ne peuvent pas être écrits)</translation>
    </message>
    <message>
        <source>Qt Multimedia</source>
        <translation>Qt Multimedia</translation>
    </message>
    <message>
        <source>system bell (Qt Multimedia not available)</source>
        <translation>sonnerie système (Qt Multimedia absent)</translation>
    </message>
</context>
<context>
    <name>relais::AlarmTableModel</name>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Time since the alarm was raised</source>
        <translation>Temps écoulé depuis le déclenchement de l&apos;alarme</translation>
    </message>
    <message>
        <source>How many times the device sent this alarm</source>
        <translation>Nombre de fois où l&apos;appareil a envoyé cette alarme</translation>
    </message>
    <message>
        <source>Helper assigned to the alarm</source>
        <translation>Intervenant affecté à l&apos;alarme</translation>
    </message>
    <message>
        <source>Beneficiary: %1</source>
        <translation>Bénéficiaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Appareil&#xa0;: %1</translation>
    </message>
    <message>
        <source>This device is not registered.</source>
        <translation>Cet appareil n&apos;est pas référencé.</translation>
    </message>
    <message>
        <source>Raised at %1</source>
        <translation>Déclenchée le %1</translation>
    </message>
    <message>
        <source>Last seen at %1</source>
        <translation>Dernier signal le %1</translation>
    </message>
    <message>
        <source>%1 (unregistered)</source>
        <translation>%1 (non référencé)</translation>
    </message>
</context>
<context>
    <name>relais::AppOptions</name>
    <message>
        <source>Relais: dispatcher console for neighbourhood alarm verification.</source>
        <translation>Relais&#xa0;: console de répartition pour la levée de doute de proximité.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Affiche cette aide et quitte.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Affiche la version et quitte.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>lang</source>
        <translation>langue</translation>
    </message>
    <message>
        <source>Quit by itself after &lt;seconds&gt; (automated checks).</source>
        <translation>Quitte de lui-même après &lt;secondes&gt; (tests automatisés).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unknown language “%1”: use fr or en.</source>
        <translation>Langue «&#xa0;%1&#xa0;» inconnue&#xa0;: utilisez fr ou en.</translation>
    </message>
    <message>
        <source>--quit-after needs a number of seconds.</source>
        <translation>--quit-after exige un nombre de secondes.</translation>
    </message>
    <message>
        <source>Demo: the demo town&apos;s devices and helpers, fed by the simulator relais-sim (journal in a demo folder of its own unless --data-dir is given).</source>
        <translation>Démonstration&#xa0;: les appareils et les intervenants de la ville de démonstration, alimentés par le simulateur relais-sim (journal dans un dossier de démonstration dédié, sauf si --data-dir est indiqué).</translation>
    </message>
    <message>
        <source>Read the gateways (listening ports, serial lines, accounts) from &lt;file&gt; (default: gateways.json in the data folder, when it exists).</source>
        <translation>Lit les passerelles (ports d&apos;écoute, liaisons série, comptes) dans &lt;fichier&gt; (par défaut&#xa0;: gateways.json dans le dossier de données, s&apos;il existe).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>With --demo: pass &lt;arg&gt; to relais-sim (repeatable).</source>
        <translation>Avec --demo&#xa0;: transmet &lt;arg&gt; à relais-sim (option répétable).</translation>
    </message>
    <message>
        <source>arg</source>
        <translation>arg</translation>
    </message>
    <message>
        <source>Map background: osm (OpenStreetMap, the default), ign (Plan IGN v2), xyz:&lt;URL template with {z} {x} {y}&gt;, mbtiles:&lt;file&gt; or vector (the offline basemap). Overrides the setting map/source.</source>
        <translation>Fond de carte&#xa0;: osm (OpenStreetMap, par défaut), ign (Plan IGN v2), xyz:&lt;modèle d&apos;URL avec {z} {x} {y}&gt;, mbtiles:&lt;fichier&gt; ou vector (le plan hors ligne). Remplace le réglage map/source.</translation>
    </message>
    <message>
        <source>spec</source>
        <translation>source</translation>
    </message>
    <message>
        <source>--map-source: %1</source>
        <translation>--map-source&#xa0;: %1</translation>
    </message>
    <message>
        <source>The setting %1 is wrong: %2</source>
        <translation>Le réglage %1 est incorrect&#xa0;: %2</translation>
    </message>
    <message>
        <source>Offline street map: the town&apos;s GeoJSON &lt;file&gt;, drawn when the map source is vector or unreachable. Overrides the setting map/basemap.</source>
        <translation>Plan hors ligne&#xa0;: le &lt;fichier&gt; GeoJSON de la commune, affiché quand la source de carte est vector ou injoignable. Remplace le réglage map/basemap.</translation>
    </message>
    <message>
        <source>Interface language: fr or en (default: the one chosen in the settings, else the system&apos;s).</source>
        <translation>Langue de l&apos;interface&#xa0;: fr ou en (par défaut&#xa0;: celle choisie dans les paramètres, sinon celle du système).</translation>
    </message>
    <message>
        <source>Commands (relais &lt;command&gt; --help):</source>
        <translation>Commandes (relais &lt;commande&gt; --help)&#xa0;:</translation>
    </message>
    <message>
        <source>Write the shift report, the helpers&apos; payouts or the transparency report as CSV.</source>
        <translation>Écrire en CSV le rapport de service, les versements aux intervenants ou le rapport de transparence.</translation>
    </message>
    <message>
        <source>Add or list the running costs published in the transparency report.</source>
        <translation>Ajouter ou lister les frais de fonctionnement publiés dans le rapport de transparence.</translation>
    </message>
    <message>
        <source>Store, delete or check secrets (gateway tokens, passwords) in the system keychain.</source>
        <translation>Enregistrer, effacer ou vérifier les secrets (jetons des passerelles, mots de passe) dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Keep the journal and the log (logs/relais.log) in &lt;dir&gt;.</source>
        <translation>Garder le journal et le fichier de log (logs/relais.log) dans &lt;dossier&gt;.</translation>
    </message>
</context>
<context>
    <name>relais::AttentionMonitor</name>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Alarm %1 (%2): nobody on scene yet. Call the helper, or the emergency services.</source>
        <translation>Alarme %1 (%2)&#xa0;: personne sur place pour l&apos;instant. Appelez l&apos;intervenant, ou les secours.</translation>
    </message>
    <message>
        <source>Alarm %1 (%2): no helper has accepted. Call the beneficiary&apos;s contacts or the emergency services.</source>
        <translation>Alarme %1 (%2)&#xa0;: aucun intervenant n&apos;a accepté. Appelez les proches du bénéficiaire ou les secours.</translation>
    </message>
    <message numerus="yes">
        <source>And %n more alarm(s) waiting.</source>
        <translation>
            <numerusform>Et %n autre alarme en attente.</numerusform>
            <numerusform>Et %n autres alarmes en attente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Emergency numbers: 15 (medical), 18 (fire), 112 (any emergency), 17 (police).</source>
        <translation>Numéros d&apos;urgence&#xa0;: 15 (SAMU), 18 (pompiers), 112 (toute urgence), 17 (police).</translation>
    </message>
    <message>
        <source>Relais</source>
        <translation>Relais</translation>
    </message>
    <message>
        <source>Alarm waiting</source>
        <translation>Alarme en attente</translation>
    </message>
    <message>
        <source>Alarm %1 (%2, %3) is waiting to be acknowledged.</source>
        <translation>L’alarme %1 (%2, %3) attend d’être acquittée.</translation>
    </message>
    <message>
        <source>Alarm %1: no helper accepted and nobody else is near enough. Choose a helper, or call.</source>
        <translation>Alarme %1&#xa0;: aucun intervenant n’a accepté et personne d’autre n’est assez proche. Choisissez un intervenant, ou appelez.</translation>
    </message>
</context>
<context>
    <name>relais::BasemapData</name>
    <message>
        <source>Cannot read the basemap %1: %2</source>
        <translation>Impossible de lire le plan %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Not valid JSON (at byte %1: %2).</source>
        <translation>JSON non valide (à l&apos;octet %1&#xa0;: %2).</translation>
    </message>
    <message>
        <source>Not a GeoJSON FeatureCollection.</source>
        <translation>Ce n&apos;est pas une FeatureCollection GeoJSON.</translation>
    </message>
    <message>
        <source>The FeatureCollection has no “features” array.</source>
        <translation>La FeatureCollection n&apos;a pas de tableau «&#xa0;features&#xa0;».</translation>
    </message>
    <message>
        <source>Feature %1 (%2): its %3 coordinates are malformed.</source>
        <translation>Élément %1 (%2)&#xa0;: ses coordonnées %3 sont mal formées.</translation>
    </message>
    <message>
        <source>The basemap has no street, water, park or building to draw.</source>
        <translation>Le plan ne contient aucune rue, eau, parc ni bâtiment à dessiner.</translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors</source>
        <translation>© les contributeurs d&apos;OpenStreetMap</translation>
    </message>
</context>
<context>
    <name>relais::BasemapLayer</name>
    <message>
        <source>An offline street map can be set with --basemap or the setting map/basemap.</source>
        <translation>Un plan hors ligne peut être indiqué avec --basemap ou le réglage map/basemap.</translation>
    </message>
    <message>
        <source>The online map cannot be reached and there is no offline street map.</source>
        <translation>La carte en ligne est injoignable et aucun plan hors ligne n&apos;est indiqué.</translation>
    </message>
    <message>
        <source>There is no offline street map to draw.</source>
        <translation>Aucun plan hors ligne à afficher.</translation>
    </message>
    <message>
        <source>Offline map</source>
        <translation>Plan hors ligne</translation>
    </message>
    <message>
        <source>Online map unreachable</source>
        <translation>Carte en ligne injoignable</translation>
    </message>
</context>
<context>
    <name>relais::CsvReader</name>
    <message>
        <source>The file is not valid UTF-8 text. Save it as “CSV UTF-8”.</source>
        <translation>Le fichier n&apos;est pas un texte UTF-8 valide. Enregistrez-le au format «&#xa0;CSV UTF-8&#xa0;».</translation>
    </message>
    <message>
        <source>Line %1: a quote in the middle of a field; quote the whole field and double the quotes inside it.</source>
        <translation>Ligne %1&#xa0;: guillemet au milieu d&apos;un champ&#xa0;; placez tout le champ entre guillemets et doublez les guillemets qu&apos;il contient.</translation>
    </message>
    <message>
        <source>Line %1: text after the closing quote of a field.</source>
        <translation>Ligne %1&#xa0;: texte après le guillemet fermant d&apos;un champ.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field is never closed.</source>
        <translation>Ligne %1&#xa0;: le guillemet ouvrant d&apos;un champ n&apos;est jamais refermé.</translation>
    </message>
</context>
<context>
    <name>relais::DataDirLock</name>
    <message>
        <source>another program</source>
        <translation>un autre programme</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>cet ordinateur</translation>
    </message>
    <message>
        <source>Cannot create the lock file %1: check that the data folder is writable.</source>
        <translation>Impossible de créer le fichier de verrou %1&#xa0;: vérifiez que le dossier de données est accessible en écriture.</translation>
    </message>
    <message>
        <source>Cannot lock the data folder %1 (lock file %2).</source>
        <translation>Impossible de verrouiller le dossier de données %1 (fichier de verrou %2).</translation>
    </message>
    <message>
        <source>The data folder %1 is already in use by %2 (process %3 on %4). Close it first, or start Relais with another data folder.</source>
        <translation>Le dossier de données %1 est déjà utilisé par %2 (processus %3 sur %4). Fermez-le d&apos;abord, ou démarrez Relais avec un autre dossier de données.</translation>
    </message>
    <message>
        <source>The data folder %1 is already in use by another Relais. Close it first, or start Relais with another data folder.</source>
        <translation>Le dossier de données %1 est déjà utilisé par un autre Relais. Fermez-le d&apos;abord, ou démarrez Relais avec un autre dossier de données.</translation>
    </message>
</context>
<context>
    <name>relais::DemoMode</name>
    <message>
        <source>Cannot read the demo data %1.</source>
        <translation>Impossible de lire les données de démonstration %1.</translation>
    </message>
    <message>
        <source>The demo simulator crashed.</source>
        <translation>Le simulateur de démonstration s&apos;est arrêté brutalement.</translation>
    </message>
    <message>
        <source>The demo simulator stopped (exit code %1).</source>
        <translation>Le simulateur de démonstration s&apos;est arrêté (code de sortie %1).</translation>
    </message>
    <message>
        <source>The demo simulator relais-sim was not found next to Relais.</source>
        <translation>Le simulateur de démonstration relais-sim est introuvable dans le dossier de Relais.</translation>
    </message>
    <message>
        <source>Cannot start the demo simulator %1: %2</source>
        <translation>Impossible de démarrer le simulateur de démonstration %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>relais::DeskCommands</name>
    <message>
        <source>A shift needs the operator&apos;s name.</source>
        <translation>Une permanence exige le nom de l&apos;opérateur.</translation>
    </message>
    <message>
        <source>No shift is running: there is nothing to end.</source>
        <translation>Aucun service en cours&#xa0;: rien à terminer.</translation>
    </message>
</context>
<context>
    <name>relais::DeskForms</name>
    <message>
        <source>No alarm can be created: this window is read-only.</source>
        <translation>Aucune alarme ne peut être créée&#xa0;: cette fenêtre est en lecture seule.</translation>
    </message>
    <message>
        <source>The alarm was not created: %1</source>
        <translation>L&apos;alarme n&apos;a pas été créée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Export a Report</source>
        <translation>Exporter un rapport</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Report written: %1</source>
        <translation>Rapport écrit&#xa0;: %1</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Le rapport n’a pas été écrit&#xa0;: %1</translation>
    </message>
    <message>
        <source>The shift was not started</source>
        <translation>Le service n’a pas été pris</translation>
    </message>
    <message>
        <source>The shift was not ended</source>
        <translation>Le service n’a pas été terminé</translation>
    </message>
    <message>
        <source>%1: this window is read-only.</source>
        <translation>%1&#xa0;: cette fenêtre est en lecture seule.</translation>
    </message>
</context>
<context>
    <name>relais::DeskStatusBar</name>
    <message>
        <source>Data: %1</source>
        <translation>Données&#xa0;: %1</translation>
    </message>
    <message>
        <source>The online map cannot be reached: the offline street map is shown instead. Relais tries the online map again every minute.</source>
        <translation>La carte en ligne est injoignable&#xa0;: le plan hors ligne est affiché à la place. Relais réessaie la carte en ligne chaque minute.</translation>
    </message>
    <message>
        <source>The online map cannot be reached. Relais tries again every minute.</source>
        <translation>La carte en ligne est injoignable. Relais réessaie chaque minute.</translation>
    </message>
    <message>
        <source>No shift started</source>
        <translation>Aucun service pris</translation>
    </message>
    <message>
        <source>File &gt; Start Shift: your name goes with every action you take.</source>
        <translation>Fichier &gt; Prendre le service&#xa0;: votre nom accompagne chacune de vos actions.</translation>
    </message>
    <message>
        <source>Open alarms: %1</source>
        <translation>Alarmes ouvertes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Gateways: %1/%2 connected</source>
        <translation>Passerelles connectées&#xa0;: %1/%2</translation>
    </message>
    <message>
        <source>Helpers on duty: %1 (%2 available)</source>
        <translation>Intervenants en service&#xa0;: %1 (disponibles&#xa0;: %2)</translation>
    </message>
</context>
<context>
    <name>relais::DeviceDialog</name>
    <message>
        <source>Register a Device</source>
        <translation>Référencer un appareil</translation>
    </message>
    <message>
        <source>As the gateway sends it, e.g. d-301</source>
        <translation>Tel que l&apos;envoie la passerelle, p.&#xa0;ex. d-301</translation>
    </message>
    <message>
        <source>Choose or type a kind</source>
        <translation>Choisissez ou saisissez un type</translation>
    </message>
    <message>
        <source>e.g. Kitchen smoke detector</source>
        <translation>p.&#xa0;ex. Détecteur de fumée de la cuisine</translation>
    </message>
    <message>
        <source>e.g. B-1024</source>
        <translation>p.&#xa0;ex. B-1024</translation>
    </message>
    <message>
        <source>e.g. 45.76012</source>
        <translation>p.&#xa0;ex. 45,76012</translation>
    </message>
    <message>
        <source>e.g. 4.83569</source>
        <translation>p.&#xa0;ex. 4,83569</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>Device &amp;id:</source>
        <translation>&amp;Identifiant de l&apos;appareil&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Beneficiary ref.:</source>
        <translation>Réf. &amp;bénéficiaire&#xa0;:</translation>
    </message>
    <message>
        <source>A pseudonymous reference from the beneficiary file: never a name.</source>
        <translation>Référence pseudonyme tirée du fichier des bénéficiaires&#xa0;: jamais un nom.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse&#xa0;:</translation>
    </message>
    <message>
        <source>La&amp;titude:</source>
        <translation>L&amp;atitude&#xa0;:</translation>
    </message>
    <message>
        <source>L&amp;ongitude:</source>
        <translation>L&amp;ongitude&#xa0;:</translation>
    </message>
    <message>
        <source>Decimal degrees. Both coordinates, or neither.</source>
        <translation>Degrés décimaux. Les deux coordonnées, ou aucune.</translation>
    </message>
    <message>
        <source>&amp;Report interval:</source>
        <translation>Intervalle de &amp;signalement&#xa0;:</translation>
    </message>
    <message>
        <source>Silent for %1 times this interval, the device raises a maintenance alarm.</source>
        <translation>Sans signal pendant %1 fois cet intervalle, l&apos;appareil déclenche une alarme de maintenance.</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Référencer</translation>
    </message>
    <message>
        <source>Edit Device %1</source>
        <translation>Modifier l&apos;appareil %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>A device keeps its id: to change it, remove the device and register it again.</source>
        <translation>Un appareil garde son identifiant&#xa0;: pour le changer, supprimez l&apos;appareil puis référencez-le à nouveau.</translation>
    </message>
    <message>
        <source>Enter the device&apos;s id.</source>
        <translation>Saisissez l&apos;identifiant de l&apos;appareil.</translation>
    </message>
    <message>
        <source>The id is too long: %1 characters at most.</source>
        <translation>L&apos;identifiant est trop long&#xa0;: %1 caractères au maximum.</translation>
    </message>
    <message>
        <source>The id cannot contain control characters.</source>
        <translation>L&apos;identifiant ne peut pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <source>Device %1 is already registered.</source>
        <translation>L&apos;appareil %1 est déjà référencé.</translation>
    </message>
    <message>
        <source>Choose a kind of device, or type one.</source>
        <translation>Choisissez un type d&apos;appareil, ou saisissez-en un.</translation>
    </message>
    <message>
        <source>Enter an address or a position, so that helpers can find the place.</source>
        <translation>Saisissez une adresse ou une position, pour que les intervenants trouvent le lieu.</translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation>Aucune modification pour l&apos;instant.</translation>
    </message>
</context>
<context>
    <name>relais::DeviceImport</name>
    <message>
        <source>The file is empty: it needs a header line and one line per device.</source>
        <translation>Le fichier est vide&#xa0;: il doit contenir une ligne d&apos;en-tête, puis une ligne par appareil.</translation>
    </message>
    <message>
        <source>the device id is empty</source>
        <translation>l&apos;identifiant de l&apos;appareil est vide</translation>
    </message>
    <message>
        <source>device %1 appears twice in the file</source>
        <translation>l&apos;appareil %1 figure en double dans le fichier</translation>
    </message>
    <message>
        <source>device %1 is already registered</source>
        <translation>l&apos;appareil %1 est déjà référencé</translation>
    </message>
    <message>
        <source>latitude “%1” is not a number between -90 and 90</source>
        <translation>la latitude «&#xa0;%1&#xa0;» n&apos;est pas un nombre compris entre -90 et 90</translation>
    </message>
    <message>
        <source>longitude “%1” is not a number between -180 and 180</source>
        <translation>la longitude «&#xa0;%1&#xa0;» n&apos;est pas un nombre compris entre -180 et 180</translation>
    </message>
    <message>
        <source>Line %1: %2.</source>
        <translation>Ligne %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Stopped after %1 errors.</source>
        <translation>Import interrompu après %1 erreurs.</translation>
    </message>
    <message>
        <source>The file has a header but no device.</source>
        <translation>Le fichier contient un en-tête mais aucun appareil.</translation>
    </message>
    <message>
        <source>Line %1: these columns are missing: %2. Expected: %3.</source>
        <translation>Ligne %1&#xa0;: colonnes manquantes&#xa0;: %2. Colonnes attendues&#xa0;: %3.</translation>
    </message>
    <message>
        <source>the line has %1 fields, the header %2</source>
        <translation>la ligne a %1 champs, l&apos;en-tête %2</translation>
    </message>
    <message>
        <source>report interval “%1” is not a positive whole number of seconds</source>
        <translation>l&apos;intervalle de signalement «&#xa0;%1&#xa0;» n&apos;est pas un nombre entier positif de secondes</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the problems found on one line</comment>
        <translation>&#xa0;; </translation>
    </message>
</context>
<context>
    <name>relais::DeviceKinds</name>
    <message>
        <source>Panic button</source>
        <translation>Bouton d&apos;alerte</translation>
    </message>
    <message>
        <source>Fall detector</source>
        <translation>Détecteur de chute</translation>
    </message>
    <message>
        <source>Smoke detector</source>
        <translation>Détecteur de fumée</translation>
    </message>
    <message>
        <source>Intrusion sensor</source>
        <translation>Détecteur d&apos;intrusion</translation>
    </message>
    <message>
        <source>Door contact</source>
        <translation>Contact de porte</translation>
    </message>
    <message>
        <source>Water leak sensor</source>
        <translation>Détecteur de fuite d&apos;eau</translation>
    </message>
    <message>
        <source>Gas detector</source>
        <translation>Détecteur de gaz</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>device kind</comment>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>relais::DevicePanel</name>
    <message>
        <source>No devices registered</source>
        <translation>Aucun appareil référencé</translation>
    </message>
    <message>
        <source>Never</source>
        <comment>device never heard from</comment>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>battery level</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Filter devices</source>
        <translation>Filtrer les appareils</translation>
    </message>
    <message>
        <source>Shows the devices whose id, kind, label, beneficiary or address contains this text</source>
        <translation>Affiche les appareils dont l&apos;identifiant, le type, le libellé, le bénéficiaire ou l&apos;adresse contient ce texte</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <comment>device</comment>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Register a new device</source>
        <translation>Référencer un nouvel appareil</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <comment>device</comment>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Edit the selected device</source>
        <translation>Modifier l&apos;appareil sélectionné</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <comment>device</comment>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Remove the selected device from the registry</source>
        <translation>Supprimer l&apos;appareil sélectionné du référentiel</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer un CSV…</translation>
    </message>
    <message>
        <source>Register devices from a CSV file (columns: %1)</source>
        <translation>Référencer des appareils à partir d&apos;un fichier CSV (colonnes&#xa0;: %1)</translation>
    </message>
    <message>
        <source>The registry is read-only: no journal to write to.</source>
        <translation>Le référentiel est en lecture seule&#xa0;: aucun journal où écrire.</translation>
    </message>
    <message>
        <source>Device %1 saved.</source>
        <translation>Appareil %1 enregistré.</translation>
    </message>
    <message>
        <source>Device %1 registered.</source>
        <translation>Appareil %1 référencé.</translation>
    </message>
    <message>
        <source>Device Not Saved</source>
        <translation>Appareil non enregistré</translation>
    </message>
    <message>
        <source>The changes to device %1 were not saved.</source>
        <translation>Les modifications de l&apos;appareil %1 n&apos;ont pas été enregistrées.</translation>
    </message>
    <message>
        <source>Device Not Registered</source>
        <translation>Appareil non référencé</translation>
    </message>
    <message>
        <source>Device %1 was not registered.</source>
        <translation>L&apos;appareil %1 n&apos;a pas été référencé.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>a device&apos;s label, quoted</comment>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>beneficiary %1</source>
        <translation>bénéficiaire %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>device id (its details)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Remove Device</source>
        <translation>Supprimer l&apos;appareil</translation>
    </message>
    <message>
        <source>Remove device %1?</source>
        <translation>Supprimer l&apos;appareil %1&#xa0;?</translation>
    </message>
    <message>
        <source>It will no longer be supervised and its messages will no longer be tied to a beneficiary. Its history stays in the journal.</source>
        <translation>Il ne sera plus supervisé et ses messages ne seront plus rattachés à un bénéficiaire. Son historique reste dans le journal.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Device %1 removed.</source>
        <translation>Appareil %1 supprimé.</translation>
    </message>
    <message>
        <source>Device Not Removed</source>
        <translation>Appareil non supprimé</translation>
    </message>
    <message>
        <source>Device %1 was not removed.</source>
        <translation>L&apos;appareil %1 n&apos;a pas été supprimé.</translation>
    </message>
    <message>
        <source>Import Devices</source>
        <translation>Importer des appareils</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Impossible de lire le fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>The file is too large (more than %1 MB).</source>
        <translation>Le fichier est trop volumineux (plus de %1&#xa0;Mo).</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <comment>a list of device ids, then how many are not listed</comment>
        <translation>%1 et %2 de plus</translation>
    </message>
    <message>
        <source>Import %1? Devices to register: %2.</source>
        <translation>Importer %1&#xa0;? Appareils à référencer&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1.
All of them are registered, or none if one is refused.</source>
        <translation>%1.
Ils sont tous référencés, ou aucun si l&apos;un d&apos;eux est refusé.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Devices imported from %1: %2.</source>
        <translation>Appareils importés depuis %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Échec de l&apos;import</translation>
    </message>
    <message>
        <source>Nothing was imported from %1.</source>
        <translation>Rien n&apos;a été importé depuis %1.</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <comment>problems</comment>
        <translation>… et %1 de plus.</translation>
    </message>
    <message>
        <source>The journal gave no reason.</source>
        <translation>Le journal n&apos;a indiqué aucun motif.</translation>
    </message>
    <message>
        <source>Nothing was imported from %1. Correct these problems, then import it again:</source>
        <translation>Rien n&apos;a été importé de %1. Corrigez ces problèmes, puis importez-le de nouveau&#xa0;:</translation>
    </message>
    <message>
        <source>Expected columns (header line): %1.</source>
        <translation>Colonnes attendues (ligne d&apos;en-tête)&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>relais::DeviceTableModel</name>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Interval</source>
        <comment>expected report interval, short column header</comment>
        <translation>Intervalle</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Dernier signal</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Pile</translation>
    </message>
    <message>
        <source>The beneficiary&apos;s pseudonymous reference</source>
        <translation>Référence pseudonyme du bénéficiaire</translation>
    </message>
    <message>
        <source>How often the device is expected to report</source>
        <translation>Fréquence à laquelle l&apos;appareil doit se signaler</translation>
    </message>
    <message>
        <source>The device&apos;s last message</source>
        <translation>Dernier message de l&apos;appareil</translation>
    </message>
    <message>
        <source>Never</source>
        <comment>device never heard from</comment>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>No position</source>
        <translation>Aucune position</translation>
    </message>
    <message>
        <source>Expected to report every %1</source>
        <translation>Doit se signaler toutes les %1</translation>
    </message>
    <message>
        <source>No message from this device yet</source>
        <translation>Aucun message de cet appareil pour l&apos;instant</translation>
    </message>
    <message>
        <source>%1
Silent for %2: it should report every %3</source>
        <translation>%1
Sans signal depuis %2&#xa0;: il devrait se signaler toutes les %3</translation>
    </message>
    <message>
        <source>Battery level not reported</source>
        <translation>Niveau de pile non communiqué</translation>
    </message>
    <message>
        <source>Low battery: to replace</source>
        <translation>Pile faible&#xa0;: à remplacer</translation>
    </message>
</context>
<context>
    <name>relais::DispatchActions</name>
    <message>
        <source>Unknown alarm %1.</source>
        <translation>Alarme %1 inconnue.</translation>
    </message>
    <message>
        <source>Alarm %1 is no longer open.</source>
        <translation>L&apos;alarme %1 n&apos;est plus ouverte.</translation>
    </message>
    <message>
        <source>Alarm %1 already has a helper or offers under way.</source>
        <translation>L&apos;alarme %1 a déjà un intervenant ou des propositions en cours.</translation>
    </message>
    <message>
        <source>Alarm %1 has no position: choose the helper yourself.</source>
        <translation>L&apos;alarme %1 n&apos;a pas de position&#xa0;: choisissez vous-même l&apos;intervenant.</translation>
    </message>
    <message>
        <source>No helper is available.</source>
        <translation>Aucun intervenant n&apos;est disponible.</translation>
    </message>
    <message>
        <source>No helper is available within %1 m.</source>
        <translation>Aucun intervenant n&apos;est disponible à moins de %1&#xa0;m.</translation>
    </message>
    <message>
        <source>Unknown helper %1.</source>
        <translation>Intervenant %1 inconnu.</translation>
    </message>
    <message>
        <source>Alarm %1: the helper is already on scene; record the outcome instead.</source>
        <translation>Alarme %1&#xa0;: l’intervenant est déjà sur place&#xa0;; enregistrez plutôt l’issue.</translation>
    </message>
    <message>
        <source>Alarm %1 is already assigned to %2.</source>
        <translation>L’alarme %1 est déjà attribuée à %2.</translation>
    </message>
    <message>
        <source>%1 is not available (%2).</source>
        <translation>%1 n’est pas disponible (%2).</translation>
    </message>
    <message>
        <source>Alarm %1 has no offer waiting for an answer.</source>
        <translation>L’alarme %1 n’a aucune proposition en attente de réponse.</translation>
    </message>
    <message>
        <source>Alarm %1 has no helper assigned.</source>
        <translation>L’alarme %1 n’a pas d’intervenant attribué.</translation>
    </message>
    <message>
        <source>Alarm %1 is already “%2”.</source>
        <translation>L’alarme %1 est déjà «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>To cancel the alarm, use Cancel Alarm.</source>
        <translation>Pour annuler l’alarme, utilisez «&#xa0;Annuler l’alarme&#xa0;».</translation>
    </message>
    <message>
        <source>Alarm %1: the helper is not on scene yet; record their arrival first.</source>
        <translation>Alarme %1&#xa0;: l’intervenant n’est pas encore sur place&#xa0;; enregistrez d’abord son arrivée.</translation>
    </message>
    <message>
        <source>Alarm %1 can be closed once its outcome is recorded.</source>
        <translation>L’alarme %1 pourra être clôturée une fois son issue enregistrée.</translation>
    </message>
    <message>
        <source>Say why the alarm is cancelled.</source>
        <translation>Indiquez pourquoi l’alarme est annulée.</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>La note est vide.</translation>
    </message>
</context>
<context>
    <name>relais::DispatchPage</name>
    <message>
        <source>Offers to nearby helpers</source>
        <translation>Propositions aux intervenants proches</translation>
    </message>
    <message>
        <source> m</source>
        <translation>&#xa0;m</translation>
    </message>
    <message>
        <source> s</source>
        <translation>&#xa0;s</translation>
    </message>
    <message>
        <source>&amp;Helpers asked at once:</source>
        <translation>&amp;Intervenants sollicités à la fois&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Within:</source>
        <translation>&amp;Dans un rayon de&#xa0;:</translation>
    </message>
    <message>
        <source>Each offer &amp;stands for:</source>
        <translation>Chaque proposition &amp;reste ouverte&#xa0;:</translation>
    </message>
    <message>
        <source>A declined or unanswered offer goes to the next nearest available helper within the distance. Applies at once.</source>
        <translation>Une proposition refusée ou sans réponse passe à l&apos;intervenant disponible le plus proche suivant, dans ce rayon. S&apos;applique aussitôt.</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalade</translation>
    </message>
    <message>
        <source>Time since the alarm arrived (hours:minutes:seconds).</source>
        <translation>Temps écoulé depuis l&apos;arrivée de l&apos;alarme (heures:minutes:secondes).</translation>
    </message>
    <message>
        <source>T1: not
acknowledged</source>
        <translation>T1&#xa0;: non
acquittée</translation>
    </message>
    <message>
        <source>T2: no helper
accepted</source>
        <translation>T2&#xa0;: aucun
intervenant</translation>
    </message>
    <message>
        <source>T3: nobody
on scene</source>
        <translation>T3&#xa0;: personne
sur place</translation>
    </message>
    <message>
        <source>Restore the &amp;Defaults</source>
        <translation>Rétablir les valeurs par &amp;défaut</translation>
    </message>
    <message>
        <source>T1: the alarm&apos;s sound repeats. T2 and T3: a banner asks you to call the beneficiary&apos;s contacts or the emergency services. Device faults never escalate. Applies at once.</source>
        <translation>T1&#xa0;: le son de l&apos;alarme se répète. T2 et T3&#xa0;: un bandeau vous demande d&apos;appeler les proches du bénéficiaire ou les secours. Les pannes d&apos;appareils ne donnent jamais lieu à escalade. S&apos;applique aussitôt.</translation>
    </message>
    <message>
        <source>Escalation, %1: T1 must be at least one second.</source>
        <translation>Escalade, %1&#xa0;: T1 doit valoir au moins une seconde.</translation>
    </message>
    <message>
        <source>Escalation, %1: the times must not decrease from T1 to T2 to T3.</source>
        <translation>Escalade, %1&#xa0;: les durées ne doivent pas diminuer de T1 à T2 puis à T3.</translation>
    </message>
</context>
<context>
    <name>relais::DispatchState</name>
    <message>
        <source>The entry has no time.</source>
        <translation>L&apos;entrée n&apos;est pas horodatée.</translation>
    </message>
    <message>
        <source>The device id is missing.</source>
        <translation>L&apos;identifiant de l&apos;appareil est manquant.</translation>
    </message>
    <message>
        <source>Unknown device %1.</source>
        <translation>Appareil %1 inconnu.</translation>
    </message>
    <message>
        <source>Device %1 is already registered.</source>
        <translation>L&apos;appareil %1 est déjà référencé.</translation>
    </message>
    <message>
        <source>The report interval must be positive.</source>
        <translation>L&apos;intervalle de signalement doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>The device reported again while the helper was on scene.</source>
        <translation>L&apos;appareil a de nouveau signalé l&apos;alarme pendant que l&apos;intervenant était sur place.</translation>
    </message>
    <message>
        <source>Unknown alarm kind “%1”.</source>
        <translation>Type d&apos;alarme «&#xa0;%1&#xa0;» inconnu.</translation>
    </message>
    <message>
        <source>Unknown journal entry kind “%1”.</source>
        <translation>Type d&apos;entrée de journal «&#xa0;%1&#xa0;» inconnu.</translation>
    </message>
    <message>
        <source>Unknown severity “%1”.</source>
        <translation>Gravité «&#xa0;%1&#xa0;» inconnue.</translation>
    </message>
    <message>
        <source>A manual alarm needs an address or coordinates.</source>
        <translation>Une alarme manuelle exige une adresse ou des coordonnées.</translation>
    </message>
    <message>
        <source>Caller: %1</source>
        <translation>Appelant&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unknown alarm %1.</source>
        <translation>Alarme %1 inconnue.</translation>
    </message>
    <message>
        <source>Unknown escalation stage %1.</source>
        <translation>Niveau d&apos;escalade %1 inconnu.</translation>
    </message>
    <message>
        <source>Resolving an alarm requires an outcome.</source>
        <translation>Résoudre une alarme exige une conclusion.</translation>
    </message>
    <message>
        <source>Alarm %1 has a mission under way: record its outcome instead.</source>
        <translation>L&apos;alarme %1 a une mission en cours&#xa0;: saisissez plutôt la conclusion de la mission.</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>La note est vide.</translation>
    </message>
    <message>
        <source>Alarm %1 is no longer open.</source>
        <translation>L&apos;alarme %1 n&apos;est plus ouverte.</translation>
    </message>
    <message>
        <source>Alarm %1 already has a mission under way.</source>
        <translation>L&apos;alarme %1 a déjà une mission en cours.</translation>
    </message>
    <message>
        <source>Unknown mission kind “%1”.</source>
        <translation>Type de mission «&#xa0;%1&#xa0;» inconnu.</translation>
    </message>
    <message>
        <source>A fee needs a non-negative amount and a currency.</source>
        <translation>Une indemnité exige un montant positif ou nul et une devise.</translation>
    </message>
    <message>
        <source>Unknown mission %1.</source>
        <translation>Mission %1 inconnue.</translation>
    </message>
    <message>
        <source>Unknown helper %1.</source>
        <translation>Intervenant %1 inconnu.</translation>
    </message>
    <message>
        <source>Alarm %1 must be acknowledged before it is offered.</source>
        <translation>L&apos;alarme %1 doit être prise en compte avant d&apos;être proposée.</translation>
    </message>
    <message>
        <source>Unknown answer “%1”.</source>
        <translation>Réponse «&#xa0;%1&#xa0;» inconnue.</translation>
    </message>
    <message>
        <source>Mission %1 is not assigned.</source>
        <translation>La mission %1 n&apos;est pas attribuée.</translation>
    </message>
    <message>
        <source>Completing a mission requires an outcome.</source>
        <translation>Terminer une mission exige une conclusion.</translation>
    </message>
    <message>
        <source>The helper id is missing.</source>
        <translation>L&apos;identifiant de l&apos;intervenant est manquant.</translation>
    </message>
    <message>
        <source>Helper %1 is already registered.</source>
        <translation>L&apos;intervenant %1 est déjà inscrit.</translation>
    </message>
    <message>
        <source>The helper&apos;s name is missing.</source>
        <translation>Le nom de l&apos;intervenant est manquant.</translation>
    </message>
    <message>
        <source>Helper %1 is on duty: end their duty first.</source>
        <translation>L&apos;intervenant %1 est en service&#xa0;: mettez d&apos;abord fin à son service.</translation>
    </message>
    <message>
        <source>Starting a shift needs the operator&apos;s name.</source>
        <translation>Ouvrir une permanence exige le nom de l&apos;opérateur.</translation>
    </message>
    <message>
        <source>Unknown shift %1.</source>
        <translation>Permanence %1 inconnue.</translation>
    </message>
    <message>
        <source>Shift %1 has already ended.</source>
        <translation>La permanence %1 est déjà terminée.</translation>
    </message>
    <message>
        <source>The device reported the condition ended at %1.</source>
        <translation>L&apos;appareil a signalé la fin de l&apos;alerte à %1.</translation>
    </message>
    <message>
        <source>The battery level must be between 0 and 100 %.</source>
        <translation>Le niveau de la pile doit être compris entre 0 et 100&#xa0;%.</translation>
    </message>
    <message>
        <source>Invalid position.</source>
        <translation>Position non valide.</translation>
    </message>
    <message>
        <source>Helper %1 cannot report for mission %2: it is not theirs.</source>
        <translation>L&apos;intervenant %1 ne peut pas rendre compte de la mission %2&#xa0;: ce n&apos;est pas la sienne.</translation>
    </message>
    <message>
        <source>The personal details of alarm %1 were purged: no note can be added.</source>
        <translation>Les données personnelles de l&apos;alarme %1 ont été effacées&#xa0;: aucune note ne peut plus être ajoutée.</translation>
    </message>
    <message>
        <source>A purge needs a retention period and a cut-off at least that long before it.</source>
        <translation>Un effacement demande une durée de conservation et une date limite antérieure d&apos;au moins cette durée.</translation>
    </message>
    <message>
        <source>Alarm %1 has not been over for the whole retention period: its details stay.</source>
        <translation>L&apos;alarme %1 n&apos;est pas terminée depuis toute la durée de conservation&#xa0;: ses données restent.</translation>
    </message>
    <message>
        <source>The personal details of alarm %1 were purged already.</source>
        <translation>Les données personnelles de l&apos;alarme %1 ont déjà été effacées.</translation>
    </message>
</context>
<context>
    <name>relais::DisplayFormat</name>
    <message>
        <source>%1 s</source>
        <comment>age: seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>age: minutes</comment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2</source>
        <comment>age: hours, minutes (2 digits)</comment>
        <translation>%1 h %2</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <comment>age: days, hours</comment>
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>interval: hours</comment>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>interval: minutes</comment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>interval: seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>QDate format: a day of this year</comment>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>QDate format: a day of another year</comment>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>moment: day, time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>appareil %1</translation>
    </message>
    <message>
        <source>Relais</source>
        <translation>Relais</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1&#xa0;m</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1&#xa0;km</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>a percentage</comment>
        <translation>%1&#xa0;%</translation>
    </message>
</context>
<context>
    <name>relais::DockLayout</name>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>Intervenants</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>Missions</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Passerelles</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal des événements</translation>
    </message>
</context>
<context>
    <name>relais::EndShiftDialog</name>
    <message>
        <source>End the Shift</source>
        <translation>Fin de service</translation>
    </message>
    <message>
        <source>%1, %2 ago</source>
        <comment>shift start: moment, duration</comment>
        <translation>%1, il y a %2</translation>
    </message>
    <message>
        <source>No shift is running.</source>
        <translation>Aucun service en cours.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>Add to the handover what the list cannot know</source>
        <translation>Ajoutez à la relève ce que la liste ne peut pas savoir</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>Opérateur&#xa0;:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Début&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Handover:</source>
        <translation>&amp;Relève&#xa0;:</translation>
    </message>
    <message>
        <source>What is still open, for the next operator. It is kept in the journal with the end of the shift.</source>
        <translation>Ce qui reste ouvert, pour l’opérateur suivant. C’est conservé dans le journal avec la fin du service.</translation>
    </message>
    <message>
        <source>&amp;End Shift</source>
        <translation>&amp;Terminer le service</translation>
    </message>
    <message>
        <source>The handover is too long: %1 characters at most.</source>
        <translation>La relève est trop longue&#xa0;: %1&#xa0;caractères au plus.</translation>
    </message>
    <message>
        <source>No shift is running: there is nothing to end.</source>
        <translation>Aucun service en cours&#xa0;: rien à terminer.</translation>
    </message>
</context>
<context>
    <name>relais::EventLog</name>
    <message>
        <source>Alarm from device %1: %2</source>
        <translation>Alarme de l’appareil %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Device %1: %2 ended</source>
        <translation>Appareil %1&#xa0;: fin de «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Message refused: %1</source>
        <translation>Message refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Alarm by phone: %1, %2</source>
        <translation>Alarme par téléphone&#xa0;: %1, %2</translation>
    </message>
    <message>
        <source>Alarm %1 acknowledged</source>
        <translation>Alarme %1 acquittée</translation>
    </message>
    <message>
        <source>Alarm %1 escalated (stage %2)</source>
        <translation>Alarme %1 en escalade (niveau %2)</translation>
    </message>
    <message>
        <source>Alarm %1 resolved: %2</source>
        <translation>Alarme %1 résolue&#xa0;: %2</translation>
    </message>
    <message>
        <source>Alarm %1 closed</source>
        <translation>Alarme %1 clôturée</translation>
    </message>
    <message>
        <source>Alarm %1 cancelled: %2</source>
        <translation>Alarme %1 annulée&#xa0;: %2</translation>
    </message>
    <message>
        <source>Note on alarm %1: %2</source>
        <translation>Note sur l’alarme %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Mission %1</source>
        <translation>Mission %1</translation>
    </message>
    <message>
        <source>The mission of alarm %1</source>
        <translation>La mission de l’alarme %1</translation>
    </message>
    <message>
        <source>Mission for alarm %1 created</source>
        <translation>Mission créée pour l’alarme %1</translation>
    </message>
    <message>
        <source>%1 accepted by %2</source>
        <translation>%1 acceptée par %2</translation>
    </message>
    <message>
        <source>%1 declined by %2</source>
        <translation>%1 refusée par %2</translation>
    </message>
    <message>
        <source>%1: %2 did not answer in time</source>
        <translation>%1&#xa0;: %2 n’a pas répondu à temps</translation>
    </message>
    <message>
        <source>%1 assigned to %2</source>
        <translation>%1 attribuée à %2</translation>
    </message>
    <message>
        <source>%1: helper taken off (%2)</source>
        <translation>%1&#xa0;: intervenant retiré (%2)</translation>
    </message>
    <message>
        <source>%1: helper en route</source>
        <translation>%1&#xa0;: intervenant en route</translation>
    </message>
    <message>
        <source>%1: helper on scene</source>
        <translation>%1&#xa0;: intervenant sur place</translation>
    </message>
    <message>
        <source>%1 completed: %2</source>
        <translation>%1 terminée&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 cancelled (%2)</source>
        <translation>%1 annulée (%2)</translation>
    </message>
    <message>
        <source>%1 on duty</source>
        <translation>%1 en service</translation>
    </message>
    <message>
        <source>%1 off duty</source>
        <translation>%1 hors service</translation>
    </message>
    <message>
        <source>Helper %1 registered</source>
        <translation>Intervenant %1 enregistré</translation>
    </message>
    <message>
        <source>Helper %1 updated</source>
        <translation>Intervenant %1 modifié</translation>
    </message>
    <message>
        <source>Helper %1 removed</source>
        <translation>Intervenant %1 retiré</translation>
    </message>
    <message>
        <source>Device %1 registered</source>
        <translation>Appareil %1 enregistré</translation>
    </message>
    <message>
        <source>Device %1 updated</source>
        <translation>Appareil %1 modifié</translation>
    </message>
    <message>
        <source>Device %1 removed</source>
        <translation>Appareil %1 retiré</translation>
    </message>
    <message>
        <source>Shift started by %1</source>
        <translation>Service pris par %1</translation>
    </message>
    <message>
        <source>Shift %1 ended, handed over</source>
        <translation>Service %1 terminé, relève passée</translation>
    </message>
    <message>
        <source>Fee set for %1 missions</source>
        <translation>Indemnité fixée pour les missions «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Gateway %1 refused: %2</source>
        <translation>Passerelle %1 refusée&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 offered to %2 (%3)</source>
        <comment>mission, helper, distance</comment>
        <translation>%1 proposée à %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>Personal details purged: %n alarm(s) over for more than %1 days</source>
        <translation>
            <numerusform>Données personnelles effacées&#xa0;: %n alarme terminée depuis plus de %1 jours</numerusform>
            <numerusform>Données personnelles effacées&#xa0;: %n alarmes terminées depuis plus de %1 jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Passerelles</translation>
    </message>
    <message>
        <source>Helper channels</source>
        <translation>Canaux des intervenants</translation>
    </message>
    <message>
        <source>Privacy purge</source>
        <translation>Effacement des données</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Trousseau</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Sons</translation>
    </message>
</context>
<context>
    <name>relais::ExportDialog</name>
    <message>
        <source>Export a Report</source>
        <translation>Exporter un rapport</translation>
    </message>
    <message>
        <source>Shift report (one row per alarm)</source>
        <translation>Rapport de service (une ligne par alarme)</translation>
    </message>
    <message>
        <source>Helper payouts</source>
        <translation>Versements aux intervenants</translation>
    </message>
    <message>
        <source>Transparency report (no personal data)</source>
        <translation>Rapport de transparence (sans données personnelles)</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Rapport&#xa0;:</translation>
    </message>
    <message>
        <source>Shift of %1 since %2 (running)</source>
        <translation>Service de %1 depuis %2 (en cours)</translation>
    </message>
    <message>
        <source>Shift of %1, %2 – %3</source>
        <translation>Service de %1, %2 – %3</translation>
    </message>
    <message>
        <source>The period below</source>
        <translation>La période ci-dessous</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>Include names and addresses (personal data: keep the file safe)</source>
        <translation>Inclure les noms et adresses (données personnelles&#xa0;: protégez le fichier)</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>Point-virgule ;</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>Virgule ,</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>&amp;Séparateur&#xa0;:</translation>
    </message>
    <message>
        <source>Byte-order mark, for spreadsheet programs</source>
        <translation>Indicateur d’ordre des octets, pour les tableurs</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>The period must end after it starts.</source>
        <translation>La période doit finir après son début.</translation>
    </message>
</context>
<context>
    <name>relais::FeesPage</name>
    <message>
        <source>Fee paid to the helper per mission</source>
        <translation>Indemnité versée à l&apos;intervenant par mission</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1&#xa0;:</translation>
    </message>
    <message>
        <source>Fees are published and recorded in the journal with who changed them and when. A new fee applies to missions created from then on; missions already created keep theirs.</source>
        <translation>Les indemnités sont publiées et inscrites au journal avec l&apos;auteur et la date de chaque changement. Une nouvelle indemnité s&apos;applique aux missions créées ensuite&#xa0;; les missions déjà créées gardent la leur.</translation>
    </message>
    <message>
        <source>The fee for %1 must be an amount in %2, such as 10 or 10.50.</source>
        <translation>L&apos;indemnité pour %1 doit être un montant en %2, par exemple 10 ou 10,50.</translation>
    </message>
</context>
<context>
    <name>relais::FileField</name>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
</context>
<context>
    <name>relais::FormDialog</name>
    <message>
        <source>The latitude is a number of degrees between -90 and 90.</source>
        <translation>La latitude est un nombre de degrés compris entre -90 et 90.</translation>
    </message>
    <message>
        <source>Enter the latitude too, or clear the longitude.</source>
        <translation>Saisissez aussi la latitude, ou effacez la longitude.</translation>
    </message>
    <message>
        <source>The longitude is a number of degrees between -180 and 180.</source>
        <translation>La longitude est un nombre de degrés compris entre -180 et 180.</translation>
    </message>
    <message>
        <source>Enter the longitude too, or clear the latitude.</source>
        <translation>Saisissez aussi la longitude, ou effacez la latitude.</translation>
    </message>
</context>
<context>
    <name>relais::GatewayCodec</name>
    <message>
        <source>unknown alarm kind “%1”; expected one of: %2.</source>
        <translation>type d&apos;alarme «&#xa0;%1&#xa0;» inconnu&#xa0;; valeurs attendues&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The field “versions” is missing.</source>
        <translation>Le champ «&#xa0;versions&#xa0;» est manquant.</translation>
    </message>
    <message>
        <source>must be a list of 1 to %1 version numbers.</source>
        <translation>doit être une liste de 1 à %1 numéros de version.</translation>
    </message>
    <message>
        <source>each version must be a whole number from 1 to 999.</source>
        <translation>chaque version doit être un nombre entier compris entre 1 et 999.</translation>
    </message>
    <message>
        <source>must have 1 to %1 characters.</source>
        <translation>doit comporter de 1 à %1 caractères.</translation>
    </message>
    <message>
        <source>No common protocol version: this Relais supports version %1.</source>
        <translation>Aucune version de protocole commune&#xa0;: ce Relais prend en charge la version %1.</translation>
    </message>
    <message>
        <source>must be “delivered” or “failed”.</source>
        <translation>doit valoir «&#xa0;delivered&#xa0;» ou «&#xa0;failed&#xa0;».</translation>
    </message>
    <message>
        <source>A battery report needs “level” or “low”.</source>
        <translation>Un relevé de pile exige le champ «&#xa0;level&#xa0;» ou le champ «&#xa0;low&#xa0;».</translation>
    </message>
    <message>
        <source>must be “accept” or “decline”.</source>
        <translation>doit valoir «&#xa0;accept&#xa0;» ou «&#xa0;decline&#xa0;».</translation>
    </message>
    <message>
        <source>must be one of: real_incident, false_alarm, emergency_services, no_access.</source>
        <translation>doit valoir l&apos;une des valeurs suivantes&#xa0;: real_incident, false_alarm, emergency_services, no_access.</translation>
    </message>
    <message>
        <source>The line is longer than %1 bytes.</source>
        <translation>La ligne dépasse %1 octets.</translation>
    </message>
    <message>
        <source>The line is not valid UTF-8.</source>
        <translation>La ligne n&apos;est pas en UTF-8 valide.</translation>
    </message>
    <message>
        <source>The line is not valid JSON.</source>
        <translation>La ligne n&apos;est pas du JSON valide.</translation>
    </message>
    <message>
        <source>The line is not a JSON object.</source>
        <translation>La ligne n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>The message has no “type”.</source>
        <translation>Le message n&apos;a pas de champ «&#xa0;type&#xa0;».</translation>
    </message>
    <message>
        <source>Unknown message type “%1”.</source>
        <translation>Type de message «&#xa0;%1&#xa0;» inconnu.</translation>
    </message>
</context>
<context>
    <name>relais::GatewayConfigFile</name>
    <message>
        <source>Not valid JSON at byte %1: %2.</source>
        <translation>JSON non valide à l&apos;octet %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The file must hold one JSON object.</source>
        <translation>Le fichier doit contenir un seul objet JSON.</translation>
    </message>
    <message>
        <source>Unknown section “%1” (expected tcp, serial, gateways).</source>
        <translation>Section «&#xa0;%1&#xa0;» inconnue (attendues&#xa0;: tcp, serial, gateways).</translation>
    </message>
    <message>
        <source>tcp[%1]</source>
        <translation>tcp[%1]</translation>
    </message>
    <message>
        <source>%1: “port” must be a number from 0 to 65535.</source>
        <translation>%1&#xa0;: «&#xa0;port&#xa0;» doit être un nombre compris entre 0 et 65535.</translation>
    </message>
    <message>
        <source>%1: TLS needs both “certificate” and “key”.</source>
        <translation>%1&#xa0;: TLS exige à la fois «&#xa0;certificate&#xa0;» et «&#xa0;key&#xa0;».</translation>
    </message>
    <message>
        <source>%1: cannot read %2.</source>
        <translation>%1&#xa0;: impossible de lire %2.</translation>
    </message>
    <message>
        <source>serial[%1]: “port” (the device path) is missing.</source>
        <translation>serial[%1]&#xa0;: «&#xa0;port&#xa0;» (le chemin du périphérique) est manquant.</translation>
    </message>
    <message>
        <source>serial[%1]: “baud” must be a positive number.</source>
        <translation>serial[%1]&#xa0;: «&#xa0;baud&#xa0;» doit être un nombre positif.</translation>
    </message>
    <message>
        <source>gateways[%1]</source>
        <translation>gateways[%1]</translation>
    </message>
    <message>
        <source>%1: “id” must be 1 to 64 characters without control characters.</source>
        <translation>%1&#xa0;: «&#xa0;id&#xa0;» doit comporter de 1 à 64 caractères, sans caractères de contrôle.</translation>
    </message>
    <message>
        <source>%1: the id %2 is used twice.</source>
        <translation>%1&#xa0;: l&apos;identifiant %2 est utilisé deux fois.</translation>
    </message>
    <message>
        <source>%1: “token” must be 8 to 256 characters.</source>
        <translation>%1&#xa0;: «&#xa0;token&#xa0;» doit comporter de 8 à 256 caractères.</translation>
    </message>
    <message>
        <source>%1: “rate” and “burst” must be positive.</source>
        <translation>%1&#xa0;: «&#xa0;rate&#xa0;» et «&#xa0;burst&#xa0;» doivent être positifs.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1: give “token_secret” or “token”, not both.</source>
        <translation>%1&#xa0;: indiquez «&#xa0;token_secret&#xa0;» ou «&#xa0;token&#xa0;», pas les deux.</translation>
    </message>
    <message>
        <source>%1: “token_secret” must name a key of the system keychain, such as gateway/%2/token.</source>
        <translation>%1&#xa0;: «&#xa0;token_secret&#xa0;» doit nommer une clé du trousseau du système, comme gateway/%2/token.</translation>
    </message>
</context>
<context>
    <name>relais::GatewayHub</name>
    <message>
        <source>Gateway %1 opened a new session from %2: the older one (%3) is closed.</source>
        <translation>La passerelle %1 a ouvert une nouvelle session depuis %2&#xa0;: l&apos;ancienne (%3) est fermée.</translation>
    </message>
    <message>
        <source>A newer session of this gateway replaced this one.</source>
        <translation>Une session plus récente de cette passerelle a remplacé celle-ci.</translation>
    </message>
    <message>
        <source>Relais is stopping; connect again later.</source>
        <translation>Relais s&apos;arrête&#xa0;; reconnectez-vous plus tard.</translation>
    </message>
</context>
<context>
    <name>relais::GatewaySecrets</name>
    <message>
        <source>The token of gateway %1 is written in plain text in gateways.json; move it to the system keychain with “relais secret set %2” and name it there with &quot;token_secret&quot;: &quot;%2&quot;.</source>
        <translation>Le jeton de la passerelle %1 est écrit en clair dans gateways.json&#xa0;; placez-le dans le trousseau du système avec «&#xa0;relais secret set %2&#xa0;» et nommez-le avec &quot;token_secret&quot;: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Gateway %1 is not admitted: the %2 did not give its token (%3) within %4 s; it may be waiting to be unlocked.</source>
        <translation>La passerelle %1 n’est pas admise&#xa0;: le %2 n’a pas donné son jeton (%3) en %4&#xa0;s&#xa0;; il attend peut-être d’être déverrouillé.</translation>
    </message>
    <message>
        <source>Gateway %1 is not admitted: its token in the %2 (%3) must be 8 to 256 characters.</source>
        <translation>La passerelle %1 n’est pas admise&#xa0;: son jeton dans le %2 (%3) doit compter de 8 à 256&#xa0;caractères.</translation>
    </message>
    <message>
        <source>Gateway %1 is not admitted: its token (%2) could not be read: %3</source>
        <translation>La passerelle %1 n’est pas admise&#xa0;: son jeton (%2) n’a pas pu être lu&#xa0;: %3</translation>
    </message>
    <message>
        <source>Gateways not admitted, their tokens being in the system keychain: %1. %2</source>
        <translation>Passerelles non admises, leurs jetons étant dans le trousseau du système&#xa0;: %1. %2</translation>
    </message>
    <message>
        <source>Gateway %1 is not admitted: the %2 holds no secret named %3; store its token with “relais secret set %3” (“relais secret check” tells whether the keychain is unlocked).</source>
        <translation>La passerelle %1 n’est pas admise&#xa0;: le %2 ne contient aucun secret nommé %3&#xa0;; enregistrez son jeton avec «&#xa0;relais secret set %3&#xa0;» («&#xa0;relais secret check&#xa0;» indique si le trousseau est déverrouillé).</translation>
    </message>
</context>
<context>
    <name>relais::GatewayServer</name>
    <message>
        <source>TLS connection from %1 failed: %2</source>
        <translation>Échec de la connexion TLS depuis %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>“%1” is not an IP address.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse IP.</translation>
    </message>
    <message>
        <source>Cannot listen for gateways on %1 port %2: %3.</source>
        <translation>Impossible d&apos;écouter les passerelles sur %1, port %2&#xa0;: %3.</translation>
    </message>
</context>
<context>
    <name>relais::GatewaySession</name>
    <message>
        <source>No hello within the time allowed.</source>
        <translation>Aucun hello reçu dans le délai imparti.</translation>
    </message>
    <message>
        <source>Too many lines: send them again more slowly.</source>
        <translation>Trop de lignes&#xa0;: renvoyez-les plus lentement.</translation>
    </message>
    <message>
        <source>The session must begin with a hello.</source>
        <translation>La session doit commencer par un hello.</translation>
    </message>
    <message>
        <source>Gateway %1 refused from %2: unknown gateway or wrong token.</source>
        <translation>Passerelle %1 refusée depuis %2&#xa0;: passerelle inconnue ou jeton incorrect.</translation>
    </message>
    <message>
        <source>Refused a hello: unknown gateway or wrong token.</source>
        <translation>Hello refusé&#xa0;: passerelle inconnue ou jeton incorrect.</translation>
    </message>
    <message>
        <source>Unknown gateway or wrong token.</source>
        <translation>Passerelle inconnue ou jeton incorrect.</translation>
    </message>
</context>
<context>
    <name>relais::GatewaySettingsFile</name>
    <message>
        <source>The gateways file cannot be edited here until it is fixed:
%1</source>
        <translation>Le fichier des passerelles ne peut pas être modifié ici tant qu&apos;il n&apos;est pas corrigé&#xa0;:
%1</translation>
    </message>
    <message>
        <source>In demo mode the console listens on 127.0.0.1 for its simulator only, with a token made for the session: there is nothing to set here. Start Relais without --demo to configure this desk&apos;s gateways.</source>
        <translation>En mode démo, la console n&apos;écoute que son simulateur sur 127.0.0.1, avec un jeton créé pour la session&#xa0;: rien à régler ici. Lancez Relais sans --demo pour configurer les passerelles de ce poste.</translation>
    </message>
    <message>
        <source>A listener&apos;s port must be from 1 to 65535.</source>
        <translation>Le port d&apos;une écoute doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Impossible de créer le dossier de %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>relais::GatewayTableModel</name>
    <message>
        <source>Waiting</source>
        <comment>gateway link: configured, never connected</comment>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Connecting — retry in %1 s</source>
        <translation>Connexion — nouvel essai dans %1 s</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connectée</translation>
    </message>
    <message>
        <source>Connected since %1</source>
        <translation>Connectée depuis %1</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnectée</translation>
    </message>
    <message>
        <source>Disconnected since %1</source>
        <translation>Déconnectée depuis %1</translation>
    </message>
    <message>
        <source>serial</source>
        <comment>gateway transport: a serial line</comment>
        <translation>série</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>gateway transport, then peer address or port</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Liaison</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Dernier message</translation>
    </message>
    <message>
        <source>Stored</source>
        <comment>gateway messages stored</comment>
        <translation>Enregistrés</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>gateway messages rejected</comment>
        <translation>Refusés</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Messages stored in the journal since start</source>
        <translation>Messages enregistrés dans le journal depuis le démarrage</translation>
    </message>
    <message>
        <source>Messages received again and already stored (acknowledged, not stored twice)</source>
        <translation>Messages reçus de nouveau et déjà enregistrés (acquittés, mais pas enregistrés deux fois)</translation>
    </message>
    <message>
        <source>Messages refused (invalid or about an unknown device), kept in the journal</source>
        <translation>Messages refusés (non valides ou concernant un appareil inconnu), conservés dans le journal</translation>
    </message>
    <message>
        <source>The gateway on this line has not said its name yet</source>
        <translation>La passerelle de cette liaison ne s&apos;est pas encore identifiée</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>Depuis le %1</translation>
    </message>
    <message>
        <source>No message yet</source>
        <translation>Aucun message pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>relais::GatewaysPage</name>
    <message>
        <source>TCP listeners</source>
        <translation>Écoutes TCP</translation>
    </message>
    <message>
        <source>Where gateways connect to this desk. With a certificate and its key (PEM files, key unencrypted) the connection uses TLS.</source>
        <translation>Là où les passerelles se connectent à ce poste. Avec un certificat et sa clé (fichiers PEM, clé non chiffrée), la connexion utilise TLS.</translation>
    </message>
    <message>
        <source>No listener.</source>
        <translation>Aucune écoute.</translation>
    </message>
    <message>
        <source>Add a Listener</source>
        <translation>Ajouter une écoute</translation>
    </message>
    <message>
        <source>Serial lines</source>
        <translation>Liaisons série</translation>
    </message>
    <message>
        <source>A radio dongle plugged into this computer (8N1, no flow control). Names under /dev/serial/by-id/ survive re-plugging.</source>
        <translation>Une clé radio branchée sur cet ordinateur (8N1, sans contrôle de flux). Les noms sous /dev/serial/by-id/ restent valables après un rebranchement.</translation>
    </message>
    <message>
        <source>No serial line.</source>
        <translation>Aucune liaison série.</translation>
    </message>
    <message>
        <source>Add a Serial Line</source>
        <translation>Ajouter une liaison série</translation>
    </message>
    <message>
        <source>Changes to listeners and serial lines take effect at the next start of Relais.</source>
        <translation>Les changements d&apos;écoutes et de liaisons série prennent effet au prochain démarrage de Relais.</translation>
    </message>
    <message>
        <source>The gateways file is not available here.</source>
        <translation>Le fichier des passerelles n&apos;est pas disponible ici.</translation>
    </message>
    <message>
        <source>Kept in %1.</source>
        <translation>Enregistré dans %1.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Private Key</source>
        <translation>Clé privée</translation>
    </message>
    <message>
        <source>0.0.0.0: every network</source>
        <translation>0.0.0.0&#xa0;: tous les réseaux</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port&#xa0;:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificat&#xa0;:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clé&#xa0;:</translation>
    </message>
    <message>
        <source>/dev/ttyUSB0, COM3</source>
        <translation>/dev/ttyUSB0, COM3</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Périphérique&#xa0;:</translation>
    </message>
    <message>
        <source>Baud rate:</source>
        <translation>Débit (bauds)&#xa0;:</translation>
    </message>
    <message>
        <source>Listener %1: enter the address to listen on (0.0.0.0 for every network).</source>
        <translation>Écoute %1&#xa0;: indiquez l&apos;adresse d&apos;écoute (0.0.0.0 pour tous les réseaux).</translation>
    </message>
    <message>
        <source>Listener %1: choose a port from 1 to 65535.</source>
        <translation>Écoute %1&#xa0;: choisissez un port entre 1 et 65535.</translation>
    </message>
    <message>
        <source>Listener %1: TLS needs both the certificate and its key.</source>
        <translation>Écoute %1&#xa0;: TLS demande le certificat et sa clé.</translation>
    </message>
    <message>
        <source>Listener %1: cannot read %2.</source>
        <translation>Écoute %1&#xa0;: impossible de lire %2.</translation>
    </message>
    <message>
        <source>Listeners %1 and %2 use the same address and port.</source>
        <translation>Les écoutes %1 et %2 utilisent la même adresse et le même port.</translation>
    </message>
    <message>
        <source>Serial line %1: enter the device path, such as /dev/ttyUSB0.</source>
        <translation>Liaison série %1&#xa0;: indiquez le chemin du périphérique, par exemple /dev/ttyUSB0.</translation>
    </message>
</context>
<context>
    <name>relais::GeneralPage</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>&amp;Langue de l&apos;interface&#xa0;:</translation>
    </message>
    <message>
        <source>Takes effect at the next start of Relais. The --lang option on the command line wins over it.</source>
        <translation>Prend effet au prochain démarrage de Relais. L&apos;option --lang de la ligne de commande l&apos;emporte.</translation>
    </message>
    <message>
        <source>Alarm sounds</source>
        <translation>Sons d&apos;alarme</translation>
    </message>
    <message>
        <source>&amp;Play alarm sounds</source>
        <translation>&amp;Jouer les sons d&apos;alarme</translation>
    </message>
    <message>
        <source>A new alarm sounds once; an alarm left unacknowledged sounds again until it is acknowledged. Turned off, nothing plays and the status bar says so. To silence them for a phone call, use Alarm &gt; Mute Sounds for 5 Minutes instead. Applies at once.</source>
        <translation>Une nouvelle alarme sonne une fois&#xa0;; une alarme non acquittée sonne à nouveau jusqu&apos;à son acquittement. Désactivés, aucun son n&apos;est joué et la barre d&apos;état l&apos;indique. Pour les couper le temps d&apos;un appel, utilisez plutôt Alarme &gt; Sourdine pendant 5&#xa0;minutes. S&apos;applique aussitôt.</translation>
    </message>
</context>
<context>
    <name>relais::Handover</name>
    <message>
        <source>%1 s</source>
        <comment>age: seconds</comment>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>age: minutes</comment>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <source>%1 h %2</source>
        <comment>age: hours, minutes (2 digits)</comment>
        <translation>%1&#xa0;h&#xa0;%2</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <comment>age: days, hours</comment>
        <translation>%1&#xa0;j %2&#xa0;h</translation>
    </message>
    <message>
        <source>place unknown</source>
        <translation>lieu inconnu</translation>
    </message>
    <message>
        <source>Alarm %1</source>
        <translation>Alarme %1</translation>
    </message>
    <message>
        <source>not acknowledged in time</source>
        <translation>non acquittée à temps</translation>
    </message>
    <message>
        <source>no helper accepted in time</source>
        <translation>aucun intervenant n’a accepté à temps</translation>
    </message>
    <message>
        <source>nobody on scene in time</source>
        <translation>personne sur place à temps</translation>
    </message>
    <message>
        <source>Nothing open.</source>
        <translation>Rien d’ouvert.</translation>
    </message>
    <message>
        <source>Open alarms: %1.</source>
        <translation>Alarmes ouvertes&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Open alarms: %1 (escalated: %2).</source>
        <translation>Alarmes ouvertes&#xa0;: %1 (en escalade&#xa0;: %2).</translation>
    </message>
    <message>
        <source>Resolved alarms to close: %1.</source>
        <translation>Alarmes résolues à clôturer&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Missions with offers pending: %1.</source>
        <translation>Missions avec propositions en attente&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Escalated:</source>
        <translation>En escalade&#xa0;:</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>a section of the handover: the alarms in this state</comment>
        <translation>%1&#xa0;:</translation>
    </message>
    <message>
        <source>Resolved, to close:</source>
        <translation>Résolues, à clôturer&#xa0;:</translation>
    </message>
    <message>
        <source>Missions with offers pending:</source>
        <translation>Missions avec propositions en attente&#xa0;:</translation>
    </message>
    <message>
        <source>Mission %1</source>
        <translation>Mission %1</translation>
    </message>
    <message>
        <source>alarm %1</source>
        <translation>alarme %1</translation>
    </message>
    <message>
        <source>offered to %1</source>
        <translation>proposée à %1</translation>
    </message>
</context>
<context>
    <name>relais::HandsetChannel</name>
    <message>
        <source>Mission %1 could not be offered to helper %2: their handset has not spoken through any gateway yet.</source>
        <translation>La mission %1 n&apos;a pas pu être proposée à l&apos;intervenant %2&#xa0;: son téléphone ne s&apos;est encore manifesté par aucune passerelle.</translation>
    </message>
    <message>
        <source>Helper %1 could not be told that mission %2 is withdrawn: their handset has not spoken through any gateway yet.</source>
        <translation>L&apos;intervenant %1 n&apos;a pas pu être prévenu du retrait de la mission %2&#xa0;: son téléphone ne s&apos;est encore manifesté par aucune passerelle.</translation>
    </message>
    <message>
        <source>Helper %1&apos;s handset cannot be sent this notice about mission %2.</source>
        <translation>Le terminal de l&apos;intervenant %1 ne peut pas recevoir cet avis sur la mission %2.</translation>
    </message>
</context>
<context>
    <name>relais::HelpTexts</name>
    <message>
        <source>Relais %1</source>
        <translation>Relais %1</translation>
    </message>
    <message>
        <source>Dispatcher console for neighbourhood alarm verification.</source>
        <translation>Console de répartition pour la levée de doute de proximité.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Compilé avec Qt %1, exécuté avec Qt %2.</translation>
    </message>
    <message>
        <source>Relais is free software, licensed under the GNU General Public License, version 3 or later (GPL-3.0-or-later).</source>
        <translation>Relais est un logiciel libre, distribué sous la licence GNU General Public License, version 3 ou ultérieure (GPL-3.0-or-later).</translation>
    </message>
    <message>
        <source>It uses Qt, licensed under the GNU Lesser General Public License, version 3 (LGPLv3).</source>
        <translation>Il utilise Qt, distribué sous la licence GNU Lesser General Public License, version 3 (LGPLv3).</translation>
    </message>
    <message>
        <source>Map data © OpenStreetMap contributors, ODbL</source>
        <translation>Données cartographiques © les contributeurs d&apos;OpenStreetMap, ODbL</translation>
    </message>
    <message>
        <source>On the map</source>
        <translation>Sur la carte</translation>
    </message>
    <message>
        <source>Zoom in / out</source>
        <translation>Zoomer / dézoomer</translation>
    </message>
    <message>
        <source>Arrows</source>
        <translation>Flèches</translation>
    </message>
    <message>
        <source>Move the map</source>
        <translation>Déplacer la carte</translation>
    </message>
    <message>
        <source>Fit every open alarm</source>
        <translation>Voir toutes les alarmes ouvertes</translation>
    </message>
    <message>
        <source>Right-click</source>
        <translation>Clic droit</translation>
    </message>
    <message>
        <source>What can be done there: acknowledge, send a helper, create an alarm…</source>
        <translation>Ce qui peut y être fait&#xa0;: prendre en compte, envoyer un intervenant, créer une alarme…</translation>
    </message>
</context>
<context>
    <name>relais::Helper</name>
    <message>
        <source>Off duty</source>
        <translation>Hors service</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Offer pending</source>
        <translation>Proposition en attente</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Affecté</translation>
    </message>
    <message>
        <source>On mission</source>
        <translation>En mission</translation>
    </message>
    <message>
        <source>Helper %1 cannot go from “%2” to “%3”.</source>
        <translation>L&apos;intervenant %1 ne peut pas passer de «&#xa0;%2&#xa0;» à «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>Helper %1 is already on duty.</source>
        <translation>L&apos;intervenant %1 est déjà en service.</translation>
    </message>
    <message>
        <source>Helper %1 has an offer for another mission.</source>
        <translation>L&apos;intervenant %1 a une proposition en attente pour une autre mission.</translation>
    </message>
    <message>
        <source>Helper %1 is off duty.</source>
        <translation>L&apos;intervenant %1 est hors service.</translation>
    </message>
    <message>
        <source>Helper %1 is off duty: their position is not recorded.</source>
        <translation>L&apos;intervenant %1 est hors service&#xa0;: sa position n&apos;est pas enregistrée.</translation>
    </message>
    <message>
        <source>Invalid position.</source>
        <translation>Position non valide.</translation>
    </message>
</context>
<context>
    <name>relais::HelperTableModel</name>
    <message>
        <source>First aid</source>
        <translation>Secourisme</translation>
    </message>
    <message>
        <source>Keys</source>
        <comment>holds the beneficiary&apos;s keys</comment>
        <translation>Clés</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Téléphone&#xa0;: %1</translation>
    </message>
    <message>
        <source>Mission %1: %2</source>
        <translation>Mission %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Compétences</translation>
    </message>
    <message>
        <source>#%1</source>
        <comment>mission number</comment>
        <translation>n° %1</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <comment>can change a device&apos;s battery, check a silent device</comment>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>In a straight line: about %1 min on foot, %2 min by bicycle</source>
        <translation>À vol d&apos;oiseau&#xa0;: environ %1&#xa0;min à pied, %2&#xa0;min à vélo</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Completed missions · earnings</source>
        <translation>Missions terminées · gains</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Aujourd’hui&#xa0;: %1</translation>
    </message>
    <message>
        <source>Last 7 days: %1</source>
        <translation>7 derniers jours&#xa0;: %1</translation>
    </message>
    <message>
        <source>This month: %1</source>
        <translation>Ce mois-ci&#xa0;: %1</translation>
    </message>
    <message>
        <source>Today</source>
        <comment>the missions a helper completed today and what they earn</comment>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>completed missions · earnings</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>relais::JournalReader</name>
    <message>
        <source>Cannot read the journal: %1 (%2)</source>
        <translation>Impossible de lire le journal&#xa0;: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>relais::JournalWriter</name>
    <message>
        <source>Cannot prepare the journal statements: %1 (%2)</source>
        <translation>Impossible de préparer les requêtes du journal&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Cannot write to the journal: %1 (%2)</source>
        <translation>Impossible d&apos;écrire dans le journal&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>The journal is not open.</source>
        <translation>Le journal n&apos;est pas ouvert.</translation>
    </message>
    <message>
        <source>Cannot begin a transaction: %1</source>
        <translation>Impossible de démarrer une transaction&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot commit: %1</source>
        <translation>Impossible de valider la transaction&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot rebuild the state tables from the journal: %1</source>
        <translation>Impossible de reconstruire les tables d&apos;état à partir du journal&#xa0;: %1</translation>
    </message>
    <message>
        <source>entry %1 (%2) is refused on replay: %3</source>
        <translation>l&apos;entrée %1 (%2) est refusée à la relecture&#xa0;: %3</translation>
    </message>
    <message numerus="yes">
        <source>None of the last %n entries was stored: %1</source>
        <translation>
            <numerusform>%n entrée n&apos;a pas été enregistrée&#xa0;: %1</numerusform>
            <numerusform>Aucune des %n dernières entrées n&apos;a été enregistrée&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Message %1 was neither stored nor found as a duplicate.</source>
        <translation>Le message %1 n&apos;a été ni enregistré ni retrouvé comme doublon.</translation>
    </message>
    <message>
        <source>Cannot prepare the journal statements: %1</source>
        <translation>Impossible de préparer les requêtes du journal&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not stored: these entries are stored together or not at all, and entry %1 was refused: %2</source>
        <translation>Non enregistrée&#xa0;: ces entrées sont enregistrées toutes ensemble ou pas du tout, et l&apos;entrée %1 a été refusée&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot write to the journal: %1</source>
        <translation>Impossible d&apos;écrire dans le journal&#xa0;: %1</translation>
    </message>
    <message>
        <source>The claim of message %1 was not found.</source>
        <translation>La réservation du message %1 est introuvable.</translation>
    </message>
    <message>
        <source>Cannot redact the journal: %1</source>
        <translation>Impossible d&apos;expurger le journal&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>relais::JsonFieldReader</name>
    <message>
        <source>Field “%1”: %2</source>
        <translation>Champ «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>The field “%1” is missing.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» est manquant.</translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation>doit être une chaîne de caractères.</translation>
    </message>
    <message>
        <source>must not be empty.</source>
        <translation>ne doit pas être vide.</translation>
    </message>
    <message numerus="yes">
        <source>is longer than %n characters.</source>
        <translation>
            <numerusform>dépasse %n caractère.</numerusform>
            <numerusform>dépasse %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>must not contain control characters.</source>
        <translation>ne doit pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <source>must be a number.</source>
        <translation>doit être un nombre.</translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation>doit être un nombre entier.</translation>
    </message>
    <message>
        <source>must be between %1 and %2.</source>
        <translation>doit être compris entre %1 et %2.</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>doit valoir true ou false.</translation>
    </message>
    <message>
        <source>must be a date-time string.</source>
        <translation>doit être une chaîne contenant une date et une heure.</translation>
    </message>
    <message>
        <source>must be a date-time with seconds and an offset, like 2025-01-15T10:00:00Z.</source>
        <translation>doit être une date et une heure avec les secondes et un décalage horaire, par exemple 2025-01-15T10:00:00Z.</translation>
    </message>
</context>
<context>
    <name>relais::KeychainSecretStore</name>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Gestionnaire d’identification Windows</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>Trousseau macOS</translation>
    </message>
    <message>
        <source>system keychain (Secret Service)</source>
        <translation>trousseau du système (Secret Service)</translation>
    </message>
    <message>
        <source>The Windows Credential Manager must be available to this user account.</source>
        <translation>Le gestionnaire d’identification Windows doit être disponible pour ce compte.</translation>
    </message>
    <message>
        <source>The login keychain must be unlocked.</source>
        <translation>Le trousseau de session doit être déverrouillé.</translation>
    </message>
    <message>
        <source>gnome-keyring (or KWallet, or KeePassXC with its Secret Service integration) must be installed and unlocked, and the session needs D-Bus. On Debian: apt install gnome-keyring libsecret-1-0, then log in again.</source>
        <translation>gnome-keyring (ou KWallet, ou KeePassXC avec son intégration Secret Service) doit être installé et déverrouillé, et la session doit disposer de D-Bus. Sur Debian&#xa0;: apt install gnome-keyring libsecret-1-0, puis reconnectez-vous.</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>There is no secret under %1 in the keychain.</source>
        <translation>Le trousseau ne contient aucun secret sous %1.</translation>
    </message>
    <message>
        <source>The keychain refused access to %1%2.</source>
        <translation>Le trousseau a refusé l’accès à %1%2.</translation>
    </message>
    <message>
        <source>The keychain could not delete %1%2.</source>
        <translation>Le trousseau n’a pas pu supprimer %1%2.</translation>
    </message>
    <message>
        <source>No usable system keychain%1. %2 Relais never writes secrets in plain text.</source>
        <translation>Aucun trousseau du système utilisable%1. %2 Relais n’écrit jamais de secret en clair.</translation>
    </message>
    <message>
        <source>Reading %1 from the keychain failed: %2</source>
        <translation>La lecture de %1 dans le trousseau a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Storing %1 in the keychain failed: %2</source>
        <translation>L&apos;enregistrement de %1 dans le trousseau a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Deleting %1 from the keychain failed: %2</source>
        <translation>L&apos;effacement de %1 du trousseau a échoué&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>relais::LineFramer</name>
    <message>
        <source>The line is longer than %1 bytes: it was dropped up to its end.</source>
        <translation>La ligne dépasse %1 octets&#xa0;: elle a été ignorée jusqu&apos;à sa fin.</translation>
    </message>
    <message numerus="yes">
        <source>The stream ended in the middle of a line: its %n byte(s) were dropped.</source>
        <translation>
            <numerusform>Le flux s&apos;est terminé au milieu d&apos;une ligne&#xa0;: %n octet reçu a été ignoré.</numerusform>
            <numerusform>Le flux s&apos;est terminé au milieu d&apos;une ligne&#xa0;: les %n octets reçus ont été ignorés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::MainWindow</name>
    <message>
        <source>Relais</source>
        <translation>Relais</translation>
    </message>
    <message>
        <source>About Relais</source>
        <translation>À propos de Relais</translation>
    </message>
    <message>
        <source>No helpers registered</source>
        <translation>Aucun intervenant inscrit</translation>
    </message>
    <message>
        <source>No missions under way</source>
        <translation>Aucune mission en cours</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Show &amp;Finished Missions</source>
        <translation>Afficher les missions &amp;terminées</translation>
    </message>
    <message>
        <source>No missions</source>
        <translation>Aucune mission</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>&amp;About Relais</source>
        <translation>À &amp;propos de Relais</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>À propos de Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>No gateway configured</source>
        <translation>Aucune passerelle configurée</translation>
    </message>
    <message>
        <source>&amp;Devices</source>
        <translation>A&amp;ppareils</translation>
    </message>
    <message>
        <source>Show All &amp;Devices on the Map</source>
        <translation>Afficher tous les &amp;appareils sur la carte</translation>
    </message>
    <message>
        <source>&amp;Fit Open Alarms on the Map</source>
        <translation>&amp;Voir toutes les alarmes ouvertes sur la carte</translation>
    </message>
    <message>
        <source>&amp;New Alarm (Phone Call)…</source>
        <translation>&amp;Nouvelle alarme (appel téléphonique)…</translation>
    </message>
    <message>
        <source>&amp;Centre on the Map</source>
        <translation>&amp;Centrer sur la carte</translation>
    </message>
    <message>
        <source>A&amp;larm</source>
        <translation>A&amp;larme</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Start Shift…</source>
        <translation>&amp;Prendre le service…</translation>
    </message>
    <message>
        <source>&amp;End Shift and Hand Over…</source>
        <translation>&amp;Finir le service et passer la relève…</translation>
    </message>
    <message>
        <source>&amp;Mute Sounds for 5 Minutes</source>
        <translation>&amp;Sourdine pendant 5&#xa0;minutes</translation>
    </message>
    <message>
        <source>Relais — Shift: %1 since %2</source>
        <translation>Relais — Service&#xa0;: %1 depuis %2</translation>
    </message>
    <message>
        <source>&amp;Export a Report…</source>
        <translation>&amp;Exporter un rapport…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Para&amp;mètres…</translation>
    </message>
</context>
<context>
    <name>relais::ManualAlarmDialog</name>
    <message>
        <source>Create a Manual Alarm</source>
        <translation>Créer une alarme manuelle</translation>
    </message>
    <message>
        <source>Where help is needed, e.g. 12 rue des Lilas, Lyon</source>
        <translation>Où intervenir, par ex. 12 rue des Lilas, Lyon</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>par ex. %1</translation>
    </message>
    <message>
        <source>Who phoned: a name or a phone number</source>
        <translation>Qui a appelé&#xa0;: un nom ou un numéro de téléphone</translation>
    </message>
    <message>
        <source>What the caller said</source>
        <translation>Ce qu&apos;a dit l&apos;appelant</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>Ty&amp;pe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Gravité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse&#xa0;:</translation>
    </message>
    <message>
        <source>La&amp;titude:</source>
        <translation>La&amp;titude&#xa0;:</translation>
    </message>
    <message>
        <source>L&amp;ongitude:</source>
        <translation>L&amp;ongitude&#xa0;:</translation>
    </message>
    <message>
        <source>Decimal degrees. Both coordinates, or neither. An address or a position is required.</source>
        <translation>Degrés décimaux. Les deux coordonnées, ou aucune. Une adresse ou une position est obligatoire.</translation>
    </message>
    <message>
        <source>Ca&amp;ller:</source>
        <translation>&amp;Appelant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Create Alarm</source>
        <translation>&amp;Créer l&apos;alarme</translation>
    </message>
    <message>
        <source>The note is too long: %1 characters at most.</source>
        <translation>La note est trop longue&#xa0;: %1 caractères au plus.</translation>
    </message>
    <message>
        <source>Enter an address or a position, so that helpers can find the place.</source>
        <translation>Saisissez une adresse ou une position, pour que les intervenants trouvent le lieu.</translation>
    </message>
</context>
<context>
    <name>relais::MapPage</name>
    <message>
        <source>Map background</source>
        <translation>Fond de carte</translation>
    </message>
    <message>
        <source>OpenStreetMap (online)</source>
        <translation>OpenStreetMap (en ligne)</translation>
    </message>
    <message>
        <source>IGN Plan (online)</source>
        <translation>Plan IGN (en ligne)</translation>
    </message>
    <message>
        <source>Other tile server (XYZ template)</source>
        <translation>Autre serveur de tuiles (modèle XYZ)</translation>
    </message>
    <message>
        <source>MBTiles file (offline)</source>
        <translation>Fichier MBTiles (hors ligne)</translation>
    </message>
    <message>
        <source>Offline street map only</source>
        <translation>Plan des rues hors ligne seulement</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>MBTiles File</source>
        <translation>Fichier MBTiles</translation>
    </message>
    <message>
        <source>MBTiles files (*.mbtiles);;All files (*)</source>
        <translation>Fichiers MBTiles (*.mbtiles);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>e-mail address or web page</source>
        <translation>adresse électronique ou page web</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>&amp;Contact&#xa0;:</translation>
    </message>
    <message>
        <source>Tile servers&apos; operators reach whoever runs this desk through the contact, sent with every tile request. OpenStreetMap asks for one.</source>
        <translation>Les opérateurs des serveurs de tuiles joignent le responsable de ce poste par ce contact, envoyé avec chaque demande de tuile. OpenStreetMap en exige un.</translation>
    </message>
    <message>
        <source>Offline street map</source>
        <translation>Plan des rues hors ligne</translation>
    </message>
    <message>
        <source>Offline Street Map</source>
        <translation>Plan des rues hors ligne</translation>
    </message>
    <message>
        <source>GeoJSON files (*.geojson *.json);;All files (*)</source>
        <translation>Fichiers GeoJSON (*.geojson *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;GeoJSON file:</source>
        <translation>Fichier &amp;GeoJSON&#xa0;:</translation>
    </message>
    <message>
        <source>Drawn under the tiles, and alone when no tile can be had or the source is the offline street map.</source>
        <translation>Dessiné sous les tuiles, et seul quand aucune tuile n&apos;est disponible ou que la source est le plan hors ligne.</translation>
    </message>
    <message>
        <source>These take effect at the next start of Relais. --map-source and --basemap on the command line win over them.</source>
        <translation>Ces réglages prennent effet au prochain démarrage de Relais. --map-source et --basemap en ligne de commande l&apos;emportent.</translation>
    </message>
    <message>
        <source>Enter the tile server&apos;s URL template, with {z}, {x} and {y}.</source>
        <translation>Indiquez le modèle d&apos;URL du serveur de tuiles, avec {z}, {x} et {y}.</translation>
    </message>
    <message>
        <source>The URL template must start with http:// or https://.</source>
        <translation>Le modèle d&apos;URL doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <source>The URL template must contain {z}, {x} and {y}.</source>
        <translation>Le modèle d&apos;URL doit contenir {z}, {x} et {y}.</translation>
    </message>
    <message>
        <source>Choose the MBTiles file.</source>
        <translation>Choisissez le fichier MBTiles.</translation>
    </message>
    <message>
        <source>Cannot read the MBTiles file %1.</source>
        <translation>Impossible de lire le fichier MBTiles %1.</translation>
    </message>
    <message>
        <source>Cannot read the offline street map %1.</source>
        <translation>Impossible de lire le plan hors ligne %1.</translation>
    </message>
</context>
<context>
    <name>relais::MapWidget</name>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Alarm %1</source>
        <translation>Alarme %1</translation>
    </message>
    <message>
        <source>&amp;Centre on This Alarm</source>
        <translation>&amp;Centrer sur cette alarme</translation>
    </message>
    <message>
        <source>&amp;Centre on This Helper</source>
        <translation>&amp;Centrer sur cet intervenant</translation>
    </message>
    <message>
        <source>Show Their &amp;Alarm</source>
        <translation>Afficher son &amp;alarme</translation>
    </message>
    <message>
        <source>&amp;Zoom In Here</source>
        <translation>&amp;Zoomer ici</translation>
    </message>
    <message>
        <source>&amp;Centre Here</source>
        <translation>&amp;Centrer ici</translation>
    </message>
    <message>
        <source>Copy &amp;Coordinates</source>
        <translation>Copier les c&amp;oordonnées</translation>
    </message>
    <message>
        <source>&amp;Fit Open Alarms</source>
        <translation>&amp;Voir toutes les alarmes ouvertes</translation>
    </message>
</context>
<context>
    <name>relais::MarkerLayer</name>
    <message>
        <source>%1 · about %2 min</source>
        <translation>%1 · environ %2&#xa0;min</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>Repeated %n times</source>
        <translation>
            <numerusform>Répétée %n fois</numerusform>
            <numerusform>Répétée %n fois</numerusform>
        </translation>
    </message>
    <message>
        <source>Helper: %1</source>
        <translation>Intervenant&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open alarms: click to zoom in</source>
        <translation>
            <numerusform>%n alarme ouverte&#xa0;: cliquez pour zoomer</numerusform>
            <numerusform>%n alarmes ouvertes&#xa0;: cliquez pour zoomer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n helpers on duty: click to zoom in</source>
        <translation>
            <numerusform>%n intervenant en service&#xa0;: cliquez pour zoomer</numerusform>
            <numerusform>%n intervenants en service&#xa0;: cliquez pour zoomer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n devices: click to zoom in</source>
        <translation>
            <numerusform>%n appareil&#xa0;: cliquez pour zoomer</numerusform>
            <numerusform>%n appareils&#xa0;: cliquez pour zoomer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::MbtilesTileSource</name>
    <message>
        <source>The map file %1 does not exist.</source>
        <translation>Le fichier de carte %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The map file %1 cannot be read.</source>
        <translation>Le fichier de carte %1 est illisible.</translation>
    </message>
    <message>
        <source>%1 is not an MBTiles map: it is not a SQLite database.</source>
        <translation>%1 n&apos;est pas une carte MBTiles&#xa0;: ce n&apos;est pas une base SQLite.</translation>
    </message>
    <message>
        <source>The map file %1 could not be opened: %2</source>
        <translation>Le fichier de carte %1 n&apos;a pas pu être ouvert&#xa0;: %2</translation>
    </message>
    <message>
        <source>The map file %1 could not be read: %2</source>
        <translation>Le fichier de carte %1 n&apos;a pas pu être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>it has no “%1” table</source>
        <translation>il n&apos;a pas de table «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>its “%1” table lacks the column(s) %2</source>
        <translation>il manque à sa table «&#xa0;%1&#xa0;» la ou les colonnes %2</translation>
    </message>
    <message>
        <source>%1 is not an MBTiles map: %2.</source>
        <translation>%1 n&apos;est pas une carte MBTiles&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The metadata of the map file %1 could not be read: %2</source>
        <translation>Les métadonnées du fichier de carte %1 n&apos;ont pas pu être lues&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 holds vector tiles (%2), which Relais cannot draw: it needs png, jpg or webp tiles.</source>
        <translation>%1 contient des tuiles vectorielles (%2), que Relais ne sait pas dessiner&#xa0;: il lui faut des tuiles png, jpg ou webp.</translation>
    </message>
    <message>
        <source>%1 holds tiles of the unknown format “%2”: Relais draws png, jpg or webp tiles.</source>
        <translation>%1 contient des tuiles au format inconnu «&#xa0;%2&#xa0;»&#xa0;: Relais dessine les tuiles png, jpg ou webp.</translation>
    </message>
    <message>
        <source>%1 (the file names no attribution)</source>
        <translation>%1 (le fichier ne mentionne aucune attribution)</translation>
    </message>
    <message>
        <source>The tiles of the map file %1 could not be read: %2</source>
        <translation>Les tuiles du fichier de carte %1 n&apos;ont pas pu être lues&#xa0;: %2</translation>
    </message>
    <message>
        <source>There is no tile %1.</source>
        <translation>Il n&apos;y a pas de tuile %1.</translation>
    </message>
    <message>
        <source>%1 has no tiles at zoom %2: its zooms go from %3 to %4.</source>
        <translation>%1 n&apos;a pas de tuiles au zoom %2&#xa0;: ses zooms vont de %3 à %4.</translation>
    </message>
    <message>
        <source>%1 has no tile %2.</source>
        <translation>%1 n&apos;a pas de tuile %2.</translation>
    </message>
    <message>
        <source>Tile %1 of %2 is not a PNG, JPEG or WebP image.</source>
        <translation>La tuile %1 de %2 n&apos;est pas une image PNG, JPEG ou WebP.</translation>
    </message>
</context>
<context>
    <name>relais::Migrations</name>
    <message>
        <source>The journal database %1 has schema version %2, but this version of Relais only knows versions up to %3: it was written by a newer Relais. Install that newer version, or choose another data folder. The database was left untouched.</source>
        <translation>La base de données du journal %1 est en version de schéma %2, mais cette version de Relais ne connaît que les versions jusqu&apos;à %3&#xa0;: elle a été écrite par une version plus récente de Relais. Installez cette version plus récente, ou choisissez un autre dossier de données. La base de données n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>Cannot upgrade the journal database %1 to schema version %2: %3</source>
        <translation>Impossible de mettre à jour la base de données du journal %1 vers la version de schéma %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>relais::Mission</name>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Offers out</source>
        <translation>Propositions envoyées</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Attribuée</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Mission %1 cannot go from “%2” to “%3”.</source>
        <translation>La mission %1 ne peut pas passer de «&#xa0;%2&#xa0;» à «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>Helper %1 already has this offer.</source>
        <translation>L&apos;intervenant %1 a déjà reçu cette proposition.</translation>
    </message>
    <message>
        <source>Mission %1 has already been taken by %2.</source>
        <translation>La mission %1 a déjà été acceptée par %2.</translation>
    </message>
    <message>
        <source>Helper %1 has no pending offer for mission %2.</source>
        <translation>L&apos;intervenant %1 n&apos;a aucune proposition en attente pour la mission %2.</translation>
    </message>
    <message>
        <source>Choose a helper to assign.</source>
        <translation>Choisissez un intervenant à affecter.</translation>
    </message>
    <message>
        <source>Mission %1 is not assigned.</source>
        <translation>La mission %1 n&apos;est pas attribuée.</translation>
    </message>
    <message>
        <source>Use cancel, not complete, to cancel a mission.</source>
        <translation>Pour annuler une mission, annulez-la au lieu de la terminer.</translation>
    </message>
</context>
<context>
    <name>relais::MissionKind</name>
    <message>
        <source>Verification</source>
        <translation>Levée de doute</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>relais::MissionTableModel</name>
    <message>
        <source>No.</source>
        <comment>mission number</comment>
        <translation>N°</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Indemnité</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Propositions</translation>
    </message>
    <message>
        <source>Fee paid to the helper for this mission</source>
        <translation>Indemnité versée à l&apos;intervenant pour cette mission</translation>
    </message>
    <message>
        <source>Offers awaiting an answer</source>
        <translation>Propositions en attente de réponse</translation>
    </message>
    <message>
        <source>#%1</source>
        <comment>alarm number</comment>
        <translation>n° %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>alarm kind, place</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Payout: %1</source>
        <translation>Montant versé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>relais::Outcome</name>
    <message>
        <source>Real incident</source>
        <translation>Incident réel</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>Fausse alarme</translation>
    </message>
    <message>
        <source>Emergency services called</source>
        <translation>Secours appelés</translation>
    </message>
    <message>
        <source>No access / no answer</source>
        <translation>Pas d&apos;accès / pas de réponse</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
</context>
<context>
    <name>relais::PrivacyPlanner</name>
    <message>
        <source>Cannot read the journal to plan a purge.</source>
        <translation>Impossible de lire le journal pour préparer un effacement.</translation>
    </message>
    <message>
        <source>entry %1 (%2) is refused on replay: %3</source>
        <translation>l&apos;entrée %1 (%2) est refusée à la relecture&#xa0;: %3</translation>
    </message>
    <message>
        <source>Cannot plan a purge: %1</source>
        <translation>Impossible de préparer l&apos;effacement&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>relais::RasterTileProvider</name>
    <message>
        <source>The tile is not an image Relais can read.</source>
        <translation>La tuile n&apos;est pas une image que Relais sait lire.</translation>
    </message>
</context>
<context>
    <name>relais::RegistryCommands</name>
    <message>
        <source>A device needs an id.</source>
        <translation>Un appareil a besoin d&apos;un identifiant.</translation>
    </message>
</context>
<context>
    <name>relais::RetentionPage</name>
    <message>
        <source>Personal data</source>
        <translation>Données personnelles</translation>
    </message>
    <message>
        <source> days</source>
        <translation>&#xa0;jours</translation>
    </message>
    <message>
        <source>&amp;Keep personal data for:</source>
        <translation>&amp;Conserver les données personnelles&#xa0;:</translation>
    </message>
    <message>
        <source>When an alarm has been closed or cancelled for this long, its personal details are purged: the address, the notes, what the caller said and the caller&apos;s name; its position is rounded to the neighbourhood. Helpers&apos; positions older than this are forgotten too. Reports keep pseudonymised records: counts, times, outcomes and fees, without names or addresses. Default: 365 days.</source>
        <translation>Quand une alarme est clôturée ou annulée depuis cette durée, ses données personnelles sont effacées&#xa0;: l&apos;adresse, les notes, les propos et le nom de l&apos;appelant&#xa0;; sa position est arrondie au quartier. Les positions des intervenants plus anciennes sont oubliées aussi. Les rapports gardent des enregistrements pseudonymisés&#xa0;: nombres, heures, issues et indemnités, sans noms ni adresses. Par défaut&#xa0;: 365 jours.</translation>
    </message>
</context>
<context>
    <name>relais::SecretsPage</name>
    <message>
        <source>Tokens and passwords are kept only in the system keychain, never in a file of Relais. A stored value is never shown: type a new one to replace it. “Store” and “Delete” act at once; OK and Cancel do not apply to them.</source>
        <translation>Les jetons et mots de passe ne sont conservés que dans le trousseau du système, jamais dans un fichier de Relais. Une valeur enregistrée n&apos;est jamais affichée&#xa0;: tapez-en une nouvelle pour la remplacer. «&#xa0;Enregistrer&#xa0;» et «&#xa0;Supprimer&#xa0;» agissent aussitôt&#xa0;; OK et Annuler ne s&apos;y appliquent pas.</translation>
    </message>
    <message>
        <source>The system keychain is not available in this window.</source>
        <translation>Le trousseau du système n&apos;est pas disponible dans cette fenêtre.</translation>
    </message>
    <message>
        <source>Gateway tokens</source>
        <translation>Jetons des passerelles</translation>
    </message>
    <message>
        <source>No gateway account in the gateways file.</source>
        <translation>Aucun compte de passerelle dans le fichier des passerelles.</translation>
    </message>
    <message>
        <source>Passwords</source>
        <translation>Mots de passe</translation>
    </message>
    <message>
        <source>Database (PostgreSQL) password:</source>
        <translation>Mot de passe de la base (PostgreSQL)&#xa0;:</translation>
    </message>
    <message>
        <source>MQTT broker password:</source>
        <translation>Mot de passe du broker MQTT&#xa0;:</translation>
    </message>
    <message>
        <source>Token of gateway %1:</source>
        <translation>Jeton de la passerelle %1&#xa0;:</translation>
    </message>
    <message>
        <source>Its token is written in the gateways file: a token stored here is used once the file names it with &quot;token_secret&quot;: &quot;%1&quot;.</source>
        <translation>Son jeton est écrit dans le fichier des passerelles&#xa0;: un jeton enregistré ici sera utilisé dès que le fichier le désigne par &quot;token_secret&quot;: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <source>Stored in the keychain under %1</source>
        <translation>Enregistré dans le trousseau sous %1</translation>
    </message>
    <message>
        <source>Storing…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Stored in the keychain.</source>
        <translation>Enregistré dans le trousseau.</translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Not in the keychain (any more).</source>
        <translation>Absent du trousseau.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Non supprimé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>relais::SerialGatewayLine</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 was lost: %2</source>
        <translation>Liaison perdue avec %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>relais::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Passerelles</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Répartition</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Indemnités</translation>
    </message>
    <message>
        <source>Language and Sounds</source>
        <translation>Langue et sons</translation>
    </message>
    <message>
        <source>Data Retention</source>
        <translation>Conservation des données</translation>
    </message>
    <message>
        <source>Fees can only be changed from a window connected to the journal.</source>
        <translation>Les indemnités ne se modifient que depuis une fenêtre reliée au journal.</translation>
    </message>
    <message>
        <source>The gateways file was not saved: %1</source>
        <translation>Le fichier des passerelles n&apos;a pas été enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>Les paramètres n&apos;ont pas pu être écrits dans %1.</translation>
    </message>
    <message>
        <source>Recording the fees…</source>
        <translation>Enregistrement des indemnités…</translation>
    </message>
    <message>
        <source>The fees were not changed: %1</source>
        <translation>Les indemnités n&apos;ont pas été modifiées&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>relais::Severity</name>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Majeure</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Mineure</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
</context>
<context>
    <name>relais::SqlConnection</name>
    <message>
        <source>The Qt SQL driver %1 is not installed (Debian: install libqt6sql6-sqlite).</source>
        <translation>Le pilote Qt SQL %1 n&apos;est pas installé (Debian&#xa0;: installez libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Cannot open the journal database %1: %2</source>
        <translation>Impossible d&apos;ouvrir la base de données du journal %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>relais::SqlDialect</name>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>Cannot make commits durable</source>
        <translation>Impossible de rendre les validations durables</translation>
    </message>
    <message>
        <source>Cannot switch the journal database to write-ahead logging</source>
        <translation>Impossible de passer la base de données du journal en journalisation anticipée (WAL)</translation>
    </message>
    <message>
        <source>The journal database %1 cannot use write-ahead logging (journal mode is “%2”). Put the data folder on a local disk.</source>
        <translation>La base de données du journal %1 ne peut pas utiliser la journalisation anticipée (WAL), le mode de journalisation reste «&#xa0;%2&#xa0;». Placez le dossier de données sur un disque local.</translation>
    </message>
    <message>
        <source>Cannot set the busy timeout</source>
        <translation>Impossible de définir le délai d&apos;attente du verrou</translation>
    </message>
    <message>
        <source>Cannot read the schema version</source>
        <translation>Impossible de lire la version du schéma</translation>
    </message>
    <message>
        <source>Cannot write the schema version</source>
        <translation>Impossible d&apos;écrire la version du schéma</translation>
    </message>
    <message>
        <source>Cannot check the journal database</source>
        <translation>Impossible de vérifier la base de données du journal</translation>
    </message>
    <message>
        <source>Cannot size the page cache</source>
        <translation>Impossible de dimensionner le cache de pages</translation>
    </message>
    <message>
        <source>Cannot set the checkpoint interval</source>
        <translation>Impossible de régler l&apos;intervalle des points de contrôle</translation>
    </message>
</context>
<context>
    <name>relais::StartShiftDialog</name>
    <message>
        <source>Start a Shift</source>
        <translation>Prendre le service</translation>
    </message>
    <message>
        <source>Your name, e.g. Claire Martin</source>
        <translation>Votre nom, p.&#xa0;ex. Claire Martin</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>&amp;Opérateur&#xa0;:</translation>
    </message>
    <message>
        <source>Every action of the shift is recorded under this name.</source>
        <translation>Chaque action du service est enregistrée sous ce nom.</translation>
    </message>
    <message>
        <source>&amp;Start Shift</source>
        <translation>&amp;Prendre le service</translation>
    </message>
    <message>
        <source>Enter your name to start the shift.</source>
        <translation>Saisissez votre nom pour prendre le service.</translation>
    </message>
</context>
<context>
    <name>relais::StateLoader</name>
    <message>
        <source>Cannot read the state tables: %1 (%2)</source>
        <translation>Impossible de lire les tables d&apos;état&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>The state table %1 holds an unreadable row (%2: %3). Rebuild the state tables from the journal.</source>
        <translation>La table d&apos;état %1 contient une ligne illisible (%2&#xa0;: %3). Reconstruisez les tables d&apos;état à partir du journal.</translation>
    </message>
    <message>
        <source>kind, severity, state or outcome</source>
        <translation>type, gravité, état ou conclusion</translation>
    </message>
    <message>
        <source>availability or skills</source>
        <translation>disponibilité ou compétences</translation>
    </message>
    <message>
        <source>kind, state or outcome</source>
        <translation>type, état ou conclusion</translation>
    </message>
</context>
<context>
    <name>relais::StateWriter</name>
    <message>
        <source>Cannot write the state tables: %1 (%2)</source>
        <translation>Impossible d&apos;écrire les tables d&apos;état&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Cannot write the state tables: %1</source>
        <translation>Impossible d&apos;écrire les tables d&apos;état&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>relais::Store</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Impossible de créer le dossier de données %1.</translation>
    </message>
    <message>
        <source>The journal is not open.</source>
        <translation>Le journal n&apos;est pas ouvert.</translation>
    </message>
    <message>
        <source>The journal in %1 is already open.</source>
        <translation>Le journal de %1 est déjà ouvert.</translation>
    </message>
    <message>
        <source>The state could not be rebuilt from the journal: %1</source>
        <translation>L&apos;état n&apos;a pas pu être reconstruit à partir du journal&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>relais::StoreActionSink</name>
    <message>
        <source>No answer from the journal.</source>
        <translation>Aucune réponse du journal.</translation>
    </message>
</context>
<context>
    <name>relais::TableSetup</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
</context>
<context>
    <name>relais::TileSourceFactory</name>
    <message>
        <source>The vector basemap is drawn by the map itself: it has no tile source.</source>
        <translation>Le plan vectoriel est dessiné par la carte elle-même&#xa0;: il n&apos;a pas de source de tuiles.</translation>
    </message>
</context>
<context>
    <name>relais::TileSourceSpec</name>
    <message>
        <source>“mbtiles:” needs the path of an MBTiles file, e.g. mbtiles:/srv/maps/town.mbtiles.</source>
        <translation>«&#xa0;mbtiles:&#xa0;» demande le chemin d&apos;un fichier MBTiles, par exemple mbtiles:/srv/maps/ville.mbtiles.</translation>
    </message>
    <message>
        <source>Unknown map source “%1”: use osm, ign, vector, xyz:&lt;URL template with {z} {x} {y}&gt; or mbtiles:&lt;file&gt;.</source>
        <translation>Source de carte «&#xa0;%1&#xa0;» inconnue&#xa0;: utilisez osm, ign, vector, xyz:&lt;modèle d&apos;URL avec {z} {x} {y}&gt; ou mbtiles:&lt;fichier&gt;.</translation>
    </message>
</context>
<context>
    <name>relais::VectorTileProvider</name>
    <message>
        <source>Offline street map</source>
        <translation>Plan hors ligne</translation>
    </message>
    <message>
        <source>No such tile.</source>
        <translation>Tuile inexistante.</translation>
    </message>
</context>
<context>
    <name>relais::XyzTemplate</name>
    <message>
        <source>The tile URL template is empty.</source>
        <translation>Le modèle d&apos;URL des tuiles est vide.</translation>
    </message>
    <message>
        <source>The tile URL template “%1” lacks %2: it needs {z}, {x} and {y}.</source>
        <translation>Il manque %2 au modèle d&apos;URL des tuiles «&#xa0;%1&#xa0;»&#xa0;: il lui faut {z}, {x} et {y}.</translation>
    </message>
    <message>
        <source>The tile URL template “%1” has %2, which Relais does not fill in: only {z}, {x} and {y} are allowed.</source>
        <translation>Le modèle d&apos;URL des tuiles «&#xa0;%1&#xa0;» contient %2, que Relais ne remplit pas&#xa0;: seuls {z}, {x} et {y} sont permis.</translation>
    </message>
    <message>
        <source>The tile URL template “%1” is not an http:// or https:// address of a server.</source>
        <translation>Le modèle d&apos;URL des tuiles «&#xa0;%1&#xa0;» n&apos;est pas une adresse de serveur http:// ou https://.</translation>
    </message>
    <message>
        <source>Tiles: %1</source>
        <translation>Tuiles&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>relais::XyzTileSource</name>
    <message>
        <source>There is no tile %1.</source>
        <translation>Il n&apos;y a pas de tuile %1.</translation>
    </message>
    <message>
        <source>%1 has no tiles at zoom %2: its zooms go from %3 to %4.</source>
        <translation>%1 n&apos;a pas de tuiles au zoom %2&#xa0;: ses zooms vont de %3 à %4.</translation>
    </message>
    <message>
        <source>The tile server %1 has no tile %2.</source>
        <translation>Le serveur de tuiles %1 n&apos;a pas de tuile %2.</translation>
    </message>
    <message>
        <source>The tile server %1 is failing (HTTP %2).</source>
        <translation>Le serveur de tuiles %1 est en panne (HTTP %2).</translation>
    </message>
    <message>
        <source>The tile server %1 refused tile %2 (HTTP %3).</source>
        <translation>Le serveur de tuiles %1 a refusé la tuile %2 (HTTP %3).</translation>
    </message>
    <message>
        <source>The tile server %1 refused the connection.</source>
        <translation>Le serveur de tuiles %1 a refusé la connexion.</translation>
    </message>
    <message>
        <source>The tile server %1 could not be found: no network, or a wrong address.</source>
        <translation>Le serveur de tuiles %1 est introuvable&#xa0;: pas de réseau, ou adresse erronée.</translation>
    </message>
    <message>
        <source>The tile server %1 did not answer within %2 seconds.</source>
        <translation>Le serveur de tuiles %1 n&apos;a pas répondu en %2 secondes.</translation>
    </message>
    <message>
        <source>The secure connection to the tile server %1 failed: %2.</source>
        <translation>La connexion sécurisée au serveur de tuiles %1 a échoué&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The tile server %1 could not be reached: %2.</source>
        <translation>Le serveur de tuiles %1 est injoignable&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The tile server %1 sent an empty answer for tile %2.</source>
        <translation>Le serveur de tuiles %1 a envoyé une réponse vide pour la tuile %2.</translation>
    </message>
    <message>
        <source>The tile server %1 sent something that is not a PNG, JPEG or WebP image for tile %2 (%3).</source>
        <translation>Le serveur de tuiles %1 a envoyé pour la tuile %2 autre chose qu&apos;une image PNG, JPEG ou WebP (%3).</translation>
    </message>
    <message>
        <source>no content type</source>
        <translation>sans type de contenu</translation>
    </message>
</context>
<context>
    <name>relais::main</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Impossible de créer le dossier de données %1.</translation>
    </message>
    <message>
        <source>Display out of step at journal entry %1: %2</source>
        <translation>Affichage désynchronisé à l&apos;entrée de journal %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Journal&#xa0;: %1</translation>
    </message>
    <message>
        <source>The demo gateway port could not be opened.</source>
        <translation>Le port de la passerelle de démonstration n&apos;a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>The demo town could not be registered: %1</source>
        <translation>La ville de démonstration n&apos;a pas pu être référencée&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 The map shows the offline basemap.</source>
        <translation>%1 La carte affiche le plan hors ligne.</translation>
    </message>
    <message>
        <source>The running costs could not be read: %1</source>
        <translation>Les frais de fonctionnement n’ont pas pu être lus&#xa0;: %1</translation>
    </message>
    <message>
        <source>The personal details due for purging could not be purged: %1</source>
        <translation>Les données personnelles à effacer n&apos;ont pas pu l&apos;être&#xa0;: %1</translation>
    </message>
    <message>
        <source>The log file %1 cannot be written: %2</source>
        <translation>Le fichier de log %1 ne peut pas être écrit&#xa0;: %2</translation>
    </message>
    <message>
        <source>Relais %1 started in demo mode, data folder %2</source>
        <translation>Relais %1 démarré en mode démo, dossier de données %2</translation>
    </message>
    <message>
        <source>Relais %1 started, data folder %2</source>
        <translation>Relais %1 démarré, dossier de données %2</translation>
    </message>
    <message>
        <source>Privacy purge: %1 alarms, %2 journal entries redacted.</source>
        <translation>Effacement des données personnelles&#xa0;: %1 alarmes, %2 entrées du journal caviardées.</translation>
    </message>
    <message>
        <source>Relais stopped</source>
        <translation>Relais arrêté</translation>
    </message>
</context>
</TS>
