#pragma once

#include "actor.h"
#include "alarmkind.h"
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

// Acknowledges the alarm: alarm.acknowledged. Not checked here: the reducer refuses an alarm
// that is not new (or unknown) with its reason, which the dispatcher is shown.
Result<QList<JournalEntry>> acknowledge(qint64 alarmId, const Actor &by, const QDateTime &at);

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

// Sends this helper (chosen by the dispatcher from the ranked list): acknowledges a new
// alarm and creates its mission when needed; pending offers are withdrawn; a helper already
// assigned is taken off first (a reassignment, counted as a re-dispatch). Refused when the
// alarm is not open, is already on scene, or the helper is the one assigned.
Result<QList<JournalEntry>> assignTo(const DispatchState &state, qint64 alarmId, const QString &helperId,
                                     const Actor &by, const QDateTime &at);

// Withdraws the offers of the alarm's mission (the helpers are told): the alarm goes back
// to the dispatcher, acknowledged. Refused when no offer is pending.
Result<QList<JournalEntry>> cancelOffers(const DispatchState &state, qint64 alarmId, const Actor &by,
                                         const QDateTime &at);

// Progress recorded on the helper's behalf (a phone call): en route, or on scene.
enum class Progress { EnRoute, OnScene };
Result<QList<JournalEntry>> recordProgress(const DispatchState &state, qint64 alarmId, Progress progress,
                                           const Actor &by, const QDateTime &at);

// The outcome: completes the mission under way (its fee is then paid), or resolves an
// alarm that no one was sent to (handled on the phone). An optional note goes with it.
Result<QList<JournalEntry>> recordOutcome(const DispatchState &state, qint64 alarmId, Outcome outcome,
                                          const QString &note, const Actor &by, const QDateTime &at);

// Closes a resolved alarm.
Result<QList<JournalEntry>> close(const DispatchState &state, qint64 alarmId, const Actor &by, const QDateTime &at);

// Cancels an open alarm (and its mission) with the dispatcher's reason.
Result<QList<JournalEntry>> cancelAlarm(const DispatchState &state, qint64 alarmId, const QString &reason,
                                        const Actor &by, const QDateTime &at);

// A note on the alarm (its timeline keeps it with the time and the operator).
Result<QList<JournalEntry>> addNote(const DispatchState &state, qint64 alarmId, const QString &text, const Actor &by,
                                    const QDateTime &at);

} // namespace DispatchActions

} // namespace relais
