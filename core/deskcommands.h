#pragma once

#include "actor.h"
#include "feechange.h"
#include "journalentry.h"
#include "manualalarm.h"
#include "result.h"

#include <QDateTime>
#include <QList>

namespace relais {

struct Shift;

// The journal entries of the desk's own commands, from the forms' typed values: a manual
// alarm, the operator's shift, the fee schedule. Pure, as DispatchActions: no clock, no I/O;
// every entry from source "ui". The reducer judges them when they are submitted; these refuse
// only what cannot be an entry at all.
namespace DeskCommands {

// alarm.manual: kind, severity, lat and lon when a position is given, address, caller and
// note when not empty (trimmed).
Result<QList<JournalEntry>> createManualAlarm(const ManualAlarm &alarm, const Actor &by, const QDateTime &at);

// shift.started {operator}, by the operator named (trimmed). Refused without a name.
Result<QList<JournalEntry>> startShift(const QString &operatorName, const QDateTime &at);
// shift.ended {shift, handover}, by the shift's operator. Refused without a shift (id 0).
Result<QList<JournalEntry>> endShift(const Shift &shift, const QString &handover, const QDateTime &at);

// fees.set {kind, fee_cents, currency} per fee changed, in order; none when the list is empty.
Result<QList<JournalEntry>> setFees(const QList<FeeChange> &fees, const Actor &by, const QDateTime &at);

} // namespace DeskCommands

} // namespace relais
