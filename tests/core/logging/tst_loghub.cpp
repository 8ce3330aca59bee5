// LogHub: records to sinks on the logging thread and to recorded() queued, what no sink takes
// on to the handler installed before, many threads at once, a sink that logs, a hub that ends.
#include "logging/log.h"
#include "logging/loghub.h"
#include "logging/logrecord.h"
#include "logging/logsink.h"

#include <QMutex>
#include <QMutexLocker>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace relais;

namespace {

Q_LOGGING_CATEGORY(lcTest, "relais.test", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOther, "vendor.thing")

// What reached the handler installed before the hub (Qt's: standard error).
QMutex g_previousMutex;
QStringList g_previous;

void previousHandler(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&g_previousMutex);
    g_previous.append(QString::fromLatin1(context.category) + QLatin1String(": ") + message);
}

QStringList previousSeen()
{
    QMutexLocker lock(&g_previousMutex);
    return g_previous;
}

// Takes the records of the Relais log, as the file does; optionally logs from inside write().
class RecordingSink final : public LogSink
{
public:
    bool accepts(const LogRecord &record) const override { return Logging::isForTheLog(record); }
    void write(const LogRecord &record) override
    {
        {
            QMutexLocker lock(&m_mutex);
            m_records.append(record);
            m_threads.insert(QThread::currentThread());
        }
        if (logsItself)
            qCWarning(lcTest, "the sink itself says something");
    }
    void flush() override
    {
        ++flushes;
        if (logsItself)
            qCWarning(lcTest, "the sink says something while flushing");
    }

    QList<LogRecord> records() const
    {
        QMutexLocker lock(&m_mutex);
        return m_records;
    }
    QSet<QThread *> threads() const
    {
        QMutexLocker lock(&m_mutex);
        return m_threads;
    }

    bool logsItself = false;
    std::atomic<int> flushes{0};

private:
    mutable QMutex m_mutex;
    QList<LogRecord> m_records;
    QSet<QThread *> m_threads;
};

} // namespace

class TestLogHub final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QMutexLocker lock(&g_previousMutex);
        g_previous.clear();
        m_before = qInstallMessageHandler(previousHandler);
    }

    void cleanup() { qInstallMessageHandler(m_before); }

    void fansRecordsOutAndPassesOnWhatNoSinkTakes()
    {
        QVERIFY(!LogHub::instance());
        LogHub hub;
        QCOMPARE(LogHub::instance(), &hub);
        auto sink = std::make_shared<RecordingSink>();
        hub.addSink(sink);
        QSignalSpy recorded(&hub, &LogHub::recorded);

        const QDateTime before = QDateTime::currentDateTimeUtc();
        qCWarning(lcTest, "batch %d could not be stored", 7);
        qCInfo(lcTest) << "purged";
        qCWarning(lcOther, "a library's own warning");
        qWarning("plain qWarning");

        const QList<LogRecord> got = sink->records();
        QCOMPARE(got.size(), 2);
        QCOMPARE(got.at(0).category, QStringLiteral("relais.test"));
        QCOMPARE(got.at(0).level, QtWarningMsg);
        QCOMPARE(got.at(0).text, QStringLiteral("batch 7 could not be stored"));
        QVERIFY(got.at(0).time >= before && got.at(0).time <= QDateTime::currentDateTimeUtc());
        QCOMPARE(got.at(0).time.timeSpec(), Qt::UTC);
        QCOMPARE(got.at(1).level, QtInfoMsg);
        QCOMPARE(got.at(1).text, QStringLiteral("purged"));
        // Not the log's: on to the previous handler, as if there were no hub.
        QCOMPARE(previousSeen(), QStringList({QStringLiteral("vendor.thing: a library's own warning"),
                                              QStringLiteral("default: plain qWarning")}));
        // Everything is signalled, for widgets that pick their own.
        QCOMPARE(recorded.size(), 4);
        QCOMPARE(recorded.at(2).at(0).value<LogRecord>().category, QStringLiteral("vendor.thing"));
    }

    void withoutSinksEverythingGoesOnAsBefore()
    {
        LogHub hub;
        qCWarning(lcTest, "nobody takes this");
        QCOMPARE(previousSeen(), QStringList{QStringLiteral("relais.test: nobody takes this")});
    }

    void aRemovedSinkIsFlushedAndNeverCalledAgain()
    {
        LogHub hub;
        auto sink = std::make_shared<RecordingSink>();
        hub.addSink(sink);
        qCInfo(lcTest, "one");
        hub.flush();
        QCOMPARE(sink->flushes.load(), 1);
        hub.removeSink(sink.get());
        QCOMPARE(sink->flushes.load(), 2);
        qCInfo(lcTest, "two");
        QCOMPARE(sink->records().size(), 1);
        QCOMPARE(previousSeen(), QStringList{QStringLiteral("relais.test: two")});
    }

    void theHubPutsThePreviousHandlerBackAndFlushes()
    {
        auto sink = std::make_shared<RecordingSink>();
        {
            LogHub hub;
            hub.addSink(sink);
            qCInfo(lcTest, "while the hub lives");
        }
        QVERIFY(!LogHub::instance());
        QCOMPARE(sink->flushes.load(), 1);
        qCInfo(lcTest, "after");
        QCOMPARE(sink->records().size(), 1);
        QCOMPARE(previousSeen(), QStringList{QStringLiteral("relais.test: after")});
        QVERIFY(qInstallMessageHandler(previousHandler) == &previousHandler); // ours is back in place
    }

    void aSecondHubStaysInert()
    {
        LogHub hub;
        {
            LogHub second;
            QCOMPARE(LogHub::instance(), &hub);
        }
        QCOMPARE(LogHub::instance(), &hub);
        auto sink = std::make_shared<RecordingSink>();
        hub.addSink(sink);
        qCInfo(lcTest, "still ours");
        QCOMPARE(sink->records().size(), 1);
    }

    void aSinkThatLogsNeitherRecursesNorDeadlocks()
    {
        LogHub hub;
        auto sink = std::make_shared<RecordingSink>();
        sink->logsItself = true;
        hub.addSink(sink);
        qCWarning(lcTest, "outer");
        // Inside the handler, Qt itself sends what the sink says to standard error, as plain text.
        QCOMPARE(sink->records().size(), 1);
        QCOMPARE(sink->records().first().text, QStringLiteral("outer"));
        QVERIFY(previousSeen().isEmpty());
        // Outside it (a flush), the hub sends it where it would go without a hub.
        hub.flush();
        QCOMPARE(previousSeen(), QStringList{QStringLiteral("relais.test: the sink says something while flushing")});
        // The next record still goes through: nothing is left locked.
        sink->logsItself = false;
        qCWarning(lcTest, "next");
        QCOMPARE(sink->records().size(), 2);
        QCOMPARE(sink->records().last().text, QStringLiteral("next"));
    }

    void manyThreadsAtOnceLoseNothingAndWidgetsGetThemOnTheirThread()
    {
        LogHub hub;
        auto sink = std::make_shared<RecordingSink>();
        hub.addSink(sink);
        QObject widget; // stands for the Log dock, on this thread
        QList<LogRecord> shown;
        QSet<QThread *> shownOn;
        connect(
            &hub, &LogHub::recorded, &widget,
            [&](const LogRecord &r) {
                shown.append(r);
                shownOn.insert(QThread::currentThread());
            },
            Qt::QueuedConnection);

        constexpr int kThreads = 4;
        constexpr int kEach = 500;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back(QThread::create([t] {
                for (int i = 0; i < kEach; ++i)
                    qCInfo(lcTest, "thread %d line %d", t, i);
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));

        const QList<LogRecord> got = sink->records();
        QCOMPARE(got.size(), kThreads * kEach);
        QCOMPARE(sink->threads().size(), kThreads); // written on the threads that logged
        QVERIFY(!sink->threads().contains(QThread::currentThread()));
        // Each thread's lines in its own order.
        QList<int> next(kThreads, 0);
        for (const LogRecord &r : got) {
            const QStringList words = r.text.split(QLatin1Char(' '));
            const int t = words.at(1).toInt();
            QCOMPARE(words.at(3).toInt(), next[t]++);
        }
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), kThreads * kEach, 30000);
        QCOMPARE(shownOn, QSet<QThread *>{QThread::currentThread()});
        QVERIFY(previousSeen().isEmpty());
    }

    void firstLineDropsADatabasesDetail()
    {
        QCOMPARE(Logging::firstLine(QStringLiteral("ERROR:  new row violates check constraint \"c\"\nDETAIL:  Failing "
                                                   "row contains (d1, 12 rue des Lilas).\n")),
                 QStringLiteral("ERROR:  new row violates check constraint \"c\""));
        QCOMPARE(Logging::firstLine(QStringLiteral("disk I/O error")), QStringLiteral("disk I/O error"));
    }

private:
    QtMessageHandler m_before = nullptr;
};

QTEST_GUILESS_MAIN(TestLogHub)
#include "tst_loghub.moc"
