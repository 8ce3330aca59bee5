#pragma once

#include "mapviewport.h"
#include "tilekey.h"
#include "tilesource.h"

#include <QCache>
#include <QFont>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QTimer>

#include <memory>

class QPainter;

namespace relais {

class BasemapData;
class RasterTileProvider;
class TileProvider;
class VectorTileProvider;

// The map's background, drawn for a viewport: tiles of the active TileProvider painted from a
// QCache bounded by cost, a missing tile showing its scaled parent (or grandparent) meanwhile.
// The basemap is the online TileSource when one is set, else the offline vector basemap; when
// the online source is unreachable the layer falls back to the vector basemap, says so through
// noticeChanged() and tries the online source again later (one tile of the view as a probe).
// It also draws what the map always says about its background: the attribution, and in the
// middle, when there is nothing to draw, how to set a basemap.
//
// updateTiles() asks the active provider for the tiles a viewport needs and cancels those that
// left it; the layer keeps that viewport for what happens later (a tile that arrives repaints
// only its own square of it: changed(rect)).
class BasemapLayer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BasemapLayer)

public:
    explicit BasemapLayer(QObject *parent = nullptr);
    ~BasemapLayer() override;

    // The online (or MBTiles) source, not owned; nullptr: the vector basemap only.
    void setOnlineTileSource(TileSource *source);
    TileSource *onlineTileSource() const;
    // The offline vector basemap.
    void setBasemap(const BasemapData &data);
    bool hasVectorBasemap() const;
    // The vector basemap's extent in world pixels of zoom 0 (empty without one).
    QRectF basemapBounds0() const { return m_basemapBounds0; }
    bool isFallingBack() const { return m_fallingBack; }
    void setOnlineRetryInterval(int ms);
    TileProvider *activeProvider() const { return m_active; }
    QString attribution() const;
    QString missingBasemapText() const;
    void setTileCacheLimit(int kib);
    // The font of the attribution and of the missing-basemap text.
    void setFont(const QFont &font) { m_font = font; }

    // The viewport that tile arrivals, probes and provider changes refer to, without asking
    // for tiles; updateTiles() sets it too.
    void setViewport(const MapViewport &view) { m_view = view; }
    // Asks for the tiles the viewport needs, cancels those it no longer needs.
    void updateTiles(const MapViewport &view);
    // Follows the viewport's device pixel ratio: the vector tiles are drawn again at a new one
    // (another screen).
    void updateDevicePixelRatio(const MapViewport &view);
    int tileZoom(const MapViewport &view) const;
    QList<TileKey> visibleTiles(const MapViewport &view) const;
    QSet<TileKey> requestedTiles() const { return m_requested; }

    // The tiles, over land colour, in the dirty rectangle (screen pixels).
    void draw(QPainter &p, const MapViewport &view, const QRect &dirty) const;
    // What goes over everything: the attribution, the missing-basemap text.
    void drawOverlay(QPainter &p, const MapViewport &view) const;

signals:
    // A part of the viewport (screen pixels) to draw again; a null rectangle: all of it.
    void changed(const QRect &dirty);
    // A short sentence about the basemap for the status bar; empty when all is well again.
    void noticeChanged(const QString &notice);

private:
    struct CacheKey
    {
        quint32 serial;
        TileKey tile;
        friend bool operator==(const CacheKey &, const CacheKey &) = default;
        friend size_t qHash(const CacheKey &k, size_t seed = 0) noexcept { return qHashMulti(seed, k.serial, k.tile); }
    };

    void connectProvider(TileProvider *provider);
    void setActiveProvider(TileProvider *provider);
    quint32 serialOf(const TileProvider *provider) const;
    void cancelAllRequests();
    void onTileReady(TileProvider *provider, const TileKey &key, const QImage &image);
    void onTileFailed(TileProvider *provider, const TileKey &key, TileSource::Failure failure);
    void enterFallback();
    void leaveFallback();
    void probeOnline();
    const QPixmap *cachedTile(const TileKey &key) const;
    void drawAttribution(QPainter &p, const MapViewport &view) const;
    void drawMissingBasemap(QPainter &p, const MapViewport &view) const;

    MapViewport m_view;
    QFont m_font;
    std::unique_ptr<RasterTileProvider> m_online;
    std::unique_ptr<VectorTileProvider> m_vector;
    TileProvider *m_active = nullptr;
    quint32 m_onlineSerial = 0;
    quint32 m_vectorSerial = 0;
    quint32 m_nextSerial = 1;
    QCache<CacheKey, QPixmap> m_tiles;
    QSet<TileKey> m_requested; // of the active provider
    QSet<TileKey> m_missing;   // the active provider has none (NotFound, BadData)
    bool m_fallingBack = false;
    TileKey m_probe{-1, 0, 0};
    QTimer m_retry;
    QRectF m_basemapBounds0;
};

} // namespace relais
