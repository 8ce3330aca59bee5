#pragma once

#include "dispatchstate.h"

#include <QString>

namespace relais::test {

// Says where two states differ (entity kind and id, or the field of the state), for the
// message of a failed equality check. Empty when they are equal.
class StateDiff final
{
public:
    static QString describe(const DispatchState &actual, const DispatchState &expected);
};

} // namespace relais::test
