#include "handsetchannel.h"

#include "downlinkoffer.h"
#include "gatewayhub.h"

namespace relais {

namespace {

// The handset protocol's offer: what the helper needs to go there, numbered by the hub.
DownlinkOffer offerOf(const HelperNotice &n)
{
    DownlinkOffer d;
    d.helper = n.helper;
    d.mission = n.mission;
    d.alarm = n.alarm;
    d.position = n.position;
    d.address = n.address;
    d.distanceM = n.distanceM;
    d.fee = n.fee;
    d.expires = n.expires;
    return d;
}

} // namespace

HandsetChannel::HandsetChannel(QObject *parent) : HelperChannel(parent)
{}

HandsetChannel::~HandsetChannel() = default;

void HandsetChannel::setHub(GatewayHub *hub)
{
    if (m_answers)
        disconnect(m_answers);
    m_hub = hub;
    if (m_hub) // queued: the hub's thread is not ours
        m_answers = connect(m_hub, &GatewayHub::downlinkAnswered, this, &HandsetChannel::answered);
}

void HandsetChannel::deliver(const QList<HelperNotice> &notices)
{
    if (!m_hub || notices.isEmpty())
        return;
    GatewayHub *hub = m_hub;
    QMetaObject::invokeMethod(hub, [this, hub, notices] {
        // On the hub's thread. The channel outlives the hub's thread (the host stops it first).
        QList<Outcome> outcomes;
        outcomes.reserve(notices.size());
        for (const HelperNotice &n : notices) {
            QString id;
            switch (n.kind) {
            case HelperNotice::Kind::Offer:
                hub->sendOffer(offerOf(n), &id);
                break;
            case HelperNotice::Kind::Cancel:
                hub->sendCancel(n.helper, n.mission, n.reason, &id);
                break;
            case HelperNotice::Kind::Confirmation:
            case HelperNotice::Kind::Reminder:
                break; // protocol v1 has no such downlink: not sent
            }
            outcomes.append({n, id});
        }
        QMetaObject::invokeMethod(this, [this, outcomes] { sentOrNot(outcomes); });
    });
}

void HandsetChannel::sentOrNot(const QList<Outcome> &outcomes)
{
    for (const Outcome &o : outcomes) {
        if (!o.downlinkId.isEmpty()) {
            m_sent.insert(o.downlinkId, o.notice);
            emit reported(o.notice, Report::Sent, {});
            continue;
        }
        const HelperNotice &n = o.notice;
        QString why;
        switch (n.kind) {
        case HelperNotice::Kind::Offer:
            why = tr("Mission %1 could not be offered to helper %2: their handset has not spoken through any gateway "
                     "yet.")
                      .arg(n.mission)
                      .arg(n.helper);
            break;
        case HelperNotice::Kind::Cancel:
            why = tr("Helper %1 could not be told that mission %2 is withdrawn: their handset has not spoken through "
                     "any gateway yet.")
                      .arg(n.helper)
                      .arg(n.mission);
            break;
        case HelperNotice::Kind::Confirmation:
        case HelperNotice::Kind::Reminder:
            why = tr("Helper %1's handset cannot be sent this notice about mission %2.").arg(n.helper).arg(n.mission);
            break;
        }
        emit reported(n, Report::NotSent, why);
    }
}

void HandsetChannel::answered(const QString &downlinkId, bool delivered, const QString &reason)
{
    const auto it = m_sent.constFind(downlinkId);
    if (it == m_sent.constEnd())
        return;
    const HelperNotice notice = *it;
    m_sent.erase(it);
    emit reported(notice, delivered ? Report::Delivered : Report::Failed, reason);
}

} // namespace relais
