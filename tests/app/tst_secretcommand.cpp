// `relais secret set|delete|check` on the in-memory store: the value comes from standard input
// only, unknown keys and values on the command line are refused, failures exit with 1.
#include "memorysecretstore.h"
#include "secretcommand.h"

#include <QBuffer>
#include <QTest>

using namespace relais;

namespace {

QStringList args(std::initializer_list<const char *> words)
{
    QStringList out{QStringLiteral("relais"), QStringLiteral("secret")};
    for (const char *w : words)
        out.append(QString::fromUtf8(w));
    return out;
}

int runWith(MemorySecretStore &store, const QStringList &arguments, const QByteArray &stdinBytes = {},
            bool interactive = false)
{
    QBuffer input;
    input.setData(stdinBytes);
    input.open(QIODevice::ReadOnly);
    return SecretCommand::run(arguments, store, input, interactive, 2000);
}

} // namespace

class TestSecretCommand : public QObject
{
    Q_OBJECT

private slots:
    void handlesOnlySecret()
    {
        char relais[] = "relais", secret[] = "secret", exportWord[] = "export";
        char *a[] = {relais, secret};
        char *b[] = {relais, exportWord};
        QVERIFY(SecretCommand::handles(2, a));
        QVERIFY(!SecretCommand::handles(2, b));
        QVERIFY(!SecretCommand::handles(1, a));
    }

    void setReadsStandardInput_data()
    {
        QTest::addColumn<QByteArray>("typed");
        QTest::addColumn<bool>("interactive");
        QTest::addColumn<int>("answer");
        QTest::newRow("piped") << QByteArray("s3crét-€\n") << false << int(MemorySecretStore::Answer::Immediately);
        QTest::newRow("piped, CRLF, deferred")
            << QByteArray("s3crét-€\r\n") << false << int(MemorySecretStore::Answer::Deferred);
        QTest::newRow("typed: first line")
            << QByteArray("s3crét-€\nrest\n") << true << int(MemorySecretStore::Answer::Immediately);
        QTest::newRow("no final newline")
            << QByteArray("s3crét-€") << false << int(MemorySecretStore::Answer::Deferred);
    }

    void setReadsStandardInput()
    {
        QFETCH(QByteArray, typed);
        QFETCH(bool, interactive);
        QFETCH(int, answer);
        MemorySecretStore store;
        store.setAnswer(MemorySecretStore::Answer(answer));
        QCOMPARE(runWith(store, args({"set", "gateway/gw-north/token"}), typed, interactive), 0);
        QCOMPARE(store.secrets().value(QStringLiteral("gateway/gw-north/token")), QStringLiteral("s3crét-€"));
    }

    void setRefuses_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("typed");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("value on the command line")
            << args({"set", "database/password", "hunter22"}) << QByteArray("x\n") << 2;
        QTest::newRow("unknown key") << args({"set", "gateway/gw/tokn"}) << QByteArray("x\n") << 2;
        QTest::newRow("no gateway id") << args({"set", "gateway/token"}) << QByteArray("x\n") << 2;
        QTest::newRow("empty gateway id") << args({"set", "gateway//token"}) << QByteArray("x\n") << 2;
        QTest::newRow("no key") << args({"set"}) << QByteArray("x\n") << 2;
        QTest::newRow("unknown command") << args({"show", "database/password"}) << QByteArray() << 2;
        QTest::newRow("nothing") << args({}) << QByteArray() << 2;
        QTest::newRow("empty input") << args({"set", "broker/password"}) << QByteArray("\n") << 1;
        QTest::newRow("not UTF-8") << args({"set", "broker/password"}) << QByteArray("\xff\xfe\n") << 1;
        QTest::newRow("too long") << args({"set", "broker/password"}) << QByteArray(70000, 'x') << 1;
    }

    void setRefuses()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, typed);
        QFETCH(int, exitCode);
        MemorySecretStore store;
        QCOMPARE(runWith(store, arguments, typed), exitCode);
        QVERIFY(store.secrets().isEmpty());
        QCOMPARE(store.calls(), 0);
    }

    void deleteRemoves()
    {
        MemorySecretStore store;
        store.secrets().insert(QStringLiteral("broker/password"), QStringLiteral("pw"));
        QCOMPARE(runWith(store, args({"delete", "broker/password"})), 0);
        QVERIFY(store.secrets().isEmpty());
        QCOMPARE(runWith(store, args({"delete", "broker/password"})), 1); // not_found
    }

    void checkLeavesNothingBehind()
    {
        MemorySecretStore store;
        store.setAnswer(MemorySecretStore::Answer::Deferred);
        QCOMPARE(runWith(store, args({"check"})), 0);
        QVERIFY(store.secrets().isEmpty());
        QCOMPARE(store.calls(), 3); // write, read back, delete
    }

    void failuresExitWithOne()
    {
        MemorySecretStore store;
        store.failWith(Error{QString(SecretStore::noKeychain), QStringLiteral("install gnome-keyring")});
        QCOMPARE(runWith(store, args({"check"})), 1);
        QCOMPARE(runWith(store, args({"set", "database/password"}), "pw\n"), 1);
        QVERIFY(store.secrets().isEmpty());
    }

    void aSilentKeychainTimesOut()
    {
        MemorySecretStore store;
        store.setAnswer(MemorySecretStore::Answer::Never);
        QBuffer input;
        input.setData("pw\n");
        input.open(QIODevice::ReadOnly);
        QCOMPARE(SecretCommand::run(args({"set", "database/password"}), store, input, false, 100), 1);
    }
};

QTEST_GUILESS_MAIN(TestSecretCommand)
#include "tst_secretcommand.moc"
