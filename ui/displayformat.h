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
QString age(qint64 seconds);
// The amount in the locale's number format with the currency's symbol where the locale
// knows it ("10,00 €" in French, "€10.00" in English), the ISO code otherwise. Display only.
QString money(const Money &amount, const QLocale &locale = QLocale());
// "48.85660°, 2.35220°": locale-free, so the comma never becomes ambiguous.
QString coordinate(const QGeoCoordinate &where);
// An expected interval in its largest whole unit: "6 h", "15 min", "90 s". Zero or less: empty.
QString interval(qint64 seconds);
// A moment in local time: "14:32" on now's day, "2 Mar 14:32" another day of the same year,
// "2 Mar 2025 14:32" otherwise (the locale's short formats). Invalid: empty.
QString moment(const QDateTime &when, const QDateTime &now, const QLocale &locale = QLocale());
// Who did something, for people: an operator's name, a helper's name (their id if unknown),
// "device d-12", or "Relais" for what the desk did by itself.
QString actor(const Actor &actor, const DispatchState &state);
} // namespace DisplayFormat

} // namespace relais
