#pragma once

#include "gatewaystatus.h"
#include "journalentry.h"
#include "writeresult.h"

#include <QList>
#include <QString>

#include <functional>

class QDateTime;
class QObject;

namespace relais {

// What a device source (a session of one protocol on one transport) sees of the shared ingest
// (docs/gateways.md, "Adding a device source"): it journals entries and hears, per entry, what
// the journal did; and it updates its own row of the Gateways dock. Nothing else: dedupe,
// batching, tickets, the counts and publishing the rows are the ingest's.
class IngestPort
{
public:
    // The journal's answer for one submitted entry (WriteResult::index: its position in the
    // list), given only once the batch holding it committed (or failed). Returns whether the
    // source answered its sender with it; false when it dropped the message meanwhile (its
    // session ended or started over): only answered messages are counted on the row.
    using Answer = std::function<bool(const WriteResult &result)>;
    // A change to a status row, with the ingest's clock's time (UTC).
    using RowChange = std::function<void(GatewayStatus &row, const QDateTime &now)>;

    virtual ~IngestPort() = default;

    // Journals entries for the row statusKey (empty: no row, nothing counted). Entries without a
    // time are stamped with the ingest's clock's time. answer is called once per entry, on the
    // ingest's thread, while receiver exists (null receiver or empty answer: nobody waits). Each
    // answered entry is counted on the row: stored, duplicate, or rejected (a rejected, refused
    // or failed write, and a stored device.rejected entry: input the source's codec refused); a
    // failed write also becomes the row's last problem.
    virtual void submit(const QString &statusKey, QList<JournalEntry> entries, const QObject *receiver,
                        Answer answer) = 0;

    // Changes the row statusKey (created the first time, with since = now), and publishes it.
    virtual void updateRow(const QString &statusKey, const RowChange &change) = 0;
};

} // namespace relais
