#include "gatewayhub.h"

#include "clock.h"
#include "gatewaycodec.h"
#include "gatewayerrors.h"
#include "ingestport.h"

#include <QCoreApplication>
#include <QIODevice>

namespace relais {

GatewayHub::GatewayHub(IngestPort *ingest, const Clock *clock, QObject *parent)
    : QObject(parent),
      m_ingest(ingest),
      m_serverName(QStringLiteral("Relais %1").arg(QCoreApplication::applicationVersion()))
{
    // Downlink ids must not repeat across restarts: a gateway ignores an id it delivered.
    m_downlinkPrefix = QStringLiteral("rl-%1-").arg(QString::number(clock->now().toMSecsSinceEpoch(), 36));
}

GatewayHub::~GatewayHub()
{
    for (GatewaySession *s : std::as_const(m_sessions))
        s->disconnect(this);
    qDeleteAll(m_sessions);
}

void GatewayHub::setAccounts(const QList<GatewayAccount> &accounts)
{
    m_accounts.clear();
    for (const GatewayAccount &a : accounts) {
        m_accounts.insert(a.id, a);
        m_ingest->updateRow(QStringLiteral("gateway:") + a.id,
                            [&a](GatewayStatus &row, const QDateTime &) { row.gatewayId = a.id; });
    }
}

const GatewayAccount *GatewayHub::account(const QString &gatewayId) const
{
    auto it = m_accounts.constFind(gatewayId);
    return it == m_accounts.constEnd() ? nullptr : &*it;
}

GatewaySession *GatewayHub::attach(QIODevice *io, const GatewaySession::Link &link)
{
    auto *session = new GatewaySession(this, io, link);
    m_sessions.append(session);
    connect(session, &GatewaySession::ended, this, [this, session] { sessionEnded(session); });
    if (!link.statusKey.isEmpty()) {
        m_ingest->updateRow(link.statusKey, [&link](GatewayStatus &row, const QDateTime &) {
            row.transport = link.transport;
            row.peer = link.peer;
        });
    }
    return session;
}

QList<GatewaySession *> GatewayHub::sessions() const
{
    return m_sessions;
}

void GatewayHub::sessionOpened(GatewaySession *session)
{
    const QString id = session->gatewayId();
    QPointer<GatewaySession> older = m_byGateway.value(id);
    m_byGateway.insert(id, session);
    if (older && older != session) {
        emit logMessage(tr("Gateway %1 opened a new session from %2: the older one (%3) is closed.")
                            .arg(id, session->link().peer, older->link().peer));
        older->fail(QString(GatewayErrors::Replaced), tr("A newer session of this gateway replaced this one."));
    }
    m_ingest->updateRow(session->statusKey(), [&](GatewayStatus &row, const QDateTime &now) {
        row.gatewayId = id;
        row.transport = session->link().transport;
        row.peer = session->link().peer;
        row.link = GatewayStatus::Link::Connected;
        row.since = now;
        row.retryInS = -1;
    });
    // Downlinks that waited for this gateway (or were not acknowledged last time) go now.
    for (const Downlink &d : std::as_const(m_outbox)) {
        if (d.gatewayId == id)
            session->sendLine(d.line);
    }
}

void GatewayHub::sessionEnded(GatewaySession *session)
{
    m_sessions.removeOne(session);
    const QString id = session->gatewayId();
    if (!id.isEmpty() && m_byGateway.value(id) == session) {
        m_byGateway.remove(id);
        m_ingest->updateRow(session->statusKey(), [](GatewayStatus &row, const QDateTime &now) {
            row.link = GatewayStatus::Link::Disconnected;
            row.since = now;
        });
    }
    session->deleteLater();
}

void GatewayHub::shutdown()
{
    const QList<GatewaySession *> all = m_sessions;
    for (GatewaySession *s : all)
        s->fail(QString(GatewayErrors::ShuttingDown), tr("Relais is stopping; connect again later."));
}

void GatewayHub::helperSpoke(const QString &helperId, const QString &gatewayId)
{
    m_routes.insert(helperId, gatewayId);
}

QString GatewayHub::nextDownlinkId()
{
    return m_downlinkPrefix + QString::number(++m_nextDownlink);
}

void GatewayHub::queueDownlink(const QString &gatewayId, Downlink d)
{
    d.gatewayId = gatewayId;
    if (GatewaySession *s = m_byGateway.value(gatewayId))
        s->sendLine(d.line);
    m_outbox.append(std::move(d));
}

bool GatewayHub::sendOffer(DownlinkOffer offer, QString *downlinkId)
{
    const QString gateway = m_routes.value(offer.helper);
    if (gateway.isEmpty())
        return false;
    offer.id = nextDownlinkId();
    if (downlinkId)
        *downlinkId = offer.id;
    Downlink d;
    d.id = offer.id;
    d.line = GatewayCodec::encodeOffer(offer);
    queueDownlink(gateway, std::move(d));
    return true;
}

bool GatewayHub::sendCancel(const QString &helperId, qint64 missionId, const QString &reason, QString *downlinkId)
{
    const QString gateway = m_routes.value(helperId);
    if (gateway.isEmpty())
        return false;
    Downlink d;
    d.id = nextDownlinkId();
    if (downlinkId)
        *downlinkId = d.id;
    d.line = GatewayCodec::encodeCancel(d.id, helperId, missionId, reason);
    queueDownlink(gateway, std::move(d));
    return true;
}

qsizetype GatewayHub::unacknowledgedDownlinks() const
{
    return m_outbox.size();
}

void GatewayHub::downlinkAcked(const QString &gatewayId, const QString &downlinkId, bool delivered,
                               const QString &reason)
{
    for (qsizetype i = 0; i < m_outbox.size(); ++i) {
        if (m_outbox.at(i).id == downlinkId && m_outbox.at(i).gatewayId == gatewayId) {
            m_outbox.removeAt(i);
            emit downlinkAnswered(downlinkId, delivered, reason);
            return;
        }
    }
    // An ack of something already acknowledged (a re-sent downlink): nothing more to do.
}

} // namespace relais
