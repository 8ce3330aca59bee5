#pragma once

#include "actor.h"
#include "journalentry.h"
#include "missionkind.h"
#include "result.h"

#include <QDateTime>
#include <QList>

namespace relais {

class Alarm;
class DispatchState;

// The journal entries of the dispatcher's commands on an alarm, built from the state as it
// is: each list is submitted as one all-or-nothing submission, so the mission it creates and
// what is done with it are stored together or not at all (the later entries name the alarm,
// whose mission they act on). Pure: no clock, no I/O.
namespace DispatchActions {

// The mission kind an alarm calls for: maintenance for device faults, else a verification.
MissionKind missionKindFor(const Alarm &alarm);

// Sends the nearest available helper (HelperRanker: distance, then skills): acknowledges a
// new alarm, creates its mission and assigns it. Refused when the alarm is not open, has no
// position, already has a mission under way, or when no helper is available.
Result<QList<JournalEntry>> assignNearest(const DispatchState &state, qint64 alarmId, const Actor &by,
                                          const QDateTime &at);

// Offers the mission to the nearest `count` available helpers within `radiusM` metres
// (the first to accept wins): acknowledges a new alarm, creates its mission, one
// mission.offered per helper with their distance. Refused as assignNearest, and when nobody
// available is within the radius.
Result<QList<JournalEntry>> offerToNearby(const DispatchState &state, qint64 alarmId, int count, double radiusM,
                                          const Actor &by, const QDateTime &at);

} // namespace DispatchActions

} // namespace relais
