// Store, the facade: open/close of a data folder, the threaded writer, snapshot loading,
// rebuilding the state tables from the journal, refusals at open.

#include "journalreader.h"
#include "livestate.h"
#include "migrations.h"
#include "scenario.h"
#include "sqlconnection.h"
#include "statediff.h"
#include "statewriter.h"
#include "store.h"
#include "tabledump.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace relais;
using relais::test::Scenario;
using relais::test::StateDiff;
using relais::test::TableDump;
using S = relais::WriteResult::Status;

namespace {

// Collects what a Store reports, on the thread the results arrive on.
class Results final
{
public:
    explicit Results(Store &store)
    {
        QObject::connect(&store, &Store::itemsProcessed, &store, [this](const QList<WriteResult> &r) {
            items += r;
            threads.insert(QThread::currentThread());
        });
        QObject::connect(&store, &Store::committed, &store, [this](const QList<JournalEntry> &e) { committed += e; });
    }

    QList<WriteResult> items;
    QList<JournalEntry> committed;
    QSet<QThread *> threads;
};

QList<JournalEntry> journalOf(const QString &path)
{
    SqlConnection c(QStringLiteral("check"));
    if (!c.open(path))
        return {};
    Result<QList<JournalEntry>> all = JournalReader(c.database()).read(0, 10000000);
    return all ? all.value() : QList<JournalEntry>{};
}

// Submits entries in tickets of chunk entries and waits for every result.
bool submitAll(Store &store, Results &results, const QList<JournalEntry> &entries, int chunk = 37)
{
    const qsizetype expected = results.items.size() + entries.size();
    for (qsizetype i = 0; i < entries.size(); i += chunk)
        store.submit(quint64(i), entries.mid(i, chunk));
    return QTest::qWaitFor([&] { return results.items.size() >= expected; }, 60000) && results.items.size() == expected;
}

} // namespace

class TestStore final : public QObject
{
    Q_OBJECT

private slots:
    void opensAFreshDataFolder()
    {
        QTemporaryDir home;
        const QString dir = home.filePath(QStringLiteral("desk/one"));
        Store store;
        QVERIFY2(store.open(dir), qPrintable(store.errorString()));
        QVERIFY(store.isOpen());
        QCOMPARE(store.databasePath(), QDir(dir).filePath(QStringLiteral("relais.sqlite")));
        QVERIFY(QFile::exists(store.databasePath()));
        QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("relais.lock"))));
        QCOMPARE(store.snapshot(), DispatchState());

        // Durable settings as the file has them (journal_mode is persistent), and the schema.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(store.databasePath());
        QVERIFY(raw.open());
        {
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), Migrations::latestVersion());
        }
        raw.close();
        raw = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));

        store.close();
        QVERIFY(!store.isOpen());
        QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("relais.lock"))));
    }

    void writesOnItsOwnThreadAndReportsOnTheCallers()
    {
        QTemporaryDir home;
        Store store;
        QVERIFY(store.open(home.path()));
        Results results(store);
        Scenario s;
        const QList<JournalEntry> entries = s.scripted();
        QVERIFY(submitAll(store, results, entries, 5));
        QCOMPARE(results.threads, QSet<QThread *>{QThread::currentThread()});
        // Every entry answered once, with its ticket and index.
        QSet<QPair<quint64, int>> seen;
        for (const WriteResult &r : results.items)
            seen.insert({r.ticket, r.index});
        QCOMPARE(seen.size(), entries.size());
        // The committed entries are the journal, in seq order without gaps.
        const QList<JournalEntry> journal = journalOf(store.databasePath());
        QCOMPARE(results.committed, journal);
        for (qsizetype i = 0; i < journal.size(); ++i)
            QCOMPARE(journal.at(i).seq, qint64(i + 1));
        const auto count = [&](S status) {
            return std::count_if(results.items.cbegin(), results.items.cend(),
                                 [status](const WriteResult &r) { return r.status == status; });
        };
        QCOMPARE(count(S::Refused), 1);  // the acknowledgement of alarm 99
        QCOMPARE(count(S::Rejected), 1); // the "meteor" alarm
        QCOMPARE(count(S::Failed), 0);
        QCOMPARE(qsizetype(count(S::Stored) + count(S::Rejected)), journal.size());
    }

    void snapshotAtOpenEqualsReplayOfTheJournal_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("steps");
        QTest::newRow("scripted") << 0u << 0;
        for (quint32 seed : {1u, 2u, 3u, 4u, 5u})
            QTest::newRow(qPrintable(QStringLiteral("walk %1").arg(seed))) << seed << 3000;
    }

    void snapshotAtOpenEqualsReplayOfTheJournal()
    {
        QFETCH(quint32, seed);
        QFETCH(int, steps);
        QTemporaryDir home;
        Scenario s(seed);
        const QList<JournalEntry> entries = steps ? s.randomWalk(steps) : s.scripted();
        LiveState live; // the GUI replica, fed with committed entries only
        {
            Store store;
            QVERIFY(store.open(home.path()));
            live.reset(store.snapshot());
            connect(&store, &Store::committed, &live, &LiveState::applyCommitted);
            Results results(store);
            QVERIFY(submitAll(store, results, entries));
        }
        const QList<JournalEntry> journal = journalOf(QDir(home.path()).filePath(QStringLiteral("relais.sqlite")));
        QVERIFY(journal.size() > entries.size() / 4);
        const DispatchState replayed = Scenario::replay(journal);
        QCOMPARE(replayed.lastSeq(), journal.last().seq);

        Store reopened;
        QVERIFY2(reopened.open(home.path()), qPrintable(reopened.errorString()));
        QVERIFY2(reopened.snapshot() == replayed, qPrintable(StateDiff::describe(reopened.snapshot(), replayed)));
        QVERIFY2(live.state() == replayed, qPrintable(StateDiff::describe(live.state(), replayed)));
    }

    void rebuildFromJournalReproducesTheTablesExactly_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("steps");
        QTest::newRow("scripted") << 0u << 0;
        for (quint32 seed : {11u, 12u, 13u})
            QTest::newRow(qPrintable(QStringLiteral("walk %1").arg(seed))) << seed << 3000;
    }

    void rebuildFromJournalReproducesTheTablesExactly()
    {
        QFETCH(quint32, seed);
        QFETCH(int, steps);
        QTemporaryDir home;
        Scenario s(seed);
        const QList<JournalEntry> entries = steps ? s.randomWalk(steps) : s.scripted();
        Store store;
        QVERIFY(store.open(home.path()));
        Results results(store);
        QVERIFY(submitAll(store, results, entries));

        SqlConnection check(QStringLiteral("check"));
        QVERIFY(check.open(store.databasePath()));
        const QMap<QString, QStringList> before = TableDump::stateTables(check.database());
        QVERIFY(!before.value(QStringLiteral("devices")).isEmpty());
        QVERIFY(!before.value(QStringLiteral("alarm_transitions")).isEmpty());
        const QStringList journalBefore = TableDump::rows(check.database(), QStringLiteral("journal"));

        // Damage the state tables: a rebuild must restore them from the journal alone.
        {
            QSqlQuery q(check.database());
            QVERIFY(q.exec(QStringLiteral("DELETE FROM alarms WHERE id % 2 = 1")));
            QVERIFY(q.exec(QStringLiteral("DELETE FROM mission_offers")));
            QVERIFY(q.exec(QStringLiteral("UPDATE devices SET label = 'x'")));
            QVERIFY(q.exec(QStringLiteral("UPDATE device_liveness SET battery_percent = -7")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO helpers (id, name, phone, skills, mission_id, availability, "
                                          "changed_state, changed_by, changed_note) "
                                          "VALUES ('ghost', 'G', '', '[]', 0, 'off_duty', 'off_duty', 'system', '')")));
        }
        QVERIFY(TableDump::stateTables(check.database()) != before);

        const quint64 transactions = store.committedTransactions();
        QVERIFY2(store.rebuildFromJournal(), qPrintable(store.errorString()));
        QCOMPARE(store.committedTransactions(), transactions + 1);
        const QMap<QString, QStringList> after = TableDump::stateTables(check.database());
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(after.value(it.key()), it.value());
        QCOMPARE(TableDump::rows(check.database(), QStringLiteral("journal")), journalBefore);

        const DispatchState replayed = Scenario::replay(journalOf(store.databasePath()));
        QVERIFY2(store.snapshot() == replayed, qPrintable(StateDiff::describe(store.snapshot(), replayed)));

        // And the store goes on from there.
        QVERIFY(submitAll(store, results, {s.heartbeat(QStringLiteral("d-1"), 9, QStringLiteral("after-rebuild"))}));
        QCOMPARE(results.items.last().status, S::Stored);
        QCOMPARE(results.items.last().seq, replayed.lastSeq() + 1);
    }

    void bulkSubmissionsFromAnotherThreadAreBatched()
    {
        QTemporaryDir home;
        Store store;
        QVERIFY(store.open(home.path()));
        Results results(store);
        Scenario s;
        QList<JournalEntry> devices;
        for (int d = 0; d < 50; ++d)
            devices.append(s.registerDevice(QStringLiteral("d%1").arg(d), 48.0, 2.0));
        QVERIFY(submitAll(store, results, devices));

        constexpr int total = 30000;
        QList<JournalEntry> beats;
        for (int i = 0; i < total; ++i)
            beats.append(s.heartbeat(QStringLiteral("d%1").arg(i % 50), i % 101, QStringLiteral("hb%1").arg(i)));
        const quint64 before = store.committedTransactions();
        QThread *producer = QThread::create([&store, &beats] {
            for (qsizetype i = 0; i < beats.size(); i += 10) // like a gateway: small submissions
                store.submit(quint64(i), beats.mid(i, 10));
        });
        producer->start();
        QVERIFY(QTest::qWaitFor([&] { return results.items.size() == devices.size() + total; }, 60000));
        producer->wait();
        delete producer;
        const quint64 transactions = store.committedTransactions() - before;
        qInfo("%d items in %llu transactions", total, transactions);
        QVERIFY2(transactions * 20 < quint64(total), qPrintable(QString::number(transactions)));
        QVERIFY(std::all_of(results.items.cbegin(), results.items.cend(),
                            [](const WriteResult &r) { return r.status == S::Stored; }));
        QCOMPARE(results.items.last().seq, qint64(devices.size() + total));
    }

    void closingStoresWhatWasSubmitted()
    {
        QTemporaryDir home;
        Scenario s;
        QList<JournalEntry> entries{s.registerDevice(QStringLiteral("d1"), 48.0, 2.0)};
        for (int i = 0; i < 2000; ++i)
            entries.append(s.heartbeat(QStringLiteral("d1"), i % 100, QStringLiteral("m%1").arg(i)));
        {
            Store store;
            QVERIFY(store.open(home.path()));
            store.submit(1, entries);
        } // destroyed at once: the writer drains its queue before it stops
        Store reopened;
        QVERIFY(reopened.open(home.path()));
        QCOMPARE(reopened.snapshot().lastSeq(), qint64(entries.size()));
        QCOMPARE(reopened.snapshot().device(QStringLiteral("d1"))->batteryPercent, 1999 % 100);
    }

    void submitWhileClosedFailsEveryItem()
    {
        Store store;
        Results results(store);
        Scenario s;
        store.submit(42, {s.heartbeat(QStringLiteral("d1"), 1, QStringLiteral("a")),
                          s.heartbeat(QStringLiteral("d1"), 2, QStringLiteral("b"))});
        QTRY_COMPARE(results.items.size(), 2);
        QCOMPARE(results.items.at(1).ticket, quint64(42));
        QCOMPARE(results.items.at(1).index, 1);
        QCOMPARE(results.items.at(1).status, S::Failed);
        QVERIFY(!results.items.at(1).error.message.isEmpty());
        QVERIFY(results.committed.isEmpty());
        QVERIFY(!store.rebuildFromJournal());
    }

    void aSecondStoreOnTheSameFolderIsRefused()
    {
        QTemporaryDir home;
        Store first;
        QVERIFY(first.open(home.path()));
        Store second;
        QVERIFY(!second.open(home.path()));
        QVERIFY(!second.isOpen());
        const QString why = second.errorString();
        QVERIFY2(why.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(why));
        QVERIFY2(why.contains(QDir::toNativeSeparators(QDir(home.path()).absolutePath())), qPrintable(why));
        QVERIFY(!first.open(home.path())); // and not twice either
        first.close();
        QVERIFY2(second.open(home.path()), qPrintable(second.errorString()));
    }

    void aDatabaseFromANewerRelaisIsRefused()
    {
        QTemporaryDir home;
        {
            Store store;
            QVERIFY(store.open(home.path()));
        }
        const QString path = QDir(home.path()).filePath(QStringLiteral("relais.sqlite"));
        {
            SqlConnection c(QStringLiteral("future"));
            QVERIFY(c.open(path));
            QVERIFY(c.dialect().setSchemaVersion(c.database(), Migrations::latestVersion() + 1));
        }
        Store store;
        QVERIFY(!store.open(home.path()));
        QVERIFY2(store.errorString().contains(QLatin1String("newer")), qPrintable(store.errorString()));
        QVERIFY(store.errorString().contains(QString::number(Migrations::latestVersion() + 1)));
        // Refused without keeping the folder: the lock is released.
        QVERIFY(!QFile::exists(QDir(home.path()).filePath(QStringLiteral("relais.lock"))));
    }

    void unreadableStateIsReportedAtOpen()
    {
        QTemporaryDir home;
        {
            Store store;
            QVERIFY(store.open(home.path()));
        }
        {
            SqlConnection c(QStringLiteral("damage"));
            QVERIFY(c.open(QDir(home.path()).filePath(QStringLiteral("relais.sqlite"))));
            QSqlQuery q(c.database());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO fees (mission_kind, fee_cents, currency) "
                                          "VALUES ('teleportation', 1, 'EUR')")));
        }
        Store store;
        QVERIFY(!store.open(home.path()));
        QVERIFY2(store.errorString().contains(QLatin1String("fees")), qPrintable(store.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
