#pragma once

#include "downlinks.h"
#include "gatewayconfig.h"
#include "gatewaystatus.h"
#include "writeresult.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QThread;

namespace relais {

class Clock;
class GatewayIngest;
class GatewayServer;
class SerialGatewayLine;
class Store;

// The gateways of the console on a thread of their own, so that a flood of device messages
// never slows the window: the ingest, its TCP/TLS servers and serial lines are created, run
// and destroyed on that thread; the store is reached through its thread-safe submit, and the
// status rows come back to the GUI thread as queued signals.
class GatewayHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayHost)

public:
    GatewayHost(Store *store, const Clock *clock, QObject *parent = nullptr);
    ~GatewayHost() override; // says shutting_down to every gateway, then stops the thread

    // Starts listening and opening serial lines. Problems (a port in use, a bad certificate)
    // are returned, one sentence each; what could start keeps running.
    QStringList start(const GatewayConfig &config);
    void stop();

    // The ports really listened on, in the order of config.tcp (0 where listening failed).
    QList<quint16> ports() const { return m_ports; }

    // Hands offers and cancels to the gateways that carry the helpers' handsets (on the
    // gateways' thread). A helper whose handset has not spoken through any gateway yet cannot
    // be reached: that is said through logMessage, once per downlink.
    void send(const Downlinks &downlinks);

signals:
    void statusChanged(const relais::GatewayStatus &status);
    void logMessage(const QString &message);

private:
    Store *m_store;
    const Clock *m_clock;
    std::unique_ptr<QThread> m_thread;
    QObject *m_context = nullptr; // lives on m_thread; parent of everything below
    GatewayIngest *m_ingest = nullptr;
    QList<quint16> m_ports;
};

} // namespace relais
