#include "gatewaysession.h"

#include "gatewaycodec.h"
#include "gatewayerrors.h"
#include "gatewayhub.h"
#include "ingestport.h"

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

GatewaySession::GatewaySession(GatewayHub *hub, QIODevice *io, Link link, QObject *parent)
    : QObject(parent),
      m_hub(hub),
      m_ingest(hub->ingest()),
      m_io(io),
      m_link(std::move(link)),
      m_statusKey(m_link.statusKey)
{
    m_clock.start();
    m_helloTimer.setSingleShot(true);
    connect(&m_helloTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::AwaitingHello)
            fail(QString(GatewayErrors::HelloTimeout), tr("No hello within the time allowed."));
    });
    m_helloTimer.start(m_hub->helloTimeoutMs());
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
        if (!m_statusKey.isEmpty()) { // once per read, not per line
            m_ingest->updateRow(m_statusKey, [](GatewayStatus &row, const QDateTime &now) { row.lastMessage = now; });
        }
        Chunk chunk;
        for (const Result<QByteArray> &line : m_framer.feed(bytes)) {
            if (m_state == State::Closing || m_state == State::Ended)
                break; // after an error that closes the session, nothing more is read
            if (line.ok()) {
                handleLine(line.value(), chunk);
            } else {
                // Too long: its bytes were never kept; the refusal itself is journaled.
                journalRefusedLine({}, {}, line.error().code, line.error().message, chunk);
            }
        }
        if (!chunk.entries.isEmpty()) {
            m_ingest->submit(m_statusKey, std::move(chunk.entries), this,
                             [this, seqs = std::move(chunk.seqs)](const WriteResult &r) { return onResult(seqs, r); });
        }
        if (m_waiting >= m_hub->maxWaitingPerSession())
            m_paused = true; // the rest stays in the socket: TCP flow control slows the gateway
        flush();
    }
}

void GatewaySession::handleLine(const QByteArray &line, Chunk &chunk)
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
        countRejected();
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
        journalRefusedLine(line, id, decoded.error().code, decoded.error().message, chunk);
        return;
    }
    InboundMessage &m = decoded.value();
    switch (m.type) {
    case InboundMessage::Type::Hello:
        handleHello(m); // the gateway started over (serial lines never close)
        return;
    case InboundMessage::Type::DownlinkAck:
        m_hub->downlinkAcked(m_gatewayId, m.messageId, m.downlinkStatus == InboundMessage::DownlinkStatus::Delivered,
                             m.reason);
        return;
    case InboundMessage::Type::Event:
        break;
    }
    JournalEntry &e = m.entry;
    e.source = m_source; // the time is the ingest's: when the read came
    Slot s;
    s.messageId = m.messageId;
    if (e.actor.kind == Actor::Kind::Helper)
        s.helperId = e.actor.id;
    journal(std::move(e), std::move(s), chunk);
}

void GatewaySession::journalRefusedLine(const QByteArray &raw, const QString &id, const QString &code,
                                        const QString &message, Chunk &chunk)
{
    JournalEntry e;
    e.source = m_source;
    e.messageId = id;
    e.kind = EntryKind::DeviceRejected;
    e.actor = Actor::system();
    e.payload = QJsonObject{{"reason"_L1, message}, {"code"_L1, code}};
    e.raw = raw;
    Slot s;
    s.messageId = id;
    s.rejectCode = code;
    s.rejectMessage = message;
    journal(std::move(e), std::move(s), chunk);
}

void GatewaySession::journal(JournalEntry entry, Slot slot, Chunk &chunk)
{
    chunk.seqs.append(m_frontSeq + quint64(m_slots.size()));
    chunk.entries.append(std::move(entry));
    ++m_waiting;
    m_slots.push_back(std::move(slot));
}

void GatewaySession::pushSlot(Slot slot)
{
    m_slots.push_back(std::move(slot));
}

void GatewaySession::handleHello(const InboundMessage &hello)
{
    const GatewayAccount *account = m_hub->account(hello.gatewayId);
    if (!account || !sameSecret(account->token, hello.token)) {
        // Journaled by the ingest with the id and the peer, never the token.
        JournalEntry e;
        e.source = QStringLiteral("system");
        e.kind = EntryKind::GatewayRefused;
        e.actor = Actor::system();
        e.payload = QJsonObject{{"gateway"_L1, hello.gatewayId.left(64)},
                                {"peer"_L1, m_link.peer},
                                {"transport"_L1, m_link.transport},
                                {"reason"_L1, QString(GatewayErrors::BadToken)}};
        m_ingest->submit({}, {e}, nullptr, {});
        emit m_hub->logMessage(tr("Gateway %1 refused from %2: unknown gateway or wrong token.")
                                   .arg(hello.gatewayId.left(64), m_link.peer));
        if (!m_link.statusKey.isEmpty()) {
            const QString problem = tr("Refused a hello: unknown gateway or wrong token.");
            m_ingest->updateRow(m_link.statusKey,
                                [&problem](GatewayStatus &row, const QDateTime &) { row.lastError = problem; });
        }
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
    s.answer = GatewayCodec::encodeHelloOk(hello.version, m_hub->serverName(), m_limits);
    pushSlot(std::move(s));
    flush(); // hello_ok before anything the hub sends (downlinks waiting for this gateway)
    m_hub->sessionOpened(this);
}

bool GatewaySession::onResult(const QList<quint64> &seqs, const WriteResult &r)
{
    // Slots dropped meanwhile (the session ended or started over) are not answered any more.
    if (m_state == State::Ended || r.index < 0 || r.index >= seqs.size())
        return false;
    const quint64 seq = seqs.at(r.index);
    if (seq < m_frontSeq || seq - m_frontSeq >= quint64(m_slots.size()))
        return false;
    Slot &s = m_slots[std::size_t(seq - m_frontSeq)];
    if (s.answer)
        return false;
    s.answer = answerFor(s, r);
    --m_waiting;
    flush();
    if (m_paused && m_waiting < m_hub->maxWaitingPerSession() / 2) {
        m_paused = false;
        QMetaObject::invokeMethod(this, &GatewaySession::readMore, Qt::QueuedConnection);
    }
    return true;
}

QByteArray GatewaySession::answerFor(Slot &s, const WriteResult &r)
{
    // The row's counts are the ingest's (IngestPort::submit): here only the answer on the wire.
    if (!s.rejectCode.isEmpty() && r.status == WriteResult::Status::Stored) {
        // A line the decoder refused, now journaled: the refusal can be told.
        return s.messageId.isEmpty() ? GatewayCodec::encodeError(s.rejectCode, s.rejectMessage)
                                     : GatewayCodec::encodeAck(s.messageId, AckStatus::Rejected, s.rejectCode);
    }
    switch (r.status) {
    case WriteResult::Status::Stored:
        if (!s.helperId.isEmpty())
            m_hub->helperSpoke(s.helperId, m_gatewayId);
        return GatewayCodec::encodeAck(s.messageId, AckStatus::Stored);
    case WriteResult::Status::Duplicate:
        return GatewayCodec::encodeAck(s.messageId, AckStatus::Duplicate, r.error.code);
    case WriteResult::Status::Rejected:
    case WriteResult::Status::Refused:
        return s.messageId.isEmpty() ? GatewayCodec::encodeError(r.error.code, r.error.message)
                                     : GatewayCodec::encodeAck(s.messageId, AckStatus::Rejected, r.error.code);
    case WriteResult::Status::Failed:
        break;
    }
    return s.messageId.isEmpty()
               ? GatewayCodec::encodeError(QString(GatewayErrors::Unavailable), r.error.message)
               : GatewayCodec::encodeAck(s.messageId, AckStatus::Rejected, QString(GatewayErrors::Unavailable));
}

void GatewaySession::countRejected()
{
    if (!m_statusKey.isEmpty())
        m_ingest->updateRow(m_statusKey, [](GatewayStatus &row, const QDateTime &) { ++row.rejected; });
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
        e.source = m_source;
        e.kind = EntryKind::DeviceRejected;
        e.actor = Actor::system();
        e.payload = QJsonObject{{"reason"_L1, finished.errorString()}, {"code"_L1, finished.error().code}};
        e.raw = partial;
        m_ingest->submit({}, {e}, nullptr, {}); // nobody waits; counted now, as never answered
        countRejected();
    }
    m_state = State::Ended;
    m_helloTimer.stop();
    m_frontSeq += quint64(m_slots.size());
    m_slots.clear();
    m_waiting = 0;
    emit ended();
}

} // namespace relais
