// resolveGatewaySecrets: the tokens gateways.json names by "token_secret" come from the
// SecretStore; what is missing, unreachable or late is named and not admitted; a token written
// in the file is kept with a warning.
#include "gatewayconfig.h"
#include "gatewaysecrets.h"
#include "memorysecretstore.h"

#include <QTest>

using namespace relais;

namespace {

GatewayConfig configOf(const QByteArray &json)
{
    const GatewayConfigFile::Parsed p = GatewayConfigFile::parse(json, {});
    if (!p.ok())
        qFatal("bad fixture: %s", qPrintable(p.errors.join(QLatin1Char('\n'))));
    return p.config;
}

const QByteArray kTwoNamed = R"({"gateways": [
    {"id": "gw-north", "token_secret": "gateway/gw-north/token"},
    {"id": "gw-south", "token_secret": "gateway/gw-south/token", "rate": 10}]})";

} // namespace

class TestGatewaySecrets : public QObject
{
    Q_OBJECT

private slots:
    void referencesAreResolved_data()
    {
        QTest::addColumn<int>("answer");
        QTest::newRow("at once") << int(MemorySecretStore::Answer::Immediately);
        QTest::newRow("from the event loop") << int(MemorySecretStore::Answer::Deferred);
    }

    void referencesAreResolved()
    {
        QFETCH(int, answer);
        MemorySecretStore store;
        store.setAnswer(MemorySecretStore::Answer(answer));
        store.secrets().insert(QStringLiteral("gateway/gw-north/token"), QStringLiteral("north-s3crét-€"));
        store.secrets().insert(QStringLiteral("gateway/gw-south/token"), QStringLiteral("south-secret"));
        GatewayConfig config = configOf(kTwoNamed);
        QVERIFY(config.gateways.at(0).token.isEmpty()); // nothing until resolved

        const QStringList problems = resolveGatewaySecrets(config, store);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(config.gateways.size(), 2);
        QCOMPARE(config.gateways.at(0).token, QStringLiteral("north-s3crét-€"));
        QCOMPARE(config.gateways.at(1).token, QStringLiteral("south-secret"));
        QCOMPARE(config.gateways.at(1).limits.rate, 10);
        QCOMPARE(store.calls(), 2);
        // Written back, the file still names the secret and never holds it.
        const QByteArray json = GatewayConfigFile::serialize(config);
        QVERIFY(!json.contains("south-secret"));
        QVERIFY(json.contains("gateway/gw-south/token"));
    }

    void aMissingSecretIsNamedAndNotAdmitted()
    {
        MemorySecretStore store;
        store.secrets().insert(QStringLiteral("gateway/gw-south/token"), QStringLiteral("south-secret"));
        GatewayConfig config = configOf(kTwoNamed);

        const QStringList problems = resolveGatewaySecrets(config, store);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.at(0).contains(QLatin1String("gw-north")), qPrintable(problems.at(0)));
        QVERIFY2(problems.at(0).contains(QLatin1String("relais secret set gateway/gw-north/token")),
                 qPrintable(problems.at(0)));
        QCOMPARE(config.gateways.size(), 1); // no token, no admission
        QCOMPARE(config.gateways.at(0).id, QStringLiteral("gw-south"));
        QCOMPARE(config.gateways.at(0).token, QStringLiteral("south-secret"));
    }

    void aPlainTokenWarnsAndIsKept()
    {
        MemorySecretStore store;
        GatewayConfig config = configOf(R"({"gateways": [{"id": "gw-old", "token": "written-in-the-file"}]})");

        const QStringList problems = resolveGatewaySecrets(config, store);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.at(0).contains(QLatin1String("plain text")), qPrintable(problems.at(0)));
        QVERIFY2(problems.at(0).contains(QLatin1String("relais secret set gateway/gw-old/token")),
                 qPrintable(problems.at(0)));
        QCOMPARE(config.gateways.size(), 1);
        QCOMPARE(config.gateways.at(0).token, QStringLiteral("written-in-the-file"));
        QCOMPARE(store.calls(), 0); // the keychain is not even asked
    }

    void noKeychainSaysWhatToDoOnce()
    {
        MemorySecretStore store;
        store.setAnswer(MemorySecretStore::Answer::Deferred);
        const QString help = QStringLiteral("gnome-keyring must be installed and unlocked");
        store.failWith(Error{QString(SecretStore::noKeychain), help});
        GatewayConfig config = configOf(kTwoNamed);

        const QStringList problems = resolveGatewaySecrets(config, store);
        QCOMPARE(problems.size(), 1); // one message for both gateways
        QVERIFY2(problems.at(0).contains(help), qPrintable(problems.at(0)));
        QVERIFY2(problems.at(0).contains(QLatin1String("gw-north, gw-south")), qPrintable(problems.at(0)));
        QVERIFY(config.gateways.isEmpty());
    }

    void otherErrorsAreNamed()
    {
        MemorySecretStore store;
        store.failWith(Error{QString(SecretStore::denied), QStringLiteral("The keychain refused access.")});
        GatewayConfig config = configOf(kTwoNamed);

        const QStringList problems = resolveGatewaySecrets(config, store);
        QCOMPARE(problems.size(), 2);
        QVERIFY(problems.at(0).contains(QLatin1String("gw-north")));
        QVERIFY(problems.at(1).contains(QLatin1String("The keychain refused access.")));
        QVERIFY(config.gateways.isEmpty());
    }

    void aTokenOfTheWrongLengthIsRefused()
    {
        MemorySecretStore store;
        store.secrets().insert(QStringLiteral("gateway/gw-north/token"), QStringLiteral("short"));
        store.secrets().insert(QStringLiteral("gateway/gw-south/token"), QString(257, QLatin1Char('x')));
        GatewayConfig config = configOf(kTwoNamed);

        const QStringList problems = resolveGatewaySecrets(config, store);
        QCOMPARE(problems.size(), 2);
        QVERIFY(problems.at(0).contains(QLatin1String("8 to 256")));
        QVERIFY(config.gateways.isEmpty());
    }

    void aKeychainThatDoesNotAnswerTimesOut()
    {
        GatewayConfig config = configOf(kTwoNamed);
        QStringList problems;
        {
            MemorySecretStore store;
            store.setAnswer(MemorySecretStore::Answer::Never);
            QElapsedTimer clock;
            clock.start();
            problems = resolveGatewaySecrets(config, store, 200);
            QVERIFY(clock.elapsed() >= 150);
        }
        QCOMPARE(problems.size(), 2);
        QVERIFY2(problems.at(0).contains(QLatin1String("did not give")), qPrintable(problems.at(0)));
        QVERIFY(config.gateways.isEmpty());
    }

    void aLateAnswerAfterTheTimeoutIsHarmless()
    {
        // The store answers after resolve gave up: the callback finds its state still alive.
        MemorySecretStore store;
        store.secrets().insert(QStringLiteral("gateway/gw-north/token"), QStringLiteral("north-secret"));
        store.secrets().insert(QStringLiteral("gateway/gw-south/token"), QStringLiteral("south-secret"));
        store.setAnswer(MemorySecretStore::Answer::Deferred, 100);
        GatewayConfig config = configOf(kTwoNamed);
        const QStringList problems = resolveGatewaySecrets(config, store, 10);
        QCOMPARE(problems.size(), 2);
        QVERIFY(config.gateways.isEmpty());
        QTest::qWait(200); // the late answers arrive now, into nothing
    }
};

QTEST_GUILESS_MAIN(TestGatewaySecrets)
#include "tst_gatewaysecrets.moc"
