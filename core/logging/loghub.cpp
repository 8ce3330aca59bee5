#include "logging/loghub.h"

#include "logging/logsink.h"

#include <QMutex>
#include <QMutexLocker>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <utility>

namespace relais {

namespace {

// Guards the hub in place and its sinks: one record at a time goes through them, whatever the
// thread. Held only while sinks write and recorded() is posted, never while another handler runs.
QBasicMutex g_lock;
LogHub *g_hub = nullptr;
// Read without the lock: it is needed when this thread already holds it (a sink that logs).
std::atomic<QtMessageHandler> g_previous{nullptr}; // the handler installed before the hub
// Set while this thread is inside the hub: what it logs then skips the sinks.
thread_local bool t_inHub = false;

void forward(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (const QtMessageHandler previous = g_previous.load()) {
        previous(type, context, message);
        return;
    }
    // Qt 6 hands back its default handler, so this is only a safety net.
    const QString line = qFormatLogMessage(type, context, message);
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

} // namespace

LogHub::LogHub(QObject *parent) : QObject(parent)
{
    {
        QMutexLocker lock(&g_lock);
        if (!g_hub) {
            g_hub = this;
            m_installed = true;
            g_previous.store(qInstallMessageHandler(&LogHub::handle));
        }
    }
    // Outside the lock: this goes through the other hub's handler.
    if (!m_installed)
        qWarning("relais: a LogHub already exists; this one is inert");
}

LogHub::~LogHub()
{
    if (!m_installed)
        return;
    QList<std::shared_ptr<LogSink>> sinks;
    {
        QMutexLocker lock(&g_lock);
        g_hub = nullptr;
        sinks.swap(m_sinks);
        qInstallMessageHandler(g_previous.load());
    }
    // Outside the lock: a sink's flush may log (to the previous handler by now).
    for (const std::shared_ptr<LogSink> &sink : std::as_const(sinks))
        sink->flush();
}

LogHub *LogHub::instance()
{
    QMutexLocker lock(&g_lock);
    return g_hub;
}

void LogHub::addSink(std::shared_ptr<LogSink> sink)
{
    if (!sink)
        return;
    QMutexLocker lock(&g_lock);
    m_sinks.append(std::move(sink));
}

void LogHub::removeSink(const LogSink *sink)
{
    std::shared_ptr<LogSink> removed;
    {
        QMutexLocker lock(&g_lock);
        const auto it = std::find_if(m_sinks.begin(), m_sinks.end(),
                                     [sink](const std::shared_ptr<LogSink> &s) { return s.get() == sink; });
        if (it == m_sinks.end())
            return;
        removed = *it;
        m_sinks.erase(it);
    }
    removed->flush();
}

void LogHub::flush()
{
    QMutexLocker lock(&g_lock);
    const bool wasInHub = std::exchange(t_inHub, true);
    for (const std::shared_ptr<LogSink> &sink : std::as_const(m_sinks))
        sink->flush();
    t_inHub = wasInHub;
}

bool LogHub::dispatch(const LogRecord &record)
{
    bool taken = false;
    for (const std::shared_ptr<LogSink> &sink : std::as_const(m_sinks)) {
        if (sink->accepts(record)) {
            sink->write(record);
            taken = true;
        }
    }
    emit recorded(record);
    return taken;
}

void LogHub::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // A message logged from inside the hub (a sink's flush, a receiver of recorded() connected
    // directly) must neither take the lock again nor loop: it goes where it would without a hub.
    // (Inside this handler Qt already sends nested messages to standard error itself.)
    if (t_inHub) {
        forward(type, context, message);
        return;
    }
    LogRecord record;
    record.time = QDateTime::currentDateTimeUtc();
    record.level = type;
    record.category = QString::fromLatin1(context.category ? context.category : "default");
    record.text = message;

    t_inHub = true;
    bool taken = false;
    {
        QMutexLocker lock(&g_lock);
        if (g_hub)
            taken = g_hub->dispatch(record);
    }
    t_inHub = false;
    // Fatal: the sinks have it (flushed); Qt's handler still prints it before the abort.
    if (!taken || type == QtFatalMsg)
        forward(type, context, message);
}

} // namespace relais
