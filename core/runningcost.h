#pragma once

#include "actor.h"
#include "journalentry.h"
#include "money.h"
#include "result.h"

#include <QDate>
#include <QJsonObject>
#include <QTimeZone>

namespace relais {

// A running cost of the organisation entered by the coordinator (phone line, insurance,
// software hosting...) for a period of whole days, published in the transparency report
// next to what helpers were paid. Kept in the journal only, as "costs.recorded" entries
// (payload: from, to as "YYYY-MM-DD", both days included; label; amount_cents; currency):
// the reducer checks them and changes no state; reports read them from the journal
// (docs/exports.md). A correction is another entry, with a negative amount.
struct RunningCost
{
    QDate from;
    QDate to; // included
    QString label;
    Money amount;

    // The payload of a costs.recorded entry, checked: an Error says what is wrong (English).
    static Result<RunningCost> fromPayload(const QJsonObject &payload);
    QJsonObject toPayload() const;
    // A costs.recorded entry (seq 0, no message id) recorded at `at` by `by`.
    JournalEntry toEntry(const QDateTime &at, const Actor &by, const QString &source) const;

    // The part of the amount that falls in [periodFrom, periodTo), in proportion to time: the
    // cost's days run from midnight of `from` to midnight after `to` in `zone`. An invalid
    // periodFrom or periodTo leaves that side open. Rounded to the nearest cent.
    Money proratedTo(const QDateTime &periodFrom, const QDateTime &periodTo, const QTimeZone &zone) const;

    friend bool operator==(const RunningCost &, const RunningCost &) = default;
};

} // namespace relais
