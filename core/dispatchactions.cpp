#include "dispatchactions.h"

#include "dispatchstate.h"
#include "helperranker.h"

#include <QCoreApplication>

namespace relais::DispatchActions {

namespace {

JournalEntry entry(QLatin1StringView kind, const QJsonObject &payload, const Actor &by, const QDateTime &at)
{
    JournalEntry e;
    e.time = at;
    e.source = QStringLiteral("ui");
    e.kind = kind;
    e.actor = by;
    e.payload = payload;
    return e;
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

} // namespace

MissionKind missionKindFor(const Alarm &alarm)
{
    return alarm.isMaintenance() ? MissionKind::Maintenance : MissionKind::Verification;
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
                         .arg(qRound(radiusM))};
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

} // namespace relais::DispatchActions
