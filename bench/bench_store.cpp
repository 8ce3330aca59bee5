// Durable write throughput of the store: device heartbeats submitted from the calling
// thread, journaled + deduplicated + state rows updated by the writer thread, counted when
// their results arrive (after COMMIT, synchronous=FULL). Prints, per run, messages per
// second, the transactions, and the writer thread's own CPU time per message (which other
// processes on the machine disturb far less than the wall clock).
//   bench_store                        10,000 and then 100,000 devices, 200,000 heartbeats each
//   bench_store <messages> <devices>   one run

#include "store.h"
#include "threadcpu.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace relais;

namespace {

bool run(QCoreApplication &app, int messages, int devices)
{
    QTemporaryDir dir;
    Store store;
    if (!dir.isValid() || !store.open(dir.path())) {
        std::fprintf(stderr, "cannot open a store: %s\n", qPrintable(store.errorString()));
        return false;
    }

    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    QList<JournalEntry> registrations;
    for (int i = 0; i < devices; ++i) {
        JournalEntry e;
        e.time = t0;
        e.source = QStringLiteral("bench");
        e.kind = EntryKind::DeviceRegistered;
        e.payload = {{QStringLiteral("device"), QStringLiteral("d%1").arg(i)}, {QStringLiteral("interval_s"), 3600}};
        registrations.append(e);
    }

    QList<JournalEntry> beats;
    beats.reserve(messages);
    for (int i = 0; i < messages; ++i) {
        JournalEntry e;
        e.time = t0.addMSecs(i);
        e.source = QStringLiteral("gateway:bench");
        e.messageId = QString::number(i);
        e.kind = EntryKind::DeviceHeartbeat;
        e.actor = Actor::device(QStringLiteral("d%1").arg(i % devices));
        e.payload = {{QStringLiteral("device"), e.actor.id}, {QStringLiteral("battery"), 80}};
        e.raw = QByteArrayLiteral("{\"type\":\"device.heartbeat\"}");
        beats.append(e);
    }

    int registered = 0;
    int done = 0;
    int notStored = 0;
    QElapsedTimer timer;
    const QMetaObject::Connection counting =
        QObject::connect(&store, &Store::itemsProcessed, &app, [&](const QList<WriteResult> &results) {
            for (const WriteResult &r : results) {
                if (r.status != WriteResult::Status::Stored)
                    ++notStored;
                ++(r.ticket == 1 ? registered : done);
            }
            if (registered == devices && (done == messages || done == 0))
                app.quit();
        });
    // The devices first, outside the measurement.
    store.submit(1, registrations);
    QCoreApplication::exec();
    const quint64 transactionsBefore = store.committedTransactions();
    const qint64 cpuBefore = bench::threadCpuNs("relais-store-wr"); // the writer thread's name, as the kernel cuts it
    timer.start();
    // Submitted in chunks of 1,000, as an ingest thread would.
    for (int i = 0; i < messages; i += 1000)
        store.submit(2, beats.mid(i, 1000));
    QCoreApplication::exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    const qint64 cpuAfter = bench::threadCpuNs("relais-store-wr");
    QObject::disconnect(counting);
    const quint64 transactions = store.committedTransactions() - transactionsBefore;

    std::printf("store: %d heartbeats from %d devices durably committed in %.2f s: %.0f messages/s "
                "(%llu transactions, %d not stored)",
                messages, devices, seconds, messages / seconds, static_cast<unsigned long long>(transactions),
                notStored);
    if (cpuBefore >= 0 && cpuAfter >= cpuBefore) {
        const double cpuSeconds = (cpuAfter - cpuBefore) / 1e9;
        std::printf("; writer thread CPU %.2f s: %.2f us per message, %.0f messages per CPU second", cpuSeconds,
                    cpuSeconds * 1e6 / messages, messages / cpuSeconds);
    }
    std::printf("\n");
    std::fflush(stdout);
    return notStored == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QList<std::pair<int, int>> runs{{200'000, 10'000}, {200'000, 100'000}};
    if (args.size() > 1) {
        const int messages = args.at(1).toInt();
        const int devices = args.size() > 2 ? args.at(2).toInt() : 10'000;
        if (messages <= 0 || devices <= 0) {
            std::fprintf(stderr, "usage: bench_store [messages>0 [devices>0]]\n");
            return 2;
        }
        runs = {{messages, devices}};
    }
    bool ok = true;
    for (const auto &[messages, devices] : runs)
        ok = run(app, messages, devices) && ok;
    return ok ? 0 : 1;
}
