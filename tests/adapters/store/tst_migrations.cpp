// Migrations: from an empty file, and from every earlier version holding data written as a
// Relais of that version wrote it; refusal of a newer database; a failing step rolls back.

#include "journalreader.h"
#include "journalwriter.h"
#include "migrations.h"
#include "scenario.h"
#include "sqlconnection.h"
#include "sqlvalues.h"
#include "statediff.h"
#include "statewriter.h"
#include "store.h"
#include "tabledump.h"

#include <QDir>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using relais::test::Scenario;
using relais::test::StateDiff;
using relais::test::TableDump;
using S = relais::WriteResult::Status;

namespace {

const QString retransmittedId = QStringLiteral("m-retransmitted");

// The first version whose devices table has no liveness columns (device_liveness instead).
constexpr int livenessTableVersion = 4;

// The first version whose alarms have purged_ms (docs/privacy.md).
constexpr int purgedColumnVersion = 6;

// Writes the state tables of state as a Relais at `version` did: today's StateWriter writes
// them in a scratch database, and the rows are copied with the columns the tables had then
// (before livenessTableVersion last seen and battery in the device row; before
// purgedColumnVersion no purged_ms in the alarm rows; every other table unchanged since v1).
bool writeStateAt(QSqlDatabase &db, int version, const DispatchState &state, const DispatchState::Changes &changes)
{
    QTemporaryDir dir;
    SqlConnection scratch(QStringLiteral("fixture-scratch"));
    if (!scratch.open(dir.filePath(QStringLiteral("scratch.sqlite")))
        || !Migrations::migrate(scratch.database(), scratch.dialect()))
        return false;
    {
        StateWriter writer(scratch.database());
        if (!writer.prepare() || !writer.write(state, changes))
            return false;
    }
    for (const QString &table : StateWriter::tables()) {
        if (table == QLatin1String("device_liveness") && version < livenessTableVersion)
            continue;
        QStringList columns;
        const QSqlRecord target = db.record(table);
        for (int i = 0; i < target.count(); ++i)
            columns.append(target.fieldName(i));
        const QString source = table == QLatin1String("devices") && version < livenessTableVersion
                                   ? QStringLiteral("(SELECT d.*, l.last_seen_ms, l.battery_percent FROM devices d "
                                                    "JOIN device_liveness l ON l.device_id = d.id)")
                                   : table;
        QSqlQuery from(scratch.database());
        from.setForwardOnly(true);
        if (!from.exec(QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QLatin1Char(',')), source)))
            return false;
        QSqlQuery to(db);
        if (!to.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                            .arg(table, columns.join(QLatin1Char(',')),
                                 QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')))))
            return false;
        while (from.next()) {
            for (int i = 0; i < columns.size(); ++i)
                to.bindValue(i, from.value(i));
            if (!to.exec())
                return false;
        }
    }
    return true;
}

// What a Relais at `version` left in its database. Version 1 had no deduplication: a
// retransmitted heartbeat is journaled twice; from version 2 on it is journaled once and
// every message id has its claim. The state tables' columns and rows did not change from v1
// to v3 (v3 only made devices a rowid table); v4 moved last seen and battery out of the
// device rows; v6 added purged_ms to the alarm rows (writeStateAt).
bool writeFixture(QSqlDatabase &db, int version, qint64 *firstSeqOfRetransmitted)
{
    if (version == 0)
        return true; // an empty file
    Scenario s(version);
    QList<JournalEntry> entries = s.scripted();
    JournalEntry beat = s.heartbeat(QStringLiteral("d-100"), 42, retransmittedId);
    entries.append(beat);
    beat.time = beat.time.addSecs(5);
    beat.payload.insert(QStringLiteral("battery"), 41);
    entries.append(beat);

    DispatchState state;
    DispatchState::Changes changes;
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral("INSERT INTO journal (seq, time_ms, source, message_id, kind, actor, payload, "
                                       "raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")))
        return false;
    QSqlQuery claim(db);
    if (version >= 2
        && !claim.prepare(QStringLiteral("INSERT INTO journal_dedupe (source, message_id, seq) VALUES (?, ?, ?)")))
        return false;
    QSet<std::pair<QString, QString>> claimed;
    qint64 seq = 0;
    for (JournalEntry e : std::as_const(entries)) {
        if (version >= 2 && !e.messageId.isEmpty() && claimed.contains({e.source, e.messageId}))
            continue; // deduplicated
        e.seq = seq + 1;
        Result<DispatchState::Changes> r = state.apply(e);
        if (!r && JournalWriter::isDeviceMessage(e.kind)) {
            e = JournalWriter::rejectedEntry(e, r.error());
            r = state.apply(e);
        }
        if (!r)
            continue;
        changes.merge(r.value());
        ++seq;
        if (e.messageId == retransmittedId && *firstSeqOfRetransmitted == 0)
            *firstSeqOfRetransmitted = seq;
        const QList<QVariant> values{e.seq,
                                     SqlValues::time(e.time),
                                     e.source,
                                     SqlValues::text(e.messageId),
                                     e.kind,
                                     e.actor.toString(),
                                     SqlValues::json(e.payload),
                                     SqlValues::blob(e.raw)};
        for (int i = 0; i < values.size(); ++i)
            insert.bindValue(i, values.at(i));
        if (!insert.exec())
            return false;
        if (version >= 2 && !e.messageId.isEmpty()) {
            claimed.insert({e.source, e.messageId});
            claim.bindValue(0, e.source);
            claim.bindValue(1, e.messageId);
            claim.bindValue(2, e.seq);
            if (!claim.exec())
                return false;
        }
    }
    return writeStateAt(db, version, state, changes);
}

// The state tables as they must be once migrated from version: before livenessTableVersion,
// the device rows' last two columns (last seen, battery) move to device_liveness.
QMap<QString, QStringList> expectedAfterMigration(QMap<QString, QStringList> before, int version)
{
    if (version < purgedColumnVersion) { // not purged: NULL
        QStringList alarms;
        for (const QString &row : before.value(QStringLiteral("alarms")))
            alarms.append(row + QStringLiteral("|<null>"));
        before.insert(QStringLiteral("alarms"), alarms);
    }
    if (version >= livenessTableVersion)
        return before;
    QStringList devices;
    QStringList liveness;
    for (const QString &row : before.value(QStringLiteral("devices"))) {
        const QStringList cells = row.split(QLatin1Char('|'));
        devices.append(cells.mid(0, cells.size() - 2).join(QLatin1Char('|')));
        liveness.append(QStringList{cells.first(), cells.at(cells.size() - 2), cells.last()}.join(QLatin1Char('|')));
    }
    devices.sort();
    liveness.sort();
    before.insert(QStringLiteral("devices"), devices);
    before.insert(QStringLiteral("device_liveness"), liveness);
    return before;
}

QStringList tableNames(const QStringList &schema)
{
    QStringList names;
    for (const QString &line : schema) {
        if (line.startsWith(QLatin1String("table ")))
            names.append(line.section(QLatin1Char(' '), 1, 1).chopped(1));
    }
    return names;
}

} // namespace

class TestMigrations final : public QObject
{
    Q_OBJECT

private:
    QStringList m_latestSchema;

private slots:
    void initTestCase()
    {
        QTemporaryDir dir;
        SqlConnection c(QStringLiteral("reference"));
        QVERIFY(c.open(dir.filePath(QStringLiteral("relais.sqlite"))));
        QVERIFY(Migrations::migrate(c.database(), c.dialect()));
        m_latestSchema = TableDump::schema(c.database());
    }

    void stepsAreNumberedOneByOne()
    {
        const QList<Migrations::Step> &steps = Migrations::steps();
        QVERIFY(steps.size() >= 2);
        for (qsizetype i = 0; i < steps.size(); ++i)
            QCOMPARE(steps.at(i).version, int(i + 1));
        QCOMPARE(Migrations::latestVersion(), int(steps.size()));
    }

    void fromAnEmptyFile()
    {
        QStringList expected = StateWriter::tables();
        expected << QStringLiteral("journal") << QStringLiteral("journal_dedupe");
        expected.sort();
        QStringList actual = tableNames(m_latestSchema);
        actual.sort();
        QCOMPARE(actual, expected);
        QVERIFY(m_latestSchema.join(QLatin1Char('\n')).contains(QLatin1String("PRIMARY KEY (message_id, source)")));
    }

    void fromEachEarlierVersion_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 0; v < Migrations::latestVersion(); ++v)
            QTest::newRow(qPrintable(QStringLiteral("v%1").arg(v))) << v;
    }

    void fromEachEarlierVersion()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("relais.sqlite"));
        qint64 firstSeq = 0;
        QStringList journalBefore;
        QStringList claimsBefore;
        QMap<QString, QStringList> stateBefore;
        // The claims, whatever the order of their columns.
        const QString claims = QStringLiteral("(SELECT source, message_id, seq FROM journal_dedupe)");
        {
            SqlConnection c(QStringLiteral("old"));
            QVERIFY(c.open(path));
            QVERIFY(Migrations::migrate(c.database(), c.dialect(), version));
            QCOMPARE(c.dialect().schemaVersion(c.database()).value(), version);
            QVERIFY(c.database().transaction());
            QVERIFY(writeFixture(c.database(), version, &firstSeq));
            QVERIFY(c.database().commit());
            if (version >= 1) {
                journalBefore = TableDump::rows(c.database(), QStringLiteral("journal"));
                if (version >= 2)
                    claimsBefore = TableDump::rows(c.database(), claims);
                stateBefore = TableDump::stateTables(c.database());
                QVERIFY(journalBefore.size() > 40);
            }

            const Status migrated = Migrations::migrate(c.database(), c.dialect());
            QVERIFY2(migrated.ok(), qPrintable(migrated.errorString()));
            QCOMPARE(c.dialect().schemaVersion(c.database()).value(), Migrations::latestVersion());
            QCOMPARE(TableDump::schema(c.database()), m_latestSchema);
            if (version >= 2) {
                QVERIFY(claimsBefore.size() > 10);
                QCOMPARE(TableDump::rows(c.database(), claims), claimsBefore);
            }
            if (version >= 1) {
                QCOMPARE(TableDump::rows(c.database(), QStringLiteral("journal")), journalBefore);
                const QMap<QString, QStringList> stateAfter = TableDump::stateTables(c.database());
                const QMap<QString, QStringList> expected = expectedAfterMigration(stateBefore, version);
                QCOMPARE(stateAfter.keys(), expected.keys());
                for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
                    QVERIFY2(!it.value().isEmpty() || it.key() == QLatin1String("shifts"), qPrintable(it.key()));
                    QCOMPARE(stateAfter.value(it.key()), it.value());
                }
            }
            if (version >= 1 && version < livenessTableVersion) {
                // Every device kept its last seen and battery, in its liveness row.
                QCOMPARE(TableDump::scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM device_liveness")),
                         TableDump::scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM devices")));
                QVERIFY(TableDump::scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM device_liveness "
                                                                       "WHERE last_seen_ms IS NOT NULL"))
                        > 0);
            }
            if (version == 1) {
                // v2 backfilled the dedupe claims: one per (source, message id), the first wins.
                QCOMPARE(TableDump::scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM journal_dedupe")),
                         TableDump::scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM (SELECT DISTINCT "
                                                                        "source, message_id FROM journal WHERE "
                                                                        "message_id <> '') x")));
                QCOMPARE(TableDump::scalar(c.database(), QStringLiteral("SELECT seq FROM journal_dedupe WHERE "
                                                                        "message_id = '%1'")
                                                             .arg(retransmittedId)),
                         firstSeq);
            }
        }

        // The migrated database works: it opens, its state is the journal's, and a gateway
        // retransmitting a message journaled by the old version gets a duplicate.
        Store store;
        QVERIFY2(store.open(dir.path()), qPrintable(store.errorString()));
        {
            SqlConnection c(QStringLiteral("replay"));
            QVERIFY(c.open(path));
            const Result<QList<JournalEntry>> journal = JournalReader(c.database()).read(0, 1000000);
            QVERIFY(journal.ok());
            QCOMPARE(journal.value().size(), qsizetype(journalBefore.size()));
            QVERIFY2(store.snapshot() == Scenario::replay(journal.value()),
                     qPrintable(StateDiff::describe(store.snapshot(), Scenario::replay(journal.value()))));
        }
        QList<WriteResult> results;
        connect(&store, &Store::itemsProcessed, this, [&](const QList<WriteResult> &r) { results += r; });
        Scenario s(99);
        store.submit(1, {s.heartbeat(QStringLiteral("d-100"), 40, retransmittedId)});
        QTRY_COMPARE(results.size(), 1);
        if (version >= 1) {
            QCOMPARE(results.first().status, S::Duplicate);
            QCOMPARE(results.first().seq, firstSeq);
        } else {
            QCOMPARE(results.first().status, S::Stored);
        }
    }

    void aNewerDatabaseIsRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        SqlConnection c(QStringLiteral("future"));
        QVERIFY(c.open(dir.filePath(QStringLiteral("relais.sqlite"))));
        QVERIFY(c.dialect().setSchemaVersion(c.database(), Migrations::latestVersion() + 1));
        const Status s = Migrations::migrate(c.database(), c.dialect());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("schema_too_new"));
        QVERIFY2(s.errorString().contains(QLatin1String("newer Relais")), qPrintable(s.errorString()));
        QVERIFY(s.errorString().contains(QString::number(Migrations::latestVersion() + 1)));
        QVERIFY(s.errorString().contains(QString::number(Migrations::latestVersion())));
        QCOMPARE(c.dialect().schemaVersion(c.database()).value(), Migrations::latestVersion() + 1);
        QVERIFY(TableDump::schema(c.database()).isEmpty());
    }

    void aFailingStepRollsBackToThePreviousVersion()
    {
        QTemporaryDir dir;
        SqlConnection c(QStringLiteral("clash"));
        QVERIFY(c.open(dir.filePath(QStringLiteral("relais.sqlite"))));
        QVERIFY(Migrations::migrate(c.database(), c.dialect(), 1));
        qint64 firstSeq = 0;
        QVERIFY(writeFixture(c.database(), 1, &firstSeq));
        {
            QSqlQuery q(c.database()); // makes step 2's CREATE TABLE fail
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE journal_dedupe (x INTEGER)")));
        }
        const QStringList schemaBefore = TableDump::schema(c.database());
        const QStringList journalBefore = TableDump::rows(c.database(), QStringLiteral("journal"));
        const Status s = Migrations::migrate(c.database(), c.dialect());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("migration_failed"));
        QVERIFY2(s.errorString().contains(QLatin1String("version 2")), qPrintable(s.errorString()));
        QCOMPARE(c.dialect().schemaVersion(c.database()).value(), 1);
        QCOMPARE(TableDump::schema(c.database()), schemaBefore);
        QCOMPARE(TableDump::rows(c.database(), QStringLiteral("journal")), journalBefore);
    }

    void migratingTheLatestVersionChangesNothing()
    {
        QTemporaryDir dir;
        SqlConnection c(QStringLiteral("again"));
        QVERIFY(c.open(dir.filePath(QStringLiteral("relais.sqlite"))));
        QVERIFY(Migrations::migrate(c.database(), c.dialect()));
        QVERIFY(Migrations::migrate(c.database(), c.dialect()));
        QCOMPARE(TableDump::schema(c.database()), m_latestSchema);
        QCOMPARE(c.dialect().schemaVersion(c.database()).value(), Migrations::latestVersion());
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
