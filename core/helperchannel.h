#pragma once

#include "helpernotice.h"

#include <QList>
#include <QObject>

namespace relais {

// The port through which the desk tells helpers things (DESIGN.md, "Two families of adapters"):
// offers, cancels, later confirmations and reminders. The handsets' downlinks over the gateway
// protocol are the first implementation (HandsetChannel); an SMS channel would be the second.
// What a helper answers does not come back here: it is a device-source message of its own
// (a handset line, an SMS) and goes through the journal and the reducer like any other.
//
// deliver() is called on the thread the channel lives on and never blocks: a channel that does
// I/O elsewhere hands the notices over and reports later, one report per notice and stage.
class HelperChannel : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelperChannel)

public:
    enum class Report {
        NotSent,   // the channel cannot reach this helper now; reason says why, for people
        Sent,      // handed to the channel's medium (it may still be waiting for a link)
        Delivered, // the far end confirms the helper has it
        Failed,    // the far end says it could not be delivered; reason as it gave it
    };
    Q_ENUM(Report)

    using QObject::QObject;
    ~HelperChannel() override = default;

    // Sends each notice to its helper, in order.
    virtual void deliver(const QList<relais::HelperNotice> &notices) = 0;

signals:
    void reported(const relais::HelperNotice &notice, relais::HelperChannel::Report report, const QString &reason);
};

} // namespace relais
