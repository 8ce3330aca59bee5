// StateWriter: upserts in place, deletes removed rows, child rows follow their lists,
// NULL only for absent values, clear() empties the state tables and nothing else.

#include "migrations.h"
#include "scenario.h"
#include "sqlconnection.h"
#include "statewriter.h"
#include "tabledump.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using relais::test::Scenario;
using relais::test::TableDump;

class TestStateWriter final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    std::unique_ptr<SqlConnection> m_c;
    std::unique_ptr<StateWriter> m_writer;

    qint64 count(const QString &table) { return TableDump::scalar(m_c->database(), "SELECT COUNT(*) FROM " + table); }

private slots:
    void init()
    {
        m_writer.reset();
        m_c = std::make_unique<SqlConnection>(QStringLiteral("t"));
        QVERIFY(m_c->open(m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_serial))));
        QVERIFY(Migrations::migrate(m_c->database(), m_c->dialect()));
        m_writer = std::make_unique<StateWriter>(m_c->database());
        QVERIFY(m_writer->prepare());
    }

    void cleanup()
    {
        m_writer.reset();
        m_c.reset();
    }

    void upsertsRewriteRowsInPlace()
    {
        DispatchState state;
        Scenario s;
        auto apply = [&](const JournalEntry &e) {
            Result<DispatchState::Changes> r = state.apply(e);
            return r.ok() && m_writer->write(state, r.value()).ok();
        };
        QVERIFY(apply(s.registerDevice(QStringLiteral("d1"), 48.5, 2.5)));
        QVERIFY(apply(s.heartbeat(QStringLiteral("d1"), 64, QStringLiteral("m1"))));
        QVERIFY(apply(s.heartbeat(QStringLiteral("d1"), 63, QStringLiteral("m2"))));
        QCOMPARE(count(QStringLiteral("devices")), qint64(1));
        const QStringList rows = TableDump::rows(m_c->database(), QStringLiteral("devices"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first(), QStringLiteral("d1|panic_button|Pendentif d1|B-d1|0 rue des Lilas|48.5|2.5|900"));
        // Last seen and battery: one narrow row per device, rewritten by each device message.
        const QStringList liveness = TableDump::rows(m_c->database(), QStringLiteral("device_liveness"));
        QCOMPARE(liveness.size(), 1);
        const QDateTime lastSeen = state.device(QStringLiteral("d1"))->lastSeen;
        QCOMPARE(liveness.first(), QStringLiteral("d1|%1|63").arg(lastSeen.toMSecsSinceEpoch()));
    }

    void aDeviceMessageWritesOnlyTheLivenessRow()
    {
        DispatchState state;
        Scenario s;
        auto apply = [&](const JournalEntry &e) {
            Result<DispatchState::Changes> r = state.apply(e);
            return r.ok() && m_writer->write(state, r.value()).ok();
        };
        QVERIFY(apply(s.registerDevice(QStringLiteral("d1"), 48.5, 2.5)));
        // Changed behind the writer's back: a device message must not rewrite the device row.
        QSqlQuery q(m_c->database());
        QVERIFY(q.exec(QStringLiteral("UPDATE devices SET label = 'untouched'")));
        QVERIFY(apply(s.heartbeat(QStringLiteral("d1"), 64, QStringLiteral("m1"))));
        QVERIFY(
            TableDump::rows(m_c->database(), QStringLiteral("devices")).first().contains(QLatin1String("untouched")));
        QVERIFY(
            TableDump::rows(m_c->database(), QStringLiteral("device_liveness")).first().endsWith(QLatin1String("|64")));

        // A liveness row gone missing is written again.
        QVERIFY(q.exec(QStringLiteral("DELETE FROM device_liveness")));
        QVERIFY(apply(s.heartbeat(QStringLiteral("d1"), 62, QStringLiteral("m2"))));
        QCOMPARE(count(QStringLiteral("device_liveness")), qint64(1));
        QVERIFY(
            TableDump::rows(m_c->database(), QStringLiteral("device_liveness")).first().endsWith(QLatin1String("|62")));

        // A liveness row that moved (its rowid is not the one the writer knows) is found by its id.
        QVERIFY(q.exec(QStringLiteral("UPDATE device_liveness SET rowid = rowid + 1000")));
        QVERIFY(apply(s.heartbeat(QStringLiteral("d1"), 61, QStringLiteral("m3"))));
        QCOMPARE(count(QStringLiteral("device_liveness")), qint64(1));
        QVERIFY(
            TableDump::rows(m_c->database(), QStringLiteral("device_liveness")).first().endsWith(QLatin1String("|61")));

        // Where the writer expects d1's row stands d2's: d2's row is left alone, d1's found by id.
        QVERIFY(apply(s.registerDevice(QStringLiteral("d2"), 48.6, 2.6)));
        QVERIFY(apply(s.heartbeat(QStringLiteral("d1"), 60, QStringLiteral("m4"))));
        auto batteryOf = [&](const char *id) {
            return TableDump::scalar(
                m_c->database(),
                QStringLiteral("SELECT battery_percent FROM device_liveness WHERE device_id = '%1'").arg(id));
        };
        const qint64 d1Row = TableDump::scalar(
            m_c->database(), QStringLiteral("SELECT rowid FROM device_liveness WHERE device_id = 'd1'"));
        QVERIFY(q.exec(QStringLiteral("UPDATE device_liveness SET rowid = rowid + 5000 WHERE device_id = 'd1'")));
        QVERIFY(q.exec(QStringLiteral("UPDATE device_liveness SET rowid = %1 WHERE device_id = 'd2'").arg(d1Row)));
        QVERIFY(apply(s.heartbeat(QStringLiteral("d1"), 59, QStringLiteral("m5"))));
        QCOMPARE(count(QStringLiteral("device_liveness")), qint64(2));
        QCOMPARE(batteryOf("d1"), qint64(59));
        QCOMPARE(batteryOf("d2"), qint64(-1));
        QVERIFY(apply(s.heartbeat(QStringLiteral("d1"), 58, QStringLiteral("m6")))); // its rowid learnt
        QCOMPARE(batteryOf("d1"), qint64(58));
        QCOMPARE(batteryOf("d2"), qint64(-1));
    }

    void removedDevicesAndHelpersAreDeleted()
    {
        DispatchState state;
        DispatchState::Changes all;
        Scenario s;
        for (const JournalEntry &e :
             {s.registerDevice(QStringLiteral("d1"), 48.0, 2.0), s.registerDevice(QStringLiteral("d2"), 48.0, 2.0),
              s.action(EntryKind::HelperRegistered, {{"helper", "h1"}, {"name", "Ana"}}),
              s.action(EntryKind::HelperRegistered, {{"helper", "h2"}, {"name", "Bo"}})}) {
            all.merge(state.apply(e).value());
        }
        QVERIFY(m_writer->write(state, all));
        QCOMPARE(count(QStringLiteral("devices")), qint64(2));
        QCOMPARE(count(QStringLiteral("helpers")), qint64(2));
        DispatchState::Changes gone = state.apply(s.action(EntryKind::DeviceRemoved, {{"device", "d2"}})).value();
        gone.merge(state.apply(s.action(EntryKind::HelperRemoved, {{"helper", "h1"}})).value());
        QVERIFY(m_writer->write(state, gone));
        QCOMPARE(TableDump::rows(m_c->database(), QStringLiteral("devices")).size(), 1);
        QVERIFY(TableDump::rows(m_c->database(), QStringLiteral("devices")).first().startsWith(QLatin1String("d1|")));
        QCOMPARE(TableDump::rows(m_c->database(), QStringLiteral("device_liveness")).size(), 1);
        QVERIFY(TableDump::rows(m_c->database(), QStringLiteral("device_liveness"))
                    .first()
                    .startsWith(QLatin1String("d1|")));
        QVERIFY(TableDump::rows(m_c->database(), QStringLiteral("helpers")).first().startsWith(QLatin1String("h2|")));
        QCOMPARE(count(QStringLiteral("helpers")), qint64(1));
    }

    void childRowsFollowTheirLists()
    {
        DispatchState state;
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(1772352000000, Qt::UTC);
        Alarm a(1, QStringLiteral("d1"), AlarmKind::Smoke, Severity::Critical, t, Actor::device(QStringLiteral("d1")));
        QVERIFY(a.acknowledge(t.addSecs(10), Actor::operatorNamed(QStringLiteral("Claire"))));
        QVERIFY(a.escalate(Alarm::Escalation::NotAccepted, t.addSecs(20)));
        a.notes = QStringList{QStringLiteral("one"), QStringLiteral("two")};
        state.loadAlarm(a);
        DispatchState::Changes changes;
        changes.alarms.insert(1);
        QVERIFY(m_writer->write(state, changes));
        QCOMPARE(count(QStringLiteral("alarm_transitions")), qint64(3));
        QCOMPARE(count(QStringLiteral("alarm_notes")), qint64(2));
        QCOMPARE(TableDump::rows(m_c->database(), QStringLiteral("alarm_transitions")).at(1),
                 QStringLiteral("1|1|acknowledged|%1|operator:Claire|").arg(t.addSecs(10).toMSecsSinceEpoch()));

        // Shorter lists: the rows beyond them go.
        a.restore(Alarm::State::New, 1, t, std::nullopt, 0, {a.timeline().first()});
        a.notes.clear();
        state.loadAlarm(a);
        QVERIFY(m_writer->write(state, changes));
        QCOMPARE(count(QStringLiteral("alarm_transitions")), qint64(1));
        QCOMPARE(count(QStringLiteral("alarm_notes")), qint64(0));
    }

    void absentValuesAreNullAndTextIsNever()
    {
        DispatchState state;
        Scenario s;
        DispatchState::Changes c = state.apply(s.action(EntryKind::DeviceRegistered, {{"device", "d1"}})).value();
        c.merge(state.apply(s.action(EntryKind::HelperRegistered, {{"helper", "h1"}, {"name", "Ana"}})).value());
        QVERIFY(m_writer->write(state, c));
        QCOMPARE(TableDump::rows(m_c->database(), QStringLiteral("devices")).first(),
                 QStringLiteral("d1|||||<null>|<null>|3600"));
        QCOMPARE(TableDump::rows(m_c->database(), QStringLiteral("device_liveness")).first(),
                 QStringLiteral("d1|<null>|-1"));
        QCOMPARE(TableDump::rows(m_c->database(), QStringLiteral("helpers")).first(),
                 QStringLiteral("h1|Ana||[]|0|off_duty|<null>|<null>|<null>|off_duty|<null>|system|"));
    }

    void clearEmptiesTheStateTablesOnly()
    {
        DispatchState state;
        DispatchState::Changes all;
        for (const JournalEntry &e : Scenario().scripted()) {
            if (Result<DispatchState::Changes> r = state.apply(e); r)
                all.merge(r.value());
        }
        QVERIFY(m_writer->write(state, all));
        QSqlQuery q(m_c->database());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO journal VALUES (1, 0, 'ui', '', 'x', 'system', '{}', x'')")));
        for (const QString &table : StateWriter::tables())
            QVERIFY2(count(table) > 0, qPrintable(table));
        QVERIFY(m_writer->clear());
        for (const QString &table : StateWriter::tables())
            QCOMPARE(count(table), qint64(0));
        QCOMPARE(count(QStringLiteral("journal")), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestStateWriter)
#include "tst_statewriter.moc"
