// How fast the journal reducer applies device traffic: the CPU cost that the store's
// writer thread pays per message on top of SQLite.

#include "dispatchstate.h"

#include <benchmark/benchmark.h>

#include <QJsonObject>

using namespace relais;

namespace {

DispatchState townWithDevices(int devices)
{
    DispatchState state;
    const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
    for (int i = 0; i < devices; ++i) {
        JournalEntry e;
        e.time = t0;
        e.kind = EntryKind::DeviceRegistered;
        e.payload = {{QStringLiteral("device"), QStringLiteral("d%1").arg(i)},
                     {QStringLiteral("kind"), QStringLiteral("panic_button")},
                     {QStringLiteral("lat"), 48.85 + (i % 100) * 1e-4},
                     {QStringLiteral("lon"), 2.35 + (i / 100) * 1e-4}};
        (void)state.apply(e);
    }
    return state;
}

void heartbeats(benchmark::State &bs)
{
    const int devices = static_cast<int>(bs.range(0));
    DispatchState state = townWithDevices(devices);
    QDateTime t = QDateTime::fromMSecsSinceEpoch(1'700'000'100'000, Qt::UTC);
    QList<JournalEntry> entries;
    for (int i = 0; i < 1000; ++i) {
        JournalEntry e;
        e.time = t.addMSecs(i);
        e.kind = EntryKind::DeviceHeartbeat;
        e.payload = {{QStringLiteral("device"), QStringLiteral("d%1").arg(i % devices)},
                     {QStringLiteral("battery"), 80}};
        entries.append(e);
    }
    for (auto _ : bs) {
        for (const JournalEntry &e : entries)
            benchmark::DoNotOptimize(state.apply(e));
    }
    bs.SetItemsProcessed(bs.iterations() * entries.size());
}
BENCHMARK(heartbeats)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void alarmRepeats(benchmark::State &bs)
{
    DispatchState state = townWithDevices(1000);
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(1'700'000'100'000, Qt::UTC);
    QList<JournalEntry> entries;
    for (int i = 0; i < 1000; ++i) {
        JournalEntry e;
        e.time = t.addMSecs(i);
        e.kind = EntryKind::DeviceAlarm;
        e.payload = {{QStringLiteral("device"), QStringLiteral("d%1").arg(i % 200)},
                     {QStringLiteral("alarm"), QStringLiteral("panic")}};
        entries.append(e);
    }
    for (auto _ : bs) {
        for (const JournalEntry &e : entries)
            benchmark::DoNotOptimize(state.apply(e));
    }
    bs.SetItemsProcessed(bs.iterations() * entries.size());
}
BENCHMARK(alarmRepeats)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
