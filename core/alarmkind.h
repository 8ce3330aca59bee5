#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace relais {

enum class Severity { Critical, Major, Minor, Warning };

enum class AlarmKind {
    Panic, // personal emergency / panic button
    Fall,  // fall detector
    Medical,
    Smoke, // smoke / fire
    Intrusion,
    Door, // door / contact
    WaterLeak,
    Gas, // gas / CO
    Tamper,
    LowBattery,
    DeviceSilent, // device offline: supervision
    Other,
};

enum class Outcome { RealIncident, FalseAlarm, EmergencyServicesCalled, NoAccess, Cancelled };

// Stable keys used in the journal, the protocol and CSV ("panic", "water_leak", ...),
// and translated labels for people.
namespace AlarmKinds {
QList<AlarmKind> all();
QString key(AlarmKind kind);
std::optional<AlarmKind> fromKey(const QString &key);
QString label(AlarmKind kind);
Severity defaultSeverity(AlarmKind kind);
// Faults of the device itself (battery, silence, tamper): maintenance, not emergency.
bool isMaintenance(AlarmKind kind);
} // namespace AlarmKinds

namespace Severities {
QList<Severity> all();
QString key(Severity severity);
std::optional<Severity> fromKey(const QString &key);
QString label(Severity severity);
// Lower is more urgent: sorts critical first.
int rank(Severity severity);
} // namespace Severities

namespace Outcomes {
QList<Outcome> all();
QString key(Outcome outcome);
std::optional<Outcome> fromKey(const QString &key);
QString label(Outcome outcome);
} // namespace Outcomes

} // namespace relais
