#include "gatewaysession.h"

#include "gatewaycodec.h"
#include "gatewayerrors.h"
#include "gatewayingest.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonObject>

namespace relais {

namespace {

using namespace Qt::StringLiterals;

constexpr qint64 ReadChunk = 256 * 1024; // bytes read per pass: one journal submission

// Constant-time comparison, so that a token cannot be guessed byte by byte from timings.
bool sameSecret(const QString &a, const QString &b)
{
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    unsigned diff = unsigned(x.size() ^ y.size());
    for (qsizetype i = 0; i < x.size(); ++i)
        diff |= unsigned(uchar(x.at(i)) ^ uchar(y.at(i % std::max<qsizetype>(1, y.size()))));
    return diff == 0;
}

} // namespace

GatewaySession::GatewaySession(GatewayIngest *ingest, QIODevice *io, Link link, QObject *parent)
    : QObject(parent), m_ingest(ingest), m_io(io), m_link(std::move(link)), m_statusKey(m_link.statusKey)
{
    m_clock.start();
    m_helloTimer.setSingleShot(true);
    connect(&m_helloTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::AwaitingHello)
            fail(QString(GatewayErrors::HelloTimeout), tr("No hello within the time allowed."));
    });
    m_helloTimer.start(m_ingest->helloTimeoutMs());
    connect(io, &QIODevice::readyRead, this, &GatewaySession::readMore);
    QMetaObject::invokeMethod(this, &GatewaySession::readMore, Qt::QueuedConnection); // bytes already there
}

GatewaySession::~GatewaySession() = default;

void GatewaySession::readMore()
{
    while (m_io && m_state != State::Ended && m_state != State::Closing && !m_paused && m_io->bytesAvailable() > 0) {
        const QByteArray bytes = m_io->read(ReadChunk);
        if (bytes.isEmpty())
            break;
        const quint64 ticket = m_ingest->newTicket();
        if (!m_statusKey.isEmpty())
            m_ingest->touch(m_statusKey); // once per read, not per line
        QList<JournalEntry> chunk;
        for (const Result<QByteArray> &line : m_framer.feed(bytes)) {
            if (m_state == State::Closing || m_state == State::Ended)
                break; // after an error that closes the session, nothing more is read
            if (line.ok()) {
                handleLine(line.value(), chunk, ticket);
            } else {
                // Too long: its bytes were never kept; the refusal itself is journaled.
                journalRefusedLine({}, {}, line.error().code, line.error().message, chunk, ticket);
            }
        }
        if (!chunk.isEmpty())
            m_ingest->submit(this, ticket, chunk);
        if (m_waiting >= m_ingest->maxWaitingPerSession())
            m_paused = true; // the rest stays in the socket: TCP flow control slows the gateway
        flush();
    }
}

void GatewaySession::handleLine(const QByteArray &line, QList<JournalEntry> &chunk, quint64 ticket)
{
    if (m_state == State::Open && !m_bucket->take(m_clock.elapsed())) {
        QString id;
        (void)GatewayCodec::decode(line, &id); // only for the id to answer
        Slot s;
        s.messageId = id;
        s.answer = id.isEmpty() ? GatewayCodec::encodeError(QString(GatewayErrors::RateLimited),
                                                            tr("Too many lines: send them again more slowly."))
                                : GatewayCodec::encodeAck(id, AckStatus::Rejected, QString(GatewayErrors::RateLimited));
        pushSlot(std::move(s));
        countAnswer(GatewayCount::Rejected);
        return;
    }

    QString id;
    Result<InboundMessage> decoded = GatewayCodec::decode(line, &id);
    if (m_state == State::AwaitingHello) {
        if (decoded.ok() && decoded.value().type == InboundMessage::Type::Hello) {
            handleHello(decoded.value());
        } else if (!decoded.ok() && line.contains("\"hello\"")) {
            fail(decoded.error().code, decoded.error().message); // a hello with a bad field
        } else {
            fail(QString(GatewayErrors::HelloRequired), tr("The session must begin with a hello."));
        }
        return;
    }
    if (!decoded.ok()) {
        if (decoded.error().code == GatewayErrors::UnsupportedVersion) { // a new hello on a serial line
            fail(decoded.error().code, decoded.error().message);
            return;
        }
        journalRefusedLine(line, id, decoded.error().code, decoded.error().message, chunk, ticket);
        return;
    }
    InboundMessage &m = decoded.value();
    switch (m.type) {
    case InboundMessage::Type::Hello:
        handleHello(m); // the gateway started over (serial lines never close)
        return;
    case InboundMessage::Type::DownlinkAck:
        m_ingest->downlinkAcked(m_gatewayId, m.messageId, m.downlinkStatus == InboundMessage::DownlinkStatus::Delivered,
                                m.reason);
        return;
    case InboundMessage::Type::Event:
        break;
    }
    JournalEntry &e = m.entry;
    e.source = m_source;
    e.time = m_ingest->now();
    Slot s;
    s.ticket = ticket;
    s.index = int(chunk.size());
    s.messageId = m.messageId;
    if (e.actor.kind == Actor::Kind::Helper)
        s.helperId = e.actor.id;
    chunk.append(std::move(e));
    pushSlot(std::move(s));
}

void GatewaySession::journalRefusedLine(const QByteArray &raw, const QString &id, const QString &code,
                                        const QString &message, QList<JournalEntry> &chunk, quint64 ticket)
{
    JournalEntry e;
    e.time = m_ingest->now();
    e.source = m_source;
    e.messageId = id;
    e.kind = EntryKind::DeviceRejected;
    e.actor = Actor::system();
    e.payload = QJsonObject{{"reason"_L1, message}, {"code"_L1, code}};
    e.raw = raw;
    Slot s;
    s.ticket = ticket;
    s.index = int(chunk.size());
    s.messageId = id;
    s.rejectCode = code;
    s.rejectMessage = message;
    chunk.append(std::move(e));
    pushSlot(std::move(s));
}

void GatewaySession::pushSlot(Slot slot)
{
    if (slot.ticket != 0) {
        TicketSlots &t = m_tickets[slot.ticket];
        t.seqs.append(m_frontSeq + quint64(m_slots.size()));
        ++t.unanswered;
        ++m_waiting;
    }
    m_slots.push_back(std::move(slot));
}

void GatewaySession::handleHello(const InboundMessage &hello)
{
    const GatewayAccount *account = m_ingest->account(hello.gatewayId);
    if (!account || !sameSecret(account->token, hello.token)) {
        // Journaled by the ingest with the id and the peer, never the token.
        JournalEntry e;
        e.time = m_ingest->now();
        e.source = QStringLiteral("system");
        e.kind = EntryKind::GatewayRefused;
        e.actor = Actor::system();
        e.payload = QJsonObject{{"gateway"_L1, hello.gatewayId.left(64)},
                                {"peer"_L1, m_link.peer},
                                {"transport"_L1, m_link.transport},
                                {"reason"_L1, QString(GatewayErrors::BadToken)}};
        m_ingest->submit(nullptr, m_ingest->newTicket(), {e});
        m_ingest->logMessage(tr("Gateway %1 refused from %2: unknown gateway or wrong token.")
                                 .arg(hello.gatewayId.left(64), m_link.peer));
        if (!m_link.statusKey.isEmpty())
            m_ingest->problem(m_link.statusKey, tr("Refused a hello: unknown gateway or wrong token."));
        fail(QString(GatewayErrors::BadToken), tr("Unknown gateway or wrong token."));
        return;
    }
    m_gatewayId = account->id;
    m_source = QStringLiteral("gateway:") + m_gatewayId;
    if (m_link.statusKey.isEmpty())
        m_statusKey = m_source; // a TCP session shows on its gateway's row
    m_limits = account->limits;
    m_framer = LineFramer(m_limits.maxLine);
    m_bucket.emplace(m_limits.rate, m_limits.burst, m_clock.elapsed());
    m_state = State::Open;
    m_helloTimer.stop();
    Slot s;
    s.answer = GatewayCodec::encodeHelloOk(hello.version, m_ingest->serverName(), m_limits);
    pushSlot(std::move(s));
    flush(); // hello_ok before anything the ingest sends (downlinks waiting for this gateway)
    m_ingest->sessionOpened(this);
}

void GatewaySession::onResult(quint64 ticket, const WriteResult &r)
{
    auto t = m_tickets.find(ticket);
    if (t == m_tickets.end() || r.index < 0 || r.index >= t->seqs.size())
        return;
    const quint64 seq = t->seqs.at(r.index);
    if (seq < m_frontSeq || seq - m_frontSeq >= quint64(m_slots.size()))
        return;
    Slot &s = m_slots[std::size_t(seq - m_frontSeq)];
    if (s.answer)
        return;
    s.answer = answerFor(s, r);
    --m_waiting;
    if (--t->unanswered == 0)
        m_tickets.erase(t);
    flush();
    if (m_paused && m_waiting < m_ingest->maxWaitingPerSession() / 2) {
        m_paused = false;
        QMetaObject::invokeMethod(this, &GatewaySession::readMore, Qt::QueuedConnection);
    }
}

QByteArray GatewaySession::answerFor(Slot &s, const WriteResult &r)
{
    if (!s.rejectCode.isEmpty() && r.status == WriteResult::Status::Stored) {
        // A line the decoder refused, now journaled: the refusal can be told.
        countAnswer(GatewayCount::Rejected);
        return s.messageId.isEmpty() ? GatewayCodec::encodeError(s.rejectCode, s.rejectMessage)
                                     : GatewayCodec::encodeAck(s.messageId, AckStatus::Rejected, s.rejectCode);
    }
    switch (r.status) {
    case WriteResult::Status::Stored:
        if (!s.helperId.isEmpty())
            m_ingest->helperSpoke(s.helperId, m_gatewayId);
        countAnswer(GatewayCount::Stored);
        return GatewayCodec::encodeAck(s.messageId, AckStatus::Stored);
    case WriteResult::Status::Duplicate:
        countAnswer(GatewayCount::Duplicate);
        return GatewayCodec::encodeAck(s.messageId, AckStatus::Duplicate, r.error.code);
    case WriteResult::Status::Rejected:
    case WriteResult::Status::Refused:
        countAnswer(GatewayCount::Rejected);
        return s.messageId.isEmpty() ? GatewayCodec::encodeError(r.error.code, r.error.message)
                                     : GatewayCodec::encodeAck(s.messageId, AckStatus::Rejected, r.error.code);
    case WriteResult::Status::Failed:
        break;
    }
    countAnswer(GatewayCount::Rejected);
    if (!m_statusKey.isEmpty())
        m_ingest->problem(m_statusKey, r.error.message);
    return s.messageId.isEmpty()
               ? GatewayCodec::encodeError(QString(GatewayErrors::Unavailable), r.error.message)
               : GatewayCodec::encodeAck(s.messageId, AckStatus::Rejected, QString(GatewayErrors::Unavailable));
}

void GatewaySession::countAnswer(GatewayCount what)
{
    if (!m_statusKey.isEmpty())
        m_ingest->count(m_statusKey, what);
}

void GatewaySession::flush()
{
    if (!m_io)
        return;
    QByteArray out;
    while (!m_slots.empty() && m_slots.front().answer) {
        out += *m_slots.front().answer;
        m_slots.pop_front();
        ++m_frontSeq;
    }
    if (!out.isEmpty() && m_io->isOpen() && m_state != State::Ended)
        m_io->write(out);
}

void GatewaySession::sendLine(const QByteArray &line)
{
    if (m_io && m_io->isOpen() && m_state == State::Open)
        m_io->write(line);
}

void GatewaySession::fail(const QString &code, const QString &message)
{
    if (m_state == State::Ended || m_state == State::Closing)
        return;
    // Answers already known go first, in order; lines still waiting will not be answered
    // (the gateway sends them again; the journal recognises what it already has).
    flush();
    if (m_io && m_io->isOpen())
        m_io->write(GatewayCodec::encodeError(code, message));
    if (!GatewayErrors::closesConnection(code))
        return;
    if (m_link.closable) {
        m_state = State::Closing;
        emit closeRequested();
    } else {
        // A serial line stays open: the session starts over, waiting for a new hello.
        m_frontSeq += quint64(m_slots.size());
        m_slots.clear();
        m_tickets.clear();
        m_waiting = 0;
        m_paused = false;
        m_framer = LineFramer(m_limits.maxLine);
        m_state = State::AwaitingHello;
        m_helloTimer.stop(); // a line that never says hello is refused line by line
    }
}

void GatewaySession::streamEnded()
{
    if (m_state == State::Ended)
        return;
    // Bytes never read (the session had paused for the journal) are not a partial line: the
    // gateway sends again what was not acknowledged.
    const bool unread = m_io && m_io->bytesAvailable() > 0;
    const QByteArray partial = m_framer.pendingBytes();
    const Status finished = m_framer.finish();
    if (!finished.ok() && !unread && m_gatewayId.size() > 0) {
        // Bytes after the last LF: not a message, never acknowledged; kept for the audit.
        JournalEntry e;
        e.time = m_ingest->now();
        e.source = m_source;
        e.kind = EntryKind::DeviceRejected;
        e.actor = Actor::system();
        e.payload = QJsonObject{{"reason"_L1, finished.errorString()}, {"code"_L1, finished.error().code}};
        e.raw = partial;
        m_ingest->submit(nullptr, m_ingest->newTicket(), {e});
        countAnswer(GatewayCount::Rejected);
    }
    m_state = State::Ended;
    m_helloTimer.stop();
    m_slots.clear();
    m_tickets.clear();
    m_waiting = 0;
    emit ended();
}

} // namespace relais
