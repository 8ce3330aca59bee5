#pragma once

#include "journalentry.h"

#include <QList>

namespace relais {

class DispatchState;

// Device supervision: a device that has not reported for 2.5 times its expected interval
// raises a "device silent" maintenance alarm (minor). The reducer ends that alarm as soon
// as the device reports again. Pure: the caller runs it on a timer with the clock's time.
class Supervisor final
{
public:
    static constexpr double kSilenceFactor = 2.5;

    // The device.alarm entries to submit now: one per silent device that has no open
    // "device silent" alarm yet. Devices never heard from are not judged here.
    static QList<JournalEntry> silentDevices(const DispatchState &state, const QDateTime &now);
};

} // namespace relais
