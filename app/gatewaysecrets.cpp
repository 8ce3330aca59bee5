#include "gatewaysecrets.h"

#include "gatewayconfig.h"
#include "secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <memory>
#include <optional>

namespace relais {

namespace {

// The answers, shared with the callbacks: a read answering after the timeout finds it still alive.
struct Pending
{
    QList<std::optional<Result<QString>>> answers;
    int waiting = 0;
    QEventLoop *loop = nullptr;
};

} // namespace

QStringList resolveGatewaySecrets(GatewayConfig &config, SecretStore &store, int timeoutMs)
{
    QStringList problems;
    QList<qsizetype> named; // indexes of the gateways naming a secret
    for (qsizetype i = 0; i < config.gateways.size(); ++i) {
        const GatewayAccount &g = config.gateways.at(i);
        if (!g.tokenSecret.isEmpty()) {
            named.append(i);
        } else {
            problems.append(QCoreApplication::translate(
                                "relais::GatewaySecrets",
                                "The token of gateway %1 is written in plain text in gateways.json; move it to "
                                "the system keychain with “relais secret set %2” and name it there with "
                                "\"token_secret\": \"%2\".")
                                .arg(g.id, SecretKeys::gatewayToken(g.id)));
        }
    }
    if (named.isEmpty())
        return problems;

    auto pending = std::make_shared<Pending>();
    pending->answers.resize(named.size());
    pending->waiting = int(named.size());
    QEventLoop loop;
    pending->loop = &loop;
    for (qsizetype n = 0; n < named.size(); ++n) {
        store.read(config.gateways.at(named.at(n)).tokenSecret, [pending, n](Result<QString> answer) {
            pending->answers[n] = std::move(answer);
            if (--pending->waiting == 0 && pending->loop)
                pending->loop->quit();
        });
    }
    if (pending->waiting > 0) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    pending->loop = nullptr;

    QList<qsizetype> dropped;
    QStringList noKeychain; // the gateways that could not be admitted for want of a keychain
    QString noKeychainMessage;
    for (qsizetype n = 0; n < named.size(); ++n) {
        GatewayAccount &g = config.gateways[named.at(n)];
        const std::optional<Result<QString>> &answer = pending->answers.at(n);
        if (!answer) {
            problems.append(QCoreApplication::translate(
                                "relais::GatewaySecrets",
                                "Gateway %1 is not admitted: the %2 did not give its token (%3) within %4 s; "
                                "it may be waiting to be unlocked.")
                                .arg(g.id, store.backendName(), g.tokenSecret)
                                .arg(timeoutMs / 1000));
        } else if (answer->ok()) {
            const QString &token = answer->value();
            if (token.size() >= 8 && token.size() <= 256) {
                g.token = token;
                continue;
            }
            problems.append(QCoreApplication::translate(
                                "relais::GatewaySecrets",
                                "Gateway %1 is not admitted: its token in the %2 (%3) must be 8 to 256 characters.")
                                .arg(g.id, store.backendName(), g.tokenSecret));
        } else if (answer->error().code == SecretStore::notFound) {
            problems.append(
                QCoreApplication::translate(
                    "relais::GatewaySecrets",
                    "Gateway %1 is not admitted: the %2 holds no secret named %3; store its token "
                    "with “relais secret set %3” (“relais secret check” tells whether the keychain is unlocked).")
                    .arg(g.id, store.backendName(), g.tokenSecret));
        } else if (answer->error().code == SecretStore::noKeychain) {
            noKeychain.append(g.id);
            noKeychainMessage = answer->errorString();
        } else {
            problems.append(
                QCoreApplication::translate("relais::GatewaySecrets",
                                            "Gateway %1 is not admitted: its token (%2) could not be read: %3")
                    .arg(g.id, g.tokenSecret, answer->errorString()));
        }
        dropped.append(named.at(n));
    }
    if (!noKeychain.isEmpty()) {
        problems.append(
            QCoreApplication::translate("relais::GatewaySecrets",
                                        "Gateways not admitted, their tokens being in the system keychain: %1. %2")
                .arg(noKeychain.join(QStringLiteral(", ")), noKeychainMessage));
    }
    for (auto it = dropped.crbegin(); it != dropped.crend(); ++it)
        config.gateways.removeAt(*it);
    return problems;
}

} // namespace relais
