#pragma once

#include "missionkind.h"
#include "money.h"

#include <QHash>

namespace relais {

// The fixed, published fee paid to a helper per mission kind.
class FeeSchedule final
{
public:
    // Verification 10.00 EUR, maintenance 5.00 EUR, other 10.00 EUR.
    static FeeSchedule defaults();

    Money feeFor(MissionKind kind) const;
    void setFee(MissionKind kind, const Money &fee);

    friend bool operator==(const FeeSchedule &, const FeeSchedule &) = default;

private:
    QHash<MissionKind, Money> m_fees;
};

} // namespace relais
