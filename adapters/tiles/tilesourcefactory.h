#pragma once

#include "result.h"
#include "tilesource.h"
#include "tilesourcespec.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace relais {

// Builds the TileSource a spec names: XyzTileSource for osm, ign and xyz:, MbtilesTileSource
// for mbtiles:. "vector" has no tile source (the map draws it): asking for it is an error.
class TileSourceFactory final
{
    Q_DECLARE_TR_FUNCTIONS(relais::TileSourceFactory)

public:
    // cacheRoot: the folder that holds one HTTP cache folder per online source, named by
    // TileSourceSpec::cacheName(). contact: the desk's contact for the User-Agent (may be empty).
    static Result<std::unique_ptr<TileSource>> create(const TileSourceSpec &spec, const QString &cacheRoot,
                                                      const QString &contact);
};

} // namespace relais
