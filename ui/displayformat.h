#pragma once

#include "money.h"

#include <QDateTime>
#include <QGeoCoordinate>
#include <QLocale>
#include <QString>

namespace relais {

struct Actor;
class DispatchState;

// How durations, amounts and places are written for people (translated, locale-aware).
namespace DisplayFormat {
// "12 s", "3 min", "1 h 05", "2 d 4 h". Negative durations read as zero.
QString age(qint64 seconds, const QLocale &locale = QLocale());
// The amount in the locale's number format with the currency's symbol where the locale
// knows it ("10,00 €" in French, "€10.00" in English), the ISO code otherwise; a negative
// amount with a minus sign ("-3,05 €", "-€3.05"), never in accounting brackets. Display only:
// the journal and CSV use Money::toString and Reports::formatAmount.
QString money(const Money &amount, const QLocale &locale = QLocale());
// The amount as an input field shows it, for the operator to type back: the locale's decimal
// separator, two decimals, no group separator nor currency ("1250,50" in French, "1250.50"
// in English). Money::parse reads it back exactly.
QString amountField(const Money &amount, const QLocale &locale = QLocale());
// "48.85660°, 2.35220°": locale-free, so the comma never becomes ambiguous.
QString coordinate(const QGeoCoordinate &where);
// An expected interval in its largest whole unit: "6 h", "15 min", "90 s". Zero or less: empty.
QString interval(qint64 seconds, const QLocale &locale = QLocale());
// A measured distance: to 10 m under a kilometre ("850 m"), in kilometres to 100 m above
// ("1,2 km" in French, "1.2 km" in English; "1 234,5 km"). Negative reads as zero.
QString distance(double metres, const QLocale &locale = QLocale());
// A round length as it is, in metres under a kilometre, in kilometres above: the map's scale
// bar ("5 m", "500 m", "2 km", "2 000 km").
QString length(double metres, const QLocale &locale = QLocale());
// A percentage: "85%" in English, "85 %" in French (the translation's pattern).
QString percent(int value, const QLocale &locale = QLocale());
// A moment in local time: "14:32" on now's day, "2 Mar 14:32" another day of the same year,
// "2 Mar 2025 14:32" otherwise (the locale's short formats). Invalid: empty.
QString moment(const QDateTime &when, const QDateTime &now, const QLocale &locale = QLocale());
// Who did something, for people: an operator's name, a helper's name (their id if unknown),
// "device d-12", or "Relais" for what the desk did by itself.
QString actor(const Actor &actor, const DispatchState &state);
} // namespace DisplayFormat

} // namespace relais
