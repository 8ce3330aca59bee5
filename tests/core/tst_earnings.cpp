#include "dispatchstate.h"
#include "earnings.h"
#include "journalbuilder.h"

#include <QTest>

using namespace relais;

namespace {

const QTimeZone kParis(QByteArrayLiteral("Europe/Paris"));
// 11:00 in Paris (CET, UTC+1): "today" there runs from 1 March 23:00 UTC to 2 March 23:00 UTC.
const QDateTime kNow(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);

QDateTime utc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Qt::UTC);
}

QStringList ids(const QList<const Mission *> &missions)
{
    QStringList out;
    for (const Mission *m : missions)
        out.append(QString::number(m->id()));
    return out;
}

} // namespace

class TestEarnings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void periodsFollowTheLocalDay();
    void periodsAcrossDaylightSaving();
    void countsByCompletionTime();
    void cancelledAndOpenMissionsEarnNothing();
    void sumsEachCurrencyApart();
    void perHelperMatchesOneHelperAtATime();
    void addsAndMerges();
    void invalidPeriodsCountNothing();

private:
    // A manual alarm taken by a helper from `from`, completed at `to`; returns the mission id.
    qint64 complete(const QString &helper, const QDateTime &from, const QDateTime &to, QJsonObject fee = {});
    // A mission assigned to a helper at `at`, left open; returns its id.
    qint64 assign(const QString &helper, const QDateTime &at, const QJsonObject &fee = {});
    void commit(const QList<JournalEntry> &entries) { QCOMPARE(m_journal->commit(*m_state, entries), QString()); }

    std::unique_ptr<JournalBuilder> m_journal;
    std::unique_ptr<DispatchState> m_state;
};

void TestEarnings::initTestCase()
{
    QVERIFY2(kParis.isValid(), "the Europe/Paris time zone is needed (tzdata)");
}

void TestEarnings::init()
{
    m_journal = std::make_unique<JournalBuilder>(utc(2, 20, 8));
    m_state = std::make_unique<DispatchState>();
    JournalBuilder &j = *m_journal;
    for (const QString &id : {QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3")})
        commit({j.registerHelper(id, id.toUpper()), j.helperAction(EntryKind::HelperOnDuty, id)});
}

qint64 TestEarnings::assign(const QString &helper, const QDateTime &at, const QJsonObject &fee)
{
    JournalBuilder &j = *m_journal;
    j.at(at);
    commit({j.manualAlarm()});
    const qint64 alarm = JournalBuilder::newestAlarm(*m_state);
    commit(j.sendOnScene(alarm, helper, fee));
    return m_state->alarm(alarm)->missionId;
}

qint64 TestEarnings::complete(const QString &helper, const QDateTime &from, const QDateTime &to, QJsonObject fee)
{
    const qint64 mission = assign(helper, from, fee);
    JournalBuilder &j = *m_journal;
    j.at(to);
    commit({j.missionAction(EntryKind::MissionCompleted, mission,
                            {{QStringLiteral("outcome"), QStringLiteral("false_alarm")}})});
    return mission;
}

void TestEarnings::periodsFollowTheLocalDay()
{
    QCOMPARE(Earnings::today(kNow, kParis), (Earnings::Period{utc(3, 1, 23), utc(3, 2, 23)}));
    // At 23:30 UTC it is already 3 March in Paris.
    QCOMPARE(Earnings::today(utc(3, 2, 23, 30), kParis), (Earnings::Period{utc(3, 2, 23), utc(3, 3, 23)}));
    QCOMPARE(Earnings::today(kNow, QTimeZone::utc()), (Earnings::Period{utc(3, 2, 0), utc(3, 3, 0)}));
    // The last 7 days: 24 February to 2 March, today included.
    QCOMPARE(Earnings::lastDays(7, kNow, kParis), (Earnings::Period{utc(2, 23, 23), utc(3, 2, 23)}));
    QCOMPARE(Earnings::lastDays(1, kNow, kParis), Earnings::today(kNow, kParis));
    // The month, whatever the day in it.
    QCOMPARE(Earnings::month(kNow, kParis), (Earnings::Period{utc(2, 28, 23), utc(3, 31, 22)}));
    QCOMPARE(Earnings::day(QDate(2026, 3, 2), kParis), Earnings::today(kNow, kParis));

    const Earnings::Period today = Earnings::today(kNow, kParis);
    QVERIFY(today.contains(utc(3, 1, 23)));
    QVERIFY(!today.contains(utc(3, 2, 23))); // [from, to)
    QVERIFY(!today.contains(QDateTime()));
    QCOMPARE(today.from.timeSpec(), Qt::UTC);
}

void TestEarnings::periodsAcrossDaylightSaving()
{
    // 29 March 2026: clocks go from 02:00 to 03:00 in Paris, a 23-hour day.
    const Earnings::Period spring = Earnings::day(QDate(2026, 3, 29), kParis);
    QCOMPARE(spring, (Earnings::Period{utc(3, 28, 23), utc(3, 29, 22)}));
    QCOMPARE(spring.from.secsTo(spring.to), 23 * 3600);
    // 25 October 2026: back from 03:00 to 02:00, a 25-hour day.
    const Earnings::Period autumn = Earnings::day(QDate(2026, 10, 25), kParis);
    QCOMPARE(autumn.from.secsTo(autumn.to), 25 * 3600);
    // The week holding the change is one hour short.
    const Earnings::Period week = Earnings::lastDays(7, utc(3, 30, 12), kParis);
    QCOMPARE(week.from.secsTo(week.to), 7 * 24 * 3600 - 3600);
}

void TestEarnings::countsByCompletionTime()
{
    // h1: yesterday evening (23:30 in Paris); one taken before midnight and completed after
    // (23:50 → 00:20 in Paris); one this morning. h2: one this morning.
    const qint64 yesterday = complete(QStringLiteral("h1"), utc(3, 1, 22), utc(3, 1, 22, 30));
    const qint64 acrossMidnight = complete(QStringLiteral("h1"), utc(3, 1, 22, 50), utc(3, 1, 23, 20));
    const qint64 morning = complete(QStringLiteral("h1"), utc(3, 2, 8), utc(3, 2, 8, 40));
    const qint64 bruno = complete(QStringLiteral("h2"), utc(3, 2, 7), utc(3, 2, 7, 30));

    QCOMPARE(Earnings::completedAt(*m_state->mission(acrossMidnight)), utc(3, 1, 23, 20));
    const Earnings::Period today = Earnings::today(kNow, kParis);
    QCOMPARE(ids(Earnings::completedMissions(*m_state, QStringLiteral("h1"), today)),
             (QStringList{QString::number(acrossMidnight), QString::number(morning)}));
    // Everyone's, in the order completed.
    QCOMPARE(ids(Earnings::completedMissions(*m_state, {}, today)),
             (QStringList{QString::number(acrossMidnight), QString::number(bruno), QString::number(morning)}));

    const Earnings h1 = Earnings::of(*m_state, QStringLiteral("h1"), today);
    QCOMPARE(h1.missions(), 2);
    QCOMPARE(h1.amounts(), QList<Money>{Money::euros(2000)});
    QCOMPARE(h1.amount(QStringLiteral("EUR")), Money::euros(2000));
    QCOMPARE(Earnings::of(*m_state, QStringLiteral("h2"), today).amounts(), QList<Money>{Money::euros(1000)});
    QCOMPARE(Earnings::of(*m_state, {}, today).missions(), 3);
    QCOMPARE(Earnings::of(*m_state, {}, today).amount(QStringLiteral("EUR")), Money::euros(3000));
    // Nobody else earned anything today.
    QVERIFY(Earnings::of(*m_state, QStringLiteral("h3"), today).isEmpty());
    QCOMPARE(Earnings::of(*m_state, QStringLiteral("h3"), today).amounts(), QList<Money>{});
    QCOMPARE(Earnings::of(*m_state, QStringLiteral("h3"), today).amount(QStringLiteral("EUR")), Money::euros(0));

    // Yesterday's belongs to yesterday; the 7 days and the month (1 March is in it) hold all three.
    const Earnings::Period before = Earnings::day(QDate(2026, 3, 1), kParis);
    QCOMPARE(ids(Earnings::completedMissions(*m_state, QStringLiteral("h1"), before)),
             QStringList{QString::number(yesterday)});
    QCOMPARE(Earnings::of(*m_state, QStringLiteral("h1"), Earnings::lastDays(7, kNow, kParis)).missions(), 3);
    QCOMPARE(Earnings::of(*m_state, QStringLiteral("h1"), Earnings::month(kNow, kParis)).missions(), 3);
    // 28 February is last month's, but in the last 7 days.
    complete(QStringLiteral("h1"), utc(2, 28, 10), utc(2, 28, 10, 30));
    QCOMPARE(Earnings::of(*m_state, QStringLiteral("h1"), Earnings::month(kNow, kParis)).missions(), 3);
    QCOMPARE(Earnings::of(*m_state, QStringLiteral("h1"), Earnings::lastDays(7, kNow, kParis)).missions(), 4);

    // In UTC, the mission completed at 23:20 UTC was yesterday's.
    QCOMPARE(Earnings::of(*m_state, QStringLiteral("h1"), Earnings::today(kNow, QTimeZone::utc())).missions(), 1);

    const QHash<QString, Earnings> all = Earnings::perHelper(*m_state, today);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.value(QStringLiteral("h1")), h1);
    QCOMPARE(all.value(QStringLiteral("h2")).missions(), 1);
    QVERIFY(!all.contains(QStringLiteral("h3")));
}

void TestEarnings::cancelledAndOpenMissionsEarnNothing()
{
    complete(QStringLiteral("h1"), utc(3, 2, 7), utc(3, 2, 7, 30));
    // h2 is on scene, not done yet; h3's mission is cancelled.
    const qint64 open = assign(QStringLiteral("h2"), utc(3, 2, 8));
    const qint64 cancelled = assign(QStringLiteral("h3"), utc(3, 2, 8, 10));
    m_journal->at(utc(3, 2, 8, 30));
    commit({m_journal->missionAction(EntryKind::MissionCancelled, cancelled,
                                     {{QStringLiteral("reason"), QStringLiteral("restored")}})});
    QCOMPARE(m_state->mission(cancelled)->state(), Mission::State::Cancelled);
    QVERIFY(m_state->mission(open)->isOpen());
    QVERIFY(!Earnings::completedAt(*m_state->mission(open)).isValid());
    QVERIFY(!Earnings::completedAt(*m_state->mission(cancelled)).isValid());

    const Earnings::Period today = Earnings::today(kNow, kParis);
    QVERIFY(Earnings::of(*m_state, QStringLiteral("h2"), today).isEmpty());
    QVERIFY(Earnings::of(*m_state, QStringLiteral("h3"), today).isEmpty());
    QCOMPARE(Earnings::of(*m_state, {}, today).missions(), 1);
    QCOMPARE(Earnings::perHelper(*m_state, today).keys(), QList<QString>{QStringLiteral("h1")});
}

void TestEarnings::sumsEachCurrencyApart()
{
    // Never converted, never mixed: one sum per currency, by currency code.
    complete(QStringLiteral("h1"), utc(3, 2, 6), utc(3, 2, 6, 30));
    complete(QStringLiteral("h1"), utc(3, 2, 7), utc(3, 2, 7, 30),
             {{QStringLiteral("fee_cents"), 1250}, {QStringLiteral("currency"), QStringLiteral("CHF")}});
    complete(QStringLiteral("h1"), utc(3, 2, 8), utc(3, 2, 8, 30),
             {{QStringLiteral("fee_cents"), 750}, {QStringLiteral("currency"), QStringLiteral("CHF")}});
    // A mission for nothing still counts, in its currency.
    complete(QStringLiteral("h2"), utc(3, 2, 8), utc(3, 2, 8, 30),
             {{QStringLiteral("fee_cents"), 0}, {QStringLiteral("currency"), QStringLiteral("GBP")}});

    const Earnings::Period today = Earnings::today(kNow, kParis);
    const Earnings h1 = Earnings::of(*m_state, QStringLiteral("h1"), today);
    QCOMPARE(h1.missions(), 3);
    QCOMPARE(h1.amounts(), (QList<Money>{Money(2000, QStringLiteral("CHF")), Money::euros(1000)}));
    QCOMPARE(h1.amount(QStringLiteral("CHF")), Money(2000, QStringLiteral("CHF")));
    QCOMPARE(h1.amount(QStringLiteral("USD")), Money(0, QStringLiteral("USD")));
    QCOMPARE(h1.sortCents(), 2000);

    const Earnings h2 = Earnings::of(*m_state, QStringLiteral("h2"), today);
    QCOMPARE(h2.missions(), 1);
    QCOMPARE(h2.amounts(), QList<Money>{Money(0, QStringLiteral("GBP"))});
    QCOMPARE(h2.sortCents(), 0);

    const Earnings all = Earnings::of(*m_state, {}, today);
    QCOMPARE(all.amounts(),
             (QList<Money>{Money(2000, QStringLiteral("CHF")), Money::euros(1000), Money(0, QStringLiteral("GBP"))}));
}

void TestEarnings::perHelperMatchesOneHelperAtATime()
{
    // 10,000 missions among 2,000 helpers over 40 days, loaded as a store snapshot would be:
    // one pass gives every helper's figures for several periods, the same as asking one by one.
    DispatchState state;
    const Actor desk = Actor::operatorNamed(QStringLiteral("Claire"));
    const QDateTime first = utc(1, 25, 0);
    for (qint64 id = 1; id <= 10000; ++id) {
        const QString helper = QStringLiteral("h%1").arg(id % 2000);
        const QDateTime created = first.addSecs(id * 347); // about 40 days
        Mission m(id, MissionKind::Verification, id, Money::euros(500 + id % 7 * 100), created, desk);
        QVERIFY(m.assign(helper, created.addSecs(60), desk).ok());
        if (id % 10 == 0)
            QVERIFY(m.cancel(QStringLiteral("restored"), created.addSecs(600), desk).ok());
        else if (id % 10 != 1)
            QVERIFY(m.complete(Outcome::FalseAlarm, created.addSecs(1800), desk).ok());
        state.loadMission(m);
    }
    const QList<Earnings::Period> periods{Earnings::today(kNow, kParis), Earnings::lastDays(7, kNow, kParis),
                                          Earnings::month(kNow, kParis)};
    const QList<QHash<QString, Earnings>> perHelper = Earnings::perHelper(state, periods);
    QCOMPARE(perHelper.size(), 3);
    for (qsizetype p = 0; p < periods.size(); ++p) {
        Earnings sum;
        for (const Earnings &e : perHelper.at(p))
            sum += e;
        const Earnings everyone = Earnings::of(state, {}, periods.at(p));
        QVERIFY(!everyone.isEmpty());
        QCOMPARE(sum, everyone);
        for (const QString &helper : {QStringLiteral("h0"), QStringLiteral("h2"), QStringLiteral("h1999")})
            QCOMPARE(perHelper.at(p).value(helper), Earnings::of(state, helper, periods.at(p)));
    }
    // A day's earners are fewer than a week's.
    QVERIFY(perHelper.at(0).size() < perHelper.at(1).size());
    QCOMPARE(Earnings::perHelper(state, periods.at(1)), perHelper.at(1));
    QVERIFY(Earnings::perHelper(state, QList<Earnings::Period>{}).isEmpty());
}

void TestEarnings::addsAndMerges()
{
    Earnings a;
    QVERIFY(a.isEmpty());
    a.add(Money::euros(1000));
    a.add(Money(300, QStringLiteral("CHF")));
    a.add(Money::euros(500));
    QCOMPARE(a.missions(), 3);
    QCOMPARE(a.amounts(), (QList<Money>{Money(300, QStringLiteral("CHF")), Money::euros(1500)}));

    Earnings b;
    b.add(Money(100, QStringLiteral("GBP")));
    b.add(Money(200, QStringLiteral("CHF")));
    a += b;
    QCOMPARE(a.missions(), 5);
    QCOMPARE(a.amounts(),
             (QList<Money>{Money(500, QStringLiteral("CHF")), Money::euros(1500), Money(100, QStringLiteral("GBP"))}));
    QCOMPARE(a.sortCents(), 1500);
    a += Earnings();
    QCOMPARE(a.missions(), 5);
}

void TestEarnings::invalidPeriodsCountNothing()
{
    complete(QStringLiteral("h1"), utc(3, 2, 6), utc(3, 2, 6, 30));
    QVERIFY(!Earnings::today(QDateTime(), kParis).isValid());
    QVERIFY(!Earnings::today(kNow, QTimeZone(QByteArrayLiteral("Nowhere/Atlantis"))).isValid());
    QVERIFY(!Earnings::lastDays(0, kNow, kParis).isValid());
    QVERIFY(Earnings::of(*m_state, {}, Earnings::Period{}).isEmpty());
    QVERIFY(Earnings::completedMissions(*m_state, {}, Earnings::Period{}).isEmpty());
    QVERIFY(Earnings::perHelper(*m_state, Earnings::Period{}).isEmpty());
    // Backwards is empty too.
    QVERIFY(Earnings::of(*m_state, {}, Earnings::Period{utc(3, 3, 0), utc(3, 2, 0)}).isEmpty());
}

QTEST_GUILESS_MAIN(TestEarnings)
#include "tst_earnings.moc"
