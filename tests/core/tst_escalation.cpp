#include "dispatchactions.h"
#include "dispatchstate.h"
#include "escalation.h"

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
    qint64 m_seq = 0;

    void commit(QList<JournalEntry> entries)
    {
        for (JournalEntry &e : entries) {
            e.seq = ++m_seq;
            const Result<DispatchState::Changes> r = m_state.apply(e);
            QVERIFY2(r.ok(), qPrintable(e.kind + QLatin1String(": ") + (r.ok() ? QString() : r.errorString())));
        }
    }
    JournalEntry make(QLatin1StringView kind, const Actor &by, const QJsonObject &payload, qint64 second)
    {
        JournalEntry e;
        e.time = t0.addSecs(second);
        e.source = QStringLiteral("test");
        e.messageId = by.kind == Actor::Kind::Device ? QStringLiteral("m%1").arg(m_seq + 1) : QString();
        e.kind = kind;
        e.actor = by;
        e.payload = payload;
        return e;
    }
    qint64 raise(const QString &device, const QString &kind, const QString &severity)
    {
        commit({make(EntryKind::DeviceAlarm, Actor::device(device),
                     {{QStringLiteral("device"), device},
                      {QStringLiteral("alarm"), kind},
                      {QStringLiteral("severity"), severity},
                      {QStringLiteral("lat"), 45.758},
                      {QStringLiteral("lon"), 4.832}},
                     0)});
        qint64 newest = 0;
        for (const Alarm &a : m_state.alarms())
            newest = std::max(newest, a.id());
        return newest;
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
        m_seq = 0;
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
};

QTEST_GUILESS_MAIN(TestEscalation)
#include "tst_escalation.moc"
