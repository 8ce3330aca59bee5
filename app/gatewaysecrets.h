#pragma once

#include <QStringList>

namespace relais {

struct GatewayConfig;
class SecretStore;

// Fills in the tokens that gateways.json names by "token_secret" from the secret store (the
// system keychain), before the gateways start. Waits in a local event loop until every read
// has answered, at most timeoutMs (a keychain may be waiting to be unlocked); the store is not
// asked anything when no gateway names a secret.
//
// Returns the problems, for the status bar: a gateway whose secret is missing, unreadable,
// not 8 to 256 characters or late is removed from config (it cannot be admitted without its
// token) and named; when no keychain is reachable one problem says what to install or unlock.
// A token written in the file itself is kept, with a warning to move it to the keychain.
QStringList resolveGatewaySecrets(GatewayConfig &config, SecretStore &store, int timeoutMs = 15000);

} // namespace relais
