#pragma once

#include "gatewaystatus.h"
#include "ingestport.h"
#include "journalentry.h"
#include "writeresult.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace relais {

class Clock;

// The device sources' one way into the journal, whatever their protocol (docs/gateways.md):
// it submits what the sources decode to the store (Store::submit) under tickets of its own,
// routes the store's answers (Store::itemsProcessed) back to the sources that wait for them,
// counts them on each source's status row, and publishes the rows that changed for the
// Gateways dock a few times a second. Everything runs on the thread the ingest lives on.
class DeviceIngest final : public QObject, public IngestPort
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceIngest)

public:
    using Submit = std::function<void(quint64 ticket, const QList<JournalEntry> &entries)>;

    // Tickets of the ingest carry this bit, so that other submitters' results are told apart.
    static constexpr quint64 TicketBit = quint64(1) << 62;

    DeviceIngest(Submit submit, const Clock *clock, QObject *parent = nullptr);
    ~DeviceIngest() override;

    // IngestPort
    void submit(const QString &statusKey, QList<JournalEntry> entries, const QObject *receiver, Answer answer) override;
    void updateRow(const QString &statusKey, const RowChange &change) override;

    // The rows for the status board: one per key a source has updated.
    QList<GatewayStatus> statusRows() const { return m_status.values(); }
    GatewayStatus statusRow(const QString &key) const { return m_status.value(key); }
    // Tickets whose answers are not all in yet.
    qsizetype pendingTickets() const { return m_pending.size(); }

public slots:
    // Connect to Store::itemsProcessed (queued: it comes from the writer thread).
    void onProcessed(const QList<relais::WriteResult> &results);

signals:
    void statusChanged(const relais::GatewayStatus &status);

private:
    struct Pending;

    GatewayStatus &row(const QString &key, const QDateTime &now);
    void count(const Pending &pending, const WriteResult &result);
    void publishDirty();

    Submit m_submit;
    const Clock *m_clock;
    quint64 m_nextTicket = 0;
    // Shared: an answer may submit again, and the hash may grow under the running answer.
    QHash<quint64, std::shared_ptr<Pending>> m_pending;
    QHash<QString, GatewayStatus> m_status;
    QSet<QString> m_dirty;
    QTimer m_publishTimer;
};

} // namespace relais
