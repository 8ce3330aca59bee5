#pragma once

#include "tilekey.h"
#include "tilesource.h"

#include <QImage>
#include <QObject>

namespace relais {

// What the map widget draws tiles from: decoded images per tile, whatever the source (an
// online or MBTiles TileSource through RasterTileProvider, the offline vector basemap
// through VectorTileProvider). Images are made off the GUI thread; calls and signals happen
// on the GUI thread.
//
// Same contract as TileSource: every request() ends in exactly one tileReady() or
// tileFailed() for that key unless cancel() comes first (then neither); requesting a key
// already pending does nothing.
class TileProvider : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TileProvider)

public:
    using QObject::QObject;
    ~TileProvider() override = default;

    virtual QString name() const = 0;
    // Shown on the map at all times while this provider's tiles are drawn.
    virtual QString attribution() const = 0;
    virtual int minZoom() const = 0;
    virtual int maxZoom() const = 0;

    virtual void request(const relais::TileKey &key) = 0;
    virtual void cancel(const relais::TileKey &key) = 0;
    // Requests made and not yet answered nor cancelled.
    virtual int pendingCount() const = 0;

signals:
    // image: 256 logical pixels a side (its devicePixelRatio says how many real ones).
    void tileReady(const relais::TileKey &key, const QImage &image);
    void tileFailed(const relais::TileKey &key, relais::TileSource::Failure failure, const QString &reason);
};

} // namespace relais
