#pragma once

#include "gatewaycodec.h"
#include "gatewaylimits.h"
#include "inboundmessage.h"
#include "lineframer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <functional>

class QIODevice;

// The server side of the gateway protocol, just enough to test relais-sim: every line the
// simulator sends is decoded with GatewayCodec (a decoding error is recorded, and the tests
// insist there is none); hello is answered with encodeHelloOk (or an error), events with
// encodeAck, as the policy decides. Listens on 127.0.0.1 only, on a port the system picks.
class FakeRelais final : public QObject
{
    Q_OBJECT

public:
    struct Line
    {
        int connection = 0;    // 1, 2, ... in the order they were attached
        int indexInConnection; // events only: 0, 1, ... within the connection
        qint64 atMs = 0;       // since the fake started
        QByteArray raw;        // without the LF
        relais::InboundMessage message;
    };
    struct Action
    {
        enum class Kind { Stored, Duplicate, Rejected, Hold, Close };
        Kind kind = Kind::Stored;
        QString reason; // Rejected
    };
    enum class HelloReply { Ok, BadToken, UnsupportedVersion, Nothing };

    explicit FakeRelais(QObject *parent = nullptr);
    ~FakeRelais() override;

    // Listens with this server (a QTcpServer, or a QSslServer for TLS); false if it cannot.
    bool listen(QTcpServer *server = nullptr);
    quint16 port() const;
    // Speaks on an already open device (the test's end of a serial line).
    void attach(QIODevice *device);

    HelloReply helloReply = HelloReply::Ok;
    relais::GatewayLimits limits{relais::GatewayLimits::DefaultMaxLine, 100'000, 100'000};
    // How to answer an event; by default it is stored.
    std::function<Action(const Line &)> policy;

    QList<Line> hellos;
    QList<Line> events;
    QList<Line> downlinkAcks;
    QStringList decodeErrors; // "<code>: <line>"
    int connections() const { return m_connections; }
    bool connected() const { return !m_current.isNull(); }

    // Writes a line to the current connection.
    void send(const QByteArray &line);
    // Acks the held events (Action::Hold) of the current connection, oldest first.
    int releaseHeld(int count = -1);
    void closeCurrent();

    // Events of one type ("device.heartbeat", ...), or all of one connection.
    QList<Line> eventsOfType(const QString &type) const;
    QList<Line> eventsOfConnection(int connection) const;
    static QString typeOf(const Line &line);
    // The line as JSON (the tests read the fields the codec does not keep, such as "answer").
    static QJsonObject object(const Line &line);

private:
    struct Peer
    {
        int number = 0;
        relais::LineFramer framer;
        int events = 0;
        QStringList held;
    };
    void onReadable(QIODevice *device);
    void handle(QIODevice *device, Peer &peer, const QByteArray &raw);

    QPointer<QTcpServer> m_server;
    bool m_ownsServer = false;
    QPointer<QIODevice> m_current;
    QHash<QIODevice *, Peer> m_peers;
    int m_connections = 0;
    QElapsedTimer m_clock;
};
