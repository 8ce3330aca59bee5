#pragma once

#include "csvwriter.h"

#include <QLocale>
#include <QTimeZone>

namespace relais {

// How a report is written: CSV options, personal details, the time zone of its times.
struct ReportFormat
{
    QChar separator = QLatin1Char(',');
    bool byteOrderMark = false;
    // Personal details (docs/exports.md): helper names, device labels, addresses and exact
    // coordinates. Without it: helper ids and beneficiary references only, no label nor
    // address, coordinates rounded to 3 decimals (about 100 m).
    bool withNames = false;
    QTimeZone timeZone = QTimeZone::systemTimeZone();

    // ";" where spreadsheets use a decimal comma and so expect ";" (French), "," otherwise.
    static QChar defaultSeparator(const QLocale &locale);
    // The defaults for a language: its separator, a byte-order mark (spreadsheets), no names.
    static ReportFormat forLocale(const QLocale &locale);
    CsvWriter::Options csvOptions() const { return {separator, byteOrderMark}; }
};

} // namespace relais
