#include "dispatchactions.h"
#include "dispatchstate.h"
#include "journalbuilder.h"

#include <QTest>

using namespace relais;

// The dispatcher's commands, built from the state and applied back to it as the store does
// with an all-or-nothing submission: every entry in order on a copy, kept only if all pass.
class TestDispatchActions final : public QObject
{
    Q_OBJECT

private:
    const QDateTime t0 = QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC);
    const Actor lea = Actor::operatorNamed(QStringLiteral("Léa"));
    DispatchState m_state;
    JournalBuilder m_journal{t0};

    JournalEntry make(QLatin1StringView kind, const Actor &by, const QJsonObject &payload)
    {
        return m_journal.entry(kind, payload, by);
    }
    void must(QLatin1StringView kind, const Actor &by, const QJsonObject &payload)
    {
        QCOMPARE(m_journal.commit(m_state, {make(kind, by, payload)}), QString());
    }
    // As Store::submit in AllOrNothing mode.
    QString applyAll(const QList<JournalEntry> &entries) { return m_journal.commitAll(m_state, entries); }
    // A helper on duty at a point, with skills.
    void helperAt(const QString &id, double lat, double lon, const QStringList &skills = {})
    {
        QCOMPARE(m_journal.commit(m_state, m_journal.helperAt(id, lat, lon, skills)), QString());
    }
    qint64 alarmAt(const QString &device, const QString &kind, double lat, double lon)
    {
        [&] {
            QCOMPARE(m_journal.commit(m_state, {m_journal.deviceAlarmAt(device, kind, lat, lon)}), QString());
        }();
        return JournalBuilder::newestAlarm(m_state);
    }

private slots:
    void init()
    {
        m_state = DispatchState();
        m_journal = JournalBuilder(t0);
        // Around Place Bellecour, Lyon: 1 ≈ 110 m north, 2 ≈ 330 m, 3 ≈ 770 m, 4 ≈ 115 m east.
        helperAt(QStringLiteral("h1"), 45.7590, 4.8320);
        helperAt(QStringLiteral("h2"), 45.7610, 4.8320);
        helperAt(QStringLiteral("h3"), 45.7650, 4.8320, {QStringLiteral("first_aid")});
        helperAt(QStringLiteral("h4"), 45.7580, 4.8335, {QStringLiteral("first_aid")});
    }

    void acknowledgesAsTheWindowDid()
    {
        // alarm.acknowledged {alarm}, from "ui", at the time given: what the window wrote itself.
        const qint64 id = alarmAt(QStringLiteral("d1"), QStringLiteral("smoke"), 45.7580, 4.8320);
        const Result<QList<JournalEntry>> r = DispatchActions::acknowledge(id, lea, t0.addSecs(30));
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 1);
        const JournalEntry &e = r->constFirst();
        QCOMPARE(e.kind, QString(EntryKind::AlarmAcknowledged));
        QCOMPARE(e.source, QStringLiteral("ui"));
        QCOMPARE(e.actor, lea);
        QCOMPARE(e.time, t0.addSecs(30));
        QCOMPARE(e.payload, (QJsonObject{{QStringLiteral("alarm"), id}}));
        QCOMPARE(applyAll(r.value()), QString());
        QCOMPARE(m_state.alarm(id)->state(), Alarm::State::Acknowledged);
        // Twice: the reducer refuses it, with its reason.
        QVERIFY(!applyAll(DispatchActions::acknowledge(id, lea, t0.addSecs(40)).value()).isEmpty());
    }

    void assignsTheNearestAndAcknowledgesFirst()
    {
        const qint64 id = alarmAt(QStringLiteral("d1"), QStringLiteral("smoke"), 45.7580, 4.8320);
        QCOMPARE(m_state.alarm(id)->state(), Alarm::State::New);
        const Result<QList<JournalEntry>> r = DispatchActions::assignNearest(m_state, id, lea, t0.addSecs(100));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.errorString()));
        QCOMPARE(r->size(), 3);
        QCOMPARE(r->at(0).kind, EntryKind::AlarmAcknowledged);
        QCOMPARE(r->at(1).kind, EntryKind::MissionCreated);
        QCOMPARE(r->at(1).payload.value(QStringLiteral("kind")).toString(), QStringLiteral("verification"));
        QCOMPARE(r->at(2).kind, EntryKind::MissionAssigned);
        for (const JournalEntry &e : r.value())
            QCOMPARE(e.actor, lea);

        QCOMPARE(applyAll(r.value()), QString());
        const Alarm &a = *m_state.alarm(id);
        QCOMPARE(a.state(), Alarm::State::Assigned);
        const Mission *m = m_state.mission(a.missionId);
        QVERIFY(m);
        // Smoke needs no skill: h1 is the nearest (110 m; h4 is 115 m away).
        QCOMPARE(m->assignee(), QStringLiteral("h1"));
        QCOMPARE(m_state.helper(QStringLiteral("h1"))->availability(), Helper::Availability::Assigned);

        // Once under way, a second command is refused with the reason.
        const Result<QList<JournalEntry>> again = DispatchActions::assignNearest(m_state, id, lea, t0.addSecs(110));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("mission_exists"));
    }

    void skillsBreakTiesWithinFiftyMetres()
    {
        // A fall needs first aid: h4 (115 m, first aid) goes before h1 (110 m, none).
        const qint64 id = alarmAt(QStringLiteral("d2"), QStringLiteral("fall"), 45.7580, 4.8320);
        const Result<QList<JournalEntry>> r = DispatchActions::assignNearest(m_state, id, lea, t0.addSecs(100));
        QVERIFY(r.ok());
        QCOMPARE(applyAll(r.value()), QString());
        QCOMPARE(m_state.mission(m_state.alarm(id)->missionId)->assignee(), QStringLiteral("h4"));
    }

    void offersToTheNearestWithinTheRadius()
    {
        const qint64 id = alarmAt(QStringLiteral("d3"), QStringLiteral("water_leak"), 45.7580, 4.8320);
        // 500 m: h1, h4, h2 (h3 is 770 m away); at most 3.
        const Result<QList<JournalEntry>> r = DispatchActions::offerToNearby(m_state, id, 3, 500, lea, t0.addSecs(100));
        QVERIFY(r.ok());
        QStringList offered;
        for (const JournalEntry &e : r.value()) {
            if (e.kind == EntryKind::MissionOffered) {
                offered.append(e.payload.value(QStringLiteral("helper")).toString());
                QVERIFY(e.payload.value(QStringLiteral("distance_m")).toInt() > 100);
            }
        }
        QCOMPARE(offered, (QStringList{QStringLiteral("h1"), QStringLiteral("h4"), QStringLiteral("h2")}));
        QCOMPARE(applyAll(r.value()), QString());
        const Alarm &a = *m_state.alarm(id);
        QCOMPARE(a.state(), Alarm::State::Dispatching);
        const Mission *m = m_state.mission(a.missionId);
        QCOMPARE(m->pendingOfferHelpers().size(), 3);
        QCOMPARE(m_state.helper(QStringLiteral("h2"))->availability(), Helper::Availability::Offered);
        QCOMPARE(m_state.helper(QStringLiteral("h3"))->availability(), Helper::Availability::Available);

        // The first to accept wins; the two others are told the offer is withdrawn.
        const Result<DispatchState::Changes> won =
            m_state.apply(make(EntryKind::MissionAnswered, Actor::helper(QStringLiteral("h2")),
                               {{QStringLiteral("mission"), a.missionId},
                                {QStringLiteral("helper"), QStringLiteral("h2")},
                                {QStringLiteral("answer"), QStringLiteral("accepted")}}));
        QVERIFY(won.ok());
        QCOMPARE(QSet<QString>(won->cancelsToSend.cbegin(), won->cancelsToSend.cend()),
                 (QSet<QString>{QStringLiteral("h1"), QStringLiteral("h4")}));

        // A smaller radius leaves fewer; none within it is refused with the radius named.
        const qint64 other = alarmAt(QStringLiteral("d4"), QStringLiteral("door"), 45.7650, 4.8320);
        const Result<QList<JournalEntry>> near = DispatchActions::offerToNearby(m_state, other, 3, 50, lea, t0);
        QVERIFY(near.ok()); // h3 stands on it
        const qint64 far = alarmAt(QStringLiteral("d5"), QStringLiteral("door"), 45.80, 4.90);
        const Result<QList<JournalEntry>> none = DispatchActions::offerToNearby(m_state, far, 3, 500, lea, t0);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, QStringLiteral("no_helper"));
        QVERIFY2(none.errorString().contains(QLatin1String("500")), qPrintable(none.errorString()));
        // Read by the dispatcher: the radius in the locale's figures.
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        const Result<QList<JournalEntry>> french = DispatchActions::offerToNearby(m_state, far, 3, 2000, lea, t0);
        QLocale::setDefault(QLocale::c());
        QVERIFY(!french.ok());
        QCOMPARE(french.errorString(), QStringLiteral("No helper is available within 2\u202f000 m."));
    }

    void maintenanceAlarmsGetMaintenanceMissions()
    {
        const qint64 id = alarmAt(QStringLiteral("d6"), QStringLiteral("low_battery"), 45.7580, 4.8320);
        const Result<QList<JournalEntry>> r = DispatchActions::assignNearest(m_state, id, lea, t0);
        QVERIFY(r.ok());
        QCOMPARE(r->at(1).payload.value(QStringLiteral("kind")).toString(), QStringLiteral("maintenance"));
        QCOMPARE(applyAll(r.value()), QString());
        QCOMPARE(m_state.mission(m_state.alarm(id)->missionId)->kind(), MissionKind::Maintenance);
    }

    void refusesWhatCannotBeDispatched()
    {
        QCOMPARE(DispatchActions::assignNearest(m_state, 999, lea, t0).error().code, QStringLiteral("unknown_alarm"));
        // Nobody available: all on missions or off duty.
        for (const QString &h :
             {QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"), QStringLiteral("h4")})
            must(EntryKind::HelperOffDuty, Actor::helper(h), {{QStringLiteral("helper"), h}});
        const qint64 id = alarmAt(QStringLiteral("d7"), QStringLiteral("panic"), 45.7580, 4.8320);
        const Result<QList<JournalEntry>> r = DispatchActions::assignNearest(m_state, id, lea, t0);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("no_helper"));
        QCOMPARE(m_state.alarm(id)->state(), Alarm::State::New); // nothing was applied
    }

    void entriesNamingTheAlarmNeedItsMission()
    {
        // Without its mission.created, an entry naming the alarm is refused: no mission yet.
        const qint64 id = alarmAt(QStringLiteral("d8"), QStringLiteral("smoke"), 45.7580, 4.8320);
        must(EntryKind::AlarmAcknowledged, lea, {{QStringLiteral("alarm"), id}});
        const Result<DispatchState::Changes> r =
            m_state.apply(make(EntryKind::MissionAssigned, lea,
                               {{QStringLiteral("alarm"), id}, {QStringLiteral("helper"), QStringLiteral("h1")}}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("unknown_mission"));
    }

    // Applies a command's entries; its error text, or empty.
    QString run(const Result<QList<JournalEntry>> &r)
    {
        if (!r)
            return r.errorString();
        return applyAll(r.value());
    }

    void assignsAChosenHelperAndReassigns()
    {
        const qint64 id = alarmAt(QStringLiteral("d9"), QStringLiteral("fall"), 45.7580, 4.8320);
        // The dispatcher's choice, not the nearest: h3.
        const Result<QList<JournalEntry>> r = DispatchActions::assignTo(m_state, id, QStringLiteral("h3"), lea, t0);
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 3); // acknowledged, mission created, assigned
        QCOMPARE(applyAll(r.value()), QString());
        const qint64 missionId = m_state.alarm(id)->missionId;
        QCOMPARE(m_state.mission(missionId)->assignee(), QStringLiteral("h3"));
        // The same helper again: refused, nothing to do.
        QCOMPARE(DispatchActions::assignTo(m_state, id, QStringLiteral("h3"), lea, t0).error().code,
                 QStringLiteral("already_assigned"));
        // En route, then reassigned to h1: h3 is freed (and told), the mission counts a re-dispatch.
        QCOMPARE(run(DispatchActions::recordProgress(m_state, id, DispatchActions::Progress::EnRoute, lea, t0)),
                 QString());
        QCOMPARE(m_state.alarm(id)->state(), Alarm::State::EnRoute);
        const Result<QList<JournalEntry>> again =
            DispatchActions::assignTo(m_state, id, QStringLiteral("h1"), lea, t0.addSecs(60));
        QVERIFY(again.ok());
        QCOMPARE(again->size(), 2);
        QCOMPARE(again->at(0).kind, EntryKind::MissionUnassigned);
        QCOMPARE(applyAll(again.value()), QString());
        const Mission &m = *m_state.mission(missionId);
        QCOMPARE(m.assignee(), QStringLiteral("h1"));
        QCOMPARE(m.redispatchCount(), 1);
        QCOMPARE(m_state.helper(QStringLiteral("h3"))->availability(), Helper::Availability::Available);
        QCOMPARE(m_state.alarm(id)->state(), Alarm::State::Assigned);
        QCOMPARE(m_state.alarm(id)->helperId, QStringLiteral("h1"));
        // A helper busy elsewhere cannot be chosen.
        const qint64 other = alarmAt(QStringLiteral("d10"), QStringLiteral("smoke"), 45.7580, 4.8320);
        QCOMPARE(DispatchActions::assignTo(m_state, other, QStringLiteral("h1"), lea, t0).error().code,
                 QStringLiteral("helper_busy"));
        QCOMPARE(DispatchActions::assignTo(m_state, other, QStringLiteral("nobody"), lea, t0).error().code,
                 QStringLiteral("unknown_helper"));
    }

    void assigningDuringOffersWithdrawsThem()
    {
        const qint64 id = alarmAt(QStringLiteral("d11"), QStringLiteral("smoke"), 45.7580, 4.8320);
        QCOMPARE(run(DispatchActions::offerToNearby(m_state, id, 2, 500, lea, t0)), QString());
        const qint64 missionId = m_state.alarm(id)->missionId;
        QCOMPARE(m_state.mission(missionId)->pendingOfferHelpers().size(), 2);
        // h2 had no offer (h1 and h4 were nearer): the dispatcher sends h2 anyway.
        QCOMPARE(run(DispatchActions::assignTo(m_state, id, QStringLiteral("h2"), lea, t0)), QString());
        const Mission &m = *m_state.mission(missionId);
        QCOMPARE(m.assignee(), QStringLiteral("h2"));
        QVERIFY(m.pendingOfferHelpers().isEmpty());
        QCOMPARE(m_state.helper(QStringLiteral("h1"))->availability(), Helper::Availability::Available);
        QCOMPARE(m_state.helper(QStringLiteral("h4"))->availability(), Helper::Availability::Available);
    }

    void cancelsOffersBackToTheDispatcher()
    {
        const qint64 id = alarmAt(QStringLiteral("d12"), QStringLiteral("smoke"), 45.7580, 4.8320);
        QCOMPARE(DispatchActions::cancelOffers(m_state, id, lea, t0).error().code, QStringLiteral("no_offer"));
        QCOMPARE(run(DispatchActions::offerToNearby(m_state, id, 3, 500, lea, t0)), QString());
        QCOMPARE(m_state.alarm(id)->state(), Alarm::State::Dispatching);
        QCOMPARE(run(DispatchActions::cancelOffers(m_state, id, lea, t0.addSecs(20))), QString());
        const Alarm &a = *m_state.alarm(id);
        QCOMPARE(a.state(), Alarm::State::Acknowledged);
        QCOMPARE(m_state.mission(a.missionId)->state(), Mission::State::Cancelled);
        for (const QString &h : {QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h4")})
            QCOMPARE(m_state.helper(h)->availability(), Helper::Availability::Available);
        // Dispatched again afterwards: a new mission.
        QCOMPARE(run(DispatchActions::assignNearest(m_state, id, lea, t0.addSecs(30))), QString());
        QVERIFY(m_state.alarm(id)->missionId != 0);
        QCOMPARE(m_state.mission(m_state.alarm(id)->missionId)->state(), Mission::State::Assigned);
    }

    void recordsProgressAndOutcomeOnTheHelpersBehalf()
    {
        const qint64 id = alarmAt(QStringLiteral("d13"), QStringLiteral("fall"), 45.7580, 4.8320);
        QCOMPARE(DispatchActions::recordProgress(m_state, id, DispatchActions::Progress::OnScene, lea, t0).error().code,
                 QStringLiteral("not_assigned"));
        QCOMPARE(run(DispatchActions::assignNearest(m_state, id, lea, t0)), QString());
        // The outcome waits for the arrival.
        QCOMPARE(DispatchActions::recordOutcome(m_state, id, Outcome::FalseAlarm, {}, lea, t0).error().code,
                 QStringLiteral("not_on_scene"));
        QCOMPARE(
            run(DispatchActions::recordProgress(m_state, id, DispatchActions::Progress::OnScene, lea, t0.addSecs(300))),
            QString());
        QCOMPARE(m_state.alarm(id)->state(), Alarm::State::OnScene);
        QCOMPARE(DispatchActions::recordProgress(m_state, id, DispatchActions::Progress::EnRoute, lea, t0).error().code,
                 QStringLiteral("illegal_transition"));
        QCOMPARE(DispatchActions::close(m_state, id, lea, t0).error().code, QStringLiteral("not_resolved"));
        QCOMPARE(run(DispatchActions::recordOutcome(m_state, id, Outcome::FalseAlarm, QStringLiteral("Pendentif tombé"),
                                                    lea, t0.addSecs(600))),
                 QString());
        const Alarm &a = *m_state.alarm(id);
        QCOMPARE(a.state(), Alarm::State::Resolved);
        QCOMPARE(a.outcome(), Outcome::FalseAlarm);
        const Mission &m = *m_state.mission(a.missionId);
        QCOMPARE(m.state(), Mission::State::Completed);
        QCOMPARE(m.note, QStringLiteral("Pendentif tombé"));
        QCOMPARE(m.payout(), m.fee());
        QCOMPARE(m.timeline().last().by, lea); // recorded by the operator, on the helper's behalf
        QCOMPARE(run(DispatchActions::close(m_state, id, lea, t0.addSecs(700))), QString());
        QCOMPARE(m_state.alarm(id)->state(), Alarm::State::Closed);
    }

    void resolvesOnThePhoneWithoutAHelper()
    {
        // New, with offers out: the beneficiary calls back, all is well.
        const qint64 id = alarmAt(QStringLiteral("d14"), QStringLiteral("panic"), 45.7580, 4.8320);
        QCOMPARE(run(DispatchActions::offerToNearby(m_state, id, 2, 500, lea, t0)), QString());
        const qint64 missionId = m_state.alarm(id)->missionId;
        QCOMPARE(run(DispatchActions::recordOutcome(m_state, id, Outcome::FalseAlarm,
                                                    QStringLiteral("Rappel: fausse manip"), lea, t0.addSecs(40))),
                 QString());
        const Alarm &a = *m_state.alarm(id);
        QCOMPARE(a.state(), Alarm::State::Resolved);
        QVERIFY(a.notes.contains(QStringLiteral("Rappel: fausse manip")));
        QCOMPARE(m_state.mission(missionId)->state(), Mission::State::Cancelled);
        QCOMPARE(m_state.mission(missionId)->payout(), Money()); // nobody went: nothing paid
        QCOMPARE(m_state.helper(QStringLiteral("h1"))->availability(), Helper::Availability::Available);
        // A brand-new alarm handled on the phone is acknowledged by the same stroke.
        const qint64 fresh = alarmAt(QStringLiteral("d15"), QStringLiteral("panic"), 45.7580, 4.8320);
        QCOMPARE(run(DispatchActions::recordOutcome(m_state, fresh, Outcome::EmergencyServicesCalled, {}, lea, t0)),
                 QString());
        QCOMPARE(m_state.alarm(fresh)->enteredAt(Alarm::State::Acknowledged), t0);
        QCOMPARE(DispatchActions::recordOutcome(m_state, fresh, Outcome::FalseAlarm, {}, lea, t0).error().code,
                 QStringLiteral("alarm_not_open"));
    }

    void cancelsWithAReasonAndTakesNotes()
    {
        const qint64 id = alarmAt(QStringLiteral("d16"), QStringLiteral("intrusion"), 45.7580, 4.8320);
        QCOMPARE(run(DispatchActions::assignNearest(m_state, id, lea, t0)), QString());
        QCOMPARE(DispatchActions::addNote(m_state, id, QStringLiteral("   "), lea, t0).error().code,
                 QStringLiteral("missing_field"));
        QCOMPARE(run(DispatchActions::addNote(m_state, id, QStringLiteral(" Code portail 1234B "), lea, t0)),
                 QString());
        QVERIFY(m_state.alarm(id)->notes.contains(QStringLiteral("Code portail 1234B")));
        QCOMPARE(DispatchActions::cancelAlarm(m_state, id, QString(), lea, t0).error().code,
                 QStringLiteral("missing_reason"));
        const QString helper = m_state.alarm(id)->helperId;
        QCOMPARE(run(DispatchActions::cancelAlarm(m_state, id, QStringLiteral("Test du voisin"), lea, t0)), QString());
        const Alarm &a = *m_state.alarm(id);
        QCOMPARE(a.state(), Alarm::State::Cancelled);
        QCOMPARE(a.cancelReason, QStringLiteral("Test du voisin"));
        QCOMPARE(m_state.mission(a.missionId)->state(), Mission::State::Cancelled);
        QCOMPARE(m_state.helper(helper)->availability(), Helper::Availability::Available);
    }
};

QTEST_GUILESS_MAIN(TestDispatchActions)
#include "tst_dispatchactions.moc"
