#pragma once

#include "alarmkind.h"
#include "journalentry.h"

#include <QDateTime>
#include <QList>

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
    // The defaults per severity (settable with the dispatching settings to come):
    //   critical 60 s / 5 min / 15 min, major 2 / 10 / 30 min, minor 10 / 30 / 60 min,
    //   warning 30 min / 2 h / 4 h.
    static Timers defaults(Severity severity);

    static QList<JournalEntry> due(const DispatchState &state, const QDateTime &now,
                                   Timers (*timersFor)(Severity) = &Escalation::defaults);
};

} // namespace relais
