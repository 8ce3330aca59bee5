#include "feeschedule.h"

#include <QTest>

using namespace relais;

class TestFeeSchedule final : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void setFee();
    void missionKinds();
};

void TestFeeSchedule::defaults()
{
    const FeeSchedule fees = FeeSchedule::defaults();
    QVERIFY(fees.feeFor(MissionKind::Verification) == Money::euros(1000));
    QVERIFY(fees.feeFor(MissionKind::Maintenance) == Money::euros(500));
    QVERIFY(fees.feeFor(MissionKind::Other) == Money::euros(1000));

    // An empty schedule pays nothing rather than inventing a fee.
    const FeeSchedule empty;
    QVERIFY(empty.feeFor(MissionKind::Verification) == Money::euros(0));
    QVERIFY(!(empty == fees));
}

void TestFeeSchedule::setFee()
{
    FeeSchedule fees = FeeSchedule::defaults();
    fees.setFee(MissionKind::Maintenance, Money(750, QStringLiteral("CHF")));
    QVERIFY(fees.feeFor(MissionKind::Maintenance) == Money(750, QStringLiteral("CHF")));
    QVERIFY(fees.feeFor(MissionKind::Verification) == Money::euros(1000)); // the others stay
    QVERIFY(!(fees == FeeSchedule::defaults()));
    fees.setFee(MissionKind::Maintenance, Money::euros(500));
    QVERIFY(fees == FeeSchedule::defaults());
}

void TestFeeSchedule::missionKinds()
{
    const QList<MissionKind> all = MissionKinds::all();
    QCOMPARE(all.size(), 3);
    QStringList keys;
    for (MissionKind k : all) {
        keys.append(MissionKinds::key(k));
        QCOMPARE(MissionKinds::fromKey(MissionKinds::key(k)), std::optional<MissionKind>(k));
        QVERIFY(!MissionKinds::label(k).isEmpty());
    }
    QCOMPARE(keys,
             (QStringList{QStringLiteral("verification"), QStringLiteral("maintenance"), QStringLiteral("other")}));
    QCOMPARE(MissionKinds::fromKey(QStringLiteral("party")), std::nullopt);
}

QTEST_GUILESS_MAIN(TestFeeSchedule)
#include "tst_feeschedule.moc"
