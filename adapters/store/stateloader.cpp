#include "stateloader.h"

#include "sqlvalues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace relais {

namespace {

using namespace SqlValues;

Error sqlError(const QSqlQuery &q)
{
    return Error{QStringLiteral("sql_error"),
                 StateLoader::tr("Cannot read the state tables: %1 (%2)").arg(q.lastError().text(), q.lastQuery())};
}

Error corrupt(const QString &table, const QVariant &id, const QString &what)
{
    return Error{QStringLiteral("corrupt_row"),
                 StateLoader::tr(
                     "The state table %1 holds an unreadable row (%2: %3). Rebuild the state tables from the journal.")
                     .arg(table, id.toString(), what)};
}

bool select(QSqlQuery &q, const QString &sql)
{
    q.setForwardOnly(true);
    return q.exec(sql);
}

// Transitions of every alarm or mission, grouped by owner, in timeline order.
template<typename StateFromKey>
Result<QHash<qint64, QList<Transition>>> readTransitions(const QSqlDatabase &db, const QString &table,
                                                         const QString &ownerColumn, StateFromKey stateFromKey)
{
    QSqlQuery q(db);
    if (!select(
            q, QStringLiteral("SELECT %1, state, at_ms, actor, note FROM %2 ORDER BY %1, pos").arg(ownerColumn, table)))
        return sqlError(q);
    QHash<qint64, QList<Transition>> out;
    while (q.next()) {
        const auto state = stateFromKey(q.value(1).toString());
        if (!state)
            return corrupt(table, q.value(0), q.value(1).toString());
        out[q.value(0).toLongLong()].append(Transition{static_cast<int>(*state), timeFrom(q.value(2)),
                                                       Actor::fromString(q.value(3).toString()),
                                                       q.value(4).toString()});
    }
    return out;
}

std::optional<std::optional<Outcome>> outcomeFrom(const QVariant &v)
{
    if (v.isNull())
        return std::optional<Outcome>();
    const auto o = Outcomes::fromKey(v.toString());
    if (!o)
        return std::nullopt;
    return std::optional<Outcome>(*o);
}

Status loadDevices(const QSqlDatabase &db, DispatchState &state)
{
    QSqlQuery q(db);
    // A device without a liveness row (never so written) was never seen, its battery unknown.
    if (!select(q, QStringLiteral("SELECT d.id, d.kind, d.label, d.beneficiary_ref, d.address, d.lat, d.lon, "
                                  "d.report_interval_s, l.last_seen_ms, COALESCE(l.battery_percent, -1) "
                                  "FROM devices d LEFT JOIN device_liveness l ON l.device_id = d.id")))
        return sqlError(q);
    while (q.next()) {
        Device d;
        d.id = q.value(0).toString();
        d.kind = q.value(1).toString();
        d.label = q.value(2).toString();
        d.beneficiaryRef = q.value(3).toString();
        d.address = q.value(4).toString();
        d.position = coordinateFrom(q.value(5), q.value(6));
        d.reportIntervalS = q.value(7).toInt();
        d.lastSeen = timeFrom(q.value(8));
        d.batteryPercent = q.value(9).toInt();
        state.loadDevice(d);
    }
    return {};
}

Status loadAlarms(const QSqlDatabase &db, DispatchState &state)
{
    auto timelines =
        readTransitions(db, QStringLiteral("alarm_transitions"), QStringLiteral("alarm_id"), &Alarm::stateFromKey);
    if (!timelines)
        return timelines.error();
    QHash<qint64, QStringList> notes;
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("SELECT alarm_id, note FROM alarm_notes ORDER BY alarm_id, pos")))
        return sqlError(q);
    while (q.next())
        notes[q.value(0).toLongLong()].append(q.value(1).toString());

    if (!select(q, QStringLiteral("SELECT id, device_id, kind, severity, state, repeat_count, raised_ms, "
                                  "last_seen_ms, outcome, escalation_stage, lat, lon, address, details, "
                                  "beneficiary_ref, unregistered_device, mission_id, helper_id, cancel_reason, "
                                  "purged_ms FROM alarms")))
        return sqlError(q);
    const QString table = QStringLiteral("alarms");
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const auto kind = AlarmKinds::fromKey(q.value(2).toString());
        const auto severity = Severities::fromKey(q.value(3).toString());
        const auto alarmState = Alarm::stateFromKey(q.value(4).toString());
        const auto outcome = outcomeFrom(q.value(8));
        if (!kind || !severity || !alarmState || !outcome)
            return corrupt(table, id, StateLoader::tr("kind, severity, state or outcome"));
        Alarm a(id, q.value(1).toString(), *kind, *severity, timeFrom(q.value(6)), Actor::system());
        a.position = coordinateFrom(q.value(10), q.value(11));
        a.address = q.value(12).toString();
        a.details = q.value(13).toString();
        a.beneficiaryRef = q.value(14).toString();
        a.unregisteredDevice = q.value(15).toInt() != 0;
        a.missionId = q.value(16).toLongLong();
        a.helperId = q.value(17).toString();
        a.cancelReason = q.value(18).toString();
        a.personalDetailsPurgedAt = timeFrom(q.value(19));
        a.notes = notes.value(id);
        a.restore(*alarmState, q.value(5).toInt(), timeFrom(q.value(7)), *outcome, q.value(9).toInt(),
                  timelines.value().value(id));
        state.loadAlarm(a);
    }
    return {};
}

Status loadHelpers(const QSqlDatabase &db, DispatchState &state)
{
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("SELECT id, name, phone, skills, mission_id, availability, lat, lon, position_ms, "
                                  "changed_state, changed_ms, changed_by, changed_note FROM helpers")))
        return sqlError(q);
    const QString table = QStringLiteral("helpers");
    while (q.next()) {
        const QString id = q.value(0).toString();
        const auto availability = Helper::availabilityFromKey(q.value(5).toString());
        const auto changed = Helper::availabilityFromKey(q.value(9).toString());
        QJsonParseError parse;
        const QJsonDocument skills = QJsonDocument::fromJson(q.value(3).toString().toUtf8(), &parse);
        if (!availability || !changed || parse.error != QJsonParseError::NoError || !skills.isArray())
            return corrupt(table, id, StateLoader::tr("availability or skills"));
        Helper h(id, q.value(1).toString());
        h.phone = q.value(2).toString();
        const QJsonArray list = skills.array();
        for (const QJsonValue &v : list)
            h.skills.append(v.toString());
        h.missionId = q.value(4).toLongLong();
        h.restore(*availability, coordinateFrom(q.value(6), q.value(7)), timeFrom(q.value(8)),
                  Transition{static_cast<int>(*changed), timeFrom(q.value(10)),
                             Actor::fromString(q.value(11).toString()), q.value(12).toString()});
        state.loadHelper(h);
    }
    return {};
}

Status loadMissions(const QSqlDatabase &db, DispatchState &state)
{
    auto timelines = readTransitions(db, QStringLiteral("mission_transitions"), QStringLiteral("mission_id"),
                                     &Mission::stateFromKey);
    if (!timelines)
        return timelines.error();
    QHash<qint64, QList<Offer>> offers;
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("SELECT mission_id, helper_id, distance_m, sent_ms, answer, answered_ms "
                                  "FROM mission_offers ORDER BY mission_id, pos")))
        return sqlError(q);
    while (q.next()) {
        const auto answer = Offer::answerFromKey(q.value(4).toString());
        if (!answer)
            return corrupt(QStringLiteral("mission_offers"), q.value(0), q.value(4).toString());
        offers[q.value(0).toLongLong()].append(
            Offer{q.value(1).toString(), q.value(2).toDouble(), timeFrom(q.value(3)), *answer, timeFrom(q.value(5))});
    }

    if (!select(q, QStringLiteral("SELECT id, kind, alarm_id, fee_cents, fee_currency, state, assignee, outcome, "
                                  "payout_cents, payout_currency, redispatches, note FROM missions")))
        return sqlError(q);
    const QString table = QStringLiteral("missions");
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const auto kind = MissionKinds::fromKey(q.value(1).toString());
        const auto missionState = Mission::stateFromKey(q.value(5).toString());
        const auto outcome = outcomeFrom(q.value(7));
        if (!kind || !missionState || !outcome)
            return corrupt(table, id, StateLoader::tr("kind, state or outcome"));
        const QList<Transition> timeline = timelines.value().value(id);
        Mission m(id, *kind, q.value(2).toLongLong(), Money(q.value(3).toLongLong(), q.value(4).toString()),
                  timeline.isEmpty() ? QDateTime() : timeline.constFirst().at, Actor::system());
        m.note = q.value(11).toString();
        m.restore(*missionState, q.value(6).toString(), offers.value(id), *outcome,
                  Money(q.value(8).toLongLong(), q.value(9).toString()), q.value(10).toInt(), timeline);
        state.loadMission(m);
    }
    return {};
}

Status loadShifts(const QSqlDatabase &db, DispatchState &state)
{
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("SELECT id, operator_name, started_ms, ended_ms, handover FROM shifts")))
        return sqlError(q);
    while (q.next()) {
        state.loadShift(Shift{q.value(0).toLongLong(), Operator{q.value(1).toString()}, timeFrom(q.value(2)),
                              timeFrom(q.value(3)), q.value(4).toString()});
    }
    return {};
}

Status loadFees(const QSqlDatabase &db, DispatchState &state)
{
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("SELECT mission_kind, fee_cents, currency FROM fees")))
        return sqlError(q);
    FeeSchedule fees = state.fees();
    while (q.next()) {
        const auto kind = MissionKinds::fromKey(q.value(0).toString());
        if (!kind)
            return corrupt(QStringLiteral("fees"), q.value(0), q.value(0).toString());
        fees.setFee(*kind, Money(q.value(1).toLongLong(), q.value(2).toString()));
    }
    state.loadFees(fees);
    return {};
}

} // namespace

Result<DispatchState> StateLoader::load(const QSqlDatabase &db)
{
    DispatchState state;
    for (auto step : {&loadDevices, &loadAlarms, &loadHelpers, &loadMissions, &loadShifts, &loadFees}) {
        if (Status s = step(db, state); !s)
            return s.error();
    }
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM journal")) || !q.next())
        return sqlError(q);
    state.setLastSeq(q.value(0).toLongLong());
    return state;
}

} // namespace relais
