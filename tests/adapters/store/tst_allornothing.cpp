// All-or-nothing submissions (imports): stored together in one transaction, or not at all
// with every entry reported Refused; the replica and the tables are then exactly as before,
// and the other submissions of the same batches are unaffected. The writer runs on the test
// thread (JournalWriter), then through Store and StoreActionSink.

#include "journalreader.h"
#include "journalwriter.h"
#include "migrations.h"
#include "scenario.h"
#include "sqlconnection.h"
#include "statediff.h"
#include "store.h"
#include "storeactionsink.h"
#include "tabledump.h"
#include "writerfixture.h"

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

QList<JournalEntry> registrations(Scenario &s, int count, const QString &prefix)
{
    QList<JournalEntry> out;
    for (int i = 0; i < count; ++i)
        out.append(s.registerDevice(QStringLiteral("%1%2").arg(prefix).arg(i), 48.0 + i * 1e-3, 2.0));
    return out;
}

// A desk with some history: devices, an alarm, a helper, heartbeats.
QList<JournalEntry> history(Scenario &s)
{
    QList<JournalEntry> out = registrations(s, 5, QStringLiteral("old-"));
    out.append(
        s.deviceMessage(EntryKind::DeviceAlarm, {{"device", "old-1"}, {"alarm", "panic"}}, QStringLiteral("a1")));
    out.append(s.action(EntryKind::HelperRegistered, {{"helper", "h1"}, {"name", "Ana"}}));
    for (int i = 0; i < 5; ++i)
        out.append(s.heartbeat(QStringLiteral("old-%1").arg(i), 50 + i, QStringLiteral("hb-old-%1").arg(i)));
    return out;
}

void checkGroupRefused(const QList<WriteResult> &r, qsizetype size, const QSet<int> &refused, int firstRefused,
                       const QString &code)
{
    QCOMPARE(r.size(), size);
    for (int i = 0; i < size; ++i) {
        QCOMPARE(r.at(i).index, i);
        QCOMPARE(r.at(i).status, S::Refused);
        QCOMPARE(r.at(i).seq, qint64(0));
        QVERIFY(!r.at(i).isDurable());
        if (refused.contains(i)) {
            QCOMPARE(r.at(i).error.code, code);
        } else {
            QCOMPARE(r.at(i).error.code, QStringLiteral("group_refused"));
            // Says which entry was refused (1-based) and why.
            const QString &why = r.at(i).error.message;
            QVERIFY2(why.contains(QString::number(firstRefused + 1)), qPrintable(why));
            QVERIFY2(why.contains(r.at(firstRefused).error.message), qPrintable(why));
        }
    }
}

} // namespace

class TestAllOrNothing final : public QObject
{
    Q_OBJECT

private slots:
    void aRefusedEntryStoresNothingAndEveryEntryIsAnswered()
    {
        Fixture f;
        QVERIFY(f.open());
        Scenario s;
        const QList<WriteResult> stored = f.write(history(s));
        QVERIFY(
            std::all_of(stored.cbegin(), stored.cend(), [](const WriteResult &r) { return r.status == S::Stored; }));
        const DispatchState replicaBefore = f.writer->replica();
        const QMap<QString, QStringList> tablesBefore = f.tables();
        const int committedBefore = f.committedSignals;

        // An import of 40 devices where the 31st registers the 7th again.
        QList<JournalEntry> import = registrations(s, 40, QStringLiteral("new-"));
        import[30] = s.registerDevice(QStringLiteral("new-6"), 47.0, 1.0);
        const QList<WriteResult> r = f.write(import, 9, true);
        checkGroupRefused(r, 40, {30}, 30, QStringLiteral("duplicate_device"));
        QCOMPARE(r.at(30).ticket, quint64(9));

        // Nothing of it anywhere: replica, tables, journal, signals.
        QVERIFY2(f.writer->replica() == replicaBefore,
                 qPrintable(StateDiff::describe(f.writer->replica(), replicaBefore)));
        const QMap<QString, QStringList> tablesAfter = f.tables();
        for (auto it = tablesBefore.cbegin(); it != tablesBefore.cend(); ++it)
            QCOMPARE(tablesAfter.value(it.key()), it.value());
        QCOMPARE(f.committedSignals, committedBefore);

        // The writer goes on from the same seq.
        const WriteResult next = f.write({s.heartbeat(QStringLiteral("old-2"), 20, QStringLiteral("hb-next"))}).first();
        QCOMPARE(next.status, S::Stored);
        QCOMPARE(next.seq, replicaBefore.lastSeq() + 1);
    }

    void everyEntryTheReducerRefusesSaysWhy()
    {
        Fixture f;
        QVERIFY(f.open());
        Scenario s;
        QList<JournalEntry> import = registrations(s, 10, QStringLiteral("d"));
        import[3] = s.action(EntryKind::DeviceRegistered, {{"device", "d3"}, { "interval_s", -5 }});
        import[8] = s.action(EntryKind::DeviceRegistered, {{ "device", "d1" }}); // d1 registered at index 1
        const QList<WriteResult> r = f.write(import, 1, true);
        QCOMPARE(r.size(), 10);
        QCOMPARE(r.at(3).error.code, QStringLiteral("bad_value"));
        QCOMPARE(r.at(8).error.code, QStringLiteral("duplicate_device"));
        for (int i : {0, 1, 2, 4, 5, 6, 7, 9}) {
            QCOMPARE(r.at(i).status, S::Refused);
            QCOMPARE(r.at(i).error.code, QStringLiteral("group_refused"));
            QVERIFY2(r.at(i).error.message.contains(QLatin1String("4")), qPrintable(r.at(i).error.message));
        }
        QVERIFY(f.writer->replica().devices().isEmpty());
        QCOMPARE(f.tables().value(QStringLiteral("journal")), QStringList());
        QCOMPARE(f.tables().value(QStringLiteral("devices")), QStringList());
    }

    void aValidImportIsStoredWholeInOneTransaction()
    {
        Fixture f;
        QVERIFY(f.open());
        f.writer->setMaxBatchSize(16); // smaller than the import: it is not split all the same
        Scenario s;
        QVERIFY(f.write(history(s)).constLast().status == S::Stored);
        const qint64 lastSeq = f.writer->replica().lastSeq();
        const quint64 transactions = f.writer->committedTransactions();
        const int signalsBefore = f.committedSignals;
        const qsizetype committedBefore = f.committed.size();

        const QList<JournalEntry> import = registrations(s, 40, QStringLiteral("new-"));
        const QList<WriteResult> r = f.write(import, 5, true);
        QCOMPARE(r.size(), 40);
        for (int i = 0; i < 40; ++i) {
            QCOMPARE(r.at(i).status, S::Stored);
            QCOMPARE(r.at(i).index, i);
            QCOMPARE(r.at(i).seq, lastSeq + 1 + i);
        }
        QCOMPARE(f.writer->committedTransactions(), transactions + 1);
        QCOMPARE(f.committedSignals, signalsBefore + 1);
        QCOMPARE(f.committed.size(), committedBefore + 40);
        QCOMPARE(f.writer->replica().devices().size(), 45);
        QCOMPARE(f.tables().value(QStringLiteral("devices")).size(), 45);
    }

    void otherSubmissionsOfTheBatchAreUnaffected()
    {
        // The same submissions with and without a refused import between them (one batch):
        // identical journals, claims, state tables and replicas.
        Scenario s;
        const QList<JournalEntry> before = history(s);
        QList<JournalEntry> a;
        for (int i = 0; i < 30; ++i)
            a.append(s.heartbeat(QStringLiteral("old-%1").arg(i % 5), i, QStringLiteral("hb-a-%1").arg(i)));
        a.append(s.action(EntryKind::AlarmAcknowledged, {{"alarm", 1}}));
        QList<JournalEntry> import = registrations(s, 20, QStringLiteral("new-"));
        import.append(s.heartbeat(QStringLiteral("old-1"), 77, QStringLiteral("hb-import"))); // claims an id
        import.append(s.registerDevice(QStringLiteral("old-3"), 47.0, 1.0));                  // refused
        QList<JournalEntry> c{s.registerDevice(QStringLiteral("c-1"), 48.0, 2.0),
                              s.heartbeat(QStringLiteral("c-1"), 12, QStringLiteral("hb-c"))};
        for (int i = 0; i < 30; ++i)
            c.append(s.heartbeat(QStringLiteral("old-%1").arg(i % 5), 60 + i, QStringLiteral("hb-c-%1").arg(i)));

        Fixture with;
        Fixture without;
        QVERIFY(with.open());
        QVERIFY(without.open());
        with.write(before, 1);
        without.write(before, 1);
        // Queued together: one batch holds a, the import and c.
        with.writer->submit(2, a);
        with.writer->submit(3, import, true);
        with.writer->submit(4, c);
        const quint64 transactions = with.writer->committedTransactions();
        with.writer->drainAll();
        QCOMPARE(with.writer->committedTransactions(), transactions + 1);
        without.writer->submit(2, a);
        without.writer->submit(4, c);
        without.writer->drainAll();

        checkGroupRefused(with.of(3), import.size(), {int(import.size()) - 1}, int(import.size()) - 1,
                          QStringLiteral("duplicate_device"));
        for (quint64 ticket : {2, 4}) {
            const QList<WriteResult> x = with.of(ticket);
            const QList<WriteResult> y = without.of(ticket);
            QCOMPARE(x.size(), y.size());
            for (qsizetype i = 0; i < x.size(); ++i) {
                QCOMPARE(x.at(i).status, y.at(i).status);
                QCOMPARE(x.at(i).seq, y.at(i).seq);
                QVERIFY(x.at(i).status == S::Stored);
            }
        }
        QVERIFY2(with.writer->replica() == without.writer->replica(),
                 qPrintable(StateDiff::describe(with.writer->replica(), without.writer->replica())));
        const QMap<QString, QStringList> x = with.tables();
        const QMap<QString, QStringList> y = without.tables();
        QCOMPARE(x.keys(), y.keys());
        for (auto it = x.cbegin(); it != x.cend(); ++it)
            QCOMPARE(it.value(), y.value(it.key()));
        QCOMPARE(with.committed, without.committed);

        // The import's message id was not kept: once the import is valid, it is stored.
        import.removeLast();
        const QList<WriteResult> again = with.write(import, 5, true);
        QVERIFY(std::all_of(again.cbegin(), again.cend(), [](const WriteResult &r) { return r.status == S::Stored; }));
    }

    void aDeviceMessageIsJudgedLikeAnAction()
    {
        Fixture f;
        QVERIFY(f.open());
        Scenario s;
        f.write(registrations(s, 2, QStringLiteral("d")));
        const QMap<QString, QStringList> tablesBefore = f.tables();
        const QList<JournalEntry> group{
            s.heartbeat(QStringLiteral("d0"), 40, QStringLiteral("g1")),
            s.deviceMessage(EntryKind::DeviceAlarm, {{"device", "d1"}, {"alarm", "meteor"}}, QStringLiteral("g2")),
        };
        const QList<WriteResult> r = f.write(group, 1, true);
        checkGroupRefused(r, 2, {1}, 1, QStringLiteral("unknown_alarm_kind"));
        QCOMPARE(f.tables(), tablesBefore); // no device.rejected row, no claim
        // Each on its own, the same messages are a heartbeat and a rejected message.
        const QList<WriteResult> alone = f.write(group);
        QCOMPARE(alone.at(0).status, S::Stored);
        QCOMPARE(alone.at(1).status, S::Rejected);
    }

    void duplicatesOfAnEarlierImportAreDuplicates()
    {
        // A retransmitted import whose entries carry message ids gets the same answer.
        Fixture f;
        QVERIFY(f.open());
        Scenario s;
        QList<JournalEntry> import = registrations(s, 3, QStringLiteral("d"));
        for (int i = 0; i < 3; ++i)
            import[i].messageId = QStringLiteral("imp-%1").arg(i);
        const QList<WriteResult> first = f.write(import, 1, true);
        QVERIFY(std::all_of(first.cbegin(), first.cend(), [](const WriteResult &r) { return r.status == S::Stored; }));
        const QList<WriteResult> again = f.write(import, 2, true);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(again.at(i).status, S::Duplicate);
            QCOMPARE(again.at(i).seq, first.at(i).seq);
        }
    }

    void throughTheStoreAndTheActionSink()
    {
        QTemporaryDir home;
        Scenario s;
        DispatchState snapshotBefore;
        {
            Store store;
            QVERIFY(store.open(home.path()));
            StoreActionSink sink(&store);
            QList<QList<Status>> answers;
            sink.submit(history(s), ActionSink::Mode::EachOnItsOwn, [&](const QList<Status> &r) { answers.append(r); });
            QTRY_COMPARE(answers.size(), 1);
            QVERIFY(
                std::all_of(answers.first().cbegin(), answers.first().cend(), [](const Status &x) { return x.ok(); }));
            QVERIFY(store.rebuildFromJournal()); // snapshot() = the state so far
            snapshotBefore = store.snapshot();

            QList<JournalEntry> bad = registrations(s, 12, QStringLiteral("n"));
            bad[11] = s.registerDevice(QStringLiteral("old-0"), 1.0, 1.0);
            QList<Status> refused;
            QList<Status> single;
            sink.submit(bad, ActionSink::Mode::AllOrNothing, [&](const QList<Status> &r) { refused = r; });
            sink.submit({s.heartbeat(QStringLiteral("old-0"), 33, QStringLiteral("hb-sink"))},
                        ActionSink::Mode::EachOnItsOwn, [&](const QList<Status> &r) { single = r; });
            QTRY_COMPARE(refused.size(), 12);
            QTRY_COMPARE(single.size(), 1);
            QVERIFY(single.first().ok());
            for (int i = 0; i < 11; ++i)
                QCOMPARE(refused.at(i).error().code, QStringLiteral("group_refused"));
            QCOMPARE(refused.at(11).error().code, QStringLiteral("duplicate_device"));

            QList<Status> good;
            sink.submit(registrations(s, 12, QStringLiteral("n")), ActionSink::Mode::AllOrNothing,
                        [&](const QList<Status> &r) { good = r; });
            QTRY_COMPARE(good.size(), 12);
            QVERIFY(std::all_of(good.cbegin(), good.cend(), [](const Status &x) { return x.ok(); }));
        }
        // Reopened: the journal is the history, the heartbeat and the good import only.
        Store store;
        QVERIFY(store.open(home.path()));
        SqlConnection c(QStringLiteral("check"));
        QVERIFY(c.open(store.databasePath()));
        const Result<QList<JournalEntry>> journal = JournalReader(c.database()).read(0, 100000);
        QVERIFY(journal.ok());
        QCOMPARE(journal.value().size(), history(s).size() + 1 + 12);
        QCOMPARE(store.snapshot().devices().size(), snapshotBefore.devices().size() + 12);
        QVERIFY2(store.snapshot() == Scenario::replay(journal.value()),
                 qPrintable(StateDiff::describe(store.snapshot(), Scenario::replay(journal.value()))));
    }
};

QTEST_GUILESS_MAIN(TestAllOrNothing)
#include "tst_allornothing.moc"
