#include "feeschedule.h"

namespace relais {

FeeSchedule FeeSchedule::defaults()
{
    FeeSchedule s;
    s.setFee(MissionKind::Verification, Money::euros(1000));
    s.setFee(MissionKind::Maintenance, Money::euros(500));
    s.setFee(MissionKind::Other, Money::euros(1000));
    return s;
}

Money FeeSchedule::feeFor(MissionKind kind) const
{
    return m_fees.value(kind, Money::euros(0));
}

void FeeSchedule::setFee(MissionKind kind, const Money &fee)
{
    m_fees.insert(kind, fee);
}

} // namespace relais
