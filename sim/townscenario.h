#pragma once

#include "gatewaylink.h"
#include "jsonlinewriter.h"
#include "town.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <array>
#include <functional>
#include <queue>
#include <random>
#include <vector>

namespace relais::sim {

struct ScenarioConfig
{
    double alarmRatePerMin = 1.0;
    int silent = 0;
    double onDutyFraction = 0.6;
    double acceptProbability = 0.7;
    std::array<double, 4> outcomeWeights{25, 55, 10, 10}; // real_incident, false_alarm, emergency_services, no_access
    double speed = 1.0;
    quint64 seed = 0;
};

struct ScenarioStats
{
    quint64 heartbeats = 0; // device.heartbeat and device.battery without low
    quint64 lowBattery = 0; // device.battery with low: true
    quint64 alarms = 0;
    quint64 restores = 0;
    quint64 helperPositions = 0;
    quint64 dutyChanges = 0; // helper.on_duty / helper.off_duty
    quint64 offers = 0;
    quint64 accepted = 0;
    quint64 declined = 0;
    quint64 cancels = 0;
    quint64 enRoute = 0;
    quint64 onScene = 0;
    quint64 reports = 0;
    quint64 abandoned = 0; // missions dropped because Relais refused a step
    int silentDevices = 0;
};

// The demo town living on a simulated clock (speed times real time): devices report on their
// interval and raise alarms, helpers go on and off duty, move, and carry out the missions
// Relais offers them. Every event goes through the GatewayLink. Reproducible: one seed gives the
// same device and helper behaviour (what Relais offers, and when, is up to Relais).
class TownScenario final : public QObject
{
    Q_OBJECT

public:
    TownScenario(QList<SimDevice> devices, QList<SimHelper> helpers, const ScenarioConfig &config, GatewayLink *link,
                 QObject *parent = nullptr);

    void start();
    void stop();
    bool running() const { return m_running; }

    // An offer or a cancel for one of the town's helpers (GatewayLink::DownlinkHandler).
    GatewayLink::DownlinkVerdict onDownlink(const ServerLine &message);
    // The ack of a tagged event (a mission step): a refusal ends the helper's mission.
    void onEventSettled(const QByteArray &id, quint32 tag, bool done, const QString &reason);

    const ScenarioStats &stats() const { return m_stats; }
    qint64 simElapsedMs() const;
    int helpersOnDuty() const;
    int missionsInProgress() const;

private:
    enum class TaskKind {
        DeviceReport,
        NextAlarm,
        Restore,
        HelperStart,
        HelperPosition,
        HelperDuty,
        MissionAnswer,
        MissionEnRoute,
        MissionTravel,
        MissionReport,
    };
    struct Task
    {
        qint64 at = 0; // simulated ms since the start
        quint64 seq = 0;
        TaskKind kind = TaskKind::DeviceReport;
        int index = 0; // device or helper
        qint64 mission = 0;
        quint32 gen = 0; // the helper's generation when scheduled: stale tasks are dropped
        bool flag = false;
        bool operator>(const Task &o) const { return at != o.at ? at > o.at : seq > o.seq; }
    };
    struct DeviceState
    {
        AlarmKind alarm = AlarmKind::Other;
        double battery = 100;
        double drainPerReport = 0.1;
        bool lowBatteryDevice = false;
        bool lowReported = false;
        bool silent = false;
        bool alarmOpen = false;
        int reports = 0;
    };
    enum class Phase { None, Accepting, Preparing, Travelling, OnScene };
    struct HelperState
    {
        bool onDuty = false;
        bool startOnDuty = false;
        bool bike = false;
        double lat = 0;
        double lon = 0;
        quint32 gen = 0;         // bumped when a mission ends or is withdrawn
        quint32 positionGen = 0; // bumped when going on duty (one position chain at a time)
        qint64 mission = 0;      // the mission being accepted or carried out
        Phase phase = Phase::None;
        bool hasTarget = false;
        double targetLat = 0;
        double targetLon = 0;
        double speedMps = 0;
        qint64 lastMoveAt = 0;
        AlarmKind alarm = AlarmKind::Other;
        QSet<qint64> declining; // offers to be declined
    };

    void schedule(qint64 at, TaskKind kind, int index, qint64 mission = 0, quint32 gen = 0, bool flag = false);
    void runDue();
    void run(const Task &task);
    void armTimer();

    void deviceReport(int i);
    void nextAlarm();
    void restore(int i);
    void helperStart(int i);
    void helperPosition(int i, quint32 positionGen);
    void helperDuty(int i);
    void goOnDuty(int i);
    void missionAnswer(const Task &t);
    void missionEnRoute(const Task &t);
    void missionTravel(const Task &t);
    void missionReport(const Task &t);
    void endMission(int i);

    void sendDeviceEvent(QLatin1StringView type, int device, const std::function<void(JsonLineWriter &)> &fill = {});
    void sendHelperEvent(QLatin1StringView type, int helper, qint64 mission, bool tagged,
                         const std::function<void(JsonLineWriter &)> &fill = {});
    void sendPosition(int i);
    qint64 positionPeriodMs(std::mt19937_64 &rng) const;
    qint64 secondsToSim(double s) const { return qint64(s * 1000.0); }

    QList<SimDevice> m_devices;
    QList<SimHelper> m_helpers;
    std::vector<DeviceState> m_deviceState;
    std::vector<HelperState> m_helperState;
    QHash<QString, int> m_helperIndex;
    QHash<QByteArray, qint64> m_missionEvents; // tagged event id -> mission
    ScenarioConfig m_config;
    GatewayLink *m_link;
    ScenarioStats m_stats;

    std::mt19937_64 m_deviceRng;
    std::mt19937_64 m_alarmRng;
    std::mt19937_64 m_helperRng;
    std::mt19937_64 m_missionRng;

    std::priority_queue<Task, std::vector<Task>, std::greater<Task>> m_tasks;
    quint64 m_nextSeq = 0;
    QElapsedTimer m_clock;
    QTimer m_timer;
    bool m_running = false;
    bool m_started = false;
};

} // namespace relais::sim
