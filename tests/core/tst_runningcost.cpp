#include "dispatchstate.h"
#include "runningcost.h"

#include <QTest>

using namespace relais;

namespace {

const QTimeZone kPlusOne = QTimeZone(3600);

RunningCost march(qint64 cents)
{
    return {QDate(2024, 3, 1), QDate(2024, 3, 31), QStringLiteral("Phone line"), Money(cents, QStringLiteral("EUR"))};
}

QDateTime localDay(int month, int day)
{
    return QDateTime(QDate(2024, month, day), QTime(0, 0), kPlusOne);
}

} // namespace

class TestRunningCost final : public QObject
{
    Q_OBJECT

private slots:
    void payloadRoundTrips()
    {
        const RunningCost c = march(3100);
        const QJsonObject p = c.toPayload();
        QCOMPARE(p.value(QStringLiteral("from")).toString(), QStringLiteral("2024-03-01"));
        QCOMPARE(p.value(QStringLiteral("to")).toString(), QStringLiteral("2024-03-31"));
        QCOMPARE(p.value(QStringLiteral("amount_cents")).toInteger(), 3100);
        QCOMPARE(p.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        const Result<RunningCost> back = RunningCost::fromPayload(p);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), c);

        const JournalEntry e = c.toEntry(QDateTime(QDate(2024, 4, 1), QTime(9, 0), Qt::UTC),
                                         Actor::operatorNamed(QStringLiteral("Anne")), QStringLiteral("cli"));
        QCOMPARE(e.kind, QString(EntryKind::CostsRecorded));
        QCOMPARE(e.payload, p);
        QCOMPARE(e.actor.toString(), QStringLiteral("operator:Anne"));
    }

    void badPayloadsAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        const QJsonObject good = march(3100).toPayload();
        auto with = [good](const char *key, const QJsonValue &v) {
            QJsonObject p = good;
            p.insert(QLatin1String(key), v);
            return p;
        };
        QTest::newRow("no from") << with("from", QJsonValue());
        QTest::newRow("bad date") << with("to", QStringLiteral("2024-02-30"));
        QTest::newRow("not iso") << with("from", QStringLiteral("01/03/2024"));
        QTest::newRow("ends before") << with("to", QStringLiteral("2024-02-28"));
        QTest::newRow("no label") << with("label", QStringLiteral("  "));
        QTest::newRow("fraction") << with("amount_cents", 12.5);
        QTest::newRow("text amount") << with("amount_cents", QStringLiteral("3100"));
        QTest::newRow("currency") << with("currency", QStringLiteral("euro"));
    }

    void badPayloadsAreRefused()
    {
        QFETCH(QJsonObject, payload);
        const Result<RunningCost> r = RunningCost::fromPayload(payload);
        QVERIFY(!r.ok());
        QVERIFY(!r.error().code.isEmpty());
        QVERIFY(!r.errorString().isEmpty());
    }

    // The reducer takes costs.recorded entries, checks them and changes no state.
    void theReducerChecksAndKeepsNoState()
    {
        DispatchState state;
        const DispatchState before = state;
        JournalEntry e = march(3100).toEntry(QDateTime(QDate(2024, 4, 1), QTime(9, 0), Qt::UTC),
                                             Actor::operatorNamed(QStringLiteral("Anne")), QStringLiteral("cli"));
        e.seq = 1;
        const Result<DispatchState::Changes> ok = state.apply(e);
        QVERIFY(ok.ok());
        QVERIFY(ok->isEmpty());
        QCOMPARE(state.lastSeq(), 1);
        state.setLastSeq(0);
        QVERIFY(state == before);

        e.seq = 2;
        e.payload.remove(QStringLiteral("label"));
        const Result<DispatchState::Changes> refused = state.apply(e);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("missing_field"));
        QCOMPARE(state.lastSeq(), 0);
    }

    void proratedOnTime()
    {
        const RunningCost c = march(3100); // 31 days of 1.00
        QCOMPARE(c.proratedTo(localDay(3, 1), localDay(4, 1), kPlusOne), Money(3100, QStringLiteral("EUR")));
        QCOMPARE(c.proratedTo(localDay(3, 1), localDay(3, 2), kPlusOne), Money(100, QStringLiteral("EUR")));
        QCOMPARE(c.proratedTo(localDay(3, 10), localDay(3, 20), kPlusOne), Money(1000, QStringLiteral("EUR")));
        // Wider than the cost: all of it; outside: nothing.
        QCOMPARE(c.proratedTo(localDay(1, 1), localDay(12, 1), kPlusOne), Money(3100, QStringLiteral("EUR")));
        QCOMPARE(c.proratedTo(localDay(4, 1), localDay(5, 1), kPlusOne), Money(0, QStringLiteral("EUR")));
        QCOMPARE(c.proratedTo(QDateTime(), QDateTime(), kPlusOne), Money(3100, QStringLiteral("EUR")));
        QCOMPARE(c.proratedTo(localDay(3, 31), QDateTime(), kPlusOne), Money(100, QStringLiteral("EUR")));
        // Rounded to the nearest cent: 10.00 over 3 days, one day = 3.33; two days = 6.67.
        const RunningCost three{QDate(2024, 3, 1), QDate(2024, 3, 3), QStringLiteral("x"),
                                Money(1000, QStringLiteral("EUR"))};
        QCOMPARE(three.proratedTo(localDay(3, 1), localDay(3, 2), kPlusOne).cents(), 333);
        QCOMPARE(three.proratedTo(localDay(3, 1), localDay(3, 3), kPlusOne).cents(), 667);
        // A correction (negative) is prorated the same way.
        QCOMPARE(march(-3100).proratedTo(localDay(3, 1), localDay(3, 2), kPlusOne).cents(), -100);
    }
};

QTEST_GUILESS_MAIN(TestRunningCost)
#include "tst_runningcost.moc"
