// relais-sim, the real executable, against a fake Relais on 127.0.0.1 that speaks the server
// side of docs/protocol.md with GatewayCodec. Every line the simulator sends must decode.

#include "csvreader.h"
#include "downlinkoffer.h"
#include "fakerelais.h"
#include "gatewayerrors.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace relais;
using namespace Qt::StringLiterals;

namespace {

constexpr int Long = 90'000; // ms: generous, the suite also runs under ASan

using Line = FakeRelais::Line;
using Action = FakeRelais::Action;

QString str(const Line &l, QLatin1StringView key)
{
    return FakeRelais::object(l).value(key).toString();
}

qint64 integer(const Line &l, QLatin1StringView key)
{
    return qint64(FakeRelais::object(l).value(key).toDouble(-1));
}

QString idOf(const Line &l)
{
    return l.message.messageId;
}

QStringList ids(const QList<Line> &lines)
{
    QStringList out;
    for (const Line &l : lines)
        out.append(idOf(l));
    return out;
}

// device id -> kind, from the demo town the simulator carries.
QHash<QString, QString> demoDeviceKinds()
{
    QFile file(u":/demo/devices.csv"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const auto records = CsvReader::parse(file.readAll());
    QHash<QString, QString> out;
    if (!records)
        return out;
    for (qsizetype i = 1; i < records.value().size(); ++i) {
        const QStringList &f = records.value().at(i).fields;
        if (f.size() >= 2)
            out.insert(f.at(0), f.at(1));
    }
    return out;
}

QByteArray offerLine(const QString &downlinkId, const QString &helper, qint64 mission, double lat, double lon)
{
    DownlinkOffer offer;
    offer.id = downlinkId;
    offer.helper = helper;
    offer.mission = mission;
    offer.alarm = AlarmKind::Panic;
    offer.position = QGeoCoordinate(lat, lon);
    offer.address = u"197 10th Avenue"_s;
    offer.distanceM = 120;
    offer.fee = Money(1500, u"USD"_s);
    return GatewayCodec::encodeOffer(offer);
}

} // namespace

class TestRelaisSim final : public QObject
{
    Q_OBJECT

private:
    // Starts relais-sim with these arguments; the token in RELAIS_SIM_TOKEN unless empty.
    QProcess *startSim(const QStringList &args, const QString &token = u"t0k3n-for-tests"_s)
    {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"RELAIS_SIM_TOKEN"_s);
        if (!token.isEmpty())
            env.insert(u"RELAIS_SIM_TOKEN"_s, token);
        p->setProcessEnvironment(env);
        p->setProgram(QStringLiteral(RELAIS_SIM));
        p->setArguments(args);
        p->start();
        m_processes.append(p);
        return p;
    }

    // Runs relais-sim to its end.
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run runSim(const QStringList &args, const QString &token = u"t0k3n-for-tests"_s)
    {
        QProcess *p = startSim(args, token);
        Run r;
        // The fake Relais answers from this thread's event loop: wait with it running.
        if (!QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, Long))
            return r;
        r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
        r.out = QString::fromUtf8(p->readAllStandardOutput());
        r.err = QString::fromUtf8(p->readAllStandardError());
        return r;
    }

    static bool finished(QProcess *p) { return p->state() == QProcess::NotRunning; }

    static QStringList connectTo(const FakeRelais &relais)
    {
        return {u"--connect"_s, u"127.0.0.1:%1"_s.arg(relais.port())};
    }

    QList<QProcess *> m_processes;

private slots:
    void cleanup()
    {
        for (QProcess *p : std::as_const(m_processes)) {
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished(10'000);
            }
            delete p;
        }
        m_processes.clear();
    }

    void helpDocumentsEveryOption()
    {
        const Run r = runSim({u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        const QStringList options{
            u"--connect"_s,        u"--tls"_s,           u"--ca-file"_s,
            u"--serial"_s,         u"--baud"_s,          u"--gateway"_s,
            u"--token-file"_s,     u"--devices"_s,       u"--devices-file"_s,
            u"--helpers-file"_s,   u"--alarm-rate"_s,    u"--silent"_s,
            u"--on-duty"_s,        u"--accept-prob"_s,   u"--outcomes"_s,
            u"--speed"_s,          u"--load"_s,          u"--duration"_s,
            u"--drain-timeout"_s,  u"--max-in-flight"_s, u"--seed"_s,
            u"--stats-interval"_s, u"--quiet"_s,         u"--help"_s,
            u"--version"_s,
        };
        for (const QString &o : options)
            QVERIFY2(r.out.contains(o), qPrintable(o));
        QVERIFY(r.out.contains(u"RELAIS_SIM_TOKEN"_s));
    }

    void badOptionsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown option") << QStringList{u"--bogus"_s} << u"bogus"_s;
        QTest::newRow("no transport") << QStringList{} << u"--connect"_s;
        QTest::newRow("both transports") << QStringList{u"--connect"_s, u"127.0.0.1:1"_s, u"--serial"_s, u"/dev/null"_s}
                                         << u"one transport"_s;
        QTest::newRow("no port") << QStringList{u"--connect"_s, u"localhost"_s} << u"HOST:PORT"_s;
        QTest::newRow("speed 0") << QStringList{u"--connect"_s, u"127.0.0.1:1"_s, u"--speed"_s, u"0"_s} << u"--speed"_s;
        QTest::newRow("on-duty above 1") << QStringList{u"--connect"_s, u"127.0.0.1:1"_s, u"--on-duty"_s, u"1.5"_s}
                                         << u"--on-duty"_s;
        QTest::newRow("tls without connect") << QStringList{u"--serial"_s, u"/dev/null"_s, u"--tls"_s} << u"--tls"_s;
        QTest::newRow("unknown outcome") << QStringList{u"--connect"_s, u"127.0.0.1:1"_s, u"--outcomes"_s, u"won=1"_s}
                                         << u"--outcomes"_s;
        QTest::newRow("too many in flight")
            << QStringList{u"--connect"_s, u"127.0.0.1:1"_s, u"--max-in-flight"_s, u"5000"_s} << u"--max-in-flight"_s;
        QTest::newRow("more devices than the town")
            << QStringList{u"--connect"_s, u"127.0.0.1:1"_s, u"--devices"_s, u"5000"_s} << u"--devices"_s;
    }

    void badOptionsExitWithTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Run r = runSim(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void noTokenIsAnError()
    {
        const Run r = runSim({u"--connect"_s, u"127.0.0.1:1"_s}, QString());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"RELAIS_SIM_TOKEN"_s), qPrintable(r.err));
    }

    void helloCarriesTokenAndGatewayAndSigtermEndsCleanly()
    {
        FakeRelais relais;
        QVERIFY(relais.listen());
        QProcess *sim =
            startSim(connectTo(relais) + QStringList{u"--gateway"_s, u"gw-test-1"_s, u"--quiet"_s}, u"s3cr3t t0ken"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!relais.hellos.isEmpty(), Long);
        const InboundMessage &hello = relais.hellos.constFirst().message;
        QCOMPARE(hello.gatewayId, u"gw-test-1"_s);
        QCOMPARE(hello.token, u"s3cr3t t0ken"_s);
        QVERIFY(hello.versions.contains(1));
        QVERIFY2(hello.agent.startsWith(u"relais-sim "_s), qPrintable(hello.agent));
        QVERIFY(!sim->arguments().join(u' ').contains(u"s3cr3t"_s));
        // events flow, then SIGTERM ends it cleanly
        QTRY_VERIFY_WITH_TIMEOUT(relais.events.size() >= 10, Long);
        for (const Line &l : std::as_const(relais.events))
            QVERIFY2(idOf(l).startsWith(u"gw-test-1-"_s), qPrintable(idOf(l)));
        sim->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(finished(sim), Long);
        QCOMPARE(sim->exitStatus(), QProcess::NormalExit);
        QCOMPARE(sim->exitCode(), 0);
        QVERIFY2(relais.decodeErrors.isEmpty(), qPrintable(relais.decodeErrors.join(u'\n')));
    }

    void tokenFromFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(u"token"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("from-the-file\n");
        file.close();
        FakeRelais relais;
        QVERIFY(relais.listen());
        QProcess *sim = startSim(connectTo(relais) + QStringList{u"--token-file"_s, file.fileName(), u"--quiet"_s},
                                 u"from-the-environment"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!relais.hellos.isEmpty(), Long);
        QCOMPARE(relais.hellos.constFirst().message.token, u"from-the-file"_s);
        QCOMPARE(relais.hellos.constFirst().message.gatewayId, u"demo-sim"_s);
        sim->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(finished(sim), Long);
    }

    void wholeTownReports()
    {
        FakeRelais relais;
        QVERIFY(relais.listen());
        const Run r = runSim(connectTo(relais)
                             + QStringList{u"--speed"_s, u"600"_s, u"--duration"_s, u"4"_s, u"--alarm-rate"_s, u"3"_s,
                                           u"--seed"_s, u"42"_s, u"--quiet"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(relais.decodeErrors.isEmpty(), qPrintable(relais.decodeErrors.join(u'\n')));
        QCOMPARE(relais.hellos.size(), 1);

        QSet<QString> allIds;
        QSet<QString> reporting;
        QSet<QString> helpers;
        for (const Line &l : std::as_const(relais.events)) {
            allIds.insert(idOf(l));
            const QString type = FakeRelais::typeOf(l);
            if (type == "device.heartbeat"_L1)
                reporting.insert(str(l, "device"_L1));
            if (type.startsWith("helper."_L1))
                helpers.insert(str(l, "helper"_L1));
        }
        QCOMPARE(allIds.size(), relais.events.size()); // ids are unique
        QVERIFY2(reporting.size() >= 300, qPrintable(QString::number(reporting.size())));
        QVERIFY2(helpers.size() >= 30, qPrintable(QString::number(helpers.size())));

        const QHash<QString, QString> kinds = demoDeviceKinds();
        QCOMPARE(kinds.size(), 320);
        const QHash<QString, QString> expected{
            {u"panic_button"_s, u"panic"_s}, {u"fall_detector"_s, u"fall"_s},    {u"smoke"_s, u"smoke"_s},
            {u"door"_s, u"door"_s},          {u"water_leak"_s, u"water_leak"_s}, {u"intrusion"_s, u"intrusion"_s},
        };
        const QList<Line> alarms = relais.eventsOfType(u"device.alarm"_s);
        QVERIFY2(alarms.size() >= 20, qPrintable(QString::number(alarms.size())));
        for (const Line &a : alarms) {
            const QString device = str(a, "device"_L1);
            QVERIFY2(kinds.contains(device), qPrintable(device));
            QCOMPARE(str(a, "alarm"_L1), expected.value(kinds.value(device)));
            QVERIFY(FakeRelais::object(a).contains("lat"_L1));
            QVERIFY(FakeRelais::object(a).contains("lon"_L1));
        }
        for (const Line &x : relais.eventsOfType(u"device.restore"_s)) {
            const QString kind = kinds.value(str(x, "device"_L1));
            QVERIFY2(kind == "smoke"_L1 || kind == "water_leak"_L1 || kind == "door"_L1, qPrintable(kind));
            QCOMPARE(str(x, "alarm"_L1), expected.value(kind));
        }
        QVERIFY(!relais.eventsOfType(u"helper.on_duty"_s).isEmpty());
        QVERIFY(!relais.eventsOfType(u"helper.position"_s).isEmpty());
    }

    void sameSeedSameTown()
    {
        QList<QStringList> runs;
        for (int n = 0; n < 2; ++n) {
            FakeRelais relais;
            QVERIFY(relais.listen());
            const Run r = runSim(connectTo(relais)
                                 + QStringList{u"--speed"_s, u"600"_s, u"--duration"_s, u"2"_s, u"--alarm-rate"_s,
                                               u"10"_s, u"--seed"_s, u"1234"_s, u"--quiet"_s});
            QCOMPARE(r.exitCode, 0);
            QStringList alarms;
            for (const Line &a : relais.eventsOfType(u"device.alarm"_s))
                alarms.append(str(a, "device"_L1) + u'/' + str(a, "alarm"_L1));
            QVERIFY2(alarms.size() >= 15, qPrintable(QString::number(alarms.size())));
            runs.append(alarms.mid(0, 15));
        }
        QCOMPARE(runs.at(0), runs.at(1));
    }

    void otherTownFilesAndSilentDevices()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile devices(dir.filePath(u"devices.csv"_s));
        QVERIFY(devices.open(QIODevice::WriteOnly));
        devices.write("device_id,kind,label,beneficiary_ref,address,latitude,longitude,report_interval_s\n");
        for (int i = 1; i <= 40; ++i) {
            devices.write(QStringLiteral("T-%1,%2,Test device,B-%1,%1 Main Street,41.95,-85.63,600\n")
                              .arg(i)
                              .arg(i % 2 ? u"smoke"_s : u"panic_button"_s)
                              .toUtf8());
        }
        devices.close();
        QFile helpers(dir.filePath(u"helpers.csv"_s));
        QVERIFY(helpers.open(QIODevice::WriteOnly));
        helpers.write("helper_id,name,phone,skills,home_latitude,home_longitude\n"
                      "TH-1,Ann Test,+1 269 555 0190,first_aid,41.94,-85.62\n"
                      "TH-2,Bob Test,+1 269 555 0191,keys,41.95,-85.61\n");
        helpers.close();
        FakeRelais relais;
        QVERIFY(relais.listen());
        const Run r =
            runSim(connectTo(relais)
                   + QStringList{u"--devices-file"_s, devices.fileName(), u"--helpers-file"_s, helpers.fileName(),
                                 u"--silent"_s, u"5"_s, u"--speed"_s, u"600"_s, u"--duration"_s, u"4"_s,
                                 u"--alarm-rate"_s, u"0"_s, u"--on-duty"_s, u"1"_s, u"--quiet"_s});
        QCOMPARE(r.exitCode, 0);
        QHash<QString, int> reports;
        QSet<QString> helperIds;
        for (const Line &l : std::as_const(relais.events)) {
            if (l.message.entry.actor.kind == Actor::Kind::Device)
                ++reports[str(l, "device"_L1)];
            else
                helperIds.insert(str(l, "helper"_L1));
        }
        QCOMPARE(reports.size(), 40); // every device checked in
        int once = 0;
        for (auto it = reports.cbegin(); it != reports.cend(); ++it)
            once += it.value() == 1 ? 1 : 0;
        QCOMPARE(once, 5); // 40 simulated minutes, a 10 minute interval: only the silent ones stopped
        QCOMPARE(helperIds, (QSet<QString>{u"TH-1"_s, u"TH-2"_s}));
        QVERIFY(relais.eventsOfType(u"device.alarm"_s).isEmpty());
    }

    void resendsUnackedEventsFirstWithTheSameIds()
    {
        FakeRelais relais;
        QVERIFY(relais.listen());
        // First connection: 20 events acked, the next ones not, and closed on the 61st.
        relais.policy = [](const Line &l) {
            if (l.connection > 1 || l.indexInConnection < 20)
                return Action{};
            if (l.indexInConnection == 60)
                return Action{Action::Kind::Close, {}};
            return Action{Action::Kind::Hold, {}};
        };
        QProcess *sim =
            startSim(connectTo(relais)
                     + QStringList{u"--speed"_s, u"600"_s, u"--duration"_s, u"8"_s, u"--seed"_s, u"7"_s, u"--quiet"_s});
        QTRY_VERIFY_WITH_TIMEOUT(relais.connections() >= 2, Long);
        const QList<Line> first = relais.eventsOfConnection(1);
        QVERIFY(first.size() >= 61);
        const QList<Line> acked = first.mid(0, 20);
        const QList<Line> unacked = first.mid(20);
        QTRY_VERIFY_WITH_TIMEOUT(relais.eventsOfConnection(2).size() >= unacked.size() + 10, Long);
        const QList<Line> second = relais.eventsOfConnection(2);
        // the unacknowledged ones first, in order, byte for byte
        for (qsizetype i = 0; i < unacked.size(); ++i) {
            QCOMPARE(idOf(second.at(i)), idOf(unacked.at(i)));
            QCOMPARE(second.at(i).raw, unacked.at(i).raw);
        }
        // the acknowledged ones never again
        const QStringList secondIds = ids(second);
        for (const Line &a : acked)
            QVERIFY2(!secondIds.contains(idOf(a)), qPrintable(idOf(a)));
        // then new events
        const QStringList firstIds = ids(first);
        QVERIFY(!firstIds.contains(secondIds.last()));
        QTRY_VERIFY_WITH_TIMEOUT(finished(sim), Long);
        QCOMPARE(sim->exitCode(), 0);
        QCOMPARE(relais.hellos.size(), 2);
        QVERIFY2(relais.decodeErrors.isEmpty(), qPrintable(relais.decodeErrors.join(u'\n')));
    }

    void rateLimitedEventsAreSentAgainLater()
    {
        FakeRelais relais;
        QVERIFY(relais.listen());
        QSet<QString> limited;
        relais.policy = [&limited](const Line &l) {
            if (l.indexInConnection >= 5 && l.indexInConnection < 10 && !limited.contains(l.message.messageId)) {
                limited.insert(l.message.messageId);
                return Action{Action::Kind::Rejected, GatewayErrors::RateLimited};
            }
            return Action{};
        };
        QProcess *sim =
            startSim(connectTo(relais) + QStringList{u"--speed"_s, u"600"_s, u"--duration"_s, u"3"_s, u"--quiet"_s});
        QTRY_VERIFY_WITH_TIMEOUT(limited.size() == 5, Long);
        auto seenTwice = [&relais, &limited] {
            for (const QString &id : limited) {
                int n = 0;
                for (const Line &l : std::as_const(relais.events))
                    n += l.message.messageId == id ? 1 : 0;
                if (n < 2)
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(seenTwice(), Long);
        for (const QString &id : std::as_const(limited)) {
            QList<Line> copies;
            for (const Line &l : std::as_const(relais.events)) {
                if (l.message.messageId == id)
                    copies.append(l);
            }
            QCOMPARE(copies.size(), 2);
            QCOMPARE(copies.at(1).raw, copies.at(0).raw);
            QVERIFY(copies.at(1).indexInConnection > copies.at(0).indexInConnection + 1); // later, not at once
        }
        QTRY_VERIFY_WITH_TIMEOUT(finished(sim), Long);
        QCOMPARE(sim->exitCode(), 0);
        QCOMPARE(relais.connections(), 1);
    }

    void offerIsAcknowledgedAnsweredAndCarriedOut()
    {
        FakeRelais relais;
        QVERIFY(relais.listen());
        QProcess *sim =
            startSim(connectTo(relais)
                     + QStringList{u"--speed"_s, u"600"_s, u"--on-duty"_s, u"1"_s, u"--accept-prob"_s, u"1"_s,
                                   u"--alarm-rate"_s, u"0"_s, u"--outcomes"_s, u"no_access=1"_s, u"--quiet"_s});
        QTRY_VERIFY_WITH_TIMEOUT(!relais.eventsOfType(u"helper.position"_s).isEmpty(), Long);
        const Line where = relais.eventsOfType(u"helper.position"_s).constFirst();
        const QString helper = str(where, "helper"_L1);
        const double lat = FakeRelais::object(where).value("lat"_L1).toDouble() + 0.001; // about 110 m away
        const double lon = FakeRelais::object(where).value("lon"_L1).toDouble();

        auto stepsOf = [&relais](qint64 mission, const QString &type) {
            QList<Line> out;
            for (const Line &l : relais.eventsOfType(type)) {
                if (integer(l, "mission"_L1) == mission)
                    out.append(l);
            }
            return out;
        };
        auto acksOf = [&relais](const QString &downlinkId) {
            QList<Line> out;
            for (const Line &l : std::as_const(relais.downlinkAcks)) {
                if (l.message.messageId == downlinkId)
                    out.append(l);
            }
            return out;
        };

        relais.send(offerLine(u"rl-000001"_s, helper, 7, lat, lon));
        QTRY_COMPARE_WITH_TIMEOUT(acksOf(u"rl-000001"_s).size(), 1, Long);
        QCOMPARE(acksOf(u"rl-000001"_s).constFirst().message.downlinkStatus, InboundMessage::DownlinkStatus::Delivered);
        QTRY_COMPARE_WITH_TIMEOUT(stepsOf(7, u"helper.answer"_s).size(), 1, Long);
        const Line answer = stepsOf(7, u"helper.answer"_s).constFirst();
        QCOMPARE(str(answer, "helper"_L1), helper);
        QCOMPARE(str(answer, "answer"_L1), u"accept"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stepsOf(7, u"helper.en_route"_s).size(), 1, Long);
        QTRY_COMPARE_WITH_TIMEOUT(stepsOf(7, u"helper.on_scene"_s).size(), 1, Long);
        QTRY_COMPARE_WITH_TIMEOUT(stepsOf(7, u"helper.report"_s).size(), 1, Long);
        const Line report = stepsOf(7, u"helper.report"_s).constFirst();
        QCOMPARE(str(report, "helper"_L1), helper);
        QCOMPARE(str(report, "outcome"_L1), u"no_access"_s);
        QVERIFY(!str(report, "note"_L1).isEmpty());
        // the helper walked there: a position at the site before arriving
        bool atSite = false;
        for (const Line &p : relais.eventsOfType(u"helper.position"_s)) {
            const QJsonObject o = FakeRelais::object(p);
            atSite = atSite
                     || (o.value("helper"_L1).toString() == helper && qAbs(o.value("lat"_L1).toDouble() - lat) < 1e-6
                         && qAbs(o.value("lon"_L1).toDouble() - lon) < 1e-6);
        }
        QVERIFY(atSite);

        // The same offer again (Relais lost our ack): acknowledged again, not shown twice.
        relais.send(offerLine(u"rl-000001"_s, helper, 7, lat, lon));
        QTRY_COMPARE_WITH_TIMEOUT(acksOf(u"rl-000001"_s).size(), 2, Long);
        QCOMPARE(acksOf(u"rl-000001"_s).at(1).message.downlinkStatus, InboundMessage::DownlinkStatus::Delivered);
        // A second mission, carried out to the end: by then a second answer to 7 would be there.
        relais.send(offerLine(u"rl-000002"_s, helper, 8, lat, lon));
        QTRY_COMPARE_WITH_TIMEOUT(stepsOf(8, u"helper.report"_s).size(), 1, Long);
        QCOMPARE(stepsOf(7, u"helper.answer"_s).size(), 1);

        // An offer for a helper this gateway does not carry fails.
        relais.send(offerLine(u"rl-000003"_s, u"H-999"_s, 9, lat, lon));
        QTRY_COMPARE_WITH_TIMEOUT(acksOf(u"rl-000003"_s).size(), 1, Long);
        QCOMPARE(acksOf(u"rl-000003"_s).constFirst().message.downlinkStatus, InboundMessage::DownlinkStatus::Failed);
        QCOMPARE(acksOf(u"rl-000003"_s).constFirst().message.reason, u"unknown_helper"_s);

        sim->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(finished(sim), Long);
        QCOMPARE(sim->exitCode(), 0);
        QVERIFY2(relais.decodeErrors.isEmpty(), qPrintable(relais.decodeErrors.join(u'\n')));
    }

    void cancelStopsTheMission()
    {
        FakeRelais relais;
        QVERIFY(relais.listen());
        QProcess *sim = startSim(connectTo(relais)
                                 + QStringList{u"--speed"_s, u"60"_s, u"--on-duty"_s, u"1"_s, u"--accept-prob"_s,
                                               u"1"_s, u"--alarm-rate"_s, u"0"_s, u"--quiet"_s});
        QTRY_VERIFY_WITH_TIMEOUT(!relais.eventsOfType(u"helper.position"_s).isEmpty(), Long);
        const Line where = relais.eventsOfType(u"helper.position"_s).constFirst();
        const QString helper = str(where, "helper"_L1);
        const double lat = FakeRelais::object(where).value("lat"_L1).toDouble();
        const double lon = FakeRelais::object(where).value("lon"_L1).toDouble();
        auto stepsOf = [&relais](qint64 mission, const QString &type) {
            QList<Line> out;
            for (const Line &l : relais.eventsOfType(type)) {
                if (integer(l, "mission"_L1) == mission)
                    out.append(l);
            }
            return out;
        };
        // Far away (about 5.5 km): at x60 the trip takes more than 20 real seconds.
        relais.send(offerLine(u"rl-100001"_s, helper, 21, lat + 0.05, lon));
        QTRY_COMPARE_WITH_TIMEOUT(stepsOf(21, u"helper.en_route"_s).size(), 1, Long);
        relais.send(GatewayCodec::encodeCancel(u"rl-100002"_s, helper, 21, u"alarm_cancelled"_s));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(relais.downlinkAcks.cbegin(), relais.downlinkAcks.cend(),
                                             [](const Line &l) { return l.message.messageId == "rl-100002"_L1; }),
                                 Long);
        // Free again: a new offer is accepted (a busy helper declines).
        relais.send(offerLine(u"rl-100003"_s, helper, 22, lat, lon));
        QTRY_COMPARE_WITH_TIMEOUT(stepsOf(22, u"helper.answer"_s).size(), 1, Long);
        QCOMPARE(str(stepsOf(22, u"helper.answer"_s).constFirst(), "answer"_L1), u"accept"_s);
        QCOMPARE(stepsOf(21, u"helper.on_scene"_s).size(), 0);
        QCOMPARE(stepsOf(21, u"helper.report"_s).size(), 0);
        sim->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(finished(sim), Long);
        QCOMPARE(sim->exitCode(), 0);
    }

    void wrongTokenExitsWithAMessage()
    {
        FakeRelais relais;
        relais.helloReply = FakeRelais::HelloReply::BadToken;
        QVERIFY(relais.listen());
        const Run r = runSim(connectTo(relais) + QStringList{u"--quiet"_s}, u"wrong"_s);
        QVERIFY(r.exitCode != 0 && r.exitCode != -1);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(u"bad_token"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Unknown gateway or wrong token."_s), qPrintable(r.err));
        QCOMPARE(relais.hellos.size(), 1); // no retry with a token known to be wrong
    }

    void unsupportedVersionExitsWithAMessage()
    {
        FakeRelais relais;
        relais.helloReply = FakeRelais::HelloReply::UnsupportedVersion;
        QVERIFY(relais.listen());
        const Run r = runSim(connectTo(relais));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(u"unsupported_version"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"supports version 7"_s), qPrintable(r.err));
    }

    void reconnectsAfterAClosingError()
    {
        FakeRelais relais;
        QVERIFY(relais.listen());
        bool sentShutdown = false;
        relais.policy = [&](const Line &l) {
            if (l.connection == 1 && l.indexInConnection == 3 && !sentShutdown) {
                sentShutdown = true;
                relais.send(GatewayCodec::encodeError(GatewayErrors::ShuttingDown, u"Relais is stopping."_s));
                return Action{Action::Kind::Close, {}};
            }
            return Action{};
        };
        QProcess *sim = startSim(connectTo(relais) + QStringList{u"--speed"_s, u"600"_s});
        QTRY_VERIFY_WITH_TIMEOUT(relais.hellos.size() >= 2, Long);
        QTRY_VERIFY_WITH_TIMEOUT(relais.eventsOfConnection(2).size() >= 5, Long);
        sim->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(finished(sim), Long);
        QCOMPARE(sim->exitCode(), 0);
        const QString err = QString::fromUtf8(sim->readAllStandardError());
        QVERIFY2(err.contains(u"shutting_down"_s), qPrintable(err));
        QVERIFY2(err.contains(u"again in 1 s"_s), qPrintable(err));
    }

    void keepsAtMost4000Unacknowledged()
    {
        FakeRelais relais;
        QVERIFY(relais.listen());
        relais.policy = [](const Line &) {
            return Action{Action::Kind::Hold, {}};
        };
        QProcess *sim = startSim(connectTo(relais) + QStringList{u"--load"_s, u"20000"_s, u"--quiet"_s});
        QTRY_COMPARE_WITH_TIMEOUT(relais.events.size(), 4000, Long);
        QTest::qWait(500); // nothing more may come while nothing is acknowledged
        QCOMPARE(relais.events.size(), 4000);
        QCOMPARE(relais.releaseHeld(100), 100);
        QTRY_COMPARE_WITH_TIMEOUT(relais.events.size(), 4100, Long);
        QTest::qWait(300);
        QCOMPARE(relais.events.size(), 4100);
        relais.policy = {};
        relais.releaseHeld();
        QTRY_VERIFY_WITH_TIMEOUT(relais.events.size() >= 8000, Long);
        sim->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(finished(sim), Long);
        QCOMPARE(sim->exitCode(), 0);
    }

    void honoursRateAndBurst()
    {
        FakeRelais relais;
        relais.limits = GatewayLimits{GatewayLimits::DefaultMaxLine, 400, 100};
        QVERIFY(relais.listen());
        const Run r = runSim(connectTo(relais) + QStringList{u"--load"_s, u"5000"_s, u"--duration"_s, u"2"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(u"held to that rate"_s), qPrintable(r.err));
        QVERIFY(!relais.hellos.isEmpty());
        const qint64 t0 = relais.hellos.constFirst().atMs; // hello_ok was sent then
        for (qsizetype k = 0; k < relais.events.size(); ++k) {
            const double allowed = 100 + 400.0 * double(relais.events.at(k).atMs - t0) / 1000.0 + 5;
            QVERIFY2(double(k + 1) <= allowed,
                     qPrintable(u"event %1 at %2 ms"_s.arg(k).arg(relais.events.at(k).atMs - t0)));
        }
        QVERIFY(relais.events.size() >= 500);
    }

    void loadModePrintsASummary()
    {
        FakeRelais relais;
        QVERIFY(relais.listen());
        const Run r =
            runSim(connectTo(relais) + QStringList{u"--load"_s, u"3000"_s, u"--duration"_s, u"2"_s, u"--quiet"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QHash<QString, QString> summary;
        for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts)) {
            const qsizetype colon = line.indexOf(u':');
            if (colon > 0)
                summary.insert(line.left(colon), line.mid(colon + 1).trimmed());
        }
        for (const char *key : {"sent", "stored", "duplicate", "rejected", "ack_latency_p50_ms", "ack_latency_p99_ms"})
            QVERIFY2(summary.contains(QLatin1StringView(key)), key);
        const qsizetype sent = summary.value(u"sent"_s).toLongLong();
        QVERIFY2(sent >= 1000, qPrintable(r.out));
        QCOMPARE(summary.value(u"stored"_s).toLongLong(), sent);
        QCOMPARE(summary.value(u"duplicate"_s), u"0"_s);
        QCOMPARE(summary.value(u"rejected"_s), u"0"_s);
        QCOMPARE(summary.value(u"unacknowledged"_s), u"0"_s);
        QCOMPARE(relais.events.size(), sent);
        const QStringList all = ids(relais.events);
        QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), sent);
        for (const Line &l : std::as_const(relais.events))
            QCOMPARE(l.message.entry.kind, u"device.heartbeat"_s);
        QVERIFY2(relais.decodeErrors.isEmpty(), qPrintable(relais.decodeErrors.join(u'\n')));
    }

    void tlsWithTheGivenCa()
    {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty())
            QSKIP("openssl is not installed");
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto run = [&](const QStringList &args) {
            QProcess p;
            p.setWorkingDirectory(dir.path());
            p.start(openssl, args);
            return p.waitForFinished(60'000) && p.exitCode() == 0;
        };
        QFile ext(dir.filePath(u"ext.cnf"_s));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        ext.close();
        const QStringList ec{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s};
        QVERIFY(run(QStringList{u"req"_s, u"-x509"_s} + ec
                    + QStringList{u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                                  u"/CN=Relais test CA"_s}));
        QVERIFY(run(QStringList{u"req"_s, u"-x509"_s} + ec
                    + QStringList{u"-keyout"_s, u"other.key"_s, u"-out"_s, u"other.pem"_s, u"-days"_s, u"2"_s,
                                  u"-subj"_s, u"/CN=Another CA"_s}));
        QVERIFY(run(
            QStringList{u"req"_s} + ec
            + QStringList{u"-keyout"_s, u"server.key"_s, u"-out"_s, u"server.csr"_s, u"-subj"_s, u"/CN=127.0.0.1"_s}));
        QVERIFY(
            run({u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s, u"ca.key"_s,
                 u"-CAcreateserial"_s, u"-out"_s, u"server.pem"_s, u"-days"_s, u"2"_s, u"-extfile"_s, u"ext.cnf"_s}));
        QFile certFile(dir.filePath(u"server.pem"_s));
        QFile keyFile(dir.filePath(u"server.key"_s));
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        QVERIFY(!config.localCertificate().isNull());
        QVERIFY(!config.privateKey().isNull());

        auto server = std::make_unique<QSslServer>(); // outlives the fake and its sockets
        server->setSslConfiguration(config);
        FakeRelais relais;
        QVERIFY(relais.listen(server.get()));

        // A CA that did not sign Relais's certificate: no session.
        QProcess *wrong =
            startSim(connectTo(relais) + QStringList{u"--tls"_s, u"--ca-file"_s, dir.filePath(u"other.pem"_s)});
        QByteArray wrongErr;
        QTRY_VERIFY_WITH_TIMEOUT((wrongErr += wrong->readAllStandardError()).contains("TLS"), Long);
        QCOMPARE(relais.hellos.size(), 0);
        wrong->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(finished(wrong), Long);

        // The right CA: hello, then events.
        QProcess *sim = startSim(
            connectTo(relais)
            + QStringList{u"--tls"_s, u"--ca-file"_s, dir.filePath(u"ca.pem"_s), u"--speed"_s, u"600"_s, u"--quiet"_s});
        QTRY_VERIFY_WITH_TIMEOUT(relais.hellos.size() == 1, Long);
        QTRY_VERIFY_WITH_TIMEOUT(relais.events.size() >= 20, Long);
        sim->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(finished(sim), Long);
        QCOMPARE(sim->exitCode(), 0);
        QVERIFY2(relais.decodeErrors.isEmpty(), qPrintable(relais.decodeErrors.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestRelaisSim)
#include "tst_relaissim.moc"
