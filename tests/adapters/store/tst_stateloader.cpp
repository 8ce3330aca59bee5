// StateLoader: what StateWriter wrote loads back as the very same DispatchState.

#include "migrations.h"
#include "scenario.h"
#include "sqlconnection.h"
#include "statediff.h"
#include "stateloader.h"
#include "statewriter.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using relais::test::Scenario;
using relais::test::StateDiff;

namespace {

// Replays entries, writes every touched row, loads: returns {replayed, loaded}.
std::pair<DispatchState, Result<DispatchState>> roundTrip(SqlConnection &c, const QList<JournalEntry> &entries)
{
    DispatchState state;
    DispatchState::Changes changes;
    for (const JournalEntry &e : entries) {
        Result<DispatchState::Changes> r = state.apply(e);
        if (r)
            changes.merge(r.value());
    }
    StateWriter writer(c.database());
    if (Status s = writer.prepare(); !s)
        return {state, s.error()};
    c.database().transaction(); // as the writer does: one commit, not one per row
    if (Status s = writer.write(state, changes); !s)
        return {state, s.error()};
    c.database().commit();
    return {state, StateLoader::load(c.database())};
}

} // namespace

class TestStateLoader final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;

    bool openFresh(SqlConnection &c)
    {
        return c.open(m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_serial)))
               && Migrations::migrate(c.database(), c.dialect()).ok();
    }

private slots:
    void anEmptyDatabaseIsTheInitialState()
    {
        SqlConnection c(QStringLiteral("t"));
        QVERIFY(openFresh(c));
        const Result<DispatchState> loaded = StateLoader::load(c.database());
        QVERIFY(loaded.ok());
        QVERIFY2(loaded.value() == DispatchState(), qPrintable(StateDiff::describe(loaded.value(), DispatchState())));
    }

    void everyFieldRoundTrips()
    {
        SqlConnection c(QStringLiteral("t"));
        QVERIFY(openFresh(c));
        auto [replayed, loaded] = roundTrip(c, Scenario().scripted());
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        // Not trivially equal: the scripted day fills every table.
        QCOMPARE(loaded.value().devices().size(), 3);
        QCOMPARE(loaded.value().alarms().size(), 5);
        QCOMPARE(loaded.value().helpers().size(), 3);
        QCOMPARE(loaded.value().missions().size(), 2);
        QCOMPARE(loaded.value().shifts().size(), 2);
        QCOMPARE(loaded.value().fees().feeFor(MissionKind::Maintenance), Money::euros(650));
        QCOMPARE(loaded.value().mission(1)->offers().at(0).distanceM, 350.5);
        QCOMPARE(loaded.value().alarm(1)->escalationStage(), 1);
        QCOMPARE(loaded.value().alarm(2)->notes, replayed.alarm(2)->notes);
        QCOMPARE(loaded.value().helper(QStringLiteral("h-1"))->position(),
                 replayed.helper(QStringLiteral("h-1"))->position());
        QVERIFY(loaded.value().runningShift() && loaded.value().runningShift()->id == 2);
        QVERIFY2(loaded.value() == replayed, qPrintable(StateDiff::describe(loaded.value(), replayed)));
    }

    void randomDesksRoundTrip_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 21; seed <= 28; ++seed)
            QTest::newRow(qPrintable(QString::number(seed))) << seed;
    }

    void randomDesksRoundTrip()
    {
        QFETCH(quint32, seed);
        SqlConnection c(QStringLiteral("t"));
        QVERIFY(openFresh(c));
        auto [replayed, loaded] = roundTrip(c, Scenario(seed).randomWalk(2500));
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QVERIFY(!loaded.value().alarms().isEmpty());
        QVERIFY2(loaded.value() == replayed, qPrintable(StateDiff::describe(loaded.value(), replayed)));
    }

    void livenessComesFromItsOwnTable()
    {
        SqlConnection c(QStringLiteral("t"));
        QVERIFY(openFresh(c));
        auto [replayed, loaded] = roundTrip(c, Scenario().scripted());
        QVERIFY(loaded.ok());
        const QString id = replayed.devices().cbegin().key();
        QVERIFY(replayed.device(id)->lastSeen.isValid());
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("UPDATE device_liveness SET last_seen_ms = 1000, battery_percent = 7 "
                                      "WHERE device_id = '%1'")
                           .arg(id)));
        Result<DispatchState> reloaded = StateLoader::load(c.database());
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded.value().device(id)->lastSeen, QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC));
        QCOMPARE(reloaded.value().device(id)->batteryPercent, 7);

        // No liveness row: never seen, battery unknown (the device itself still loads).
        QVERIFY(q.exec(QStringLiteral("DELETE FROM device_liveness WHERE device_id = '%1'").arg(id)));
        reloaded = StateLoader::load(c.database());
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded.value().devices().size(), replayed.devices().size());
        QVERIFY(!reloaded.value().device(id)->lastSeen.isValid());
        QCOMPARE(reloaded.value().device(id)->batteryPercent, -1);
        QCOMPARE(reloaded.value().device(id)->label, replayed.device(id)->label);
    }

    void lastSeqIsTheJournals()
    {
        SqlConnection c(QStringLiteral("t"));
        QVERIFY(openFresh(c));
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO journal VALUES (17, 0, 'ui', '', 'shift.started', 'system', "
                                      "'{}', x'')")));
        QCOMPARE(StateLoader::load(c.database()).value().lastSeq(), qint64(17));
    }

    void anUnreadableRowIsReported()
    {
        SqlConnection c(QStringLiteral("t"));
        QVERIFY(openFresh(c));
        auto [replayed, loaded] = roundTrip(c, Scenario().scripted());
        QVERIFY(loaded.ok());
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("UPDATE alarms SET state = 'exploded' WHERE id = 3")));
        const Result<DispatchState> bad = StateLoader::load(c.database());
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("corrupt_row"));
        QVERIFY2(bad.errorString().contains(QLatin1String("alarms")), qPrintable(bad.errorString()));
        QVERIFY(bad.errorString().contains(QLatin1String("Rebuild")));
    }
};

QTEST_GUILESS_MAIN(TestStateLoader)
#include "tst_stateloader.moc"
