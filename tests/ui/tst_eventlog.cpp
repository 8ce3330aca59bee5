#include "eventlog.h"
#include "journalbuilder.h"
#include "livestate.h"
#include "logging/log.h"
#include "logging/loghub.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QTest>

using namespace relais;

namespace {
Q_LOGGING_CATEGORY(lcWindow, "relais.ui")
Q_LOGGING_CATEGORY(lcVendor, "vendor.thing")
} // namespace

// The window's log: a line in words per event, newest first, heartbeats left out, capped.
class TestEventLog final : public QObject
{
    Q_OBJECT

private slots:
    void describesWhatHappensNewestFirst()
    {
        LiveState state;
        EventLog log(&state);
        JournalBuilder b(QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC));
        QVERIFY(JournalBuilder::commit(state, b.helperAt(QStringLiteral("h1"), 45.76, 4.83)).isEmpty());
        QVERIFY(JournalBuilder::commit(state, {b.registerDevice(QStringLiteral("d1"), QStringLiteral("B-1"),
                                                                QStringLiteral("1 rue A"), 45.76, 4.83)})
                    .isEmpty());
        const int before = log.topLevelItemCount();
        QVERIFY(JournalBuilder::commit(
                    state, {b.entry(EntryKind::DeviceHeartbeat, {{QStringLiteral("device"), QStringLiteral("d1")}},
                                    Actor::device(QStringLiteral("d1")))})
                    .isEmpty());
        QCOMPARE(log.topLevelItemCount(), before); // heartbeats are not logged
        QVERIFY(JournalBuilder::commit(state, {b.deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))}).isEmpty());
        const qint64 alarm = state.state().alarms().begin().key();
        QVERIFY(JournalBuilder::commit(state, {b.alarmAction(EntryKind::AlarmAcknowledged, alarm)}).isEmpty());
        QCOMPARE(log.topLevelItemCount(), before + 2);
        QCOMPARE(log.topLevelItem(0)->text(1), QStringLiteral("Alarm %1 acknowledged").arg(alarm));
        QCOMPARE(log.topLevelItem(0)->text(2), QStringLiteral("Claire"));
        QCOMPARE(log.topLevelItem(1)->text(1), QStringLiteral("Alarm from device d1: Fall"));
        QCOMPARE(log.topLevelItem(1)->text(2), QStringLiteral("device d1"));
        // A helper's line names the helper, not their id.
        QVERIFY(
            JournalBuilder::commit(state, {b.helperAction(EntryKind::HelperOffDuty, QStringLiteral("h1"))}).isEmpty());
        QCOMPARE(log.topLevelItem(0)->text(1), QStringLiteral("H1 off duty"));
    }

    void writesDistancesInTheLocale()
    {
        LiveState state;
        EventLog log(&state);
        JournalBuilder b(QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC));
        QVERIFY(JournalBuilder::commit(state, b.helperAt(QStringLiteral("h1"), 45.76, 4.83)).isEmpty());
        QVERIFY(JournalBuilder::commit(state, b.helperAt(QStringLiteral("h2"), 45.77, 4.83)).isEmpty());
        QVERIFY(JournalBuilder::commit(state, {b.registerDevice(QStringLiteral("d1"), QStringLiteral("B-1"),
                                                                QStringLiteral("1 rue A"), 45.76, 4.83)})
                    .isEmpty());
        QVERIFY(JournalBuilder::commit(state, {b.deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))}).isEmpty());
        const qint64 alarm = state.state().alarms().begin().key();
        QVERIFY(
            JournalBuilder::commit(state, {b.alarmAction(EntryKind::AlarmAcknowledged, alarm), b.createMission(alarm)})
                .isEmpty());
        const qint64 mission = state.state().missions().begin().key();
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        QVERIFY(JournalBuilder::commit(state, {b.offer(mission, QStringLiteral("h1"), 1249)}).isEmpty());
        QCOMPARE(log.topLevelItem(0)->text(1), QStringLiteral("Mission %1 offered to H1 (1,2 km)").arg(mission));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(JournalBuilder::commit(state, {b.offer(mission, QStringLiteral("h2"), 850)}).isEmpty());
        QCOMPARE(log.topLevelItem(0)->text(1), QStringLiteral("Mission %1 offered to H2 (850 m)").arg(mission));
        QLocale::setDefault(QLocale::c());
    }

    void saysWhenPersonalDetailsArePurged()
    {
        LiveState state;
        EventLog log(&state);
        const QDateTime start(QDate(2025, 1, 5), QTime(3, 0), Qt::UTC);
        JournalBuilder b(start);
        QVERIFY(JournalBuilder::commit(state, {b.manualAlarm()}).isEmpty());
        const qint64 alarm = state.state().alarms().begin().key();
        QVERIFY(JournalBuilder::commit(state, {b.alarmAction(EntryKind::AlarmCancelled, alarm)}).isEmpty());
        b.at(start.addDays(1400));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(JournalBuilder::commit(state, {b.privacyPurge(start.addDays(1), 1399, {alarm}, {1})}).isEmpty());
        QCOMPARE(log.topLevelItem(0)->text(1),
                 QStringLiteral("Personal details purged: 1 alarm(s) over for more than 1,399 days"));
        QLocale::setDefault(QLocale::c());
        QVERIFY(state.state().alarm(alarm)->personalDetailsPurgedAt.isValid());
    }

    void showsTheLoggersRecordsAmongTheEvents()
    {
        LogHub hub; // as main.cpp makes it, before the window
        LiveState state;
        EventLog log(&state);
        JournalBuilder b(QDateTime::currentDateTimeUtc());
        QVERIFY(
            JournalBuilder::commit(state, {b.registerHelper(QStringLiteral("h1"), QStringLiteral("Ana"))}).isEmpty());
        const int before = log.topLevelItemCount();

        qCWarning(lcStore) << "None of the last 2 entries was stored: disk I/O error";
        // Not for the dock: the window's own status-bar lines, other libraries', debug lines.
        qCWarning(lcWindow) << "Alarm 3 was not dispatched";
        qCWarning(lcVendor) << "a library's warning";
        qCDebug(lcDevices) << "debug";
        // Records arrive queued (they may come from any thread).
        QCOMPARE(log.topLevelItemCount(), before);
        QTRY_COMPARE(log.topLevelItemCount(), before + 1);
        qCInfo(lcDevices) << "Gateway gw-1 opened a new session from 10.0.0.7: the older one is closed.";
        QTRY_COMPARE(log.topLevelItemCount(), before + 2);
        QCoreApplication::processEvents();
        QCOMPARE(log.topLevelItemCount(), before + 2);

        // Newest first, in the same columns as the journal's lines: time, text, where from.
        QCOMPARE(log.topLevelItem(0)->text(1),
                 QStringLiteral("Gateway gw-1 opened a new session from 10.0.0.7: the older one is closed."));
        QCOMPARE(log.topLevelItem(0)->text(2), QStringLiteral("Gateways"));
        QCOMPARE(log.topLevelItem(1)->text(1), QStringLiteral("None of the last 2 entries was stored: disk I/O error"));
        QCOMPARE(log.topLevelItem(1)->text(2), QStringLiteral("Journal"));
        QVERIFY(!log.topLevelItem(1)->text(0).isEmpty()); // the moment, as DisplayFormat writes it
        QCOMPARE(log.topLevelItem(1)->toolTip(1), log.topLevelItem(1)->text(1));
        QCOMPARE(log.topLevelItem(2)->text(1), QStringLiteral("Helper Ana registered"));

        // And the journal's lines still come in on top.
        QVERIFY(
            JournalBuilder::commit(state, {b.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h1"))}).isEmpty());
        QCOMPARE(log.topLevelItem(0)->text(1), QStringLiteral("Ana on duty"));
        QCOMPARE(EventLog::source(QStringLiteral("relais.app")), QStringLiteral("Relais"));
        QCOMPARE(EventLog::source(QStringLiteral("relais.privacy")), QStringLiteral("Privacy purge"));
    }

    void keepsTheLastThousandLines()
    {
        LiveState state;
        EventLog log(&state);
        JournalBuilder b(QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC));
        QVERIFY(
            JournalBuilder::commit(state, {b.registerHelper(QStringLiteral("h1"), QStringLiteral("Ana"))}).isEmpty());
        QList<JournalEntry> duty;
        for (int i = 0; i < EventLog::kMaxLines + 10; ++i)
            duty.append(
                b.helperAction(i % 2 ? EntryKind::HelperOffDuty : EntryKind::HelperOnDuty, QStringLiteral("h1")));
        QVERIFY(JournalBuilder::commit(state, duty).isEmpty());
        QCOMPARE(log.topLevelItemCount(), EventLog::kMaxLines);
        QCOMPARE(log.topLevelItem(0)->text(1), QStringLiteral("Ana off duty")); // the newest on top
    }
};

QTEST_MAIN(TestEventLog)
#include "tst_eventlog.moc"
