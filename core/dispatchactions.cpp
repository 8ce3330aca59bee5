#include "dispatchactions.h"

#include "dispatchstate.h"
#include "helperranker.h"

#include <QCoreApplication>
#include <QLocale>

namespace relais::DispatchActions {

namespace {

JournalEntry entry(QLatin1StringView kind, const QJsonObject &payload, const Actor &by, const QDateTime &at)
{
    return JournalEntry::make(at, QStringLiteral("ui"), kind, by, payload);
}

// The alarm to dispatch, or why it cannot be; with the entries that come first (an
// acknowledgement when it is new, then its mission).
Result<QList<JournalEntry>> opening(const DispatchState &state, qint64 alarmId, const Actor &by, const QDateTime &at)
{
    const Alarm *a = state.alarm(alarmId);
    if (!a)
        return Error{QStringLiteral("unknown_alarm"),
                     QCoreApplication::translate("relais::DispatchActions", "Unknown alarm %1.").arg(alarmId)};
    if (!a->isOpen())
        return Error{
            QStringLiteral("alarm_not_open"),
            QCoreApplication::translate("relais::DispatchActions", "Alarm %1 is no longer open.").arg(alarmId)};
    if (a->state() != Alarm::State::New && a->state() != Alarm::State::Acknowledged) {
        return Error{
            QStringLiteral("mission_exists"),
            QCoreApplication::translate("relais::DispatchActions", "Alarm %1 already has a helper or offers under way.")
                .arg(alarmId)};
    }
    if (!a->position.isValid()) {
        return Error{QStringLiteral("no_position"),
                     QCoreApplication::translate("relais::DispatchActions",
                                                 "Alarm %1 has no position: choose the helper yourself.")
                         .arg(alarmId)};
    }
    const QJsonObject ofAlarm{{QStringLiteral("alarm"), alarmId}};
    QList<JournalEntry> out;
    if (a->state() == Alarm::State::New)
        out.append(entry(EntryKind::AlarmAcknowledged, ofAlarm, by, at));
    out.append(entry(
        EntryKind::MissionCreated,
        {{QStringLiteral("alarm"), alarmId}, {QStringLiteral("kind"), MissionKinds::key(missionKindFor(*a))}}, by, at));
    return out;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("relais::DispatchActions", text);
}

// The open alarm, or why it is not.
Result<const Alarm *> openAlarm(const DispatchState &state, qint64 alarmId)
{
    const Alarm *a = state.alarm(alarmId);
    if (!a)
        return Error{QStringLiteral("unknown_alarm"), tr("Unknown alarm %1.").arg(alarmId)};
    if (!a->isOpen())
        return Error{QStringLiteral("alarm_not_open"), tr("Alarm %1 is no longer open.").arg(alarmId)};
    return a;
}

// The alarm's mission when it is under way (not completed nor cancelled).
const Mission *openMission(const DispatchState &state, const Alarm &a)
{
    const Mission *m = a.missionId ? state.mission(a.missionId) : nullptr;
    return m && m->isOpen() ? m : nullptr;
}

QJsonObject ofMission(qint64 missionId)
{
    return {{QStringLiteral("mission"), missionId}};
}

} // namespace

MissionKind missionKindFor(const Alarm &alarm)
{
    return alarm.isMaintenance() ? MissionKind::Maintenance : MissionKind::Verification;
}

Result<QList<JournalEntry>> acknowledge(qint64 alarmId, const Actor &by, const QDateTime &at)
{
    return QList<JournalEntry>{entry(EntryKind::AlarmAcknowledged, {{QStringLiteral("alarm"), alarmId}}, by, at)};
}

Result<QList<JournalEntry>> assignNearest(const DispatchState &state, qint64 alarmId, const Actor &by,
                                          const QDateTime &at)
{
    const Result<QList<JournalEntry>> first = opening(state, alarmId, by, at);
    if (!first)
        return first;
    QList<JournalEntry> out = first.value();
    const Alarm &a = *state.alarm(alarmId);
    const QList<HelperRanker::Candidate> nearest =
        HelperRanker::rank(state.helpers(), a.position, a.kind(), {1, 0, true});
    if (nearest.isEmpty())
        return Error{QStringLiteral("no_helper"),
                     QCoreApplication::translate("relais::DispatchActions", "No helper is available.")};
    out.append(entry(EntryKind::MissionAssigned,
                     {{QStringLiteral("alarm"), alarmId}, {QStringLiteral("helper"), nearest.first().helperId}}, by,
                     at));
    return out;
}

Result<QList<JournalEntry>> offerToNearby(const DispatchState &state, qint64 alarmId, int count, double radiusM,
                                          const Actor &by, const QDateTime &at)
{
    const Result<QList<JournalEntry>> first = opening(state, alarmId, by, at);
    if (!first)
        return first;
    QList<JournalEntry> out = first.value();
    const Alarm &a = *state.alarm(alarmId);
    const QList<HelperRanker::Candidate> nearby =
        HelperRanker::rank(state.helpers(), a.position, a.kind(), {std::max(count, 1), radiusM, true});
    if (nearby.isEmpty()) {
        return Error{QStringLiteral("no_helper"),
                     QCoreApplication::translate("relais::DispatchActions", "No helper is available within %1 m.")
                         .arg(QLocale().toString(qRound(radiusM)))};
    }
    for (const HelperRanker::Candidate &c : nearby) {
        out.append(entry(EntryKind::MissionOffered,
                         {{QStringLiteral("alarm"), alarmId},
                          {QStringLiteral("helper"), c.helperId},
                          {QStringLiteral("distance_m"), qRound(c.distanceM)}},
                         by, at));
    }
    return out;
}

Result<QList<JournalEntry>> assignTo(const DispatchState &state, qint64 alarmId, const QString &helperId,
                                     const Actor &by, const QDateTime &at)
{
    const Result<const Alarm *> open = openAlarm(state, alarmId);
    if (!open)
        return open.error();
    const Alarm &a = *open.value();
    const Helper *h = state.helper(helperId);
    if (!h)
        return Error{QStringLiteral("unknown_helper"), tr("Unknown helper %1.").arg(helperId)};
    if (a.state() == Alarm::State::OnScene)
        return Error{QStringLiteral("on_scene"),
                     tr("Alarm %1: the helper is already on scene; record the outcome instead.").arg(alarmId)};
    if (a.helperId == helperId)
        return Error{QStringLiteral("already_assigned"),
                     tr("Alarm %1 is already assigned to %2.").arg(alarmId).arg(h->name)};
    if (h->availability() != Helper::Availability::Available
        && !(h->availability() == Helper::Availability::Offered && h->missionId == a.missionId)) {
        return Error{QStringLiteral("helper_busy"),
                     tr("%1 is not available (%2).").arg(h->name, Helper::availabilityLabel(h->availability()))};
    }
    QList<JournalEntry> out;
    const Mission *m = openMission(state, a);
    QJsonObject target;
    if (!m) {
        if (a.state() == Alarm::State::New)
            out.append(entry(EntryKind::AlarmAcknowledged, {{QStringLiteral("alarm"), alarmId}}, by, at));
        out.append(
            entry(EntryKind::MissionCreated,
                  {{QStringLiteral("alarm"), alarmId}, {QStringLiteral("kind"), MissionKinds::key(missionKindFor(a))}},
                  by, at));
        target = {{QStringLiteral("alarm"), alarmId}};
    } else {
        target = ofMission(m->id());
        if (m->state() == Mission::State::Assigned) {
            QJsonObject why = target;
            why.insert(QStringLiteral("reason"), QStringLiteral("reassigned"));
            out.append(entry(EntryKind::MissionUnassigned, why, by, at));
        }
    }
    target.insert(QStringLiteral("helper"), helperId);
    out.append(entry(EntryKind::MissionAssigned, target, by, at));
    return out;
}

Result<QList<JournalEntry>> cancelOffers(const DispatchState &state, qint64 alarmId, const Actor &by,
                                         const QDateTime &at)
{
    const Result<const Alarm *> open = openAlarm(state, alarmId);
    if (!open)
        return open.error();
    const Mission *m = openMission(state, *open.value());
    if (!m || m->state() != Mission::State::Offering || m->pendingOfferHelpers().isEmpty())
        return Error{QStringLiteral("no_offer"), tr("Alarm %1 has no offer waiting for an answer.").arg(alarmId)};
    QJsonObject payload = ofMission(m->id());
    payload.insert(QStringLiteral("reason"), QStringLiteral("offers_cancelled"));
    return QList<JournalEntry>{entry(EntryKind::MissionCancelled, payload, by, at)};
}

Result<QList<JournalEntry>> recordProgress(const DispatchState &state, qint64 alarmId, Progress progress,
                                           const Actor &by, const QDateTime &at)
{
    const Result<const Alarm *> open = openAlarm(state, alarmId);
    if (!open)
        return open.error();
    const Alarm &a = *open.value();
    const Mission *m = openMission(state, a);
    if (!m || m->state() != Mission::State::Assigned)
        return Error{QStringLiteral("not_assigned"), tr("Alarm %1 has no helper assigned.").arg(alarmId)};
    const bool enRoute = progress == Progress::EnRoute;
    if ((enRoute && a.state() != Alarm::State::Assigned)
        || (!enRoute && a.state() != Alarm::State::Assigned && a.state() != Alarm::State::EnRoute)) {
        return Error{QStringLiteral("illegal_transition"),
                     tr("Alarm %1 is already “%2”.").arg(alarmId).arg(Alarm::stateLabel(a.state()))};
    }
    return QList<JournalEntry>{
        entry(enRoute ? EntryKind::MissionEnRoute : EntryKind::MissionOnScene, ofMission(m->id()), by, at)};
}

Result<QList<JournalEntry>> recordOutcome(const DispatchState &state, qint64 alarmId, Outcome outcome,
                                          const QString &note, const Actor &by, const QDateTime &at)
{
    const Result<const Alarm *> open = openAlarm(state, alarmId);
    if (!open)
        return open.error();
    const Alarm &a = *open.value();
    if (outcome == Outcome::Cancelled)
        return Error{QStringLiteral("bad_outcome"), tr("To cancel the alarm, use Cancel Alarm.")};
    QList<JournalEntry> out;
    const Mission *m = openMission(state, a);
    const QString trimmedNote = note.trimmed();
    if (m && m->state() == Mission::State::Assigned) {
        if (a.state() != Alarm::State::OnScene) {
            return Error{QStringLiteral("not_on_scene"),
                         tr("Alarm %1: the helper is not on scene yet; record their arrival first.").arg(alarmId)};
        }
        QJsonObject payload = ofMission(m->id());
        payload.insert(QStringLiteral("outcome"), Outcomes::key(outcome));
        if (!trimmedNote.isEmpty())
            payload.insert(QStringLiteral("note"), trimmedNote);
        out.append(entry(EntryKind::MissionCompleted, payload, by, at));
        return out;
    }
    // Handled without a helper (on the phone): the offers, if any, are withdrawn first.
    if (a.state() == Alarm::State::New)
        out.append(entry(EntryKind::AlarmAcknowledged, {{QStringLiteral("alarm"), alarmId}}, by, at));
    if (m) {
        QJsonObject payload = ofMission(m->id());
        payload.insert(QStringLiteral("reason"), QStringLiteral("resolved_without_helper"));
        out.append(entry(EntryKind::MissionCancelled, payload, by, at));
    }
    if (!trimmedNote.isEmpty())
        out.append(entry(EntryKind::AlarmNote,
                         {{QStringLiteral("alarm"), alarmId}, {QStringLiteral("text"), trimmedNote}}, by, at));
    out.append(entry(EntryKind::AlarmResolved,
                     {{QStringLiteral("alarm"), alarmId}, {QStringLiteral("outcome"), Outcomes::key(outcome)}}, by,
                     at));
    return out;
}

Result<QList<JournalEntry>> close(const DispatchState &state, qint64 alarmId, const Actor &by, const QDateTime &at)
{
    const Alarm *a = state.alarm(alarmId);
    if (!a)
        return Error{QStringLiteral("unknown_alarm"), tr("Unknown alarm %1.").arg(alarmId)};
    if (a->state() != Alarm::State::Resolved)
        return Error{QStringLiteral("not_resolved"),
                     tr("Alarm %1 can be closed once its outcome is recorded.").arg(alarmId)};
    return QList<JournalEntry>{entry(EntryKind::AlarmClosed, {{QStringLiteral("alarm"), alarmId}}, by, at)};
}

Result<QList<JournalEntry>> cancelAlarm(const DispatchState &state, qint64 alarmId, const QString &reason,
                                        const Actor &by, const QDateTime &at)
{
    const Result<const Alarm *> open = openAlarm(state, alarmId);
    if (!open)
        return open.error();
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return Error{QStringLiteral("missing_reason"), tr("Say why the alarm is cancelled.")};
    return QList<JournalEntry>{entry(EntryKind::AlarmCancelled,
                                     {{QStringLiteral("alarm"), alarmId}, {QStringLiteral("reason"), why}}, by, at)};
}

Result<QList<JournalEntry>> addNote(const DispatchState &state, qint64 alarmId, const QString &text, const Actor &by,
                                    const QDateTime &at)
{
    if (!state.alarm(alarmId))
        return Error{QStringLiteral("unknown_alarm"), tr("Unknown alarm %1.").arg(alarmId)};
    const QString note = text.trimmed();
    if (note.isEmpty())
        return Error{QStringLiteral("missing_field"), tr("The note is empty.")};
    return QList<JournalEntry>{
        entry(EntryKind::AlarmNote, {{QStringLiteral("alarm"), alarmId}, {QStringLiteral("text"), note}}, by, at)};
}

} // namespace relais::DispatchActions
