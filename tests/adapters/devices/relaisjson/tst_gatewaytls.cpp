// A gateway over TLS: Relais configured with a test certificate made at run time by openssl;
// the gateway verifies it against that certificate as its CA.

#include "gatewayclient.h"
#include "ingestfixture.h"

#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>

using namespace relais;
using relais::test::GatewayClient;
using relais::test::IngestFixture;

class TestGatewayTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_certs;
    QString m_cert;
    QString m_key;

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QFAIL("Qt has no TLS backend here (OpenSSL missing)");
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is not installed (scripts/setup.sh installs it)");
        m_cert = m_certs.filePath(QStringLiteral("relais.pem"));
        m_key = m_certs.filePath(QStringLiteral("relais.key"));
        QProcess p;
        p.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                          QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                          QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=relais.test"),
                          QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:relais.test"),
                          QStringLiteral("-keyout"), m_key, QStringLiteral("-out"), m_cert});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    void eventsOverTlsAreStoredAndAcked()
    {
        TcpListenConfig tls;
        tls.certificateFile = m_cert;
        tls.keyFile = m_key;
        IngestFixture f({IngestFixture::defaultAccount(QStringLiteral("gw-tls"))}, tls);
        QVERIFY2(f.ok(), qPrintable(f.listenStatus.errorString()));
        QVERIFY(f.server->isTls());

        QSslSocket socket;
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setCaCertificates(QSslCertificate::fromPath(m_cert));
        socket.setSslConfiguration(conf);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), f.port(), QStringLiteral("relais.test"));
        QTRY_VERIFY_WITH_TIMEOUT(socket.isEncrypted(), 20000); // the chain and the name were verified
        GatewayClient client(&socket);
        client.sendLine(GatewayClient::hello(QStringLiteral("gw-tls"), IngestFixture::token()));
        QCOMPARE(client.next().value(QLatin1String("type")).toString(), QStringLiteral("hello_ok"));
        client.sendLine(GatewayClient::alarm(QStringLiteral("t-1"), QStringLiteral("d-1"), QStringLiteral("smoke")));
        const QJsonObject ack = client.next();
        QCOMPARE(ack.value(QLatin1String("status")).toString(), QStringLiteral("stored"));
        QCOMPARE(f.journalOfKind(EntryKind::DeviceAlarm).size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            !f.ingest->statusRows().isEmpty() && f.ingest->statusRows().at(0).transport == QLatin1String("tls"), 5000);
    }

    void aPlainClientGetsNothingStored()
    {
        TcpListenConfig tls;
        tls.certificateFile = m_cert;
        tls.keyFile = m_key;
        IngestFixture f({IngestFixture::defaultAccount(QStringLiteral("gw-tls"))}, tls);
        QVERIFY(f.ok());
        QTcpSocket plain;
        plain.connectToHost(QHostAddress::LocalHost, f.port());
        QVERIFY(plain.waitForConnected(10000));
        GatewayClient client(&plain);
        client.sendLine(GatewayClient::hello(QStringLiteral("gw-tls"), IngestFixture::token()));
        client.sendLine(GatewayClient::alarm(QStringLiteral("t-2"), QStringLiteral("d-1"), QStringLiteral("smoke")));
        QVERIFY(client.waitClosed()); // the TLS handshake fails: the server drops it
        QCOMPARE(f.journalOfKind(EntryKind::DeviceAlarm).size(), 0);
    }

    void unreadableCertificateIsAClearError()
    {
        TcpListenConfig tls;
        tls.certificateFile = m_certs.filePath(QStringLiteral("missing.pem"));
        tls.keyFile = m_key;
        IngestFixture f({IngestFixture::defaultAccount(QStringLiteral("gw-tls"))}, tls);
        QVERIFY(!f.ok());
        QVERIFY2(f.listenStatus.errorString().contains(QLatin1String("missing.pem")),
                 qPrintable(f.listenStatus.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestGatewayTls)
#include "tst_gatewaytls.moc"
