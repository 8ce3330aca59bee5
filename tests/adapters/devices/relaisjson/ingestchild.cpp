// The child process of the ingest crash test: Relais's ingest alone (store + gateway server on
// 127.0.0.1, any free port), on the data folder given. Prints "port <n>" once listening, then
// serves until killed. Gateway "gw-crash", token from IngestFixture.

#include "ingestfixture.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fputs("usage: relais_ingest_child <dataDir>\n", stderr);
        return 2;
    }
    relais::Store store;
    if (!store.open(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
        return 1;
    }
    relais::SystemClock clock;
    relais::DeviceIngest ingest([&store](quint64 t, const QList<relais::JournalEntry> &e) { store.submit(t, e); },
                                &clock);
    QObject::connect(&store, &relais::Store::itemsProcessed, &ingest, &relais::DeviceIngest::onProcessed);
    relais::GatewayHub hub(&ingest, &clock);
    hub.setAccounts({relais::test::IngestFixture::defaultAccount(QStringLiteral("gw-crash"))});
    relais::GatewayServer server(&hub, relais::TcpListenConfig{});
    if (relais::Status s = server.listen(); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.errorString()));
        return 1;
    }
    std::printf("port %u\n", unsigned(server.port()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
