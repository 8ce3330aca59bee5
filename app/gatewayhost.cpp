#include "gatewayhost.h"

#include "gatewayingest.h"
#include "gatewayserver.h"
#include "serialgatewayline.h"
#include "store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace relais {

GatewayHost::GatewayHost(Store *store, const Clock *clock, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock)
{}

GatewayHost::~GatewayHost()
{
    stop();
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
            m_ingest = new GatewayIngest(
                [store](quint64 ticket, const QList<JournalEntry> &entries) { store->submit(ticket, entries); },
                m_clock, m_context);
            connect(store, &Store::itemsProcessed, m_ingest, &GatewayIngest::onProcessed); // queued
            connect(m_ingest, &GatewayIngest::statusChanged, this, &GatewayHost::statusChanged);
            connect(m_ingest, &GatewayIngest::logMessage, this, &GatewayHost::logMessage);
            m_ingest->setAccounts(config.gateways);
            for (const TcpListenConfig &tcp : config.tcp) {
                auto *server = new GatewayServer(m_ingest, tcp, m_context);
                const Status s = server->listen();
                ports.append(s ? server->port() : quint16(0));
                if (!s)
                    problems.append(s.errorString());
            }
            for (const SerialLineConfig &serial : config.serial) {
                auto *line = new SerialGatewayLine(m_ingest, serial, m_context);
                line->start();
            }
        },
        Qt::BlockingQueuedConnection);
    m_ports = ports;
    return problems;
}

void GatewayHost::stop()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            if (m_ingest) {
                m_ingest->shutdown();
                // Let the shutting_down lines leave before the sockets go.
                QElapsedTimer t;
                t.start();
                while (!m_ingest->sessions().isEmpty() && t.elapsed() < 500)
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            }
            delete m_context; // servers, serial lines, ingest and its sessions, on their thread
            m_context = nullptr;
            m_ingest = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_ports.clear();
}

void GatewayHost::send(const Downlinks &downlinks)
{
    if (!m_context || downlinks.isEmpty())
        return;
    QMetaObject::invokeMethod(m_context, [this, downlinks] {
        if (!m_ingest)
            return;
        for (const DownlinkOffer &offer : downlinks.offers) {
            if (!m_ingest->sendOffer(offer)) {
                emit logMessage(tr("Mission %1 could not be offered to helper %2: their handset has not spoken "
                                   "through any gateway yet.")
                                    .arg(offer.mission)
                                    .arg(offer.helper));
            }
        }
        for (const DownlinkCancel &cancel : downlinks.cancels) {
            if (!m_ingest->sendCancel(cancel.helper, cancel.mission, cancel.reason)) {
                emit logMessage(tr("Helper %1 could not be told that mission %2 is withdrawn: their handset has not "
                                   "spoken through any gateway yet.")
                                    .arg(cancel.helper)
                                    .arg(cancel.mission));
            }
        }
    });
}

} // namespace relais
