#include "reportperiod.h"

namespace relais {

bool ReportPeriod::contains(const QDateTime &t) const
{
    if (!t.isValid())
        return false;
    return (!from.isValid() || t >= from) && (!to.isValid() || t < to);
}

bool ReportPeriod::overlaps(const QDateTime &start, const QDateTime &end) const
{
    if (!start.isValid())
        return false;
    return (!to.isValid() || start < to) && (!from.isValid() || !end.isValid() || end >= from);
}

ReportPeriod ReportPeriod::ofShift(const Shift &shift)
{
    return ReportPeriod{shift.startedAt, shift.endedAt};
}

} // namespace relais
