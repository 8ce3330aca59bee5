#pragma once

// Relais's ingest as the console runs it, for tests: a real Store on a temporary folder, the
// shared DeviceIngest fed by it, the protocol's GatewayHub on it, and a GatewayServer on
// 127.0.0.1 (plain or TLS).

#include "deviceingest.h"
#include "gatewayhub.h"
#include "gatewayserver.h"
#include "journalreader.h"
#include "sqlconnection.h"
#include "store.h"
#include "systemclock.h"

#include <QTemporaryDir>

#include <memory>

namespace relais::test {

class IngestFixture final
{
public:
    static QString token() { return QStringLiteral("s3cr3t-t0ken"); }

    IngestFixture() : IngestFixture(QList<GatewayAccount>{defaultAccount(QStringLiteral("gw-test"))}) {}
    explicit IngestFixture(const QList<GatewayAccount> &accounts, TcpListenConfig listen = {})
    {
        if (!dir.isValid() || !store.open(dir.path()))
            return;
        ingest = std::make_unique<DeviceIngest>(
            [this](quint64 ticket, const QList<JournalEntry> &entries) { store.submit(ticket, entries); }, &clock);
        QObject::connect(&store, &Store::itemsProcessed, ingest.get(), &DeviceIngest::onProcessed);
        hub = std::make_unique<GatewayHub>(ingest.get(), &clock);
        hub->setAccounts(accounts);
        listen.address = QStringLiteral("127.0.0.1");
        server = std::make_unique<GatewayServer>(hub.get(), listen);
        listenStatus = server->listen();
    }

    ~IngestFixture()
    {
        server.reset();
        hub.reset();
        ingest.reset();
        store.close();
    }

    static GatewayAccount defaultAccount(const QString &id)
    {
        GatewayAccount a;
        a.id = id;
        a.token = token();
        return a;
    }

    bool ok() const { return store.isOpen() && server && server->isListening(); }
    quint16 port() const { return server->port(); }

    // The whole journal, read through a connection of its own.
    QList<JournalEntry> journal() const
    {
        SqlConnection c(QStringLiteral("fixture-check"));
        if (!c.open(store.databasePath()))
            return {};
        Result<QList<JournalEntry>> all = JournalReader(c.database()).read(0, 100000000);
        return all ? all.value() : QList<JournalEntry>{};
    }
    QList<JournalEntry> journalOfKind(QLatin1StringView kind) const
    {
        QList<JournalEntry> out;
        for (const JournalEntry &e : journal()) {
            if (e.kind == kind)
                out.append(e);
        }
        return out;
    }

    QTemporaryDir dir;
    SystemClock clock;
    Store store;
    std::unique_ptr<DeviceIngest> ingest;
    std::unique_ptr<GatewayHub> hub;
    std::unique_ptr<GatewayServer> server;
    Status listenStatus;
};

} // namespace relais::test
