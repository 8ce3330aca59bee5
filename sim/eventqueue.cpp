#include "eventqueue.h"

#include "gatewayerrors.h"

#include <algorithm>
#include <vector>

namespace relais::sim {

void EventQueue::push(QByteArray id, QByteArray line, quint32 tag)
{
    OutEvent e;
    e.id = std::move(id);
    e.line = std::move(line);
    e.seq = m_nextSeq++;
    e.tag = tag;
    m_queue.push_back(std::move(e));
}

std::optional<OutEvent> EventQueue::popNext(qint64 nowMs)
{
    if (!m_waiting.empty() && m_waiting.begin()->first.first <= nowMs) {
        OutEvent e = std::move(m_waiting.begin()->second);
        m_waiting.erase(m_waiting.begin());
        return e;
    }
    if (m_queue.empty())
        return std::nullopt;
    OutEvent e = std::move(m_queue.front());
    m_queue.pop_front();
    return e;
}

void EventQueue::markInFlight(OutEvent event, qint64 nowUs)
{
    event.sentAtUs = nowUs;
    ++event.transmissions;
    QByteArray id = event.id;
    m_inFlight.insert(std::move(id), std::move(event));
}

EventQueue::Settled EventQueue::settle(QByteArrayView id, AckStatus status, const QString &reason, qint64 nowMs,
                                       qint64 nowUs)
{
    Settled out;
    auto it = m_inFlight.find(id.toByteArray());
    if (it == m_inFlight.end())
        return out;
    OutEvent e = std::move(it.value());
    m_inFlight.erase(it);
    out.latencyUs = nowUs - e.sentAtUs;
    out.tag = e.tag;
    out.id = e.id;
    switch (status) {
    case AckStatus::Stored:
        out.disposition = Disposition::Accepted;
        return out;
    case AckStatus::Duplicate:
        out.disposition = Disposition::Duplicate;
        return out;
    case AckStatus::Rejected:
        break;
    }
    if (reason == GatewayErrors::RateLimited || reason == GatewayErrors::Unavailable) {
        ++e.refusals;
        const qint64 due = nowMs + retryDelayMs(reason, e.refusals);
        const quint64 seq = e.seq;
        m_waiting.emplace(std::make_pair(due, seq), std::move(e));
        out.disposition = Disposition::Retry;
        return out;
    }
    out.disposition = Disposition::Rejected;
    return out;
}

qsizetype EventQueue::requeueInFlight()
{
    std::vector<OutEvent> back;
    back.reserve(size_t(m_inFlight.size()));
    for (auto it = m_inFlight.begin(); it != m_inFlight.end(); ++it)
        back.push_back(std::move(it.value()));
    m_inFlight.clear();
    std::sort(back.begin(), back.end(), [](const OutEvent &a, const OutEvent &b) { return a.seq < b.seq; });
    for (auto it = back.rbegin(); it != back.rend(); ++it)
        m_queue.push_front(std::move(*it));
    return qsizetype(back.size());
}

std::optional<qint64> EventQueue::nextDueMs() const
{
    if (m_waiting.empty())
        return std::nullopt;
    return m_waiting.begin()->first.first;
}

qint64 EventQueue::retryDelayMs(const QString &reason, int refusals)
{
    // rate_limited: the bucket refills within a second or two; unavailable: the store is in
    // trouble, back off further. Both grow with repeated refusals, up to a ceiling.
    const bool rateLimited = reason == GatewayErrors::RateLimited;
    const qint64 first = rateLimited ? 500 : 2000;
    const qint64 ceiling = rateLimited ? 8000 : 60000;
    qint64 delay = first;
    for (int i = 1; i < refusals && delay < ceiling; ++i)
        delay *= 2;
    return std::min(delay, ceiling);
}

} // namespace relais::sim
