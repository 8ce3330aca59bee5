#pragma once

#include "tilekey.h"
#include "tilesource.h"

#include <QCache>
#include <QGeoCoordinate>
#include <QPixmap>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QMenu;

namespace relais {

class BasemapData;
class LiveState;
class MapMarkers;
class SpatialGrid;
class MarkerPainter;
class RasterTileProvider;
class TileProvider;
class VectorTileProvider;

// The live map: a slippy map drawn by Relais itself (Qt Location is not available). A
// centre and a fractional zoom; tiles from the active TileProvider are painted from a QCache
// bounded by cost, a missing tile shows its scaled parent (or grandparent) meanwhile, a tile
// that arrives repaints only its own square, and requests for tiles that left the view are
// cancelled. The basemap is the online TileSource when one is set, else the offline vector
// basemap; when the online source is unreachable the map falls back to the vector basemap,
// says so through basemapNoticeChanged() and tries the online source again later.
// Attribution and a scale bar are always drawn; HiDPI screens get tiles at their resolution.
//
// Over the basemap, the live layers of a LiveState (MapMarkers): devices (faint, at close
// zoom or when asked), open missions (a line helper → alarm with distance and ETA, the
// broadcast radius while offers are out), helpers on duty, open alarms on top. Markers are
// clustered at low zoom; drawing and hit-testing both go through the markers' spatial grid.
//
// Mouse: drag to pan, wheel to zoom around the cursor, double-click to zoom in (with Shift,
// out), click to select (a cluster: zoom into it), right-click for a context menu, hover for
// a tooltip. Keyboard: + and - zoom, arrows pan, F fits every open alarm.
class MapWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapWidget)

public:
    static constexpr double kMinZoom = 2.0;
    static constexpr double kMaxZoom = 20.0;

    explicit MapWidget(QWidget *parent = nullptr);
    ~MapWidget() override;

    // --- basemaps
    // The online (or MBTiles) source, not owned; nullptr: the vector basemap only. Drawn
    // instead of the vector basemap while reachable.
    void setOnlineTileSource(TileSource *source);
    TileSource *onlineTileSource() const;
    // The offline vector basemap (a town's GeoJSON, see docs/demo-town.md).
    void setBasemap(const BasemapData &data);
    // Loads and sets a basemap file; false with basemapError() when it cannot be read (the
    // current basemap is kept).
    bool loadBasemap(const QString &path);
    QString basemapError() const { return m_basemapError; }
    bool hasVectorBasemap() const;
    // The vector basemap's extent (invalid without one).
    QRectF basemapBounds() const;
    // True while the online source is unreachable and the vector basemap stands in.
    bool isFallingBack() const { return m_fallingBack; }
    // How long to wait before asking the online source again after it was unreachable.
    void setOnlineRetryInterval(int ms);
    // The provider drawn now (nullptr: none, plain background).
    TileProvider *activeProvider() const { return m_active; }
    // The text in the attribution corner: the drawn source's.
    QString attribution() const;
    // What the map says in its middle when it has no background to draw (no online source
    // reachable and no vector basemap); empty when it has one.
    QString missingBasemapText() const;
    // The tile cache's bound, in KiB of decoded pixels.
    void setTileCacheLimit(int kib);

    // --- view
    QGeoCoordinate center() const;
    double zoom() const { return m_zoom; }
    void setCenter(const QGeoCoordinate &center);
    void setZoom(double zoom);
    void setView(const QGeoCoordinate &center, double zoom);
    // Zooms by steps (1 = twice as close) keeping the coordinate under anchor in place.
    void zoomAround(double steps, QPointF anchor);
    // Shows the whole rectangle (corners in degrees), with a margin in pixels, not closer
    // than maxZoom. Until the user moves the map (or another view is set), the rectangle
    // is fitted again whenever the widget is resized (the window's first layout).
    void fitCoordinates(const QGeoCoordinate &topLeft, const QGeoCoordinate &bottomRight, int margin = 48,
                        double maxZoom = 17.0);
    QPointF toScreen(const QGeoCoordinate &where) const;
    QGeoCoordinate toCoordinate(QPointF screen) const;
    // Screen rectangle of a tile of the current tile zoom (rounded to device pixels).
    QRectF tileRect(const TileKey &key) const;
    // The zoom of the tiles drawn now.
    int tileZoom() const;
    // The tiles the view needs now, and those asked of the active provider and not answered.
    QList<TileKey> visibleTiles() const;
    QSet<TileKey> requestedTiles() const { return m_requested; }

    // --- live layers
    // The state to show (not owned; nullptr: no markers).
    void setLiveState(const LiveState *state);
    MapMarkers *markers() const { return m_markers; }
    // Devices are drawn from zoom 16 on, or at every zoom when asked.
    void setShowDevices(bool show);
    bool showDevices() const { return m_showDevices; }
    // The highlighted alarm or helper (0 / empty: none). Setting it emits nothing.
    void setSelectedAlarm(qint64 id);
    qint64 selectedAlarm() const { return m_selectedAlarm; }
    void setSelectedHelper(const QString &id);
    QString selectedHelper() const { return m_selectedHelper; }
    // Fits every open alarm in view (one alone: centred at street zoom). False if none.
    bool fitOpenAlarms();
    // Fits every device and open alarm (the start-up view). False if none.
    bool fitMarkers();
    // Centres on an alarm or a helper, coming closer if far out.
    void centreOnAlarm(qint64 id);
    void centreOnHelper(const QString &id);

    // What is under a point of the widget, topmost first: alarms, helpers, devices.
    struct Hit
    {
        enum class Kind { None, Alarm, AlarmCluster, Helper, HelperCluster, Device, DeviceCluster };
        Kind kind = Kind::None;
        qint64 alarmId = 0;
        QString id; // helper or device id
        int count = 0;
        QRectF bounds0; // a cluster's members, in world pixels of zoom 0
        QPointF screen; // where it is drawn
    };
    Hit hitTest(QPointF screen) const;
    // The context menu for a point of the widget (what right-click opens), for the caller to
    // exec and delete.
    QMenu *createContextMenu(QPointF screen);
    // Whether clusters are drawn at the current zoom, per layer.
    bool clustersAlarms() const;
    bool clustersHelpers() const;
    bool drawsDevices() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // Where the cursor is; an invalid coordinate when it leaves the map.
    void cursorCoordinateChanged(const QGeoCoordinate &where);
    // A short sentence about the basemap for the status bar ("tiles unreachable, offline map
    // shown"); empty when all is well again.
    void basemapNoticeChanged(const QString &notice);
    void viewChanged();
    // The user clicked an alarm or a helper on the map (not emitted by the setters).
    void alarmSelected(qint64 id);
    void helperSelected(const QString &id);
    // Context menu entries. Each entry is in the menu only while its signal is connected:
    // the application decides what exists.
    void acknowledgeRequested(qint64 alarmId);
    void assignNearestRequested(qint64 alarmId);
    void offerToNearbyRequested(qint64 alarmId);
    void createAlarmRequested(const QGeoCoordinate &where);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct CacheKey
    {
        quint32 serial;
        TileKey tile;
        friend bool operator==(const CacheKey &, const CacheKey &) = default;
        friend size_t qHash(const CacheKey &k, size_t seed = 0) noexcept { return qHashMulti(seed, k.serial, k.tile); }
    };

    // World pixels at the current zoom.
    QPointF centerWorld() const;
    QPointF viewOrigin() const; // the top-left corner, in world pixels at the current zoom
    void setCenterWorld0(QPointF world0);
    void viewHasChanged();

    // Tiles.
    void connectProvider(TileProvider *provider);
    void setActiveProvider(TileProvider *provider);
    quint32 serialOf(const TileProvider *provider) const;
    void updateTiles();
    void cancelAllRequests();
    void onTileReady(TileProvider *provider, const TileKey &key, const QImage &image);
    void onTileFailed(TileProvider *provider, const TileKey &key, TileSource::Failure failure, const QString &why);
    void enterFallback();
    void leaveFallback();
    void probeOnline();
    void checkDevicePixelRatio();
    const QPixmap *cachedTile(const TileKey &key) const;

    // Painting.
    void drawTiles(QPainter &p, const QRect &dirty);
    void drawScaleBar(QPainter &p);
    void drawAttribution(QPainter &p);
    void drawMissingBasemap(QPainter &p);
    void drawLayers(QPainter &p, const QRect &dirty);
    void drawMissions(QPainter &p, const QRectF &view0, double scale, QPointF origin);
    void onMarkersChanged();
    void pulse();
    QString toolTipFor(const Hit &hit) const;
    QRectF visibleWorld0(double marginPx) const;
    void zoomInto(const QRectF &bounds0);
    bool isConnected(const QMetaMethod &signal) const;

    QPointF m_center0; // world pixels at zoom 0
    double m_zoom = 15.0;

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
    struct Fit
    {
        QRectF box0; // world pixels at zoom 0
        int margin = 0;
        double maxZoom = 0;
        bool followMarkers = false; // fitMarkers(): fitted again as markers come
    };
    // A marker or a cluster as drawn: screen centre, count, worst rank, members' bounds.
    struct Shape
    {
        QPointF screen;
        int count = 1;
        int worstRank = 0;
        quint32 first = 0; // the marker's index when count == 1
        QRectF bounds0;
    };
    template<typename Rank>
    QList<Shape> shapes(const SpatialGrid &grid, bool cluster, double cellPx, QRectF screenArea, Rank rank) const;
    QList<Shape> alarmShapes(const QRectF &screenArea) const;
    QList<Shape> helperShapes(const QRectF &screenArea) const;
    QList<Shape> deviceShapes(const QRectF &screenArea) const;
    // The device clusters of the last computation, kept while the zoom and the device markers
    // stay the same: a repaint (the halos pulse 14 times a second) or a short pan reuses them
    // instead of clustering tens of thousands of devices again.
    struct ClusterCache
    {
        double zoom = -1;
        quint64 generation = 0;
        QRectF area;         // whole cells, world pixels at zoom
        QList<Shape> shapes; // screen = world pixels at zoom
    };
    mutable ClusterCache m_deviceClusters;
    std::optional<Fit> m_fit;
    void applyFit();
    QRectF m_basemapBounds0;
    QString m_basemapError;

    // Live layers.
    MapMarkers *m_markers = nullptr;
    std::unique_ptr<MarkerPainter> m_painter;
    bool m_showDevices = false;
    qint64 m_selectedAlarm = 0;
    QString m_selectedHelper;
    QTimer m_pulse;
    double m_pulsePhase = 0;
    QList<QPointF> m_pulsing; // screen positions of unacknowledged alarms drawn last time

    // Dragging.
    QPoint m_pressPos;
    QPointF m_pressCenter0;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace relais
