#pragma once

#include <QDateTime>

namespace relais {

// The time source port: production uses SystemClock, tests a ManualClock they move by hand.
class Clock
{
public:
    virtual ~Clock() = default;
    // Always UTC, millisecond precision.
    virtual QDateTime now() const = 0;
};

} // namespace relais
