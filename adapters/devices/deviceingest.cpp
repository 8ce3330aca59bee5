#include "deviceingest.h"

#include "clock.h"

#include <QPointer>

#include <vector>

namespace relais {

// One submission waiting for the journal's answers.
struct DeviceIngest::Pending
{
    QString statusKey;
    QPointer<const QObject> receiver;
    IngestPort::Answer answer;
    qsizetype remaining = 0;
    std::vector<bool> refused; // per index: a device.rejected entry; empty when there is none
};

DeviceIngest::DeviceIngest(Submit submit, const Clock *clock, QObject *parent)
    : QObject(parent), m_submit(std::move(submit)), m_clock(clock)
{
    qRegisterMetaType<relais::GatewayStatus>();
    qRegisterMetaType<relais::WriteResult>();
    qRegisterMetaType<QList<relais::WriteResult>>();
    m_publishTimer.setInterval(200);
    connect(&m_publishTimer, &QTimer::timeout, this, &DeviceIngest::publishDirty);
    m_publishTimer.start();
}

DeviceIngest::~DeviceIngest() = default;

void DeviceIngest::submit(const QString &statusKey, QList<JournalEntry> entries, const QObject *receiver, Answer answer)
{
    if (entries.isEmpty())
        return;
    // The time of receipt: one read's lines arrived together.
    const QDateTime now = m_clock->now();
    std::vector<bool> refused;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        JournalEntry &e = entries[i];
        if (!e.time.isValid())
            e.time = now;
        if (e.kind == EntryKind::DeviceRejected) {
            if (refused.empty())
                refused.resize(std::size_t(entries.size()), false);
            refused[std::size_t(i)] = true;
        }
    }
    const quint64 ticket = TicketBit | ++m_nextTicket;
    if (receiver && answer) {
        auto p = std::make_shared<Pending>();
        p->statusKey = statusKey;
        p->receiver = receiver;
        p->answer = std::move(answer);
        p->remaining = entries.size();
        p->refused = std::move(refused);
        m_pending.insert(ticket, std::move(p));
    }
    m_submit(ticket, entries);
}

void DeviceIngest::onProcessed(const QList<WriteResult> &results)
{
    quint64 lastTicket = 0;
    std::shared_ptr<Pending> pending;
    for (const WriteResult &r : results) {
        if ((r.ticket & TicketBit) == 0)
            continue; // not ours
        if (r.ticket != lastTicket) {
            lastTicket = r.ticket;
            pending = m_pending.value(r.ticket);
        }
        if (!pending)
            continue;
        // A ticket's results may come over several batches: it is forgotten with its last one.
        if (--pending->remaining <= 0)
            m_pending.remove(r.ticket);
        if (pending->receiver && pending->answer(r))
            count(*pending, r);
    }
}

void DeviceIngest::count(const Pending &p, const WriteResult &r)
{
    if (p.statusKey.isEmpty())
        return;
    GatewayStatus &s = row(p.statusKey, {});
    switch (r.status) {
    case WriteResult::Status::Stored:
        // Input the source's codec refused is journaled as device.rejected: stored, but refused.
        if (!p.refused.empty() && r.index >= 0 && std::size_t(r.index) < p.refused.size()
            && p.refused[std::size_t(r.index)])
            ++s.rejected;
        else
            ++s.stored;
        break;
    case WriteResult::Status::Duplicate:
        ++s.duplicate;
        break;
    case WriteResult::Status::Rejected:
    case WriteResult::Status::Refused:
        ++s.rejected;
        break;
    case WriteResult::Status::Failed:
        ++s.rejected;
        s.lastError = r.error.message;
        break;
    }
    m_dirty.insert(p.statusKey);
}

void DeviceIngest::updateRow(const QString &statusKey, const RowChange &change)
{
    const QDateTime now = m_clock->now();
    change(row(statusKey, now), now);
    m_dirty.insert(statusKey);
}

GatewayStatus &DeviceIngest::row(const QString &key, const QDateTime &now)
{
    auto it = m_status.find(key);
    if (it == m_status.end()) {
        GatewayStatus s;
        s.key = key;
        s.since = now.isValid() ? now : m_clock->now();
        it = m_status.insert(key, s);
    }
    return *it;
}

void DeviceIngest::publishDirty()
{
    if (m_dirty.isEmpty())
        return;
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    for (const QString &key : dirty)
        emit statusChanged(m_status.value(key));
}

} // namespace relais
