// What the privacy purge costs on a large journal (docs/privacy.md): the plan (a replay of
// the whole journal on a worker thread) and the purge's transaction on the writer (the state
// and the journal rows redacted in place, secure_delete, the WAL truncated), which holds up
// device messages while it runs.
//
// bench_purge [entries (default 1000000)] [alarms (default 20000)]: a desk of 1,000 devices
// and 50 helpers whose journal holds `alarms` closed alarms (manual, with an address, a caller
// and a note, then acknowledged, noted, resolved, closed) among heartbeats up to `entries`, all a
// year and more ago; prints the time to build it, then to plan and to apply the purge.

#include "journalbuilder.h"
#include "privacyplanner.h"
#include "store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace relais;

namespace {

bool submitAndWait(Store &store, const QList<JournalEntry> &entries, qint64 *stored)
{
    qsizetype answered = 0;
    const QMetaObject::Connection c =
        QObject::connect(&store, &Store::itemsProcessed, &store, [&](const QList<WriteResult> &r) {
            answered += r.size();
            for (const WriteResult &w : r)
                *stored += w.status == WriteResult::Status::Stored ? 1 : 0;
        });
    store.submit(Store::newTicket(), entries);
    const bool ok = QTest::qWaitFor([&] { return answered >= entries.size(); }, 600000);
    QObject::disconnect(c);
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 total = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    const int alarms = argc > 2 ? QByteArray(argv[2]).toInt() : 20000;
    QTemporaryDir dir;
    Store store;
    if (!store.open(dir.path())) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
        return 1;
    }
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    JournalBuilder b(start);
    qint64 stored = 0;
    QElapsedTimer t;
    t.start();
    QList<JournalEntry> batch;
    for (int d = 0; d < 1000; ++d)
        batch.append(b.registerDevice(QStringLiteral("d%1").arg(d), QStringLiteral("B-%1").arg(d),
                                      QStringLiteral("%1 rue des Tests").arg(d), 47.2 + d * 1e-4, -1.55));
    for (int h = 0; h < 50; ++h)
        batch += b.helperAt(QStringLiteral("h%1").arg(h), 47.2 + h * 1e-3, -1.55);
    if (!submitAndWait(store, batch, &stored))
        return 1;
    batch.clear();

    const qint64 perAlarm = total / std::max(alarms, 1);
    qint64 written = stored;
    qint64 nextAlarm = 1;
    int beat = 0;
    while (written < total) {
        b.advance(1);
        if (nextAlarm <= alarms && written % perAlarm == 0) {
            JournalEntry call = b.manualAlarm(QStringLiteral("fall"), QStringLiteral("%1 allée Privée").arg(nextAlarm));
            call.payload.insert(QStringLiteral("caller"), QStringLiteral("Voisin %1").arg(nextAlarm));
            call.payload.insert(QStringLiteral("note"), QStringLiteral("Note %1").arg(nextAlarm));
            call.payload.insert(QStringLiteral("lat"), 47.21 + (nextAlarm % 100) * 1e-4);
            call.payload.insert(QStringLiteral("lon"), -1.55);
            batch << call << b.alarmAction(EntryKind::AlarmAcknowledged, nextAlarm)
                  << b.alarmAction(EntryKind::AlarmNote, nextAlarm,
                                   {{QStringLiteral("text"), QStringLiteral("Tél. 06")}})
                  << b.alarmAction(EntryKind::AlarmResolved, nextAlarm,
                                   {{QStringLiteral("outcome"), QStringLiteral("false_alarm")}})
                  << b.alarmAction(EntryKind::AlarmClosed, nextAlarm);
            ++nextAlarm;
            written += 5;
        } else {
            batch << b.entry(
                EntryKind::DeviceHeartbeat,
                {{QStringLiteral("device"), QStringLiteral("d%1").arg(beat++ % 1000)}, {QStringLiteral("battery"), 80}},
                Actor::device(QStringLiteral("d%1").arg(beat % 1000)));
            ++written;
        }
        if (batch.size() >= 5000) {
            if (!submitAndWait(store, batch, &stored))
                return 1;
            batch.clear();
        }
    }
    if (!batch.isEmpty() && !submitAndWait(store, batch, &stored))
        return 1;
    std::printf("journal: %lld entries stored (%lld alarms) in %.1f s, %.0f MB\n", stored, nextAlarm - 1,
                t.elapsed() / 1000.0, QFileInfo(store.databasePath()).size() / 1e6);

    const QDateTime now = b.now().addDays(400);
    t.restart();
    const Result<PrivacyPlanner::Plan> plan = PrivacyPlanner::plan(store.databasePath(), now, 365);
    const double planS = t.elapsed() / 1000.0;
    if (!plan || plan->entries.isEmpty()) {
        std::fprintf(stderr, "no plan: %s\n", plan ? "nothing due" : qPrintable(plan.errorString()));
        return 1;
    }
    qsizetype purgedAlarms = 0;
    qsizetype redacted = 0;
    for (const JournalEntry &e : plan->entries) {
        purgedAlarms += e.payload.value(QLatin1String("alarms")).toArray().size();
        redacted += e.payload.value(QLatin1String("entries")).toArray().size();
    }
    std::printf("plan: %.2f s for %lld entries replayed (%.0f entries/s): %lld alarms, %lld entries to redact, "
                "in %lld privacy.purged entries\n",
                planS, plan->replayed, plan->replayed / planS, qint64(purgedAlarms), qint64(redacted),
                qint64(plan->entries.size()));

    // One after the other, as the desk submits them; each holds up the writer while it runs.
    t.restart();
    QElapsedTimer one;
    qint64 longest = 0;
    for (const JournalEntry &e : plan->entries) {
        one.start();
        qint64 purged = 0;
        if (!submitAndWait(store, {e}, &purged) || purged != 1)
            return 1;
        longest = std::max(longest, one.elapsed());
    }
    std::printf("purge: %.2f s in all (state + %lld journal rows redacted, secure_delete, WAL truncated after "
                "each), the longest entry %lld ms\n",
                t.elapsed() / 1000.0, qint64(redacted), longest);
    return 0;
}
