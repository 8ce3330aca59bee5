#pragma once

#include <QLatin1StringView>
#include <QStringView>

namespace relais {

// The error codes of the gateway protocol (docs/protocol.md, §5.2): `code` of an error line,
// `reason` of a rejected ack. Stable: gateways act on them.
namespace GatewayErrors {
// decoding (GatewayCodec, LineFramer)
inline constexpr QLatin1StringView LineTooLong{"line_too_long"};
inline constexpr QLatin1StringView PartialLine{"partial_line"}; // bytes after the last LF at close
inline constexpr QLatin1StringView InvalidUtf8{"invalid_utf8"};
inline constexpr QLatin1StringView InvalidJson{"invalid_json"};
inline constexpr QLatin1StringView NotAnObject{"not_an_object"};
inline constexpr QLatin1StringView UnknownType{"unknown_type"};
inline constexpr QLatin1StringView MissingField{"missing_field"};
inline constexpr QLatin1StringView BadField{"bad_field"};
inline constexpr QLatin1StringView UnsupportedVersion{"unsupported_version"};
// session and server (transports, ingest)
inline constexpr QLatin1StringView RateLimited{"rate_limited"};
inline constexpr QLatin1StringView Unavailable{"unavailable"};
inline constexpr QLatin1StringView HelloRequired{"hello_required"};
inline constexpr QLatin1StringView HelloTimeout{"hello_timeout"};
inline constexpr QLatin1StringView BadToken{"bad_token"};
inline constexpr QLatin1StringView Replaced{"replaced"};
inline constexpr QLatin1StringView ShuttingDown{"shutting_down"};

// Whether Relais closes the connection after an error line with this code (§5.2).
bool closesConnection(QStringView code);
} // namespace GatewayErrors

} // namespace relais
