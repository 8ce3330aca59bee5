#pragma once

#include "logging/logrecord.h"

#include <QList>
#include <QObject>

#include <memory>

namespace relais {

class LogSink;

// The one logging facility (docs/logging.md): installs a Qt message handler for its lifetime and
// fans every qDebug/qCInfo/qCWarning… out, as a LogRecord, to its sinks (the rotating file) on
// the thread that logged, and to recorded() for widgets (the Log dock), which connect queued.
// A record no sink accepts goes on to the handler installed before, as if there were no hub:
// Qt's own warnings, relais.ui's and everything else still reach standard error.
//
// Thread-safe: the store's writer and the gateways log from their own threads. Sinks are called
// one at a time, under a lock. A sink never recurses nor deadlocks by logging: inside the handler
// Qt itself prints such a message on standard error, and from flush() the hub passes it straight
// on to the previous handler.
//
// One hub at a time, made by the composition root (or a test) after QCoreApplication and
// destroyed before it; a second one made while the first lives stays inert.
class LogHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogHub)

public:
    explicit LogHub(QObject *parent = nullptr);
    ~LogHub() override; // puts the previous handler back, flushes and drops the sinks

    // The hub in place, or nullptr: widgets made without one (tests) simply show no records.
    static LogHub *instance();

    // Thread-safe. The hub shares ownership: a sink lives at least until removed.
    void addSink(std::shared_ptr<LogSink> sink);
    // Thread-safe. Flushes the sink; once this returns it is never called again.
    void removeSink(const LogSink *sink);
    // Thread-safe. Flushes every sink.
    void flush();

signals:
    // Every record, from whichever thread logged it. Connect with Qt::QueuedConnection: a
    // message can be logged from inside a widget's own painting or layout.
    void recorded(const relais::LogRecord &record);

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);
    bool dispatch(const LogRecord &record);

    bool m_installed = false;
    QList<std::shared_ptr<LogSink>> m_sinks; // guarded by the handler's lock
};

} // namespace relais
