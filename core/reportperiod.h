#pragma once

#include "shift.h"

#include <QDateTime>

namespace relais {

// A span of time [from, to) that a report covers. An invalid bound leaves that side open
// (a shift still running).
struct ReportPeriod
{
    QDateTime from;
    QDateTime to;

    bool contains(const QDateTime &t) const;
    // Whether [start, end] meets the period; an invalid end means "still going on".
    bool overlaps(const QDateTime &start, const QDateTime &end) const;
    // A shift's period: its start to its end, open while it runs.
    static ReportPeriod ofShift(const Shift &shift);

    friend bool operator==(const ReportPeriod &, const ReportPeriod &) = default;
};

} // namespace relais
