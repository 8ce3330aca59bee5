#include "systemclock.h"

namespace relais {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace relais
