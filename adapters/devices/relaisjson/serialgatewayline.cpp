#include "serialgatewayline.h"

#include "gatewayhub.h"
#include "gatewaysession.h"
#include "ingestport.h"

#include <QCoreApplication>
#include <QSerialPort>

namespace relais {

SerialGatewayLine::SerialGatewayLine(GatewayHub *hub, SerialLineConfig config, QObject *parent)
    : QObject(parent), m_hub(hub), m_config(std::move(config))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SerialGatewayLine::tryOpen);
    const QString key = statusKey();
    m_hub->ingest()->updateRow(key, [this, &key](GatewayStatus &row, const QDateTime &now) {
        row = GatewayStatus();
        row.key = key;
        row.transport = QStringLiteral("serial");
        row.peer = m_config.port;
        row.since = now;
    });
}

SerialGatewayLine::~SerialGatewayLine()
{
    stop();
}

void SerialGatewayLine::setBackoff(int firstMs, int maxMs)
{
    m_firstDelayMs = std::max(1, firstMs);
    m_maxDelayMs = std::max(m_firstDelayMs, maxMs);
    m_delayMs = m_firstDelayMs;
}

void SerialGatewayLine::start()
{
    m_running = true;
    m_delayMs = m_firstDelayMs;
    tryOpen();
}

void SerialGatewayLine::stop()
{
    m_running = false;
    m_retry.stop();
    if (m_session)
        m_session->streamEnded();
    if (m_port) {
        m_port->disconnect(this);
        m_port->close();
        m_port.reset();
    }
}

bool SerialGatewayLine::isOpen() const
{
    return m_port && m_port->isOpen();
}

void SerialGatewayLine::tryOpen()
{
    if (!m_running)
        return;
    auto port = std::make_unique<QSerialPort>();
    port->setPortName(m_config.port);
    port->setBaudRate(m_config.baud);
    port->setDataBits(QSerialPort::Data8);
    port->setParity(QSerialPort::NoParity);
    port->setStopBits(QSerialPort::OneStop);
    port->setFlowControl(QSerialPort::NoFlowControl);
    port->setReadBufferSize(1024 * 1024);
    if (!port->open(QIODevice::ReadWrite)) {
        scheduleRetry(tr("Cannot open %1: %2").arg(m_config.port, port->errorString()));
        return;
    }
    m_port = std::move(port);
    m_delayMs = m_firstDelayMs;
    connect(m_port.get(), &QSerialPort::errorOccurred, this, [this](QSerialPort::SerialPortError e) {
        if (e == QSerialPort::NoError || e == QSerialPort::TimeoutError)
            return;
        lost(tr("%1 was lost: %2").arg(m_config.port, m_port ? m_port->errorString() : QString()));
    });
    GatewaySession::Link link;
    link.transport = QStringLiteral("serial");
    link.peer = m_config.port;
    link.statusKey = statusKey();
    link.closable = false;
    m_session = m_hub->attach(m_port.get(), link);
    m_hub->ingest()->updateRow(statusKey(), [](GatewayStatus &row, const QDateTime &now) {
        row.link = GatewayStatus::Link::Connected; // the port is open; the gateway's hello names it
        row.since = now;
        row.retryInS = -1;
        row.lastError.clear();
    });
}

void SerialGatewayLine::lost(const QString &why)
{
    if (m_session)
        m_session->streamEnded();
    m_session.clear();
    if (m_port) {
        QSerialPort *port = m_port.release();
        port->disconnect(this);
        port->close();
        port->deleteLater(); // we may be inside one of its signals
    }
    emit m_hub->logMessage(why);
    scheduleRetry(why);
}

void SerialGatewayLine::scheduleRetry(const QString &why)
{
    if (!m_running)
        return;
    m_hub->ingest()->updateRow(statusKey(), [this, &why](GatewayStatus &row, const QDateTime &now) {
        row.transport = QStringLiteral("serial");
        row.peer = m_config.port;
        row.link = GatewayStatus::Link::Connecting;
        row.since = now;
        row.lastError = why;
        row.retryInS = (m_delayMs + 999) / 1000;
    });
    m_retry.start(m_delayMs);
    m_delayMs = std::min(m_maxDelayMs, m_delayMs * 2);
}

} // namespace relais
