#include "helper.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <utility>

using namespace relais;

namespace {

using A = Helper::Availability;

constexpr std::array kAll{A::OffDuty, A::Available, A::Offered, A::Assigned, A::Busy};

// DESIGN.md: OFF_DUTY ⇄ AVAILABLE → OFFERED → ASSIGNED → BUSY → AVAILABLE, plus direct assignment,
// a declined / withdrawn offer and a withdrawn assignment back to AVAILABLE.
constexpr std::array kLegal{
    std::pair{A::OffDuty, A::Available},  std::pair{A::Available, A::OffDuty},  std::pair{A::Available, A::Offered},
    std::pair{A::Available, A::Assigned}, std::pair{A::Offered, A::Available},  std::pair{A::Offered, A::Assigned},
    std::pair{A::Assigned, A::Busy},      std::pair{A::Assigned, A::Available}, std::pair{A::Busy, A::Available},
};

bool inTable(A from, A to)
{
    return std::find(kLegal.begin(), kLegal.end(), std::pair{from, to}) != kLegal.end();
}

const QDateTime t0(QDate(2024, 3, 1), QTime(20, 0), Qt::UTC);

QDateTime at(int seconds)
{
    return t0.addSecs(seconds);
}

const Actor kClaire = Actor::operatorNamed(QStringLiteral("Claire"));
const Actor kSelf = Actor::helper(QStringLiteral("h12"));
const QGeoCoordinate kHome(48.8566, 2.3522);

constexpr qint64 kMission = 7;

Helper helperIn(A target)
{
    Helper h(QStringLiteral("h12"), QStringLiteral("Inès"));
    auto step = [](Status s) {
        if (!s)
            qFatal("driving the helper failed: %s", qPrintable(s.errorString()));
    };
    if (target == A::OffDuty)
        return h;
    step(h.goOnDuty(at(60), kSelf));
    step(h.updatePosition(kHome, at(61)));
    if (target == A::Available)
        return h;
    if (target == A::Offered) {
        step(h.offer(kMission, at(120), Actor::system()));
        return h;
    }
    step(h.assign(kMission, at(120), kClaire));
    if (target == A::Assigned)
        return h;
    step(h.startWork(at(180), kSelf));
    return h;
}

enum class Op { GoOnDuty, GoOffDuty, Offer, Assign, StartWork, Release };
constexpr std::array kOps{Op::GoOnDuty, Op::GoOffDuty, Op::Offer, Op::Assign, Op::StartWork, Op::Release};

const char *opName(Op op)
{
    switch (op) {
    case Op::GoOnDuty:
        return "goOnDuty";
    case Op::GoOffDuty:
        return "goOffDuty";
    case Op::Offer:
        return "offer";
    case Op::Assign:
        return "assign";
    case Op::StartWork:
        return "startWork";
    case Op::Release:
        break;
    }
    return "release";
}

A targetOf(Op op)
{
    switch (op) {
    case Op::GoOnDuty:
    case Op::Release:
        return A::Available;
    case Op::GoOffDuty:
        return A::OffDuty;
    case Op::Offer:
        return A::Offered;
    case Op::Assign:
        return A::Assigned;
    case Op::StartWork:
        break;
    }
    return A::Busy;
}

Actor actorFor(Op op)
{
    switch (op) {
    case Op::GoOnDuty:
    case Op::GoOffDuty:
    case Op::StartWork:
        return kSelf;
    case Op::Offer:
    case Op::Release:
        return Actor::system();
    case Op::Assign:
        break;
    }
    return kClaire;
}

Status perform(Helper &h, Op op, const QDateTime &when)
{
    const Actor by = actorFor(op);
    switch (op) {
    case Op::GoOnDuty:
        return h.goOnDuty(when, by);
    case Op::GoOffDuty:
        return h.goOffDuty(when, by);
    case Op::Offer:
        return h.offer(kMission, when, by);
    case Op::Assign:
        return h.assign(kMission, when, by);
    case Op::StartWork:
        return h.startWork(when, by);
    case Op::Release:
        break;
    }
    return h.release(when, by);
}

enum class Expect { Refused, Moves, NoOp };

} // namespace

class TestHelper final : public QObject
{
    Q_OBJECT

private slots:
    void construction();
    void availabilityKeys();
    void availabilityRankPutsTheFreeFirst();
    void canTransition_data();
    void canTransition();
    void transitions_data();
    void transitions();
    void missionFollowsOfferAndAssignment();
    void assignRefusesAnotherMissionsOffer();
    void positionOnlyWhileOnDuty_data();
    void positionOnlyWhileOnDuty();
    void invalidPositionRefused();
    void offDutyForgetsPosition();
    void restore();
};

void TestHelper::construction()
{
    const Helper h(QStringLiteral("h12"), QStringLiteral("Inès"));
    QCOMPARE(h.id(), QStringLiteral("h12"));
    QCOMPARE(h.name, QStringLiteral("Inès"));
    QCOMPARE(h.availability(), A::OffDuty);
    QVERIFY(!h.isOnDuty());
    QVERIFY(!h.position().isValid());
    QVERIFY(h.positionAt().isNull());
    QCOMPARE(h.missionId, 0);
}

void TestHelper::availabilityKeys()
{
    QStringList keys;
    for (A a : kAll) {
        const QString key = Helper::availabilityKey(a);
        QVERIFY(!key.isEmpty());
        QVERIFY2(!keys.contains(key), qPrintable(key));
        keys.append(key);
        QCOMPARE(Helper::availabilityFromKey(key), std::optional<A>(a));
        QVERIFY(!Helper::availabilityLabel(a).isEmpty());
    }
    QCOMPARE(Helper::availabilityKey(A::OffDuty), QStringLiteral("off_duty"));
    QCOMPARE(Helper::availabilityFromKey(QStringLiteral("on_holiday")), std::nullopt);
}

void TestHelper::canTransition_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<bool>("legal");
    for (A from : kAll) {
        for (A to : kAll)
            QTest::addRow("%s->%s", qPrintable(Helper::availabilityKey(from)), qPrintable(Helper::availabilityKey(to)))
                << int(from) << int(to) << inTable(from, to);
    }
}

void TestHelper::canTransition()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(bool, legal);
    QCOMPARE(Helper::canTransition(A(from), A(to)), legal);
}

void TestHelper::transitions_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("op");
    QTest::addColumn<int>("expect");
    for (A from : kAll) {
        for (Op op : kOps) {
            Expect e = inTable(from, targetOf(op)) ? Expect::Moves : Expect::Refused;
            if (op == Op::StartWork && from == A::Busy)
                e = Expect::NoOp; // en route, then on scene: already busy
            if (op == Op::GoOnDuty && from != A::OffDuty)
                e = Expect::Refused; // "on duty" again must not free an offered or assigned helper
            if (op == Op::Release && from == A::OffDuty)
                e = Expect::Refused; // releasing never puts an off-duty helper on duty
            QTest::addRow("%s/%s", qPrintable(Helper::availabilityKey(from)), opName(op))
                << int(from) << int(op) << int(e);
        }
    }
}

void TestHelper::transitions()
{
    QFETCH(int, from);
    QFETCH(int, op);
    QFETCH(int, expect);

    Helper h = helperIn(A(from));
    QCOMPARE(h.availability(), A(from));
    const Helper before = h;
    const QDateTime when = at(3600);

    const Status s = perform(h, Op(op), when);
    switch (Expect(expect)) {
    case Expect::Refused:
        QVERIFY2(!s.ok(), "an illegal transition was accepted");
        QVERIFY(!s.error().code.isEmpty());
        QVERIFY(!s.error().message.isEmpty());
        QVERIFY2(h == before, "a refused transition changed the helper");
        return;
    case Expect::NoOp:
        QVERIFY2(s.ok(), qPrintable(s.errorString()));
        QVERIFY(h == before);
        return;
    case Expect::Moves:
        break;
    }
    QVERIFY2(s.ok(), qPrintable(s.error().code + QLatin1String(": ") + s.errorString()));
    const A to = targetOf(Op(op));
    QCOMPARE(h.availability(), to);
    QCOMPARE(h.isOnDuty(), to != A::OffDuty);
    QCOMPARE(h.lastChange(), (Transition{int(to), when, actorFor(Op(op)), {}}));
    QCOMPARE(h.name, before.name);
    QCOMPARE(h.id(), before.id());
    if (to == A::OffDuty) {
        QVERIFY(!h.position().isValid());
    } else {
        QCOMPARE(h.position(), before.position());
        QCOMPARE(h.positionAt(), before.positionAt());
    }
}

void TestHelper::missionFollowsOfferAndAssignment()
{
    Helper h = helperIn(A::Available);
    QVERIFY(h.offer(kMission, at(100), Actor::system()).ok());
    QCOMPARE(h.missionId, kMission);
    QVERIFY(h.release(at(110), Actor::system()).ok()); // declined
    QCOMPARE(h.missionId, 0);
    QCOMPARE(h.availability(), A::Available);

    QVERIFY(h.offer(8, at(120), Actor::system()).ok());
    QVERIFY(h.assign(8, at(130), kSelf).ok()); // accepted the offer
    QCOMPARE(h.missionId, 8);
    QVERIFY(h.startWork(at(140), kSelf).ok());
    QVERIFY(h.startWork(at(150), kSelf).ok()); // on scene after en route
    QCOMPARE(h.availability(), A::Busy);
    QCOMPARE(h.lastChange().at, at(140));
    QCOMPARE(h.missionId, 8);
    QVERIFY(h.release(at(160), Actor::system()).ok());
    QCOMPARE(h.missionId, 0);
    QCOMPARE(h.availability(), A::Available);
    QCOMPARE(h.lastChange(), (Transition{int(A::Available), at(160), Actor::system(), {}}));
}

void TestHelper::assignRefusesAnotherMissionsOffer()
{
    Helper h = helperIn(A::Offered);
    const Helper before = h;
    const Status s = h.assign(kMission + 1, at(500), kClaire);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("offer_mismatch"));
    QVERIFY(!s.errorString().isEmpty());
    QVERIFY(h == before);
    QVERIFY(h.assign(kMission, at(500), kClaire).ok());
}

void TestHelper::positionOnlyWhileOnDuty_data()
{
    QTest::addColumn<int>("availability");
    for (A a : kAll)
        QTest::addRow("%s", qPrintable(Helper::availabilityKey(a))) << int(a);
}

void TestHelper::positionOnlyWhileOnDuty()
{
    QFETCH(int, availability);
    Helper h = helperIn(A(availability));
    const Helper before = h;
    const QGeoCoordinate there(48.86, 2.36);
    const Status s = h.updatePosition(there, at(4000));
    if (A(availability) == A::OffDuty) {
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("off_duty_position"));
        QVERIFY(!s.errorString().isEmpty());
        QVERIFY(h == before);
        QVERIFY(!h.position().isValid());
        return;
    }
    QVERIFY(s.ok());
    QCOMPARE(h.position(), there);
    QCOMPARE(h.positionAt(), at(4000));
    QCOMPARE(h.availability(), before.availability());
    QCOMPARE(h.lastChange(), before.lastChange()); // a position is not an availability change
}

void TestHelper::invalidPositionRefused()
{
    Helper h = helperIn(A::Available);
    const Helper before = h;
    for (const QGeoCoordinate &bad : {QGeoCoordinate(), QGeoCoordinate(91, 0), QGeoCoordinate(0, 181)}) {
        const Status s = h.updatePosition(bad, at(500));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("bad_position"));
        QVERIFY(h == before);
    }
}

void TestHelper::offDutyForgetsPosition()
{
    Helper h = helperIn(A::Available);
    QCOMPARE(h.position(), kHome);
    QCOMPARE(h.positionAt(), at(61));
    QVERIFY(h.goOffDuty(at(500), kSelf).ok());
    QVERIFY(!h.position().isValid());
    QVERIFY(h.positionAt().isNull());
    // Back on duty: nothing from before is remembered until a new fix arrives.
    QVERIFY(h.goOnDuty(at(900), kSelf).ok());
    QVERIFY(!h.position().isValid());
    QVERIFY(h.positionAt().isNull());
    QCOMPARE(h.lastChange(), (Transition{int(A::Available), at(900), kSelf, {}}));

    // A helper on a mission cannot go off duty (and so keeps being located).
    Helper busy = helperIn(A::Busy);
    const Helper before = busy;
    QVERIFY(!busy.goOffDuty(at(500), kSelf).ok());
    QVERIFY(busy == before);
    QVERIFY(busy.position().isValid());
}

void TestHelper::restore()
{
    const Helper original = helperIn(A::Busy);
    Helper loaded(original.id(), original.name);
    loaded.missionId = original.missionId;
    QVERIFY(!(loaded == original));
    loaded.restore(original.availability(), original.position(), original.positionAt(), original.lastChange());
    QVERIFY(loaded == original);
    QVERIFY(loaded.release(at(999), Actor::system()).ok());
}

void TestHelper::availabilityRankPutsTheFreeFirst()
{
    using A = Helper::Availability;
    const QList<A> order{A::Available, A::Offered, A::Assigned, A::Busy, A::OffDuty};
    for (qsizetype i = 1; i < order.size(); ++i)
        QVERIFY(Helper::availabilityRank(order.at(i - 1)) < Helper::availabilityRank(order.at(i)));
}

QTEST_GUILESS_MAIN(TestHelper)
#include "tst_helper.moc"
