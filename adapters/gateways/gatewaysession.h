#pragma once

#include "gatewaylimits.h"
#include "journalentry.h"
#include "lineframer.h"
#include "tokenbucket.h"
#include "writeresult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <optional>

class QIODevice;

namespace relais {

class GatewayIngest;

// What a line's answer counts as on its gateway's status row.
enum class GatewayCount { Stored, Duplicate, Rejected };

// One gateway session on one byte stream (a TCP or TLS socket, a serial port): framing, the
// hello, the rate limit, decoding, and the acks, sent in the order the lines came and only
// once the ingest reports the journal's answer. Owned by the GatewayIngest.
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

    GatewaySession(GatewayIngest *ingest, QIODevice *io, Link link, QObject *parent = nullptr);
    ~GatewaySession() override;

    const Link &link() const { return m_link; }
    QString gatewayId() const { return m_gatewayId; }        // empty until a hello is accepted
    const QString &statusKey() const { return m_statusKey; } // empty until known
    bool isOpen() const { return m_state == State::Open; }
    // Lines waiting for the journal's answer.
    qsizetype waiting() const { return m_waiting; }

    // Called by the ingest.
    void onResult(quint64 ticket, const WriteResult &result);
    void sendLine(const QByteArray &line);
    // Sends the error line, then ends the session (closes the connection if closable).
    void fail(const QString &code, const QString &message);
    // The stream ended (socket disconnected, serial port lost).
    void streamEnded();

signals:
    void closeRequested(); // the transport closes the device after pending bytes are written
    void ended();          // the session is over; the ingest forgets it

private:
    enum class State { AwaitingHello, Open, Closing, Ended };
    enum class Answer { Ack, RejectAck, ErrorLine };

    // One received line, in order: its answer is sent when it and all before it are known.
    struct Slot
    {
        quint64 ticket = 0; // 0: answered at once
        int index = 0;
        QString messageId;
        QString helperId;      // a handset event: the route for downlinks
        QString rejectCode;    // decoding refused it: the reason to send once it is journaled
        QString rejectMessage; // and the decoder's sentence, for an error line
        std::optional<QByteArray> answer;
    };

    // Where the answer of (ticket, index) goes: the slot's sequence number.
    struct TicketSlots
    {
        QList<quint64> seqs;
        qsizetype unanswered = 0;
    };

    void readMore();
    void handleLine(const QByteArray &line, QList<JournalEntry> &chunk, quint64 ticket);
    void handleHello(const class InboundMessage &hello);
    void journalRefusedLine(const QByteArray &raw, const QString &id, const QString &code, const QString &message,
                            QList<JournalEntry> &chunk, quint64 ticket);
    void pushSlot(Slot slot);
    QByteArray answerFor(Slot &slot, const WriteResult &r);
    void flush();
    void countAnswer(GatewayCount what);

    GatewayIngest *m_ingest;
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
    QHash<quint64, TicketSlots> m_tickets;
    qsizetype m_waiting = 0;
    bool m_paused = false;
};

} // namespace relais
