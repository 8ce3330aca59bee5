// The gateways file: what it accepts, and every problem it names.

#include "gatewayconfig.h"

#include <QTemporaryDir>
#include <QTest>

using namespace relais;

class TestGatewayConfig : public QObject
{
    Q_OBJECT

private slots:
    void validFileRoundTrips()
    {
        QTemporaryDir dir;
        QFile cert(dir.filePath(QStringLiteral("c.pem")));
        QVERIFY(cert.open(QIODevice::WriteOnly));
        cert.write("x");
        cert.close();
        QFile key(dir.filePath(QStringLiteral("k.pem")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.close();
        const QByteArray json = R"({
            "tcp": [{"address": "0.0.0.0", "port": 7301}, {"port": 7302, "certificate": "c.pem", "key": "k.pem"}],
            "serial": [{"port": "/dev/ttyUSB0", "baud": 9600}],
            "gateways": [{"id": "gw-north", "token": "abcdefgh12", "rate": 500, "burst": 900},
                         {"id": "gw-south", "token": "ijklmnop34"}]
        })";
        const GatewayConfigFile::Parsed p = GatewayConfigFile::parse(json, dir.path());
        QVERIFY2(p.ok(), qPrintable(p.errors.join(QLatin1Char('\n'))));
        QCOMPARE(p.config.tcp.size(), 2);
        QCOMPARE(p.config.tcp.at(0).address, QStringLiteral("0.0.0.0"));
        QVERIFY(!p.config.tcp.at(0).tls());
        QVERIFY(p.config.tcp.at(1).tls());
        QCOMPARE(p.config.tcp.at(1).certificateFile, dir.filePath(QStringLiteral("c.pem"))); // relative to the file
        QCOMPARE(p.config.tcp.at(1).address, QStringLiteral("127.0.0.1"));                   // the default
        QCOMPARE(p.config.serial.at(0).baud, 9600);
        QCOMPARE(p.config.gateways.at(0).limits.rate, 500);
        QCOMPARE(p.config.gateways.at(1).limits.burst, 4000);

        const GatewayConfigFile::Parsed again = GatewayConfigFile::parse(GatewayConfigFile::serialize(p.config), {});
        QVERIFY(again.ok());
        QCOMPARE(again.config.gateways.at(0).token, QStringLiteral("abcdefgh12"));
        QCOMPARE(again.config.tcp.at(1).keyFile, dir.filePath(QStringLiteral("k.pem")));
    }

    void everyProblemIsNamed()
    {
        const QByteArray json = R"({
            "tcp": [{"port": 70000}, {"port": 1, "certificate": "/nowhere/c.pem"}],
            "serial": [{"baud": 0}],
            "gateways": [{"id": "gw", "token": "short"}, {"id": "gw", "token": "long-enough-1"}, {"token": "x"}],
            "extra": 1
        })";
        const GatewayConfigFile::Parsed p = GatewayConfigFile::parse(json, QStringLiteral("/tmp"));
        QVERIFY(!p.ok());
        const QString all = p.errors.join(QLatin1Char('\n'));
        for (const char *expected :
             {"tcp[0]", "tcp[1]: TLS needs both", "serial[0]: “port”", "serial[0]: “baud”", "gateways[0]: “token”",
              "gateways[1]: the id gw is used twice", "gateways[2]: “id”", "Unknown section “extra”"}) {
            QVERIFY2(all.contains(QString::fromUtf8(expected)), qPrintable(all));
        }
    }

    void aTokenCanBeNamedInTheKeychain()
    {
        const QByteArray json = R"({"gateways": [
            {"id": "gw-north", "token_secret": "gateway/gw-north/token"},
            {"id": "gw-old", "token": "written-in-the-file"}]})";
        const GatewayConfigFile::Parsed p = GatewayConfigFile::parse(json, {});
        QVERIFY2(p.ok(), qPrintable(p.errors.join(QLatin1Char('\n'))));
        QCOMPARE(p.config.gateways.at(0).tokenSecret, QStringLiteral("gateway/gw-north/token"));
        QVERIFY(p.config.gateways.at(0).token.isEmpty()); // resolved by the console (app/gatewaysecrets)
        QVERIFY(p.config.gateways.at(1).tokenSecret.isEmpty());

        // Once resolved, the token is never written back: only its key.
        GatewayConfig resolved = p.config;
        resolved.gateways[0].token = QStringLiteral("from-the-keychain");
        const QByteArray again = GatewayConfigFile::serialize(resolved);
        QVERIFY(!again.contains("from-the-keychain"));
        const GatewayConfigFile::Parsed reread = GatewayConfigFile::parse(again, {});
        QVERIFY(reread.ok());
        QCOMPARE(reread.config.gateways.at(0).tokenSecret, QStringLiteral("gateway/gw-north/token"));
        QCOMPARE(reread.config.gateways.at(1).token, QStringLiteral("written-in-the-file"));
    }

    void aBadTokenSecretIsNamed()
    {
        const QByteArray json = R"({"gateways": [
            {"id": "a", "token_secret": "gateway/a/token", "token": "also-in-the-file"},
            {"id": "b", "token_secret": "gw-b"},
            {"id": "c", "token_secret": ""}]})";
        const GatewayConfigFile::Parsed p = GatewayConfigFile::parse(json, {});
        QCOMPARE(p.errors.size(), 3);
        QVERIFY2(p.errors.at(0).contains(QStringLiteral("gateways[0]: give “token_secret” or “token”, not both")),
                 qPrintable(p.errors.at(0)));
        QVERIFY2(p.errors.at(1).contains(QStringLiteral("gateways[1]: “token_secret” must name a key")),
                 qPrintable(p.errors.at(1)));
        QVERIFY2(p.errors.at(1).contains(QStringLiteral("gateway/b/token")), qPrintable(p.errors.at(1)));
        QVERIFY(p.errors.at(2).startsWith(QStringLiteral("gateways[2]")));
    }

    void notJsonSaysWhere()
    {
        const GatewayConfigFile::Parsed p = GatewayConfigFile::parse("{\"tcp\": [", {});
        QCOMPARE(p.errors.size(), 1);
        QVERIFY(p.errors.at(0).startsWith(QStringLiteral("Not valid JSON at byte")));
        const GatewayConfigFile::Parsed missing = GatewayConfigFile::load(QStringLiteral("/nowhere/gateways.json"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.errors.at(0).contains(QLatin1String("/nowhere/gateways.json")));
    }
};

QTEST_GUILESS_MAIN(TestGatewayConfig)
#include "tst_gatewayconfig.moc"
