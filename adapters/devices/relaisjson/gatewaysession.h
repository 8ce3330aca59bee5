#pragma once

#include "gatewaylimits.h"
#include "journalentry.h"
#include "lineframer.h"
#include "tokenbucket.h"
#include "writeresult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <optional>

class QIODevice;

namespace relais {

class GatewayHub;
class IngestPort;

// One gateway session on one byte stream (a TCP or TLS socket, a serial port): framing, the
// hello, the rate limit, decoding, and the acks, sent in the order the lines came and only
// once the shared ingest (IngestPort) reports the journal's answer. Owned by the GatewayHub.
class GatewaySession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewaySession)

public:
    struct Link
    {
        QString transport;    // "tcp", "tls", "serial"
        QString peer;         // "127.0.0.1:50312", "/dev/ttyUSB0"
        QString statusKey;    // fixed row of the status board ("serial:<port>"); empty: the gateway's row
        bool closable = true; // a socket can be closed; a serial line only forgets the session
    };

    GatewaySession(GatewayHub *hub, QIODevice *io, Link link, QObject *parent = nullptr);
    ~GatewaySession() override;

    const Link &link() const { return m_link; }
    QString gatewayId() const { return m_gatewayId; }        // empty until a hello is accepted
    const QString &statusKey() const { return m_statusKey; } // empty until known
    bool isOpen() const { return m_state == State::Open; }
    // Lines waiting for the journal's answer.
    qsizetype waiting() const { return m_waiting; }

    // Called by the hub.
    void sendLine(const QByteArray &line);
    // Sends the error line, then ends the session (closes the connection if closable).
    void fail(const QString &code, const QString &message);
    // The stream ended (socket disconnected, serial port lost).
    void streamEnded();

signals:
    void closeRequested(); // the transport closes the device after pending bytes are written
    void ended();          // the session is over; the hub forgets it

private:
    enum class State { AwaitingHello, Open, Closing, Ended };
    enum class Answer { Ack, RejectAck, ErrorLine };

    // One received line, in order: its answer is sent when it and all before it are known.
    // Answered at once (hello_ok, a rate-limited line) or when the journal's answer comes.
    struct Slot
    {
        QString messageId;
        QString helperId;      // a handset event: the route for downlinks
        QString rejectCode;    // decoding refused it: the reason to send once it is journaled
        QString rejectMessage; // and the decoder's sentence, for an error line
        std::optional<QByteArray> answer;
    };

    // The lines of one read going to the journal together: entry i answers slot seqs[i].
    struct Chunk
    {
        QList<JournalEntry> entries;
        QList<quint64> seqs;
    };

    void readMore();
    void handleLine(const QByteArray &line, Chunk &chunk);
    void handleHello(const struct InboundMessage &hello);
    void journalRefusedLine(const QByteArray &raw, const QString &id, const QString &code, const QString &message,
                            Chunk &chunk);
    void journal(JournalEntry entry, Slot slot, Chunk &chunk);
    void pushSlot(Slot slot);
    bool onResult(const QList<quint64> &seqs, const WriteResult &result);
    QByteArray answerFor(Slot &slot, const WriteResult &r);
    void flush();
    void countRejected(); // a line answered without the journal (rate limit, partial line)

    GatewayHub *m_hub;
    IngestPort *m_ingest;
    QPointer<QIODevice> m_io;
    Link m_link;
    State m_state = State::AwaitingHello;
    QString m_gatewayId;
    QString m_source;    // "gateway:<id>", the journal source of its lines
    QString m_statusKey; // the status row: the link's fixed key, else the gateway's
    GatewayLimits m_limits;
    LineFramer m_framer;
    std::optional<TokenBucket> m_bucket;
    QElapsedTimer m_clock;
    QTimer m_helloTimer;
    std::deque<Slot> m_slots;
    quint64 m_frontSeq = 0; // sequence number of m_slots.front()
    qsizetype m_waiting = 0;
    bool m_paused = false;
};

} // namespace relais
