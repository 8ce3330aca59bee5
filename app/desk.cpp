#include "desk.h"

#include "clock.h"

#include "escalation.h"
#include "gatewayhost.h"
#include "helperchannel.h"
#include "helpernotices.h"
#include "logging/log.h"
#include "offerfollowup.h"
#include "privacyplanner.h"
#include "store.h"
#include "storeactionsink.h"
#include "supervisor.h"

#include <QJsonArray>
#include <QPointer>

#include <memory>

namespace relais {

Desk::Desk(const Clock *clock, QObject *parent) : Desk(clock, Settings(), parent)
{}

Desk::Desk(const Clock *clock, const Settings &settings, QObject *parent)
    : QObject(parent), m_clock(clock), m_settings(settings), m_store(std::make_unique<Store>())
{
    m_actions = std::make_unique<StoreActionSink>(m_store.get());
    // The replica first: downlinks are computed from the state the commits lead to.
    connect(m_store.get(), &Store::committed, &m_state, &LiveState::applyCommitted);
    m_gateways = std::make_unique<GatewayHost>(m_store.get(), m_clock);
    connect(m_gateways.get(), &GatewayHost::statusChanged, &m_board, &GatewayStatusBoard::publish);
    connect(m_gateways.get(), &GatewayHost::logMessage, this, &Desk::logMessage);
    // Offers and cancels to helpers, from what was committed, through every helper channel.
    connect(m_store.get(), &Store::committed, this, [this](const QList<JournalEntry> &entries) {
        const QList<HelperNotice> notices =
            HelperNotices::afterCommit(entries, m_state.state(), m_settings.offers.timeoutS);
        if (notices.isEmpty())
            return;
        for (const QPointer<HelperChannel> &channel : std::as_const(m_channels)) {
            if (channel)
                channel->deliver(notices);
        }
    });
    addHelperChannel(m_gateways->handsets());

    m_supervision.setInterval(30000);
    connect(&m_supervision, &QTimer::timeout, this, &Desk::superviseNow);
    m_offers.setInterval(1000);
    connect(&m_offers, &QTimer::timeout, this, &Desk::followUpOffersNow);
    m_escalation.setInterval(5000);
    connect(&m_escalation, &QTimer::timeout, this, &Desk::escalateNow);
    m_purge.setInterval(std::chrono::hours(1));
    connect(&m_purge, &QTimer::timeout, this, &Desk::purgeNow);
}

Desk::~Desk()
{
    m_gateways->stop();
    if (m_purgePlanner) {
        m_purgePlanner->disconnect(this);
        m_purgePlanner->wait();
        delete m_purgePlanner;
    }
}

bool Desk::open(const QString &dataDir)
{
    if (!m_store->open(dataDir)) {
        m_error = m_store->errorString();
        return false;
    }
    m_state.reset(m_store->snapshot());
    return true;
}

QStringList Desk::startGateways(const GatewayConfig &config)
{
    return m_gateways->start(config);
}

void Desk::addHelperChannel(HelperChannel *channel)
{
    m_channels.append(channel);
    // Sent, delivered and failed are the channel's business; one that could not go is the
    // integrator's to know (a handset that never spoke through a gateway): the helper channels'
    // category of the log, whatever the channel.
    connect(channel, &HelperChannel::reported, this,
            [](const HelperNotice &, HelperChannel::Report report, const QString &reason) {
                if (report == HelperChannel::Report::NotSent)
                    qCWarning(lcHelpers).noquote() << reason;
            });
}

void Desk::startTimers()
{
    m_supervision.start();
    m_offers.start();
    m_escalation.start();
    m_purge.start();
    // Not at once: the start-up belongs to the operator.
    QTimer::singleShot(std::chrono::minutes(1), this, &Desk::purgeNow);
}

void Desk::submitPurge(QList<JournalEntry> entries, qsizetype next, int alarms, int redacted)
{
    // One entry at a time: device messages are journaled between them.
    if (next >= entries.size()) {
        m_purging = false;
        emit purgeFinished(alarms, redacted, {});
        return;
    }
    const JournalEntry &e = entries.at(next);
    alarms += int(e.payload.value(QLatin1String("alarms")).toArray().size());
    redacted += int(e.payload.value(QLatin1String("entries")).toArray().size());
    m_actions->submit({e}, ActionSink::Mode::EachOnItsOwn,
                      [self = QPointer<Desk>(this), entries, next, alarms, redacted](const QList<Status> &results) {
                          if (!self)
                              return;
                          const Status r = results.value(0, Status(Error{QStringLiteral("store_failed"), {}}));
                          if (!r) {
                              self->m_purging = false;
                              emit self->purgeFinished(0, 0, r.errorString());
                              return;
                          }
                          self->submitPurge(entries, next + 1, alarms, redacted);
                      });
}

bool Desk::purgeNow()
{
    if (m_purging || !m_store->isOpen())
        return false;
    const QString path = m_store->databasePath();
    const QDateTime now = m_clock->now();
    const int days = m_settings.retentionDays;
    m_purging = true;
    auto plan = std::make_shared<Result<PrivacyPlanner::Plan>>(Error{});
    m_purgePlanner = QThread::create([plan, path, now, days] { *plan = PrivacyPlanner::plan(path, now, days); });
    connect(m_purgePlanner, &QThread::finished, this, [this, plan] {
        m_purgePlanner->deleteLater();
        m_purgePlanner = nullptr;
        if (!*plan) {
            m_purging = false;
            emit purgeFinished(0, 0, plan->errorString());
            return;
        }
        submitPurge(plan->value().entries, 0, 0, 0);
    });
    m_purgePlanner->start(QThread::LowPriority);
    return true;
}

bool Desk::submitJob(const QList<JournalEntry> &entries, bool *running)
{
    if (*running || entries.isEmpty())
        return false;
    *running = true;
    // Each on its own: one alarm's refusal (changed meanwhile) does not hold back the others.
    m_actions->submit(entries, ActionSink::Mode::EachOnItsOwn,
                      [self = QPointer<Desk>(this), running](const QList<Status> &) {
                          if (self)
                              *running = false;
                      });
    return true;
}

bool Desk::superviseNow()
{
    // Devices silent for 2.5 times their interval raise a maintenance alarm.
    if (m_supervising)
        return false;
    return submitJob(Supervisor::silentDevices(m_state.state(), m_clock->now()), &m_supervising);
}

bool Desk::followUpOffersNow()
{
    // Offers older than their timeout are answered "timeout"; each mission out for offers is
    // topped up with the next nearest helpers.
    if (m_followingUp)
        return false;
    return submitJob(OfferFollowUp::due(m_state.state(), m_settings.offers, m_clock->now()), &m_followingUp);
}

bool Desk::escalateNow()
{
    // Alarms left unacknowledged, unaccepted or with nobody on scene for too long reach their
    // stages (core/escalation.h), each recorded in the alarm's timeline.
    if (m_escalating)
        return false;
    const Escalation::TimersFor timers =
        m_settings.escalation ? m_settings.escalation : Escalation::TimersFor(&Escalation::defaults);
    return submitJob(Escalation::due(m_state.state(), m_clock->now(), timers), &m_escalating);
}

} // namespace relais
