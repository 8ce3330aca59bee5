#include "alarm.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <utility>

using namespace relais;

namespace {

using S = Alarm::State;

constexpr std::array kAllStates{S::New,     S::Acknowledged, S::Dispatching, S::Assigned, S::EnRoute,
                                S::OnScene, S::Resolved,     S::Closed,      S::Cancelled};

// The lifecycle as DESIGN.md and docs/architecture.md describe it, written out independently of alarm.cpp.
constexpr std::array kLegal{
    std::pair{S::New, S::Acknowledged},         std::pair{S::New, S::Cancelled},
    std::pair{S::Acknowledged, S::Dispatching}, std::pair{S::Acknowledged, S::Assigned}, // direct assignment
    std::pair{S::Acknowledged, S::Resolved},                                             // settled by phone
    std::pair{S::Acknowledged, S::Cancelled},   std::pair{S::Dispatching, S::Assigned},
    std::pair{S::Dispatching, S::Acknowledged}, // offers exhausted
    std::pair{S::Dispatching, S::Cancelled},    std::pair{S::Assigned, S::EnRoute},
    std::pair{S::Assigned, S::OnScene},         std::pair{S::Assigned, S::Acknowledged}, // helper withdrawn
    std::pair{S::Assigned, S::Dispatching}, // helper withdrawn, offered again at once
    std::pair{S::Assigned, S::Cancelled},       std::pair{S::EnRoute, S::OnScene},
    std::pair{S::EnRoute, S::Acknowledged},     std::pair{S::EnRoute, S::Dispatching},
    std::pair{S::EnRoute, S::Cancelled},        std::pair{S::OnScene, S::Resolved},
    std::pair{S::OnScene, S::Cancelled},        std::pair{S::Resolved, S::Closed},
};

bool inTable(S from, S to)
{
    return std::find(kLegal.begin(), kLegal.end(), std::pair{from, to}) != kLegal.end();
}

const QDateTime t0(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC);

QDateTime at(int seconds)
{
    return t0.addSecs(seconds);
}

const Actor kDevice = Actor::device(QStringLiteral("d-301"));
const Actor kClaire = Actor::operatorNamed(QStringLiteral("Claire"));
const Actor kHelper = Actor::helper(QStringLiteral("h12"));

Alarm freshAlarm()
{
    return Alarm(7, QStringLiteral("d-301"), AlarmKind::Fall, Severity::Critical, t0, kDevice);
}

// Drives a fresh alarm into `target` through legal steps only, one minute apart.
Alarm alarmIn(S target)
{
    Alarm a = freshAlarm();
    auto step = [&](Status s) {
        if (!s)
            qFatal("driving the alarm failed: %s", qPrintable(s.errorString()));
    };
    if (target == S::New)
        return a;
    step(a.acknowledge(at(60), kClaire));
    if (target == S::Acknowledged)
        return a;
    if (target == S::Cancelled) {
        step(a.cancel(QStringLiteral("operator"), at(120), kClaire));
        return a;
    }
    step(a.startDispatching(at(120), kClaire));
    if (target == S::Dispatching)
        return a;
    step(a.assign(QStringLiteral("h12"), at(180), kHelper));
    if (target == S::Assigned)
        return a;
    step(a.enRoute(at(240), kHelper));
    if (target == S::EnRoute)
        return a;
    step(a.onScene(at(300), kHelper));
    if (target == S::OnScene)
        return a;
    step(a.resolve(Outcome::FalseAlarm, at(360), kHelper));
    if (target == S::Resolved)
        return a;
    step(a.close(at(420), kClaire));
    return a;
}

enum class Op { Acknowledge, StartDispatching, Assign, Unassign, EnRoute, OnScene, Resolve, Close, Cancel };

constexpr std::array kAllOps{Op::Acknowledge, Op::StartDispatching, Op::Assign, Op::Unassign, Op::EnRoute,
                             Op::OnScene,     Op::Resolve,          Op::Close,  Op::Cancel};

const char *opName(Op op)
{
    switch (op) {
    case Op::Acknowledge:
        return "acknowledge";
    case Op::StartDispatching:
        return "startDispatching";
    case Op::Assign:
        return "assign";
    case Op::Unassign:
        return "unassign";
    case Op::EnRoute:
        return "enRoute";
    case Op::OnScene:
        return "onScene";
    case Op::Resolve:
        return "resolve";
    case Op::Close:
        return "close";
    case Op::Cancel:
        break;
    }
    return "cancel";
}

S targetOf(Op op)
{
    switch (op) {
    case Op::Acknowledge:
    case Op::Unassign:
        return S::Acknowledged;
    case Op::StartDispatching:
        return S::Dispatching;
    case Op::Assign:
        return S::Assigned;
    case Op::EnRoute:
        return S::EnRoute;
    case Op::OnScene:
        return S::OnScene;
    case Op::Resolve:
        return S::Resolved;
    case Op::Close:
        return S::Closed;
    case Op::Cancel:
        break;
    }
    return S::Cancelled;
}

// Every actor kind is exercised across the table.
Actor actorFor(Op op)
{
    switch (op) {
    case Op::Acknowledge:
    case Op::StartDispatching:
    case Op::Close:
        return kClaire;
    case Op::Assign:
    case Op::EnRoute:
    case Op::OnScene:
    case Op::Resolve:
        return kHelper;
    case Op::Unassign:
        return Actor::system();
    case Op::Cancel:
        break;
    }
    return kDevice;
}

Status perform(Alarm &a, Op op, const QDateTime &when)
{
    const Actor by = actorFor(op);
    switch (op) {
    case Op::Acknowledge:
        return a.acknowledge(when, by);
    case Op::StartDispatching:
        return a.startDispatching(when, by);
    case Op::Assign:
        return a.assign(QStringLiteral("h40"), when, by);
    case Op::Unassign:
        return a.unassign(when, by, QStringLiteral("helper_withdrawn"));
    case Op::EnRoute:
        return a.enRoute(when, by);
    case Op::OnScene:
        return a.onScene(when, by);
    case Op::Resolve:
        return a.resolve(Outcome::RealIncident, when, by);
    case Op::Close:
        return a.close(when, by);
    case Op::Cancel:
        break;
    }
    return a.cancel(QStringLiteral("device_restore"), when, by);
}

QString expectedNote(Op op)
{
    switch (op) {
    case Op::Assign:
        return QStringLiteral("h40");
    case Op::Unassign:
        return QStringLiteral("helper_withdrawn");
    case Op::Resolve:
        return QStringLiteral("real_incident");
    case Op::Cancel:
        return QStringLiteral("device_restore");
    default:
        break;
    }
    return {};
}

enum class Expect { Refused, Moves, NoOp };

Expect expectationFor(S from, Op op)
{
    if (op == Op::Unassign && from == S::Acknowledged)
        return Expect::NoOp; // "offers exhausted" twice: nothing to undo
    // Acknowledging is the operator taking a NEW alarm; a second acknowledgement (double click,
    // second desk) must not knock an alarm that moved on back to ACKNOWLEDGED.
    if (op == Op::Acknowledge && from != S::New)
        return Expect::Refused;
    // Withdrawing a helper from an alarm that nobody took is not an acknowledgement.
    if (op == Op::Unassign && from == S::New)
        return Expect::Refused;
    return inTable(from, targetOf(op)) ? Expect::Moves : Expect::Refused;
}

} // namespace

class TestAlarm final : public QObject
{
    Q_OBJECT

private slots:
    void construction();
    void stateKeys();
    void canTransition_data();
    void canTransition();
    void transitions_data();
    void transitions();
    void assignNeedsHelper();
    void startDispatchingForgetsHelper();
    void resolveOutcome_data();
    void resolveOutcome();
    void resolveRefusesCancelledOutcome();
    void cancelFromEveryOpenState_data();
    void cancelFromEveryOpenState();
    void escalation();
    void escalationRefusedWhenClosed();
    void repeatWhileOpen_data();
    void repeatWhileOpen();
    void repeatKeepsLatestLastSeen();
    void enteredAt();
    void restore();
};

void TestAlarm::construction()
{
    const Alarm a = freshAlarm();
    QCOMPARE(a.id(), 7);
    QCOMPARE(a.deviceId(), QStringLiteral("d-301"));
    QCOMPARE(a.kind(), AlarmKind::Fall);
    QCOMPARE(a.severity(), Severity::Critical);
    QCOMPARE(a.state(), S::New);
    QVERIFY(a.isOpen());
    QVERIFY(!a.isMaintenance());
    QCOMPARE(a.count(), 1);
    QCOMPARE(a.raisedAt(), t0);
    QCOMPARE(a.lastSeen(), t0);
    QCOMPARE(a.escalationStage(), 0);
    QVERIFY(!a.outcome().has_value());
    QCOMPARE(a.timeline().size(), 1);
    QCOMPARE(a.timeline().first(), (Transition{int(S::New), t0, kDevice, {}}));
    QCOMPARE(a.enteredAt(S::New), t0);

    const Alarm battery(8, QStringLiteral("d-1"), AlarmKind::LowBattery, Severity::Warning, t0, Actor::system());
    QVERIFY(battery.isMaintenance());
}

void TestAlarm::stateKeys()
{
    QStringList keys;
    for (S s : kAllStates) {
        const QString key = Alarm::stateKey(s);
        QVERIFY(!key.isEmpty());
        QVERIFY2(!keys.contains(key), qPrintable(key));
        keys.append(key);
        QCOMPARE(Alarm::stateFromKey(key), std::optional<S>(s));
        QVERIFY(!Alarm::stateLabel(s).isEmpty());
    }
    QCOMPARE(Alarm::stateKey(S::EnRoute), QStringLiteral("en_route"));
    QCOMPARE(Alarm::stateFromKey(QStringLiteral("nonsense")), std::nullopt);
    QCOMPARE(Alarm::stateFromKey(QString()), std::nullopt);

    QCOMPARE(Alarm::escalationKey(Alarm::Escalation::NotAcknowledged), QStringLiteral("not_acknowledged"));
    QCOMPARE(Alarm::escalationKey(Alarm::Escalation::NotAccepted), QStringLiteral("not_accepted"));
    QCOMPARE(Alarm::escalationKey(Alarm::Escalation::NotOnScene), QStringLiteral("not_on_scene"));
}

void TestAlarm::canTransition_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<bool>("legal");
    for (S from : kAllStates) {
        for (S to : kAllStates) {
            QTest::addRow("%s->%s", qPrintable(Alarm::stateKey(from)), qPrintable(Alarm::stateKey(to)))
                << int(from) << int(to) << inTable(from, to);
        }
    }
}

void TestAlarm::canTransition()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(bool, legal);
    QCOMPARE(Alarm::canTransition(S(from), S(to)), legal);
}

void TestAlarm::transitions_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("op");
    QTest::addColumn<int>("expect");
    for (S from : kAllStates) {
        for (Op op : kAllOps)
            QTest::addRow("%s/%s", qPrintable(Alarm::stateKey(from)), opName(op))
                << int(from) << int(op) << int(expectationFor(from, Op(op)));
    }
}

void TestAlarm::transitions()
{
    QFETCH(int, from);
    QFETCH(int, op);
    QFETCH(int, expect);

    Alarm a = alarmIn(S(from));
    QCOMPARE(a.state(), S(from));
    const Alarm before = a;
    const QDateTime when = at(3600);

    const Status s = perform(a, Op(op), when);

    switch (Expect(expect)) {
    case Expect::Refused:
        QVERIFY2(!s.ok(), "an illegal transition was accepted");
        QVERIFY(!s.error().code.isEmpty());
        QVERIFY(!s.error().message.isEmpty());
        QCOMPARE(s.errorString(), s.error().message);
        QVERIFY2(a == before, "a refused transition changed the alarm");
        return;
    case Expect::NoOp:
        QVERIFY2(s.ok(), qPrintable(s.errorString()));
        QVERIFY(a == before);
        return;
    case Expect::Moves:
        break;
    }

    QVERIFY2(s.ok(), qPrintable(s.error().code + QLatin1String(": ") + s.errorString()));
    const S to = targetOf(Op(op));
    QCOMPARE(a.state(), to);
    QCOMPARE(a.timeline().size(), before.timeline().size() + 1);
    QCOMPARE(a.timeline().mid(0, before.timeline().size()), before.timeline());
    QCOMPARE(a.timeline().last(), (Transition{int(to), when, actorFor(Op(op)), expectedNote(Op(op))}));
    QCOMPARE(a.isOpen(), to != S::Resolved && to != S::Closed && to != S::Cancelled);
    // What a transition never touches.
    QCOMPARE(a.count(), before.count());
    QCOMPARE(a.raisedAt(), before.raisedAt());
    QCOMPARE(a.lastSeen(), before.lastSeen());
    QCOMPARE(a.id(), before.id());

    switch (Op(op)) {
    case Op::Assign:
        QCOMPARE(a.helperId, QStringLiteral("h40"));
        break;
    case Op::Unassign:
    case Op::StartDispatching:
        QVERIFY2(a.helperId.isEmpty(), qPrintable(a.helperId));
        break;
    case Op::Resolve:
        QCOMPARE(a.outcome(), std::optional<Outcome>(Outcome::RealIncident));
        break;
    case Op::Cancel:
        QCOMPARE(a.outcome(), std::optional<Outcome>(Outcome::Cancelled));
        QCOMPARE(a.cancelReason, QStringLiteral("device_restore"));
        break;
    default:
        QCOMPARE(a.helperId, before.helperId);
        QCOMPARE(a.outcome(), before.outcome());
        break;
    }
}

void TestAlarm::assignNeedsHelper()
{
    Alarm a = alarmIn(S::Dispatching);
    const Alarm before = a;
    const Status s = a.assign(QString(), at(600), kClaire);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("missing_helper"));
    QVERIFY(!s.errorString().isEmpty());
    QVERIFY(a == before);
}

void TestAlarm::startDispatchingForgetsHelper()
{
    // The table lets an assigned alarm go straight back to offering; it must then show no helper.
    Alarm a = alarmIn(S::EnRoute);
    QCOMPARE(a.helperId, QStringLiteral("h12"));
    QVERIFY(a.startDispatching(at(600), kClaire).ok());
    QCOMPARE(a.state(), S::Dispatching);
    QVERIFY(a.helperId.isEmpty());
    QVERIFY(a.assign(QStringLiteral("h13"), at(660), kHelper).ok());
    QCOMPARE(a.helperId, QStringLiteral("h13"));
}

void TestAlarm::resolveOutcome_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("outcome");
    for (S from : {S::Acknowledged, S::OnScene}) {
        for (Outcome o : Outcomes::all()) {
            if (o != Outcome::Cancelled)
                QTest::addRow("%s/%s", qPrintable(Alarm::stateKey(from)), qPrintable(Outcomes::key(o)))
                    << int(from) << int(o);
        }
    }
}

void TestAlarm::resolveOutcome()
{
    QFETCH(int, from);
    QFETCH(int, outcome);
    Alarm a = alarmIn(S(from));
    QVERIFY(a.resolve(Outcome(outcome), at(900), kHelper).ok());
    QCOMPARE(a.state(), S::Resolved);
    QCOMPARE(a.outcome(), std::optional<Outcome>(Outcome(outcome)));
    QCOMPARE(a.timeline().last().note, Outcomes::key(Outcome(outcome)));
    QCOMPARE(a.enteredAt(S::Resolved), at(900));
    QVERIFY(!a.isOpen());
}

void TestAlarm::resolveRefusesCancelledOutcome()
{
    Alarm a = alarmIn(S::OnScene);
    const Alarm before = a;
    const Status s = a.resolve(Outcome::Cancelled, at(900), kHelper);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("bad_outcome"));
    QVERIFY(!s.errorString().isEmpty());
    QVERIFY(a == before);
    QVERIFY(!a.outcome().has_value());
}

void TestAlarm::cancelFromEveryOpenState_data()
{
    QTest::addColumn<int>("from");
    for (S s : kAllStates) {
        if (s != S::Resolved && s != S::Closed && s != S::Cancelled)
            QTest::addRow("%s", qPrintable(Alarm::stateKey(s))) << int(s);
    }
}

void TestAlarm::cancelFromEveryOpenState()
{
    QFETCH(int, from);
    for (const Actor &by : {kClaire, kDevice}) {
        Alarm a = alarmIn(S(from));
        QVERIFY(a.isOpen());
        QVERIFY(a.cancel(QStringLiteral("why"), at(1000), by).ok());
        QCOMPARE(a.state(), S::Cancelled);
        QVERIFY(!a.isOpen());
        QCOMPARE(a.outcome(), std::optional<Outcome>(Outcome::Cancelled));
        QCOMPARE(a.cancelReason, QStringLiteral("why"));
        QCOMPARE(a.timeline().last(), (Transition{int(S::Cancelled), at(1000), by, QStringLiteral("why")}));
        // Cancelled is final.
        const Alarm cancelled = a;
        QVERIFY(!a.cancel(QStringLiteral("again"), at(1100), by).ok());
        QVERIFY(!a.acknowledge(at(1100), kClaire).ok());
        QVERIFY(!a.close(at(1100), kClaire).ok());
        QVERIFY(a == cancelled);
    }
}

void TestAlarm::escalation()
{
    Alarm a = freshAlarm();
    const qsizetype n = a.timeline().size();

    QVERIFY(a.escalate(Alarm::Escalation::NotAcknowledged, at(120)).ok());
    QCOMPARE(a.state(), S::New); // recorded, the state does not change
    QCOMPARE(a.escalationStage(), 1);
    QCOMPARE(a.timeline().size(), n + 1);
    QCOMPARE(a.timeline().last(),
             (Transition{int(S::New), at(120), Actor::system(), QStringLiteral("escalation:not_acknowledged")}));
    QCOMPARE(a.enteredAt(S::New), t0); // an escalation is not an entry into the state

    // Monotonic: the same stage again, or a lower one, is refused and changes nothing.
    Alarm before = a;
    Status s = a.escalate(Alarm::Escalation::NotAcknowledged, at(180));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("already_escalated"));
    QVERIFY(!s.errorString().isEmpty());
    QVERIFY(a == before);

    QVERIFY(a.acknowledge(at(200), kClaire).ok());
    QVERIFY(a.startDispatching(at(210), kClaire).ok());
    QVERIFY(a.escalate(Alarm::Escalation::NotAccepted, at(400)).ok());
    QCOMPARE(a.escalationStage(), 2);
    QCOMPARE(a.timeline().last(),
             (Transition{int(S::Dispatching), at(400), Actor::system(), QStringLiteral("escalation:not_accepted")}));
    QCOMPARE(a.enteredAt(S::Dispatching), at(210));

    QVERIFY(a.escalate(Alarm::Escalation::NotOnScene, at(900)).ok());
    QCOMPARE(a.escalationStage(), 3);
    before = a;
    s = a.escalate(Alarm::Escalation::NotAccepted, at(950));
    QCOMPARE(s.error().code, QStringLiteral("already_escalated"));
    QVERIFY(a == before);

    // All three stages are in the timeline, in order.
    QStringList stages;
    for (const Transition &t : a.timeline()) {
        if (t.note.startsWith(QLatin1String("escalation:")))
            stages.append(t.note);
    }
    QCOMPARE(stages,
             (QStringList{QStringLiteral("escalation:not_acknowledged"), QStringLiteral("escalation:not_accepted"),
                          QStringLiteral("escalation:not_on_scene")}));

    // A stage may be skipped (no acknowledgement escalation when acknowledged in time).
    Alarm b = alarmIn(S::Assigned);
    QVERIFY(b.escalate(Alarm::Escalation::NotOnScene, at(2000)).ok());
    QCOMPARE(b.escalationStage(), 3);
}

void TestAlarm::escalationRefusedWhenClosed()
{
    for (S s : {S::Resolved, S::Closed, S::Cancelled}) {
        Alarm a = alarmIn(s);
        const Alarm before = a;
        const Status r = a.escalate(Alarm::Escalation::NotAcknowledged, at(5000));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("alarm_not_open"));
        QVERIFY(a == before);
    }
}

void TestAlarm::repeatWhileOpen_data()
{
    QTest::addColumn<int>("from");
    for (S s : kAllStates)
        QTest::addRow("%s", qPrintable(Alarm::stateKey(s))) << int(s);
}

void TestAlarm::repeatWhileOpen()
{
    QFETCH(int, from);
    Alarm a = alarmIn(S(from));
    const Alarm before = a;
    const Status s = a.repeat(at(7200));
    if (!before.isOpen()) {
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("alarm_not_open"));
        QVERIFY(!s.errorString().isEmpty());
        QVERIFY(a == before);
        return;
    }
    QVERIFY(s.ok());
    QCOMPARE(a.count(), 2);
    QCOMPARE(a.lastSeen(), at(7200));
    QCOMPARE(a.raisedAt(), t0);
    QCOMPARE(a.state(), before.state());
    QCOMPARE(a.timeline(), before.timeline());

    QVERIFY(a.repeat(at(7300)).ok());
    QCOMPARE(a.count(), 3);
    QCOMPARE(a.lastSeen(), at(7300));
}

void TestAlarm::repeatKeepsLatestLastSeen()
{
    Alarm a = freshAlarm();
    QVERIFY(a.repeat(at(600)).ok());
    QVERIFY(a.repeat(at(300)).ok()); // late delivery: counted, last seen does not go back
    QCOMPARE(a.count(), 3);
    QCOMPARE(a.lastSeen(), at(600));
}

void TestAlarm::enteredAt()
{
    Alarm a = alarmIn(S::Closed);
    QCOMPARE(a.enteredAt(S::New), t0);
    QCOMPARE(a.enteredAt(S::Acknowledged), at(60));
    QCOMPARE(a.enteredAt(S::Dispatching), at(120));
    QCOMPARE(a.enteredAt(S::Assigned), at(180));
    QCOMPARE(a.enteredAt(S::EnRoute), at(240));
    QCOMPARE(a.enteredAt(S::OnScene), at(300));
    QCOMPARE(a.enteredAt(S::Resolved), at(360));
    QCOMPARE(a.enteredAt(S::Closed), at(420));
    QVERIFY(a.enteredAt(S::Cancelled).isNull());

    // The first entry counts: a helper withdrawn and another assigned later.
    Alarm b = alarmIn(S::Assigned);
    QVERIFY(b.unassign(at(500), Actor::system(), QStringLiteral("helper_withdrawn")).ok());
    QCOMPARE(b.state(), S::Acknowledged);
    QVERIFY(b.helperId.isEmpty());
    QVERIFY(b.assign(QStringLiteral("h13"), at(600), kClaire).ok());
    QCOMPARE(b.enteredAt(S::Assigned), at(180));
    QCOMPARE(b.enteredAt(S::Acknowledged), at(60));
    QCOMPARE(b.timeline().size(), 6);
}

void TestAlarm::restore()
{
    const Alarm original = [] {
        Alarm a = alarmIn(S::EnRoute);
        (void)a.repeat(at(250));
        (void)a.escalate(Alarm::Escalation::NotOnScene, at(260));
        return a;
    }();

    Alarm loaded(original.id(), original.deviceId(), original.kind(), original.severity(), original.raisedAt(),
                 kDevice);
    loaded.helperId = original.helperId;
    QVERIFY(!(loaded == original));
    loaded.restore(original.state(), original.count(), original.lastSeen(), original.outcome(),
                   original.escalationStage(), original.timeline());
    QVERIFY(loaded == original);
    QCOMPARE(loaded.state(), S::EnRoute);
    QCOMPARE(loaded.count(), 2);

    // A restored alarm goes on with its lifecycle.
    QVERIFY(loaded.onScene(at(400), kHelper).ok());
    QVERIFY(!loaded.escalate(Alarm::Escalation::NotOnScene, at(410)).ok());
}

QTEST_GUILESS_MAIN(TestAlarm)
#include "tst_alarm.moc"
