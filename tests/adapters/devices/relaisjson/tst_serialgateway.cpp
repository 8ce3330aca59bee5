// A gateway on a serial line: socat makes a pair of pseudo-terminals; Relais opens one end
// with a SerialGatewayLine, the test gateway the other with QSerialPort.

#include "gatewayclient.h"
#include "ingestfixture.h"
#include "serialgatewayline.h"

#include <QFileInfo>
#include <QProcess>
#include <QSerialPort>
#include <QStandardPaths>

using namespace relais;
using relais::test::GatewayClient;
using relais::test::IngestFixture;

namespace {

// socat linking two ptys at dir/relais and dir/gateway.
class PtyPair final
{
public:
    explicit PtyPair(const QString &dir)
        : relaisEnd(dir + QStringLiteral("/relais")), gatewayEnd(dir + QStringLiteral("/gateway"))
    {}
    ~PtyPair() { stop(); }

    bool start()
    {
        m_socat.start(
            QStandardPaths::findExecutable(QStringLiteral("socat")),
            {QStringLiteral("pty,raw,echo=0,link=") + relaisEnd, QStringLiteral("pty,raw,echo=0,link=") + gatewayEnd});
        if (!m_socat.waitForStarted(10000))
            return false;
        QElapsedTimer t;
        t.start();
        while (!(QFileInfo::exists(relaisEnd) && QFileInfo::exists(gatewayEnd)) && t.elapsed() < 20000)
            QTest::qWait(20);
        return QFileInfo::exists(relaisEnd) && QFileInfo::exists(gatewayEnd);
    }
    void stop()
    {
        if (m_socat.state() == QProcess::NotRunning)
            return;
        m_socat.kill();
        m_socat.waitForFinished(10000);
    }

    const QString relaisEnd;
    const QString gatewayEnd;

private:
    QProcess m_socat;
};

std::unique_ptr<QSerialPort> openGateway(const QString &path)
{
    auto port = std::make_unique<QSerialPort>();
    port->setPortName(path);
    port->setBaudRate(115200);
    if (!port->open(QIODevice::ReadWrite))
        return nullptr;
    return port;
}

} // namespace

class TestSerialGateway : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("socat")).isEmpty())
            QSKIP("socat is not installed (scripts/setup.sh installs it)");
    }

    void eventsOverASerialLineAndReconnectionWhenUnplugged()
    {
        IngestFixture f;
        QVERIFY(f.ok());
        QTemporaryDir ptys;
        PtyPair pair(ptys.path());
        QVERIFY(pair.start());

        SerialLineConfig config;
        config.port = pair.relaisEnd;
        SerialGatewayLine line(f.hub.get(), config);
        line.setBackoff(100, 400);
        line.start();
        QVERIFY(line.isOpen());

        {
            std::unique_ptr<QSerialPort> port = openGateway(pair.gatewayEnd);
            QVERIFY(port);
            GatewayClient gw(port.get());
            gw.sendLine(GatewayClient::hello(QStringLiteral("gw-test"), IngestFixture::token()));
            QCOMPARE(gw.next().value(QLatin1String("type")).toString(), QStringLiteral("hello_ok"));
            gw.sendLine(GatewayClient::heartbeat(QStringLiteral("s-1"), QStringLiteral("d-1")));
            gw.sendLine(QByteArray("not json at all"));
            gw.sendLine(GatewayClient::heartbeat(QStringLiteral("s-2"), QStringLiteral("d-1")));
            QCOMPARE(gw.next().value(QLatin1String("status")).toString(), QStringLiteral("stored"));
            QCOMPARE(gw.next().value(QLatin1String("code")).toString(), QStringLiteral("invalid_json"));
            QCOMPARE(gw.next().value(QLatin1String("status")).toString(), QStringLiteral("stored"));

            // The dongle restarts: a new hello on the same line starts a new session.
            gw.sendLine(GatewayClient::hello(QStringLiteral("gw-test"), IngestFixture::token()));
            QCOMPARE(gw.next().value(QLatin1String("type")).toString(), QStringLiteral("hello_ok"));
            gw.sendLine(GatewayClient::heartbeat(QStringLiteral("s-1"), QStringLiteral("d-1")));
            QCOMPARE(gw.next().value(QLatin1String("status")).toString(), QStringLiteral("duplicate"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(f.ingest->statusRows().size() >= 2, 5000);

        // Unplugged: the line notices, reports it, and retries with a growing delay.
        pair.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!line.isOpen(), 20000);
        const auto serialRow = [&] {
            for (const GatewayStatus &r : f.ingest->statusRows()) {
                if (r.key == line.statusKey())
                    return r;
            }
            return GatewayStatus{};
        };
        QTRY_COMPARE_WITH_TIMEOUT(serialRow().link, GatewayStatus::Link::Connecting, 20000);
        QVERIFY(!serialRow().lastError.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(line.nextDelayMs(), 400, 20000); // 100, 200, 400 (the maximum)

        // Plugged in again (same paths): it opens and a gateway can speak at once.
        QVERIFY(pair.start());
        QTRY_VERIFY_WITH_TIMEOUT(line.isOpen(), 20000);
        std::unique_ptr<QSerialPort> port = openGateway(pair.gatewayEnd);
        QVERIFY(port);
        GatewayClient gw(port.get());
        gw.sendLine(GatewayClient::hello(QStringLiteral("gw-test"), IngestFixture::token()));
        QCOMPARE(gw.next().value(QLatin1String("type")).toString(), QStringLiteral("hello_ok"));
        gw.sendLine(GatewayClient::heartbeat(QStringLiteral("s-3"), QStringLiteral("d-1")));
        QCOMPARE(gw.next().value(QLatin1String("status")).toString(), QStringLiteral("stored"));
        QCOMPARE(serialRow().stored, quint64(3));
        QCOMPARE(f.journalOfKind(EntryKind::DeviceHeartbeat).size(), 3);
        line.stop();
    }
};

QTEST_GUILESS_MAIN(TestSerialGateway)
#include "tst_serialgateway.moc"
