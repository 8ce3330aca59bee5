#include "mission.h"

#include <QTest>

#include <array>

using namespace relais;

namespace {

using S = Mission::State;
using Answer = Offer::Answer;

constexpr std::array kAllStates{S::Open, S::Offering, S::Assigned, S::Completed, S::Cancelled};

const QDateTime t0(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC);

QDateTime at(int seconds)
{
    return t0.addSecs(seconds);
}

const Actor kClaire = Actor::operatorNamed(QStringLiteral("Claire"));
const QString h1 = QStringLiteral("h1");
const QString h2 = QStringLiteral("h2");
const QString h3 = QStringLiteral("h3");
const QString h9 = QStringLiteral("h9");
const Money kFee = Money::euros(1000);

Mission freshMission()
{
    return Mission(3, MissionKind::Verification, 11, kFee, t0, kClaire);
}

void must(Status s)
{
    if (!s)
        qFatal("driving the mission failed: %s", qPrintable(s.errorString()));
}

void must(const Result<QStringList> &r)
{
    if (!r)
        qFatal("driving the mission failed: %s", qPrintable(r.errorString()));
}

Mission missionIn(S target)
{
    Mission m = freshMission();
    if (target == S::Open)
        return m;
    must(m.offerTo(h1, 120, at(60), kClaire));
    must(m.offerTo(h2, 450, at(61), kClaire));
    if (target == S::Offering)
        return m;
    if (target == S::Cancelled) {
        must(m.cancel(QStringLiteral("operator"), at(120), kClaire));
        return m;
    }
    must(m.accept(h1, at(120)));
    if (target == S::Assigned)
        return m;
    must(m.complete(Outcome::FalseAlarm, at(900), Actor::helper(h1)));
    return m;
}

enum class Op { OfferNew, Accept, Decline, Assign, Unassign, Complete, Cancel };
constexpr std::array kOps{Op::OfferNew, Op::Accept, Op::Decline, Op::Assign, Op::Unassign, Op::Complete, Op::Cancel};

const char *opName(Op op)
{
    switch (op) {
    case Op::OfferNew:
        return "offerTo";
    case Op::Accept:
        return "accept";
    case Op::Decline:
        return "decline";
    case Op::Assign:
        return "assign";
    case Op::Unassign:
        return "unassign";
    case Op::Complete:
        return "complete";
    case Op::Cancel:
        break;
    }
    return "cancel";
}

// The state an operation leads to from `from`, or nullopt when it must be refused.
std::optional<S> resultOf(S from, Op op)
{
    switch (op) {
    case Op::OfferNew:
    case Op::Assign:
        if (from == S::Open || from == S::Offering)
            return op == Op::OfferNew ? S::Offering : S::Assigned;
        return std::nullopt;
    case Op::Accept:
        return from == S::Offering ? std::optional(S::Assigned) : std::nullopt;
    case Op::Decline:
        return from == S::Offering ? std::optional(S::Offering) : std::nullopt; // h2 still pending
    case Op::Unassign:
        return from == S::Assigned ? std::optional(S::Open) : std::nullopt;
    case Op::Complete:
        return from == S::Assigned ? std::optional(S::Completed) : std::nullopt;
    case Op::Cancel:
        break;
    }
    return from == S::Open || from == S::Offering || from == S::Assigned ? std::optional(S::Cancelled) : std::nullopt;
}

Status perform(Mission &m, Op op, const QDateTime &when)
{
    switch (op) {
    case Op::OfferNew:
        return m.offerTo(h9, 800, when, kClaire);
    case Op::Accept: {
        const Result<QStringList> r = m.accept(h1, when);
        return r ? Status() : Status(r.error());
    }
    case Op::Decline:
        return m.decline(h1, when);
    case Op::Assign: {
        const Result<QStringList> r = m.assign(h9, when, kClaire);
        return r ? Status() : Status(r.error());
    }
    case Op::Unassign:
        return m.unassign(when, kClaire, QStringLiteral("helper_withdrawn"));
    case Op::Complete:
        return m.complete(Outcome::RealIncident, when, Actor::helper(h1));
    case Op::Cancel:
        break;
    }
    const Result<QStringList> r = m.cancel(QStringLiteral("operator"), when, kClaire);
    return r ? Status() : Status(r.error());
}

const Offer *offerOf(const Mission &m, const QString &helperId)
{
    const Offer *found = nullptr;
    for (const Offer &o : m.offers()) {
        if (o.helperId == helperId)
            found = &o; // the latest
    }
    return found;
}

} // namespace

class TestMission final : public QObject
{
    Q_OBJECT

private slots:
    void construction();
    void keys();
    void operations_data();
    void operations();
    void offers();
    void firstAcceptWins();
    void acceptWithoutOffer();
    void declineAndTimeout();
    void lastDeclineReturnsToOpen();
    void directAssignment();
    void redispatchCounting();
    void redispatchAfterDirectAssignment();
    void completeSetsPayout_data();
    void completeSetsPayout();
    void completeRefusesCancelledOutcome();
    void cancelReturnsHelpersToTell_data();
    void cancelReturnsHelpersToTell();
    void restore();
};

void TestMission::construction()
{
    const Mission m = freshMission();
    QCOMPARE(m.id(), 3);
    QCOMPARE(m.kind(), MissionKind::Verification);
    QCOMPARE(m.alarmId(), 11);
    QCOMPARE(m.fee(), kFee);
    QCOMPARE(m.state(), S::Open);
    QVERIFY(m.isOpen());
    QVERIFY(m.assignee().isEmpty());
    QVERIFY(m.offers().isEmpty());
    QVERIFY(!m.outcome().has_value());
    QCOMPARE(m.payout(), Money(0, QStringLiteral("EUR")));
    QCOMPARE(m.redispatchCount(), 0);
    QCOMPARE(m.timeline(), (QList<Transition>{{int(S::Open), t0, kClaire, {}}}));

    const Mission chf(4, MissionKind::Maintenance, 12, Money(500, QStringLiteral("CHF")), t0, kClaire);
    QCOMPARE(chf.payout(), Money(0, QStringLiteral("CHF")));
}

void TestMission::keys()
{
    QStringList seen;
    for (S s : kAllStates) {
        QVERIFY(!seen.contains(Mission::stateKey(s)));
        seen.append(Mission::stateKey(s));
        QCOMPARE(Mission::stateFromKey(Mission::stateKey(s)), std::optional<S>(s));
        QVERIFY(!Mission::stateLabel(s).isEmpty());
    }
    QCOMPARE(Mission::stateFromKey(QStringLiteral("lost")), std::nullopt);

    for (Answer a : {Answer::Pending, Answer::Accepted, Answer::Declined, Answer::TimedOut, Answer::Withdrawn})
        QCOMPARE(Offer::answerFromKey(Offer::answerKey(a)), std::optional<Answer>(a));
    QCOMPARE(Offer::answerKey(Answer::TimedOut), QStringLiteral("timeout"));
    QCOMPARE(Offer::answerFromKey(QStringLiteral("maybe")), std::nullopt);
}

void TestMission::operations_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("op");
    for (S from : kAllStates) {
        for (Op op : kOps)
            QTest::addRow("%s/%s", qPrintable(Mission::stateKey(from)), opName(op)) << int(from) << int(op);
    }
}

void TestMission::operations()
{
    QFETCH(int, from);
    QFETCH(int, op);
    Mission m = missionIn(S(from));
    QCOMPARE(m.state(), S(from));
    const Mission before = m;
    const QDateTime when = at(3600);
    const std::optional<S> expected = resultOf(S(from), Op(op));

    const Status s = perform(m, Op(op), when);
    if (!expected) {
        QVERIFY2(!s.ok(), "an illegal operation was accepted");
        QVERIFY(!s.error().code.isEmpty());
        QVERIFY(!s.error().message.isEmpty());
        QVERIFY2(m == before, "a refused operation changed the mission");
        return;
    }
    QVERIFY2(s.ok(), qPrintable(s.error().code + QLatin1String(": ") + s.errorString()));
    QCOMPARE(m.state(), *expected);
    QCOMPARE(m.isOpen(), *expected != S::Completed && *expected != S::Cancelled);
    QCOMPARE(m.fee(), before.fee());
    QCOMPARE(m.timeline().mid(0, before.timeline().size()), before.timeline());
    if (*expected == S(from)) {
        QCOMPARE(m.timeline().size(), before.timeline().size()); // no state change, nothing to record
    } else {
        QCOMPARE(m.timeline().size(), before.timeline().size() + 1);
        QCOMPARE(m.timeline().last().state, int(*expected));
        QCOMPARE(m.timeline().last().at, when);
    }
}

void TestMission::offers()
{
    Mission m = freshMission();
    QVERIFY(m.offerTo(h1, 120.5, at(10), kClaire).ok());
    QCOMPARE(m.state(), S::Offering);
    QVERIFY(m.offerTo(h2, 300, at(11), Actor::system()).ok());
    QVERIFY(m.offerTo(h3, 900, at(12), kClaire).ok());
    QCOMPARE(m.pendingOfferHelpers(), (QStringList{h1, h2, h3}));
    QCOMPARE(m.offers().size(), 3);
    QCOMPARE(m.offers().at(0), (Offer{h1, 120.5, at(10), Answer::Pending, {}}));
    QCOMPARE(m.offers().at(2), (Offer{h3, 900, at(12), Answer::Pending, {}}));
    // One transition into OFFERING, recorded with the first offer.
    QCOMPARE(m.timeline().size(), 2);
    QCOMPARE(m.timeline().last(), (Transition{int(S::Offering), at(10), kClaire, h1}));

    const Mission before = m;
    const Status s = m.offerTo(h2, 300, at(20), kClaire);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("already_offered"));
    QVERIFY(!s.errorString().isEmpty());
    QVERIFY(m == before);
    QCOMPARE(m.redispatchCount(), 0);
}

void TestMission::firstAcceptWins()
{
    Mission m = freshMission();
    QVERIFY(m.offerTo(h1, 100, at(10), kClaire).ok());
    QVERIFY(m.offerTo(h2, 200, at(10), kClaire).ok());
    QVERIFY(m.offerTo(h3, 300, at(10), kClaire).ok());

    const Result<QStringList> won = m.accept(h2, at(40));
    QVERIFY2(won.ok(), qPrintable(won.errorString()));
    QCOMPARE(won.value(), (QStringList{h1, h3})); // withdrawn: they must be told
    QCOMPARE(m.state(), S::Assigned);
    QCOMPARE(m.assignee(), h2);
    QCOMPARE(m.offers().at(1).answer, Answer::Accepted);
    QCOMPARE(m.offers().at(1).answeredAt, at(40));
    for (int i : {0, 2}) {
        QCOMPARE(m.offers().at(i).answer, Answer::Withdrawn);
        QCOMPARE(m.offers().at(i).answeredAt, at(40));
    }
    QVERIFY(m.pendingOfferHelpers().isEmpty());
    QCOMPARE(m.timeline().last(), (Transition{int(S::Assigned), at(40), Actor::helper(h2), h2}));

    // A second acceptance, a moment later, is refused and changes nothing.
    for (const QString &late : {h1, h3, h2}) {
        const Mission before = m;
        const Result<QStringList> second = m.accept(late, at(41));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, QStringLiteral("already_taken"));
        QVERIFY(!second.errorString().isEmpty());
        QVERIFY(m == before);
    }
    // A late decline from a withdrawn helper is refused too.
    const Mission before = m;
    QCOMPARE(m.decline(h1, at(42)).error().code, QStringLiteral("no_pending_offer"));
    QVERIFY(m == before);

    // And once completed, still taken.
    QVERIFY(m.complete(Outcome::FalseAlarm, at(600), Actor::helper(h2)).ok());
    QCOMPARE(m.accept(h1, at(601)).error().code, QStringLiteral("already_taken"));
}

void TestMission::acceptWithoutOffer()
{
    Mission open = freshMission();
    Mission before = open;
    Result<QStringList> r = open.accept(h1, at(5));
    QCOMPARE(r.error().code, QStringLiteral("no_pending_offer"));
    QVERIFY(!r.errorString().isEmpty());
    QVERIFY(open == before);

    Mission offering = missionIn(S::Offering);
    before = offering;
    r = offering.accept(h9, at(5));
    QCOMPARE(r.error().code, QStringLiteral("no_pending_offer"));
    QVERIFY(offering == before);

    Mission cancelled = missionIn(S::Cancelled);
    before = cancelled;
    QVERIFY(!cancelled.accept(h1, at(500)).ok());
    QVERIFY(cancelled == before);
}

void TestMission::declineAndTimeout()
{
    Mission m = missionIn(S::Offering); // h1, h2
    QVERIFY(m.offerTo(h3, 50, at(62), kClaire).ok());

    QVERIFY(m.decline(h1, at(100)).ok());
    QCOMPARE(m.offers().at(0).answer, Answer::Declined);
    QCOMPARE(m.offers().at(0).answeredAt, at(100));
    QCOMPARE(m.state(), S::Offering);

    QVERIFY(m.decline(h2, at(160), Answer::TimedOut).ok());
    QCOMPARE(m.offers().at(1).answer, Answer::TimedOut);
    QCOMPARE(m.state(), S::Offering);
    QCOMPARE(m.pendingOfferHelpers(), QStringList{h3});

    // "Declining" with Accepted is recorded as a decline: it never wins the mission.
    QVERIFY(m.decline(h3, at(170), Answer::Accepted).ok());
    QCOMPARE(m.offers().at(2).answer, Answer::Declined);
    QVERIFY(m.assignee().isEmpty());

    const Mission before = m;
    QCOMPARE(m.decline(h1, at(200)).error().code, QStringLiteral("no_pending_offer"));
    QVERIFY(m == before);
}

void TestMission::lastDeclineReturnsToOpen()
{
    Mission m = missionIn(S::Offering); // h1, h2
    QVERIFY(m.decline(h1, at(100)).ok());
    QVERIFY(m.decline(h2, at(130), Answer::TimedOut).ok());
    QCOMPARE(m.state(), S::Open);
    QVERIFY(m.isOpen());
    QCOMPARE(m.timeline().last(), (Transition{int(S::Open), at(130), Actor::helper(h2), QStringLiteral("timeout")}));
    QCOMPARE(m.timeline().size(), 3);
}

void TestMission::directAssignment()
{
    // From OPEN, nobody offered.
    Mission m = freshMission();
    Result<QStringList> r = m.assign(h9, at(30), kClaire);
    QVERIFY(r.ok());
    QVERIFY(r.value().isEmpty());
    QCOMPARE(m.state(), S::Assigned);
    QCOMPARE(m.assignee(), h9);
    QCOMPARE(m.timeline().last(), (Transition{int(S::Assigned), at(30), kClaire, h9}));

    // From OFFERING, to someone else: the pending offers are withdrawn.
    Mission n = missionIn(S::Offering);
    r = n.assign(h9, at(90), kClaire);
    QVERIFY(r.ok());
    QCOMPARE(r.value(), (QStringList{h1, h2}));
    QCOMPARE(n.offers().at(0).answer, Answer::Withdrawn);

    // From OFFERING, to one of the offered helpers: their offer counts as accepted.
    Mission o = missionIn(S::Offering);
    r = o.assign(h2, at(90), kClaire);
    QVERIFY(r.ok());
    QCOMPARE(r.value(), QStringList{h1});
    QCOMPARE(o.offers().at(1).answer, Answer::Accepted);
    QCOMPARE(o.offers().at(0).answer, Answer::Withdrawn);

    Mission p = freshMission();
    const Mission before = p;
    r = p.assign(QString(), at(5), kClaire);
    QCOMPARE(r.error().code, QStringLiteral("missing_helper"));
    QVERIFY(p == before);

    Mission q = missionIn(S::Assigned);
    const Mission assigned = q;
    QVERIFY(!q.assign(h9, at(500), kClaire).ok()); // reassigning needs an unassign first
    QVERIFY(q == assigned);
}

void TestMission::redispatchCounting()
{
    // A re-dispatch is the mission going out again after it came back (offers exhausted or the
    // helper withdrawn): counted once, however it goes out again.
    Mission m = freshMission();
    QVERIFY(m.offerTo(h1, 100, at(10), kClaire).ok());
    QCOMPARE(m.redispatchCount(), 0);
    QVERIFY(m.decline(h1, at(20)).ok());
    QCOMPARE(m.state(), S::Open);
    QCOMPARE(m.redispatchCount(), 0);

    QVERIFY(m.offerTo(h2, 200, at(30), kClaire).ok()); // second wave
    QCOMPARE(m.redispatchCount(), 1);
    QVERIFY(m.offerTo(h3, 300, at(31), kClaire).ok()); // same wave, one more helper
    QCOMPARE(m.redispatchCount(), 1);
    QVERIFY(m.accept(h2, at(40)).ok());
    QCOMPARE(m.redispatchCount(), 1);

    QVERIFY(m.unassign(at(50), kClaire, QStringLiteral("helper_withdrawn")).ok());
    QCOMPARE(m.state(), S::Open);
    QVERIFY(m.assignee().isEmpty());
    QCOMPARE(m.timeline().last(), (Transition{int(S::Open), at(50), kClaire, QStringLiteral("helper_withdrawn")}));
    QCOMPARE(m.redispatchCount(), 1); // not out again yet

    QVERIFY(m.offerTo(h2, 200, at(60), kClaire).ok()); // the same helper may be asked again
    QCOMPARE(m.redispatchCount(), 2);
    QVERIFY(m.decline(h2, at(70), Answer::TimedOut).ok());
    QCOMPARE(m.redispatchCount(), 2);

    QVERIFY(m.assign(h9, at(80), kClaire).ok()); // out again, assigned directly
    QCOMPARE(m.redispatchCount(), 3);
    QVERIFY(m.complete(Outcome::NoAccess, at(900), Actor::helper(h9)).ok());
    QCOMPARE(m.redispatchCount(), 3);
}

void TestMission::redispatchAfterDirectAssignment()
{
    Mission m = freshMission();
    QVERIFY(m.assign(h1, at(10), kClaire).ok());
    QCOMPARE(m.redispatchCount(), 0);
    QVERIFY(m.unassign(at(20), kClaire, QStringLiteral("helper_withdrawn")).ok());
    QCOMPARE(m.redispatchCount(), 0);
    QVERIFY(m.offerTo(h2, 10, at(30), kClaire).ok());
    QCOMPARE(m.redispatchCount(), 1);

    const Mission before = m;
    QCOMPARE(m.unassign(at(40), kClaire, {}).error().code, QStringLiteral("not_assigned"));
    QVERIFY(m == before);
}

void TestMission::completeSetsPayout_data()
{
    QTest::addColumn<int>("outcome");
    for (Outcome o : Outcomes::all()) {
        if (o != Outcome::Cancelled)
            QTest::addRow("%s", qPrintable(Outcomes::key(o))) << int(o);
    }
}

void TestMission::completeSetsPayout()
{
    QFETCH(int, outcome);
    Mission m = missionIn(S::Assigned);
    QVERIFY(m.payout().isZero());
    QVERIFY(m.complete(Outcome(outcome), at(1200), Actor::helper(h1)).ok());
    QCOMPARE(m.state(), S::Completed);
    QVERIFY(!m.isOpen());
    QCOMPARE(m.outcome(), std::optional<Outcome>(Outcome(outcome)));
    QCOMPARE(m.payout(), kFee);
    QCOMPARE(m.timeline().last(),
             (Transition{int(S::Completed), at(1200), Actor::helper(h1), Outcomes::key(Outcome(outcome))}));

    const Mission before = m;
    QVERIFY(!m.complete(Outcome(outcome), at(1300), Actor::helper(h1)).ok());
    QVERIFY(!m.cancel(QStringLiteral("late"), at(1300), kClaire).ok());
    QVERIFY(m == before);
}

void TestMission::completeRefusesCancelledOutcome()
{
    Mission m = missionIn(S::Assigned);
    const Mission before = m;
    const Status s = m.complete(Outcome::Cancelled, at(1200), Actor::helper(h1));
    QCOMPARE(s.error().code, QStringLiteral("bad_outcome"));
    QVERIFY(!s.errorString().isEmpty());
    QVERIFY(m == before);
    QVERIFY(m.payout().isZero());
}

void TestMission::cancelReturnsHelpersToTell_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<QStringList>("toTell");
    QTest::newRow("open") << int(S::Open) << QStringList();
    QTest::newRow("offering") << int(S::Offering) << QStringList{h1, h2};
    QTest::newRow("assigned") << int(S::Assigned) << QStringList{h1};
}

void TestMission::cancelReturnsHelpersToTell()
{
    QFETCH(int, from);
    QFETCH(QStringList, toTell);
    Mission m = missionIn(S(from));
    const Result<QStringList> r =
        m.cancel(QStringLiteral("device_restore"), at(2000), Actor::device(QStringLiteral("d-1")));
    QVERIFY(r.ok());
    QCOMPARE(r.value(), toTell);
    QCOMPARE(m.state(), S::Cancelled);
    QVERIFY(!m.isOpen());
    QCOMPARE(m.outcome(), std::optional<Outcome>(Outcome::Cancelled));
    QVERIFY(m.payout().isZero());
    QVERIFY(m.pendingOfferHelpers().isEmpty());
    QCOMPARE(m.timeline().last(), (Transition{int(S::Cancelled), at(2000), Actor::device(QStringLiteral("d-1")),
                                              QStringLiteral("device_restore")}));
    const Mission before = m;
    QVERIFY(!m.cancel(QStringLiteral("again"), at(2100), kClaire).ok());
    QVERIFY(!m.offerTo(h9, 1, at(2100), kClaire).ok());
    QVERIFY(m == before);
}

void TestMission::restore()
{
    Mission original = missionIn(S::Assigned);
    original.note = QStringLiteral("keys under the mat");
    Mission loaded(original.id(), original.kind(), original.alarmId(), original.fee(), t0, kClaire);
    loaded.note = original.note;
    QVERIFY(!(loaded == original));
    loaded.restore(original.state(), original.assignee(), original.offers(), original.outcome(), original.payout(),
                   original.redispatchCount(), original.timeline());
    QVERIFY(loaded == original);
    QVERIFY(loaded.complete(Outcome::FalseAlarm, at(999), Actor::helper(h1)).ok());
    QCOMPARE(loaded.payout(), kFee);
    QVERIFY(offerOf(loaded, h1) != nullptr);
}

QTEST_GUILESS_MAIN(TestMission)
#include "tst_mission.moc"
