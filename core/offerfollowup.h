#pragma once

#include "journalentry.h"
#include "offersettings.h"

#include <QDateTime>
#include <QList>

namespace relais {

class DispatchState;

// Keeps offers moving without the dispatcher (issue: "each offer timing out after T; a decline
// or a timeout moves on to the next nearest automatically"). Pure, as Supervisor: the caller
// runs it on a timer with the clock's time and submits what it returns, each entry on its own.
//
// For every mission out for offers (and every mission whose offers all ran out, while its alarm
// waits with "offers_exhausted"):
//  - each pending offer older than timeoutS is answered "timeout" (by the system);
//  - the pending offers are topped up to `count` with the nearest available helpers within
//    radiusM who have not been offered this mission yet (HelperRanker's order).
// When nobody is left, nothing is sent: the reducer has already put the alarm back to
// "acknowledged" with the reason offers_exhausted, which the dispatcher sees at once.
class OfferFollowUp final
{
public:
    // Offers out at once per mission, how far helpers may be, how long an offer stands.
    using Settings = OfferSettings;

    static QList<JournalEntry> due(const DispatchState &state, const Settings &settings, const QDateTime &now);
};

} // namespace relais
