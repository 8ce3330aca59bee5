#pragma once

#include "gatewayconfig.h"
#include "gatewaystatus.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QThread;

namespace relais {

class Clock;
class DeviceIngest;
class GatewayHub;
class HandsetChannel;
class HelperChannel;
class Store;

// The device sources of the console on a thread of their own, so that a flood of device
// messages never slows the window: the shared ingest, the Relais gateway protocol's hub, its
// TCP/TLS servers and serial lines are created, run and destroyed on that thread; the store is
// reached through its thread-safe submit, and the status rows come back to the GUI thread as
// queued signals. The helpers' handsets are reached through handsets(), a helper channel
// living on the host's thread.
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

    // Offers and cancels to the gateways that carry the helpers' handsets. A helper whose
    // handset has not spoken through any gateway yet cannot be reached: reported NotSent.
    HelperChannel *handsets() const;

signals:
    void statusChanged(const relais::GatewayStatus &status);
    void logMessage(const QString &message);

private:
    Store *m_store;
    const Clock *m_clock;
    std::unique_ptr<HandsetChannel> m_handsets;
    std::unique_ptr<QThread> m_thread;
    QObject *m_context = nullptr; // lives on m_thread; parent of everything below
    DeviceIngest *m_ingest = nullptr;
    GatewayHub *m_hub = nullptr;
    QList<quint16> m_ports;
};

} // namespace relais
