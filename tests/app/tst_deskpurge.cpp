// The desk's privacy purge (docs/privacy.md): planned on a worker thread from the real
// journal, submitted through the store, seen by the live state; by the desk's clock.

#include "actionsink.h"
#include "desk.h"
#include "journalbuilder.h"
#include "manualclock.h"
#include "store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

namespace {

const QDateTime kStart(QDate(2025, 6, 1), QTime(8, 30), Qt::UTC);

bool submit(Desk &desk, const QList<JournalEntry> &entries)
{
    bool done = false;
    bool ok = true;
    desk.actions().submit(entries, ActionSink::Mode::AllOrNothing, [&](const QList<Status> &results) {
        for (const Status &s : results)
            ok = ok && s.ok();
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, 10000) && ok;
}

} // namespace

class TestDeskPurge final : public QObject
{
    Q_OBJECT

private slots:
    void purgesWhatTheRetentionPeriodLeftBehind()
    {
        QTemporaryDir dir;
        ManualClock clock(kStart);
        Desk::Settings settings;
        settings.retentionDays = 30;
        Desk desk(&clock, settings);
        QVERIFY2(desk.open(dir.path()), qPrintable(desk.errorString()));
        QSignalSpy finished(&desk, &Desk::purgeFinished);

        JournalBuilder b(kStart);
        QVERIFY(submit(desk, {b.manualAlarm(QStringLiteral("fall"), QStringLiteral("4 rue du Puits"))}));
        const qint64 alarm = JournalBuilder::newestAlarm(desk.state().state());
        QVERIFY(alarm > 0);
        QVERIFY(submit(desk, {b.alarmAction(EntryKind::AlarmNote, alarm,
                                            {{QStringLiteral("text"), QStringLiteral("Clé chez la voisine")}}),
                              b.alarmAction(EntryKind::AlarmCancelled, alarm,
                                            {{QStringLiteral("reason"), QStringLiteral("operator")}})}));

        // Within the period: nothing to do, said so.
        clock.advance(29LL * 24 * 3600 * 1000);
        QVERIFY(desk.purgeNow());
        QVERIFY(!desk.purgeNow()); // one at a time
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.takeFirst(), (QList<QVariant>{0, 0, QString()}));
        QCOMPARE(desk.state().state().alarm(alarm)->address, QStringLiteral("4 rue du Puits"));

        // Two days later the alarm has been over for 31 days.
        clock.advance(2LL * 24 * 3600 * 1000);
        QVERIFY(desk.purgeNow());
        QVERIFY(finished.wait(10000));
        const QList<QVariant> done = finished.takeFirst();
        QCOMPARE(done.at(0).toInt(), 1);
        QCOMPARE(done.at(1).toInt(), 2); // the manual alarm and the note
        QCOMPARE(done.at(2).toString(), QString());
        const Alarm *purged = desk.state().state().alarm(alarm);
        QVERIFY(purged->address.isEmpty());
        QVERIFY(purged->notes.isEmpty());
        QCOMPARE(purged->personalDetailsPurgedAt, clock.now());

        // The retention period changed at run time is the next purge's: a second alarm, over
        // for 31 days, stays under a 3650-day period and goes under the 30-day one again.
        b.at(clock.now());
        QVERIFY(submit(desk, {b.manualAlarm(QStringLiteral("fall"), QStringLiteral("9 rue du Four"))}));
        const qint64 second = JournalBuilder::newestAlarm(desk.state().state());
        QVERIFY(submit(desk, {b.alarmAction(EntryKind::AlarmCancelled, second,
                                            {{QStringLiteral("reason"), QStringLiteral("operator")}})}));
        clock.advance(31LL * 24 * 3600 * 1000);
        settings.retentionDays = 3650;
        desk.setSettings(settings);
        QVERIFY(desk.purgeNow());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.takeFirst(), (QList<QVariant>{0, 0, QString()}));
        QCOMPARE(desk.state().state().alarm(second)->address, QStringLiteral("9 rue du Four"));
        settings.retentionDays = 30;
        desk.setSettings(settings);
        QVERIFY(desk.purgeNow());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.takeFirst().at(0).toInt(), 1);
        QVERIFY(desk.state().state().alarm(second)->address.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeskPurge)
#include "tst_deskpurge.moc"
