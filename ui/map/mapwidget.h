#pragma once

#include "markerlayer.h"
#include "tilekey.h"

#include <QGeoCoordinate>
#include <QSet>
#include <QWidget>

#include <functional>
#include <optional>

class QMenu;

namespace relais {

class BasemapData;
class BasemapLayer;
class LiveState;
class MapMarkers;
class MapViewport;
class TileProvider;
class TileSource;

// The live map: a slippy map drawn by Relais itself (Qt Location is not available). The widget
// holds the view (a centre and a fractional zoom, handed to the layers as a MapViewport) and the
// input, and composes two layers that draw themselves: the BasemapLayer (tiles of the online
// source or the offline vector basemap, the fallback between them, the attribution) and the
// MarkerLayer (the live layers of a LiveState, clustered, hit-tested). A scale bar is drawn over
// them; HiDPI screens get tiles at their resolution.
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

    // What is under a point of the widget, topmost first: alarms, helpers, devices.
    using Hit = MarkerLayer::Hit;
    // Lets the application add its own entries to the context menu (its shared QActions, not
    // owned by the menu). Called by createContextMenu() before the map's own entries: for an
    // alarm after it has been selected (setSelectedAlarm + alarmSelected emitted), so that the
    // application's alarm actions act on it; for a device or an empty place with `where` set
    // to the clicked coordinate. hit.kind tells which.
    using ContextMenuFiller = std::function<void(QMenu *menu, const Hit &hit, const QGeoCoordinate &where)>;

    explicit MapWidget(QWidget *parent = nullptr);
    ~MapWidget() override;

    // --- basemaps (the BasemapLayer's)
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
    bool isFallingBack() const;
    // How long to wait before asking the online source again after it was unreachable.
    void setOnlineRetryInterval(int ms);
    // The provider drawn now (nullptr: none, plain background).
    TileProvider *activeProvider() const;
    // The text in the attribution corner: the drawn source's.
    QString attribution() const;
    // What the map says in its middle when it has no background to draw (no online source
    // reachable and no vector basemap); empty when it has one.
    QString missingBasemapText() const;
    // The tile cache's bound, in KiB of decoded pixels.
    void setTileCacheLimit(int kib);
    BasemapLayer *basemapLayer() const { return m_basemap; }

    // --- view
    // What the widget shows now.
    MapViewport viewport() const;
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
    QSet<TileKey> requestedTiles() const;

    // --- live layers (the MarkerLayer's)
    // The state to show (not owned; nullptr: no markers).
    void setLiveState(const LiveState *state) { m_markerLayer->setLiveState(state); }
    MapMarkers *markers() const { return m_markerLayer->markers(); }
    MarkerLayer *markerLayer() const { return m_markerLayer; }
    // Devices are drawn from zoom 16 on, or at every zoom when asked.
    void setShowDevices(bool show) { m_markerLayer->setShowDevices(show); }
    bool showDevices() const { return m_markerLayer->showDevices(); }
    // The highlighted alarm or helper (0 / empty: none). Setting it emits nothing.
    void setSelectedAlarm(qint64 id) { m_markerLayer->setSelectedAlarm(id); }
    qint64 selectedAlarm() const { return m_markerLayer->selectedAlarm(); }
    void setSelectedHelper(const QString &id) { m_markerLayer->setSelectedHelper(id); }
    QString selectedHelper() const { return m_markerLayer->selectedHelper(); }
    // Fits every open alarm in view (one alone: centred at street zoom). False if none.
    bool fitOpenAlarms();
    // Fits every device and open alarm (the start-up view). False if none.
    bool fitMarkers();
    // Centres on an alarm or a helper, coming closer if far out.
    void centreOnAlarm(qint64 id);
    void centreOnHelper(const QString &id);

    Hit hitTest(QPointF screen) const;
    void setContextMenuFiller(ContextMenuFiller filler);
    // The context menu for a point of the widget (what right-click opens), for the caller to
    // exec and delete.
    QMenu *createContextMenu(QPointF screen);
    // Whether clusters are drawn at the current zoom, per layer.
    bool clustersAlarms() const { return MarkerLayer::clustersAlarms(m_zoom); }
    bool clustersHelpers() const { return MarkerLayer::clustersHelpers(m_zoom); }
    bool drawsDevices() const { return m_markerLayer->drawsDevices(m_zoom); }

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

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
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
    struct Fit
    {
        QRectF box0; // world pixels at zoom 0
        int margin = 0;
        double maxZoom = 0;
        bool followMarkers = false; // fitMarkers(): fitted again as markers come
    };

    // Hands the current viewport to the layers (without asking for tiles).
    void syncLayers();
    // The same, and asks for the tiles of the viewport: after every change of the view.
    void updateLayers();
    void setCenterWorld0(QPointF world0);
    void viewHasChanged();
    void applyFit();
    void zoomInto(const QRectF &bounds0);
    void checkDevicePixelRatio();
    void onLayerChanged(const QRect &dirty);
    void drawScaleBar(QPainter &p, const MapViewport &view) const;

    QPointF m_center0; // world pixels at zoom 0
    double m_zoom = 15.0;
    std::optional<Fit> m_fit;
    QString m_basemapError;
    BasemapLayer *m_basemap = nullptr;
    MarkerLayer *m_markerLayer = nullptr;
    ContextMenuFiller m_fillContextMenu;

    // Dragging.
    QPoint m_pressPos;
    QPointF m_pressCenter0;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace relais
