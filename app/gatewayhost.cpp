#include "gatewayhost.h"

#include "deviceingest.h"
#include "gatewayhub.h"
#include "gatewayserver.h"
#include "handsetchannel.h"
#include "serialgatewayline.h"
#include "store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace relais {

GatewayHost::GatewayHost(Store *store, const Clock *clock, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_handsets(std::make_unique<HandsetChannel>())
{}

GatewayHost::~GatewayHost()
{
    stop(); // before the channel goes: its reports come from that thread
}

HelperChannel *GatewayHost::handsets() const
{
    return m_handsets.get();
}

QStringList GatewayHost::start(const GatewayConfig &config)
{
    stop();
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("gateways"));
    m_context = new QObject;
    m_context->moveToThread(m_thread.get());
    m_thread->start();

    QStringList problems;
    QList<quint16> ports;
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            Store *store = m_store;
            m_ingest = new DeviceIngest(
                [store](quint64 ticket, const QList<JournalEntry> &entries) { store->submit(ticket, entries); },
                m_clock); // not a child of m_context: deleted after the sources that use it
            connect(store, &Store::itemsProcessed, m_ingest, &DeviceIngest::onProcessed); // queued
            connect(m_ingest, &DeviceIngest::statusChanged, this, &GatewayHost::statusChanged);
            m_hub = new GatewayHub(m_ingest, m_clock, m_context);
            connect(m_hub, &GatewayHub::logMessage, this, &GatewayHost::logMessage);
            m_hub->setAccounts(config.gateways);
            for (const TcpListenConfig &tcp : config.tcp) {
                auto *server = new GatewayServer(m_hub, tcp, m_context);
                const Status s = server->listen();
                ports.append(s ? server->port() : quint16(0));
                if (!s)
                    problems.append(s.errorString());
            }
            for (const SerialLineConfig &serial : config.serial) {
                auto *line = new SerialGatewayLine(m_hub, serial, m_context);
                line->start();
            }
        },
        Qt::BlockingQueuedConnection);
    m_ports = ports;
    m_handsets->setHub(m_hub);
    return problems;
}

void GatewayHost::stop()
{
    if (!m_thread)
        return;
    m_handsets->setHub(nullptr); // notices from now on are dropped, as before the start
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            if (m_hub) {
                m_hub->shutdown();
                // Let the shutting_down lines leave before the sockets go.
                QElapsedTimer t;
                t.start();
                while (!m_hub->sessions().isEmpty() && t.elapsed() < 500)
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            }
            delete m_context; // hub and its sessions, servers, serial lines, on their thread
            m_context = nullptr;
            m_hub = nullptr;
            delete m_ingest;
            m_ingest = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_ports.clear();
}

} // namespace relais
