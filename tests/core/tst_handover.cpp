#include "dispatchstate.h"
#include "handover.h"
#include "journalbuilder.h"

#include <QTest>

using namespace relais;

namespace {

QDateTime utc(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, 2), QTime(hour, minute), Qt::UTC);
}

QJsonObject manual(const QString &kind, const QString &address)
{
    return {{QStringLiteral("kind"), kind}, {QStringLiteral("address"), address}};
}

} // namespace

class TestHandover final : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void nothingOpen();
    void listsWhatIsStillOpen();
    void escalatedAlarmsComeFirst();
    void placeFallsBack();
    void writesAges();

private:
    // The id of the alarm raised last.
    qint64 lastAlarm() const
    {
        qint64 id = 0;
        for (const Alarm &a : m_state->alarms())
            id = std::max(id, a.id());
        return id;
    }
    // A manual alarm at `at`; returns its id.
    qint64 raise(const QDateTime &at, const QString &kind, const QString &address)
    {
        m_journal->at(at);
        commit({m_journal->entry(EntryKind::AlarmManual, manual(kind, address))});
        return lastAlarm();
    }
    void commit(const QList<JournalEntry> &entries) { QCOMPARE(m_journal->commit(*m_state, entries), QString()); }

    std::unique_ptr<JournalBuilder> m_journal;
    std::unique_ptr<DispatchState> m_state;
};

void TestHandover::init()
{
    m_journal = std::make_unique<JournalBuilder>(utc(6));
    m_state = std::make_unique<DispatchState>();
    JournalBuilder &j = *m_journal;
    commit({j.registerHelper(QStringLiteral("h1"), QStringLiteral("Claire Martin")),
            j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h1")),
            j.registerHelper(QStringLiteral("h2"), QStringLiteral("Bruno Petit")),
            j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h2")),
            j.registerHelper(QStringLiteral("h3"), QStringLiteral("Zoé Bernard")),
            j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h3")),
            j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-101"), QStringLiteral("12 rue des Lilas"), 45.76,
                             4.83)});
}

void TestHandover::nothingOpen()
{
    QCOMPARE(Handover::summary(*m_state, utc(8)), QStringLiteral("Nothing open."));

    // Closed, cancelled and completed: nothing left to hand over.
    JournalBuilder &j = *m_journal;
    const qint64 closed = raise(utc(7), QStringLiteral("intrusion"), QStringLiteral("2 rue Neuve"));
    commit(
        {j.alarmAction(EntryKind::AlarmAcknowledged, closed),
         j.alarmAction(EntryKind::AlarmResolved, closed, {{QStringLiteral("outcome"), QStringLiteral("false_alarm")}}),
         j.alarmAction(EntryKind::AlarmClosed, closed)});
    const qint64 cancelled = raise(utc(7, 10), QStringLiteral("gas"), QStringLiteral("4 rue Paul Bert"));
    commit({j.alarmAction(EntryKind::AlarmCancelled, cancelled, {{QStringLiteral("reason"), QStringLiteral("test")}})});
    const qint64 done = raise(utc(7, 20), QStringLiteral("fall"), QStringLiteral("7 rue Tronchet"));
    commit({j.alarmAction(EntryKind::AlarmAcknowledged, done), j.createMission(done),
            j.entry(EntryKind::MissionAssigned,
                    {{QStringLiteral("alarm"), done}, {QStringLiteral("helper"), QStringLiteral("h1")}}),
            j.entry(EntryKind::MissionOnScene, {{QStringLiteral("alarm"), done}}),
            j.entry(EntryKind::MissionCompleted,
                    {{QStringLiteral("alarm"), done}, {QStringLiteral("outcome"), QStringLiteral("real_incident")}}),
            j.alarmAction(EntryKind::AlarmClosed, done)});
    QCOMPARE(Handover::summary(*m_state, utc(8)), QStringLiteral("Nothing open."));
}

void TestHandover::listsWhatIsStillOpen()
{
    JournalBuilder &j = *m_journal;
    // Resolved on the phone, not closed yet.
    const qint64 leak = raise(utc(7), QStringLiteral("water_leak"), QStringLiteral("1 rue de la République"));
    commit(
        {j.alarmAction(EntryKind::AlarmAcknowledged, leak),
         j.alarmAction(EntryKind::AlarmResolved, leak, {{QStringLiteral("outcome"), QStringLiteral("false_alarm")}})});
    // Closed: not listed.
    const qint64 closed = raise(utc(7, 30), QStringLiteral("intrusion"), QStringLiteral("2 rue Neuve"));
    commit(
        {j.alarmAction(EntryKind::AlarmAcknowledged, closed),
         j.alarmAction(EntryKind::AlarmResolved, closed, {{QStringLiteral("outcome"), QStringLiteral("false_alarm")}}),
         j.alarmAction(EntryKind::AlarmClosed, closed)});
    // New, from the device: its address.
    m_journal->at(utc(8));
    commit({j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))});
    const qint64 fall = lastAlarm();
    // Acknowledged, two of them: the older first.
    const qint64 medical = raise(utc(8, 20), QStringLiteral("medical"), QStringLiteral("9 rue Mercière"));
    const qint64 smoke = raise(utc(8, 5), QStringLiteral("smoke"), QStringLiteral("3 place Bellecour"));
    commit({j.alarmAction(EntryKind::AlarmAcknowledged, medical), j.alarmAction(EntryKind::AlarmAcknowledged, smoke)});
    // On scene, with Claire.
    const qint64 panic = raise(utc(8, 10), QStringLiteral("panic"), QStringLiteral("5 quai Saint-Antoine"));
    commit({j.alarmAction(EntryKind::AlarmAcknowledged, panic), j.createMission(panic),
            j.entry(EntryKind::MissionAssigned,
                    {{QStringLiteral("alarm"), panic}, {QStringLiteral("helper"), QStringLiteral("h1")}}),
            j.entry(EntryKind::MissionOnScene, {{QStringLiteral("alarm"), panic}})});
    const qint64 panicMission = m_state->alarm(panic)->missionId;
    // Offered to Bruno and Zoé at 08:16, nobody answered yet.
    const qint64 door = raise(utc(8, 15), QStringLiteral("door"), QStringLiteral("8 rue Mercière"));
    commit({j.alarmAction(EntryKind::AlarmAcknowledged, door), j.createMission(door)});
    const qint64 doorMission = m_state->alarm(door)->missionId;
    m_journal->at(utc(8, 16));
    commit({j.offer(doorMission, QStringLiteral("h2"), 300), j.offer(doorMission, QStringLiteral("h3"), 500)});

    const QString expected =
        QStringLiteral(R"(Open alarms: 5. Resolved alarms to close: 1. Missions with offers pending: 1.

New:
- Alarm %1 · Fall · 12 rue des Lilas · 30 min

Acknowledged:
- Alarm %2 · Smoke / fire · 3 place Bellecour · 25 min
- Alarm %3 · Medical · 9 rue Mercière · 10 min

Dispatching:
- Alarm %4 · Door / contact · 8 rue Mercière · 15 min

On scene:
- Alarm %5 · Personal emergency · 5 quai Saint-Antoine · 20 min · Claire Martin

Resolved, to close:
- Alarm %6 · Water leak · 1 rue de la République · 1 h 30

Missions with offers pending:
- Mission %7 · Verification · alarm %4 · offered to Bruno Petit, Zoé Bernard · 14 min)")
            .arg(fall)
            .arg(smoke)
            .arg(medical)
            .arg(door)
            .arg(panic)
            .arg(leak)
            .arg(doorMission);
    const QString summary = Handover::summary(*m_state, utc(8, 30));
    QCOMPARE(summary, expected);
    QVERIFY(!summary.contains(QStringLiteral("2 rue Neuve")));
    QVERIFY(!summary.contains(QStringLiteral("Mission %1").arg(panicMission))); // assigned: no offers pending

    // One declines: the other's offer still waits. Both decline: the mission is back to open,
    // no longer listed, and the alarm goes back to the dispatcher.
    m_journal->at(utc(8, 20));
    commit({j.answer(doorMission, QStringLiteral("h2"), QStringLiteral("declined"))});
    QVERIFY(Handover::summary(*m_state, utc(8, 30))
                .endsWith(QStringLiteral("- Mission %1 · Verification · alarm %2 · offered to Zoé Bernard · 14 min")
                              .arg(doorMission)
                              .arg(door)));
    commit({j.answer(doorMission, QStringLiteral("h3"), QStringLiteral("declined"))});
    const QString later = Handover::summary(*m_state, utc(8, 30));
    QVERIFY2(!later.contains(QStringLiteral("Missions with offers pending")), qPrintable(later));
    QVERIFY(later.startsWith(QStringLiteral("Open alarms: 5. Resolved alarms to close: 1.\n")));
    QVERIFY(later.contains(QStringLiteral("Acknowledged:\n- Alarm %1 · Smoke / fire").arg(smoke)));
    QVERIFY(later.contains(QStringLiteral("- Alarm %1 · Door / contact · 8 rue Mercière · 15 min\n").arg(door)));
}

void TestHandover::escalatedAlarmsComeFirst()
{
    JournalBuilder &j = *m_journal;
    // A major alarm, older, that nobody accepted in time; a critical one not acknowledged in time.
    const qint64 intrusion = raise(utc(8), QStringLiteral("intrusion"), QStringLiteral("2 rue Neuve"));
    commit({j.alarmAction(EntryKind::AlarmAcknowledged, intrusion)});
    m_journal->at(utc(8, 5));
    commit({j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))});
    const qint64 fall = lastAlarm();
    const qint64 smoke = raise(utc(8, 10), QStringLiteral("smoke"), QStringLiteral("3 place Bellecour"));
    m_journal->at(utc(8, 20));
    commit({j.alarmAction(EntryKind::AlarmEscalated, intrusion, {{QStringLiteral("stage"), 1}}),
            j.alarmAction(EntryKind::AlarmEscalated, intrusion, {{QStringLiteral("stage"), 2}}),
            j.alarmAction(EntryKind::AlarmEscalated, fall, {{QStringLiteral("stage"), 1}})});
    // On its way, too late: stage 3.
    const qint64 panic = raise(utc(7), QStringLiteral("panic"), QStringLiteral("5 quai Saint-Antoine"));
    commit({j.alarmAction(EntryKind::AlarmAcknowledged, panic), j.createMission(panic),
            j.entry(EntryKind::MissionAssigned,
                    {{QStringLiteral("alarm"), panic}, {QStringLiteral("helper"), QStringLiteral("h2")}}),
            j.entry(EntryKind::MissionEnRoute, {{QStringLiteral("alarm"), panic}}),
            j.alarmAction(EntryKind::AlarmEscalated, panic, {{QStringLiteral("stage"), 1}}),
            j.alarmAction(EntryKind::AlarmEscalated, panic, {{QStringLiteral("stage"), 2}}),
            j.alarmAction(EntryKind::AlarmEscalated, panic, {{QStringLiteral("stage"), 3}})});

    const QString expected = QStringLiteral(R"(Open alarms: 4 (escalated: 3).

Escalated:
- Alarm %4 · Personal emergency · 5 quai Saint-Antoine · 1 h 30 · Bruno Petit · En route · nobody on scene in time
- Alarm %2 · Fall · 12 rue des Lilas · 25 min · New · not acknowledged in time
- Alarm %1 · Intrusion · 2 rue Neuve · 30 min · Acknowledged · no helper accepted in time

New:
- Alarm %3 · Smoke / fire · 3 place Bellecour · 20 min)")
                                 .arg(intrusion)
                                 .arg(fall)
                                 .arg(smoke)
                                 .arg(panic);
    QCOMPARE(Handover::summary(*m_state, utc(8, 30)), expected);
}

void TestHandover::placeFallsBack()
{
    DispatchState state;
    Device device;
    device.id = QStringLiteral("d7");
    device.address = QStringLiteral(" 14 avenue Foch ");
    device.position = QGeoCoordinate(45.1, 4.2);
    state.loadDevice(device);
    Device nowhere;
    nowhere.id = QStringLiteral("d8");
    state.loadDevice(nowhere);

    Alarm alarm(1, QStringLiteral("d7"), AlarmKind::Smoke, Severity::Critical, utc(8),
                Actor::device(QStringLiteral("d7")));
    alarm.address = QStringLiteral("  ");
    // Its own address first, then its device's, then its position, then its device's.
    QCOMPARE(Handover::place(state, alarm), QStringLiteral("14 avenue Foch"));
    alarm.address = QStringLiteral("Gymnase Jean Jaurès ");
    QCOMPARE(Handover::place(state, alarm), QStringLiteral("Gymnase Jean Jaurès"));

    Alarm unknown(2, QStringLiteral("x9"), AlarmKind::Smoke, Severity::Critical, utc(8),
                  Actor::device(QStringLiteral("x9")));
    unknown.position = QGeoCoordinate(45.760123, -4.835691);
    QCOMPARE(Handover::place(state, unknown), QStringLiteral("45.76012, -4.83569"));
    unknown.position = QGeoCoordinate();
    QCOMPARE(Handover::place(state, unknown), QStringLiteral("place unknown"));

    Alarm silent(3, QStringLiteral("d8"), AlarmKind::DeviceSilent, Severity::Minor, utc(8), Actor::system());
    QCOMPARE(Handover::place(state, silent), QStringLiteral("place unknown"));
    Device located = nowhere;
    located.position = QGeoCoordinate(45.5, 4.5);
    state.loadDevice(located);
    QCOMPARE(Handover::place(state, silent), QStringLiteral("45.50000, 4.50000"));

    // From an unregistered device with a position: the summary gives it.
    JournalBuilder &j = *m_journal;
    m_journal->at(utc(8));
    commit({j.deviceAlarmAt(QStringLiteral("x9"), QStringLiteral("smoke"), 45.760123, 4.835691)});
    QCOMPARE(Handover::summary(*m_state, utc(8, 0)),
             QStringLiteral("Open alarms: 1.\n\nNew:\n- Alarm %1 · Smoke / fire · 45.76012, 4.83569 · 0 s")
                 .arg(lastAlarm()));
}

void TestHandover::writesAges()
{
    QCOMPARE(Handover::age(-5), QStringLiteral("0 s"));
    QCOMPARE(Handover::age(59), QStringLiteral("59 s"));
    QCOMPARE(Handover::age(60), QStringLiteral("1 min"));
    QCOMPARE(Handover::age(3599), QStringLiteral("59 min"));
    QCOMPARE(Handover::age(3900), QStringLiteral("1 h 05"));
    QCOMPARE(Handover::age(86400 + 3600 + 59), QStringLiteral("1 d 1 h"));
}

QTEST_GUILESS_MAIN(TestHandover)
#include "tst_handover.moc"
