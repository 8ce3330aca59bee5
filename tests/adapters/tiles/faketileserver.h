#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

// A tile server for tests, on 127.0.0.1 only: a small hand-written HTTP/1.1 responder
// (keep-alive, GET only) that records every request's path and headers, counts the requests
// open at once (received, not yet answered, connection still up), can hold its answers back,
// and notices when a client drops a connection whose request it has not answered.
class FakeTileServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeTileServer)

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // names in lower case
    };
    struct Response
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };
    using Handler = std::function<Response(const Request &)>;

    explicit FakeTileServer(QObject *parent = nullptr);
    ~FakeTileServer() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // "http://127.0.0.1:<port>/{z}/{x}/{y}.png"
    QString urlTemplate() const;
    // Stops listening and closes every connection: the port is closed from now on.
    void shutdown();

    // The answer to every request; by default tileResponse() of the path, with no cache header.
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // While held, requests are recorded and left unanswered until released.
    void setHolding(bool hold) { m_holding = hold; }
    int heldCount() const { return int(m_held.size()); }
    // Answers the oldest held request (false if none); releaseAll() answers them all.
    bool releaseOne();
    void releaseAll();

    const QList<Request> &requests() const { return m_requests; }
    QList<QByteArray> paths() const;
    int openCount() const { return m_open; }
    int maxOpenCount() const { return m_maxOpen; }
    // Paths of requests whose connection the client closed before they were answered.
    const QList<QByteArray> &droppedPaths() const { return m_dropped; }

    // The bytes a tile of that path is served as: a PNG signature followed by the path.
    static QByteArray tileBytes(const QByteArray &path);
    static Response tileResponse(const QByteArray &path, QList<QPair<QByteArray, QByteArray>> headers = {});

private:
    struct Connection
    {
        QByteArray buffer;
        bool waiting = false; // a request of this connection is unanswered
        QByteArray waitingPath;
    };

    void accept();
    void readFrom(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Request &request);
    void dropped(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    bool m_holding = false;
    QHash<QTcpSocket *, Connection> m_connections;
    QList<QPair<QTcpSocket *, Request>> m_held;
    QList<Request> m_requests;
    QList<QByteArray> m_dropped;
    int m_open = 0;
    int m_maxOpen = 0;
};
