#include "alarmkind.h"

#include <QCoreApplication>

#include <array>

namespace relais {

namespace {

struct KindRow
{
    AlarmKind kind;
    const char *key;
    const char *label;
    Severity severity;
    bool maintenance;
};

// clang-format off
constexpr std::array kKinds{
    KindRow{AlarmKind::Panic,        "panic",         QT_TRANSLATE_NOOP("relais::AlarmKind", "Personal emergency"), Severity::Critical, false},
    KindRow{AlarmKind::Fall,         "fall",          QT_TRANSLATE_NOOP("relais::AlarmKind", "Fall"),               Severity::Critical, false},
    KindRow{AlarmKind::Medical,      "medical",       QT_TRANSLATE_NOOP("relais::AlarmKind", "Medical"),            Severity::Critical, false},
    KindRow{AlarmKind::Smoke,        "smoke",         QT_TRANSLATE_NOOP("relais::AlarmKind", "Smoke / fire"),       Severity::Critical, false},
    KindRow{AlarmKind::Intrusion,    "intrusion",     QT_TRANSLATE_NOOP("relais::AlarmKind", "Intrusion"),          Severity::Major,    false},
    KindRow{AlarmKind::Door,         "door",          QT_TRANSLATE_NOOP("relais::AlarmKind", "Door / contact"),     Severity::Minor,    false},
    KindRow{AlarmKind::WaterLeak,    "water_leak",    QT_TRANSLATE_NOOP("relais::AlarmKind", "Water leak"),         Severity::Major,    false},
    KindRow{AlarmKind::Gas,          "gas",           QT_TRANSLATE_NOOP("relais::AlarmKind", "Gas / CO"),           Severity::Critical, false},
    KindRow{AlarmKind::Tamper,       "tamper",        QT_TRANSLATE_NOOP("relais::AlarmKind", "Tamper"),             Severity::Minor,    true},
    KindRow{AlarmKind::LowBattery,   "low_battery",   QT_TRANSLATE_NOOP("relais::AlarmKind", "Low battery"),        Severity::Warning,  true},
    KindRow{AlarmKind::DeviceSilent, "device_silent", QT_TRANSLATE_NOOP("relais::AlarmKind", "Device silent"),      Severity::Minor,    true},
    KindRow{AlarmKind::Other,        "other",         QT_TRANSLATE_NOOP("relais::AlarmKind", "Other"),              Severity::Major,    false},
};

struct SeverityRow { Severity severity; const char *key; const char *label; };
constexpr std::array kSeverities{
    SeverityRow{Severity::Critical, "critical", QT_TRANSLATE_NOOP("relais::Severity", "Critical")},
    SeverityRow{Severity::Major,    "major",    QT_TRANSLATE_NOOP("relais::Severity", "Major")},
    SeverityRow{Severity::Minor,    "minor",    QT_TRANSLATE_NOOP("relais::Severity", "Minor")},
    SeverityRow{Severity::Warning,  "warning",  QT_TRANSLATE_NOOP("relais::Severity", "Warning")},
};

struct OutcomeRow { Outcome outcome; const char *key; const char *label; };
constexpr std::array kOutcomes{
    OutcomeRow{Outcome::RealIncident,            "real_incident",      QT_TRANSLATE_NOOP("relais::Outcome", "Real incident")},
    OutcomeRow{Outcome::FalseAlarm,              "false_alarm",        QT_TRANSLATE_NOOP("relais::Outcome", "False alarm")},
    OutcomeRow{Outcome::EmergencyServicesCalled, "emergency_services", QT_TRANSLATE_NOOP("relais::Outcome", "Emergency services called")},
    OutcomeRow{Outcome::NoAccess,                "no_access",          QT_TRANSLATE_NOOP("relais::Outcome", "No access / no answer")},
    OutcomeRow{Outcome::Cancelled,               "cancelled",          QT_TRANSLATE_NOOP("relais::Outcome", "Cancelled")},
};
// clang-format on

template<typename Rows, typename Enum>
const auto &rowFor(const Rows &rows, Enum value, Enum (*get)(const typename Rows::value_type &))
{
    for (const auto &row : rows) {
        if (get(row) == value)
            return row;
    }
    return rows.back();
}

const KindRow &kindRow(AlarmKind kind)
{
    return rowFor(
        kKinds, kind, +[](const KindRow &r) { return r.kind; });
}
const SeverityRow &severityRow(Severity s)
{
    return rowFor(
        kSeverities, s, +[](const SeverityRow &r) { return r.severity; });
}
const OutcomeRow &outcomeRow(Outcome o)
{
    return rowFor(
        kOutcomes, o, +[](const OutcomeRow &r) { return r.outcome; });
}

} // namespace

namespace AlarmKinds {
QList<AlarmKind> all()
{
    QList<AlarmKind> out;
    for (const auto &row : kKinds)
        out.append(row.kind);
    return out;
}
QString key(AlarmKind kind)
{
    return QLatin1StringView(kindRow(kind).key);
}
std::optional<AlarmKind> fromKey(const QString &key)
{
    for (const auto &row : kKinds) {
        if (key == QLatin1StringView(row.key))
            return row.kind;
    }
    return std::nullopt;
}
QString label(AlarmKind kind)
{
    return QCoreApplication::translate("relais::AlarmKind", kindRow(kind).label);
}
Severity defaultSeverity(AlarmKind kind)
{
    return kindRow(kind).severity;
}
bool isMaintenance(AlarmKind kind)
{
    return kindRow(kind).maintenance;
}
} // namespace AlarmKinds

namespace Severities {
QList<Severity> all()
{
    QList<Severity> out;
    for (const auto &row : kSeverities)
        out.append(row.severity);
    return out;
}
QString key(Severity severity)
{
    return QLatin1StringView(severityRow(severity).key);
}
std::optional<Severity> fromKey(const QString &key)
{
    for (const auto &row : kSeverities) {
        if (key == QLatin1StringView(row.key))
            return row.severity;
    }
    return std::nullopt;
}
QString label(Severity severity)
{
    return QCoreApplication::translate("relais::Severity", severityRow(severity).label);
}
int rank(Severity severity)
{
    return static_cast<int>(severity);
}
} // namespace Severities

namespace Outcomes {
QList<Outcome> all()
{
    QList<Outcome> out;
    for (const auto &row : kOutcomes)
        out.append(row.outcome);
    return out;
}
QString key(Outcome outcome)
{
    return QLatin1StringView(outcomeRow(outcome).key);
}
std::optional<Outcome> fromKey(const QString &key)
{
    for (const auto &row : kOutcomes) {
        if (key == QLatin1StringView(row.key))
            return row.outcome;
    }
    return std::nullopt;
}
QString label(Outcome outcome)
{
    return QCoreApplication::translate("relais::Outcome", outcomeRow(outcome).label);
}
} // namespace Outcomes

} // namespace relais
