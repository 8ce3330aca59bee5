#include "alarmkind.h"

#include <QTest>

using namespace relais;

class TestAlarmKind final : public QObject
{
    Q_OBJECT

private slots:
    void kinds();
    void journalKeys_data();
    void journalKeys();
    void maintenanceKinds();
    void severities();
    void outcomes();
};

void TestAlarmKind::kinds()
{
    const QList<AlarmKind> all = AlarmKinds::all();
    QCOMPARE(all.size(), 12);
    QStringList keys;
    for (AlarmKind k : all) {
        const QString key = AlarmKinds::key(k);
        QVERIFY(!key.isEmpty());
        QVERIFY2(!keys.contains(key), qPrintable(key));
        keys.append(key);
        QCOMPARE(AlarmKinds::fromKey(key), std::optional<AlarmKind>(k));
        QVERIFY(!AlarmKinds::label(k).isEmpty());
    }
    QCOMPARE(AlarmKinds::fromKey(QStringLiteral("Panic")), std::nullopt); // keys are exact
    QCOMPARE(AlarmKinds::fromKey(QStringLiteral("earthquake")), std::nullopt);
    QCOMPARE(AlarmKinds::fromKey(QString()), std::nullopt);
}

void TestAlarmKind::journalKeys_data()
{
    // The keys are part of the journal and the wire protocol: they never change.
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("severity");
    QTest::newRow("panic") << int(AlarmKind::Panic) << QStringLiteral("panic") << int(Severity::Critical);
    QTest::newRow("fall") << int(AlarmKind::Fall) << QStringLiteral("fall") << int(Severity::Critical);
    QTest::newRow("medical") << int(AlarmKind::Medical) << QStringLiteral("medical") << int(Severity::Critical);
    QTest::newRow("smoke") << int(AlarmKind::Smoke) << QStringLiteral("smoke") << int(Severity::Critical);
    QTest::newRow("intrusion") << int(AlarmKind::Intrusion) << QStringLiteral("intrusion") << int(Severity::Major);
    QTest::newRow("door") << int(AlarmKind::Door) << QStringLiteral("door") << int(Severity::Minor);
    QTest::newRow("water leak") << int(AlarmKind::WaterLeak) << QStringLiteral("water_leak") << int(Severity::Major);
    QTest::newRow("gas") << int(AlarmKind::Gas) << QStringLiteral("gas") << int(Severity::Critical);
    QTest::newRow("tamper") << int(AlarmKind::Tamper) << QStringLiteral("tamper") << int(Severity::Minor);
    QTest::newRow("low battery") << int(AlarmKind::LowBattery) << QStringLiteral("low_battery")
                                 << int(Severity::Warning);
    QTest::newRow("device silent") << int(AlarmKind::DeviceSilent) << QStringLiteral("device_silent")
                                   << int(Severity::Minor);
    QTest::newRow("other") << int(AlarmKind::Other) << QStringLiteral("other") << int(Severity::Major);
}

void TestAlarmKind::journalKeys()
{
    QFETCH(int, kind);
    QFETCH(QString, key);
    QFETCH(int, severity);
    QCOMPARE(AlarmKinds::key(AlarmKind(kind)), key);
    QCOMPARE(AlarmKinds::defaultSeverity(AlarmKind(kind)), Severity(severity));
}

void TestAlarmKind::maintenanceKinds()
{
    // Device faults are maintenance, never emergencies (DESIGN.md: silent → maintenance alarm).
    QList<AlarmKind> maintenance;
    for (AlarmKind k : AlarmKinds::all()) {
        if (AlarmKinds::isMaintenance(k)) {
            maintenance.append(k);
            QVERIFY(AlarmKinds::defaultSeverity(k) != Severity::Critical);
        }
    }
    QCOMPARE(maintenance, (QList<AlarmKind>{AlarmKind::Tamper, AlarmKind::LowBattery, AlarmKind::DeviceSilent}));
}

void TestAlarmKind::severities()
{
    const QList<Severity> all = Severities::all();
    QCOMPARE(all, (QList<Severity>{Severity::Critical, Severity::Major, Severity::Minor, Severity::Warning}));
    for (qsizetype i = 0; i < all.size(); ++i) {
        QCOMPARE(Severities::fromKey(Severities::key(all.at(i))), std::optional<Severity>(all.at(i)));
        QVERIFY(!Severities::label(all.at(i)).isEmpty());
        if (i > 0) // most urgent first
            QVERIFY(Severities::rank(all.at(i - 1)) < Severities::rank(all.at(i)));
    }
    QCOMPARE(Severities::key(Severity::Critical), QStringLiteral("critical"));
    QCOMPARE(Severities::fromKey(QStringLiteral("urgent")), std::nullopt);
}

void TestAlarmKind::outcomes()
{
    const QList<Outcome> all = Outcomes::all();
    QCOMPARE(all.size(), 5);
    QStringList keys;
    for (Outcome o : all) {
        keys.append(Outcomes::key(o));
        QCOMPARE(Outcomes::fromKey(Outcomes::key(o)), std::optional<Outcome>(o));
        QVERIFY(!Outcomes::label(o).isEmpty());
    }
    QCOMPARE(keys, (QStringList{QStringLiteral("real_incident"), QStringLiteral("false_alarm"),
                                QStringLiteral("emergency_services"), QStringLiteral("no_access"),
                                QStringLiteral("cancelled")}));
    QCOMPARE(Outcomes::fromKey(QStringLiteral("fine")), std::nullopt);
}

QTEST_GUILESS_MAIN(TestAlarmKind)
#include "tst_alarmkind.moc"
