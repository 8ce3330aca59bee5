#include "deviceimport.h"
#include "dispatchstate.h"
#include "registrycommands.h"

#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace relais;

// The registry's entries, field by field as the device dialog and the device panel wrote
// them before the command layer (source "ui", time in UTC, the operator as actor).
class TestRegistryCommands final : public QObject
{
    Q_OBJECT

private:
    const QDateTime at = QDateTime(QDate(2026, 3, 2), QTime(8, 1), Qt::UTC);
    const Actor claire = Actor::operatorNamed(QStringLiteral("Claire"));

    static DeviceForm pendant()
    {
        return {QStringLiteral("d-301"),
                QStringLiteral("panic_button"),
                QStringLiteral("Pendentif Mme R."),
                QStringLiteral("B-1024"),
                QStringLiteral("12 rue des Lilas, Lyon"),
                QGeoCoordinate(45.76012, 4.83569),
                900};
    }

private slots:
    void registersADevice()
    {
        // Given in another zone: stored in UTC, the same moment.
        const QDateTime paris = at.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/Paris")));
        const Result<QList<JournalEntry>> r = RegistryCommands::registerDevice(pendant(), claire, paris);
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 1);
        const JournalEntry &e = r->constFirst();
        QCOMPARE(e.kind, QString(EntryKind::DeviceRegistered));
        QCOMPARE(e.source, QStringLiteral("ui"));
        QCOMPARE(e.time, at);
        QCOMPARE(e.time.timeSpec(), Qt::UTC);
        QCOMPARE(e.actor, claire);
        QCOMPARE(e.seq, 0);
        QVERIFY(e.messageId.isEmpty() && e.raw.isEmpty());
        const QJsonObject expected{
            {QStringLiteral("device"), QStringLiteral("d-301")},
            {QStringLiteral("kind"), QStringLiteral("panic_button")},
            {QStringLiteral("label"), QStringLiteral("Pendentif Mme R.")},
            {QStringLiteral("beneficiary"), QStringLiteral("B-1024")},
            {QStringLiteral("address"), QStringLiteral("12 rue des Lilas, Lyon")},
            {QStringLiteral("lat"), 45.76012},
            {QStringLiteral("lon"), 4.83569},
            {QStringLiteral("interval_s"), 900},
        };
        QCOMPARE(e.payload, expected);
        // The reducer takes it as it is.
        DispatchState state;
        QVERIFY(state.apply(e).ok());
        QCOMPARE(state.device(QStringLiteral("d-301"))->reportIntervalS, 900);
    }

    void updatesWithoutAPosition()
    {
        DeviceForm d = pendant();
        d.position = QGeoCoordinate();
        const Result<QList<JournalEntry>> r = RegistryCommands::updateDevice(d, claire, at);
        QVERIFY(r.ok());
        const JournalEntry &e = r->constFirst();
        QCOMPARE(e.kind, QString(EntryKind::DeviceUpdated));
        QCOMPARE(e.source, QStringLiteral("ui"));
        // Neither coordinate when there is no position.
        QVERIFY(!e.payload.contains(QLatin1String("lat")) && !e.payload.contains(QLatin1String("lon")));
        QCOMPARE(e.payload.size(), 6);
    }

    void removesADevice()
    {
        const Result<QList<JournalEntry>> r = RegistryCommands::removeDevice(QStringLiteral("d-303"), claire, at);
        QVERIFY(r.ok());
        const JournalEntry &e = r->constFirst();
        QCOMPARE(e.kind, QString(EntryKind::DeviceRemoved));
        QCOMPARE(e.source, QStringLiteral("ui"));
        QCOMPARE(e.actor, claire);
        QCOMPARE(e.time, at);
        QCOMPARE(e.payload, (QJsonObject{{QStringLiteral("device"), QStringLiteral("d-303")}}));
    }

    void refusesADeviceWithoutId()
    {
        DeviceForm d = pendant();
        d.id.clear();
        QVERIFY(!RegistryCommands::registerDevice(d, claire, at).ok());
        QVERIFY(!RegistryCommands::updateDevice(d, claire, at).ok());
        const Result<QList<JournalEntry>> r = RegistryCommands::removeDevice(QString(), claire, at);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("no_device_id"));
        QVERIFY(!r.errorString().isEmpty());
    }

    void importsFromSourceImport()
    {
        // As the device import wrote them: source "import", every field, the position always.
        const QList<DeviceForm> devices{pendant(),
                                        {QStringLiteral("d-302"),
                                         QStringLiteral("smoke_detector"),
                                         {},
                                         {},
                                         QStringLiteral("3 place du Marché"),
                                         QGeoCoordinate(45.75, 4.84),
                                         3600}};
        const Result<QList<JournalEntry>> r = RegistryCommands::importDevices(devices, claire, at);
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 2);
        for (const JournalEntry &e : r.value()) {
            QCOMPARE(e.kind, QString(EntryKind::DeviceRegistered));
            QCOMPARE(e.source, QStringLiteral("import"));
            QCOMPARE(e.actor, claire);
            QCOMPARE(e.time, at);
        }
        QCOMPARE(r->at(1).payload, (QJsonObject{{QStringLiteral("device"), QStringLiteral("d-302")},
                                                {QStringLiteral("kind"), QStringLiteral("smoke_detector")},
                                                {QStringLiteral("label"), QString()},
                                                {QStringLiteral("beneficiary"), QString()},
                                                {QStringLiteral("address"), QStringLiteral("3 place du Marché")},
                                                {QStringLiteral("lat"), 45.75},
                                                {QStringLiteral("lon"), 4.84},
                                                {QStringLiteral("interval_s"), 3600}}));
        // One without an id and nothing is imported.
        QVERIFY(!RegistryCommands::importDevices({pendant(), DeviceForm()}, claire, at).ok());
    }

    void theDeviceImportUsesThem()
    {
        const QByteArray csv = "device_id,kind,label,beneficiary_ref,address,latitude,longitude,report_interval_s\n"
                               "d-301,panic_button,Pendentif Mme R.,B-1024,\"12 rue des Lilas, Lyon\",45.76012,"
                               "4.83569,900\n";
        const DeviceImport::Report report = DeviceImport::fromCsv(csv, DispatchState(), at, claire);
        QVERIFY2(report.ok(), qPrintable(report.errors.join(QLatin1Char('\n'))));
        QCOMPARE(report.devices, QList<DeviceForm>{pendant()});
        const Result<QList<JournalEntry>> expected = RegistryCommands::importDevices({pendant()}, claire, at);
        QVERIFY(expected.ok());
        QCOMPARE(report.entries, expected.value());
    }
};

QTEST_GUILESS_MAIN(TestRegistryCommands)
#include "tst_registrycommands.moc"
