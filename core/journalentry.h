#pragma once

#include "actor.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QLatin1StringView>

namespace relais {

// One line of the append-only journal: the truth from which every state table is derived.
// Every device message (with its raw bytes) and every operator or helper action is one entry.
struct JournalEntry
{
    qint64 seq = 0;    // assigned by the store when committed; 0 before
    QDateTime time;    // when Relais recorded it, UTC
    QString source;    // "gateway:<id>", "ui", "system", "import", ...
    QString messageId; // the sender's message id, unique per source; empty if none
    QString kind;      // one of EntryKind below
    Actor actor;
    QJsonObject payload;
    QByteArray raw; // bytes as received from a device; empty for actions

    // An entry made by Relais itself or by someone at the console (no message id, no raw bytes).
    static JournalEntry make(const QDateTime &time, const QString &source, const QString &kind, const Actor &actor,
                             const QJsonObject &payload)
    {
        return JournalEntry{0, time, source, {}, kind, actor, payload, {}};
    }

    friend bool operator==(const JournalEntry &, const JournalEntry &) = default;
};

// The kinds of journal entries and the payload keys they carry (docs/architecture.md).
namespace EntryKind {
// devices (payload: device, kind, label, beneficiary, address, lat, lon, interval_s)
inline constexpr QLatin1StringView DeviceRegistered{"device.registered"};
inline constexpr QLatin1StringView DeviceUpdated{"device.updated"};
inline constexpr QLatin1StringView DeviceRemoved{"device.removed"}; // device
// device messages
inline constexpr QLatin1StringView DeviceAlarm{"device.alarm"};     // device, alarm, severity?, lat?, lon?, details?
inline constexpr QLatin1StringView DeviceRestore{"device.restore"}; // device, alarm
inline constexpr QLatin1StringView DeviceHeartbeat{"device.heartbeat"}; // device, battery?
inline constexpr QLatin1StringView DevicePosition{"device.position"};   // device, lat, lon
inline constexpr QLatin1StringView DeviceRejected{"device.rejected"};   // reason; raw kept, no state change
// alarms (payload: alarm = id)
inline constexpr QLatin1StringView AlarmManual{
    "alarm.manual"}; // alarm kind in "kind", severity, lat, lon, address, caller, note
inline constexpr QLatin1StringView AlarmAcknowledged{"alarm.acknowledged"};
inline constexpr QLatin1StringView AlarmEscalated{"alarm.escalated"}; // stage (1..3)
inline constexpr QLatin1StringView AlarmResolved{"alarm.resolved"};   // outcome
inline constexpr QLatin1StringView AlarmClosed{"alarm.closed"};
inline constexpr QLatin1StringView AlarmCancelled{"alarm.cancelled"}; // reason
inline constexpr QLatin1StringView AlarmNote{"alarm.note"};           // text
// missions (payload: mission = id, or alarm = the id of the alarm whose mission it is, for entries
// submitted with their mission.created)
inline constexpr QLatin1StringView MissionCreated{"mission.created"};   // alarm, kind, fee_cents, currency
inline constexpr QLatin1StringView MissionOffered{"mission.offered"};   // helper, distance_m
inline constexpr QLatin1StringView MissionAnswered{"mission.answered"}; // helper, answer (accepted|declined|timeout)
inline constexpr QLatin1StringView MissionAssigned{"mission.assigned"}; // helper
inline constexpr QLatin1StringView MissionUnassigned{"mission.unassigned"}; // reason
inline constexpr QLatin1StringView MissionEnRoute{"mission.en_route"};
inline constexpr QLatin1StringView MissionOnScene{"mission.on_scene"};
inline constexpr QLatin1StringView MissionCompleted{"mission.completed"}; // outcome, note?
inline constexpr QLatin1StringView MissionCancelled{"mission.cancelled"}; // reason
// helpers (payload: helper = id)
inline constexpr QLatin1StringView HelperRegistered{"helper.registered"}; // name, phone, skills[]
inline constexpr QLatin1StringView HelperUpdated{"helper.updated"};
inline constexpr QLatin1StringView HelperRemoved{"helper.removed"};
inline constexpr QLatin1StringView HelperOnDuty{"helper.on_duty"};
inline constexpr QLatin1StringView HelperOffDuty{"helper.off_duty"};
inline constexpr QLatin1StringView HelperPosition{"helper.position"}; // lat, lon
// organisation
inline constexpr QLatin1StringView FeeSet{"fees.set"};            // kind (mission kind), fee_cents, currency
inline constexpr QLatin1StringView ShiftStarted{"shift.started"}; // operator
inline constexpr QLatin1StringView ShiftEnded{"shift.ended"};     // shift, handover
// a running cost entered by the coordinator (from, to: "YYYY-MM-DD", both included; label, amount_cents,
// currency); checked, no state change: reports read them from the journal (core/runningcost.h)
inline constexpr QLatin1StringView CostsRecorded{"costs.recorded"};
// privacy (core/privacypurge.h, docs/privacy.md): before (ISO 8601 UTC), retention_days, alarms[] (ids
// whose personal details go), entries[] (seqs of earlier entries the store redacts in place)
inline constexpr QLatin1StringView PrivacyPurged{"privacy.purged"};
// gateways: a refused hello (gateway, peer, reason); recorded for audit, no state change
inline constexpr QLatin1StringView GatewayRefused{"gateway.refused"};
} // namespace EntryKind

} // namespace relais
