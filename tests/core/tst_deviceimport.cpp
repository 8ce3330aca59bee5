#include "deviceimport.h"
#include "dispatchstate.h"

#include <QTest>

using namespace relais;

namespace {

const QDateTime kAt = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000, Qt::UTC);
const Actor kBy = Actor::operatorNamed(QStringLiteral("Claire"));
const QByteArray kHeader = "device_id,kind,label,beneficiary_ref,address,latitude,longitude,report_interval_s\n";

} // namespace

class TestDeviceImport final : public QObject
{
    Q_OBJECT

private slots:
    void importsEveryLineAsARegistration()
    {
        const QByteArray csv = kHeader
                               + "d-1,panic_button,Pendant,B-0001,\"12 rue des Lilas, Bât. A\",48.85,2.35,3600\n"
                                 "d-2,smoke,Kitchen,B-0002,3 place de la Mairie,48.851,2.351,14400\n";
        DispatchState state;
        const DeviceImport::Report r = DeviceImport::fromCsv(csv, state, kAt, kBy);
        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.entries.size(), 2);
        // Every entry is accepted by the reducer and gives the device as written.
        for (const JournalEntry &e : r.entries) {
            QCOMPARE(e.kind, QString(EntryKind::DeviceRegistered));
            QCOMPARE(e.actor, kBy);
            QVERIFY2(state.apply(e).ok(), qPrintable(e.payload.value(QLatin1String("device")).toString()));
        }
        const Device *d = state.device(QStringLiteral("d-1"));
        QVERIFY(d);
        QCOMPARE(d->address, QStringLiteral("12 rue des Lilas, Bât. A"));
        QCOMPARE(d->beneficiaryRef, QStringLiteral("B-0001"));
        QCOMPARE(d->position, QGeoCoordinate(48.85, 2.35));
        QCOMPARE(d->reportIntervalS, 3600);
        QCOMPARE(state.device(QStringLiteral("d-2"))->reportIntervalS, 14400);
    }

    void columnsInAnyOrderWithSemicolonsAndDecimalCommas()
    {
        const QByteArray csv = "Latitude;Longitude;device_id;kind;label;beneficiary_ref;address;report_interval_s\n"
                               "48,85;2,35;d-9;door;Entrée;B-9;1 rue Haute;600\n";
        const DeviceImport::Report r = DeviceImport::fromCsv(csv, DispatchState(), kAt, kBy);
        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.entries.size(), 1);
        QCOMPARE(r.entries.first().payload.value(QLatin1String("lat")).toDouble(), 48.85);
        QCOMPARE(r.entries.first().payload.value(QLatin1String("label")).toString(), QStringLiteral("Entrée"));
    }

    void allOrNothingWithLineNumbers()
    {
        DispatchState state;
        JournalEntry existing;
        existing.time = kAt;
        existing.kind = EntryKind::DeviceRegistered;
        existing.payload = {{QStringLiteral("device"), QStringLiteral("d-old")}};
        QVERIFY(state.apply(existing).ok());

        const QByteArray csv = kHeader
                               + "d-1,panic_button,P,B-1,a,48.85,2.35,3600\n" // line 2: good
                                 "d-1,panic_button,P,B-1,a,48.85,2.35,3600\n" // 3: twice
                                 "d-old,smoke,S,B-2,b,48.85,2.35,3600\n"      // 4: registered
                                 ",smoke,S,B-3,c,91,2.35,0\n"                 // 5: three problems
                                 "d-5,smoke,S,B-5,\"d\ne\",48.85,east,3600\n" // 6-7: longitude
                                 "d-6,smoke,S\n";                             // 8: short line
        const DispatchState before = state;
        const DeviceImport::Report r = DeviceImport::fromCsv(csv, state, kAt, kBy);
        QVERIFY(!r.ok());
        QVERIFY(r.entries.isEmpty()); // nothing from a bad file, not even its good lines
        QCOMPARE(r.errors.size(), 5);
        QVERIFY2(r.errors.at(0).startsWith(QLatin1String("Line 3:")) && r.errors.at(0).contains(QLatin1String("twice")),
                 qPrintable(r.errors.at(0)));
        QVERIFY(r.errors.at(1).startsWith(QLatin1String("Line 4:")));
        QVERIFY(r.errors.at(1).contains(QLatin1String("already registered")));
        QVERIFY(r.errors.at(2).startsWith(QLatin1String("Line 5:")));
        QVERIFY(r.errors.at(2).contains(QLatin1String("id is empty")));
        QVERIFY(r.errors.at(2).contains(QLatin1String("latitude")));
        QVERIFY(r.errors.at(2).contains(QLatin1String("interval")));
        QVERIFY2(r.errors.at(3).startsWith(QLatin1String("Line 6:")) && r.errors.at(3).contains(QLatin1String("east")),
                 qPrintable(r.errors.at(3)));
        QVERIFY(r.errors.at(4).startsWith(QLatin1String("Line 8:")));
        QVERIFY(state == before);
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("header only") << kHeader << QStringLiteral("no device");
        QTest::newRow("missing columns") << QByteArray("device_id,kind\nd-1,smoke\n")
                                         << QStringLiteral("latitude, longitude");
        QTest::newRow("broken quoting") << QByteArray(kHeader + "d-1,\"smoke,x\n") << QStringLiteral("Line 2");
    }

    void badFiles()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, mentions);
        const DeviceImport::Report r = DeviceImport::fromCsv(data, DispatchState(), kAt, kBy);
        QVERIFY(!r.ok());
        QVERIFY(r.entries.isEmpty());
        QVERIFY2(r.errors.join(QLatin1Char(' ')).contains(mentions), qPrintable(r.errors.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestDeviceImport)
#include "tst_deviceimport.moc"
