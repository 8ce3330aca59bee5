#include "actor.h"

namespace relais {

namespace {
QString kindKey(Actor::Kind kind)
{
    switch (kind) {
    case Actor::Kind::Operator:
        return QStringLiteral("operator");
    case Actor::Kind::Helper:
        return QStringLiteral("helper");
    case Actor::Kind::Device:
        return QStringLiteral("device");
    case Actor::Kind::System:
        break;
    }
    return QStringLiteral("system");
}
} // namespace

QString Actor::toString() const
{
    if (kind == Kind::System)
        return kindKey(kind);
    return kindKey(kind) + QLatin1Char(':') + id;
}

Actor Actor::fromString(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString key = colon < 0 ? text : text.left(colon);
    const QString rest = colon < 0 ? QString() : text.mid(colon + 1);
    for (Kind k : {Kind::Operator, Kind::Helper, Kind::Device}) {
        if (key == kindKey(k))
            return {k, rest};
    }
    return system();
}

} // namespace relais
