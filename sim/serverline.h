#pragma once

#include "ackstatus.h"
#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <optional>

namespace relais::sim {

// One line from Relais to the gateway (docs/protocol.md §4), decoded. GatewayCodec decodes the
// other direction; this is the gateway's half.
struct ServerLine
{
    enum class Type { HelloOk, Ack, Error, Offer, Cancel, Other };

    Type type = Type::Other;
    QString typeName; // as sent (for Other)

    // HelloOk
    int version = 0;
    QString server;
    qint64 maxLine = 8192;
    int rate = 2000;
    int burst = 4000;

    // Ack: the event id (UTF-8 bytes, as the simulator sent it)
    QByteArray eventId;
    AckStatus status = AckStatus::Stored;
    QString reason; // ack: rejection reason; cancel: why it was withdrawn

    // Error
    QString code;
    QString message;
    bool close = false;

    // Offer and Cancel
    QString downlinkId;
    QString helper;
    qint64 mission = 0;
    QString alarm;
    std::optional<double> lat;
    std::optional<double> lon;
    QString address;
    std::optional<qint64> distanceM;
    qint64 feeCents = 0;
    QString currency;
    QDateTime expires;
};

namespace ServerLines {
// Decodes one line (without its LF). The acks written by GatewayCodec::encodeAck for the
// simulator's own ids take a fast path (no JSON parser); everything else is parsed in full.
// Fields this version does not know are ignored (§7); a message without the fields it needs
// is an error (code "bad_line").
Result<ServerLine> decode(QByteArrayView line);
} // namespace ServerLines

} // namespace relais::sim
