#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

namespace relais {

// The map source a desk asked for (option --map-source, setting map/source):
//   "osm"             OpenStreetMap's standard tiles (the default)
//   "ign"             IGN's Plan IGN v2
//   "xyz:<template>"  another XYZ tile server, e.g. xyz:https://tiles.example.org/{z}/{x}/{y}.png
//   "mbtiles:<path>"  an MBTiles file (offline raster tiles)
//   "vector"          the offline vector basemap the map draws itself (no tiles)
// The keywords and prefixes are case-insensitive; surrounding spaces are ignored.
class TileSourceSpec final
{
    Q_DECLARE_TR_FUNCTIONS(relais::TileSourceSpec)

public:
    enum class Kind { OpenStreetMap, PlanIgn, Xyz, Mbtiles, Vector };

    static constexpr const char *defaultSpec = "osm";

    static Result<TileSourceSpec> parse(const QString &text);
    // The default source: OpenStreetMap.
    TileSourceSpec() = default;

    Kind kind() const { return m_kind; }
    // The URL template of xyz:, the file path of mbtiles:, empty otherwise.
    QString argument() const { return m_argument; }
    // Whether the source is drawn from tiles (everything but "vector").
    bool usesTiles() const { return m_kind != Kind::Vector; }
    // The spec again, in its canonical form ("osm", "xyz:https://…").
    QString toString() const;
    // A folder name for this source's HTTP cache: "osm", "ign", or "xyz-<hash of the template>";
    // empty for the sources that are not fetched over HTTP.
    QString cacheName() const;

    friend bool operator==(const TileSourceSpec &, const TileSourceSpec &) = default;

private:
    TileSourceSpec(Kind kind, QString argument);

    Kind m_kind = Kind::OpenStreetMap;
    QString m_argument;
};

} // namespace relais
