#include "logging/log.h"

#include "logging/logrecord.h"

namespace relais {

// Info and above by default: debug lines are for developers who ask for them.
Q_LOGGING_CATEGORY(lcStore, "relais.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDevices, "relais.devices", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHelpers, "relais.helpers", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPrivacy, "relais.privacy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "relais.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "relais.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMap, "relais.map", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSound, "relais.sound", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "relais.ui", QtInfoMsg)

namespace Logging {

bool isForTheLog(QStringView category)
{
    return category.startsWith(u"relais.") && category != QLatin1StringView(lcUi().categoryName());
}

bool isForTheLog(const LogRecord &record)
{
    return LogRecord::severity(record.level) >= LogRecord::severity(QtInfoMsg) && isForTheLog(record.category);
}

QString firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    return (end < 0 ? text : text.left(end)).trimmed();
}

} // namespace Logging

} // namespace relais
