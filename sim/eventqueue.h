#pragma once

#include "ackstatus.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <deque>
#include <map>
#include <optional>
#include <utility>

namespace relais::sim {

// One event the gateway must get acknowledged (docs/protocol.md §4.2).
struct OutEvent
{
    QByteArray id;         // the message id, never changed once made
    QByteArray line;       // the encoded line, LF-terminated, sent as is every time
    quint64 seq = 0;       // creation order
    qint64 sentAtUs = 0;   // last transmission (monotonic clock)
    int transmissions = 0; // times written to a connection
    int refusals = 0;      // rate_limited / unavailable answers so far
    quint32 tag = 0;       // the owner's mark (0: nobody wants to hear about the ack)
};

// The reliability of the uplink, without I/O: every event is kept until an ack settles it.
//   queued   - created or given back, waiting to be written (in creation order);
//   in flight - written on the current connection, waiting for its ack;
//   waiting  - answered rate_limited or unavailable: sent again, same id, once due.
// When a connection is lost the in-flight events go back to the front of the queue, in
// creation order, ahead of the events created since: they are resent first, same ids.
class EventQueue final
{
public:
    enum class Disposition {
        Unknown,  // no event in flight has this id
        Accepted, // stored
        Duplicate,
        Rejected, // refused for good; the reason says why
        Retry,    // rate_limited or unavailable: waiting, sent again later
    };
    struct Settled
    {
        Disposition disposition = Disposition::Unknown;
        qint64 latencyUs = 0; // from the last transmission to the ack
        quint32 tag = 0;
        QByteArray id;
    };

    void push(QByteArray id, QByteArray line, quint32 tag = 0);

    // The next event to write now: due retries first, then the queue. The caller writes it and
    // hands it to markInFlight(), or drops it.
    std::optional<OutEvent> popNext(qint64 nowMs);
    void markInFlight(OutEvent event, qint64 nowUs);

    // The ack of an event in flight.
    Settled settle(QByteArrayView id, AckStatus status, const QString &reason, qint64 nowMs, qint64 nowUs);

    // The connection is gone: every event in flight is queued again, first, in creation order.
    // Returns how many.
    qsizetype requeueInFlight();

    qsizetype queued() const { return qsizetype(m_queue.size()); }
    qsizetype inFlight() const { return m_inFlight.size(); }
    qsizetype waiting() const { return qsizetype(m_waiting.size()); }
    bool empty() const { return m_queue.empty() && m_inFlight.isEmpty() && m_waiting.empty(); }
    // When the first waiting event is due (monotonic ms), if any waits.
    std::optional<qint64> nextDueMs() const;

    // How long an event waits after its n-th refusal (n >= 1) with this reason.
    static qint64 retryDelayMs(const QString &reason, int refusals);

private:
    std::deque<OutEvent> m_queue;
    QHash<QByteArray, OutEvent> m_inFlight;
    std::map<std::pair<qint64, quint64>, OutEvent> m_waiting; // (due ms, seq)
    quint64 m_nextSeq = 1;
};

} // namespace relais::sim
