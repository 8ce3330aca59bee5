#include "dispatchactions.h"
#include "dispatchstate.h"
#include "escalation.h"
#include "journalbuilder.h"

#include <QTest>

using namespace relais;

// Escalation stages come when their time has come and their condition still holds, once each.
class TestEscalation final : public QObject
{
    Q_OBJECT

private:
    const QDateTime t0 = QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC);
    const Actor lea = Actor::operatorNamed(QStringLiteral("Léa"));
    DispatchState m_state;
    JournalBuilder m_journal{t0};

    void commit(const QList<JournalEntry> &entries) { QCOMPARE(m_journal.commit(m_state, entries), QString()); }
    JournalEntry make(QLatin1StringView kind, const Actor &by, const QJsonObject &payload, qint64 second)
    {
        return m_journal.at(t0.addSecs(second)).entry(kind, payload, by);
    }
    qint64 raise(const QString &device, const QString &kind, const QString &severity)
    {
        commit({m_journal.at(t0).deviceAlarmAt(device, kind, 45.758, 4.832, severity)});
        return JournalBuilder::newestAlarm(m_state);
    }
    static QStringList stages(const QList<JournalEntry> &entries)
    {
        QStringList out;
        for (const JournalEntry &e : entries) {
            out.append(QStringLiteral("%1:%2")
                           .arg(e.payload.value(QStringLiteral("alarm")).toInteger())
                           .arg(e.payload.value(QStringLiteral("stage")).toInt()));
        }
        return out;
    }

private slots:
    void init()
    {
        m_state = DispatchState();
        m_journal = JournalBuilder(t0);
    }

    void defaultsGrowWithLowerSeverity()
    {
        const Escalation::Timers critical = Escalation::defaults(Severity::Critical);
        QCOMPARE(critical.notAcknowledgedS, 60);
        QVERIFY(critical.notAcknowledgedS < critical.notAcceptedS && critical.notAcceptedS < critical.notOnSceneS);
        QVERIFY(Escalation::defaults(Severity::Major).notAcknowledgedS > critical.notAcknowledgedS);
        QVERIFY(Escalation::defaults(Severity::Minor).notAcknowledgedS
                > Escalation::defaults(Severity::Major).notAcknowledgedS);
    }

    void notAcknowledgedThenNotAcceptedThenNotOnScene()
    {
        const qint64 id = raise(QStringLiteral("d1"), QStringLiteral("panic"), QStringLiteral("critical"));
        QVERIFY(Escalation::due(m_state, t0.addSecs(59)).isEmpty());
        const QList<JournalEntry> one = Escalation::due(m_state, t0.addSecs(60));
        QCOMPARE(stages(one), (QStringList{QStringLiteral("%1:1").arg(id)}));
        QCOMPARE(one.first().actor.kind, Actor::Kind::System);
        commit(one);
        QCOMPARE(m_state.alarm(id)->escalationStage(), 1);
        QVERIFY(Escalation::due(m_state, t0.addSecs(200)).isEmpty()); // recorded once

        commit({make(EntryKind::AlarmAcknowledged, lea, {{QStringLiteral("alarm"), id}}, 210)});
        commit(Escalation::due(m_state, t0.addSecs(300))); // 5 min, nobody accepted
        QCOMPARE(m_state.alarm(id)->escalationStage(), 2);
        QVERIFY(m_state.alarm(id)->timeline().last().note.startsWith(QLatin1String("escalation:")));
        commit({make(EntryKind::MissionCreated, lea,
                     {{QStringLiteral("alarm"), id}, {QStringLiteral("kind"), QStringLiteral("verification")}}, 310),
                make(EntryKind::HelperRegistered, lea,
                     {{QStringLiteral("helper"), QStringLiteral("h1")}, {QStringLiteral("name"), QStringLiteral("H")}},
                     310),
                make(EntryKind::HelperOnDuty, Actor::helper(QStringLiteral("h1")),
                     {{QStringLiteral("helper"), QStringLiteral("h1")}}, 310),
                make(EntryKind::MissionAssigned, lea,
                     {{QStringLiteral("alarm"), id}, {QStringLiteral("helper"), QStringLiteral("h1")}}, 320)});
        QVERIFY(Escalation::due(m_state, t0.addSecs(899)).isEmpty());
        QCOMPARE(stages(Escalation::due(m_state, t0.addSecs(900))), (QStringList{QStringLiteral("%1:3").arg(id)}));
    }

    void onlyStagesWhoseConditionHolds()
    {
        // Acknowledged at once, then forgotten: at 15 min, "not accepted" and "not on scene" are
        // recorded, in order, but not "not acknowledged".
        const qint64 id = raise(QStringLiteral("d2"), QStringLiteral("fall"), QStringLiteral("critical"));
        commit({make(EntryKind::AlarmAcknowledged, lea, {{QStringLiteral("alarm"), id}}, 5)});
        const QList<JournalEntry> late = Escalation::due(m_state, t0.addSecs(900));
        QCOMPARE(stages(late), (QStringList{QStringLiteral("%1:2").arg(id), QStringLiteral("%1:3").arg(id)}));
        commit(late);
        QCOMPARE(m_state.alarm(id)->escalationStage(), 3);
        QVERIFY(Escalation::due(m_state, t0.addSecs(5000)).isEmpty());
    }

    void onSceneClosedAndMaintenanceNeverEscalate()
    {
        const qint64 battery = raise(QStringLiteral("d3"), QStringLiteral("low_battery"), QStringLiteral("minor"));
        const qint64 smoke = raise(QStringLiteral("d4"), QStringLiteral("smoke"), QStringLiteral("critical"));
        commit({make(EntryKind::AlarmCancelled, lea,
                     {{QStringLiteral("alarm"), smoke}, {QStringLiteral("reason"), QStringLiteral("test")}}, 10)});
        QVERIFY(!m_state.alarm(smoke)->isOpen());
        QVERIFY(m_state.alarm(battery)->isOpen());
        QVERIFY(Escalation::due(m_state, t0.addSecs(100000)).isEmpty());
    }

    void timersArePerSeverity()
    {
        const qint64 minor = raise(QStringLiteral("d5"), QStringLiteral("door"), QStringLiteral("minor"));
        QVERIFY(Escalation::due(m_state, t0.addSecs(599)).isEmpty());
        QCOMPARE(stages(Escalation::due(m_state, t0.addSecs(600))), (QStringList{QStringLiteral("%1:1").arg(minor)}));
        // Other timers can be given (the settings to come).
        const auto quick = [](Severity) {
            return Escalation::Timers{1, 2, 3};
        };
        QCOMPARE(stages(Escalation::due(m_state, t0.addSecs(3), quick)),
                 (QStringList{QStringLiteral("%1:1").arg(minor), QStringLiteral("%1:2").arg(minor),
                              QStringLiteral("%1:3").arg(minor)}));
    }

    void settableTimers()
    {
        // "T1,T2,T3" in seconds, each at least the one before; anything else is refused.
        QCOMPARE(Escalation::parse(QStringLiteral("30, 120,600"))->notAcceptedS, 120);
        for (const char *bad : {"", "30,120", "0,120,600", "120,30,600", "30,120,x", "30,120,600,900"})
            QVERIFY2(!Escalation::parse(QLatin1String(bad)), bad);
        // Critical alarms escalating after 30 s instead of a minute, others as by default.
        const Escalation::TimersFor quick = [](Severity s) {
            return s == Severity::Critical ? Escalation::Timers{30, 120, 600} : Escalation::defaults(s);
        };
        const qint64 id = raise(QStringLiteral("d9"), QStringLiteral("panic"), QStringLiteral("critical"));
        QVERIFY(Escalation::due(m_state, t0.addSecs(30)).isEmpty());
        QCOMPARE(stages(Escalation::due(m_state, t0.addSecs(30), quick)),
                 (QStringList{QStringLiteral("%1:1").arg(id)}));
    }
};

QTEST_GUILESS_MAIN(TestEscalation)
#include "tst_escalation.moc"
