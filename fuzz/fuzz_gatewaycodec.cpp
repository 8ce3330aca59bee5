// libFuzzer target: GatewayCodec::decode, which reads every line a gateway sends (docs/protocol.md).
#include "fuzzcheck.h"
#include "gatewaycodec.h"
#include "gatewayerrors.h"
#include "jsonfieldreader.h"

#include <cstddef>
#include <cstdint>

using namespace relais;

namespace {

bool isDecodingError(const QString &code)
{
    for (const QLatin1StringView known :
         {GatewayErrors::LineTooLong, GatewayErrors::InvalidUtf8, GatewayErrors::InvalidJson,
          GatewayErrors::NotAnObject, GatewayErrors::UnknownType, GatewayErrors::MissingField, GatewayErrors::BadField,
          GatewayErrors::UnsupportedVersion}) {
        if (code == known)
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // The view reads the fuzzer's own buffer, sized exactly: a read past the line is reported.
    const QByteArrayView line(data, qsizetype(size));
    QString messageId;
    const Result<InboundMessage> decoded = GatewayCodec::decode(line, &messageId);

    RELAIS_FUZZ_CHECK(messageId.size() <= JsonFieldReader::MaxMessageIdLength);
    if (!decoded) {
        RELAIS_FUZZ_CHECK(isDecodingError(decoded.error().code));
        RELAIS_FUZZ_CHECK(!decoded.errorString().isEmpty());
    } else if (decoded->type == InboundMessage::Type::Event) {
        RELAIS_FUZZ_CHECK(!decoded->entry.kind.isEmpty());
        RELAIS_FUZZ_CHECK(decoded->entry.messageId == messageId && !messageId.isEmpty());
        RELAIS_FUZZ_CHECK(decoded->entry.raw == line);
        RELAIS_FUZZ_CHECK(decoded->deviceTime.isValid());
    } else if (decoded->type == InboundMessage::Type::Hello) {
        RELAIS_FUZZ_CHECK(GatewayCodec::supportedVersions().contains(decoded->version));
        RELAIS_FUZZ_CHECK(!decoded->gatewayId.isEmpty() && !decoded->token.isEmpty());
    } else {
        RELAIS_FUZZ_CHECK(decoded->messageId == messageId && !messageId.isEmpty());
    }

    // A refusal is answered with an ack naming the message id: the gateway must read back the
    // same id from it (JsonLineWriter's escaping, then this decoder, which refuses the ack's
    // "rejected" status but reads its id first).
    if (!messageId.isEmpty()) {
        QByteArray ack = GatewayCodec::encodeAck(messageId, AckStatus::Rejected, QStringLiteral("bad_field"));
        RELAIS_FUZZ_CHECK(ack.endsWith('\n'));
        ack.chop(1);
        QString echoed;
        (void)GatewayCodec::decode(ack, &echoed);
        RELAIS_FUZZ_CHECK(echoed == messageId);
    }
    return 0;
}
