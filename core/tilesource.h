#pragma once

#include "tilekey.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace relais {

// A source of raster map tiles (XYZ over HTTP, MBTiles...): the port the map asks for tiles.
// Implementations live in adapters/tiles; the map (ui) decodes the bytes into images off the
// GUI thread. All calls and signals happen on the thread the source lives on (the GUI thread).
//
// Contract: every request() ends in exactly one tileLoaded() or tileFailed() for that key,
// unless it is cancelled first (then neither). Requesting a key already pending does nothing.
class TileSource : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TileSource)

public:
    enum class Failure {
        NotFound,    // the source has no such tile (outside its zooms or area): not an error
        Unreachable, // network down, host unknown, timeout, server error: fall back
        BadData,     // the source answered with something that is not a tile
    };
    Q_ENUM(Failure)

    using QObject::QObject;
    ~TileSource() override = default;

    // Short name for people ("OpenStreetMap", "Plan IGN v2", "Montreuil.mbtiles").
    virtual QString name() const = 0;
    // Attribution shown on the map at all times while this source is drawn (plain text).
    virtual QString attribution() const = 0;
    virtual int minZoom() const = 0;
    virtual int maxZoom() const = 0;
    // Pixels per tile side in the source's images (256, or 512 for @2x sources).
    virtual int tilePixels() const { return 256; }

    virtual void request(const relais::TileKey &key) = 0;
    // Forget a request whose tile left the view: an HTTP request in flight is aborted.
    virtual void cancel(const relais::TileKey &key) = 0;

signals:
    // data: the encoded image (PNG, JPEG or WebP) exactly as stored or served.
    void tileLoaded(const relais::TileKey &key, const QByteArray &data);
    void tileFailed(const relais::TileKey &key, relais::TileSource::Failure failure, const QString &reason);
};

} // namespace relais
