<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>relais::Alarm</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm %1 cannot go from “%2” to “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm %1 is no longer open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm %1 has already been acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a helper to assign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm %1 has not been dispatched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use cancel, not resolve, to cancel an alarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm %1 has already reached this escalation stage.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::AlarmKind</name>
    <message>
        <source>Personal emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoke / fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intrusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door / contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water leak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas / CO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tamper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low battery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::AlarmTableModel</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time since the alarm was raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times the device sent this alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper assigned to the alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beneficiary: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device is not registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unregistered)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::AppOptions</name>
    <message>
        <source>Relais: dispatcher console for neighbourhood alarm verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the journal in &lt;dir&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language: fr or en (default: system).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit by itself after &lt;seconds&gt; (automated checks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language “%1”: use fr or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--quit-after needs a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DataDirLock</name>
    <message>
        <source>The data folder %1 is already in use by %2 (process %3 on %4). Close that Relais first, or start this one with another data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder %1 is already in use by another Relais. Close it first, or start this one with another data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the lock file %1: check that the data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock the data folder %1 (lock file %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DispatchState</name>
    <message>
        <source>The entry has no time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device id is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown device %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device %1 is already registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report interval must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device reported again while the helper was on scene.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown alarm kind “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device reported the condition ended at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown journal entry kind “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown severity “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manual alarm needs an address or coordinates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown alarm %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown escalation stage %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolving an alarm requires an outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm %1 has a mission under way: record its outcome instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm %1 is no longer open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm %1 already has a mission under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown mission kind “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fee needs a non-negative amount and a currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown mission %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown helper %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm %1 must be acknowledged before it is offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown answer “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mission %1 is not assigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completing a mission requires an outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper id is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper %1 is already registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper&apos;s name is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper %1 is on duty: end their duty first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a shift needs the operator&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown shift %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift %1 has already ended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DisplayFormat</name>
    <message>
        <source>%1 s</source>
        <comment>age: seconds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>age: minutes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2</source>
        <comment>age: hours, minutes (2 digits)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <comment>age: days, hours</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::Helper</name>
    <message>
        <source>Off duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On mission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper %1 cannot go from “%2” to “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper %1 is already on duty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper %1 has an offer for another mission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper %1 is off duty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper %1 is off duty: their position is not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid position.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::HelperTableModel</name>
    <message>
        <source>First aid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <comment>holds the beneficiary&apos;s keys</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mission %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <comment>mission number</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::JournalReader</name>
    <message>
        <source>Cannot read the journal: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::JournalWriter</name>
    <message>
        <source>Cannot prepare the journal statements: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to the journal: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing of the last %n entries was stored: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The journal is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot begin a transaction: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot commit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The claim of message %1 vanished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rebuild the state tables from the journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 (%2) is refused on replay: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::MainWindow</name>
    <message>
        <source>Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatcher console for neighbourhood alarm verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais is free software, licensed under the GNU General Public License, version 3 or later (GPL-3.0-or-later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It uses Qt, licensed under the GNU Lesser General Public License, version 3 (LGPLv3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map data © OpenStreetMap contributors, ODbL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No helpers registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No missions under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Closed Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Finished Missions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No missions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open alarms: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helpers on duty: %1 (%2 available)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::MapPlaceholder</name>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map will appear here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::Migrations</name>
    <message>
        <source>The journal database %1 has schema version %2, but this version of Relais only knows versions up to %3: it was written by a newer Relais. Install that newer version, or choose another data folder. The database was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot upgrade the journal database %1 to schema version %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::Mission</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offers out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mission %1 cannot go from “%2” to “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper %1 already has this offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mission %1 has already been taken by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper %1 has no pending offer for mission %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a helper to assign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mission %1 is not assigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use cancel, not complete, to cancel a mission.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::MissionKind</name>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::MissionTableModel</name>
    <message>
        <source>No.</source>
        <comment>mission number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee paid to the helper for this mission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offers awaiting an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <comment>alarm number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>alarm kind, place</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payout: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::Outcome</name>
    <message>
        <source>Real incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency services called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access / no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::Severity</name>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SqlConnection</name>
    <message>
        <source>The Qt SQL driver %1 is not installed (Debian: install libqt6sql6-sqlite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the journal database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SqlDialect</name>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make commits durable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot switch the journal database to write-ahead logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal database %1 cannot use write-ahead logging (journal mode is “%2”). Put the data folder on a local disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set the busy timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot check the journal database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::StateLoader</name>
    <message>
        <source>Cannot read the state tables: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state table %1 holds an unreadable row (%2: %3). Rebuild the state tables from the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind, severity, state or outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>availability or skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind, state or outcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::StateWriter</name>
    <message>
        <source>Cannot write the state tables: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::Store</name>
    <message>
        <source>The store is already open on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal is not open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::main</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display out of step at journal entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
