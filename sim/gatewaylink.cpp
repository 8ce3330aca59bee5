#include "gatewaylink.h"

#include "gatewaycodec.h"
#include "gatewayerrors.h"
#include "simlog.h"
#include "wire.h"

#include <QDateTime>
#include <QSerialPort>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <cmath>

namespace relais::sim {

namespace {

using namespace Qt::StringLiterals;

constexpr int HelloTimeoutMs = 10'000;       // as Relais's own hello timeout (§5.1)
constexpr qint64 MaxBackoffMs = 60'000;      // reconnection delay: 1 s doubling to 60 s (§5.2)
constexpr qint64 StableSessionMs = 10'000;   // a session this long resets the delay to 1 s
constexpr qsizetype ChunkBytes = 256 * 1024; // written at once
constexpr qint64 HighWaterBytes = 1 << 20;   // not more than this waiting in the socket
constexpr qsizetype MaxDownlinksRemembered = 100'000;
constexpr int StopTimeoutMs = 3000;
constexpr double SafeRateFactor = 0.98; // a little under the announced rate

QString describeEventId(const QByteArray &id)
{
    return QString::fromUtf8(id);
}

} // namespace

GatewayLink::GatewayLink(LinkConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    m_clock.start();
    m_idPrefix = m_config.gatewayId.toUtf8() + '-' + Wire::base36(quint64(QDateTime::currentMSecsSinceEpoch())) + '-';
    m_reconnectTimer.setSingleShot(true);
    m_helloTimer.setSingleShot(true);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setTimerType(Qt::PreciseTimer);
    m_stopTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &GatewayLink::connectNow);
    connect(&m_flushTimer, &QTimer::timeout, this, &GatewayLink::flush);
    connect(&m_helloTimer, &QTimer::timeout, this,
            [this] { connectionLost(QStringLiteral("no answer to hello within %1 s").arg(HelloTimeoutMs / 1000)); });
    connect(&m_stopTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Stopping)
            connectionLost(QStringLiteral("stopped"));
    });
}

GatewayLink::~GatewayLink()
{
    if (m_device) {
        m_device->disconnect(this);
        if (auto *socket = qobject_cast<QAbstractSocket *>(m_device.data()))
            socket->abort();
        else
            m_device->close();
    }
}

QByteArray GatewayLink::nextId()
{
    return m_idPrefix + Wire::base36(++m_idCounter);
}

void GatewayLink::enqueue(QByteArray id, QByteArray line, quint32 tag)
{
    ++m_stats.events;
    m_queue.push(std::move(id), std::move(line), tag);
    if (m_state == State::Session)
        scheduleFlush();
}

void GatewayLink::start()
{
    if (m_state == State::Idle)
        connectNow();
}

QString GatewayLink::peerName() const
{
    if (m_config.transport == LinkConfig::Transport::Serial)
        return m_config.serialPath;
    return QStringLiteral("%1:%2").arg(m_config.host).arg(m_config.port);
}

void GatewayLink::connectNow()
{
    if (m_state == State::Stopping || m_state == State::Stopped)
        return;
    m_state = State::Connecting;
    m_framer = LineFramer(GatewayLimits::DefaultMaxLine);
    m_rate = 0;
    m_burst = 0;

    if (m_config.transport == LinkConfig::Transport::Serial) {
        auto *port = new QSerialPort(this);
        port->setPortName(m_config.serialPath);
        port->setBaudRate(m_config.baud);
        port->setDataBits(QSerialPort::Data8);
        port->setParity(QSerialPort::NoParity);
        port->setStopBits(QSerialPort::OneStop);
        port->setFlowControl(QSerialPort::NoFlowControl);
        if (!port->open(QIODevice::ReadWrite)) {
            Log::warn(
                QStringLiteral("cannot open the serial line %1: %2").arg(m_config.serialPath, port->errorString()));
            delete port;
            m_state = State::Waiting;
            scheduleReconnect();
            return;
        }
        m_device = port;
        connect(port, &QIODevice::readyRead, this, &GatewayLink::onReadyRead);
        connect(port, &QIODevice::bytesWritten, this, [this] { scheduleFlush(); });
        connect(port, &QSerialPort::errorOccurred, this, [this, port](QSerialPort::SerialPortError e) {
            if (e != QSerialPort::NoError && port == m_device)
                connectionLost(port->errorString());
        });
        onTransportUp();
        return;
    }

    QTcpSocket *socket = nullptr;
    QSslSocket *ssl = nullptr;
    if (m_config.tls) {
        ssl = new QSslSocket(this);
        QSslConfiguration tlsConfig = QSslConfiguration::defaultConfiguration();
        if (!m_config.caCertificates.isEmpty())
            tlsConfig.setCaCertificates(m_config.caCertificates);
        tlsConfig.setPeerVerifyMode(QSslSocket::VerifyPeer);
        ssl->setSslConfiguration(tlsConfig);
        ssl->setPeerVerifyName(m_config.host);
        connect(ssl, &QSslSocket::encrypted, this, &GatewayLink::onTransportUp);
        connect(ssl, &QSslSocket::sslErrors, this, [](const QList<QSslError> &errors) {
            for (const QSslError &e : errors)
                Log::warn(QStringLiteral("TLS: %1").arg(e.errorString()));
        });
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
        connect(socket, &QAbstractSocket::connected, this, &GatewayLink::onTransportUp);
    }
    m_device = socket;
    connect(socket, &QIODevice::readyRead, this, &GatewayLink::onReadyRead);
    connect(socket, &QIODevice::bytesWritten, this, [this] { scheduleFlush(); });
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
        if (socket == m_device)
            connectionLost(QStringLiteral("closed by Relais"));
    });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError) {
        if (socket == m_device)
            connectionLost(socket->errorString());
    });
    if (ssl)
        ssl->connectToHostEncrypted(m_config.host, m_config.port);
    else
        socket->connectToHost(m_config.host, m_config.port);
}

void GatewayLink::onTransportUp()
{
    if (m_state != State::Connecting || !m_device)
        return;
    if (auto *socket = qobject_cast<QAbstractSocket *>(m_device.data()))
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_state = State::AwaitingHelloOk;
    writeRaw(Wire::hello(GatewayCodec::supportedVersions(), m_config.gatewayId, m_config.token, m_config.agent));
    m_helloTimer.start(HelloTimeoutMs);
}

void GatewayLink::writeRaw(const QByteArray &bytes)
{
    if (m_device)
        m_device->write(bytes);
}

void GatewayLink::onReadyRead()
{
    QIODevice *device = m_device;
    if (!device)
        return;
    const QByteArray bytes = device->readAll();
    if (bytes.isEmpty())
        return;
    const QList<Result<QByteArray>> lines = m_framer.feed(bytes);
    for (const Result<QByteArray> &line : lines) {
        if (m_device != device || m_state == State::Stopped)
            return; // the session ended on one of these lines
        if (!line) {
            ++m_stats.badLines;
            Log::warn(QStringLiteral("unreadable line from Relais: %1").arg(line.error().message));
            continue;
        }
        handleLine(line.value());
    }
    if (m_device == device) {
        scheduleFlush();
        if (m_queue.empty())
            emit becameIdle();
    }
}

void GatewayLink::handleLine(QByteArrayView line)
{
    const Result<ServerLine> decoded = ServerLines::decode(line);
    if (!decoded) {
        ++m_stats.badLines;
        Log::warn(
            QStringLiteral("unreadable line from Relais (%1): %2")
                .arg(decoded.error().message, QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 200)))));
        return;
    }
    const ServerLine &m = decoded.value();
    switch (m.type) {
    case ServerLine::Type::HelloOk:
        return handleHelloOk(m);
    case ServerLine::Type::Ack:
        return handleAck(m);
    case ServerLine::Type::Error:
        return handleError(m);
    case ServerLine::Type::Offer:
    case ServerLine::Type::Cancel:
        return handleDownlink(m);
    case ServerLine::Type::Other:
        if (!m_warnedTypes.contains(m.typeName)) {
            m_warnedTypes.insert(m.typeName);
            Log::warn(QStringLiteral("ignoring messages of unknown type \"%1\" from Relais").arg(m.typeName.left(64)));
        }
        return;
    }
}

void GatewayLink::handleHelloOk(const ServerLine &m)
{
    if (m_state != State::AwaitingHelloOk) {
        Log::warn(QStringLiteral("unexpected hello_ok ignored"));
        return;
    }
    m_helloTimer.stop();
    if (!GatewayCodec::supportedVersions().contains(m.version)) {
        const QString message =
            QStringLiteral("Relais chose protocol version %1, which this simulator does not speak").arg(m.version);
        teardown();
        m_state = State::Stopped;
        emit refused(GatewayErrors::UnsupportedVersion, message);
        return;
    }
    m_maxLine = m.maxLine;
    m_rate = m.rate;
    m_burst = m.burst;
    m_rateFactor = SafeRateFactor;
    const double capacity = m_burst > 0 ? std::max(1.0, double(m_burst) - std::max(1, m_burst / 20)) : 1.0;
    m_tokens = std::max(1.0, capacity - 1.0); // the hello took one
    m_lastRefillUs = nowUs();
    m_state = State::Session;
    m_sessionOpenedMs = nowMs();
    ++m_stats.sessions;
    Log::info(QStringLiteral("session open with %1 (%2): protocol %3, rate %4/s, burst %5, max line %6 bytes")
                  .arg(m.server.isEmpty() ? QStringLiteral("Relais") : m.server, peerName())
                  .arg(m.version)
                  .arg(m.rate)
                  .arg(m.burst)
                  .arg(m.maxLine));
    const qsizetype waiting = m_queue.queued();
    if (waiting > 0 && m_stats.sessions > 1)
        Log::info(QStringLiteral("%1 events waiting, unacknowledged ones first (same ids)").arg(waiting));
    emit sessionOpened();
    scheduleFlush();
}

void GatewayLink::handleAck(const ServerLine &m)
{
    const EventQueue::Settled s = m_queue.settle(m.eventId, m.status, m.reason, nowMs(), nowUs());
    if (s.disposition != EventQueue::Disposition::Unknown)
        m_stats.lastAckMs = nowMs();
    switch (s.disposition) {
    case EventQueue::Disposition::Unknown:
        ++m_stats.unknownAcks;
        if (m_stats.unknownAcks <= 10)
            Log::warn(QStringLiteral("ack of an id not in flight: %1").arg(describeEventId(m.eventId)));
        return;
    case EventQueue::Disposition::Accepted:
        ++m_stats.stored;
        m_latency.add(s.latencyUs);
        m_recentLatency.add(s.latencyUs);
        break;
    case EventQueue::Disposition::Duplicate:
        ++m_stats.duplicate;
        m_latency.add(s.latencyUs);
        m_recentLatency.add(s.latencyUs);
        break;
    case EventQueue::Disposition::Rejected:
        ++m_stats.rejected;
        if (m_stats.rejected <= 20 || m_stats.rejected % 1000 == 0) {
            Log::warn(QStringLiteral("event %1 rejected: %2%3")
                          .arg(describeEventId(m.eventId), m.reason,
                               m_stats.rejected == 20 ? QStringLiteral(" (further rejections: one in 1000 shown)")
                                                      : QString()));
        }
        break;
    case EventQueue::Disposition::Retry:
        if (m.reason == GatewayErrors::RateLimited) {
            ++m_stats.rateLimited;
            // Relais's bucket is empty: ours is too, and a little slower from now on.
            m_tokens = std::min(m_tokens, 0.0);
            m_rateFactor = std::max(0.25, m_rateFactor * 0.9);
        } else {
            ++m_stats.unavailable;
        }
        return;
    }
    if (s.tag != 0)
        emit eventSettled(s.id, s.tag, s.disposition != EventQueue::Disposition::Rejected, m.reason);
}

void GatewayLink::handleError(const ServerLine &m)
{
    ++m_stats.errorLines;
    if (m.code == GatewayErrors::BadToken || m.code == GatewayErrors::UnsupportedVersion) {
        teardown();
        m_state = State::Stopped;
        emit refused(m.code, m.message);
        return;
    }
    if (m.close) {
        connectionLost(QStringLiteral("Relais closed the session: %1 (%2)").arg(m.code, m.message));
        return;
    }
    // An unknown code with close false is treated like bad_field (§5.2): noted, and go on.
    Log::warn(QStringLiteral("Relais reports %1: %2").arg(m.code, m.message));
}

void GatewayLink::handleDownlink(const ServerLine &m)
{
    ++m_stats.downlinks;
    DownlinkVerdict verdict;
    const auto seen = m_downlinksSeen.constFind(m.downlinkId);
    if (seen != m_downlinksSeen.constEnd()) {
        ++m_stats.downlinkRepeats;
        verdict = seen.value();
        Log::info(QStringLiteral("%1 %2 received again: acknowledged again, not shown twice")
                      .arg(m.type == ServerLine::Type::Offer ? QStringLiteral("offer") : QStringLiteral("cancel"),
                           m.downlinkId));
    } else {
        if (m_downlinkHandler)
            verdict = m_downlinkHandler(m);
        else
            verdict = DownlinkVerdict{false, QStringLiteral("handset_unreachable")};
        if (m_downlinksSeen.size() >= MaxDownlinksRemembered)
            m_downlinksSeen.clear(); // a very long run: forget the old ones
        m_downlinksSeen.insert(m.downlinkId, verdict);
    }
    m_control.append(Wire::downlinkAck(m.downlinkId, verdict.delivered, verdict.reason));
}

void GatewayLink::teardown()
{
    m_helloTimer.stop();
    m_flushTimer.stop();
    m_flushSoon = false;
    m_stopTimer.stop();
    if (m_device) {
        QIODevice *device = m_device;
        m_device = nullptr;
        device->disconnect(this);
        if (auto *socket = qobject_cast<QAbstractSocket *>(device))
            socket->abort();
        else
            device->close();
        device->deleteLater();
    }
    (void)m_framer.finish();
    m_control.clear(); // Relais sends unacknowledged downlinks again on the next session
}

void GatewayLink::connectionLost(const QString &why)
{
    if (m_state == State::Idle || m_state == State::Waiting || m_state == State::Stopped)
        return;
    // Acks already received count: read what is left before giving the events back.
    if (m_device && m_device->bytesAvailable() > 0 && m_state != State::Stopping) {
        QIODevice *device = m_device;
        onReadyRead();
        if (m_device != device || m_state == State::Waiting || m_state == State::Stopped)
            return; // a line read there ended the session already
    }
    const bool wasSession = m_state == State::Session;
    const bool stopping = m_state == State::Stopping;
    teardown();
    const qsizetype requeued = m_queue.requeueInFlight();
    ++m_stats.connectionsLost;
    if (stopping) {
        m_state = State::Stopped;
        QMetaObject::invokeMethod(this, &GatewayLink::stopped, Qt::QueuedConnection);
        return;
    }
    m_state = State::Waiting;
    if (wasSession && nowMs() - m_sessionOpenedMs >= StableSessionMs)
        m_backoffMs = 1000;
    Log::warn(QStringLiteral("connection to %1 lost: %2%3")
                  .arg(peerName(), why,
                       requeued > 0 ? QStringLiteral("; %1 unacknowledged events will be sent again").arg(requeued)
                                    : QString()));
    if (wasSession)
        emit sessionClosed();
    scheduleReconnect();
}

void GatewayLink::scheduleReconnect()
{
    const qint64 delay = m_backoffMs;
    m_backoffMs = std::min(m_backoffMs * 2, MaxBackoffMs);
    Log::info(QStringLiteral("connecting to %1 again in %2 s").arg(peerName()).arg(delay / 1000.0));
    m_reconnectTimer.start(int(delay));
}

void GatewayLink::stop()
{
    m_reconnectTimer.stop();
    switch (m_state) {
    case State::Stopped:
    case State::Stopping:
        return;
    case State::Idle:
    case State::Waiting:
    case State::Connecting:
    case State::AwaitingHelloOk:
        teardown();
        m_queue.requeueInFlight();
        m_state = State::Stopped;
        QMetaObject::invokeMethod(this, &GatewayLink::stopped, Qt::QueuedConnection);
        return;
    case State::Session:
        break;
    }
    m_state = State::Stopping;
    m_flushTimer.stop();
    if (!m_control.isEmpty()) {
        QByteArray rest;
        for (const QByteArray &line : std::as_const(m_control))
            rest += line;
        m_control.clear();
        writeRaw(rest);
    }
    if (auto *socket = qobject_cast<QAbstractSocket *>(m_device.data())) {
        m_stopTimer.start(StopTimeoutMs);
        socket->disconnectFromHost(); // writes what is buffered, then closes
        return;
    }
    if (auto *port = qobject_cast<QSerialPort *>(m_device.data())) {
        port->flush();
        if (port->bytesToWrite() > 0)
            port->waitForBytesWritten(StopTimeoutMs);
    }
    connectionLost(QStringLiteral("stopped"));
}

void GatewayLink::scheduleFlush(int delayMs)
{
    if (m_state != State::Session || m_flushSoon)
        return; // (a flush is already coming at once)
    if (delayMs <= 0) {
        m_flushSoon = true;
        m_flushTimer.start(0);
        return;
    }
    if (m_flushTimer.isActive() && m_flushTimer.remainingTime() <= delayMs)
        return;
    m_flushTimer.start(delayMs);
}

void GatewayLink::refill()
{
    const qint64 now = nowUs();
    if (m_rate <= 0) {
        m_tokens = 1e12; // no limit announced
    } else {
        const double capacity = std::max(1.0, double(m_burst) - std::max(1, m_burst / 20));
        m_tokens = std::min(capacity, m_tokens + double(now - m_lastRefillUs) * m_rate * m_rateFactor / 1e6);
    }
    m_lastRefillUs = now;
}

void GatewayLink::flush()
{
    m_flushSoon = false;
    if (m_state != State::Session || !m_device)
        return;
    const qint64 buffered = m_device->bytesToWrite();
    if (buffered >= HighWaterBytes)
        return; // bytesWritten() calls again
    refill();
    const qint64 now = nowMs();
    const qint64 nowMicros = nowUs();

    QByteArray chunk;
    while (!m_control.isEmpty() && m_tokens >= 1) {
        chunk += m_control.takeFirst();
        m_tokens -= 1;
    }
    bool outOfTokens = false;
    bool chunkFull = false;
    while (true) {
        if (chunk.size() >= ChunkBytes || buffered + chunk.size() >= HighWaterBytes) {
            chunkFull = true;
            break;
        }
        if (m_queue.inFlight() >= m_config.maxInFlight)
            break; // acks reopen the window
        if (m_tokens < 1) {
            outOfTokens = true;
            break;
        }
        std::optional<OutEvent> next = m_queue.popNext(now);
        if (!next)
            break;
        if (next->line.size() - 1 > m_maxLine) {
            ++m_stats.tooLong;
            Log::warn(QStringLiteral("event %1 is longer than the %2 bytes Relais accepts: not sent")
                          .arg(describeEventId(next->id))
                          .arg(m_maxLine));
            if (next->tag != 0)
                emit eventSettled(next->id, next->tag, false, GatewayErrors::LineTooLong);
            continue;
        }
        if (chunk.isEmpty())
            chunk.reserve(std::min<qsizetype>(ChunkBytes + 1024, 64 * 1024));
        chunk += next->line;
        if (next->transmissions == 0) {
            ++m_stats.sent;
            m_stats.lastFirstSendMs = now;
        } else
            ++m_stats.resent;
        m_queue.markInFlight(std::move(*next), nowMicros);
        m_tokens -= 1;
    }
    if (!chunk.isEmpty())
        writeRaw(chunk);

    const bool moreNow =
        !m_control.isEmpty() || m_queue.queued() > 0 || (m_queue.nextDueMs() && *m_queue.nextDueMs() <= now);
    if (moreNow && outOfTokens && m_rate > 0) {
        const double perMs = m_rate * m_rateFactor / 1000.0;
        scheduleFlush(std::max(1, int(std::ceil((1.0 - m_tokens) / perMs))));
    } else if (moreNow && chunkFull) {
        if (m_device->bytesToWrite() < HighWaterBytes)
            scheduleFlush(0);
    } else if (!m_control.isEmpty()) {
        scheduleFlush(1);
    }
    if (const auto due = m_queue.nextDueMs(); due && *due > now)
        scheduleFlush(int(std::min<qint64>(*due - now, 60'000)));
}

} // namespace relais::sim
