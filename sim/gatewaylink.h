#pragma once

#include "eventqueue.h"
#include "latency.h"
#include "lineframer.h"
#include "serverline.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QTimer>

#include <functional>

class QIODevice;

namespace relais::sim {

struct LinkConfig
{
    enum class Transport { Tcp, Serial };

    Transport transport = Transport::Tcp;
    QString host;
    quint16 port = 0;
    bool tls = false;
    QList<QSslCertificate> caCertificates; // TLS: trusted CAs; empty: the system's
    QString serialPath;
    qint32 baud = 115200;

    QString gatewayId;
    QString token;
    QString agent;
    int maxInFlight = 4000; // unacknowledged events at most (docs/protocol.md §1)
};

struct LinkStats
{
    quint64 events = 0;      // events created
    quint64 sent = 0;        // first transmissions
    quint64 resent = 0;      // later transmissions (reconnect, rate_limited, unavailable)
    quint64 stored = 0;      // acks: stored
    quint64 duplicate = 0;   // acks: duplicate (done)
    quint64 rejected = 0;    // acks: rejected for good
    quint64 rateLimited = 0; // acks: rejected rate_limited (sent again)
    quint64 unavailable = 0; // acks: rejected unavailable (sent again)
    quint64 tooLong = 0;     // events longer than max_line: never sent
    quint64 unknownAcks = 0; // acks of no event in flight
    quint64 downlinks = 0;   // offers and cancels received
    quint64 downlinkRepeats = 0;
    quint64 badLines = 0;   // lines from Relais that could not be read
    quint64 errorLines = 0; // error lines from Relais
    quint64 sessions = 0;   // hello_ok received
    quint64 connectionsLost = 0;
    qint64 lastFirstSendMs = -1; // link clock (clockMs()) of the last first transmission
    qint64 lastAckMs = -1;       // link clock of the last ack
};

// The gateway's end of one uplink to Relais (docs/protocol.md): TCP, TLS or a serial line;
// hello; reconnection with a growing delay; every event kept until its ack, resent with the
// same id after a lost connection or a rate_limited/unavailable answer; at most maxInFlight
// events unacknowledged; the rate and burst of hello_ok honoured (token bucket); downlink
// offers and cancels acknowledged, a re-sent downlink id recognised.
class GatewayLink final : public QObject
{
    Q_OBJECT

public:
    struct DownlinkVerdict
    {
        bool delivered = true;
        QString reason; // why it failed
    };
    // Shows a new offer or cancel to the handset; not called for a re-sent downlink id.
    using DownlinkHandler = std::function<DownlinkVerdict(const ServerLine &)>;

    explicit GatewayLink(LinkConfig config, QObject *parent = nullptr);
    ~GatewayLink() override;

    void setDownlinkHandler(DownlinkHandler handler) { m_downlinkHandler = std::move(handler); }

    void start();
    // Closes the connection after writing what is buffered; no reconnection. Emits stopped().
    void stop();

    // A new message id: "<gateway>-<start ms, base 36>-<counter, base 36>".
    QByteArray nextId();
    // Queues an event (its line LF-terminated, carrying id). A non-zero tag asks for
    // eventSettled() when its ack settles it.
    void enqueue(QByteArray id, QByteArray line, quint32 tag = 0);

    bool sessionOpen() const { return m_state == State::Session; }
    bool idle() const { return m_queue.empty(); }
    qsizetype queued() const { return m_queue.queued() + m_queue.waiting(); }
    qsizetype inFlight() const { return m_queue.inFlight(); }
    int sessionRate() const { return m_rate; }
    // The link's monotonic clock, in ms (the times of LinkStats).
    qint64 clockMs() const { return m_clock.elapsed(); }
    const LinkStats &stats() const { return m_stats; }
    LatencyRecorder &latency() { return m_latency; }
    // Latencies since the last call of takeRecentLatency (for the periodic stats).
    LatencyRecorder &recentLatency() { return m_recentLatency; }

signals:
    void sessionOpened();
    void sessionClosed();
    // bad_token or unsupported_version: the gateway cannot go on.
    void refused(const QString &code, const QString &message);
    void eventSettled(const QByteArray &id, quint32 tag, bool done, const QString &reason);
    void becameIdle();
    void stopped();

private:
    enum class State { Idle, Waiting, Connecting, AwaitingHelloOk, Session, Stopping, Stopped };

    void connectNow();
    void onTransportUp();
    void onReadyRead();
    void handleLine(QByteArrayView line);
    void handleHelloOk(const ServerLine &m);
    void handleAck(const ServerLine &m);
    void handleError(const ServerLine &m);
    void handleDownlink(const ServerLine &m);
    void connectionLost(const QString &why);
    void teardown();
    void scheduleReconnect();
    void scheduleFlush(int delayMs = 0);
    void flush();
    void writeRaw(const QByteArray &bytes);
    qint64 nowMs() const { return m_clock.elapsed(); }
    qint64 nowUs() const { return m_clock.nsecsElapsed() / 1000; }
    void refill();
    QString peerName() const;

    LinkConfig m_config;
    DownlinkHandler m_downlinkHandler;
    State m_state = State::Idle;
    QPointer<QIODevice> m_device;
    LineFramer m_framer;
    QElapsedTimer m_clock;
    QTimer m_reconnectTimer;
    QTimer m_helloTimer;
    QTimer m_flushTimer;
    QTimer m_stopTimer;
    bool m_flushSoon = false; // a zero-delay flush is armed
    qint64 m_backoffMs = 1000;
    qint64 m_sessionOpenedMs = 0;

    // session limits (hello_ok)
    qsizetype m_maxLine = 8192;
    int m_rate = 0; // 0: none announced yet
    int m_burst = 0;
    double m_rateFactor = 1.0; // lowered after rate_limited answers, per session
    double m_tokens = 0;
    qint64 m_lastRefillUs = 0;

    EventQueue m_queue;
    QList<QByteArray> m_control; // downlink acks: written before events
    QHash<QString, DownlinkVerdict> m_downlinksSeen;
    QByteArray m_idPrefix;
    quint64 m_idCounter = 0;
    LinkStats m_stats;
    LatencyRecorder m_latency;
    LatencyRecorder m_recentLatency;
    QSet<QString> m_warnedTypes;
};

} // namespace relais::sim
