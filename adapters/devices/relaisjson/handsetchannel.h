#pragma once

#include "helperchannel.h"

#include <QHash>
#include <QMetaObject>

namespace relais {

class GatewayHub;

// The helpers' handsets as a helper channel: offers and cancels become downlinks of the Relais
// gateway protocol (docs/protocol.md §4.4), carried by the gateway that last spoke for the
// helper (GatewayHub). The channel lives on the desk's thread and the hub on the gateways'
// own: notices cross over queued, reports come back the same way. A helper whose handset never
// spoke through a gateway is NotSent; a gateway's ack of a downlink is Delivered or Failed.
class HandsetChannel final : public HelperChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HandsetChannel)

public:
    explicit HandsetChannel(QObject *parent = nullptr);
    ~HandsetChannel() override;

    // The hub that carries the downlinks, on its own thread; nullptr while the gateways are
    // stopped (notices are then dropped, unreported). Set on the channel's thread, never while
    // the hub is being destroyed: the host clears it before stopping the gateways.
    void setHub(GatewayHub *hub);

    void deliver(const QList<relais::HelperNotice> &notices) override;

private:
    struct Outcome
    {
        HelperNotice notice;
        QString downlinkId; // empty: not sent
    };

    void sentOrNot(const QList<Outcome> &outcomes);
    void answered(const QString &downlinkId, bool delivered, const QString &reason);

    GatewayHub *m_hub = nullptr;
    QMetaObject::Connection m_answers;
    QHash<QString, HelperNotice> m_sent; // by downlink id, until the gateway acknowledges it
};

} // namespace relais
