#pragma once

#include "missionkind.h"
#include "money.h"

namespace relais {

// A fee changed in the schedule (the settings' Fees page): DeskCommands turns it into fees.set.
struct FeeChange
{
    MissionKind kind;
    Money amount;

    friend bool operator==(const FeeChange &, const FeeChange &) = default;
};

} // namespace relais
