// The settings dialog's gateways on a real gateways.json: read into the ui's plain values,
// listeners and serial lines written back, the accounts kept as they were; a broken file is
// shown read-only and never overwritten.

#include "gatewayconfig.h"
#include "gatewaysettingsfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

class TestGatewaySettingsFile final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("gateways.json"));
    }

    void readsListenersLinesAndAccounts()
    {
        write(kFile);
        const GatewaySettings s = GatewaySettingsFile::load(m_path);
        QVERIFY2(s.readOnlyReason.isEmpty(), qPrintable(s.readOnlyReason));
        QCOMPARE(s.listeners.size(), 1);
        QCOMPARE(s.listeners.first().address, QStringLiteral("0.0.0.0"));
        QCOMPARE(s.listeners.first().port, 4700);
        QCOMPARE(s.serialLines.size(), 1);
        QCOMPARE(s.serialLines.first().port, QStringLiteral("/dev/ttyUSB0"));
        QCOMPARE(s.serialLines.first().baud, 57600);
        QCOMPARE(s.accounts.size(), 2);
        QCOMPARE(s.accounts.at(0).id, QStringLiteral("gw-north"));
        QCOMPARE(s.accounts.at(0).secretKey, QStringLiteral("gateway/gw-north/token"));
        QVERIFY(!s.accounts.at(0).tokenInFile);
        QCOMPARE(s.accounts.at(1).id, QStringLiteral("old-one"));
        QCOMPARE(s.accounts.at(1).secretKey, QStringLiteral("gateway/old-one/token"));
        QVERIFY(s.accounts.at(1).tokenInFile);
    }

    void savesListenersAndKeepsAccounts()
    {
        write(kFile);
        const GatewayConfigFile::Parsed before = GatewayConfigFile::load(m_path);
        QVERIFY(before.ok());
        GatewaySettings s = GatewaySettingsFile::load(m_path);
        s.listeners.first().port = 4800;
        s.listeners.append({QStringLiteral("127.0.0.1"), 4801, {}, {}});
        s.serialLines.clear();
        s.accounts.clear(); // what the dialog sends is not what decides the accounts
        const Status saved = GatewaySettingsFile::save(m_path, s);
        QVERIFY2(saved.ok(), qPrintable(saved.errorString()));

        const GatewayConfigFile::Parsed after = GatewayConfigFile::load(m_path);
        QVERIFY2(after.ok(), qPrintable(after.errors.join(QLatin1Char('\n'))));
        QCOMPARE(after.config.tcp.size(), 2);
        QCOMPARE(after.config.tcp.at(0).port, quint16(4800));
        QCOMPARE(after.config.tcp.at(1).address, QStringLiteral("127.0.0.1"));
        QVERIFY(after.config.serial.isEmpty());
        QCOMPARE(after.config.gateways.size(), before.config.gateways.size());
        for (qsizetype i = 0; i < before.config.gateways.size(); ++i) {
            const GatewayAccount &a = before.config.gateways.at(i);
            const GatewayAccount &b = after.config.gateways.at(i);
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.token, a.token);
            QCOMPARE(b.tokenSecret, a.tokenSecret);
            QCOMPARE(b.limits.rate, a.limits.rate);
            QCOMPARE(b.limits.burst, a.limits.burst);
        }
    }

    void createsAMissingFile()
    {
        const GatewaySettings none = GatewaySettingsFile::load(m_path);
        QVERIFY(none.readOnlyReason.isEmpty());
        QVERIFY(none.listeners.isEmpty() && none.accounts.isEmpty());
        GatewaySettings s = none;
        s.serialLines.append({QStringLiteral("/dev/ttyACM0"), 9600});
        QVERIFY(GatewaySettingsFile::save(m_path, s).ok());
        const GatewayConfigFile::Parsed after = GatewayConfigFile::load(m_path);
        QVERIFY(after.ok());
        QCOMPARE(after.config.serial.first().baud, 9600);
    }

    void refusesWhatWouldNotParse()
    {
        write(kFile);
        GatewaySettings s = GatewaySettingsFile::load(m_path);
        s.listeners.first().certificateFile = m_dir->filePath(QStringLiteral("missing.pem"));
        s.listeners.first().keyFile = m_dir->filePath(QStringLiteral("missing.key"));
        const Status saved = GatewaySettingsFile::save(m_path, s);
        QVERIFY(!saved.ok());
        QVERIFY2(saved.errorString().contains(QLatin1String("missing.pem")), qPrintable(saved.errorString()));
        QCOMPARE(read(), QByteArray(kFile)); // untouched
    }

    void leavesABrokenFileAlone()
    {
        const QByteArray broken = R"({"tcp": [{"address": "0.0.0.0", "port": 99999}]})";
        write(broken);
        const GatewaySettings s = GatewaySettingsFile::load(m_path);
        QVERIFY(!s.readOnlyReason.isEmpty());
        QVERIFY2(s.readOnlyReason.contains(QLatin1String("port")), qPrintable(s.readOnlyReason));
        QVERIFY(!GatewaySettingsFile::save(m_path, GatewaySettings{}).ok());
        QCOMPARE(read(), broken);
    }

    void saysWhyTheDemoHasNothingToSet()
    {
        const GatewaySettings demo = GatewaySettingsFile::demo();
        QVERIFY(demo.readOnlyReason.contains(QLatin1String("demo")));
        QVERIFY(demo.listeners.isEmpty());
    }

private:
    static constexpr const char *kFile = R"({
  "tcp": [{"address": "0.0.0.0", "port": 4700}],
  "serial": [{"port": "/dev/ttyUSB0", "baud": 57600}],
  "gateways": [
    {"id": "gw-north", "token_secret": "gateway/gw-north/token", "rate": 2000, "burst": 4000},
    {"id": "old-one", "token": "a-plain-token-still-here"}
  ]
}
)";

    void write(const QByteArray &bytes)
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    QByteArray read() const
    {
        QFile f(m_path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestGatewaySettingsFile)
#include "tst_gatewaysettingsfile.moc"
