#pragma once

#include "result.h"

#include <QMetaType>
#include <QString>

namespace relais {

// What the journal did with one submitted entry (a port type: the store reports it through
// Store::itemsProcessed, the gateway ingest turns it into acks). Reported
// only after the batch holding the entry was committed (or failed).
struct WriteResult
{
    enum class Status {
        Stored,    // journaled with a new seq; its state changes are committed
        Duplicate, // (source, message id) was already journaled: nothing written, seq = the original's
        Rejected,  // a device message the reducer refused: journaled as device.rejected (raw kept)
        Refused,   // an operator/helper action the reducer refused: not journaled
        Failed,    // the batch could not be committed: nothing of it is stored, do not acknowledge
    };

    quint64 ticket = 0; // the caller's ticket, as given to submit()
    int index = 0;      // position of the entry in the submitted list
    Status status = Status::Failed;
    qint64 seq = 0; // Stored, Rejected: the entry's seq; Duplicate: the original's; else 0
    Error error;    // Rejected, Refused, Failed: why; Duplicate of a rejected message: the original reason

    // The sender may be acknowledged (positively or with a NAK carrying error): the
    // outcome is durable and a retransmission gets the same answer.
    bool isDurable() const
    {
        return status == Status::Stored || status == Status::Duplicate || status == Status::Rejected;
    }

    static QString statusKey(Status status)
    {
        switch (status) {
        case Status::Stored:
            return QStringLiteral("stored");
        case Status::Duplicate:
            return QStringLiteral("duplicate");
        case Status::Rejected:
            return QStringLiteral("rejected");
        case Status::Refused:
            return QStringLiteral("refused");
        case Status::Failed:
            break;
        }
        return QStringLiteral("failed");
    }
};

} // namespace relais

Q_DECLARE_METATYPE(relais::WriteResult)
