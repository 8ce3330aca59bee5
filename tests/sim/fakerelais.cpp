#include "fakerelais.h"

#include "gatewayerrors.h"

#include <QAbstractSocket>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

using namespace relais;

FakeRelais::FakeRelais(QObject *parent) : QObject(parent)
{
    m_clock.start();
}

FakeRelais::~FakeRelais()
{
    for (auto it = m_peers.begin(); it != m_peers.end(); ++it)
        it.key()->disconnect(this);
    if (m_ownsServer)
        delete m_server;
}

bool FakeRelais::listen(QTcpServer *server)
{
    if (!server) {
        server = new QTcpServer;
        m_ownsServer = true;
    }
    m_server = server;
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            attach(socket);
    });
    return server->listen(QHostAddress::LocalHost, 0);
}

quint16 FakeRelais::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void FakeRelais::attach(QIODevice *device)
{
    Peer peer;
    peer.number = ++m_connections;
    m_peers.insert(device, std::move(peer));
    m_current = device;
    connect(device, &QIODevice::readyRead, this, [this, device] { onReadable(device); });
    if (auto *socket = qobject_cast<QAbstractSocket *>(device)) {
        connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
            onReadable(socket);
            m_peers.remove(socket);
            if (m_current == socket)
                m_current = nullptr;
            socket->deleteLater();
        });
    }
    if (device->bytesAvailable() > 0)
        onReadable(device);
}

void FakeRelais::onReadable(QIODevice *device)
{
    auto it = m_peers.find(device);
    if (it == m_peers.end())
        return;
    const QByteArray bytes = device->readAll();
    for (const Result<QByteArray> &line : it->framer.feed(bytes)) {
        if (!line) {
            decodeErrors.append(line.error().code + QStringLiteral(": (framing)"));
            continue;
        }
        it = m_peers.find(device); // handle() may have closed it
        if (it == m_peers.end())
            return;
        handle(device, *it, line.value());
    }
}

void FakeRelais::handle(QIODevice *device, Peer &peer, const QByteArray &raw)
{
    QString id;
    const Result<InboundMessage> decoded = GatewayCodec::decode(raw, &id);
    if (!decoded) {
        decodeErrors.append(decoded.error().code + QStringLiteral(": ") + QString::fromUtf8(raw));
        if (!id.isEmpty())
            device->write(GatewayCodec::encodeAck(id, AckStatus::Rejected, decoded.error().code));
        return;
    }
    Line line;
    line.connection = peer.number;
    line.atMs = m_clock.elapsed();
    line.raw = raw;
    line.message = decoded.value();
    switch (line.message.type) {
    case InboundMessage::Type::Hello:
        hellos.append(line);
        switch (helloReply) {
        case HelloReply::Ok:
            device->write(GatewayCodec::encodeHelloOk(1, QStringLiteral("Fake Relais"), limits));
            break;
        case HelloReply::BadToken:
            device->write(
                GatewayCodec::encodeError(GatewayErrors::BadToken, QStringLiteral("Unknown gateway or wrong token.")));
            closeCurrent();
            break;
        case HelloReply::UnsupportedVersion:
            device->write(GatewayCodec::encodeError(
                GatewayErrors::UnsupportedVersion,
                QStringLiteral("No common protocol version: this Relais supports version 7.")));
            closeCurrent();
            break;
        case HelloReply::Nothing:
            break;
        }
        return;
    case InboundMessage::Type::DownlinkAck:
        downlinkAcks.append(line);
        return;
    case InboundMessage::Type::Event:
        break;
    }
    line.indexInConnection = peer.events++;
    events.append(line);
    const Action action = policy ? policy(line) : Action{};
    const QString &messageId = line.message.messageId;
    switch (action.kind) {
    case Action::Kind::Stored:
        device->write(GatewayCodec::encodeAck(messageId, AckStatus::Stored));
        break;
    case Action::Kind::Duplicate:
        device->write(GatewayCodec::encodeAck(messageId, AckStatus::Duplicate));
        break;
    case Action::Kind::Rejected:
        device->write(GatewayCodec::encodeAck(messageId, AckStatus::Rejected, action.reason));
        break;
    case Action::Kind::Hold:
        peer.held.append(messageId);
        break;
    case Action::Kind::Close:
        closeCurrent();
        break;
    }
}

void FakeRelais::send(const QByteArray &line)
{
    if (m_current)
        m_current->write(line);
}

int FakeRelais::releaseHeld(int count)
{
    if (!m_current)
        return 0;
    auto it = m_peers.find(m_current.data());
    if (it == m_peers.end())
        return 0;
    int n = 0;
    while (!it->held.isEmpty() && (count < 0 || n < count)) {
        m_current->write(GatewayCodec::encodeAck(it->held.takeFirst(), AckStatus::Stored));
        ++n;
    }
    return n;
}

void FakeRelais::closeCurrent()
{
    if (auto *socket = qobject_cast<QAbstractSocket *>(m_current.data()))
        socket->disconnectFromHost();
}

QList<FakeRelais::Line> FakeRelais::eventsOfType(const QString &type) const
{
    QList<Line> out;
    for (const Line &l : events) {
        if (typeOf(l) == type)
            out.append(l);
    }
    return out;
}

QList<FakeRelais::Line> FakeRelais::eventsOfConnection(int connection) const
{
    QList<Line> out;
    for (const Line &l : events) {
        if (l.connection == connection)
            out.append(l);
    }
    return out;
}

QString FakeRelais::typeOf(const Line &line)
{
    return object(line).value(QLatin1StringView("type")).toString();
}

QJsonObject FakeRelais::object(const Line &line)
{
    return QJsonDocument::fromJson(line.raw).object();
}
