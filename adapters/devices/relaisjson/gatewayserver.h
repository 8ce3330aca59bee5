#pragma once

#include "gatewayconfig.h"
#include "result.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QObject>

#include <memory>

class QTcpServer;

namespace relais {

class GatewayHub;

// Listens for gateways on one address and port: plain TCP, or TLS (QSslServer) when the
// configuration names a certificate and a key. Every accepted connection becomes a session
// of the hub; the socket is closed and deleted when the session ends.
class GatewayServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayServer)

public:
    GatewayServer(GatewayHub *hub, TcpListenConfig config, QObject *parent = nullptr);
    ~GatewayServer() override;

    Status listen();
    void close();
    bool isListening() const;
    quint16 port() const; // the real port (useful with port 0)
    QHostAddress address() const;
    bool isTls() const { return m_config.tls(); }

private:
    void acceptPending();

    GatewayHub *m_hub;
    TcpListenConfig m_config;
    std::unique_ptr<QTcpServer> m_server;
};

} // namespace relais
