#pragma once

#include <QLoggingCategory>
#include <QStringView>

// Relais's logging categories (docs/logging.md). Messages go through qCInfo / qCWarning /
// qCCritical on one of these; LogHub fans them out to the Log dock and to the rotating file in
// the data folder. Debug output is off by default (QT_LOGGING_RULES="relais.*.debug=true").
//
// The rule for every message: never a secret (token, password, key) and never a beneficiary's
// personal details (address, name, notes, caller): ids, counts, peers' network addresses and
// error texts only. The file outlives the retention period that purges those details.

namespace relais {

class LogRecord;

// The journal's store: batches that could not be stored, migrations, the writer thread.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
// Gateways and device sources: connections refused, lost or replaced, downlinks not delivered.
Q_DECLARE_LOGGING_CATEGORY(lcDevices)
// Helper channels (handsets, SMS): notices that could not be sent or were not delivered.
Q_DECLARE_LOGGING_CATEGORY(lcHelpers)
// The privacy purge: how much it redacted, or why it could not run.
Q_DECLARE_LOGGING_CATEGORY(lcPrivacy)
// The system keychain: secrets that could not be read, written or deleted (never their value).
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
// Start-up and configuration: the data folder, the log file, settings that were not usable.
Q_DECLARE_LOGGING_CATEGORY(lcApp)
// The map's tiles: sources that fail, caches that cannot be written.
Q_DECLARE_LOGGING_CATEGORY(lcMap)
// Alarm sounds: the bell instead of a sound, mutes (ui/alarmsounds.cpp).
Q_DECLARE_LOGGING_CATEGORY(lcSound)
// What the window shows in its status bar (MainWindow::showError). Kept out of the file and the
// dock (Logging::isForTheLog): it can quote what the operator typed, or a tile URL with its key.
Q_DECLARE_LOGGING_CATEGORY(lcUi)

namespace Logging {

// Whether a record belongs in Relais's log (the Log dock and the file): info and above from a
// relais.* category, except relais.ui, whose lines repeat what the window's status bar shows the
// operator (texts that may quote what was typed; they stay on standard error as before).
bool isForTheLog(const LogRecord &record);
bool isForTheLog(QStringView category);

// The first line of an error text, trimmed. For database errors: PostgreSQL's second line
// ("DETAIL:  Failing row contains (…)") may quote a row, personal details included.
QString firstLine(const QString &text);

} // namespace Logging

} // namespace relais
