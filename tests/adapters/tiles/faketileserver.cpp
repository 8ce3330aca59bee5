#include "faketileserver.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpSocket>

FakeTileServer::FakeTileServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeTileServer::accept);
}

FakeTileServer::~FakeTileServer()
{
    shutdown();
}

bool FakeTileServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString FakeTileServer::urlTemplate() const
{
    return QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(port());
}

void FakeTileServer::shutdown()
{
    m_server.close();
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        m_connections.remove(socket);
        socket->abort();
        socket->deleteLater();
    }
    m_held.clear();
    m_open = 0;
}

QList<QByteArray> FakeTileServer::paths() const
{
    QList<QByteArray> out;
    for (const Request &r : m_requests)
        out.append(r.path);
    return out;
}

QByteArray FakeTileServer::tileBytes(const QByteArray &path)
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + path;
}

FakeTileServer::Response FakeTileServer::tileResponse(const QByteArray &path,
                                                      QList<QPair<QByteArray, QByteArray>> headers)
{
    Response response;
    response.headers = std::move(headers);
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("image/png")});
    response.body = tileBytes(path);
    return response;
}

void FakeTileServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_connections.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { dropped(socket); });
        readFrom(socket);
    }
}

void FakeTileServer::readFrom(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->buffer += socket->readAll();
    // One request at a time per connection (QNetworkAccessManager does not pipeline).
    while (!it->waiting) {
        const qsizetype end = it->buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = it->buffer.left(end).split('\n');
        it->buffer.remove(0, end + 4);
        Request request;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        m_requests.append(request);
        it->waiting = true;
        it->waitingPath = request.path;
        ++m_open;
        m_maxOpen = qMax(m_maxOpen, m_open);
        if (m_holding) {
            m_held.append({socket, request});
            return;
        }
        answer(socket, request);
    }
}

void FakeTileServer::answer(QTcpSocket *socket, const Request &request)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || !it->waiting)
        return;
    const Response response = m_handler ? m_handler(request) : tileResponse(request.path);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
                     + (response.status == 200   ? "OK"
                        : response.status == 404 ? "Not Found"
                                                 : "Status")
                     + "\r\n";
    out += "Date: "
           + QLocale::c()
                 .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                 .toLatin1()
           + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n" + response.body;
    it->waiting = false;
    it->waitingPath.clear();
    --m_open;
    socket->write(out);
}

bool FakeTileServer::releaseOne()
{
    if (m_held.isEmpty())
        return false;
    const auto [socket, request] = m_held.takeFirst();
    answer(socket, request);
    readFrom(socket); // its next request may already be buffered
    return true;
}

void FakeTileServer::releaseAll()
{
    while (releaseOne()) {
    }
}

void FakeTileServer::dropped(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->waiting) {
        m_dropped.append(it->waitingPath);
        --m_open;
    }
    m_connections.erase(it);
    m_held.removeIf([socket](const QPair<QTcpSocket *, Request> &held) { return held.first == socket; });
    socket->deleteLater();
}
