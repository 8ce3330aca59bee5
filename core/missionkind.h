#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace relais {

enum class MissionKind { Verification, Maintenance, Other };

namespace MissionKinds {
QList<MissionKind> all();
QString key(MissionKind kind); // "verification", "maintenance", "other"
std::optional<MissionKind> fromKey(const QString &key);
QString label(MissionKind kind);
} // namespace MissionKinds

} // namespace relais
