#include "loadgenerator.h"

#include "jsonlinewriter.h"
#include "wire.h"

#include <algorithm>

namespace relais::sim {

namespace {
constexpr int TickMs = 5;
}

LoadGenerator::LoadGenerator(const QList<SimDevice> &devices, int linesPerSecond, GatewayLink *link, QObject *parent)
    : QObject(parent), m_rate(linesPerSecond), m_link(link)
{
    m_pieces.reserve(size_t(devices.size()));
    int battery = 100;
    for (const SimDevice &d : devices) {
        Piece p;
        p.afterId = "\",\"device\":";
        JsonLineWriter::appendQuoted(p.afterId, d.id);
        p.afterId += ",\"time\":\"";
        p.tail = "\",\"battery\":" + QByteArray::number(battery) + "}\n";
        battery = battery > 60 ? battery - 1 : 100;
        m_pieces.push_back(std::move(p));
    }
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(TickMs);
    connect(&m_timer, &QTimer::timeout, this, &LoadGenerator::tick);
}

void LoadGenerator::start()
{
    if (m_running || m_pieces.empty())
        return;
    m_running = true;
    m_clock.start();
    m_timer.start();
    tick();
}

void LoadGenerator::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_stoppedAtNs = m_clock.nsecsElapsed();
    m_timer.stop();
}

double LoadGenerator::elapsedS() const
{
    if (!m_clock.isValid())
        return 0;
    return double(m_stoppedAtNs >= 0 ? m_stoppedAtNs : m_clock.nsecsElapsed()) / 1e9;
}

void LoadGenerator::tick()
{
    if (!m_running)
        return;
    const auto target = quint64(double(m_rate) * double(m_clock.nsecsElapsed()) / 1e9);
    if (target <= m_generated)
        return;
    // At most about a second of events waiting in the link (and never less than its window).
    const qsizetype cap = std::max<qsizetype>(m_rate, 8000);
    const qsizetype room = cap - m_link->queued();
    if (room <= 0)
        return;
    const quint64 n = std::min<quint64>(target - m_generated, quint64(room));
    const QByteArray time = Wire::timeNow();
    const QByteArray head = "{\"type\":\"device.heartbeat\",\"id\":\"";
    for (quint64 k = 0; k < n; ++k) {
        const Piece &p = m_pieces[m_nextDevice];
        m_nextDevice = (m_nextDevice + 1) % m_pieces.size();
        QByteArray id = m_link->nextId();
        QByteArray line;
        line.reserve(head.size() + id.size() + p.afterId.size() + time.size() + p.tail.size());
        line.append(head).append(id).append(p.afterId).append(time).append(p.tail);
        m_link->enqueue(std::move(id), std::move(line));
    }
    m_generated += n;
}

} // namespace relais::sim
