#pragma once

#include "ackstatus.h"
#include "downlinkoffer.h"
#include "gatewaylimits.h"
#include "inboundmessage.h"
#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>

namespace relais {

// The pure codec of the gateway protocol v1 (docs/protocol.md): one line in, one decoded
// message or one Error out; messages out as LF-terminated lines. No I/O, no clock, no state:
// safe to call from any thread.
class GatewayCodec final
{
    Q_DECLARE_TR_FUNCTIONS(relais::GatewayCodec)

public:
    GatewayCodec() = delete;

    // The protocol versions this codec speaks.
    static QList<int> supportedVersions();

    // Decodes one line (without its LF; a CR before it must have been removed, see LineFramer).
    // Refused: an Error whose code is one of GatewayErrors. When the line had a readable
    // string "id", it is written to *messageId even on failure, so that the refusal can be
    // answered with an ack; otherwise *messageId is cleared.
    static Result<InboundMessage> decode(QByteArrayView line, QString *messageId = nullptr);

    static QByteArray encodeHelloOk(int version, const QString &server, const GatewayLimits &limits = {});
    // reason: required with Rejected, optional with Duplicate, ignored with Stored.
    static QByteArray encodeAck(const QString &messageId, AckStatus status, const QString &reason = {});
    // close follows GatewayErrors::closesConnection(code).
    static QByteArray encodeError(const QString &code, const QString &message);
    static QByteArray encodeOffer(const DownlinkOffer &offer);
    static QByteArray encodeCancel(const QString &downlinkId, const QString &helperId, qint64 missionId,
                                   const QString &reason);

    static QString ackStatusKey(AckStatus status);
};

} // namespace relais
