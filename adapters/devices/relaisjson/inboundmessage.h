#pragma once

#include "journalentry.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace relais {

// One decoded line from a gateway (docs/protocol.md, §3).
struct InboundMessage
{
    enum class Type {
        Hello,       // opens the session: versions, gateway, token
        Event,       // a device or handset event: entry is ready to submit
        DownlinkAck, // the gateway's answer to an offer or a cancel
    };
    enum class DownlinkStatus { Delivered, Failed };

    Type type = Type::Event;
    // The event's id, or the id of the downlink message acknowledged. Empty for hello.
    QString messageId;

    // Hello
    QList<int> versions; // as sent
    int version = 0;     // the highest version both sides speak
    QString gatewayId;
    QString token;
    QString agent;

    // Event: kind, payload (exactly the reducer's keys), messageId, actor and raw bytes are set;
    // source and time are left for the ingest to fill (empty, invalid).
    JournalEntry entry;
    QDateTime deviceTime; // the sender's clock, in UTC

    // DownlinkAck
    DownlinkStatus downlinkStatus = DownlinkStatus::Delivered;
    QString reason; // why a downlink failed; may be empty
};

} // namespace relais
