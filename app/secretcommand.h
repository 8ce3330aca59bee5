#pragma once

#include <QStringList>

class QIODevice;

namespace relais {

class SecretStore;

// `relais secret set KEY`, `relais secret delete KEY`, `relais secret check`: the secrets of
// the console in the system keychain, from the command line (docs/secrets.md). A value is read
// from standard input (without echo on a terminal), never from the command line, where other
// users and the shell history would see it. Nothing is ever printed back. Messages go to
// stderr in plain English; exit codes are 0 (done), 1 (failed: no keychain, not found, ...)
// and 2 (bad command line).
class SecretCommand final
{
public:
    // Whether argv asks for it (argv[1] is "secret").
    static bool handles(int argc, char *argv[]);
    // Creates the QCoreApplication and the keychain store, runs the command; the exit code.
    static int run(int argc, char *argv[]);
    // The same on a given store, the value of `set` read from input (all of it, or its first
    // line when interactive), arguments as QCoreApplication::arguments(). For tests.
    static int run(const QStringList &arguments, SecretStore &store, QIODevice &input, bool interactive = false,
                   int timeoutMs = 120000);
};

} // namespace relais
