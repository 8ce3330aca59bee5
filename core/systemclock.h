#pragma once

#include "clock.h"

namespace relais {

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

} // namespace relais
