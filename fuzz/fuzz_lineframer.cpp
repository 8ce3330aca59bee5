// libFuzzer target: LineFramer, which cuts the byte stream of every gateway connection into lines
// (docs/protocol.md §1). The first byte picks the maximum line length (small, so that the limit
// is hit often), the second how the rest is cut into chunks; the rest is the stream.
#include "fuzzcheck.h"
#include "lineframer.h"

#include <cstddef>
#include <cstdint>

using namespace relais;

namespace {

using Items = QList<Result<QByteArray>>;

bool sameItems(const Items &a, const Items &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).ok() != b.at(i).ok())
            return false;
        if (a.at(i).ok() ? a.at(i).value() != b.at(i).value() : a.at(i).error().code != b.at(i).error().code)
            return false;
    }
    return true;
}

bool isBlank(const QByteArray &line)
{
    for (const char c : line) {
        if (c != ' ' && c != '\t')
            return false;
    }
    return true;
}

// Feeds the stream in chunks of 1 to 16 bytes whose sizes follow the pattern byte, checking
// what the framer promises after every feed.
Items feedInChunks(LineFramer &framer, QByteArrayView stream, std::uint8_t pattern)
{
    Items out;
    qsizetype chunk = 0;
    while (!stream.isEmpty()) {
        const qsizetype n = std::min<qsizetype>(stream.size(), 1 + (pattern + chunk * 5) % 16);
        out += framer.feed(stream.first(n));
        RELAIS_FUZZ_CHECK(framer.bufferedBytes() <= framer.maxLineLength() + 1);
        stream = stream.sliced(n);
        ++chunk;
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    // 255: the default limit, as the gateways' sessions use it; otherwise 1 to 32 bytes.
    const qsizetype maxLine = data[0] == 0xff ? GatewayLimits::DefaultMaxLine : 1 + data[0] % 32;
    const std::uint8_t pattern = data[1];
    const QByteArrayView stream(data + 2, qsizetype(size - 2));

    LineFramer whole(maxLine);
    Items expected = whole.feed(stream);
    const Status wholeEnd = whole.finish();
    for (const Result<QByteArray> &item : std::as_const(expected)) {
        if (item.ok()) {
            RELAIS_FUZZ_CHECK(!item.value().contains('\n'));
            RELAIS_FUZZ_CHECK(item.value().size() <= maxLine);
            RELAIS_FUZZ_CHECK(!isBlank(item.value()));
        }
    }
    RELAIS_FUZZ_CHECK(whole.bufferedBytes() == 0);

    // However the stream is cut, the same lines and errors come out, and the same end.
    LineFramer chunked(maxLine);
    RELAIS_FUZZ_CHECK(sameItems(feedInChunks(chunked, stream, pattern), expected));
    const Status chunkedEnd = chunked.finish();
    RELAIS_FUZZ_CHECK(chunkedEnd.ok() == wholeEnd.ok());
    RELAIS_FUZZ_CHECK(chunked.bufferedBytes() == 0);

    // After finish() the framer starts a new stream as a new framer would.
    RELAIS_FUZZ_CHECK(sameItems(feedInChunks(chunked, stream, std::uint8_t(pattern + 1)), expected));
    RELAIS_FUZZ_CHECK(chunked.finish().ok() == wholeEnd.ok());
    return 0;
}
