#pragma once

#include <QDateTime>
#include <QString>
#include <QtGlobal>

namespace relais {

// One message as LogHub hands it to its sinks: when (UTC), how serious, from which category,
// and the text as it was logged.
class LogRecord final
{
public:
    QDateTime time; // UTC, to the millisecond
    QtMsgType level = QtInfoMsg;
    QString category; // "relais.store", "default", "qt.network.ssl", ...
    QString text;

    // QtMsgType's values are not in order of seriousness (QtInfoMsg comes last): this is.
    // debug 0 < info 1 < warning 2 < critical 3 < fatal 4.
    static int severity(QtMsgType level);
    // "debug", "info", "warning", "critical", "fatal": the file's level column.
    static QString levelName(QtMsgType level);
};

} // namespace relais
