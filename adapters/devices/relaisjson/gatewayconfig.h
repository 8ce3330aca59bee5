#pragma once

#include "gatewaylimits.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace relais {

// A gateway allowed to connect: its id, the shared secret it must present in hello, and the
// limits of its sessions. In the file the secret is named by tokenSecret, a key of the system
// keychain (docs/secrets.md), and token stays empty until the console resolves it; a token
// written in the file itself is still read, with a warning.
struct GatewayAccount
{
    QString id;
    QString token;
    GatewayLimits limits;
    QString tokenSecret = {}; // "token_secret": e.g. gateway/<id>/token (= {}: may be left out)
};

// Where Relais listens for gateways (plain TCP, or TLS when a certificate and key are given).
struct TcpListenConfig
{
    QString address = QStringLiteral("127.0.0.1");
    quint16 port = 0;        // 0: any free port (tests, demo)
    QString certificateFile; // PEM; TLS when set (with keyFile)
    QString keyFile;         // PEM, unencrypted
    bool tls() const { return !certificateFile.isEmpty(); }
};

// A serial line Relais opens itself (a dongle speaking the gateway protocol).
struct SerialLineConfig
{
    QString port; // a device path: /dev/ttyUSB0, /dev/serial/by-id/..., COM3
    int baud = 115200;
};

// The gateways file of a desk (docs/gateways.md): JSON, read at start.
struct GatewayConfig
{
    QList<TcpListenConfig> tcp;
    QList<SerialLineConfig> serial;
    QList<GatewayAccount> gateways;

    bool isEmpty() const { return tcp.isEmpty() && serial.isEmpty() && gateways.isEmpty(); }
};

class GatewayConfigFile final
{
    Q_DECLARE_TR_FUNCTIONS(relais::GatewayConfigFile)

public:
    static QString defaultFileName() { return QStringLiteral("gateways.json"); }

    struct Parsed
    {
        GatewayConfig config;
        QStringList errors; // every problem found, for people; the config is unusable if any
        bool ok() const { return errors.isEmpty(); }
    };

    // Relative certificate and key paths are taken relative to baseDir.
    static Parsed parse(const QByteArray &json, const QString &baseDir);
    static Parsed load(const QString &path);
    static QByteArray serialize(const GatewayConfig &config);
};

} // namespace relais
