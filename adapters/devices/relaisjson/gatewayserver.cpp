#include "gatewayserver.h"

#include "gatewayhub.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

namespace relais {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("relais::GatewayServer", text);
}

Result<QSslConfiguration> tlsConfiguration(const TcpListenConfig &config)
{
    if (!QSslSocket::supportsSsl())
        return Error{QStringLiteral("tls_unavailable"), tr("TLS is not available on this system (no OpenSSL).")};
    QFile certFile(config.certificateFile);
    if (!certFile.open(QIODevice::ReadOnly)) {
        return Error{QStringLiteral("tls_certificate"),
                     tr("Cannot read the certificate %1: %2.").arg(config.certificateFile, certFile.errorString())};
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty()) {
        return Error{QStringLiteral("tls_certificate"), tr("%1 holds no PEM certificate.").arg(config.certificateFile)};
    }
    QFile keyFile(config.keyFile);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        return Error{QStringLiteral("tls_key"),
                     tr("Cannot read the private key %1: %2.").arg(config.keyFile, keyFile.errorString())};
    }
    const QByteArray keyData = keyFile.readAll();
    QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        return Error{QStringLiteral("tls_key"),
                     tr("%1 holds no unencrypted PEM private key (RSA or EC).").arg(config.keyFile)};
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // gateways prove who they are with their token
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}

} // namespace

GatewayServer::GatewayServer(GatewayHub *hub, TcpListenConfig config, QObject *parent)
    : QObject(parent), m_hub(hub), m_config(std::move(config))
{}

GatewayServer::~GatewayServer()
{
    close();
}

Status GatewayServer::listen()
{
    close();
    if (m_config.tls()) {
        Result<QSslConfiguration> tls = tlsConfiguration(m_config);
        if (!tls)
            return tls.error();
        auto server = std::make_unique<QSslServer>();
        server->setSslConfiguration(tls.value());
        connect(server.get(), &QSslServer::errorOccurred, this,
                [this](QSslSocket *socket, QAbstractSocket::SocketError) {
                    emit m_hub->logMessage(tr("TLS connection from %1 failed: %2")
                                               .arg(socket->peerAddress().toString(), socket->errorString()));
                });
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &GatewayServer::acceptPending);
    QHostAddress address;
    if (!address.setAddress(m_config.address)) {
        m_server.reset();
        return Error{QStringLiteral("bad_address"), tr("“%1” is not an IP address.").arg(m_config.address)};
    }
    if (!m_server->listen(address, m_config.port)) {
        const QString why = m_server->errorString();
        m_server.reset();
        return Error{
            QStringLiteral("listen_failed"),
            tr("Cannot listen for gateways on %1 port %2: %3.").arg(m_config.address).arg(m_config.port).arg(why)};
    }
    return Status::success();
}

void GatewayServer::close()
{
    if (m_server)
        m_server->close();
    m_server.reset();
}

bool GatewayServer::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 GatewayServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QHostAddress GatewayServer::address() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

void GatewayServer::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        socket->setParent(nullptr);
        // Bounded: beyond it the kernel's buffers fill and TCP slows the gateway down.
        socket->setReadBufferSize(1024 * 1024);
        GatewaySession::Link link;
        link.transport = m_config.tls() ? QStringLiteral("tls") : QStringLiteral("tcp");
        link.peer = QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort());
        GatewaySession *session = m_hub->attach(socket, link);
        socket->setParent(session); // goes with its session
        connect(session, &GatewaySession::closeRequested, socket, &QTcpSocket::disconnectFromHost);
        connect(socket, &QTcpSocket::disconnected, session, [session] { session->streamEnded(); });
        connect(socket, &QAbstractSocket::errorOccurred, session, [session, socket](QAbstractSocket::SocketError e) {
            if (e == QAbstractSocket::RemoteHostClosedError || socket->state() == QAbstractSocket::UnconnectedState)
                session->streamEnded();
        });
    }
}

} // namespace relais
