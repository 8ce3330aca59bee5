#include "keychainsecretstore.h"

#include "logging/log.h"

#include <qt6keychain/keychain.h>

#include <utility>

namespace relais {

namespace {

// A keychain problem, for the log (docs/logging.md). failed names the operation and the key
// ("Storing %1 in the keychain failed: %2"); the reason is the keychain's, never a value. A
// missing entry is worth knowing, not a problem of the keychain.
void logProblem(const QString &failed, const QString &key, const Error &error)
{
    const QString text = failed.arg(key, error.message);
    if (error.code == SecretStore::notFound)
        qCInfo(lcKeychain).noquote() << text;
    else
        qCWarning(lcKeychain).noquote() << text;
}

// A job that runs once, deletes itself, and never falls back to a plain-text store.
template<typename JobT>
JobT *newJob(const QString &service, const QString &key)
{
    auto *job = new JobT(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

// Runs a write or delete job: done gets success, or the job's error mapped to the port's codes.
void KeychainSecretStore::startWithStatus(QKeychain::Job *job, const QString &key, const QString &failed, Done done)
{
    QObject::connect(job, &QKeychain::Job::finished, &m_context, [job, key, failed, done = std::move(done)] {
        if (job->error() != QKeychain::NoError) {
            const Error error = errorFor(job->error(), job->errorString(), key);
            logProblem(failed, key, error);
            done(error);
        } else {
            done(Status::success());
        }
    });
    job->start();
}

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service))
{}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &key, ReadDone done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, key);
    QObject::connect(job, &QKeychain::Job::finished, &m_context, [job, key, done = std::move(done)] {
        if (job->error() != QKeychain::NoError) {
            const Error error = errorFor(job->error(), job->errorString(), key);
            logProblem(tr("Reading %1 from the keychain failed: %2"), key, error);
            done(error);
        } else {
            done(job->textData());
        }
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, Done done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(value);
    startWithStatus(job, key, tr("Storing %1 in the keychain failed: %2"), std::move(done));
}

void KeychainSecretStore::remove(const QString &key, Done done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, key);
    startWithStatus(job, key, tr("Deleting %1 from the keychain failed: %2"), std::move(done));
}

QString KeychainSecretStore::backendName() const
{
#if defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#elif defined(Q_OS_MACOS)
    return tr("macOS Keychain");
#else
    return tr("system keychain (Secret Service)");
#endif
}

QString KeychainSecretStore::installHint()
{
#if defined(Q_OS_WIN)
    return tr("The Windows Credential Manager must be available to this user account.");
#elif defined(Q_OS_MACOS)
    return tr("The login keychain must be unlocked.");
#else
    return tr("gnome-keyring (or KWallet, or KeePassXC with its Secret Service integration) must be "
              "installed and unlocked, and the session needs D-Bus. On Debian: "
              "apt install gnome-keyring libsecret-1-0, then log in again.");
#endif
}

Error KeychainSecretStore::errorFor(int keychainError, const QString &detail, const QString &key)
{
    const QString why = detail.isEmpty() ? QString() : tr(" (%1)").arg(detail);
    switch (keychainError) {
    case QKeychain::EntryNotFound:
        return {QString(notFound), tr("There is no secret under %1 in the keychain.").arg(key)};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {QString(denied), tr("The keychain refused access to %1%2.").arg(key, why)};
    case QKeychain::CouldNotDeleteEntry:
        return {QString(other), tr("The keychain could not delete %1%2.").arg(key, why)};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    default:
        // On Linux a missing bus, a missing or locked Secret Service all end up here
        // (OtherError with the D-Bus error's text): the keychain is not usable.
        return {
            QString(noKeychain),
            tr("No usable system keychain%1. %2 Relais never writes secrets in plain text.").arg(why, installHint())};
    }
}

} // namespace relais
