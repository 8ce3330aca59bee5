#include "dispatchactions.h"
#include "dispatchstate.h"
#include "journalbuilder.h"
#include "offerfollowup.h"

#include <QTest>

using namespace relais;

// Offers that time out and declines move on to the next nearest helper, until nobody is left.
class TestOfferFollowUp final : public QObject
{
    Q_OBJECT

private:
    const QDateTime t0 = QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC);
    const Actor lea = Actor::operatorNamed(QStringLiteral("Léa"));
    const OfferFollowUp::Settings settings{2, 500, 60}; // two at once, 500 m, 60 s
    DispatchState m_state;
    JournalBuilder m_journal{t0};
    qint64 m_alarm = 0;
    qint64 m_mission = 0;

    JournalEntry make(QLatin1StringView kind, const Actor &by, const QJsonObject &payload, qint64 second)
    {
        return m_journal.at(t0.addSecs(second)).entry(kind, payload, by);
    }
    // Applies each entry on its own, as the timer's submission does; all must pass here.
    void commit(const QList<JournalEntry> &entries) { QCOMPARE(m_journal.commit(m_state, entries), QString()); }
    void helperAt(const QString &id, double lat) { commit(m_journal.at(t0).helperAt(id, lat, 4.832)); }
    void answer(const QString &helper, const QString &what, qint64 second)
    {
        commit({m_journal.at(t0.addSecs(second)).answer(m_mission, helper, what)});
    }
    QStringList pending() const { return m_state.mission(m_mission)->pendingOfferHelpers(); }
    static QStringList kindsAndHelpers(const QList<JournalEntry> &entries)
    {
        QStringList out;
        for (const JournalEntry &e : entries) {
            out.append(e.kind + QLatin1Char(' ') + e.payload.value(QStringLiteral("helper")).toString()
                       + QLatin1Char(' ') + e.payload.value(QStringLiteral("answer")).toString());
        }
        return out;
    }

private slots:
    void init()
    {
        m_state = DispatchState();
        m_journal = JournalBuilder(t0);
        // Nearest first: h1 111 m, h2 222 m, h3 333 m, h4 444 m; h5 1.1 km (outside 500 m).
        for (int i = 1; i <= 4; ++i)
            helperAt(QStringLiteral("h%1").arg(i), 45.758 + 0.001 * i);
        helperAt(QStringLiteral("h5"), 45.768);
        commit({m_journal.at(t0).deviceAlarmAt(QStringLiteral("d1"), QStringLiteral("smoke"), 45.758, 4.832)});
        m_alarm = m_state.alarms().constBegin()->id();
        const Result<QList<JournalEntry>> offers = DispatchActions::offerToNearby(m_state, m_alarm, 2, 500, lea, t0);
        QVERIFY(offers.ok());
        commit(offers.value());
        m_mission = m_state.alarm(m_alarm)->missionId;
        QCOMPARE(pending(), (QStringList{QStringLiteral("h1"), QStringLiteral("h2")}));
    }

    void nothingToDoWhileOffersStand() { QVERIFY(OfferFollowUp::due(m_state, settings, t0.addSecs(59)).isEmpty()); }

    void aDeclineMovesOnToTheNextNearest()
    {
        answer(QStringLiteral("h1"), QStringLiteral("declined"), 10);
        const QList<JournalEntry> next = OfferFollowUp::due(m_state, settings, t0.addSecs(11));
        QCOMPARE(kindsAndHelpers(next), (QStringList{QStringLiteral("mission.offered h3 ")}));
        QCOMPARE(next.first().actor.kind, Actor::Kind::System);
        QCOMPARE(next.first().payload.value(QStringLiteral("distance_m")).toInt(), 334);
        commit(next);
        QCOMPARE(pending(), (QStringList{QStringLiteral("h2"), QStringLiteral("h3")}));
        QVERIFY(OfferFollowUp::due(m_state, settings, t0.addSecs(12)).isEmpty()); // two out again
    }

    void timeoutsAreAnsweredAndReplaced()
    {
        // 60 s later both stand unanswered: both time out, h3 and h4 are asked.
        const QList<JournalEntry> due = OfferFollowUp::due(m_state, settings, t0.addSecs(60));
        QCOMPARE(
            kindsAndHelpers(due),
            (QStringList{QStringLiteral("mission.answered h1 timeout"), QStringLiteral("mission.answered h2 timeout"),
                         QStringLiteral("mission.offered h3 "), QStringLiteral("mission.offered h4 ")}));
        commit(due);
        QCOMPARE(pending(), (QStringList{QStringLiteral("h3"), QStringLiteral("h4")}));
        QCOMPARE(m_state.alarm(m_alarm)->state(), Alarm::State::Dispatching);
        QCOMPARE(m_state.helper(QStringLiteral("h1"))->availability(), Helper::Availability::Available);
    }

    void nobodyLeftTellsTheDispatcherAndANewcomerIsAsked()
    {
        answer(QStringLiteral("h1"), QStringLiteral("declined"), 5);
        answer(QStringLiteral("h2"), QStringLiteral("declined"), 6);
        // Both declined at once: the alarm is back with the dispatcher...
        QCOMPARE(m_state.alarm(m_alarm)->state(), Alarm::State::Acknowledged);
        QCOMPARE(m_state.alarm(m_alarm)->timeline().last().note, QStringLiteral("offers_exhausted"));
        // An escalation stage recorded meanwhile changes nothing to that.
        commit({make(EntryKind::AlarmEscalated, Actor::system(),
                     {{QStringLiteral("alarm"), m_alarm}, {QStringLiteral("stage"), 2}}, 6)});
        // ...and the next round asks h3 and h4 (not h5, too far), going out again.
        commit(OfferFollowUp::due(m_state, settings, t0.addSecs(7)));
        QCOMPARE(pending(), (QStringList{QStringLiteral("h3"), QStringLiteral("h4")}));
        QCOMPARE(m_state.alarm(m_alarm)->state(), Alarm::State::Dispatching);
        QVERIFY(m_state.mission(m_mission)->redispatchCount() >= 1);
        answer(QStringLiteral("h3"), QStringLiteral("declined"), 8);
        answer(QStringLiteral("h4"), QStringLiteral("declined"), 9);
        // Nobody left within 500 m: nothing more is sent, the alarm waits for the dispatcher.
        QVERIFY(OfferFollowUp::due(m_state, settings, t0.addSecs(10)).isEmpty());
        QCOMPARE(m_state.alarm(m_alarm)->state(), Alarm::State::Acknowledged);

        // A helper who comes on duty nearby is asked at the next round.
        helperAt(QStringLiteral("h6"), 45.7585);
        const QList<JournalEntry> newcomer = OfferFollowUp::due(m_state, settings, t0.addSecs(20));
        QCOMPARE(kindsAndHelpers(newcomer), (QStringList{QStringLiteral("mission.offered h6 ")}));
    }

    void acceptedOrHandledByTheDispatcherIsLeftAlone()
    {
        answer(QStringLiteral("h2"), QStringLiteral("accepted"), 5);
        QVERIFY(OfferFollowUp::due(m_state, settings, t0.addSecs(600)).isEmpty()); // assigned
        // The dispatcher takes the helper off: the mission is theirs to send again, not the timer's.
        commit(
            {make(EntryKind::MissionUnassigned, lea,
                  {{QStringLiteral("mission"), m_mission}, {QStringLiteral("reason"), QStringLiteral("phone")}}, 20)});
        QVERIFY(OfferFollowUp::due(m_state, settings, t0.addSecs(700)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOfferFollowUp)
#include "tst_offerfollowup.moc"
