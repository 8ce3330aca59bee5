#pragma once

#include "downlinkoffer.h"
#include "gatewayconfig.h"
#include "gatewaysession.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QIODevice;

namespace relais {

class Clock;
class IngestPort;

// The Relais JSON-lines protocol's side of the ingest (docs/gateways.md): the gateways allowed
// to connect, their sessions on every transport (one open session per gateway: a newer one
// replaces the older), and the downlinks to helpers' handsets, carried by the gateway that last
// spoke for each helper. What the sessions decode goes to the journal through the shared
// ingest (IngestPort). Everything runs on the thread the ingest lives on; transports attach
// their devices from that thread.
class GatewayHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayHub)

public:
    // clock: for the downlink ids' prefix, unique across restarts.
    GatewayHub(IngestPort *ingest, const Clock *clock, QObject *parent = nullptr);
    ~GatewayHub() override;

    IngestPort *ingest() const { return m_ingest; }

    // The gateways allowed in; each has its row on the status board from now on.
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
    // otherwise the message is sent now or at the gateway's next session, until acknowledged,
    // and its id (numbered here) is written to *downlinkId.
    bool sendOffer(DownlinkOffer offer, QString *downlinkId = nullptr);
    bool sendCancel(const QString &helperId, qint64 missionId, const QString &reason, QString *downlinkId = nullptr);
    QString routeOf(const QString &helperId) const { return m_routes.value(helperId); }
    qsizetype unacknowledgedDownlinks() const;

public slots:
    // Sends shutting_down to every session and closes them.
    void shutdown();

signals:
    void downlinkAnswered(const QString &downlinkId, bool delivered, const QString &reason);
    // Something an integrator should see in the log (bad token, replaced session, ...).
    void logMessage(const QString &message);

private:
    friend class GatewaySession; // what only a session may tell: below

    struct Downlink
    {
        QString id;
        QString gatewayId;
        QByteArray line;
    };

    // A session's hello was accepted.
    void sessionOpened(GatewaySession *session);
    // A stored event of a helper's handset came through this gateway: downlinks go there.
    void helperSpoke(const QString &helperId, const QString &gatewayId);
    void downlinkAcked(const QString &gatewayId, const QString &downlinkId, bool delivered, const QString &reason);
    void sessionEnded(GatewaySession *session);
    void queueDownlink(const QString &gatewayId, Downlink d);
    QString nextDownlinkId();

    IngestPort *m_ingest;
    QString m_serverName;
    int m_helloTimeoutMs = 10000;
    int m_maxWaiting = 8000;
    QHash<QString, GatewayAccount> m_accounts;
    QList<GatewaySession *> m_sessions;
    QHash<QString, QPointer<GatewaySession>> m_byGateway; // the open session of each gateway
    QHash<QString, QString> m_routes;                     // helper id → gateway id
    QList<Downlink> m_outbox;                             // sent or to send, not yet acknowledged
    QString m_downlinkPrefix;
    quint64 m_nextDownlink = 0;
};

} // namespace relais
