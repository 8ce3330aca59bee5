#pragma once

#include "money.h"

#include <QGeoCoordinate>
#include <QLocale>
#include <QString>

namespace relais {

// How durations, amounts and places are written for people (translated, locale-aware).
namespace DisplayFormat {
// "12 s", "3 min", "1 h 05", "2 d 4 h". Negative durations read as zero.
QString age(qint64 seconds);
// The amount in the locale's number format with the currency's symbol where the locale
// knows it ("10,00 €" in French, "€10.00" in English), the ISO code otherwise. Display only.
QString money(const Money &amount, const QLocale &locale = QLocale());
// "48.85660°, 2.35220°": locale-free, so the comma never becomes ambiguous.
QString coordinate(const QGeoCoordinate &where);
} // namespace DisplayFormat

} // namespace relais
