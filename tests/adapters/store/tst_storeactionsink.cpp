// StoreActionSink: the desk's actions through a real Store on a temporary folder.

#include "store.h"
#include "storeactionsink.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

namespace {

JournalEntry registerDevice(const QString &id)
{
    JournalEntry e;
    e.time = QDateTime::currentDateTimeUtc();
    e.source = QStringLiteral("ui");
    e.kind = EntryKind::DeviceRegistered;
    e.actor = Actor::operatorNamed(QStringLiteral("Camille"));
    e.payload = QJsonObject{{QStringLiteral("device"), id},
                            {QStringLiteral("kind"), QStringLiteral("smoke")},
                            {QStringLiteral("interval_s"), 600}};
    return e;
}

} // namespace

class TestStoreActionSink : public QObject
{
    Q_OBJECT

private slots:
    void answersEachSubmissionOnceWithOneStatusPerEntry()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Store store;
        QVERIFY2(store.open(dir.path()), qPrintable(store.errorString()));
        StoreActionSink sink(&store);

        QList<QList<Status>> first;
        QList<QList<Status>> second;
        sink.submit({registerDevice(QStringLiteral("d-1")), registerDevice(QStringLiteral("d-1"))},
                    ActionSink::Mode::EachOnItsOwn, [&](const QList<Status> &r) { first.append(r); });
        sink.submit({registerDevice(QStringLiteral("d-2"))}, ActionSink::Mode::EachOnItsOwn,
                    [&](const QList<Status> &r) { second.append(r); });
        QCOMPARE(sink.pending(), 2);
        QTRY_COMPARE(first.size(), 1);
        QTRY_COMPARE(second.size(), 1);
        QCOMPARE(sink.pending(), 0);

        QCOMPARE(first.at(0).size(), 2);
        QVERIFY(first.at(0).at(0).ok());
        QVERIFY(!first.at(0).at(1).ok());
        QCOMPARE(first.at(0).at(1).error().code, QStringLiteral("duplicate_device"));
        QCOMPARE(second.at(0).size(), 1);
        QVERIFY(second.at(0).at(0).ok());

        // Nothing more arrives later for answered submissions.
        QTest::qWait(50);
        QCOMPARE(first.size(), 1);
        QCOMPARE(second.size(), 1);
    }

    void emptySubmissionIsAnsweredAtOnce()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.path()));
        StoreActionSink sink(&store);
        int calls = 0;
        sink.submit({}, ActionSink::Mode::EachOnItsOwn, [&](const QList<Status> &r) {
            ++calls;
            QVERIFY(r.isEmpty());
        });
        QCOMPARE(calls, 1);
    }

    void closedStoreAnswersWithFailures()
    {
        Store store; // never opened
        StoreActionSink sink(&store);
        QList<Status> got;
        sink.submit({registerDevice(QStringLiteral("d-1"))}, ActionSink::Mode::EachOnItsOwn,
                    [&](const QList<Status> &r) { got = r; });
        QTRY_COMPARE(got.size(), 1);
        QCOMPARE(got.at(0).error().code, QStringLiteral("store_closed"));
    }
};

QTEST_GUILESS_MAIN(TestStoreActionSink)
#include "tst_storeactionsink.moc"
