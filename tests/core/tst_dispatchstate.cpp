#include "dispatchstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace relais;

using Changes = DispatchState::Changes;
using AS = Alarm::State;
using HA = Helper::Availability;
using MS = Mission::State;

namespace {

const QDateTime t0(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC);

const Actor kClaire = Actor::operatorNamed(QStringLiteral("Claire"));
const Actor kSystem = Actor::system();
const QString d301 = QStringLiteral("d-301");
const QString d302 = QStringLiteral("d-302");
const Actor kD301 = Actor::device(d301);
const Actor kD302 = Actor::device(d302);
const QString h1 = QStringLiteral("h1");
const QString h2 = QStringLiteral("h2");
const QString h3 = QStringLiteral("h3");
const QString h4 = QStringLiteral("h4");
const QGeoCoordinate kLilas(48.8566, 2.3522);

Actor helperActor(const QString &id)
{
    return Actor::helper(id);
}

QString sourceFor(const Actor &by)
{
    switch (by.kind) {
    case Actor::Kind::Device:
        return QStringLiteral("gateway:gw1");
    case Actor::Kind::Helper:
        return QStringLiteral("helper-app");
    case Actor::Kind::Operator:
        return QStringLiteral("ui");
    case Actor::Kind::System:
        break;
    }
    return QStringLiteral("system");
}

template<typename K, typename V>
QSet<K> differing(const QHash<K, V> &before, const QHash<K, V> &after)
{
    QSet<K> out;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()) || !(after.value(it.key()) == it.value()))
            out.insert(it.key());
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            out.insert(it.key());
    }
    return out;
}

template<typename T>
QString sorted(const QSet<T> &set)
{
    QStringList items;
    for (const T &v : set) {
        if constexpr (std::is_same_v<T, QString>)
            items.append(v);
        else
            items.append(QString::number(v));
    }
    items.sort();
    return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
}

// A readable, order-independent rendering of Changes, for QCOMPARE.
QString describe(const Changes &c)
{
    return QStringLiteral("devices=%1 helpers=%2 alarms=%3 missions=%4 shifts=%5 fees=%6 cancels=[%7] "
                          "removedDevices=%8 removedHelpers=%9")
        .arg(sorted(c.devices), sorted(c.helpers), sorted(c.alarms), sorted(c.missions), sorted(c.shifts),
             c.fees ? QStringLiteral("1") : QStringLiteral("0"), c.cancelsToSend.join(QLatin1Char(',')),
             sorted(c.removedDevices), sorted(c.removedHelpers));
}

// What an entry must report: every entity that changed, and nothing that does not exist.
QStringList checkChanges(const DispatchState &before, const DispatchState &after, const Changes &c)
{
    QStringList problems;
    auto need = [&](bool ok, const QString &what) {
        if (!ok)
            problems.append(what);
    };
    for (const QString &id : differing(before.devices(), after.devices())) {
        if (after.devices().contains(id))
            need(c.devices.contains(id), QStringLiteral("device %1 changed, not reported").arg(id));
        else
            need(c.removedDevices.contains(id), QStringLiteral("device %1 removed, not reported").arg(id));
    }
    for (const QString &id : differing(before.helpers(), after.helpers())) {
        if (after.helpers().contains(id))
            need(c.helpers.contains(id), QStringLiteral("helper %1 changed, not reported").arg(id));
        else
            need(c.removedHelpers.contains(id), QStringLiteral("helper %1 removed, not reported").arg(id));
    }
    for (qint64 id : differing(before.alarms(), after.alarms()))
        need(c.alarms.contains(id), QStringLiteral("alarm %1 changed, not reported").arg(id));
    for (qint64 id : differing(before.missions(), after.missions()))
        need(c.missions.contains(id), QStringLiteral("mission %1 changed, not reported").arg(id));
    for (qint64 id : differing(before.shifts(), after.shifts()))
        need(c.shifts.contains(id), QStringLiteral("shift %1 changed, not reported").arg(id));
    need(before.fees() == after.fees() || c.fees, QStringLiteral("fees changed, not reported"));

    for (const QString &id : c.devices)
        need(after.devices().contains(id), QStringLiteral("reported device %1 does not exist").arg(id));
    for (const QString &id : c.helpers)
        need(after.helpers().contains(id), QStringLiteral("reported helper %1 does not exist").arg(id));
    for (qint64 id : c.alarms)
        need(after.alarms().contains(id) && id > 0, QStringLiteral("reported alarm %1 does not exist").arg(id));
    for (qint64 id : c.missions)
        need(after.missions().contains(id) && id > 0, QStringLiteral("reported mission %1 does not exist").arg(id));
    for (const QString &id : c.cancelsToSend)
        need(!id.isEmpty(), QStringLiteral("empty helper id in cancelsToSend"));

    // One open alarm per (device, kind), and it is the one repeats fold into.
    for (const Alarm &a : after.alarms()) {
        if (a.deviceId().isEmpty())
            continue;
        const Alarm *indexed = after.openAlarmFor(a.deviceId(), a.kind());
        if (a.isOpen())
            need(indexed && indexed->id() == a.id(),
                 QStringLiteral("open alarm %1 is not the open alarm of its device and kind").arg(a.id()));
        else
            need(!indexed || indexed->id() != a.id(),
                 QStringLiteral("alarm %1 is no longer open but still receives repeats").arg(a.id()));
    }
    return problems;
}

struct Step
{
    QString kind;
    Actor by;
    QJsonObject payload;
};

// The desk as the store drives it: entries numbered and timed in order, refused ones not committed.
// Every accepted entry is checked for changes it failed to report.
class Desk
{
public:
    DispatchState state;
    QList<JournalEntry> log; // accepted entries, in order
    JournalEntry last;       // the last entry submitted
    QStringList changeProblems;

    JournalEntry make(const QString &kind, const Actor &by, const QJsonObject &payload) const
    {
        JournalEntry e;
        e.seq = m_seq + 1;
        e.time = t0.addSecs(10 * e.seq);
        e.source = sourceFor(by);
        e.messageId = by.kind == Actor::Kind::Device ? QStringLiteral("msg-%1").arg(e.seq) : QString();
        e.kind = kind;
        e.actor = by;
        e.payload = payload;
        if (by.kind == Actor::Kind::Device)
            e.raw = QJsonDocument(payload).toJson(QJsonDocument::Compact);
        return e;
    }

    Result<Changes> submit(const JournalEntry &e)
    {
        last = e;
        const DispatchState before = state;
        Result<Changes> r = state.apply(e);
        if (r) {
            m_seq = std::max(m_seq, e.seq);
            log.append(e);
            for (const QString &p : checkChanges(before, state, r.value()))
                changeProblems.append(e.kind + QLatin1String(": ") + p);
        }
        return r;
    }

    Result<Changes> submit(const QString &kind, const Actor &by, const QJsonObject &payload)
    {
        return submit(make(kind, by, payload));
    }

    // Runs steps that must all be accepted; returns the first refusal, empty when all went in.
    QString run(const QList<Step> &steps)
    {
        for (const Step &s : steps) {
            const Result<Changes> r = submit(s.kind, s.by, s.payload);
            if (!r) {
                return QStringLiteral("%1 %2 refused: %3 (%4)")
                    .arg(s.kind, QString::fromUtf8(QJsonDocument(s.payload).toJson(QJsonDocument::Compact)),
                         r.error().code, r.errorString());
            }
        }
        return {};
    }

    QDateTime lastTime() const { return last.time; }
    qint64 seq() const { return m_seq; }

private:
    qint64 m_seq = 0;
};

template<typename R>
QString failure(const R &r)
{
    return r.ok() ? QString() : r.error().code + QLatin1String(": ") + r.errorString();
}

QString codeString(const char *code)
{
    return QString::fromLatin1(code);
}

QString codeString(const QString &code)
{
    return code;
}

// Evaluates `result` once (QVERIFY2 evaluates its description separately).
#define QVERIFY_OK(result)                                                                                             \
    do {                                                                                                               \
        const auto &r_ = (result);                                                                                     \
        QVERIFY2(r_.ok(), qPrintable(failure(r_)));                                                                    \
    } while (false)

// The entry is refused with `code`, a message for people, and the whole state is left as it was.
#define QVERIFY_REFUSED(desk, expectedCode, kind, by, payload)                                                         \
    do {                                                                                                               \
        const DispatchState before_ = (desk).state;                                                                    \
        const Result<Changes> r_ = (desk).submit(kind, by, payload);                                                   \
        QVERIFY2(!r_.ok(), "the entry was accepted");                                                                  \
        QCOMPARE(r_.error().code, codeString(expectedCode));                                                           \
        QVERIFY(!r_.error().message.isEmpty());                                                                        \
        QVERIFY2((desk).state == before_, "a refused entry changed the state");                                        \
    } while (false)

QJsonObject deviceAlarm(const QString &device, const QString &kind)
{
    return {{QStringLiteral("device"), device}, {QStringLiteral("alarm"), kind}};
}

QJsonObject onAlarm(qint64 id)
{
    return {{QStringLiteral("alarm"), id}};
}

QJsonObject onMission(qint64 id)
{
    return {{QStringLiteral("mission"), id}};
}

QJsonObject onMission(qint64 id, const QString &helper)
{
    return {{QStringLiteral("mission"), id}, {QStringLiteral("helper"), helper}};
}

QJsonObject offer(qint64 mission, const QString &helper, double distance)
{
    return {{QStringLiteral("mission"), mission},
            {QStringLiteral("helper"), helper},
            {QStringLiteral("distance_m"), distance}};
}

QJsonObject answer(qint64 mission, const QString &helper, const QString &what)
{
    return {{QStringLiteral("mission"), mission}, {QStringLiteral("helper"), helper}, {QStringLiteral("answer"), what}};
}

QJsonObject withOutcome(QJsonObject p, const QString &outcome)
{
    p.insert(QStringLiteral("outcome"), outcome);
    return p;
}

QJsonObject helperPayload(const QString &id)
{
    return {{QStringLiteral("helper"), id}};
}

QJsonObject position(const QString &helper, double lat, double lon)
{
    return {{QStringLiteral("helper"), helper}, {QStringLiteral("lat"), lat}, {QStringLiteral("lon"), lon}};
}

QJsonObject missionFor(qint64 alarm, const QString &kind = QStringLiteral("verification"))
{
    return {{QStringLiteral("alarm"), alarm}, {QStringLiteral("kind"), kind}};
}

// Two devices, four helpers (h1–h3 on duty with a position, h4 off duty), Claire's shift.
QList<Step> setUp()
{
    const QString reg = EntryKind::DeviceRegistered;
    const QString helperReg = EntryKind::HelperRegistered;
    return {
        {reg,
         kClaire,
         {{QStringLiteral("device"), d301},
          {QStringLiteral("kind"), QStringLiteral("panic_button")},
          {QStringLiteral("label"), QStringLiteral("Pendentif Mme R.")},
          {QStringLiteral("beneficiary"), QStringLiteral("B-17")},
          {QStringLiteral("address"), QStringLiteral("12 rue des Lilas")},
          {QStringLiteral("lat"), kLilas.latitude()},
          {QStringLiteral("lon"), kLilas.longitude()},
          {QStringLiteral("interval_s"), 3600}}},
        {reg,
         kClaire,
         {{QStringLiteral("device"), d302},
          {QStringLiteral("kind"), QStringLiteral("smoke")},
          {QStringLiteral("address"), QStringLiteral("5 place du Marché")},
          {QStringLiteral("interval_s"), 600}}},
        {helperReg,
         kClaire,
         {{QStringLiteral("helper"), h1},
          {QStringLiteral("name"), QStringLiteral("Inès")},
          {QStringLiteral("phone"), QStringLiteral("+33 6 00 00 00 01")},
          {QStringLiteral("skills"), QJsonArray{QStringLiteral("first_aid")}}}},
        {helperReg, kClaire, {{QStringLiteral("helper"), h2}, {QStringLiteral("name"), QStringLiteral("Marc")}}},
        {helperReg, kClaire, {{QStringLiteral("helper"), h3}, {QStringLiteral("name"), QStringLiteral("Sofia")}}},
        {helperReg, kClaire, {{QStringLiteral("helper"), h4}, {QStringLiteral("name"), QStringLiteral("Paul")}}},
        {EntryKind::HelperOnDuty, helperActor(h1), helperPayload(h1)},
        {EntryKind::HelperOnDuty, helperActor(h2), helperPayload(h2)},
        {EntryKind::HelperOnDuty, helperActor(h3), helperPayload(h3)},
        {EntryKind::HelperPosition, helperActor(h1), position(h1, 48.857, 2.353)},
        {EntryKind::HelperPosition, helperActor(h2), position(h2, 48.86, 2.35)},
        {EntryKind::HelperPosition, helperActor(h3), position(h3, 48.87, 2.36)},
        {EntryKind::ShiftStarted, kClaire, {{QStringLiteral("operator"), QStringLiteral("Claire")}}},
    };
}

// Alarm `alarm` (acknowledged, mission `mission`) assigned to h2 through offers to h1, h2, h3.
QList<Step> dispatchTo(qint64 alarm, qint64 mission)
{
    return {
        {EntryKind::MissionCreated, kClaire, missionFor(alarm)},
        {EntryKind::MissionOffered, kClaire, offer(mission, h1, 150)},
        {EntryKind::MissionOffered, kClaire, offer(mission, h2, 420)},
        {EntryKind::MissionOffered, kClaire, offer(mission, h3, 900)},
        {EntryKind::MissionAnswered, helperActor(h2), answer(mission, h2, QStringLiteral("accepted"))},
    };
}

QList<Step> panicAcknowledged()
{
    return {
        {EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("panic"))},
        {EntryKind::AlarmAcknowledged, kClaire, onAlarm(1)},
    };
}

Changes expect(QSet<QString> devices, QSet<QString> helpers, QSet<qint64> alarms, QSet<qint64> missions,
               QStringList cancels = {})
{
    Changes c;
    c.devices = std::move(devices);
    c.helpers = std::move(helpers);
    c.alarms = std::move(alarms);
    c.missions = std::move(missions);
    c.cancelsToSend = std::move(cancels);
    return c;
}

QDateTime timeOf(const Alarm &a, AS state)
{
    return a.enteredAt(state);
}

} // namespace

class TestDispatchState final : public QObject
{
    Q_OBJECT

private slots:
    void fullScenario();
    void secondAcceptRefused();
    void refusedEntriesChangeNothing_data();
    void refusedEntriesChangeNothing();
    void oneOpenAlarmPerDeviceAndKind();
    void unknownDeviceAlarm();
    void deviceRestore_data();
    void deviceRestore();
    void deviceSilentCancelledWhenDeviceReports_data();
    void deviceSilentCancelledWhenDeviceReports();
    void lowBatteryFromLevels();
    void deviceSilentWithMission_data();
    void deviceSilentWithMission();
    void offersExhausted();
    void unassignAndRedispatch();
    void alarmCancelledByOperator();
    void missionCancelled();
    void escalation();
    void helperPosition();
    void manualAlarm_data();
    void manualAlarm();
    void shifts();
    void feesSetOnlyChangesNewMissions();
    void missionFeeFromEntry();
    void devicesAndHelpersLifecycle();
    void determinism();
    void changesAreExact();
    void lastSeq();
    void missionWithoutAlarm();
    void gatewayRefusedIsAnAuditRecord();
};

void TestDispatchState::fullScenario()
{
    Desk desk;
    QCOMPARE(desk.run(setUp()), QString());
    const DispatchState &s = desk.state;
    QCOMPARE(s.devices().size(), 2);
    QCOMPARE(s.helpers().size(), 4);
    QCOMPARE(s.helper(h4)->availability(), HA::OffDuty);
    QCOMPARE(s.helper(h1)->skills, QStringList{QStringLiteral("first_aid")});
    QCOMPARE(s.runningShift()->op.name, QStringLiteral("Claire"));

    // The pendant raises a panic alarm.
    Result<Changes> r = desk.submit(EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("panic")));
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({d301}, {}, {1}, {})));
    const QDateTime raised = desk.lastTime();
    {
        const Alarm *a = s.alarm(1);
        QVERIFY(a);
        QCOMPARE(a->state(), AS::New);
        QCOMPARE(a->kind(), AlarmKind::Panic);
        QCOMPARE(a->severity(), Severity::Critical);
        QCOMPARE(a->deviceId(), d301);
        QCOMPARE(a->count(), 1);
        QCOMPARE(a->raisedAt(), raised);
        QCOMPARE(a->position, kLilas); // from the registry
        QCOMPARE(a->address, QStringLiteral("12 rue des Lilas"));
        QCOMPARE(a->beneficiaryRef, QStringLiteral("B-17"));
        QVERIFY(!a->unregisteredDevice);
        QCOMPARE(a->timeline().first(), (Transition{int(AS::New), raised, kD301, {}}));
        QCOMPARE(s.openAlarmFor(d301, AlarmKind::Panic), a);
        QCOMPARE(s.device(d301)->lastSeen, raised);
    }

    // Pressed again: the same alarm, counted.
    r = desk.submit(EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("panic")));
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({d301}, {}, {1}, {})));
    QCOMPARE(s.alarms().size(), 1);
    QCOMPARE(s.alarm(1)->count(), 2);
    QCOMPARE(s.alarm(1)->lastSeen(), desk.lastTime());
    QCOMPARE(s.alarm(1)->raisedAt(), raised);
    QCOMPARE(s.device(d301)->lastSeen, desk.lastTime());

    // Claire acknowledges.
    r = desk.submit(EntryKind::AlarmAcknowledged, kClaire, onAlarm(1));
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({}, {}, {1}, {})));
    QCOMPARE(s.alarm(1)->state(), AS::Acknowledged);
    QCOMPARE(s.alarm(1)->timeline().last(), (Transition{int(AS::Acknowledged), desk.lastTime(), kClaire, {}}));

    // A verification mission, at the published fee.
    r = desk.submit(EntryKind::MissionCreated, kClaire, missionFor(1));
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({}, {}, {1}, {1})));
    QCOMPARE(s.mission(1)->fee(), Money::euros(1000));
    QCOMPARE(s.mission(1)->alarmId(), 1);
    QCOMPARE(s.mission(1)->kind(), MissionKind::Verification);
    QCOMPARE(s.alarm(1)->missionId, 1);

    // Offered to the three nearest.
    r = desk.submit(EntryKind::MissionOffered, kClaire, offer(1, h1, 150));
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({}, {h1}, {1}, {1})));
    QCOMPARE(s.alarm(1)->state(), AS::Dispatching);
    QCOMPARE(s.alarm(1)->timeline().last(), (Transition{int(AS::Dispatching), desk.lastTime(), kClaire, {}}));
    QVERIFY_OK(desk.submit(EntryKind::MissionOffered, kClaire, offer(1, h2, 420)));
    QVERIFY_OK(desk.submit(EntryKind::MissionOffered, kClaire, offer(1, h3, 900)));
    QCOMPARE(s.mission(1)->pendingOfferHelpers(), (QStringList{h1, h2, h3}));
    for (const QString &h : {h1, h2, h3}) {
        QCOMPARE(s.helper(h)->availability(), HA::Offered);
        QCOMPARE(s.helper(h)->missionId, 1);
    }
    QCOMPARE(s.mission(1)->offers().at(1).distanceM, 420.0);

    // Marc (h2) accepts first.
    r = desk.submit(EntryKind::MissionAnswered, helperActor(h2), answer(1, h2, QStringLiteral("accepted")));
    QVERIFY_OK(r);
    const QDateTime accepted = desk.lastTime();
    QCOMPARE(describe(r.value()), describe(expect({}, {h1, h2, h3}, {1}, {1}, {h1, h3})));
    QCOMPARE(s.mission(1)->state(), MS::Assigned);
    QCOMPARE(s.mission(1)->assignee(), h2);
    QCOMPARE(s.helper(h2)->availability(), HA::Assigned);
    QCOMPARE(s.helper(h2)->lastChange(), (Transition{int(HA::Assigned), accepted, helperActor(h2), {}}));
    for (const QString &h : {h1, h3}) {
        QCOMPARE(s.helper(h)->availability(), HA::Available);
        QCOMPARE(s.helper(h)->missionId, 0);
        QCOMPARE(s.helper(h)->lastChange(), (Transition{int(HA::Available), accepted, kSystem, {}}));
    }
    QCOMPARE(s.mission(1)->offers().at(0).answer, Offer::Answer::Withdrawn);
    QCOMPARE(s.alarm(1)->state(), AS::Assigned);
    QCOMPARE(s.alarm(1)->helperId, h2);
    QCOMPARE(s.alarm(1)->timeline().last(), (Transition{int(AS::Assigned), accepted, helperActor(h2), h2}));

    // Inès (h1) accepts a moment later: refused, nothing changes.
    QVERIFY_REFUSED(desk, "already_taken", EntryKind::MissionAnswered, helperActor(h1),
                    answer(1, h1, QStringLiteral("accepted")));

    // On the way, on scene.
    r = desk.submit(EntryKind::MissionEnRoute, helperActor(h2), onMission(1));
    QVERIFY_OK(r);
    QCOMPARE(s.alarm(1)->state(), AS::EnRoute);
    QCOMPARE(s.alarm(1)->timeline().last(), (Transition{int(AS::EnRoute), desk.lastTime(), helperActor(h2), {}}));
    QCOMPARE(s.helper(h2)->availability(), HA::Busy);
    QVERIFY_OK(desk.submit(EntryKind::MissionOnScene, helperActor(h2), onMission(1)));
    QCOMPARE(s.alarm(1)->state(), AS::OnScene);
    QCOMPARE(s.helper(h2)->availability(), HA::Busy);

    // A false alarm: Marc is paid the fee, the alarm is resolved with the outcome.
    r = desk.submit(EntryKind::MissionCompleted, helperActor(h2),
                    withOutcome(onMission(1), QStringLiteral("false_alarm")));
    QVERIFY_OK(r);
    const QDateTime completed = desk.lastTime();
    QCOMPARE(describe(r.value()), describe(expect({}, {h2}, {1}, {1})));
    const Mission *m = s.mission(1);
    QCOMPARE(m->state(), MS::Completed);
    QCOMPARE(m->outcome(), std::optional<Outcome>(Outcome::FalseAlarm));
    QCOMPARE(m->payout(), Money::euros(1000));
    QCOMPARE(m->payout(), m->fee());
    QCOMPARE(s.alarm(1)->state(), AS::Resolved);
    QCOMPARE(s.alarm(1)->outcome(), std::optional<Outcome>(Outcome::FalseAlarm));
    QCOMPARE(s.alarm(1)->timeline().last(),
             (Transition{int(AS::Resolved), completed, helperActor(h2), QStringLiteral("false_alarm")}));
    QCOMPARE(s.helper(h2)->availability(), HA::Available);
    QCOMPARE(s.helper(h2)->missionId, 0);
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::Panic), nullptr);

    // Pressed again before the operator closes the first one: a new alarm, not a lost press.
    r = desk.submit(EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("panic")));
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({d301}, {}, {2}, {})));
    QCOMPARE(s.alarms().size(), 2);
    QCOMPARE(s.alarm(2)->state(), AS::New);
    QCOMPARE(s.alarm(1)->count(), 2);
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::Panic)->id(), 2);

    // Claire closes the first.
    QVERIFY_OK(desk.submit(EntryKind::AlarmClosed, kClaire, onAlarm(1)));
    const Alarm *a = s.alarm(1);
    QCOMPARE(a->state(), AS::Closed);
    QVERIFY(!a->isOpen());
    QList<int> states;
    for (const Transition &t : a->timeline())
        states.append(t.state);
    QCOMPARE(states, (QList<int>{int(AS::New), int(AS::Acknowledged), int(AS::Dispatching), int(AS::Assigned),
                                 int(AS::EnRoute), int(AS::OnScene), int(AS::Resolved), int(AS::Closed)}));
    // Every step is timed, in order.
    for (qsizetype i = 1; i < a->timeline().size(); ++i)
        QVERIFY(a->timeline().at(i - 1).at < a->timeline().at(i).at);
    QCOMPARE(timeOf(*a, AS::Resolved), completed);

    // Closing the first does not detach the second; its repeats fold in.
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::Panic)->id(), 2);
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("panic"))));
    QCOMPARE(s.alarms().size(), 2);
    QCOMPARE(s.alarm(2)->count(), 2);

    QCOMPARE(desk.changeProblems, QStringList());
    QCOMPARE(s.lastSeq(), desk.seq());
}

void TestDispatchState::secondAcceptRefused()
{
    Desk desk;
    QCOMPARE(desk.run(setUp() + panicAcknowledged() + dispatchTo(1, 1)), QString());
    // The winner accepting twice, the withdrawn ones, a helper never asked: all refused, nothing changes.
    QVERIFY_REFUSED(desk, "already_taken", EntryKind::MissionAnswered, helperActor(h2),
                    answer(1, h2, QStringLiteral("accepted")));
    QVERIFY_REFUSED(desk, "already_taken", EntryKind::MissionAnswered, helperActor(h3),
                    answer(1, h3, QStringLiteral("accepted")));
    QVERIFY_REFUSED(desk, "already_taken", EntryKind::MissionAnswered, helperActor(h4),
                    answer(1, h4, QStringLiteral("accepted")));
    // A late decline of a withdrawn offer is refused too.
    QVERIFY_REFUSED(desk, "no_pending_offer", EntryKind::MissionAnswered, helperActor(h1),
                    answer(1, h1, QStringLiteral("declined")));
    QCOMPARE(desk.state.mission(1)->assignee(), h2);
}

void TestDispatchState::refusedEntriesChangeNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<QString>("code");

    const QString op = kClaire.toString();
    const QString sys = kSystem.toString();
    auto row = [](const char *name, QLatin1StringView kind, const QString &actor, const QJsonObject &payload,
                  const char *code) {
        QTest::newRow(name) << QString(kind) << actor << payload << QString::fromLatin1(code);
    };
    const QString j = QStringLiteral("device");
    const QString a = QStringLiteral("alarm");

    // entry kinds
    QTest::newRow("unknown kind") << QStringLiteral("weather.report") << sys << QJsonObject()
                                  << QStringLiteral("unknown_entry");
    QTest::newRow("unknown device kind") << QStringLiteral("device.frobnicate") << d301
                                         << deviceAlarm(d301, QStringLiteral("panic"))
                                         << QStringLiteral("unknown_entry");
    QTest::newRow("unknown helper kind") << QStringLiteral("helper.teleported") << op << helperPayload(h2)
                                         << QStringLiteral("unknown_entry");
    QTest::newRow("unknown mission kind")
        << QStringLiteral("mission.lost") << op << onMission(1) << QStringLiteral("unknown_entry");
    QTest::newRow("unknown alarm kind") << QStringLiteral("alarm.snoozed") << op << onAlarm(2)
                                        << QStringLiteral("unknown_entry");
    // devices
    row("device registered twice", EntryKind::DeviceRegistered, op, {{j, d301}}, "duplicate_device");
    row("device without id", EntryKind::DeviceRegistered, op, {{j, QStringLiteral("  ")}}, "missing_field");
    row("device zero interval", EntryKind::DeviceRegistered, op,
        {{j, QStringLiteral("d-900")}, {QStringLiteral("interval_s"), 0}}, "bad_value");
    row("update unknown device", EntryKind::DeviceUpdated, op, {{j, QStringLiteral("d-900")}}, "unknown_device");
    row("remove unknown device", EntryKind::DeviceRemoved, op, {{j, QStringLiteral("d-900")}}, "unknown_device");
    // device messages
    row("device alarm without device", EntryKind::DeviceAlarm, sys, {{a, QStringLiteral("panic")}}, "missing_field");
    row("device alarm unknown kind", EntryKind::DeviceAlarm, kD301.toString(),
        deviceAlarm(d301, QStringLiteral("earthquake")), "unknown_alarm_kind");
    row("device alarm bad severity", EntryKind::DeviceAlarm, kD301.toString(),
        {{j, d301}, {a, QStringLiteral("panic")}, {QStringLiteral("severity"), QStringLiteral("apocalyptic")}},
        "bad_value");
    row("restore unknown kind", EntryKind::DeviceRestore, kD301.toString(), deviceAlarm(d301, QStringLiteral("?")),
        "unknown_alarm_kind");
    row("heartbeat without device", EntryKind::DeviceHeartbeat, sys, {}, "missing_field");
    row("position without coordinates", EntryKind::DevicePosition, kD301.toString(), {{j, d301}}, "bad_position");
    row("position out of range", EntryKind::DevicePosition, kD301.toString(),
        {{j, d301}, {QStringLiteral("lat"), 91.0}, {QStringLiteral("lon"), 2.0}}, "bad_position");
    // alarms
    row("manual unknown kind", EntryKind::AlarmManual, op,
        {{QStringLiteral("kind"), QStringLiteral("ufo")}, {QStringLiteral("address"), QStringLiteral("here")}},
        "unknown_alarm_kind");
    row("manual without place", EntryKind::AlarmManual, op, {{QStringLiteral("kind"), QStringLiteral("fall")}},
        "missing_field");
    row("manual blank address, bad coordinates", EntryKind::AlarmManual, op,
        {{QStringLiteral("kind"), QStringLiteral("fall")},
         {QStringLiteral("address"), QStringLiteral("  ")},
         {QStringLiteral("lat"), 200.0},
         {QStringLiteral("lon"), 2.0}},
        "missing_field");
    row("manual bad severity", EntryKind::AlarmManual, op,
        {{QStringLiteral("kind"), QStringLiteral("fall")},
         {QStringLiteral("address"), QStringLiteral("here")},
         {QStringLiteral("severity"), QStringLiteral("meh")}},
        "bad_value");
    row("ack unknown alarm", EntryKind::AlarmAcknowledged, op, onAlarm(99), "unknown_alarm");
    row("ack without alarm id", EntryKind::AlarmAcknowledged, op, {}, "unknown_alarm");
    row("ack dispatching alarm", EntryKind::AlarmAcknowledged, op, onAlarm(1), "already_acknowledged");
    row("ack en-route alarm", EntryKind::AlarmAcknowledged, op, onAlarm(3), "already_acknowledged");
    row("ack resolved alarm", EntryKind::AlarmAcknowledged, op, onAlarm(4), "illegal_transition");
    row("escalate stage 0", EntryKind::AlarmEscalated, sys, {{a, 2}, {QStringLiteral("stage"), 0}}, "bad_value");
    row("escalate stage 4", EntryKind::AlarmEscalated, sys, {{a, 2}, {QStringLiteral("stage"), 4}}, "bad_value");
    row("escalate resolved alarm", EntryKind::AlarmEscalated, sys, {{a, 4}, {QStringLiteral("stage"), 1}},
        "alarm_not_open");
    row("escalate same stage twice", EntryKind::AlarmEscalated, sys, {{a, 3}, {QStringLiteral("stage"), 2}},
        "already_escalated");
    row("resolve without outcome", EntryKind::AlarmResolved, op, onAlarm(5), "missing_outcome");
    row("resolve unknown outcome", EntryKind::AlarmResolved, op, withOutcome(onAlarm(5), QStringLiteral("meh")),
        "missing_outcome");
    row("resolve as cancelled", EntryKind::AlarmResolved, op, withOutcome(onAlarm(5), QStringLiteral("cancelled")),
        "bad_outcome");
    row("resolve with mission under way", EntryKind::AlarmResolved, op,
        withOutcome(onAlarm(1), QStringLiteral("false_alarm")), "mission_open");
    row("resolve unacknowledged", EntryKind::AlarmResolved, op, withOutcome(onAlarm(2), QStringLiteral("false_alarm")),
        "illegal_transition");
    row("close open alarm", EntryKind::AlarmClosed, op, onAlarm(5), "illegal_transition");
    row("cancel resolved alarm", EntryKind::AlarmCancelled, op, onAlarm(4), "illegal_transition");
    row("empty note", EntryKind::AlarmNote, op, {{a, 2}, {QStringLiteral("text"), QStringLiteral(" ")}},
        "missing_field");
    // missions
    row("mission for unknown alarm", EntryKind::MissionCreated, op, missionFor(99), "unknown_alarm");
    row("mission for resolved alarm", EntryKind::MissionCreated, op, missionFor(4), "alarm_not_open");
    row("second mission", EntryKind::MissionCreated, op, missionFor(1), "mission_exists");
    row("mission unknown kind", EntryKind::MissionCreated, op, missionFor(5, QStringLiteral("party")), "bad_value");
    row("mission negative fee", EntryKind::MissionCreated, op,
        {{a, 5},
         {QStringLiteral("kind"), QStringLiteral("verification")},
         {QStringLiteral("fee_cents"), -100},
         {QStringLiteral("currency"), QStringLiteral("EUR")}},
        "bad_value");
    row("mission fee without currency", EntryKind::MissionCreated, op,
        {{a, 5}, {QStringLiteral("kind"), QStringLiteral("verification")}, {QStringLiteral("fee_cents"), 1000}},
        "bad_value");
    row("offer unknown mission", EntryKind::MissionOffered, op, offer(99, h2, 10), "unknown_mission");
    row("offer unknown helper", EntryKind::MissionOffered, op, offer(1, QStringLiteral("h99"), 10), "unknown_helper");
    row("offer off-duty helper", EntryKind::MissionOffered, op, offer(1, h4, 10), "illegal_transition");
    row("offer busy helper", EntryKind::MissionOffered, op, offer(1, h3, 10), "illegal_transition");
    row("offer twice", EntryKind::MissionOffered, op, offer(1, h1, 10), "already_offered");
    row("offer assigned mission", EntryKind::MissionOffered, op, offer(2, h2, 10), "illegal_transition");
    row("offer for unacknowledged alarm", EntryKind::MissionOffered, op, offer(3, h2, 10), "alarm_state");
    row("answer maybe", EntryKind::MissionAnswered, h1, answer(1, h1, QStringLiteral("maybe")), "bad_value");
    row("answer withdrawn", EntryKind::MissionAnswered, h1, answer(1, h1, QStringLiteral("withdrawn")), "bad_value");
    row("answer pending", EntryKind::MissionAnswered, h1, answer(1, h1, QStringLiteral("pending")), "bad_value");
    row("answer by unknown helper", EntryKind::MissionAnswered, op,
        answer(1, QStringLiteral("h99"), QStringLiteral("accepted")), "unknown_helper");
    row("accept without offer", EntryKind::MissionAnswered, h2, answer(1, h2, QStringLiteral("accepted")),
        "no_pending_offer");
    row("decline without offer", EntryKind::MissionAnswered, h2, answer(1, h2, QStringLiteral("declined")),
        "no_pending_offer");
    row("accept assigned mission", EntryKind::MissionAnswered, h1, answer(2, h1, QStringLiteral("accepted")),
        "already_taken");
    // A handset speaks only for its own helper and its own mission.
    row("handset answers for another helper", EntryKind::MissionAnswered, helperActor(h2).toString(),
        answer(1, h1, QStringLiteral("accepted")), "not_your_mission");
    row("handset reports on another's mission", EntryKind::MissionOnScene, helperActor(h1).toString(), onMission(2),
        "not_your_mission");
    row("handset completes another's mission", EntryKind::MissionCompleted, helperActor(h2).toString(),
        QJsonObject{{QStringLiteral("mission"), 2}, {QStringLiteral("outcome"), QStringLiteral("false_alarm")}},
        "not_your_mission");
    row("assign off-duty helper", EntryKind::MissionAssigned, op, onMission(1, h4), "illegal_transition");
    row("assign busy helper", EntryKind::MissionAssigned, op, onMission(1, h3), "illegal_transition");
    row("assign nobody", EntryKind::MissionAssigned, op, onMission(1), "unknown_helper");
    row("assign for unacknowledged alarm", EntryKind::MissionAssigned, op, onMission(3, h2), "illegal_transition");
    row("assign helper offered elsewhere", EntryKind::MissionAssigned, op, onMission(3, h1), "offer_mismatch");
    row("unassign unassigned", EntryKind::MissionUnassigned, op, onMission(1), "not_assigned");
    row("en route unassigned", EntryKind::MissionEnRoute, h1, onMission(1), "not_assigned");
    row("on scene unassigned", EntryKind::MissionOnScene, h1, onMission(1), "not_assigned");
    row("complete without outcome", EntryKind::MissionCompleted, h3, onMission(2), "missing_outcome");
    row("complete as cancelled", EntryKind::MissionCompleted, h3,
        withOutcome(onMission(2), QStringLiteral("cancelled")), "bad_outcome");
    row("complete before on scene", EntryKind::MissionCompleted, h3,
        withOutcome(onMission(2), QStringLiteral("false_alarm")), "illegal_transition");
    row("complete unassigned", EntryKind::MissionCompleted, h1,
        withOutcome(onMission(1), QStringLiteral("false_alarm")), "illegal_transition");
    row("cancel unknown mission", EntryKind::MissionCancelled, op, onMission(99), "unknown_mission");
    // helpers
    row("helper registered twice", EntryKind::HelperRegistered, op,
        {{QStringLiteral("helper"), h1}, {QStringLiteral("name"), QStringLiteral("X")}}, "duplicate_helper");
    row("helper without name", EntryKind::HelperRegistered, op,
        {{QStringLiteral("helper"), QStringLiteral("h9")}, {QStringLiteral("name"), QStringLiteral(" ")}},
        "missing_field");
    row("helper without id", EntryKind::HelperRegistered, op, {{QStringLiteral("name"), QStringLiteral("X")}},
        "missing_field");
    row("update unknown helper", EntryKind::HelperUpdated, op,
        {{QStringLiteral("helper"), QStringLiteral("h9")}, {QStringLiteral("name"), QStringLiteral("X")}},
        "unknown_helper");
    row("on duty twice", EntryKind::HelperOnDuty, h2, helperPayload(h2), "already_on_duty");
    row("on duty again with an offer", EntryKind::HelperOnDuty, h1, helperPayload(h1), "already_on_duty");
    row("on duty again on a mission", EntryKind::HelperOnDuty, h3, helperPayload(h3), "already_on_duty");
    row("off duty with an offer", EntryKind::HelperOffDuty, h1, helperPayload(h1), "illegal_transition");
    row("off duty on a mission", EntryKind::HelperOffDuty, h3, helperPayload(h3), "illegal_transition");
    row("off duty twice", EntryKind::HelperOffDuty, h4, helperPayload(h4), "illegal_transition");
    row("position off duty", EntryKind::HelperPosition, h4, position(h4, 48.8, 2.3), "off_duty_position");
    row("position without coordinates", EntryKind::HelperPosition, h2, helperPayload(h2), "bad_position");
    row("remove helper on duty", EntryKind::HelperRemoved, op, helperPayload(h2), "helper_on_duty");
    row("remove unknown helper", EntryKind::HelperRemoved, op, helperPayload(QStringLiteral("h9")), "unknown_helper");
    // organisation
    row("fee unknown kind", EntryKind::FeeSet, op,
        {{QStringLiteral("kind"), QStringLiteral("party")},
         {QStringLiteral("fee_cents"), 100},
         {QStringLiteral("currency"), QStringLiteral("EUR")}},
        "bad_value");
    row("fee negative", EntryKind::FeeSet, op,
        {{QStringLiteral("kind"), QStringLiteral("verification")},
         {QStringLiteral("fee_cents"), -1},
         {QStringLiteral("currency"), QStringLiteral("EUR")}},
        "bad_value");
    row("fee without amount", EntryKind::FeeSet, op,
        {{QStringLiteral("kind"), QStringLiteral("verification")}, {QStringLiteral("currency"), QStringLiteral("EUR")}},
        "bad_value");
    row("fee bad currency", EntryKind::FeeSet, op,
        {{QStringLiteral("kind"), QStringLiteral("verification")},
         {QStringLiteral("fee_cents"), 100},
         {QStringLiteral("currency"), QStringLiteral("EURO")}},
        "bad_value");
    row("shift without operator", EntryKind::ShiftStarted, op, {}, "missing_field");
    row("end unknown shift", EntryKind::ShiftEnded, op, {{QStringLiteral("shift"), 99}}, "unknown_shift");
    row("end shift twice", EntryKind::ShiftEnded, op, {{QStringLiteral("shift"), 1}}, "shift_ended");
}

void TestDispatchState::refusedEntriesChangeNothing()
{
    QFETCH(QString, kind);
    QFETCH(QString, actor);
    QFETCH(QJsonObject, payload);
    QFETCH(QString, code);

    // Alarm 1: dispatching, mission 1 offered to h1.       Alarm 2: new smoke alarm.
    // Alarm 3: en route, mission 2 assigned to h3 (busy).  Alarm 4: resolved by phone.
    // Alarm 5: acknowledged manual alarm, no mission.      Alarm 6: new, mission 3 created.
    // Shift 1 ended, shift 2 running. h2 available, h4 off duty.
    Desk desk;
    QList<Step> steps = setUp();
    steps += {
        {EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("panic"))},
        {EntryKind::AlarmAcknowledged, kClaire, onAlarm(1)},
        {EntryKind::MissionCreated, kClaire, missionFor(1)},
        {EntryKind::MissionOffered, kClaire, offer(1, h1, 100)},
        {EntryKind::DeviceAlarm, kD302, deviceAlarm(d302, QStringLiteral("smoke"))},
        {EntryKind::DeviceAlarm, kD302, deviceAlarm(d302, QStringLiteral("intrusion"))},
        {EntryKind::AlarmAcknowledged, kClaire, onAlarm(3)},
        {EntryKind::MissionCreated, kClaire, missionFor(3)},
        {EntryKind::MissionAssigned, kClaire, onMission(2, h3)},
        {EntryKind::MissionEnRoute, helperActor(h3), onMission(2)},
        {EntryKind::AlarmEscalated, kSystem, {{QStringLiteral("alarm"), 3}, {QStringLiteral("stage"), 2}}},
        {EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("fall"))},
        {EntryKind::AlarmAcknowledged, kClaire, onAlarm(4)},
        {EntryKind::AlarmResolved, kClaire, withOutcome(onAlarm(4), QStringLiteral("false_alarm"))},
        {EntryKind::AlarmManual,
         kClaire,
         {{QStringLiteral("kind"), QStringLiteral("medical")},
          {QStringLiteral("address"), QStringLiteral("3 rue Haute")}}},
        {EntryKind::AlarmAcknowledged, kClaire, onAlarm(5)},
        {EntryKind::DeviceAlarm, kD302, deviceAlarm(d302, QStringLiteral("water_leak"))},
        {EntryKind::MissionCreated, kClaire, missionFor(6)},
        {EntryKind::ShiftEnded, kClaire, {{QStringLiteral("shift"), 1}, {QStringLiteral("handover"), QString()}}},
        {EntryKind::ShiftStarted, kClaire, {{QStringLiteral("operator"), QStringLiteral("Claire")}}},
    };
    QCOMPARE(desk.run(steps), QString());
    QCOMPARE(desk.state.alarm(1)->state(), AS::Dispatching);
    QCOMPARE(desk.state.alarm(3)->state(), AS::EnRoute);
    QCOMPARE(desk.state.alarm(4)->state(), AS::Resolved);
    QCOMPARE(desk.state.alarm(5)->state(), AS::Acknowledged);
    QCOMPARE(desk.state.alarm(6)->state(), AS::New);
    QCOMPARE(desk.state.alarm(6)->missionId, 3);
    QCOMPARE(desk.state.helper(h1)->availability(), HA::Offered);
    QCOMPARE(desk.state.helper(h3)->availability(), HA::Busy);
    const qint64 lastSeq = desk.state.lastSeq();

    const Actor by = actor.contains(QLatin1Char(':')) || actor == QLatin1String("system")
                         ? Actor::fromString(actor)
                         : (actor.startsWith(QLatin1Char('d')) ? Actor::device(actor) : Actor::helper(actor));
    QVERIFY_REFUSED(desk, code, kind, by, payload);
    QCOMPARE(desk.state.lastSeq(), lastSeq);
}

void TestDispatchState::oneOpenAlarmPerDeviceAndKind()
{
    Desk desk;
    QCOMPARE(desk.run(setUp() + panicAcknowledged() + dispatchTo(1, 1)), QString());
    const DispatchState &s = desk.state;

    // Repeats fold in whatever the open alarm's state.
    Result<Changes> r = desk.submit(EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("panic")));
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({d301}, {}, {1}, {})));
    QCOMPARE(s.alarm(1)->count(), 2);
    QCOMPARE(s.alarm(1)->lastSeen(), desk.lastTime());
    QCOMPARE(s.alarm(1)->state(), AS::Assigned);
    QCOMPARE(s.alarms().size(), 1);

    // Another kind from the same device is another alarm; the same kind from another device too.
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("fall"))));
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kD302, deviceAlarm(d302, QStringLiteral("panic"))));
    QCOMPARE(s.alarms().size(), 3);
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::Fall)->id(), 2);
    QCOMPARE(s.openAlarmFor(d302, AlarmKind::Panic)->id(), 3);
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::Panic)->id(), 1);
    QCOMPARE(s.alarm(1)->count(), 2);

    // A severity given by the device is kept.
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kD302,
                           {{QStringLiteral("device"), d302},
                            {QStringLiteral("alarm"), QStringLiteral("door")},
                            {QStringLiteral("severity"), QStringLiteral("critical")},
                            {QStringLiteral("details"), QStringLiteral("back door")}}));
    QCOMPARE(s.alarm(4)->severity(), Severity::Critical);
    QCOMPARE(s.alarm(4)->details, QStringLiteral("back door"));
    QCOMPARE(s.alarm(4)->address, QStringLiteral("5 place du Marché"));
    QVERIFY(!s.alarm(4)->position.isValid()); // the device has none registered

    // Once cancelled, the next report opens a new alarm.
    QVERIFY_OK(desk.submit(EntryKind::AlarmCancelled, kClaire, onAlarm(2)));
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::Fall), nullptr);
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("fall"))));
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::Fall)->id(), 5);
    QCOMPARE(s.alarm(2)->count(), 1);
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::unknownDeviceAlarm()
{
    Desk desk;
    QCOMPARE(desk.run(setUp()), QString());
    const QString stranger = QStringLiteral("d-999");
    const Result<Changes> r = desk.submit(EntryKind::DeviceAlarm, Actor::device(stranger),
                                          {{QStringLiteral("device"), stranger},
                                           {QStringLiteral("alarm"), QStringLiteral("smoke")},
                                           {QStringLiteral("lat"), 48.9},
                                           {QStringLiteral("lon"), 2.4}});
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({}, {}, {1}, {})));
    const Alarm *a = desk.state.alarm(1);
    QVERIFY(a);
    QVERIFY(a->unregisteredDevice);
    QCOMPARE(a->deviceId(), stranger);
    QCOMPARE(a->position, QGeoCoordinate(48.9, 2.4));
    QVERIFY(a->address.isEmpty());
    QCOMPARE(a->state(), AS::New);
    QCOMPARE(desk.state.device(stranger), nullptr); // flagged, not registered behind anyone's back
    QCOMPARE(desk.state.openAlarmFor(stranger, AlarmKind::Smoke), a);

    // Its repeats fold in as for any device.
    QVERIFY_OK(
        desk.submit(EntryKind::DeviceAlarm, Actor::device(stranger), deviceAlarm(stranger, QStringLiteral("smoke"))));
    QCOMPARE(desk.state.alarm(1)->count(), 2);
    QCOMPARE(desk.state.alarms().size(), 1);

    // A registered device's alarm is not flagged.
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kD302, deviceAlarm(d302, QStringLiteral("smoke"))));
    QVERIFY(!desk.state.alarm(2)->unregisteredDevice);
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::deviceRestore_data()
{
    QTest::addColumn<int>("stage");        // how far the alarm went before the restore
    QTest::addColumn<QStringList>("told"); // helpers who must be told
    QTest::addColumn<bool>("cancelled");
    QTest::newRow("new") << int(AS::New) << QStringList() << true;
    QTest::newRow("acknowledged, mission open") << int(AS::Acknowledged) << QStringList() << true;
    QTest::newRow("dispatching") << int(AS::Dispatching) << QStringList{h1, h2} << true;
    QTest::newRow("assigned") << int(AS::Assigned) << QStringList{h2} << true;
    QTest::newRow("en route") << int(AS::EnRoute) << QStringList{h2} << true;
    QTest::newRow("on scene") << int(AS::OnScene) << QStringList() << false;
}

void TestDispatchState::deviceRestore()
{
    QFETCH(int, stage);
    QFETCH(QStringList, told);
    QFETCH(bool, cancelled);

    Desk desk;
    QList<Step> steps = setUp();
    steps += {EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("intrusion"))};
    if (stage >= int(AS::Acknowledged)) {
        steps += {EntryKind::AlarmAcknowledged, kClaire, onAlarm(1)};
        steps += {EntryKind::MissionCreated, kClaire, missionFor(1)};
    }
    if (stage >= int(AS::Dispatching)) {
        steps += {EntryKind::MissionOffered, kClaire, offer(1, h1, 100)};
        steps += {EntryKind::MissionOffered, kClaire, offer(1, h2, 200)};
    }
    if (stage >= int(AS::Assigned))
        steps += {EntryKind::MissionAnswered, helperActor(h2), answer(1, h2, QStringLiteral("accepted"))};
    if (stage >= int(AS::EnRoute))
        steps += {EntryKind::MissionEnRoute, helperActor(h2), onMission(1)};
    if (stage >= int(AS::OnScene))
        steps += {EntryKind::MissionOnScene, helperActor(h2), onMission(1)};
    QCOMPARE(desk.run(steps), QString());
    const DispatchState &s = desk.state;
    QCOMPARE(s.alarm(1)->state(), AS(stage));

    const Result<Changes> r =
        desk.submit(EntryKind::DeviceRestore, kD301, deviceAlarm(d301, QStringLiteral("intrusion")));
    QVERIFY_OK(r);
    const QDateTime restored = desk.lastTime();
    QCOMPARE(r.value().cancelsToSend, told);
    QVERIFY(r.value().alarms.contains(1));
    QCOMPARE(s.device(d301)->lastSeen, restored);

    const Alarm *a = s.alarm(1);
    if (!cancelled) {
        // The helper is there: they report. The restore is noted, nothing else changes.
        QCOMPARE(a->state(), AS::OnScene);
        QCOMPARE(a->notes.size(), 1);
        QCOMPARE(s.mission(1)->state(), MS::Assigned);
        QCOMPARE(s.helper(h2)->availability(), HA::Busy);
        QCOMPARE(s.openAlarmFor(d301, AlarmKind::Intrusion), a);
        QVERIFY_OK(desk.submit(EntryKind::MissionCompleted, helperActor(h2),
                               withOutcome(onMission(1), QStringLiteral("false_alarm"))));
        QCOMPARE(s.alarm(1)->state(), AS::Resolved);
        QCOMPARE(desk.changeProblems, QStringList());
        return;
    }
    QCOMPARE(a->state(), AS::Cancelled);
    QCOMPARE(a->cancelReason, QStringLiteral("device_restore"));
    QCOMPARE(a->timeline().last(), (Transition{int(AS::Cancelled), restored, kD301, QStringLiteral("device_restore")}));
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::Intrusion), nullptr);
    if (stage >= int(AS::Acknowledged)) {
        QCOMPARE(s.mission(1)->state(), MS::Cancelled);
        QVERIFY(r.value().missions.contains(1));
        QVERIFY(s.mission(1)->payout().isZero());
    }
    for (const QString &h : {h1, h2, h3}) {
        QCOMPARE(s.helper(h)->availability(), HA::Available);
        QCOMPARE(s.helper(h)->missionId, 0);
    }
    QCOMPARE(r.value().helpers, QSet<QString>(told.cbegin(), told.cend()));
    // The next report of the same condition is a new alarm.
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("intrusion"))));
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::Intrusion)->id(), 2);
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::deviceSilentCancelledWhenDeviceReports_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<int>("alarmsAfter");
    QTest::newRow("heartbeat") << QString(EntryKind::DeviceHeartbeat)
                               << QJsonObject{{QStringLiteral("device"), d301}, {QStringLiteral("battery"), 64}} << 1;
    QTest::newRow("alarm") << QString(EntryKind::DeviceAlarm) << deviceAlarm(d301, QStringLiteral("fall")) << 2;
    QTest::newRow("restore") << QString(EntryKind::DeviceRestore) << deviceAlarm(d301, QStringLiteral("fall")) << 1;
}

void TestDispatchState::deviceSilentCancelledWhenDeviceReports()
{
    QFETCH(QString, kind);
    QFETCH(QJsonObject, payload);
    QFETCH(int, alarmsAfter);

    Desk desk;
    QCOMPARE(desk.run(setUp()), QString());
    QVERIFY_OK(desk.submit(EntryKind::DeviceHeartbeat, kD301, {{QStringLiteral("device"), d301}}));
    const QDateTime lastHeard = desk.lastTime();

    // Supervision raises "device silent" (the system speaks, not the device).
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kSystem, deviceAlarm(d301, QStringLiteral("device_silent"))));
    const DispatchState &s = desk.state;
    const Alarm *silent = s.alarm(1);
    QVERIFY(silent->isMaintenance());
    QCOMPARE(silent->severity(), Severity::Minor);
    QCOMPARE(s.device(d301)->lastSeen, lastHeard); // not a sign of life

    // A second supervision pass folds in.
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kSystem, deviceAlarm(d301, QStringLiteral("device_silent"))));
    QCOMPARE(s.alarm(1)->count(), 2);

    // The device speaks again: the silence is over.
    const Result<Changes> r = desk.submit(kind, kD301, payload);
    QVERIFY_OK(r);
    QCOMPARE(s.alarm(1)->state(), AS::Cancelled);
    QCOMPARE(s.alarm(1)->cancelReason, QStringLiteral("device_reported"));
    QCOMPARE(s.alarm(1)->timeline().last().at, desk.lastTime());
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::DeviceSilent), nullptr);
    QCOMPARE(s.device(d301)->lastSeen, desk.lastTime());
    QVERIFY(r.value().alarms.contains(1));
    QVERIFY(r.value().devices.contains(d301));
    QCOMPARE(s.alarms().size(), alarmsAfter);
    if (payload.contains(QLatin1String("battery")))
        QCOMPARE(s.device(d301)->batteryPercent, 64);

    // Another device's silence is untouched by this one's report.
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kSystem, deviceAlarm(d302, QStringLiteral("device_silent"))));
    const qint64 other = s.openAlarmFor(d302, AlarmKind::DeviceSilent)->id();
    QVERIFY_OK(desk.submit(EntryKind::DeviceHeartbeat, kD301, {{QStringLiteral("device"), d301}}));
    QVERIFY(s.alarm(other)->isOpen());
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::lowBatteryFromLevels()
{
    Desk desk;
    QCOMPARE(desk.run(setUp()), QString());
    const DispatchState &s = desk.state;
    auto beat = [&](int level) {
        return desk.submit(EntryKind::DeviceHeartbeat, kD301,
                           {{QStringLiteral("device"), d301}, {QStringLiteral("battery"), level}});
    };
    QVERIFY_OK(beat(Device::kLowBatteryPercent));
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::LowBattery), nullptr);

    // Below the threshold: one maintenance alarm, not one per report.
    const Result<Changes> low = beat(Device::kLowBatteryPercent - 1);
    QVERIFY_OK(low);
    const Alarm *alarm = s.openAlarmFor(d301, AlarmKind::LowBattery);
    QVERIFY(alarm);
    const qint64 id = alarm->id();
    QVERIFY(alarm->isMaintenance());
    QCOMPARE(alarm->severity(), AlarmKinds::defaultSeverity(AlarmKind::LowBattery));
    QCOMPARE(alarm->raisedAt(), desk.lastTime());
    QVERIFY(low.value().alarms.contains(id));
    QVERIFY_OK(beat(5));
    QCOMPARE(s.alarms().size(), 1);
    QCOMPARE(s.alarm(id)->count(), 1);

    // The device saying "battery low" itself folds into the same alarm.
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kD301,
                           {{QStringLiteral("device"), d301},
                            {QStringLiteral("alarm"), QStringLiteral("low_battery")},
                            {QStringLiteral("battery"), 4}}));
    QCOMPARE(s.alarms().size(), 1);
    QCOMPARE(s.alarm(id)->count(), 2);

    // A level between the two thresholds ends nothing; a new battery does.
    QVERIFY_OK(beat(Device::kBatteryRecoveredPercent - 1));
    QVERIFY(s.alarm(id)->isOpen());
    QVERIFY_OK(beat(Device::kBatteryRecoveredPercent));
    QCOMPARE(s.alarm(id)->state(), AS::Cancelled);
    QCOMPARE(s.alarm(id)->cancelReason, QStringLiteral("battery_replaced"));

    // Out of range: refused, nothing changed.
    const DispatchState before = s;
    for (int bad : {-1, 101}) {
        const Result<Changes> r = beat(bad);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("bad_value"));
    }
    QVERIFY(s == before);
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::deviceSilentWithMission_data()
{
    QTest::addColumn<int>("stage");
    QTest::newRow("offered") << int(AS::Dispatching);
    QTest::newRow("assigned") << int(AS::Assigned);
    QTest::newRow("en route") << int(AS::EnRoute);
    QTest::newRow("on scene") << int(AS::OnScene);
}

void TestDispatchState::deviceSilentWithMission()
{
    // A maintenance helper sent to a silent device: the device reporting again must not leave
    // the helper on a mission nobody can complete.
    QFETCH(int, stage);
    Desk desk;
    QList<Step> steps = setUp();
    steps += {
        {EntryKind::DeviceAlarm, kSystem, deviceAlarm(d301, QStringLiteral("device_silent"))},
        {EntryKind::AlarmAcknowledged, kClaire, onAlarm(1)},
        {EntryKind::MissionCreated, kClaire, missionFor(1, QStringLiteral("maintenance"))},
        {EntryKind::MissionOffered, kClaire, offer(1, h2, 300)},
    };
    if (stage >= int(AS::Assigned))
        steps += {EntryKind::MissionAnswered, helperActor(h2), answer(1, h2, QStringLiteral("accepted"))};
    if (stage >= int(AS::EnRoute))
        steps += {EntryKind::MissionEnRoute, helperActor(h2), onMission(1)};
    if (stage >= int(AS::OnScene))
        steps += {EntryKind::MissionOnScene, helperActor(h2), onMission(1)};
    QCOMPARE(desk.run(steps), QString());
    const DispatchState &s = desk.state;
    QCOMPARE(s.mission(1)->fee(), Money::euros(500));
    QCOMPARE(s.alarm(1)->state(), AS(stage));

    const Result<Changes> r = desk.submit(EntryKind::DeviceHeartbeat, kD301, {{QStringLiteral("device"), d301}});
    QVERIFY_OK(r);
    if (stage == int(AS::OnScene)) {
        // The helper is at the device (probably why it speaks again): they finish and are paid.
        QVERIFY(s.alarm(1)->isOpen());
        QCOMPARE(s.alarm(1)->state(), AS::OnScene);
        QVERIFY(!s.alarm(1)->notes.isEmpty());
        QVERIFY(r.value().cancelsToSend.isEmpty());
        QVERIFY_OK(desk.submit(EntryKind::MissionCompleted, helperActor(h2),
                               withOutcome(onMission(1), QStringLiteral("real_incident"))));
        QCOMPARE(s.mission(1)->payout(), Money::euros(500));
        QCOMPARE(s.alarm(1)->state(), AS::Resolved);
        QCOMPARE(s.helper(h2)->availability(), HA::Available);
    } else {
        QCOMPARE(s.alarm(1)->state(), AS::Cancelled);
        QCOMPARE(s.mission(1)->state(), MS::Cancelled);
        QCOMPARE(s.helper(h2)->availability(), HA::Available);
        QCOMPARE(s.helper(h2)->missionId, 0);
        QCOMPARE(r.value().cancelsToSend, QStringList{h2});
        QVERIFY(r.value().missions.contains(1));
        QVERIFY(r.value().helpers.contains(h2));
    }
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::offersExhausted()
{
    Desk desk;
    QList<Step> steps = setUp() + panicAcknowledged();
    steps += {
        {EntryKind::MissionCreated, kClaire, missionFor(1)},
        {EntryKind::MissionOffered, kClaire, offer(1, h1, 100)},
        {EntryKind::MissionOffered, kClaire, offer(1, h2, 200)},
        {EntryKind::MissionOffered, kClaire, offer(1, h3, 300)},
    };
    QCOMPARE(desk.run(steps), QString());
    const DispatchState &s = desk.state;

    Result<Changes> r =
        desk.submit(EntryKind::MissionAnswered, helperActor(h1), answer(1, h1, QStringLiteral("declined")));
    QVERIFY_OK(r);
    QCOMPARE(s.helper(h1)->availability(), HA::Available);
    QCOMPARE(s.helper(h1)->lastChange(), (Transition{int(HA::Available), desk.lastTime(), helperActor(h1), {}}));
    QCOMPARE(s.alarm(1)->state(), AS::Dispatching);
    QVERIFY(r.value().cancelsToSend.isEmpty());

    QVERIFY_OK(desk.submit(EntryKind::MissionAnswered, kSystem, answer(1, h2, QStringLiteral("timeout"))));
    QCOMPARE(s.mission(1)->offers().at(1).answer, Offer::Answer::TimedOut);
    QCOMPARE(s.alarm(1)->state(), AS::Dispatching);

    QVERIFY_OK(desk.submit(EntryKind::MissionAnswered, helperActor(h3), answer(1, h3, QStringLiteral("declined"))));
    QCOMPARE(s.mission(1)->state(), MS::Open);
    QCOMPARE(s.alarm(1)->state(), AS::Acknowledged);
    QCOMPARE(s.alarm(1)->timeline().last(),
             (Transition{int(AS::Acknowledged), desk.lastTime(), kSystem, QStringLiteral("offers_exhausted")}));
    for (const QString &h : {h1, h2, h3})
        QCOMPARE(s.helper(h)->availability(), HA::Available);

    // Offered again: dispatching again, one re-dispatch.
    QVERIFY_OK(desk.submit(EntryKind::MissionOffered, kClaire, offer(1, h1, 100)));
    QCOMPARE(s.alarm(1)->state(), AS::Dispatching);
    QCOMPARE(s.mission(1)->redispatchCount(), 1);
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::unassignAndRedispatch()
{
    Desk desk;
    QCOMPARE(desk.run(setUp() + panicAcknowledged() + dispatchTo(1, 1)), QString());
    QVERIFY_OK(desk.submit(EntryKind::MissionEnRoute, helperActor(h2), onMission(1)));
    const DispatchState &s = desk.state;

    const Result<Changes> r =
        desk.submit(EntryKind::MissionUnassigned, kClaire,
                    {{QStringLiteral("mission"), 1}, {QStringLiteral("reason"), QStringLiteral("flat tyre")}});
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({}, {h2}, {1}, {1}, {h2})));
    QCOMPARE(s.mission(1)->state(), MS::Open);
    QVERIFY(s.mission(1)->assignee().isEmpty());
    QCOMPARE(s.helper(h2)->availability(), HA::Available);
    QCOMPARE(s.alarm(1)->state(), AS::Acknowledged);
    QVERIFY(s.alarm(1)->helperId.isEmpty());
    QCOMPARE(s.alarm(1)->timeline().last(),
             (Transition{int(AS::Acknowledged), desk.lastTime(), kClaire, QStringLiteral("flat tyre")}));

    QVERIFY_OK(desk.submit(EntryKind::MissionAssigned, kClaire, onMission(1, h3)));
    QCOMPARE(s.mission(1)->redispatchCount(), 1);
    QCOMPARE(s.alarm(1)->state(), AS::Assigned);
    QCOMPARE(s.alarm(1)->helperId, h3);
    QCOMPARE(s.helper(h3)->availability(), HA::Assigned);
    QCOMPARE(s.helper(h3)->lastChange().by, kClaire);
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::alarmCancelledByOperator()
{
    Desk desk;
    QCOMPARE(desk.run(setUp() + panicAcknowledged() + dispatchTo(1, 1)), QString());
    QVERIFY_OK(desk.submit(EntryKind::MissionOnScene, helperActor(h2), onMission(1)));
    const DispatchState &s = desk.state;

    const Result<Changes> r =
        desk.submit(EntryKind::AlarmCancelled, kClaire,
                    {{QStringLiteral("alarm"), 1}, {QStringLiteral("reason"), QStringLiteral("called back: fine")}});
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({}, {h2}, {1}, {1}, {h2})));
    QCOMPARE(s.alarm(1)->state(), AS::Cancelled);
    QCOMPARE(s.alarm(1)->cancelReason, QStringLiteral("called back: fine"));
    QCOMPARE(s.alarm(1)->timeline().last().by, kClaire);
    QCOMPARE(s.mission(1)->state(), MS::Cancelled);
    QVERIFY(s.mission(1)->payout().isZero());
    QCOMPARE(s.helper(h2)->availability(), HA::Available);
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::Panic), nullptr);

    // Without a reason, the operator's cancellation says so.
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kD302, deviceAlarm(d302, QStringLiteral("smoke"))));
    QVERIFY_OK(desk.submit(EntryKind::AlarmCancelled, kClaire, onAlarm(2)));
    QCOMPARE(s.alarm(2)->cancelReason, QStringLiteral("operator"));
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::missionCancelled()
{
    Desk desk;
    QList<Step> steps = setUp() + panicAcknowledged();
    steps += {
        {EntryKind::MissionCreated, kClaire, missionFor(1)},
        {EntryKind::MissionOffered, kClaire, offer(1, h1, 100)},
        {EntryKind::MissionOffered, kClaire, offer(1, h3, 300)},
    };
    QCOMPARE(desk.run(steps), QString());
    const DispatchState &s = desk.state;

    Result<Changes> r =
        desk.submit(EntryKind::MissionCancelled, kClaire,
                    {{QStringLiteral("mission"), 1}, {QStringLiteral("reason"), QStringLiteral("wrong kind")}});
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({}, {h1, h3}, {1}, {1}, {h1, h3})));
    QCOMPARE(s.mission(1)->state(), MS::Cancelled);
    QCOMPARE(s.alarm(1)->state(), AS::Acknowledged); // the alarm stays, ready for another mission
    QVERIFY(s.alarm(1)->isOpen());
    QCOMPARE(s.helper(h1)->availability(), HA::Available);
    QCOMPARE(s.helper(h3)->availability(), HA::Available);

    // A new mission for the same alarm.
    r = desk.submit(EntryKind::MissionCreated, kClaire, missionFor(1, QStringLiteral("other")));
    QVERIFY_OK(r);
    QCOMPARE(s.alarm(1)->missionId, 2);
    QCOMPARE(s.mission(2)->kind(), MissionKind::Other);
    QVERIFY_OK(desk.submit(EntryKind::MissionAssigned, kClaire, onMission(2, h1)));
    QCOMPARE(s.alarm(1)->helperId, h1);

    // Cancelled once the helper is on scene: the alarm stays on scene, to be resolved by the operator.
    QVERIFY_OK(desk.submit(EntryKind::MissionOnScene, helperActor(h1), onMission(2)));
    QVERIFY_OK(desk.submit(EntryKind::MissionCancelled, kClaire, onMission(2)));
    QCOMPARE(s.alarm(1)->state(), AS::OnScene);
    QCOMPARE(s.helper(h1)->availability(), HA::Available);
    QVERIFY_OK(desk.submit(EntryKind::AlarmResolved, kClaire, withOutcome(onAlarm(1), QStringLiteral("no_access"))));
    QCOMPARE(s.alarm(1)->outcome(), std::optional<Outcome>(Outcome::NoAccess));
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::escalation()
{
    Desk desk;
    QCOMPARE(desk.run(setUp()), QString());
    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kD301, deviceAlarm(d301, QStringLiteral("panic"))));
    const Result<Changes> r =
        desk.submit(EntryKind::AlarmEscalated, kSystem, {{QStringLiteral("alarm"), 1}, {QStringLiteral("stage"), 1}});
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({}, {}, {1}, {})));
    const Alarm *a = desk.state.alarm(1);
    QCOMPARE(a->escalationStage(), 1);
    QCOMPARE(a->state(), AS::New);
    QCOMPARE(a->timeline().last(),
             (Transition{int(AS::New), desk.lastTime(), kSystem, QStringLiteral("escalation:not_acknowledged")}));
    QVERIFY_REFUSED(desk, "already_escalated", EntryKind::AlarmEscalated, kSystem,
                    QJsonObject({{QStringLiteral("alarm"), 1}, {QStringLiteral("stage"), 1}}));
    QVERIFY_OK(desk.submit(EntryKind::AlarmAcknowledged, kClaire, onAlarm(1)));
    QVERIFY_OK(
        desk.submit(EntryKind::AlarmEscalated, kSystem, {{QStringLiteral("alarm"), 1}, {QStringLiteral("stage"), 2}}));
    QCOMPARE(desk.state.alarm(1)->escalationStage(), 2);

    QVERIFY_OK(
        desk.submit(EntryKind::AlarmNote, kClaire,
                    {{QStringLiteral("alarm"), 1}, {QStringLiteral("text"), QStringLiteral(" neighbour called ")}}));
    QCOMPARE(desk.state.alarm(1)->notes, QStringList{QStringLiteral("neighbour called")});
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::helperPosition()
{
    Desk desk;
    QCOMPARE(desk.run(setUp()), QString());
    QVERIFY_REFUSED(desk, "off_duty_position", EntryKind::HelperPosition, helperActor(h4), position(h4, 48.8, 2.3));
    QVERIFY(!desk.state.helper(h4)->position().isValid());

    QVERIFY_OK(desk.submit(EntryKind::HelperOnDuty, helperActor(h4), helperPayload(h4)));
    QCOMPARE(desk.state.helper(h4)->lastChange(),
             (Transition{int(HA::Available), desk.lastTime(), helperActor(h4), {}}));
    const Result<Changes> r = desk.submit(EntryKind::HelperPosition, helperActor(h4), position(h4, 48.8, 2.3));
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({}, {h4}, {}, {})));
    QCOMPARE(desk.state.helper(h4)->position(), QGeoCoordinate(48.8, 2.3));
    QCOMPARE(desk.state.helper(h4)->positionAt(), desk.lastTime());

    QVERIFY_OK(desk.submit(EntryKind::HelperOffDuty, helperActor(h4), helperPayload(h4)));
    QVERIFY(!desk.state.helper(h4)->position().isValid());
    QVERIFY(desk.state.helper(h4)->positionAt().isNull());
    QVERIFY_REFUSED(desk, "off_duty_position", EntryKind::HelperPosition, helperActor(h4), position(h4, 48.81, 2.31));
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::manualAlarm_data()
{
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<bool>("accepted");
    const QString kind = QStringLiteral("kind");
    const QString fall = QStringLiteral("fall");
    QTest::newRow("address") << QJsonObject{{kind, fall}, {QStringLiteral("address"), QStringLiteral("3 rue Haute")}}
                             << true;
    QTest::newRow("coordinates") << QJsonObject{{kind, fall},
                                                {QStringLiteral("lat"), 48.85},
                                                {QStringLiteral("lon"), 2.35}}
                                 << true;
    QTest::newRow("both") << QJsonObject{{kind, fall},
                                         {QStringLiteral("address"), QStringLiteral("3 rue Haute")},
                                         {QStringLiteral("lat"), 48.85},
                                         {QStringLiteral("lon"), 2.35}}
                          << true;
    QTest::newRow("neither") << QJsonObject{{kind, fall}} << false;
    QTest::newRow("blank address") << QJsonObject{{kind, fall}, {QStringLiteral("address"), QStringLiteral("  ")}}
                                   << false;
    QTest::newRow("latitude only") << QJsonObject{{kind, fall}, {QStringLiteral("lat"), 48.85}} << false;
    QTest::newRow("invalid coordinates") << QJsonObject{{kind, fall},
                                                        {QStringLiteral("lat"), 95.0},
                                                        {QStringLiteral("lon"), 2.35}}
                                         << false;
}

void TestDispatchState::manualAlarm()
{
    QFETCH(QJsonObject, payload);
    QFETCH(bool, accepted);
    Desk desk;
    QCOMPARE(desk.run(setUp()), QString());
    payload.insert(QStringLiteral("caller"), QStringLiteral("neighbour, 06 00"));
    payload.insert(QStringLiteral("note"), QStringLiteral("heard a fall"));
    if (!accepted) {
        QVERIFY_REFUSED(desk, "missing_field", EntryKind::AlarmManual, kClaire, payload);
        return;
    }
    const Result<Changes> r = desk.submit(EntryKind::AlarmManual, kClaire, payload);
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({}, {}, {1}, {})));
    const Alarm *a = desk.state.alarm(1);
    QVERIFY(a->deviceId().isEmpty());
    QVERIFY(!a->unregisteredDevice);
    QCOMPARE(a->kind(), AlarmKind::Fall);
    QCOMPARE(a->severity(), Severity::Critical);
    QCOMPARE(a->details, QStringLiteral("heard a fall"));
    QCOMPARE(a->notes.size(), 1);
    QVERIFY(a->notes.first().contains(QLatin1String("neighbour, 06 00")));
    QCOMPARE(a->timeline().first(), (Transition{int(AS::New), desk.lastTime(), kClaire, {}}));
    QCOMPARE(a->address, payload.value(QLatin1String("address")).toString());
    if (payload.contains(QLatin1String("lat")))
        QCOMPARE(a->position, QGeoCoordinate(48.85, 2.35));
    else
        QVERIFY(!a->position.isValid());

    // Two calls about the same kind of event are two alarms: manual alarms do not fold.
    QVERIFY_OK(desk.submit(EntryKind::AlarmManual, kClaire, payload));
    QCOMPARE(desk.state.alarms().size(), 2);
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::shifts()
{
    Desk desk;
    QCOMPARE(desk.state.runningShift(), nullptr);
    Result<Changes> r =
        desk.submit(EntryKind::ShiftStarted, kClaire, {{QStringLiteral("operator"), QStringLiteral(" Claire ")}});
    QVERIFY_OK(r);
    QCOMPARE(r.value().shifts, QSet<qint64>{1});
    const Shift *shift = desk.state.runningShift();
    QVERIFY(shift);
    QCOMPARE(shift->id, 1);
    QCOMPARE(shift->op.name, QStringLiteral("Claire"));
    QCOMPARE(shift->startedAt, desk.lastTime());
    QVERIFY(shift->isRunning());

    r = desk.submit(EntryKind::ShiftEnded, kClaire,
                    {{QStringLiteral("shift"), 1}, {QStringLiteral("handover"), QStringLiteral("alarm 3 pending")}});
    QVERIFY_OK(r);
    QCOMPARE(r.value().shifts, QSet<qint64>{1});
    QCOMPARE(desk.state.runningShift(), nullptr);
    QCOMPARE(desk.state.shifts().value(1).endedAt, desk.lastTime());
    QCOMPARE(desk.state.shifts().value(1).handover, QStringLiteral("alarm 3 pending"));
    QVERIFY_REFUSED(desk, "shift_ended", EntryKind::ShiftEnded, kClaire, QJsonObject({{QStringLiteral("shift"), 1}}));

    QVERIFY_OK(desk.submit(EntryKind::ShiftStarted, Actor::operatorNamed(QStringLiteral("Bob")),
                           {{QStringLiteral("operator"), QStringLiteral("Bob")}}));
    QCOMPARE(desk.state.runningShift()->id, 2);
    QCOMPARE(desk.state.runningShift()->op.name, QStringLiteral("Bob"));
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::feesSetOnlyChangesNewMissions()
{
    Desk desk;
    QCOMPARE(desk.run(setUp() + panicAcknowledged() + dispatchTo(1, 1)), QString());
    const DispatchState &s = desk.state;
    QCOMPARE(s.fees(), FeeSchedule::defaults());
    QCOMPARE(s.mission(1)->fee(), Money::euros(1000));

    const Result<Changes> r = desk.submit(EntryKind::FeeSet, kClaire,
                                          {{QStringLiteral("kind"), QStringLiteral("verification")},
                                           {QStringLiteral("fee_cents"), 1250},
                                           {QStringLiteral("currency"), QStringLiteral("EUR")}});
    QVERIFY_OK(r);
    Changes feesOnly;
    feesOnly.fees = true;
    QCOMPARE(describe(r.value()), describe(feesOnly));
    QCOMPARE(s.fees().feeFor(MissionKind::Verification), Money::euros(1250));
    QCOMPARE(s.fees().feeFor(MissionKind::Maintenance), Money::euros(500));
    QCOMPARE(s.mission(1)->fee(), Money::euros(1000)); // the published fee when it was created

    QVERIFY_OK(desk.submit(EntryKind::DeviceAlarm, kD302, deviceAlarm(d302, QStringLiteral("smoke"))));
    QVERIFY_OK(desk.submit(EntryKind::AlarmAcknowledged, kClaire, onAlarm(2)));
    QVERIFY_OK(desk.submit(EntryKind::MissionCreated, kClaire, missionFor(2)));
    QCOMPARE(s.mission(2)->fee(), Money::euros(1250));

    // The first mission completes at its own fee.
    QVERIFY_OK(desk.submit(EntryKind::MissionOnScene, helperActor(h2), onMission(1)));
    QVERIFY_OK(desk.submit(EntryKind::MissionCompleted, helperActor(h2),
                           withOutcome(onMission(1), QStringLiteral("real_incident"))));
    QCOMPARE(s.mission(1)->payout(), Money::euros(1000));
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::missionFeeFromEntry()
{
    // The writer puts the fee in the entry; a replay uses it, whatever the schedule says then.
    Desk desk;
    QCOMPARE(desk.run(setUp() + panicAcknowledged()), QString());
    QVERIFY_OK(desk.submit(EntryKind::MissionCreated, kClaire,
                           {{QStringLiteral("alarm"), 1},
                            {QStringLiteral("kind"), QStringLiteral("verification")},
                            {QStringLiteral("fee_cents"), 800},
                            {QStringLiteral("currency"), QStringLiteral("CHF")}}));
    QCOMPARE(desk.state.mission(1)->fee(), Money(800, QStringLiteral("CHF")));
    QCOMPARE(desk.state.mission(1)->payout(), Money(0, QStringLiteral("CHF")));
}

void TestDispatchState::devicesAndHelpersLifecycle()
{
    Desk desk;
    QCOMPARE(desk.run(setUp()), QString());
    const DispatchState &s = desk.state;
    const Device *d = s.device(d301);
    QCOMPARE(d->kind, QStringLiteral("panic_button"));
    QCOMPARE(d->label, QStringLiteral("Pendentif Mme R."));
    QCOMPARE(d->beneficiaryRef, QStringLiteral("B-17"));
    QCOMPARE(d->position, kLilas);
    QCOMPARE(d->reportIntervalS, 3600);
    QCOMPARE(s.device(d302)->reportIntervalS, 600);

    QVERIFY_OK(desk.submit(EntryKind::DeviceHeartbeat, kD301,
                           {{QStringLiteral("device"), d301}, {QStringLiteral("battery"), 12}}));
    QCOMPARE(s.device(d301)->batteryPercent, 12);
    const QDateTime heard = desk.lastTime();

    // An update keeps what the device told us (last seen, battery).
    Result<Changes> r = desk.submit(EntryKind::DeviceUpdated, kClaire,
                                    {{QStringLiteral("device"), d301},
                                     {QStringLiteral("kind"), QStringLiteral("panic_button")},
                                     {QStringLiteral("address"), QStringLiteral("14 rue des Lilas")},
                                     {QStringLiteral("interval_s"), 1800}});
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({d301}, {}, {}, {})));
    QCOMPARE(s.device(d301)->address, QStringLiteral("14 rue des Lilas"));
    QCOMPARE(s.device(d301)->reportIntervalS, 1800);
    QCOMPARE(s.device(d301)->lastSeen, heard);
    QCOMPARE(s.device(d301)->batteryPercent, 12);

    // A rejected message is kept for audit and changes nothing.
    const DispatchState before = s;
    r = desk.submit(EntryKind::DeviceRejected, kD301, {{QStringLiteral("reason"), QStringLiteral("bad checksum")}});
    QVERIFY_OK(r);
    QVERIFY(r.value().isEmpty());
    QVERIFY(desk.state.devices() == before.devices());

    r = desk.submit(EntryKind::DeviceRemoved, kClaire, {{QStringLiteral("device"), d302}});
    QVERIFY_OK(r);
    Changes removed;
    removed.removedDevices = {d302};
    QCOMPARE(describe(r.value()), describe(removed));
    QCOMPARE(s.device(d302), nullptr);

    r = desk.submit(EntryKind::HelperUpdated, kClaire,
                    {{QStringLiteral("helper"), h1},
                     {QStringLiteral("name"), QStringLiteral("Inès B.")},
                     {QStringLiteral("skills"), QJsonArray{QStringLiteral("keys"), QStringLiteral("first_aid")}}});
    QVERIFY_OK(r);
    QCOMPARE(s.helper(h1)->name, QStringLiteral("Inès B."));
    QCOMPARE(s.helper(h1)->skills, (QStringList{QStringLiteral("keys"), QStringLiteral("first_aid")}));
    QCOMPARE(s.helper(h1)->availability(), HA::Available); // an update does not touch duty
    QCOMPARE(s.helper(h1)->position(), QGeoCoordinate(48.857, 2.353));

    r = desk.submit(EntryKind::HelperRemoved, kClaire, helperPayload(h4));
    QVERIFY_OK(r);
    Changes gone;
    gone.removedHelpers = {h4};
    QCOMPARE(describe(r.value()), describe(gone));
    QCOMPARE(s.helper(h4), nullptr);
    QCOMPARE(desk.changeProblems, QStringList());
}

void TestDispatchState::determinism()
{
    Desk desk;
    QList<Step> steps = setUp() + panicAcknowledged() + dispatchTo(1, 1);
    steps += {
        {EntryKind::MissionEnRoute, helperActor(h2), onMission(1)},
        {EntryKind::DeviceAlarm, kD302, deviceAlarm(d302, QStringLiteral("smoke"))},
        {EntryKind::DeviceAlarm, Actor::device(QStringLiteral("d-999")),
         deviceAlarm(QStringLiteral("d-999"), QStringLiteral("panic"))},
        {EntryKind::AlarmAcknowledged, kClaire, onAlarm(2)},
        {EntryKind::MissionCreated, kClaire, missionFor(2)},
        {EntryKind::MissionOffered, kClaire, offer(2, h1, 100)},
        {EntryKind::MissionOffered, kClaire, offer(2, h3, 100)},
        {EntryKind::MissionAnswered, helperActor(h1), answer(2, h1, QStringLiteral("declined"))},
        {EntryKind::FeeSet,
         kClaire,
         {{QStringLiteral("kind"), QStringLiteral("verification")},
          {QStringLiteral("fee_cents"), 1100},
          {QStringLiteral("currency"), QStringLiteral("EUR")}}},
        {EntryKind::MissionOnScene, helperActor(h2), onMission(1)},
        {EntryKind::MissionCompleted, helperActor(h2), withOutcome(onMission(1), QStringLiteral("real_incident"))},
        {EntryKind::AlarmClosed, kClaire, onAlarm(1)},
        {EntryKind::AlarmManual,
         kClaire,
         {{QStringLiteral("kind"), QStringLiteral("medical")},
          {QStringLiteral("address"), QStringLiteral("3 rue Haute")}}},
        {EntryKind::DeviceRestore, kD302, deviceAlarm(d302, QStringLiteral("smoke"))},
        {EntryKind::ShiftEnded, kClaire, {{QStringLiteral("shift"), 1}}},
    };
    QCOMPARE(desk.run(steps), QString());
    QCOMPARE(desk.changeProblems, QStringList());
    QVERIFY(desk.log.size() > 30);

    DispatchState a;
    DispatchState b;
    for (const JournalEntry &e : desk.log) {
        QVERIFY_OK(a.apply(e));
        QVERIFY_OK(b.apply(e));
    }
    QVERIFY(a == b);
    QVERIFY(a == desk.state);
    QCOMPARE(a.alarms().keys().size(), 4);
    for (qint64 id : {1, 2, 3, 4})
        QVERIFY(a.alarm(id) && *a.alarm(id) == *desk.state.alarm(id));
    QCOMPARE(a.mission(2)->state(), MS::Cancelled);

    // Refused entries slipped in between change nothing: the replay still agrees.
    const QList<JournalEntry> bad{
        desk.make(EntryKind::MissionAnswered, helperActor(h1), answer(99, h1, QStringLiteral("accepted"))),
        desk.make(QStringLiteral("weather.report"), kSystem, {}),
        desk.make(EntryKind::HelperPosition, helperActor(QStringLiteral("h99")), position(QStringLiteral("h99"), 1, 1)),
        desk.make(EntryKind::AlarmClosed, kClaire, onAlarm(99)),
    };
    DispatchState c;
    for (const JournalEntry &e : desk.log) {
        for (const JournalEntry &refused : bad)
            QVERIFY(!c.apply(refused).ok());
        QVERIFY_OK(c.apply(e));
    }
    QVERIFY(c == a);

    // And the state is not equal to one that missed an entry.
    DispatchState d;
    for (qsizetype i = 0; i + 1 < desk.log.size(); ++i)
        QVERIFY_OK(d.apply(desk.log.at(i)));
    QVERIFY(!(d == a));
}

void TestDispatchState::changesAreExact()
{
    Desk desk;
    Result<Changes> r = desk.submit(EntryKind::HelperRegistered, kClaire,
                                    {{QStringLiteral("helper"), h1}, {QStringLiteral("name"), QStringLiteral("Inès")}});
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({}, {h1}, {}, {})));
    r = desk.submit(EntryKind::HelperOnDuty, helperActor(h1), helperPayload(h1));
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({}, {h1}, {}, {})));
    r = desk.submit(EntryKind::DeviceRegistered, kClaire, {{QStringLiteral("device"), d301}});
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({d301}, {}, {}, {})));
    // A heartbeat touches the device only.
    r = desk.submit(EntryKind::DeviceHeartbeat, kD301, {{QStringLiteral("device"), d301}});
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({d301}, {}, {}, {})));
    // A position moves the device (a tracker) and counts as a sign of life.
    r = desk.submit(EntryKind::DevicePosition, kD301,
                    {{QStringLiteral("device"), d301}, {QStringLiteral("lat"), 48.5}, {QStringLiteral("lon"), 2.25}});
    QVERIFY_OK(r);
    QCOMPARE(describe(r.value()), describe(expect({d301}, {}, {}, {})));
    QCOMPARE(desk.state.device(d301)->position, QGeoCoordinate(48.5, 2.25));
    QCOMPARE(desk.state.device(d301)->lastSeen, desk.last.time);
    // An unknown device's heartbeat touches nothing (there is no row).
    r = desk.submit(EntryKind::DeviceHeartbeat, Actor::device(QStringLiteral("d-0")),
                    {{QStringLiteral("device"), QStringLiteral("d-0")}});
    QVERIFY_OK(r);
    QVERIFY(r.value().isEmpty());
    QCOMPARE(desk.changeProblems, QStringList());

    // merge(): a helper removed then registered again in one batch is a change, not a removal.
    Changes first;
    first.removedHelpers = {h1};
    first.cancelsToSend = {h2};
    Changes second;
    second.helpers = {h1};
    second.cancelsToSend = {h3};
    second.alarms = {4};
    first.merge(second);
    QCOMPARE(describe(first), QStringLiteral("devices=[] helpers=[h1] alarms=[4] missions=[] shifts=[] fees=0 "
                                             "cancels=[h2,h3] removedDevices=[] removedHelpers=[]"));
    Changes third;
    third.removedHelpers = {h1};
    first.merge(third);
    QCOMPARE(first.helpers, QSet<QString>());
    QCOMPARE(first.removedHelpers, QSet<QString>{h1});
    QVERIFY(!first.isEmpty());
    QVERIFY(Changes().isEmpty());
}

void TestDispatchState::lastSeq()
{
    Desk desk;
    QCOMPARE(desk.state.lastSeq(), 0);
    QCOMPARE(desk.run(setUp()), QString());
    QCOMPARE(desk.state.lastSeq(), desk.log.last().seq);
    const qint64 seq = desk.state.lastSeq();

    // Refused: not applied, not counted.
    JournalEntry bad = desk.make(QStringLiteral("nonsense"), kClaire, {});
    QVERIFY(!desk.state.apply(bad).ok());
    QCOMPARE(desk.state.lastSeq(), seq);

    // No time: refused.
    JournalEntry timeless = desk.make(EntryKind::HelperOffDuty, helperActor(h1), helperPayload(h1));
    timeless.time = {};
    const DispatchState before = desk.state;
    const Result<Changes> r = desk.state.apply(timeless);
    QCOMPARE(r.error().code, QStringLiteral("missing_time"));
    QVERIFY(desk.state == before);

    // Not yet committed (seq 0): applied, the sequence does not move.
    JournalEntry uncommitted = desk.make(EntryKind::HelperOffDuty, helperActor(h1), helperPayload(h1));
    uncommitted.seq = 0;
    QVERIFY_OK(desk.state.apply(uncommitted));
    QCOMPARE(desk.state.lastSeq(), seq);
    QCOMPARE(desk.state.helper(h1)->availability(), HA::OffDuty);
}

void TestDispatchState::missionWithoutAlarm()
{
    // A snapshot holding a mission whose alarm row is gone (purged): entries about the mission
    // must not invent an alarm 0.
    DispatchState s;
    s.loadHelper(Helper(h1, QStringLiteral("Inès")));
    s.loadMission(Mission(5, MissionKind::Maintenance, 42, Money::euros(500), t0, kClaire));
    JournalEntry e;
    e.seq = 1;
    e.time = t0.addSecs(60);
    e.kind = EntryKind::MissionCancelled;
    e.actor = kClaire;
    e.payload = onMission(5);
    const Result<Changes> r = s.apply(e);
    QVERIFY_OK(r);
    QCOMPARE(s.mission(5)->state(), MS::Cancelled);
    QVERIFY(s.alarms().isEmpty());
    QVERIFY(r.value().alarms.isEmpty());

    // Missions created afterwards do not reuse the loaded id.
    s.loadAlarm(Alarm(7, d301, AlarmKind::Panic, Severity::Critical, t0, kD301));
    e.seq = 2;
    e.kind = EntryKind::MissionCreated;
    e.payload = missionFor(7);
    QVERIFY_OK(s.apply(e));
    QCOMPARE(s.alarm(7)->missionId, 6);
    QCOMPARE(s.openAlarmFor(d301, AlarmKind::Panic)->id(), 7);
}

void TestDispatchState::gatewayRefusedIsAnAuditRecord()
{
    Desk desk;
    QCOMPARE(desk.run(setUp()), QString());
    const DispatchState before = desk.state;
    const Result<Changes> r = desk.submit(EntryKind::GatewayRefused, Actor::system(),
                                          {{QStringLiteral("gateway"), QStringLiteral("gw-x")},
                                           {QStringLiteral("peer"), QStringLiteral("127.0.0.1:4242")},
                                           {QStringLiteral("reason"), QStringLiteral("bad_token")}});
    QVERIFY_OK(r);
    QVERIFY(r.value().isEmpty());
    QCOMPARE(desk.state.devices(), before.devices());
    QCOMPARE(desk.state.alarms(), before.alarms());
    QCOMPARE(desk.state.helpers(), before.helpers());
}

QTEST_GUILESS_MAIN(TestDispatchState)
#include "tst_dispatchstate.moc"
