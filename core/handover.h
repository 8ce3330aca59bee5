#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace relais {

class Alarm;
class DispatchState;

// What an operator hands over at the end of a shift: what is still open, as plain text for
// the journal (shift.ended's "handover"), which the operator edits before ending the shift.
//
//   Open alarms: 3 (escalated: 1). Missions with offers pending: 1.
//
//   Escalated:
//   - Alarm 12 · Fall · 12 rue des Lilas · 25 min · New · not acknowledged in time
//
//   Acknowledged:
//   - Alarm 14 · Smoke · 3 place Bellecour · 3 min
//   ...
//   Missions with offers pending:
//   - Mission 5 · Verification · alarm 12 · offered to Bruno Petit, Zoé Bernard · 2 min
//
// The counts come first, then the escalated alarms (most severe, then oldest first), then the
// other open alarms by state in lifecycle order (oldest first), resolved alarms still to close
// last, then the missions whose offers wait for an answer. Each alarm gives its id, kind,
// place (its address, its device's, or its position), age and helper. "Nothing open." when
// nothing is. Translated (context relais::Handover); ages relative to now.
class Handover final
{
    Q_DECLARE_TR_FUNCTIONS(relais::Handover)

public:
    static QString summary(const DispatchState &state, const QDateTime &now);

    // "12 s", "3 min", "1 h 05", "2 d 4 h": how long something has waited. Negative reads as zero.
    static QString age(qint64 seconds);
    // Where an alarm is, for people: its address, its device's address, its position
    // ("45.76012, 4.83569"), or "place unknown".
    static QString place(const DispatchState &state, const Alarm &alarm);

private:
    static QString alarmLine(const DispatchState &state, const Alarm &alarm, const QDateTime &now, bool escalated);
};

} // namespace relais
