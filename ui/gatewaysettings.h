#pragma once

#include <QList>
#include <QString>

namespace relais {

// The desk's gateways as the settings dialog edits them: plain values, so that the ui needs no
// adapter. The composition root fills them from gateways.json and writes them back
// (app/gatewaysettingsfile.h), keeping the gateway accounts as they are.
struct GatewaySettings
{
    // A TCP listener (plain, or TLS with a certificate and its key, PEM files).
    struct Listener
    {
        QString address = QStringLiteral("0.0.0.0");
        int port = 0; // 1-65535 to be saved
        QString certificateFile;
        QString keyFile;
        friend bool operator==(const Listener &, const Listener &) = default;
    };
    // A serial line Relais opens itself.
    struct SerialLine
    {
        QString port; // device path: /dev/ttyUSB0, /dev/serial/by-id/..., COM3
        int baud = 115200;
        friend bool operator==(const SerialLine &, const SerialLine &) = default;
    };
    // A gateway account, read-only here: the key of its token in the keychain.
    struct Account
    {
        QString id;
        QString secretKey;        // gateway/<id>/token, or what its token_secret names
        bool tokenInFile = false; // the file holds a plain token: the keychain's is not read
        friend bool operator==(const Account &, const Account &) = default;
    };

    QList<Listener> listeners;
    QList<SerialLine> serialLines;
    QList<Account> accounts;
    QString fileName;       // where they are kept, for people
    QString readOnlyReason; // not empty: shown, and nothing is editable (demo, a broken file)

    friend bool operator==(const GatewaySettings &, const GatewaySettings &) = default;
};

} // namespace relais
