#pragma once

#include "gatewayconfig.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QSerialPort;

namespace relais {

class GatewayHub;
class GatewaySession;

// A serial line to a gateway dongle: Relais opens the port itself, runs a session on it, and
// when the port goes away (dongle unplugged, error) closes it and tries again after a delay
// that grows from 1 s to 60 s. The status row is "serial:<port>".
class SerialGatewayLine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SerialGatewayLine)

public:
    SerialGatewayLine(GatewayHub *hub, SerialLineConfig config, QObject *parent = nullptr);
    ~SerialGatewayLine() override;

    void start();
    void stop();
    bool isOpen() const;
    QString statusKey() const { return QStringLiteral("serial:") + m_config.port; }
    int nextDelayMs() const { return m_delayMs; }
    // The first and the longest delay between attempts (1 s and 60 s; tests shorten them).
    void setBackoff(int firstMs, int maxMs);

private:
    void tryOpen();
    void lost(const QString &why);
    void scheduleRetry(const QString &why);

    GatewayHub *m_hub;
    SerialLineConfig m_config;
    std::unique_ptr<QSerialPort> m_port;
    QPointer<GatewaySession> m_session;
    QTimer m_retry;
    int m_firstDelayMs = 1000;
    int m_maxDelayMs = 60000;
    int m_delayMs = 1000;
    bool m_running = false;
};

} // namespace relais
