#include "gatewayingest.h"

#include "clock.h"
#include "gatewaycodec.h"
#include "gatewayerrors.h"

#include <QCoreApplication>
#include <QIODevice>

namespace relais {

GatewayIngest::GatewayIngest(Submit submit, const Clock *clock, QObject *parent)
    : QObject(parent),
      m_submit(std::move(submit)),
      m_clock(clock),
      m_serverName(QStringLiteral("Relais %1").arg(QCoreApplication::applicationVersion()))
{
    qRegisterMetaType<relais::GatewayStatus>();
    qRegisterMetaType<relais::WriteResult>();
    qRegisterMetaType<QList<relais::WriteResult>>();
    // Downlink ids must not repeat across restarts: a gateway ignores an id it delivered.
    m_downlinkPrefix = QStringLiteral("rl-%1-").arg(QString::number(clock->now().toMSecsSinceEpoch(), 36));
    m_publishTimer.setInterval(200);
    connect(&m_publishTimer, &QTimer::timeout, this, &GatewayIngest::publishDirty);
    m_publishTimer.start();
}

GatewayIngest::~GatewayIngest()
{
    for (GatewaySession *s : std::as_const(m_sessions))
        s->disconnect(this);
    qDeleteAll(m_sessions);
}

void GatewayIngest::setAccounts(const QList<GatewayAccount> &accounts)
{
    m_accounts.clear();
    for (const GatewayAccount &a : accounts) {
        m_accounts.insert(a.id, a);
        const QString key = QStringLiteral("gateway:") + a.id;
        if (!m_status.contains(key)) {
            GatewayStatus s;
            s.key = key;
            s.gatewayId = a.id;
            s.since = now();
            declareRow(s);
        }
    }
}

const GatewayAccount *GatewayIngest::account(const QString &gatewayId) const
{
    auto it = m_accounts.constFind(gatewayId);
    return it == m_accounts.constEnd() ? nullptr : &*it;
}

QDateTime GatewayIngest::now() const
{
    return m_clock->now();
}

GatewaySession *GatewayIngest::attach(QIODevice *io, const GatewaySession::Link &link)
{
    auto *session = new GatewaySession(this, io, link);
    m_sessions.append(session);
    connect(session, &GatewaySession::ended, this, [this, session] { sessionEnded(session); });
    if (!link.statusKey.isEmpty()) {
        GatewayStatus &r = row(link.statusKey);
        r.transport = link.transport;
        r.peer = link.peer;
        markDirty(link.statusKey);
    }
    return session;
}

QList<GatewaySession *> GatewayIngest::sessions() const
{
    return m_sessions;
}

quint64 GatewayIngest::newTicket()
{
    return TicketBit | ++m_nextTicket;
}

void GatewayIngest::submit(GatewaySession *session, quint64 ticket, const QList<JournalEntry> &entries)
{
    if (session)
        m_tickets.insert(ticket, session);
    m_submit(ticket, entries);
}

void GatewayIngest::onProcessed(const QList<WriteResult> &results)
{
    quint64 lastTicket = 0;
    GatewaySession *session = nullptr;
    for (const WriteResult &r : results) {
        if ((r.ticket & TicketBit) == 0)
            continue; // not ours
        if (r.ticket != lastTicket) {
            lastTicket = r.ticket;
            auto it = m_tickets.constFind(r.ticket);
            session = it == m_tickets.constEnd() ? nullptr : it->data();
        }
        if (session)
            session->onResult(r.ticket, r);
    }
    // Forget tickets whose session ended or has been fully answered: a ticket's results may
    // come over several batches, so a ticket is dropped only when its session no longer waits.
    for (auto it = m_tickets.begin(); it != m_tickets.end();) {
        if (!it->data() || it->data()->waiting() == 0)
            it = m_tickets.erase(it);
        else
            ++it;
    }
}

void GatewayIngest::sessionOpened(GatewaySession *session)
{
    const QString id = session->gatewayId();
    QPointer<GatewaySession> older = m_byGateway.value(id);
    m_byGateway.insert(id, session);
    if (older && older != session) {
        emit logMessage(tr("Gateway %1 opened a new session from %2: the older one (%3) is closed.")
                            .arg(id, session->link().peer, older->link().peer));
        older->fail(QString(GatewayErrors::Replaced), tr("A newer session of this gateway replaced this one."));
    }
    const QString key = session->statusKey();
    GatewayStatus &r = row(key);
    r.gatewayId = id;
    r.transport = session->link().transport;
    r.peer = session->link().peer;
    r.link = GatewayStatus::Link::Connected;
    r.since = now();
    r.retryInS = -1;
    markDirty(key);
    // Downlinks that waited for this gateway (or were not acknowledged last time) go now.
    for (const Downlink &d : std::as_const(m_outbox)) {
        if (d.gatewayId == id)
            session->sendLine(d.line);
    }
}

void GatewayIngest::sessionEnded(GatewaySession *session)
{
    m_sessions.removeOne(session);
    const QString id = session->gatewayId();
    if (!id.isEmpty() && m_byGateway.value(id) == session) {
        m_byGateway.remove(id);
        const QString key = session->statusKey();
        GatewayStatus &r = row(key);
        r.link = GatewayStatus::Link::Disconnected;
        r.since = now();
        markDirty(key);
    }
    session->deleteLater();
}

void GatewayIngest::shutdown()
{
    const QList<GatewaySession *> all = m_sessions;
    for (GatewaySession *s : all)
        s->fail(QString(GatewayErrors::ShuttingDown), tr("Relais is stopping; connect again later."));
}

void GatewayIngest::declareRow(const GatewayStatus &status)
{
    m_status.insert(status.key, status);
    markDirty(status.key);
}

GatewayStatus &GatewayIngest::row(const QString &key)
{
    auto it = m_status.find(key);
    if (it == m_status.end()) {
        GatewayStatus s;
        s.key = key;
        s.since = now();
        it = m_status.insert(key, s);
    }
    return *it;
}

void GatewayIngest::markDirty(const QString &key)
{
    m_dirty.insert(key);
}

void GatewayIngest::publishDirty()
{
    if (m_dirty.isEmpty())
        return;
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    for (const QString &key : dirty)
        emit statusChanged(m_status.value(key));
}

void GatewayIngest::count(const QString &statusKey, GatewayCount what)
{
    GatewayStatus &r = row(statusKey);
    switch (what) {
    case GatewayCount::Stored:
        ++r.stored;
        break;
    case GatewayCount::Duplicate:
        ++r.duplicate;
        break;
    case GatewayCount::Rejected:
        ++r.rejected;
        break;
    }
    markDirty(statusKey);
}

void GatewayIngest::touch(const QString &statusKey)
{
    row(statusKey).lastMessage = now();
    markDirty(statusKey);
}

void GatewayIngest::problem(const QString &statusKey, const QString &message)
{
    row(statusKey).lastError = message;
    markDirty(statusKey);
}

void GatewayIngest::helperSpoke(const QString &helperId, const QString &gatewayId)
{
    m_routes.insert(helperId, gatewayId);
}

QString GatewayIngest::nextDownlinkId()
{
    return m_downlinkPrefix + QString::number(++m_nextDownlink);
}

void GatewayIngest::queueDownlink(const QString &gatewayId, Downlink d)
{
    d.gatewayId = gatewayId;
    if (GatewaySession *s = m_byGateway.value(gatewayId))
        s->sendLine(d.line);
    m_outbox.append(std::move(d));
}

bool GatewayIngest::sendOffer(DownlinkOffer offer)
{
    const QString gateway = m_routes.value(offer.helper);
    if (gateway.isEmpty())
        return false;
    offer.id = nextDownlinkId();
    Downlink d;
    d.id = offer.id;
    d.line = GatewayCodec::encodeOffer(offer);
    queueDownlink(gateway, std::move(d));
    return true;
}

bool GatewayIngest::sendCancel(const QString &helperId, qint64 missionId, const QString &reason)
{
    const QString gateway = m_routes.value(helperId);
    if (gateway.isEmpty())
        return false;
    Downlink d;
    d.id = nextDownlinkId();
    d.line = GatewayCodec::encodeCancel(d.id, helperId, missionId, reason);
    queueDownlink(gateway, std::move(d));
    return true;
}

qsizetype GatewayIngest::unacknowledgedDownlinks() const
{
    return m_outbox.size();
}

void GatewayIngest::downlinkAcked(const QString &gatewayId, const QString &downlinkId, bool delivered,
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
