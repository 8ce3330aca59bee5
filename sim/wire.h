#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace relais::sim {

// The lines a gateway sends (docs/protocol.md §3), as the simulator writes them. Events are
// built with relais::JsonLineWriter; these are the few lines it cannot build.
namespace Wire {

// An RFC 3339 UTC date-time with milliseconds: "2025-01-15T10:00:00.250Z".
QByteArray time(const QDateTime &at);
QByteArray timeNow();

// {"type":"hello","versions":[1],"gateway":...,"token":...,"agent":...}, LF-terminated.
QByteArray hello(const QList<int> &versions, const QString &gateway, const QString &token, const QString &agent);

// The acknowledgement of a downlink offer or cancel (§3.5); reason only when failed.
QByteArray downlinkAck(const QString &downlinkId, bool delivered, const QString &reason = {});

// A gateway id or a device/helper id the protocol accepts (§2): 1 to 64 characters, no
// control characters.
bool isValidId(const QString &id, qsizetype maxLength = 64);

// n in base 36, lower case.
QByteArray base36(quint64 n);

} // namespace Wire

} // namespace relais::sim
