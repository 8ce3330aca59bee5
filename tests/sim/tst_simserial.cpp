// relais-sim over a serial line: a pseudo-terminal pair made by socat, the test's fake Relais on
// one end (QSerialPort), the simulator on the other. Exits 77 (skipped) without socat.

#include "fakerelais.h"

#include <QFile>
#include <QProcess>
#include <QSerialPort>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace relais;
using namespace Qt::StringLiterals;

namespace {
constexpr int Long = 90'000; // ms: generous, the suite also runs under ASan
}

class TestSimSerial final : public QObject
{
    Q_OBJECT

private slots:
    void helloAndEventsOverAPtyPair()
    {
        const QString socat = QStandardPaths::findExecutable(u"socat"_s);
        if (socat.isEmpty())
            QSKIP("socat is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString relaisEnd = dir.filePath(u"a"_s);
        const QString simEnd = dir.filePath(u"b"_s);

        QProcess pair;
        pair.setStandardOutputFile(QProcess::nullDevice()); // -d -d: socat's chatter
        pair.setStandardErrorFile(QProcess::nullDevice());
        pair.start(socat,
                   {u"-d"_s, u"-d"_s, u"pty,raw,echo=0,link="_s + relaisEnd, u"pty,raw,echo=0,link="_s + simEnd});
        QVERIFY(pair.waitForStarted(Long));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(relaisEnd) && QFile::exists(simEnd), Long);

        QSerialPort port;
        port.setPortName(relaisEnd);
        port.setBaudRate(115200);
        QVERIFY2(port.open(QIODevice::ReadWrite), qPrintable(port.errorString()));
        FakeRelais relais;
        relais.attach(&port);

        QProcess sim;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"RELAIS_SIM_TOKEN"_s, u"serial-token"_s);
        sim.setProcessEnvironment(env);
        sim.start(QStringLiteral(RELAIS_SIM), {u"--serial"_s, simEnd, u"--baud"_s, u"115200"_s, u"--gateway"_s,
                                               u"gw-serial"_s, u"--speed"_s, u"600"_s, u"--quiet"_s});
        QVERIFY(sim.waitForStarted(Long));

        QTRY_VERIFY_WITH_TIMEOUT(!relais.hellos.isEmpty(), Long);
        QCOMPARE(relais.hellos.constFirst().message.gatewayId, u"gw-serial"_s);
        QCOMPARE(relais.hellos.constFirst().message.token, u"serial-token"_s);
        // hello_ok and the acks go back over the line: events keep coming, none twice
        QTRY_VERIFY_WITH_TIMEOUT(relais.events.size() >= 50, Long);
        QSet<QString> ids;
        for (const FakeRelais::Line &l : std::as_const(relais.events))
            ids.insert(l.message.messageId);
        QCOMPARE(ids.size(), relais.events.size());
        QVERIFY2(relais.decodeErrors.isEmpty(), qPrintable(relais.decodeErrors.join(u'\n')));

        sim.terminate();
        QVERIFY(sim.waitForFinished(Long));
        QCOMPARE(sim.exitStatus(), QProcess::NormalExit);
        QCOMPARE(sim.exitCode(), 0);
        port.close();
        pair.terminate();
        if (!pair.waitForFinished(10'000)) {
            pair.kill();
            pair.waitForFinished(10'000);
        }
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (QStandardPaths::findExecutable(QStringLiteral("socat")).isEmpty()) {
        std::fputs("SKIP: socat is not installed (Debian package socat)\n", stdout);
        return 77;
    }
    TestSimSerial test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_simserial.moc"
