#include "tilesourcespec.h"

#include "xyztemplate.h"

#include <QCryptographicHash>

#include <utility>

namespace relais {

namespace {

const QString xyzPrefix = QStringLiteral("xyz:");
const QString mbtilesPrefix = QStringLiteral("mbtiles:");

} // namespace

TileSourceSpec::TileSourceSpec(Kind kind, QString argument) : m_kind(kind), m_argument(std::move(argument))
{}

Result<TileSourceSpec> TileSourceSpec::parse(const QString &text)
{
    const QString spec = text.trimmed();
    if (spec.compare(QLatin1String("osm"), Qt::CaseInsensitive) == 0)
        return TileSourceSpec(Kind::OpenStreetMap, {});
    if (spec.compare(QLatin1String("ign"), Qt::CaseInsensitive) == 0)
        return TileSourceSpec(Kind::PlanIgn, {});
    if (spec.compare(QLatin1String("vector"), Qt::CaseInsensitive) == 0)
        return TileSourceSpec(Kind::Vector, {});
    if (spec.startsWith(xyzPrefix, Qt::CaseInsensitive)) {
        const Result<XyzTemplate> server = XyzTemplate::custom(spec.mid(xyzPrefix.size()));
        if (!server)
            return server.error();
        return TileSourceSpec(Kind::Xyz, server->urlTemplate());
    }
    if (spec.startsWith(mbtilesPrefix, Qt::CaseInsensitive)) {
        const QString path = spec.mid(mbtilesPrefix.size()).trimmed();
        if (path.isEmpty()) {
            return Error{QStringLiteral("mapsource.mbtiles"),
                         tr("“mbtiles:” needs the path of an MBTiles file, e.g. mbtiles:/srv/maps/town.mbtiles.")};
        }
        return TileSourceSpec(Kind::Mbtiles, path);
    }
    return Error{QStringLiteral("mapsource.unknown"),
                 tr("Unknown map source “%1”: use osm, ign, vector, xyz:<URL template with {z} {x} {y}> or "
                    "mbtiles:<file>.")
                     .arg(spec)};
}

QString TileSourceSpec::toString() const
{
    switch (m_kind) {
    case Kind::OpenStreetMap:
        return QStringLiteral("osm");
    case Kind::PlanIgn:
        return QStringLiteral("ign");
    case Kind::Vector:
        return QStringLiteral("vector");
    case Kind::Xyz:
        return xyzPrefix + m_argument;
    case Kind::Mbtiles:
        return mbtilesPrefix + m_argument;
    }
    return {};
}

QString TileSourceSpec::cacheName() const
{
    switch (m_kind) {
    case Kind::OpenStreetMap:
        return QStringLiteral("osm");
    case Kind::PlanIgn:
        return QStringLiteral("ign");
    case Kind::Xyz:
        // One folder per template, named so that it is safe on every file system.
        return QStringLiteral("xyz-")
               + QString::fromLatin1(
                   QCryptographicHash::hash(m_argument.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
    case Kind::Mbtiles:
    case Kind::Vector:
        break;
    }
    return {};
}

} // namespace relais
