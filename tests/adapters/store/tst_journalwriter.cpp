// JournalWriter: dedupe, reducer refusals, device rejections, batching, commit-before-ack,
// rollback of a failed batch. The writer runs on the test thread here (tst_store runs it on
// its own thread); a second connection checks what is committed.

#include "journalreader.h"
#include "journalwriter.h"
#include "migrations.h"
#include "scenario.h"
#include "sqlconnection.h"
#include "sqlitenative.h"
#include "statediff.h"
#include "stateloader.h"
#include "statewriter.h"
#include "tabledump.h"
#include "writerfixture.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using relais::test::Scenario;
using relais::test::StateDiff;
using relais::test::TableDump;
using S = relais::WriteResult::Status;

namespace {

using Fixture = relais::test::WriterFixture;

QList<JournalEntry> journalOf(const QString &path)
{
    SqlConnection c(QStringLiteral("check"));
    if (!c.open(path))
        return {};
    Result<QList<JournalEntry>> all = JournalReader(c.database()).read(0, 1000000);
    return all ? all.value() : QList<JournalEntry>{};
}

qint64 countIn(const QString &path, const QString &sql)
{
    SqlConnection c(QStringLiteral("check"));
    return c.open(path) ? TableDump::scalar(c.database(), sql) : -1;
}

} // namespace

class TestJournalWriter final : public QObject
{
    Q_OBJECT

private slots:
    void storesEntriesWithSeqAndExactContent()
    {
        Fixture f;
        QVERIFY(f.open());
        Scenario s;
        const QList<JournalEntry> in{s.registerDevice(QStringLiteral("d1"), 48.1, 2.1),
                                     s.heartbeat(QStringLiteral("d1"), 77, QStringLiteral("m1")),
                                     s.action(EntryKind::AlarmManual, {{"kind", "fall"}, {"address", "1 rue Haute"}})};
        const QList<WriteResult> r = f.write(in, 7);
        QCOMPARE(r.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(r.at(i).status, S::Stored);
            QCOMPARE(r.at(i).ticket, quint64(7));
            QCOMPARE(r.at(i).index, i);
            QCOMPARE(r.at(i).seq, qint64(i + 1));
            QVERIFY(r.at(i).isDurable());
        }
        QCOMPARE(f.committedSignals, 1);
        QCOMPARE(f.committed.size(), 3);
        for (int i = 0; i < 3; ++i) {
            JournalEntry expected = in.at(i);
            expected.seq = i + 1;
            QCOMPARE(f.committed.at(i), expected);
            QCOMPARE(f.committed.at(i).time.timeSpec(), Qt::UTC);
        }
        // What another connection reads back is exactly what was committed.
        QCOMPARE(journalOf(f.path), f.committed);
        QCOMPARE(f.writer->committedTransactions(), quint64(1));
        QCOMPARE(f.writer->replica().lastSeq(), qint64(3));
        QCOMPARE(f.writer->replica().device(QStringLiteral("d1"))->batteryPercent, 77);
    }

    void timesAreStoredAsUtcMilliseconds()
    {
        Fixture f;
        QVERIFY(f.open());
        Scenario s;
        JournalEntry e = s.registerDevice(QStringLiteral("d1"), 48.1, 2.1);
        e.time = QDateTime(QDate(2026, 7, 14), QTime(23, 59, 59, 999), Qt::OffsetFromUTC, 2 * 3600);
        QCOMPARE(f.write({e}).first().status, S::Stored);
        QCOMPARE(f.committed.first().time.timeSpec(), Qt::UTC);
        QCOMPARE(f.committed.first().time.toMSecsSinceEpoch(), e.time.toMSecsSinceEpoch());
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT time_ms FROM journal")), e.time.toMSecsSinceEpoch());
    }

    void duplicateMessageIdIsNotJournaledTwice()
    {
        Fixture f;
        QVERIFY(f.open());
        Scenario s;
        const QString d1 = QStringLiteral("d1");
        QCOMPARE(f.write({s.registerDevice(d1, 48.1, 2.1)}).first().seq, qint64(1));
        QCOMPARE(f.write({s.heartbeat(d1, 50, QStringLiteral("m1"))}).first().seq, qint64(2));

        // A retransmission of m1 (even with other content), then m2 twice in one batch.
        const QList<WriteResult> r =
            f.write({s.heartbeat(d1, 10, QStringLiteral("m1")), s.heartbeat(d1, 60, QStringLiteral("m2")),
                     s.heartbeat(d1, 70, QStringLiteral("m2"))});
        QCOMPARE(r.at(0).status, S::Duplicate);
        QCOMPARE(r.at(0).seq, qint64(2));
        QVERIFY(r.at(0).isDurable()); // the sender gets its ack again
        QCOMPARE(r.at(1).status, S::Stored);
        QCOMPARE(r.at(1).seq, qint64(3));
        QCOMPARE(r.at(2).status, S::Duplicate);
        QCOMPARE(r.at(2).seq, qint64(3));
        QCOMPARE(f.committed.size(), 3);
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT COUNT(*) FROM journal")), qint64(3));
        // The duplicates changed nothing: the battery is the one of m2's first copy.
        QCOMPARE(f.writer->replica().device(d1)->batteryPercent, 60);
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT battery_percent FROM device_liveness")), qint64(60));

        // The same message id from another source is another message.
        JournalEntry other = s.heartbeat(d1, 80, QStringLiteral("m1"));
        other.source = QStringLiteral("gateway:other");
        const WriteResult o = f.write({other}).first();
        QCOMPARE(o.status, S::Stored);
        QCOMPARE(o.seq, qint64(4));
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT COUNT(*) FROM journal_dedupe")), qint64(3));
    }

    void rejectedDeviceMessageIsJournaledWithItsRawBytes()
    {
        Fixture f;
        QVERIFY(f.open());
        Scenario s;
        const QByteArray raw("\x00\x01garbage\xff", 10);
        const QJsonObject payload{{"device", "d7"}, {"alarm", "meteor"}};
        const JournalEntry in = s.deviceMessage(EntryKind::DeviceAlarm, payload, QStringLiteral("r1"), raw);
        const WriteResult r = f.write({in}).first();
        QCOMPARE(r.status, S::Rejected);
        QCOMPARE(r.seq, qint64(1));
        QCOMPARE(r.error.code, QStringLiteral("unknown_alarm_kind"));
        QVERIFY(r.error.message.contains(QLatin1String("meteor")));
        QVERIFY(r.isDurable()); // answered with a NAK, kept for audit

        const QList<JournalEntry> journal = journalOf(f.path);
        QCOMPARE(journal.size(), 1);
        const JournalEntry &j = journal.first();
        QCOMPARE(j.kind, QString(EntryKind::DeviceRejected));
        QCOMPARE(j.raw, raw);
        QCOMPARE(j.source, in.source);
        QCOMPARE(j.messageId, in.messageId);
        QCOMPARE(j.actor, in.actor);
        QCOMPARE(j.time, in.time);
        QCOMPARE(j.payload.value(QLatin1String("code")).toString(), QStringLiteral("unknown_alarm_kind"));
        QCOMPARE(j.payload.value(QLatin1String("reason")).toString(), r.error.message);
        QCOMPARE(j.payload.value(QLatin1String("original_kind")).toString(), QString(EntryKind::DeviceAlarm));
        QCOMPARE(j.payload.value(QLatin1String("original_payload")).toObject(), payload);
        QCOMPARE(f.committed, journal); // the GUI replica hears of it too, and applies it cleanly
        QVERIFY(f.writer->replica().alarms().isEmpty());

        // A retransmission gets the same answer: a duplicate carrying the original refusal.
        const WriteResult again = f.write({in}).first();
        QCOMPARE(again.status, S::Duplicate);
        QCOMPARE(again.seq, qint64(1));
        QCOMPARE(again.error.code, QStringLiteral("unknown_alarm_kind"));

        // Unknown device message kinds and messages without a time are kept too.
        JournalEntry bogus = s.deviceMessage(QLatin1StringView("device.bogus"), {{"device", "d7"}, {"alarm", "panic"}},
                                             QStringLiteral("r2"));
        JournalEntry timeless = s.heartbeat(QStringLiteral("d7"), 5, QStringLiteral("r3"));
        timeless.time = QDateTime();
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QList<WriteResult> more = f.write({bogus, timeless});
        QCOMPARE(more.at(0).status, S::Rejected);
        QCOMPARE(more.at(0).error.code, QStringLiteral("unknown_entry"));
        QCOMPARE(more.at(1).status, S::Rejected);
        QCOMPARE(more.at(1).error.code, QStringLiteral("missing_time"));
        const JournalEntry stamped = journalOf(f.path).last();
        QVERIFY(stamped.time.isValid());
        QVERIFY(stamped.time >= before.addMSecs(-1) && stamped.time <= QDateTime::currentDateTimeUtc());
    }

    void refusedActionIsNotJournaled()
    {
        Fixture f;
        QVERIFY(f.open());
        Scenario s;
        JournalEntry ack = s.action(EntryKind::AlarmAcknowledged, {{"alarm", 1}});
        ack.messageId = QStringLiteral("ui-1");
        const WriteResult r = f.write({ack}).first();
        QCOMPARE(r.status, S::Refused);
        QCOMPARE(r.seq, qint64(0));
        QCOMPARE(r.error.code, QStringLiteral("unknown_alarm"));
        QVERIFY(!r.isDurable());
        QCOMPARE(f.committedSignals, 0);
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT COUNT(*) FROM journal")), qint64(0));
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT COUNT(*) FROM journal_dedupe")), qint64(0));

        // The refused action did not claim its message id: once legal, it is stored.
        const QList<WriteResult> later =
            f.write({s.action(EntryKind::AlarmManual, {{"kind", "fall"}, {"address", "2 rue Basse"}}), ack});
        QCOMPARE(later.at(0).status, S::Stored);
        QCOMPARE(later.at(1).status, S::Stored);
        QCOMPARE(later.at(1).seq, qint64(2));

        // Registry actions are actions, not device messages: refused, not journaled.
        const JournalEntry reg = s.registerDevice(QStringLiteral("d1"), 48.0, 2.0);
        QCOMPARE(f.write({reg}).first().status, S::Stored);
        const WriteResult twice = f.write({reg}).first();
        QCOMPARE(twice.status, S::Refused);
        QCOMPARE(twice.error.code, QStringLiteral("duplicate_device"));
        JournalEntry timeless = s.action(EntryKind::ShiftStarted, {{"operator", "Claire"}});
        timeless.time = QDateTime();
        QCOMPARE(f.write({timeless}).first().error.code, QStringLiteral("missing_time"));
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT COUNT(*) FROM journal")), qint64(3));
    }

    void refusedEntryLeavesNoPartialEffect()
    {
        // The same batch with and without an entry refused half-way through its effects
        // (the mission accepts the offer, the off-duty helper cannot take it) must leave
        // identical journals and state tables.
        Scenario s;
        QList<JournalEntry> legal{
            s.registerDevice(QStringLiteral("d1"), 48.1, 2.1),
            s.deviceMessage(EntryKind::DeviceAlarm, {{"device", "d1"}, {"alarm", "panic"}}, QStringLiteral("a1")),
            s.action(EntryKind::AlarmAcknowledged, {{"alarm", 1}}),
            s.action(EntryKind::MissionCreated, {{"alarm", 1}, {"kind", "verification"}}),
            s.action(EntryKind::HelperRegistered, {{"helper", "h1"}, {"name", "Ana"}}),
        };
        const JournalEntry refused =
            s.action(EntryKind::MissionOffered, {{"mission", 1}, {"helper", "h1"}, {"distance_m", 120.0}});
        const JournalEntry after = s.heartbeat(QStringLiteral("d1"), 33, QStringLiteral("hb1"));

        Fixture with;
        QVERIFY(with.open());
        const QList<WriteResult> r = with.write(legal + QList<JournalEntry>{refused, after});
        QCOMPARE(r.at(5).status, S::Refused);
        QCOMPARE(r.at(6).status, S::Stored);
        QCOMPARE(r.at(6).seq, qint64(6)); // no gap in seq

        Fixture without;
        QVERIFY(without.open());
        const QList<WriteResult> r2 = without.write(legal + QList<JournalEntry>{after});
        QCOMPARE(r2.last().seq, qint64(6));

        QVERIFY2(with.writer->replica() == without.writer->replica(),
                 qPrintable(StateDiff::describe(with.writer->replica(), without.writer->replica())));
        QCOMPARE(with.writer->replica().mission(1)->offers().size(), 0);
        SqlConnection a(QStringLiteral("a"));
        SqlConnection b(QStringLiteral("b"));
        QVERIFY(a.open(with.path));
        QVERIFY(b.open(without.path));
        QCOMPARE(TableDump::rows(a.database(), QStringLiteral("journal")),
                 TableDump::rows(b.database(), QStringLiteral("journal")));
        const auto dumpA = TableDump::stateTables(a.database());
        const auto dumpB = TableDump::stateTables(b.database());
        for (auto it = dumpA.cbegin(); it != dumpA.cend(); ++it)
            QCOMPARE(it.value(), dumpB.value(it.key()));
        QCOMPARE(dumpA.value(QStringLiteral("missions")).size(), 1);
    }

    void batchesManyItemsIntoFewTransactions()
    {
        Fixture f;
        QVERIFY(f.open());
        f.writer->setMaxBatchSize(1000);
        Scenario s;
        QCOMPARE(f.write({s.registerDevice(QStringLiteral("d1"), 48.0, 2.0)}).first().status, S::Stored);
        const quint64 before = f.writer->committedTransactions();
        for (int t = 0; t < 100; ++t) {
            QList<JournalEntry> chunk;
            for (int i = 0; i < 100; ++i)
                chunk.append(s.heartbeat(QStringLiteral("d1"), i, QStringLiteral("hb-%1-%2").arg(t).arg(i)));
            f.writer->submit(quint64(t), chunk);
        }
        QCOMPARE(f.writer->pendingItems(), qsizetype(10000));
        f.writer->drainAll();
        QCOMPARE(f.writer->committedTransactions() - before, quint64(10)); // 10,000 items, batches of 1,000
        QCOMPARE(f.results.size(), 10001);
        QVERIFY(std::all_of(f.results.cbegin(), f.results.cend(),
                            [](const WriteResult &r) { return r.status == S::Stored; }));
        QCOMPARE(f.results.last().seq, qint64(10001));
        QCOMPARE(f.results.last().ticket, quint64(99));
        QCOMPARE(f.results.last().index, 99);
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT COUNT(*) FROM journal")), qint64(10001));

        // Through the event loop, with the default batch size: what is queued before the
        // writer runs goes in ceil(n / 5000) transactions.
        f.writer->setMaxBatchSize(JournalWriter::defaultMaxBatchSize);
        const quint64 mid = f.writer->committedTransactions();
        for (int t = 0; t < 12; ++t) {
            QList<JournalEntry> chunk;
            for (int i = 0; i < 1000; ++i)
                chunk.append(s.heartbeat(QStringLiteral("d1"), i % 100, QStringLiteral("q-%1-%2").arg(t).arg(i)));
            f.writer->submit(quint64(1000 + t), chunk);
        }
        QTRY_COMPARE_WITH_TIMEOUT(f.results.size(), 10001 + 12000, 30000);
        QCOMPARE(f.writer->committedTransactions() - mid, quint64(3));
    }

    void resultsAreReportedOnlyAfterCommit()
    {
        Fixture f;
        QVERIFY(f.open());
        // Another connection sees only committed rows (WAL): every result and every
        // committed entry must already be visible there when it is signalled.
        SqlConnection probe(QStringLiteral("probe"));
        QVERIFY(probe.open(f.path));
        QSqlQuery visible(probe.database());
        QVERIFY(visible.prepare(QStringLiteral("SELECT COUNT(*) FROM journal WHERE seq = ?")));
        int checked = 0;
        QStringList violations;
        auto check = [&](qint64 seq) {
            visible.bindValue(0, seq);
            if (!visible.exec() || !visible.next() || visible.value(0).toInt() != 1)
                violations.append(QString::number(seq));
            visible.finish();
            ++checked;
        };
        connect(f.writer.get(), &JournalWriter::itemsProcessed, this, [&](const QList<WriteResult> &results) {
            for (const WriteResult &r : results) {
                if (r.status == S::Stored || r.status == S::Rejected)
                    check(r.seq);
            }
        });
        connect(f.writer.get(), &JournalWriter::committed, this, [&](const QList<JournalEntry> &entries) {
            for (const JournalEntry &e : entries)
                check(e.seq);
        });
        Scenario s(3);
        const QList<JournalEntry> walk = s.randomWalk(600);
        for (qsizetype i = 0; i < walk.size(); i += 50)
            f.writer->submit(quint64(i), walk.mid(i, 50));
        QTRY_COMPARE_WITH_TIMEOUT(f.results.size(), walk.size(), 30000);
        QVERIFY2(violations.isEmpty(), qPrintable(violations.mid(0, 10).join(QLatin1Char(' '))));
        QVERIFY(checked > 400);
    }

    void failedBatchIsRolledBackAndNotAcknowledged()
    {
        Fixture f;
        {
            SqlConnection c(QStringLiteral("trigger"));
            QVERIFY(c.open(f.path));
            QSqlQuery q(c.database());
            QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER poison BEFORE INSERT ON journal "
                                          "WHEN NEW.payload LIKE '%poison%' "
                                          "BEGIN SELECT RAISE(ABORT, 'poisoned entry'); END")));
        }
        QVERIFY(f.open());
        Scenario s;
        const JournalEntry reg = s.registerDevice(QStringLiteral("d1"), 48.1, 2.1);
        const QList<WriteResult> r =
            f.write({reg, s.heartbeat(QStringLiteral("d1"), 40, QStringLiteral("m1")),
                     s.deviceMessage(EntryKind::DeviceHeartbeat, {{"device", "d1"}, {"note", "poison"}},
                                     QStringLiteral("m2"))});
        QCOMPARE(r.size(), 3);
        for (const WriteResult &x : r) {
            QCOMPARE(x.status, S::Failed);
            QVERIFY(!x.isDurable());
            QVERIFY2(x.error.message.contains(QLatin1String("poisoned entry")), qPrintable(x.error.message));
        }
        QCOMPARE(f.committedSignals, 0);
        QCOMPARE(f.failures.size(), 1);
        QCOMPARE(f.writer->committedTransactions(), quint64(0));
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT COUNT(*) FROM journal")), qint64(0));
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT COUNT(*) FROM journal_dedupe")), qint64(0));
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT COUNT(*) FROM devices")), qint64(0));
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT COUNT(*) FROM device_liveness")), qint64(0));

        // The replica was reloaded: d1 is not registered there, seq starts again at 1,
        // and m1 was not claimed.
        QVERIFY(f.writer->replica().devices().isEmpty());
        const QList<WriteResult> retry = f.write({reg, s.heartbeat(QStringLiteral("d1"), 41, QStringLiteral("m1"))});
        QCOMPARE(retry.at(0).status, S::Stored);
        QCOMPARE(retry.at(0).seq, qint64(1));
        QCOMPARE(retry.at(1).status, S::Stored);
        QCOMPARE(retry.at(1).seq, qint64(2));
    }

    void aRolledBackBatchLeavesNoStaleDeviceRows()
    {
        // Device messages only rewrite what changed since the rows were last written; after
        // a rollback the rows are back to the committed state and must be written again.
        // Here the batch fails after the device row was written (on the alarm's row).
        Fixture f;
        {
            SqlConnection c(QStringLiteral("trigger"));
            QVERIFY(c.open(f.path));
            QSqlQuery q(c.database());
            QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER poison BEFORE INSERT ON alarms WHEN NEW.kind = 'smoke' "
                                          "BEGIN SELECT RAISE(ABORT, 'poisoned alarm'); END")));
        }
        QVERIFY(f.open());
        Scenario s;
        QCOMPARE(f.write({s.registerDevice(QStringLiteral("d1"), 48.1, 2.1)}).first().status, S::Stored);
        const JournalEntry beat = s.heartbeat(QStringLiteral("d1"), 10, QStringLiteral("m1"));
        const QList<WriteResult> failed =
            f.write({beat, s.deviceMessage(EntryKind::DeviceAlarm, {{"device", "d2"}, {"alarm", "smoke"}},
                                           QStringLiteral("m2"))});
        QCOMPARE(failed.first().status, S::Failed);
        QVERIFY(failed.first().error.message.contains(QLatin1String("poisoned alarm")));
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT battery_percent FROM device_liveness")), qint64(-1));

        // The sender was not acknowledged: it sends the very same message again.
        QCOMPARE(f.write({beat}).first().status, S::Stored);
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT battery_percent FROM device_liveness")), qint64(10));
        QCOMPARE(countIn(f.path, QStringLiteral("SELECT last_seen_ms FROM device_liveness")),
                 beat.time.toMSecsSinceEpoch());
    }

    void portableAndSqlitePathsWriteTheSameRows_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("steps");
        QTest::newRow("scripted") << 0u << 0;
        for (quint32 seed : {21u, 22u})
            QTest::newRow(qPrintable(QStringLiteral("walk %1").arg(seed))) << seed << 3000;
    }

    void portableAndSqlitePathsWriteTheSameRows()
    {
        // The C API statements (SqliteNative) and the portable QSqlQuery ones are two ways
        // of writing the same rows: same results, journal, claims and state tables.
        QFETCH(quint32, seed);
        QFETCH(int, steps);
        Scenario s(seed);
        QList<JournalEntry> entries = steps ? s.randomWalk(steps) : s.scripted();
        entries += entries.mid(entries.size() / 3, 200); // retransmissions, refusals again
        Fixture portable;
        SqliteNative::setEnabled(false);
        const bool portableOpened = portable.open();
        SqliteNative::setEnabled(true);
        QVERIFY(portableOpened);
        Fixture native;
        QVERIFY(native.open());
        QVERIFY(SqliteNative::driverSharesLibrary()); // or the fast path is never taken here
        QVERIFY(native.writer->usesSqliteApi());
        QVERIFY(!portable.writer->usesSqliteApi());
        for (Fixture *f : {&portable, &native}) {
            f->writer->setMaxBatchSize(97);
            for (qsizetype i = 0; i < entries.size(); i += 41)
                f->writer->submit(quint64(i), entries.mid(i, 41));
            f->writer->drainAll();
        }
        QCOMPARE(native.results.size(), entries.size());
        QCOMPARE(portable.results.size(), entries.size());
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const WriteResult &a = portable.results.at(i);
            const WriteResult &b = native.results.at(i);
            QCOMPARE(b.ticket, a.ticket);
            QCOMPARE(b.index, a.index);
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.seq, a.seq);
            QCOMPARE(b.error.code, a.error.code);
        }
        QVERIFY(std::count_if(native.results.cbegin(), native.results.cend(),
                              [](const WriteResult &r) { return r.status == S::Duplicate; })
                > 0);
        QCOMPARE(native.committed, portable.committed);
        QVERIFY2(native.writer->replica() == portable.writer->replica(),
                 qPrintable(StateDiff::describe(native.writer->replica(), portable.writer->replica())));
        SqlConnection a(QStringLiteral("a"));
        SqlConnection b(QStringLiteral("b"));
        QVERIFY(a.open(portable.path));
        QVERIFY(b.open(native.path));
        QStringList tables = StateWriter::tables();
        tables << QStringLiteral("journal") << QStringLiteral("journal_dedupe");
        for (const QString &table : std::as_const(tables)) {
            const QStringList rows = TableDump::rows(b.database(), table);
            QCOMPARE(rows, TableDump::rows(a.database(), table));
        }
        QVERIFY(!TableDump::rows(b.database(), QStringLiteral("devices")).isEmpty());
    }

    void messageIdsClaimedTogetherAsOneByOne()
    {
        // The SQLite path claims the message ids of up to 64 entries at once, each for the seq
        // it gets if every entry before it is stored. Entries that are refused, duplicated
        // (earlier, or within the same group) or rejected must leave the very rows and results
        // that claiming one by one (the portable path) leaves.
        Scenario s;
        QList<JournalEntry> first{s.registerDevice(QStringLiteral("d1"), 48.1, 2.1)};
        for (int i = 0; i < 10; ++i)
            first.append(s.heartbeat(QStringLiteral("d1"), 50 + i, QStringLiteral("old-%1").arg(i)));
        QList<JournalEntry> second;
        JournalEntry refused = s.action(EntryKind::AlarmAcknowledged, {{"alarm", 99}});
        refused.messageId = QStringLiteral("ui-1");
        // In groups of 64: [0, 64) claimed together, its entries moved down after each refusal;
        // [64, 128) and [128, 192) claimed one by one (an id claimed before); [192, 256) claimed
        // together again; [256, 300) with 32 + 8 + 4 ids per statement.
        for (int i = 0; i < 300; ++i) {
            const QString id = QStringLiteral("m-%1").arg(i);
            switch (i) {
            case 5:   // refused with a message id: the next claims of its group move down one seq
            case 200: // the same id again, after the first gave its claim back
                second.append(refused);
                break;
            case 9: // refused without a message id
                second.append(s.action(EntryKind::AlarmAcknowledged, {{"alarm", 98}}));
                break;
            case 12: // journaled as device.rejected: it keeps its claim and seq
                second.append(s.deviceMessage(EntryKind::DeviceHeartbeat, {{"device", "d1"}, {"battery", 150}}, id));
                break;
            case 20: // no message id
                second.append(s.action(EntryKind::ShiftStarted, {{"operator", "Claire"}}));
                break;
            case 70: // a retransmission of an id journaled by an earlier batch
                second.append(s.heartbeat(QStringLiteral("d1"), 10, QStringLiteral("old-3")));
                break;
            case 140: // twice in the same group
                second.append(s.heartbeat(QStringLiteral("d1"), 11, QStringLiteral("m-%1").arg(i - 1)));
                break;
            default:
                second.append(s.heartbeat(QStringLiteral("d1"), 20 + i % 80, id));
            }
        }
        Fixture portable;
        SqliteNative::setEnabled(false);
        const bool portableOpened = portable.open();
        SqliteNative::setEnabled(true);
        QVERIFY(portableOpened);
        Fixture native;
        QVERIFY(native.open());
        QVERIFY(native.writer->usesSqliteApi());
        for (Fixture *f : {&portable, &native}) {
            f->write(first, 1);
            f->write(second, 2);
        }
        QCOMPARE(native.results.size(), first.size() + second.size());
        for (qsizetype i = 0; i < native.results.size(); ++i) {
            const WriteResult &a = portable.results.at(i);
            const WriteResult &b = native.results.at(i);
            QCOMPARE(b.index, a.index);
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.seq, a.seq);
            QCOMPARE(b.error.code, a.error.code);
        }
        const QList<WriteResult> r = native.of(2);
        QCOMPARE(r.at(5).status, S::Refused);
        QCOMPARE(r.at(6).seq, r.at(4).seq + 1);
        QCOMPARE(r.at(9).status, S::Refused);
        QCOMPARE(r.at(12).status, S::Rejected);
        QCOMPARE(r.at(20).status, S::Stored);
        QCOMPARE(r.at(63).seq, r.at(0).seq + 61);
        QCOMPARE(r.at(70).status, S::Duplicate);
        QCOMPARE(r.at(140).status, S::Duplicate);
        QCOMPARE(r.at(140).seq, r.at(139).seq);
        QCOMPARE(r.at(200).status, S::Refused);
        QCOMPARE(r.at(201).seq, r.at(199).seq + 1);
        QCOMPARE(r.at(299).status, S::Stored);
        QCOMPARE(native.tables(), portable.tables());
        // Every claim points at the entry that carried its message id.
        QCOMPARE(countIn(native.path, QStringLiteral("SELECT COUNT(*) FROM journal_dedupe d LEFT JOIN journal j "
                                                     "ON j.seq = d.seq WHERE j.source IS NOT d.source "
                                                     "OR j.message_id IS NOT d.message_id")),
                 qint64(0));
        QCOMPARE(countIn(native.path, QStringLiteral("SELECT COUNT(*) FROM journal_dedupe")),
                 countIn(native.path, QStringLiteral("SELECT COUNT(*) FROM journal WHERE message_id <> ''")));
    }

    void deviceMessagesAreToldApartFromRegistryActions()
    {
        QVERIFY(JournalWriter::isDeviceMessage(EntryKind::DeviceAlarm));
        QVERIFY(JournalWriter::isDeviceMessage(EntryKind::DeviceHeartbeat));
        QVERIFY(JournalWriter::isDeviceMessage(EntryKind::DeviceRestore));
        QVERIFY(JournalWriter::isDeviceMessage(QStringLiteral("device.something_new")));
        QVERIFY(!JournalWriter::isDeviceMessage(EntryKind::DeviceRegistered));
        QVERIFY(!JournalWriter::isDeviceMessage(EntryKind::DeviceUpdated));
        QVERIFY(!JournalWriter::isDeviceMessage(EntryKind::DeviceRemoved));
        QVERIFY(!JournalWriter::isDeviceMessage(EntryKind::AlarmAcknowledged));
    }
};

QTEST_GUILESS_MAIN(TestJournalWriter)
#include "tst_journalwriter.moc"
