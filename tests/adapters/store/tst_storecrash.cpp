// Crash test: a child process journals device messages and prints each one once the store
// reported it committed; it is killed with SIGKILL at a random moment. Everything it
// reported must be in the journal exactly once, the file must pass integrity_check, the
// state tables must equal a replay of the journal, and the next Store::open must work
// (the stale lock of the dead child recovered). Rounds reuse the same data folder and
// retransmit messages of the round before.

#include "journalreader.h"
#include "scenario.h"
#include "sqlconnection.h"
#include "statediff.h"
#include "store.h"
#include "tabledump.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using relais::test::Scenario;
using relais::test::StateDiff;
using relais::test::TableDump;

class TestStoreCrash final : public QObject
{
    Q_OBJECT

private slots:
    void committedEntriesSurviveSigkill()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString dataDir = home.filePath(QStringLiteral("desk"));
        const QString dbPath = QDir(dataDir).filePath(QStringLiteral("relais.sqlite"));
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u", seed); // rerun with RELAIS_CRASH_SEED=<seed> to reproduce
        QRandomGenerator random(
            qEnvironmentVariableIsSet("RELAIS_CRASH_SEED") ? qEnvironmentVariable("RELAIS_CRASH_SEED").toUInt() : seed);
        constexpr int rounds = 10;
        QElapsedTimer clock;
        clock.start();
        qint64 totalReported = 0;

        for (int round = 1; round <= rounds; ++round) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            child.start(QStringLiteral(RELAIS_STORE_CHILD),
                        {QStringLiteral("stream"), dataDir, QString::number(round), QStringLiteral("20000"),
                         QString::number(random.generate())});
            QVERIFY(child.waitForStarted(10000));

            // Kill after a random number of reported entries, or (one round in three) after a
            // random delay, which may fall before the store is even open.
            const bool byDelay = random.bounded(3) == 0;
            const int killAfterLines = 1 + random.bounded(4000);
            const int killAfterMs = random.bounded(400);
            QByteArray out;
            QElapsedTimer wait;
            wait.start();
            while (child.state() == QProcess::Running && wait.elapsed() < 20000) {
                child.waitForReadyRead(byDelay ? 5 : 50);
                out += child.readAllStandardOutput();
                if (byDelay ? wait.elapsed() >= killAfterMs : out.count('\n') >= killAfterLines)
                    break;
            }
            QVERIFY2(child.state() == QProcess::Running, "the child stopped by itself");
            child.kill(); // SIGKILL: no destructor, no close, no unlock
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            out += child.readAllStandardOutput();

            // Only complete lines were reported; a line cut by the kill is not counted.
            QList<QByteArray> lines = out.split('\n');
            lines.removeLast();
            QHash<QString, qint64> reported;
            for (const QByteArray &line : std::as_const(lines)) {
                const QList<QByteArray> f = line.split(' ');
                if (f.first() == "open")
                    continue;
                QVERIFY2(f.size() == 3, line.constData());
                QVERIFY2(f.at(0) == "stored" || f.at(0) == "duplicate" || f.at(0) == "rejected", line.constData());
                reported.insert(QString::fromUtf8(f.at(1)), f.at(2).toLongLong());
            }
            totalReported += reported.size();
            qInfo("round %d (%lld ms): killed after %s, %lld entries reported committed", round, clock.elapsed(),
                  byDelay ? qPrintable(QStringLiteral("%1 ms").arg(killAfterMs))
                          : qPrintable(QStringLiteral("%1 lines").arg(killAfterLines)),
                  qint64(reported.size()));
            if (!QFile::exists(dbPath)) {
                QVERIFY(reported.isEmpty()); // killed before it created anything
                continue;
            }

            {
                SqlConnection c(QStringLiteral("after-crash"));
                QVERIFY2(c.open(dbPath), qPrintable(c.errorString()));
                const Result<QString> integrity = c.dialect().integrityCheck(c.database());
                QVERIFY(integrity.ok());
                QCOMPARE(integrity.value(), QStringLiteral("ok"));

                // Every message id in the journal: how many times, and where first.
                QHash<QString, std::pair<int, qint64>> journaled;
                QSqlQuery q(c.database());
                QVERIFY(q.exec(QStringLiteral("SELECT message_id, COUNT(*), MIN(seq) FROM journal "
                                              "WHERE message_id <> '' GROUP BY message_id")));
                while (q.next())
                    journaled.insert(q.value(0).toString(), {q.value(1).toInt(), q.value(2).toLongLong()});
                q.finish();
                for (auto it = reported.cbegin(); it != reported.cend(); ++it) {
                    const auto found = journaled.value(it.key(), {0, 0});
                    QVERIFY2(found.first == 1,
                             qPrintable(QStringLiteral("%1 is journaled %2 times").arg(it.key()).arg(found.first)));
                    QCOMPARE(found.second, it.value());
                }
                // Seqs are dense (a batch commits whole or not at all) and every message id has
                // exactly one dedupe claim pointing at its entry.
                if (TableDump::scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM journal")) > 0) {
                    QCOMPARE(TableDump::scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM journal")),
                             TableDump::scalar(c.database(), QStringLiteral("SELECT MAX(seq) FROM journal")));
                }
                QCOMPARE(TableDump::scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM journal_dedupe d "
                                                                        "JOIN journal j ON j.seq = d.seq AND "
                                                                        "j.message_id = d.message_id")),
                         TableDump::scalar(c.database(),
                                           QStringLiteral("SELECT COUNT(*) FROM journal WHERE message_id <> ''")));
            }

            // The dead child's lock is recovered, and the state tables agree with the journal.
            Store store;
            QVERIFY2(store.open(dataDir), qPrintable(store.errorString()));
            SqlConnection c(QStringLiteral("replay"));
            QVERIFY(c.open(dbPath));
            Result<QList<JournalEntry>> journal = JournalReader(c.database()).read(0, 10000000);
            QVERIFY(journal.ok());
            QVERIFY2(store.snapshot() == Scenario::replay(journal.value()),
                     qPrintable(StateDiff::describe(store.snapshot(), Scenario::replay(journal.value()))));
            qInfo("  checked at %lld ms, journal %lld entries", clock.elapsed(), qint64(journal.value().size()));
        }
        QVERIFY(totalReported > 0);
        qInfo("%d rounds in %lld ms", rounds, clock.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestStoreCrash)
#include "tst_storecrash.moc"
