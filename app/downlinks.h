#pragma once

#include "downlinkoffer.h"
#include "journalentry.h"

#include <QList>

namespace relais {

class DispatchState;

// What the desk must tell helpers' handsets after a commit (docs/protocol.md §4.4): an offer
// for each mission.offered still pending, a cancel for each offer withdrawn because another
// helper took the mission or the dispatcher assigned it, and for the helpers of a cancelled
// mission. Read from the committed entries and the state after them. Pure.
struct DownlinkCancel
{
    QString helper;
    qint64 mission = 0;
    QString reason; // taken, mission_cancelled

    friend bool operator==(const DownlinkCancel &, const DownlinkCancel &) = default;
};

struct Downlinks
{
    QList<DownlinkOffer> offers; // id left empty: the ingest numbers them
    QList<DownlinkCancel> cancels;

    bool isEmpty() const { return offers.isEmpty() && cancels.isEmpty(); }
};

// offerTimeoutS: how long an offer stands (its "expires"), from the entry's time.
Downlinks downlinksFor(const QList<JournalEntry> &committed, const DispatchState &after, int offerTimeoutS);

} // namespace relais
