#pragma once

#include "downlinkoffer.h"
#include "gatewayconfig.h"
#include "gatewaysession.h"
#include "gatewaystatus.h"
#include "journalentry.h"
#include "writeresult.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QIODevice;

namespace relais {

class Clock;

// The gateways' way into the journal (docs/gateways.md): it owns the sessions of every
// transport, submits what they decode to the journal (Store::submit), routes the journal's
// answers (Store::itemsProcessed) back to the sessions that wait for them, keeps the
// per-gateway counts for the status board, and carries downlink offers and cancels to the
// gateway that last spoke for a helper. Everything runs on the thread the ingest lives on;
// transports attach their devices from that thread.
class GatewayIngest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayIngest)

public:
    using Submit = std::function<void(quint64 ticket, const QList<JournalEntry> &entries)>;

    // Tickets of the ingest carry this bit, so that other submitters' results are told apart.
    static constexpr quint64 TicketBit = quint64(1) << 62;

    GatewayIngest(Submit submit, const Clock *clock, QObject *parent = nullptr);
    ~GatewayIngest() override;

    void setAccounts(const QList<GatewayAccount> &accounts);
    const GatewayAccount *account(const QString &gatewayId) const;
    void setServerName(const QString &name) { m_serverName = name; }
    QString serverName() const { return m_serverName; }
    // Time allowed before the hello (10 s by the protocol; tests shorten it).
    void setHelloTimeoutMs(int ms) { m_helloTimeoutMs = ms; }
    int helloTimeoutMs() const { return m_helloTimeoutMs; }
    // Lines waiting for the journal after which a session stops reading (TCP flow control).
    void setMaxWaitingPerSession(int lines) { m_maxWaiting = lines; }
    int maxWaitingPerSession() const { return m_maxWaiting; }

    // Starts a session on an open device; the session reads it from now on. The device stays
    // owned by the caller, who must keep it alive until the session has ended (ended signal).
    GatewaySession *attach(QIODevice *io, const GatewaySession::Link &link);
    QList<GatewaySession *> sessions() const;

    // Downlinks (docs/protocol.md §4.4). False when no gateway has spoken for the helper yet;
    // otherwise the message is sent now or at the gateway's next session, until acknowledged.
    bool sendOffer(DownlinkOffer offer);
    bool sendCancel(const QString &helperId, qint64 missionId, const QString &reason);
    QString routeOf(const QString &helperId) const { return m_routes.value(helperId); }
    qsizetype unacknowledgedDownlinks() const;

    // Rows for the status board: one per configured gateway and per registered row key.
    void declareRow(const GatewayStatus &row);
    QList<GatewayStatus> statusRows() const { return m_status.values(); }
    GatewayStatus statusRow(const QString &key) const { return m_status.value(key); }

    // Called by sessions.
    quint64 newTicket();
    void submit(GatewaySession *session, quint64 ticket, const QList<JournalEntry> &entries);
    QDateTime now() const;
    void sessionOpened(GatewaySession *session);
    void count(const QString &statusKey, GatewayCount what);
    void touch(const QString &statusKey);
    void problem(const QString &statusKey, const QString &message);
    void helperSpoke(const QString &helperId, const QString &gatewayId);
    void downlinkAcked(const QString &gatewayId, const QString &downlinkId, bool delivered, const QString &reason);

public slots:
    // Connect to Store::itemsProcessed (queued: it comes from the writer thread).
    void onProcessed(const QList<relais::WriteResult> &results);
    // Sends shutting_down to every session and closes them.
    void shutdown();

signals:
    void statusChanged(const relais::GatewayStatus &status);
    void downlinkAnswered(const QString &downlinkId, bool delivered, const QString &reason);
    // Something an integrator should see in the log (bad token, replaced session, ...).
    void logMessage(const QString &message);

private:
    struct Downlink
    {
        QString id;
        QString gatewayId;
        QByteArray line;
    };

    void sessionEnded(GatewaySession *session);
    GatewayStatus &row(const QString &key);
    void markDirty(const QString &key);
    void publishDirty();
    void queueDownlink(const QString &gatewayId, Downlink d);
    QString nextDownlinkId();

    Submit m_submit;
    const Clock *m_clock;
    QString m_serverName;
    int m_helloTimeoutMs = 10000;
    int m_maxWaiting = 8000;
    QHash<QString, GatewayAccount> m_accounts;
    QList<GatewaySession *> m_sessions;
    QHash<QString, QPointer<GatewaySession>> m_byGateway; // the open session of each gateway
    QHash<quint64, QPointer<GatewaySession>> m_tickets;
    quint64 m_nextTicket = 0;
    QHash<QString, QString> m_routes; // helper id → gateway id
    QList<Downlink> m_outbox;         // sent or to send, not yet acknowledged
    QString m_downlinkPrefix;
    quint64 m_nextDownlink = 0;
    QHash<QString, GatewayStatus> m_status;
    QSet<QString> m_dirty;
    QTimer m_publishTimer;
};

} // namespace relais
