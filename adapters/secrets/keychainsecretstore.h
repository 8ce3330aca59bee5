#pragma once

#include "secretstore.h"

#include <QCoreApplication>
#include <QObject>

namespace QKeychain {
class Job;
}

namespace relais {

// SecretStore over the system keychain through QtKeychain: the Secret Service (gnome-keyring,
// KeePassXC; KWallet on KDE) on Linux, the Credential Manager on Windows, the Keychain on
// macOS. Entries belong to the service "org.relais.Relais", their account name is the key.
//
// QtKeychain's plain-text fallback is never enabled: without a usable keychain every call
// fails with no_keychain and a message saying what to install or unlock, and nothing is
// written anywhere. Callbacks run on the thread that made the call, from its event loop; a
// store destroyed first drops them.
class KeychainSecretStore final : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(relais::KeychainSecretStore)

public:
    // service: the keychain's namespace; tests use one of their own.
    explicit KeychainSecretStore(QString service = defaultService());
    ~KeychainSecretStore() override;
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

    static QString defaultService() { return QStringLiteral("org.relais.Relais"); }

    void read(const QString &key, ReadDone done) override;
    void write(const QString &key, const QString &value, Done done) override;
    void remove(const QString &key, Done done) override;
    QString backendName() const override;

    // What the user must do when no keychain answers, for this platform (the no_keychain message).
    static QString installHint();
    // The Error for a QtKeychain error code (QKeychain::Error) and its text.
    static Error errorFor(int keychainError, const QString &detail, const QString &key);

private:
    // failed: the log line's text when the job fails (%1 the key, %2 the reason).
    void startWithStatus(QKeychain::Job *job, const QString &key, const QString &failed, Done done);

    QString m_service;
    QObject m_context; // the callbacks' context: they die with the store
};

} // namespace relais
