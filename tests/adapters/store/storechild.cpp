// Child process of tst_datadirlock and tst_storecrash.
//   relais_store_child hold <dataDir>
//       opens a Store on dataDir, prints "locked", keeps it until stdin closes.
//   relais_store_child stream <dataDir> <round> <count> <seed>
//       opens a Store and journals count device messages (plus retransmissions of the
//       previous round's), submitted in random small groups; prints
//       "<status> <messageId> <seq>" for each entry once the store reported it durable,
//       flushing every line. It never exits by itself: the parent kills it.

#include "scenario.h"
#include "store.h"

#include <QCoreApplication>
#include <QHash>
#include <QRandomGenerator>
#include <QTimer>

#include <cstdio>
#include <iostream>
#include <string>

using namespace relais;

namespace {

int hold(const QString &dataDir)
{
    Store store;
    if (!store.open(dataDir)) {
        std::fprintf(stdout, "error %s\n", qPrintable(store.errorString()));
        std::fflush(stdout);
        return 1;
    }
    std::fprintf(stdout, "locked %lld\n", QCoreApplication::applicationPid());
    std::fflush(stdout);
    std::string line;
    while (std::getline(std::cin, line)) {
    }
    return 0;
}

int stream(const QString &dataDir, int round, int count, quint32 seed)
{
    Store store;
    if (!store.open(dataDir)) {
        std::fprintf(stdout, "error %s\n", qPrintable(store.errorString()));
        std::fflush(stdout);
        return 1;
    }
    std::fprintf(stdout, "open\n");
    std::fflush(stdout);

    QRandomGenerator random(seed);
    test::Scenario scenario(seed);
    QList<JournalEntry> entries;
    // Registrations carry message ids too: retransmitted each round, stored once.
    for (int d = 0; d < 20; ++d) {
        JournalEntry reg = scenario.registerDevice(QStringLiteral("d%1").arg(d), 48.0 + d / 100.0, 2.0);
        reg.messageId = QStringLiteral("reg-d%1").arg(d);
        entries.append(reg);
    }
    for (int i = 0; i < count; ++i) {
        const QString device = QStringLiteral("d%1").arg(random.bounded(25)); // some unregistered
        const QString id = (round > 1 && i % 10 == 0) ? QStringLiteral("r%1-%2").arg(round - 1).arg(i / 10)
                                                      : QStringLiteral("r%1-%2").arg(round).arg(i);
        const int roll = random.bounded(100);
        if (roll < 70)
            entries.append(scenario.heartbeat(device, random.bounded(101), id));
        else if (roll < 90)
            entries.append(scenario.deviceMessage(EntryKind::DeviceAlarm,
                                                  {{"device", device}, {"alarm", roll < 85 ? "panic" : "meteor"}}, id));
        else
            entries.append(
                scenario.deviceMessage(EntryKind::DeviceRestore, {{"device", device}, {"alarm", "panic"}}, id));
    }

    QHash<quint64, QList<JournalEntry>> tickets;
    QObject::connect(&store, &Store::itemsProcessed, &store, [&tickets](const QList<WriteResult> &results) {
        for (const WriteResult &r : results) {
            const JournalEntry &e = tickets.value(r.ticket).at(r.index);
            if (r.isDurable()) {
                std::fprintf(stdout, "%s %s %lld\n", qPrintable(WriteResult::statusKey(r.status)),
                             qPrintable(e.messageId), r.seq);
                std::fflush(stdout);
            }
        }
    });

    quint64 ticket = 0;
    qsizetype next = 0;
    QTimer pump;
    QObject::connect(&pump, &QTimer::timeout, &store, [&] {
        if (next >= entries.size()) {
            pump.stop();
            return;
        }
        const qsizetype n = std::min<qsizetype>(1 + random.bounded(300), entries.size() - next);
        tickets.insert(++ticket, entries.mid(next, n));
        store.submit(ticket, tickets.value(ticket));
        next += n;
        pump.setInterval(random.bounded(3));
    });
    pump.start(0);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 3 && args.at(1) == QLatin1String("hold"))
        return hold(args.at(2));
    if (args.size() == 6 && args.at(1) == QLatin1String("stream"))
        return stream(args.at(2), args.at(3).toInt(), args.at(4).toInt(), args.at(5).toUInt());
    std::fputs("usage: relais_store_child hold <dataDir> | stream <dataDir> <round> <count> <seed>\n", stderr);
    return 2;
}
