#pragma once

#include "alarmkind.h"
#include "journalentry.h"

#include <QDateTime>
#include <QList>

#include <functional>
#include <optional>

namespace relais {

class DispatchState;

// The escalation timers: an alarm not acknowledged within T1 of arriving reaches stage 1 (the
// sound repeats, the row and marker flash), not accepted by a helper within T2 stage 2 (call
// the beneficiary's contacts or the emergency services), nobody on scene within T3 stage 3.
// Pure, as Supervisor: the caller runs it on a timer and submits what it returns (alarm.escalated,
// by the system, each recorded in the alarm's timeline). Maintenance alarms (device faults)
// never escalate; a stage is recorded once, in order, and only while its condition holds.
class Escalation final
{
public:
    struct Timers
    {
        int notAcknowledgedS = 0; // T1
        int notAcceptedS = 0;     // T2
        int notOnSceneS = 0;      // T3
    };
    // The defaults per severity (settable: escalation/<severity> in the settings, docs/dispatching.md):
    //   critical 60 s / 5 min / 15 min, major 2 / 10 / 30 min, minor 10 / 30 / 60 min,
    //   warning 30 min / 2 h / 4 h.
    static Timers defaults(Severity severity);

    // Sensible timers: 0 < T1 <= T2 <= T3.
    static bool isValid(const Timers &timers);
    // "60,300,900" (seconds): the timers, or nothing when the text is not three valid numbers.
    static std::optional<Timers> parse(const QString &text);

    using TimersFor = std::function<Timers(Severity)>;
    static QList<JournalEntry> due(const DispatchState &state, const QDateTime &now,
                                   const TimersFor &timersFor = &Escalation::defaults);
};

} // namespace relais
