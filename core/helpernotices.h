#pragma once

#include "helpernotice.h"
#include "journalentry.h"

#include <QList>

namespace relais {

class DispatchState;

// What the desk must tell helpers after a commit, whatever the channel: an offer for each
// mission.offered still pending, a cancel for each offer withdrawn because another helper took
// the mission or the dispatcher assigned it, for a helper taken off a mission, and for the
// helpers of a cancelled mission. Read from the committed entries and the state after them.
// Pure, as Supervisor and OfferFollowUp.
class HelperNotices final
{
public:
    // The offers first, then the cancels, each in the order of the entries. offerTimeoutS: how
    // long an offer stands (its "expires"), from the entry's time.
    static QList<HelperNotice> afterCommit(const QList<JournalEntry> &committed, const DispatchState &after,
                                           int offerTimeoutS);
};

} // namespace relais
