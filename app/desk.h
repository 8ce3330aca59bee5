#pragma once

#include "escalation.h"
#include "gatewayconfig.h"
#include "gatewaystatus.h"
#include "livestate.h"
#include "offersettings.h"
#include "privacypurge.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

namespace relais {

class ActionSink;
class Clock;
class GatewayHost;
class HelperChannel;
class Store;

// The desk behind the window: the store, the live replica fed by its commits, the action
// sink, the device sources (GatewayHost), the helper channels that tell helpers what the
// commits mean for them, and the periodic jobs that keep alarms moving
// (device supervision, offers timing out and topped up, escalation). main.cpp runs it with
// the system clock and timers; tests drive the same jobs with a manual clock.
class Desk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Desk)

public:
    // Dispatching settings (docs/dispatching.md): offers out at once, their radius and
    // how long each stands.
    struct Settings
    {
        OfferSettings offers;
        // Escalation timers per severity; empty: Escalation::defaults.
        std::function<Escalation::Timers(Severity)> escalation;
        // How long personal details are kept (docs/privacy.md).
        int retentionDays = PrivacyPurge::kDefaultRetentionDays;
    };

    explicit Desk(const Clock *clock, QObject *parent = nullptr);
    Desk(const Clock *clock, const Settings &settings, QObject *parent = nullptr);
    ~Desk() override;

    // Opens the journal in the data folder and loads the state. False: errorString().
    bool open(const QString &dataDir);
    QString errorString() const { return m_error; }

    Store &store() { return *m_store; }
    LiveState &state() { return m_state; }
    ActionSink &actions() { return *m_actions; }
    GatewayStatusBoard &board() { return m_board; }
    GatewayHost &gateways() { return *m_gateways; }
    const Settings &settings() const { return m_settings; }
    // The offers' settings, held here once: the window reads them through this address, which
    // stays valid (and follows setSettings) as long as the desk lives.
    const OfferSettings *offerSettings() const { return &m_settings.offers; }
    // New settings from now on (the settings dialog): the next round of each job uses them.
    void setSettings(const Settings &settings) { m_settings = settings; }

    // Starts the gateways (after open()); the problems found, if any.
    QStringList startGateways(const GatewayConfig &config);
    // Helpers are told about offers and cancels through every channel added (not owned; one
    // destroyed is forgotten). The handsets' channel of the gateways is added by the desk
    // itself. A notice a channel cannot send is logged.
    void addHelperChannel(HelperChannel *channel);
    // Runs the jobs on timers: supervision every 30 s, offers every second, escalation every 5 s,
    // the privacy purge a minute after the start and then every hour.
    void startTimers();

    // One round of each job, now (by the desk's clock). A round whose previous submission is
    // not answered yet is skipped. True when something was submitted.
    bool superviseNow();
    bool followUpOffersNow();
    bool escalateNow();
    // The privacy purge (docs/privacy.md): plans on a worker thread by replaying the journal,
    // then submits the privacy.purged entry if anything is due; purgeFinished tells the end.
    // False when one is under way already.
    bool purgeNow();

signals:
    // Gateways' own log lines ("gw-north connected from ..."), and notices helpers could not
    // be sent.
    void logMessage(const QString &message);
    // A purge ended: how many alarms lost their personal details and journal entries were
    // redacted, or the reason it failed (error not empty; entries stored before it stay).
    void purgeFinished(int alarms, int entries, const QString &error);

private:
    bool submitJob(const QList<JournalEntry> &entries, bool *running);
    // The purge's entries from next on, each once the one before is stored.
    void submitPurge(QList<JournalEntry> entries, qsizetype next, int alarms, int redacted);

    const Clock *m_clock;
    Settings m_settings;
    QString m_error;
    std::unique_ptr<Store> m_store;
    LiveState m_state;
    std::unique_ptr<ActionSink> m_actions;
    GatewayStatusBoard m_board;
    std::unique_ptr<GatewayHost> m_gateways;
    QList<QPointer<HelperChannel>> m_channels;
    QTimer m_supervision;
    QTimer m_offers;
    QTimer m_escalation;
    QTimer m_purge;
    QThread *m_purgePlanner = nullptr;
    bool m_purging = false; // planning or submitting
    bool m_supervising = false;
    bool m_followingUp = false;
    bool m_escalating = false;
};

} // namespace relais
