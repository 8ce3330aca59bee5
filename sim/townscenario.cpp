#include "townscenario.h"

#include "simlog.h"
#include "wire.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace relais::sim {

namespace {

using namespace Qt::StringLiterals;

constexpr double MetresPerDegree = 111'320.0;
constexpr double WalkingMps = 5.0 / 3.6;
constexpr double CyclingMps = 15.0 / 3.6;
constexpr double DutyCycleHours = 4.0;  // mean on + off time of a helper
constexpr int FirstReportSpreadS = 120; // every device checks in within two minutes of the start

double uniform(std::mt19937_64 &rng, double a, double b)
{
    return std::uniform_real_distribution<double>(a, b)(rng);
}

bool chance(std::mt19937_64 &rng, double p)
{
    return p >= 1.0 || (p > 0.0 && uniform(rng, 0.0, 1.0) < p);
}

double exponential(std::mt19937_64 &rng, double mean)
{
    return std::exponential_distribution<double>(1.0 / mean)(rng);
}

double round6(double v)
{
    return std::round(v * 1e6) / 1e6;
}

double distanceM(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double R = 6'371'000.0;
    const double toRad = M_PI / 180.0;
    const double dLat = (lat2 - lat1) * toRad;
    const double dLon = (lon2 - lon1) * toRad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
                     + std::cos(lat1 * toRad) * std::cos(lat2 * toRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * R * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

// Moves (lat, lon) by (east, north) metres.
void offset(double &lat, double &lon, double east, double north)
{
    lat += north / MetresPerDegree;
    lon += east / (MetresPerDegree * std::cos(lat * M_PI / 180.0));
}

// Moves (lat, lon) towards (toLat, toLon) by at most step metres; true when arrived.
bool moveTowards(double &lat, double &lon, double toLat, double toLon, double step)
{
    const double d = distanceM(lat, lon, toLat, toLon);
    if (d <= step || d < 1.0) {
        lat = toLat;
        lon = toLon;
        return true;
    }
    const double f = step / d;
    lat += (toLat - lat) * f;
    lon += (toLon - lon) * f;
    return false;
}

QString alarmDetails(AlarmKind kind, const SimDevice &d)
{
    switch (kind) {
    case AlarmKind::Panic:
        return QStringLiteral("%1: button pressed").arg(d.label);
    case AlarmKind::Fall:
        return QStringLiteral("%1: fall detected, no movement since").arg(d.label);
    case AlarmKind::Smoke:
        return QStringLiteral("%1: smoke detected").arg(d.label);
    case AlarmKind::Door:
        return QStringLiteral("%1: opened and left open").arg(d.label);
    case AlarmKind::WaterLeak:
        return QStringLiteral("%1: water detected").arg(d.label);
    case AlarmKind::Intrusion:
        return QStringLiteral("%1: motion detected while armed").arg(d.label);
    case AlarmKind::Gas:
        return QStringLiteral("%1: gas detected").arg(d.label);
    default:
        return QStringLiteral("%1: alarm (%2)").arg(d.label, d.kind);
    }
}

const QLatin1StringView OutcomeKeys[] = {"real_incident"_L1, "false_alarm"_L1, "emergency_services"_L1, "no_access"_L1};

QString reportNote(int outcome, AlarmKind kind, std::mt19937_64 &rng)
{
    QStringList notes;
    switch (outcome) {
    case 0: // real_incident
        switch (kind) {
        case AlarmKind::Smoke:
            notes = {u"Burnt pan on the stove, aired the kitchen, resident fine."_s,
                     u"Toaster fire put out with a blanket, no injury."_s};
            break;
        case AlarmKind::WaterLeak:
            notes = {u"Leak under the sink, closed the water valve."_s,
                     u"Washing machine hose burst, mopped up and shut the tap."_s};
            break;
        case AlarmKind::Fall:
            notes = {u"Resident had fallen in the bathroom, helped up, no injury."_s,
                     u"Found on the floor, conscious; stayed until the daughter arrived."_s};
            break;
        case AlarmKind::Door:
            notes = {u"Back door open in the wind, closed and checked the house."_s};
            break;
        case AlarmKind::Intrusion:
            notes = {u"Window forced, nobody inside; owner informed."_s};
            break;
        default:
            notes = {u"Resident was unwell and scared, stayed with them a while."_s,
                     u"Needed help getting up, all fine now."_s};
        }
        break;
    case 1: // false_alarm
        notes = {u"Pressed by mistake, resident is fine."_s, u"Nobody in trouble, sensor set off by steam."_s,
                 u"All quiet on site, resident unaware of the alarm."_s, u"Pendant caught on a chair, no problem."_s};
        break;
    case 2: // emergency_services
        notes = {u"Called 911, ambulance took over."_s, u"Fire department called, house evacuated."_s,
                 u"Resident in pain, paramedics on their way when I left."_s};
        break;
    default: // no_access
        notes = {u"No answer at the door, nobody with keys."_s, u"Gate locked, could not get in; lights off."_s};
    }
    return notes.at(qsizetype(std::uniform_int_distribution<int>(0, int(notes.size()) - 1)(rng)));
}

} // namespace

TownScenario::TownScenario(QList<SimDevice> devices, QList<SimHelper> helpers, const ScenarioConfig &config,
                           GatewayLink *link, QObject *parent)
    : QObject(parent), m_devices(std::move(devices)), m_helpers(std::move(helpers)), m_config(config), m_link(link)
{
    std::seed_seq seq{quint32(config.seed), quint32(config.seed >> 32), 0x52454cu};
    std::array<quint64, 4> seeds{};
    std::vector<quint32> words(8);
    seq.generate(words.begin(), words.end());
    for (size_t i = 0; i < seeds.size(); ++i)
        seeds[i] = (quint64(words[2 * i]) << 32) | words[2 * i + 1];
    m_deviceRng.seed(seeds[0]);
    m_alarmRng.seed(seeds[1]);
    m_helperRng.seed(seeds[2]);
    m_missionRng.seed(seeds[3]);

    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TownScenario::runDue);

    // Devices: batteries, a few that run low, the silent ones.
    m_deviceState.resize(size_t(m_devices.size()));
    for (qsizetype i = 0; i < m_devices.size(); ++i) {
        DeviceState &s = m_deviceState[size_t(i)];
        s.alarm = Town::alarmKindFor(m_devices.at(i).kind);
        s.battery = uniform(m_deviceRng, 55, 100);
        s.drainPerReport = uniform(m_deviceRng, 0.0, 0.15);
    }
    std::vector<int> order(m_devices.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), m_deviceRng);
    const int lowCount = m_devices.size() >= 10 ? std::max(1, int(m_devices.size() / 40)) : 0;
    const int silent = std::min<int>(m_config.silent, int(m_devices.size()));
    for (int k = 0; k < silent; ++k)
        m_deviceState[size_t(order[size_t(k)])].silent = true;
    for (int k = silent; k < silent + lowCount && k < int(order.size()); ++k) {
        DeviceState &s = m_deviceState[size_t(order[size_t(k)])];
        s.lowBatteryDevice = true;
        s.battery = uniform(m_deviceRng, 18, 24);
        s.drainPerReport = uniform(m_deviceRng, 1.0, 2.5);
    }
    m_stats.silentDevices = silent;

    // Helpers: who starts on duty, who has a bicycle.
    m_helperState.resize(size_t(m_helpers.size()));
    std::vector<int> helperOrder(m_helpers.size());
    std::iota(helperOrder.begin(), helperOrder.end(), 0);
    std::shuffle(helperOrder.begin(), helperOrder.end(), m_helperRng);
    const int onDuty = int(std::lround(m_config.onDutyFraction * double(m_helpers.size())));
    for (qsizetype i = 0; i < m_helpers.size(); ++i) {
        HelperState &h = m_helperState[size_t(i)];
        h.lat = m_helpers.at(i).homeLat;
        h.lon = m_helpers.at(i).homeLon;
        h.bike = chance(m_helperRng, 0.5);
        m_helperIndex.insert(m_helpers.at(i).id, int(i));
    }
    for (int k = 0; k < onDuty && k < int(helperOrder.size()); ++k)
        m_helperState[size_t(helperOrder[size_t(k)])].startOnDuty = true;
}

qint64 TownScenario::simElapsedMs() const
{
    if (!m_started)
        return 0;
    return qint64(double(m_clock.nsecsElapsed()) / 1e6 * m_config.speed);
}

int TownScenario::helpersOnDuty() const
{
    return int(
        std::count_if(m_helperState.begin(), m_helperState.end(), [](const HelperState &h) { return h.onDuty; }));
}

int TownScenario::missionsInProgress() const
{
    return int(
        std::count_if(m_helperState.begin(), m_helperState.end(), [](const HelperState &h) { return h.mission != 0; }));
}

void TownScenario::start()
{
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    m_clock.start();
    for (qsizetype i = 0; i < m_devices.size(); ++i) {
        const int interval = m_devices.at(i).reportIntervalS;
        schedule(secondsToSim(uniform(m_deviceRng, 0, std::min(interval, FirstReportSpreadS))), TaskKind::DeviceReport,
                 int(i));
    }
    for (qsizetype i = 0; i < m_helpers.size(); ++i)
        schedule(secondsToSim(uniform(m_helperRng, 0, 20)), TaskKind::HelperStart, int(i));
    if (m_config.alarmRatePerMin > 0)
        schedule(secondsToSim(exponential(m_alarmRng, 60.0 / m_config.alarmRatePerMin)), TaskKind::NextAlarm, 0);
    armTimer();
}

void TownScenario::stop()
{
    m_running = false;
    m_timer.stop();
}

void TownScenario::schedule(qint64 at, TaskKind kind, int index, qint64 mission, quint32 gen, bool flag)
{
    Task t;
    t.at = at;
    t.seq = m_nextSeq++;
    t.kind = kind;
    t.index = index;
    t.mission = mission;
    t.gen = gen;
    t.flag = flag;
    m_tasks.push(t);
    if (m_running && m_tasks.top().seq == t.seq)
        armTimer();
}

void TownScenario::armTimer()
{
    if (!m_running || m_tasks.empty())
        return;
    const double aheadMs = double(m_tasks.top().at - simElapsedMs()) / m_config.speed;
    const int delay = int(std::clamp(std::ceil(aheadMs), 5.0, 1000.0));
    if (!m_timer.isActive() || m_timer.remainingTime() > delay)
        m_timer.start(delay);
}

void TownScenario::runDue()
{
    if (!m_running)
        return;
    const qint64 now = simElapsedMs();
    // Bounded per round, so that a very high speed cannot starve the event loop.
    for (int n = 0; n < 20000 && !m_tasks.empty() && m_tasks.top().at <= now && m_running; ++n) {
        const Task t = m_tasks.top();
        m_tasks.pop();
        run(t);
    }
    armTimer();
}

void TownScenario::run(const Task &t)
{
    switch (t.kind) {
    case TaskKind::DeviceReport:
        return deviceReport(t.index);
    case TaskKind::NextAlarm:
        return nextAlarm();
    case TaskKind::Restore:
        return restore(t.index);
    case TaskKind::HelperStart:
        return helperStart(t.index);
    case TaskKind::HelperPosition:
        return helperPosition(t.index, t.gen);
    case TaskKind::HelperDuty:
        return helperDuty(t.index);
    case TaskKind::MissionAnswer:
        return missionAnswer(t);
    case TaskKind::MissionEnRoute:
        return missionEnRoute(t);
    case TaskKind::MissionTravel:
        return missionTravel(t);
    case TaskKind::MissionReport:
        return missionReport(t);
    }
}

// --- events ------------------------------------------------------------------------------

void TownScenario::sendDeviceEvent(QLatin1StringView type, int device,
                                   const std::function<void(JsonLineWriter &)> &fill)
{
    QByteArray id = m_link->nextId();
    const QByteArray time = Wire::timeNow();
    JsonLineWriter w(type);
    w.string("id"_L1, QString::fromUtf8(id));
    w.string("device"_L1, m_devices.at(device).id);
    w.string("time"_L1, QLatin1StringView(time));
    if (fill)
        fill(w);
    m_link->enqueue(std::move(id), w.finish());
}

void TownScenario::sendHelperEvent(QLatin1StringView type, int helper, qint64 mission, bool tagged,
                                   const std::function<void(JsonLineWriter &)> &fill)
{
    QByteArray id = m_link->nextId();
    const QByteArray time = Wire::timeNow();
    JsonLineWriter w(type);
    w.string("id"_L1, QString::fromUtf8(id));
    w.string("helper"_L1, m_helpers.at(helper).id);
    w.string("time"_L1, QLatin1StringView(time));
    if (mission > 0)
        w.integer("mission"_L1, mission);
    if (fill)
        fill(w);
    if (tagged)
        m_missionEvents.insert(id, mission);
    m_link->enqueue(std::move(id), w.finish(), tagged ? quint32(helper + 1) : 0);
}

void TownScenario::sendPosition(int i)
{
    const HelperState &h = m_helperState[size_t(i)];
    const double lat = round6(h.lat);
    const double lon = round6(h.lon);
    sendHelperEvent("helper.position"_L1, i, 0, false,
                    [lat, lon](JsonLineWriter &w) { w.number("lat"_L1, lat).number("lon"_L1, lon); });
    ++m_stats.helperPositions;
}

qint64 TownScenario::positionPeriodMs(std::mt19937_64 &rng) const
{
    // About every 30 s; at high speeds at most twice per real second and helper.
    return std::max(secondsToSim(uniform(rng, 25, 35)), qint64(500.0 * m_config.speed));
}

// --- devices -----------------------------------------------------------------------------

void TownScenario::deviceReport(int i)
{
    DeviceState &s = m_deviceState[size_t(i)];
    const SimDevice &d = m_devices.at(i);
    if (s.silent && s.reports >= 1) {
        Log::info(QStringLiteral("device %1 (%2) falls silent").arg(d.id, d.label));
        return; // never reports again
    }
    s.battery = std::max(3.0, s.battery - s.drainPerReport);
    const int level = int(std::lround(s.battery));
    if (s.lowBatteryDevice && level < 15 && !s.lowReported) {
        s.lowReported = true;
        sendDeviceEvent("device.battery"_L1, i,
                        [level](JsonLineWriter &w) { w.integer("level"_L1, level).boolean("low"_L1, true); });
        ++m_stats.lowBattery;
    } else if (s.reports % 6 == 5) {
        sendDeviceEvent("device.battery"_L1, i, [level](JsonLineWriter &w) { w.integer("level"_L1, level); });
        ++m_stats.heartbeats;
    } else {
        sendDeviceEvent("device.heartbeat"_L1, i, [level](JsonLineWriter &w) { w.integer("battery"_L1, level); });
        ++m_stats.heartbeats;
    }
    ++s.reports;
    // The second report comes at a random point of the interval, so that the town's devices
    // are spread over it; then every interval, a little early rather than late.
    const double interval = d.reportIntervalS;
    const double next =
        s.reports == 1 ? interval * uniform(m_deviceRng, 0.3, 1.0) : interval * uniform(m_deviceRng, 0.97, 1.0);
    schedule(simElapsedMs() + secondsToSim(next), TaskKind::DeviceReport, i);
}

void TownScenario::nextAlarm()
{
    const qint64 now = simElapsedMs();
    schedule(now + secondsToSim(exponential(m_alarmRng, 60.0 / m_config.alarmRatePerMin)), TaskKind::NextAlarm, 0);
    if (m_devices.isEmpty())
        return;
    std::uniform_int_distribution<int> pick(0, int(m_devices.size()) - 1);
    for (int attempt = 0; attempt < 20; ++attempt) {
        const int i = pick(m_alarmRng);
        DeviceState &s = m_deviceState[size_t(i)];
        if (s.silent || s.alarmOpen)
            continue;
        const SimDevice &d = m_devices.at(i);
        const QString details = alarmDetails(s.alarm, d);
        const QString kind = AlarmKinds::key(s.alarm);
        sendDeviceEvent("device.alarm"_L1, i, [&](JsonLineWriter &w) {
            w.string("alarm"_L1, kind);
            w.number("lat"_L1, d.lat).number("lon"_L1, d.lon);
            w.string("details"_L1, details);
        });
        ++m_stats.alarms;
        Log::info(QStringLiteral("alarm %1 from %2 (%3, %4)").arg(kind, d.id, d.label, d.address));
        if (Town::restores(s.alarm)) {
            s.alarmOpen = true;
            schedule(now + secondsToSim(uniform(m_alarmRng, 3 * 60, 25 * 60)), TaskKind::Restore, i);
        }
        return;
    }
}

void TownScenario::restore(int i)
{
    DeviceState &s = m_deviceState[size_t(i)];
    s.alarmOpen = false;
    const QString kind = AlarmKinds::key(s.alarm);
    sendDeviceEvent("device.restore"_L1, i, [&kind](JsonLineWriter &w) { w.string("alarm"_L1, kind); });
    ++m_stats.restores;
}

// --- helpers -----------------------------------------------------------------------------

void TownScenario::helperStart(int i)
{
    HelperState &h = m_helperState[size_t(i)];
    if (h.startOnDuty) {
        goOnDuty(i);
    } else {
        // The handset tells Relais where it stands, so that an earlier run's state is not kept.
        h.onDuty = false;
        sendHelperEvent("helper.off_duty"_L1, i, 0, false);
        ++m_stats.dutyChanges;
    }
    const double f = m_config.onDutyFraction;
    const bool canToggle = h.onDuty ? f < 1.0 : f > 0.0;
    if (canToggle) {
        const double meanH = h.onDuty ? DutyCycleHours * f : DutyCycleHours * (1 - f);
        schedule(simElapsedMs() + secondsToSim(exponential(m_helperRng, meanH * 3600)), TaskKind::HelperDuty, i);
    }
}

void TownScenario::goOnDuty(int i)
{
    HelperState &h = m_helperState[size_t(i)];
    h.onDuty = true;
    ++h.positionGen;
    sendHelperEvent("helper.on_duty"_L1, i, 0, false);
    ++m_stats.dutyChanges;
    sendPosition(i);
    schedule(simElapsedMs() + positionPeriodMs(m_helperRng), TaskKind::HelperPosition, i, 0, h.positionGen);
}

void TownScenario::helperPosition(int i, quint32 positionGen)
{
    HelperState &h = m_helperState[size_t(i)];
    if (!h.onDuty || positionGen != h.positionGen)
        return;
    if (h.phase != Phase::Travelling) { // travelling sends its own positions
        if (h.phase != Phase::OnScene) {
            const SimHelper &home = m_helpers.at(i);
            const double fromHome = distanceM(h.lat, h.lon, home.homeLat, home.homeLon);
            if (fromHome > 300) { // back home after a mission, walking
                moveTowards(h.lat, h.lon, home.homeLat, home.homeLon, WalkingMps * 30);
            } else { // pottering about the neighbourhood
                const double angle = uniform(m_helperRng, 0, 2 * M_PI);
                const double step = uniform(m_helperRng, 0, 25);
                offset(h.lat, h.lon, step * std::cos(angle), step * std::sin(angle));
            }
        }
        sendPosition(i);
    }
    schedule(simElapsedMs() + positionPeriodMs(m_helperRng), TaskKind::HelperPosition, i, 0, positionGen);
}

void TownScenario::helperDuty(int i)
{
    HelperState &h = m_helperState[size_t(i)];
    const qint64 now = simElapsedMs();
    if (h.mission != 0 || !h.declining.isEmpty()) {
        schedule(now + secondsToSim(10 * 60), TaskKind::HelperDuty, i); // not in the middle of a mission
        return;
    }
    const double f = m_config.onDutyFraction;
    if (h.onDuty) {
        h.onDuty = false;
        sendHelperEvent("helper.off_duty"_L1, i, 0, false);
        ++m_stats.dutyChanges;
        if (f > 0.0)
            schedule(now + secondsToSim(exponential(m_helperRng, DutyCycleHours * (1 - f) * 3600)),
                     TaskKind::HelperDuty, i);
    } else {
        goOnDuty(i);
        if (f < 1.0)
            schedule(now + secondsToSim(exponential(m_helperRng, DutyCycleHours * f * 3600)), TaskKind::HelperDuty, i);
    }
}

// --- missions ----------------------------------------------------------------------------

GatewayLink::DownlinkVerdict TownScenario::onDownlink(const ServerLine &m)
{
    const auto found = m_helperIndex.constFind(m.helper);
    if (found == m_helperIndex.constEnd())
        return {false, QStringLiteral("unknown_helper")};
    const int i = found.value();
    HelperState &h = m_helperState[size_t(i)];
    const qint64 now = simElapsedMs();

    if (m.type == ServerLine::Type::Cancel) {
        ++m_stats.cancels;
        h.declining.remove(m.mission);
        if (h.mission == m.mission) {
            Log::info(QStringLiteral("helper %1 stops mission %2 (%3)")
                          .arg(m.helper)
                          .arg(m.mission)
                          .arg(m.reason.isEmpty() ? QStringLiteral("cancelled") : m.reason));
            endMission(i);
        }
        return {};
    }

    ++m_stats.offers;
    if (h.mission == m.mission || h.declining.contains(m.mission))
        return {}; // the same mission offered again: already being answered
    const bool accept = h.onDuty && h.mission == 0 && chance(m_missionRng, m_config.acceptProbability);
    Log::info(QStringLiteral("offer of mission %1 (%2) to helper %3: will %4")
                  .arg(m.mission)
                  .arg(m.alarm, m.helper, accept ? QStringLiteral("accept") : QStringLiteral("decline")));
    if (!accept) {
        h.declining.insert(m.mission);
        schedule(now + secondsToSim(uniform(m_missionRng, 5, 40)), TaskKind::MissionAnswer, i, m.mission, 0, false);
        return {};
    }
    ++h.gen;
    h.mission = m.mission;
    h.phase = Phase::Accepting;
    h.hasTarget = m.lat && m.lon;
    h.targetLat = m.lat.value_or(0);
    h.targetLon = m.lon.value_or(0);
    h.alarm = AlarmKinds::fromKey(m.alarm).value_or(AlarmKind::Other);
    schedule(now + secondsToSim(uniform(m_missionRng, 3, 20)), TaskKind::MissionAnswer, i, m.mission, h.gen, true);
    return {};
}

void TownScenario::endMission(int i)
{
    HelperState &h = m_helperState[size_t(i)];
    h.mission = 0;
    h.phase = Phase::None;
    ++h.gen;
}

void TownScenario::onEventSettled(const QByteArray &id, quint32 tag, bool done, const QString &reason)
{
    const qint64 mission = m_missionEvents.take(id);
    if (done || tag == 0 || int(tag) > m_helpers.size())
        return;
    const int i = int(tag) - 1;
    HelperState &h = m_helperState[size_t(i)];
    if (mission != 0 && h.mission == mission) {
        Log::info(QStringLiteral("helper %1 gives up mission %2: Relais refused a step (%3)")
                      .arg(m_helpers.at(i).id)
                      .arg(mission)
                      .arg(reason));
        ++m_stats.abandoned;
        endMission(i);
    }
}

void TownScenario::missionAnswer(const Task &t)
{
    HelperState &h = m_helperState[size_t(t.index)];
    if (!t.flag) {
        if (!h.declining.remove(t.mission))
            return; // cancelled meanwhile
        sendHelperEvent("helper.answer"_L1, t.index, t.mission, false,
                        [](JsonLineWriter &w) { w.string("answer"_L1, "decline"_L1); });
        ++m_stats.declined;
        return;
    }
    if (h.mission != t.mission || h.gen != t.gen || h.phase != Phase::Accepting)
        return;
    sendHelperEvent("helper.answer"_L1, t.index, t.mission, true,
                    [](JsonLineWriter &w) { w.string("answer"_L1, "accept"_L1); });
    ++m_stats.accepted;
    h.phase = Phase::Preparing;
    schedule(simElapsedMs() + secondsToSim(uniform(m_missionRng, 20, 90)), TaskKind::MissionEnRoute, t.index, t.mission,
             h.gen);
}

void TownScenario::missionEnRoute(const Task &t)
{
    HelperState &h = m_helperState[size_t(t.index)];
    if (h.mission != t.mission || h.gen != t.gen || h.phase != Phase::Preparing)
        return;
    sendHelperEvent("helper.en_route"_L1, t.index, t.mission, true);
    ++m_stats.enRoute;
    h.phase = Phase::Travelling;
    const qint64 now = simElapsedMs();
    h.lastMoveAt = now;
    if (!h.hasTarget) { // no position in the offer: the helper knows the way
        schedule(now + secondsToSim(uniform(m_missionRng, 4 * 60, 12 * 60)), TaskKind::MissionTravel, t.index,
                 t.mission, h.gen);
        return;
    }
    const double distance = distanceM(h.lat, h.lon, h.targetLat, h.targetLon);
    h.speedMps = (h.bike && distance > 400) ? CyclingMps : WalkingMps;
    const qint64 toArrive = secondsToSim(distance / h.speedMps);
    schedule(now + std::min(toArrive, positionPeriodMs(m_missionRng)), TaskKind::MissionTravel, t.index, t.mission,
             h.gen);
}

void TownScenario::missionTravel(const Task &t)
{
    HelperState &h = m_helperState[size_t(t.index)];
    if (h.mission != t.mission || h.gen != t.gen || h.phase != Phase::Travelling)
        return;
    const qint64 now = simElapsedMs();
    bool arrived = true;
    if (h.hasTarget) {
        const double step = h.speedMps * double(now - h.lastMoveAt) / 1000.0;
        arrived = moveTowards(h.lat, h.lon, h.targetLat, h.targetLon, step);
        h.lastMoveAt = now;
        if (h.onDuty)
            sendPosition(t.index);
    }
    if (!arrived) {
        const double left = distanceM(h.lat, h.lon, h.targetLat, h.targetLon);
        schedule(now + std::min(secondsToSim(left / h.speedMps), positionPeriodMs(m_missionRng)),
                 TaskKind::MissionTravel, t.index, t.mission, h.gen);
        return;
    }
    sendHelperEvent("helper.on_scene"_L1, t.index, t.mission, true);
    ++m_stats.onScene;
    h.phase = Phase::OnScene;
    schedule(now + secondsToSim(uniform(m_missionRng, 3 * 60, 15 * 60)), TaskKind::MissionReport, t.index, t.mission,
             h.gen);
}

void TownScenario::missionReport(const Task &t)
{
    HelperState &h = m_helperState[size_t(t.index)];
    if (h.mission != t.mission || h.gen != t.gen || h.phase != Phase::OnScene)
        return;
    const auto &w = m_config.outcomeWeights;
    const int outcome = std::discrete_distribution<int>({w[0], w[1], w[2], w[3]})(m_missionRng);
    const QString note = reportNote(outcome, h.alarm, m_missionRng);
    const QLatin1StringView key = OutcomeKeys[outcome];
    sendHelperEvent("helper.report"_L1, t.index, t.mission, true, [&](JsonLineWriter &line) {
        line.string("outcome"_L1, key);
        line.string("note"_L1, note);
    });
    ++m_stats.reports;
    Log::info(QStringLiteral("helper %1 reports mission %2: %3").arg(m_helpers.at(t.index).id).arg(t.mission).arg(key));
    endMission(t.index);
}

} // namespace relais::sim
