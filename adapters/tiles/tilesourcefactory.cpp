#include "tilesourcefactory.h"

#include "mbtilestilesource.h"
#include "xyztemplate.h"
#include "xyztilesource.h"

#include <QDir>

namespace relais {

Result<std::unique_ptr<TileSource>> TileSourceFactory::create(const TileSourceSpec &spec, const QString &cacheRoot,
                                                              const QString &contact)
{
    using Made = Result<std::unique_ptr<TileSource>>;
    const auto online = [&](const XyzTemplate &server) {
        const QString folder = QDir(cacheRoot).filePath(spec.cacheName());
        return Made(std::unique_ptr<TileSource>(std::make_unique<XyzTileSource>(server, folder, contact)));
    };
    switch (spec.kind()) {
    case TileSourceSpec::Kind::OpenStreetMap:
        return online(XyzTemplate::openStreetMap());
    case TileSourceSpec::Kind::PlanIgn:
        return online(XyzTemplate::planIgnV2());
    case TileSourceSpec::Kind::Xyz: {
        const Result<XyzTemplate> server = XyzTemplate::custom(spec.argument());
        if (!server)
            return server.error();
        return online(server.value());
    }
    case TileSourceSpec::Kind::Mbtiles: {
        Result<std::unique_ptr<MbtilesTileSource>> file = MbtilesTileSource::open(spec.argument());
        if (!file)
            return file.error();
        return Made(std::unique_ptr<TileSource>(std::move(file.value())));
    }
    case TileSourceSpec::Kind::Vector:
        break;
    }
    return Error{QStringLiteral("mapsource.vector"),
                 tr("The vector basemap is drawn by the map itself: it has no tile source.")};
}

} // namespace relais
