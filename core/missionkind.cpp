#include "missionkind.h"

#include <QCoreApplication>

namespace relais::MissionKinds {

QList<MissionKind> all()
{
    return {MissionKind::Verification, MissionKind::Maintenance, MissionKind::Other};
}

QString key(MissionKind kind)
{
    switch (kind) {
    case MissionKind::Verification:
        return QStringLiteral("verification");
    case MissionKind::Maintenance:
        return QStringLiteral("maintenance");
    case MissionKind::Other:
        break;
    }
    return QStringLiteral("other");
}

std::optional<MissionKind> fromKey(const QString &key)
{
    for (MissionKind k : all()) {
        if (MissionKinds::key(k) == key)
            return k;
    }
    return std::nullopt;
}

QString label(MissionKind kind)
{
    switch (kind) {
    case MissionKind::Verification:
        return QCoreApplication::translate("relais::MissionKind", "Verification");
    case MissionKind::Maintenance:
        return QCoreApplication::translate("relais::MissionKind", "Maintenance");
    case MissionKind::Other:
        break;
    }
    return QCoreApplication::translate("relais::MissionKind", "Other");
}

} // namespace relais::MissionKinds
