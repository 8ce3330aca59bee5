<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
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
        <source>Keep the journal in &lt;dir&gt;.</source>
        <translation>Conserve le journal dans &lt;dossier&gt;.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>Interface language: fr or en (default: system).</source>
        <translation>Langue de l&apos;interface&#xa0;: fr ou en (par défaut&#xa0;: celle du système).</translation>
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
        <source>About Relais</source>
        <translation>À propos de Relais</translation>
    </message>
    <message>
        <source>No open alarms</source>
        <translation>Aucune alarme ouverte</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>No helpers registered</source>
        <translation>Aucun intervenant inscrit</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>Intervenants</translation>
    </message>
    <message>
        <source>No missions under way</source>
        <translation>Aucune mission en cours</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>Missions</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Show &amp;Closed Alarms</source>
        <translation>Afficher les alarmes &amp;clôturées</translation>
    </message>
    <message>
        <source>No alarms</source>
        <translation>Aucune alarme</translation>
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
        <source>Data: %1</source>
        <translation>Données&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open alarms: %1</source>
        <translation>Alarmes ouvertes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Helpers on duty: %1 (%2 available)</source>
        <translation>Intervenants en service&#xa0;: %1 (disponibles&#xa0;: %2)</translation>
    </message>
</context>
<context>
    <name>relais::MapPlaceholder</name>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>The map will appear here</source>
        <translation>La carte s&apos;affichera ici</translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors</source>
        <translation>© les contributeurs d&apos;OpenStreetMap</translation>
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
</context>
</TS>
