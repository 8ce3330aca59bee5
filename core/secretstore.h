#pragma once

#include "result.h"

#include <QLatin1StringView>
#include <QString>

#include <functional>

namespace relais {

// The port to the place secrets live: gateway tokens, database and broker passwords. In the
// console it is the system keychain (adapters/secrets: QtKeychain), in unit tests an in-memory
// fake (tests/support/memorysecretstore.h). Secrets never go to QSettings or to a file of
// Relais (docs/secrets.md).
//
// Calls are asynchronous: each answers once through its callback, possibly before it returns
// (an in-memory store) or later from the event loop of the calling thread (a keychain, which
// may wait for the user to unlock it). A store destroyed before answering drops its callbacks.
//
// Errors carry one of the codes below; their message is for people and, for no_keychain,
// says what to install or unlock.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    using ReadDone = std::function<void(Result<QString>)>;
    using Done = std::function<void(Status)>;

    // The secret stored under key; not_found when there is none.
    virtual void read(const QString &key, ReadDone done) = 0;
    // Stores value under key, replacing any previous one.
    virtual void write(const QString &key, const QString &value, Done done) = 0;
    // Removes the secret under key. Removing a key that holds nothing may succeed (the Secret
    // Service says nothing) or fail with not_found (the in-memory store).
    virtual void remove(const QString &key, Done done) = 0;
    // For messages: "Secret Service", "Windows Credential Manager", "memory", ...
    virtual QString backendName() const = 0;

    // Error codes.
    static constexpr QLatin1StringView noKeychain{"no_keychain"}; // none reachable, or locked
    static constexpr QLatin1StringView notFound{"not_found"};     // nothing under that key
    static constexpr QLatin1StringView denied{"denied"};          // the user or system refused
    static constexpr QLatin1StringView other{"other"};

protected:
    SecretStore() = default;
    SecretStore(const SecretStore &) = default;
    SecretStore &operator=(const SecretStore &) = default;
};

// The keys Relais stores secrets under: "gateway/<id>/token", "database/password",
// "broker/password". A key is what the keychain shows as the entry's account name.
namespace SecretKeys {

inline QString gatewayToken(const QString &gatewayId)
{
    return QStringLiteral("gateway/%1/token").arg(gatewayId);
}
inline QString databasePassword()
{
    return QStringLiteral("database/password");
}
inline QString brokerPassword()
{
    return QStringLiteral("broker/password");
}

// Whether key is one of the shapes above (the command line refuses others: a typo would store
// a secret nothing reads). A gateway id is 1 to 64 characters without control characters.
inline bool isKnown(const QString &key)
{
    if (key == databasePassword() || key == brokerPassword())
        return true;
    const QLatin1StringView prefix("gateway/");
    const QLatin1StringView suffix("/token");
    // Longer than both: in "gateway/token" the prefix and the suffix overlap, and no id is named.
    if (key.size() <= prefix.size() + suffix.size() || !key.startsWith(prefix) || !key.endsWith(suffix))
        return false;
    const QString id = key.mid(prefix.size(), key.size() - prefix.size() - suffix.size());
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

} // namespace SecretKeys

} // namespace relais
