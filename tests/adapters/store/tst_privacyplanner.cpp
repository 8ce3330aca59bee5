// The privacy purge on a real store (docs/privacy.md): planned by replaying the journal of
// a real SQLite file, applied by the writer, the personal details gone from the files
// themselves, and the state tables still equal to a replay of the redacted journal.

#include "journalbuilder.h"
#include "privacyplanner.h"
#include "privacypurge.h"
#include "sqlconnection.h"
#include "statediff.h"
#include "store.h"
#include "tabledump.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using relais::test::StateDiff;
using relais::test::TableDump;

namespace {

const QDateTime kStart(QDate(2025, 3, 2), QTime(14, 0), Qt::UTC);

// Written by the scenario; none may be found in the data folder's files after the purge.
const QList<QByteArray> kSecrets{"Glycines",       "Zorglub", "Durand",    "odeur de gaz",
                                 "06 12 34 56 78", "Doublon", "paillasson"};

QByteArray filesOf(const QString &dir)
{
    QByteArray all;
    const QStringList names = QDir(dir).entryList(QDir::Files);
    for (const QString &name : names) {
        QFile f(QDir(dir).filePath(name));
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

// A store and the results it reported.
struct StoreFixture
{
    Store store;
    QList<WriteResult> results;

    StoreFixture()
    {
        QObject::connect(&store, &Store::itemsProcessed, &store, [this](const QList<WriteResult> &r) { results += r; });
    }
    // Submits and waits; the seqs given to the entries.
    QList<qint64> submit(const QList<JournalEntry> &entries)
    {
        const qsizetype from = results.size();
        store.submit(Store::newTicket(), entries, Store::SubmitMode::AllOrNothing);
        if (!QTest::qWaitFor([&] { return results.size() >= from + entries.size(); }, 30000))
            return {};
        QList<qint64> seqs;
        for (qsizetype i = from; i < results.size(); ++i) {
            if (results.at(i).status != WriteResult::Status::Stored) {
                qWarning("refused: %s", qPrintable(results.at(i).error.message));
                return {};
            }
            seqs.append(results.at(i).seq);
        }
        return seqs;
    }
};

} // namespace

class TestPrivacyPlanner final : public QObject
{
    Q_OBJECT

private slots:
    void purgesTheFilesAndKeepsTheTablesEqualToTheJournal()
    {
        QTemporaryDir dir;
        StoreFixture desk;
        QVERIFY2(desk.store.open(dir.path()), qPrintable(desk.store.errorString()));

        // The builder's sequence numbers are the store's: one entry per submission here.
        JournalBuilder b(kStart);
        qint64 submitted = 0;
        const auto add = [&](const QList<JournalEntry> &entries) {
            for (const JournalEntry &e : entries) {
                if (desk.submit({e}) != QList<qint64>{++submitted})
                    return false;
            }
            return true;
        };
        QVERIFY(add({b.registerDevice(QStringLiteral("d1"), QStringLiteral("B-1"), QStringLiteral("3 chemin des Lilas"),
                                      47.21836, -1.55362)}));
        QVERIFY(add(b.helperAt(QStringLiteral("h1"), 47.219, -1.554)));
        JournalEntry ring = b.advance(60).deviceAlarm(QStringLiteral("d1"), QStringLiteral("panic"));
        ring.payload.insert(QStringLiteral("details"), QStringLiteral("Mme Zorglub appuie"));
        ring.raw = "panic d1 Mme Zorglub";
        QVERIFY(add({ring}));
        const qint64 a1 = 1; // the journal's first alarm
        QVERIFY(add(b.sendOnScene(a1, QStringLiteral("h1"))));
        QVERIFY(add({b.advance(600).entry(EntryKind::MissionCompleted,
                                          {{QStringLiteral("alarm"), a1},
                                           {QStringLiteral("outcome"), QStringLiteral("false_alarm")},
                                           {QStringLiteral("note"), QStringLiteral("Clé sous le paillasson")}}),
                     b.alarmAction(EntryKind::AlarmClosed, a1)}));
        JournalEntry call = b.advance(3600).manualAlarm(QStringLiteral("fall"), QStringLiteral("8 rue des Glycines"));
        call.payload.insert(QStringLiteral("caller"), QStringLiteral("Voisin Durand"));
        call.payload.insert(QStringLiteral("note"), QStringLiteral("odeur de gaz"));
        QVERIFY(add({call}));
        const qint64 a2 = a1 + 1;
        QVERIFY(add(
            {b.alarmAction(EntryKind::AlarmNote, a2,
                           {{QStringLiteral("text"), QStringLiteral("Fille 06 12 34 56 78")}}),
             b.alarmAction(EntryKind::AlarmCancelled, a2, {{QStringLiteral("reason"), QStringLiteral("Doublon")}})}));
        // Enough closed alarms for the tables and the journal to span many pages, each row
        // rewritten several times: no old copy of a row may stay behind in a page.
        QList<JournalEntry> many;
        for (int i = 0; i < 300; ++i) {
            const qint64 id = a2 + 1 + i;
            JournalEntry m =
                b.advance(60).manualAlarm(QStringLiteral("fall"), QStringLiteral("%1 allée des Glycines").arg(i));
            m.payload.insert(QStringLiteral("caller"), QStringLiteral("Voisin Durand %1").arg(i));
            many << m
                 << b.alarmAction(EntryKind::AlarmNote, id,
                                  {{QStringLiteral("text"), QStringLiteral("Zorglub %1").arg(i)}})
                 << b.alarmAction(EntryKind::AlarmAcknowledged, id)
                 << b.alarmAction(EntryKind::AlarmResolved, id,
                                  {{QStringLiteral("outcome"), QStringLiteral("false_alarm")}})
                 << b.alarmAction(EntryKind::AlarmClosed, id);
        }
        QCOMPARE(desk.submit(many).size(), many.size());
        submitted += many.size();
        // Recent work, within the period: it stays.
        b.at(kStart.addDays(300));
        QVERIFY(add({b.manualAlarm(QStringLiteral("fall"), QStringLiteral("1 place Récente"))}));

        const QByteArray before = filesOf(dir.path());
        for (const QByteArray &s : kSecrets)
            QVERIFY2(before.contains(s), s.constData());

        // Nothing is due within the period.
        const Result<PrivacyPlanner::Plan> early =
            PrivacyPlanner::plan(desk.store.databasePath(), kStart.addDays(100), 365);
        QVERIFY2(early, qPrintable(early.errorString()));
        QVERIFY(early->entries.isEmpty());
        QCOMPARE(early->replayed, submitted);

        const QDateTime now = kStart.addDays(400);
        // 100 alarms per entry: 302 alarms in 4 entries, then the helper's old position in one.
        const Result<PrivacyPlanner::Plan> plan =
            PrivacyPlanner::plan(desk.store.databasePath(), now, 365, PrivacyPurge::Planner::Limits{100, 5000});
        QVERIFY2(plan, qPrintable(plan.errorString()));
        QCOMPARE(plan->entries.size(), 5);
        QList<qint64> alarms;
        for (const JournalEntry &e : plan->entries) {
            for (const QJsonValue &v : e.payload.value(QLatin1String("alarms")).toArray())
                alarms.append(v.toInteger());
        }
        QCOMPARE(alarms.size(), 302);
        QCOMPARE(alarms.first(), a1);
        QCOMPARE(alarms.last(), a2 + 300);
        for (const JournalEntry &e : plan->entries)
            QCOMPARE(desk.submit({e}).size(), 1); // one after the other, as the desk does

        const QByteArray after = filesOf(dir.path());
        for (const QByteArray &s : kSecrets)
            QVERIFY2(!after.contains(s), s.constData());
        QVERIFY(after.contains("1 place R"));        // within the period
        QVERIFY(after.contains("B-1"));              // the pseudonymous reference stays
        QVERIFY(after.contains("chemin des Lilas")); // the device is still in that home

        // The tables equal a replay of the redacted journal, and they survive a reopening.
        SqlConnection check(QStringLiteral("check"));
        QVERIFY(check.open(desk.store.databasePath()));
        const QMap<QString, QStringList> tables = TableDump::stateTables(check.database());
        QVERIFY2(desk.store.rebuildFromJournal(), qPrintable(desk.store.errorString()));
        QCOMPARE(TableDump::stateTables(check.database()), tables);
        const DispatchState rebuilt = desk.store.snapshot();
        QVERIFY(rebuilt.alarm(a1)->personalDetailsPurgedAt.isValid());
        QCOMPARE(rebuilt.alarm(a1)->beneficiaryRef, QStringLiteral("B-1"));
        QCOMPARE(rebuilt.alarm(a2)->cancelReason, QStringLiteral("purged"));
        QVERIFY(!rebuilt.alarm(a2 + 301)->personalDetailsPurgedAt.isValid());
        check.close();
        desk.store.close();
        Store again;
        QVERIFY2(again.open(dir.path()), qPrintable(again.errorString()));
        QVERIFY2(StateDiff::describe(again.snapshot(), rebuilt).isEmpty(),
                 qPrintable(StateDiff::describe(again.snapshot(), rebuilt)));

        // A second plan the same day finds nothing left.
        const Result<PrivacyPlanner::Plan> twice = PrivacyPlanner::plan(again.databasePath(), now, 365);
        QVERIFY(twice);
        QVERIFY(twice->entries.isEmpty());
    }

    void aPlanOnAMissingJournalIsAnError()
    {
        QTemporaryDir dir;
        const Result<PrivacyPlanner::Plan> plan =
            PrivacyPlanner::plan(dir.filePath(QStringLiteral("nothing/here.sqlite")), kStart, 365);
        QVERIFY(!plan);
        QVERIFY(!plan.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPrivacyPlanner)
#include "tst_privacyplanner.moc"
