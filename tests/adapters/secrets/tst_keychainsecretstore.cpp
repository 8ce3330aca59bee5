// KeychainSecretStore against the real QtKeychain and a real Secret Service: run by
// run-with-keyring.sh under dbus-run-session, either with a throw-away gnome-keyring unlocked
// (RELAIS_KEYCHAIN_EXPECT=available) or with no usable keychain (=none: no bus, a bus without
// any Secret Service, or gnome-keyring started by D-Bus with nothing unlocked). Then every call
// must fail with no_keychain and a message saying what to install, and the secret must not be
// found in any file under the throw-away HOME and XDG folders.
#include "keychainsecretstore.h"
#include "logging/loghub.h"
#include "logging/rotatingfilesink.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace relais;

namespace {

const QString kService = QStringLiteral("org.relais.Relais.test");
const QString kKey = QStringLiteral("gateway/gw-test/token");
constexpr int kTimeoutMs = 30000;

template<typename T>
std::optional<T> wait(const std::function<void(std::function<void(T)>)> &call)
{
    auto answer = std::make_shared<std::optional<T>>();
    QEventLoop loop;
    call([answer, &loop](T value) {
        answer->emplace(std::move(value));
        loop.quit();
    });
    if (!answer->has_value()) {
        QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return *answer;
}

std::optional<Result<QString>> readKey(SecretStore &store, const QString &key)
{
    return wait<Result<QString>>([&](auto done) { store.read(key, std::move(done)); });
}

std::optional<Status> writeKey(SecretStore &store, const QString &key, const QString &value)
{
    return wait<Status>([&](auto done) { store.write(key, value, std::move(done)); });
}

std::optional<Status> removeKey(SecretStore &store, const QString &key)
{
    return wait<Status>([&](auto done) { store.remove(key, std::move(done)); });
}

QString expectation()
{
    return qEnvironmentVariable("RELAIS_KEYCHAIN_EXPECT");
}

// The files under the folders a fallback could write to that contain needle, in any of the
// encodings a settings file or a dump would use.
QStringList filesContaining(const QString &needle)
{
    const QList<QByteArray> forms = {
        needle.toUtf8(), needle.toUtf8().toBase64(), needle.toUtf8().toHex(),
        QByteArray(reinterpret_cast<const char *>(needle.utf16()), needle.size() * qsizetype(sizeof(char16_t)))};
    QStringList roots = {QDir::homePath()};
    for (const char *var :
         {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"}) {
        if (qEnvironmentVariableIsSet(var))
            roots.append(qEnvironmentVariable(var));
    }
    QStringList found;
    for (const QString &root : std::as_const(roots)) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            for (const QByteArray &form : forms) {
                if (bytes.contains(form))
                    found.append(path);
            }
        }
    }
    return found;
}

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString expect = expectation();
        if (expect != QLatin1String("available") && expect != QLatin1String("none"))
            QSKIP("run through tests/adapters/secrets/run-with-keyring.sh (RELAIS_KEYCHAIN_EXPECT unset)");
        // The wrapper gives a throw-away HOME: never touch the user's own keychain or files.
        QVERIFY2(QDir::homePath().startsWith(QDir::tempPath()), qPrintable(QDir::homePath()));
    }

    void roundTripInTheSecretService()
    {
        if (expectation() != QLatin1String("available"))
            QSKIP("no keychain in this run");
        KeychainSecretStore store(kService);
        const QString first = QStringLiteral("s3crét-€-first");
        const QString second = QStringLiteral("s3crét-€-second-value");

        std::optional<Status> written = writeKey(store, kKey, first);
        QVERIFY2(written, "the keychain did not answer");
        QVERIFY2(written->ok(), qPrintable(written->errorString()));
        std::optional<Result<QString>> read = readKey(store, kKey);
        QVERIFY(read);
        QVERIFY2(read->ok(), qPrintable(read->errorString()));
        QCOMPARE(read->value(), first);

        // Overwrite.
        written = writeKey(store, kKey, second);
        QVERIFY(written && written->ok());
        read = readKey(store, kKey);
        QVERIFY(read && read->ok());
        QCOMPARE(read->value(), second);

        // It is in the Secret Service, under the service and the key, as secret-tool sees it.
        if (!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty()) {
            QProcess tool;
            tool.start(QStringLiteral("secret-tool"),
                       {QStringLiteral("lookup"), QStringLiteral("server"), kService, QStringLiteral("user"), kKey});
            QVERIFY(tool.waitForFinished(kTimeoutMs));
            QCOMPARE(QString::fromUtf8(tool.readAllStandardOutput()).trimmed(), second);
        } else {
            qInfo("secret-tool (libsecret-tools) not installed: the entry's attributes are not checked");
        }
        // The keyring file on disk is encrypted: the value is nowhere in plain text.
        QVERIFY2(filesContaining(second).isEmpty(), qPrintable(filesContaining(second).join(QLatin1Char(' '))));

        // Delete, then the key is not found, for read and for a second delete.
        const std::optional<Status> removed = removeKey(store, kKey);
        QVERIFY(removed);
        QVERIFY2(removed->ok(), qPrintable(removed->errorString()));
        read = readKey(store, kKey);
        QVERIFY(read);
        QVERIFY(!read->ok());
        QCOMPARE(read->error().code, QString(SecretStore::notFound));
        QVERIFY2(read->errorString().contains(kKey), qPrintable(read->errorString()));
        const std::optional<Status> again = removeKey(store, kKey);
        QVERIFY(again);
        qInfo("deleting a missing entry: %s", again->ok() ? "ok" : qPrintable(again->error().code));
        QVERIFY(again->ok() || again->error().code == SecretStore::notFound);
    }

    void readingAKeyNeverWrittenIsNotFound()
    {
        if (expectation() != QLatin1String("available"))
            QSKIP("no keychain in this run");
        KeychainSecretStore store(kService);
        const std::optional<Result<QString>> read = readKey(store, QStringLiteral("database/password"));
        QVERIFY(read);
        QVERIFY(!read->ok());
        QCOMPARE(read->error().code, QString(SecretStore::notFound));
    }

    void aStoreDestroyedFirstDropsItsCallbacks()
    {
        if (expectation() != QLatin1String("available"))
            QSKIP("no keychain in this run");
        bool called = false;
        {
            KeychainSecretStore store(kService);
            store.read(kKey, [&called](const Result<QString> &) { called = true; });
        }
        QTest::qWait(500); // the job finishes with nobody to tell
        QVERIFY(!called);
    }

    void noKeychainSaysWhatToInstallAndWritesNothing()
    {
        if (expectation() != QLatin1String("none"))
            QSKIP("a keychain is available in this run");
        KeychainSecretStore store(kService);
        const QString secret = QStringLiteral("never-in-plain-text-4f9c2e");

        const std::optional<Status> written = writeKey(store, kKey, secret);
        QVERIFY2(written, "the keychain did not answer");
        QVERIFY(!written->ok());
        QCOMPARE(written->error().code, QString(SecretStore::noKeychain));
        const QString message = written->errorString();
        qInfo("the user is told: %s", qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("gnome-keyring")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("unlocked")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("D-Bus")), qPrintable(message));

        // A Secret Service with no unlocked collection honestly finds nothing to read or delete.
        const bool mayFindNothing = qEnvironmentVariableIsSet("RELAIS_KEYCHAIN_EMPTY_SERVICE");
        const std::optional<Result<QString>> read = readKey(store, kKey);
        QVERIFY(read);
        QVERIFY(!read->ok());
        if (!mayFindNothing || read->error().code != SecretStore::notFound)
            QCOMPARE(read->error().code, QString(SecretStore::noKeychain));
        const std::optional<Status> removed = removeKey(store, kKey);
        QVERIFY(removed);
        const bool nothingToDelete = removed->ok() || removed->error().code == SecretStore::notFound;
        if (!mayFindNothing || !nothingToDelete)
            QCOMPARE(removed->error().code, QString(SecretStore::noKeychain));

        const QStringList leaks = filesContaining(secret);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
    }

    // Keychain problems go to the log (docs/logging.md) with the key and the reason, never the
    // value: the hub and the log file as the console runs them, the file under the throw-away HOME.
    void keychainProblemsAreLoggedWithoutTheSecret()
    {
        if (expectation() != QLatin1String("none"))
            QSKIP("a keychain is available in this run");
        QTemporaryDir data(QDir::home().filePath(QStringLiteral("relais-data-XXXXXX")));
        QVERIFY(data.isValid());
        LogHub hub;
        auto file = std::make_shared<RotatingFileSink>(RotatingFileSink::directoryIn(data.path()));
        QVERIFY2(file->open(), qPrintable(file->errorString()));
        hub.addSink(file);

        KeychainSecretStore store(kService);
        const QString secret = QStringLiteral("planted-token-7d41c9");
        const std::optional<Status> written = writeKey(store, kKey, secret);
        QVERIFY2(written, "the keychain did not answer");
        QVERIFY(!written->ok());
        hub.flush();

        const QByteArray log = [&] {
            QFile f(file->filePath());
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY2(log.contains(" relais.keychain: ") && log.contains(kKey.toUtf8()), log.constData());
        QVERIFY2(!log.contains(secret.toUtf8()), log.constData());
        const QStringList leaks = filesContaining(secret); // the log file among them
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
