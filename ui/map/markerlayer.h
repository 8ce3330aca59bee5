#pragma once

#include "mapviewport.h"

#include <QFont>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QTimer>

#include <memory>

class QPainter;

namespace relais {

class LiveState;
class MapMarkers;
class MarkerPainter;
class SpatialGrid;

// The live layers of a LiveState, drawn for a viewport over the basemap: devices (faint, at
// close zoom or when asked), open missions (a line helper → alarm with distance and ETA, the
// broadcast radius while offers are out), helpers on duty, open alarms on top, the halo of an
// unacknowledged alarm breathing. Markers are clustered at low zoom; drawing and hit-testing
// both go through the markers' spatial grids (MapMarkers), so the same shapes are drawn and hit.
// Needs no widget: bench_map draws one into an image.
class MarkerLayer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarkerLayer)

public:
    // What is under a point of the viewport, topmost first: alarms, helpers, devices.
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

    explicit MarkerLayer(QObject *parent = nullptr);
    ~MarkerLayer() override;

    // The state to show (not owned; nullptr: no markers).
    void setLiveState(const LiveState *state);
    MapMarkers *markers() const { return m_markers; }
    // Devices are drawn from zoom 16 on, or at every zoom when asked.
    void setShowDevices(bool show);
    bool showDevices() const { return m_showDevices; }
    // The highlighted alarm or helper (0 / empty: none).
    void setSelectedAlarm(qint64 id);
    qint64 selectedAlarm() const { return m_selectedAlarm; }
    void setSelectedHelper(const QString &id);
    QString selectedHelper() const { return m_selectedHelper; }
    // The font of helpers' names, repeat badges and mission labels.
    void setFont(const QFont &font) { m_font = font; }

    // The viewport shown, and whether it is shown at all: the halos pulse only in view.
    void setViewport(const MapViewport &view) { m_view = view; }
    void setVisible(bool visible) { m_visible = visible; }

    void draw(QPainter &p, const MapViewport &view, const QRect &dirty) const;
    Hit hitTest(QPointF screen, const MapViewport &view) const;
    // The tooltip of what was hit (empty: none).
    QString toolTip(const Hit &hit) const;

    // Whether clusters are drawn at a zoom, per layer.
    static bool clustersAlarms(double zoom);
    static bool clustersHelpers(double zoom);
    bool drawsDevices(double zoom) const;

signals:
    // A part of the viewport (screen pixels) to draw again; a null rectangle: all of it.
    void changed(const QRect &dirty);
    // The markers changed (emitted before changed(), and before the pulse looks at the view:
    // a view that follows the markers moves first).
    void markersChanged();

private:
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
    static QList<Shape> shapes(const SpatialGrid &grid, bool cluster, double cellPx, const MapViewport &view,
                               QRectF screenArea, Rank rank);
    QList<Shape> alarmShapes(const MapViewport &view, const QRectF &screenArea) const;
    QList<Shape> helperShapes(const MapViewport &view, const QRectF &screenArea) const;
    QList<Shape> deviceShapes(const MapViewport &view, const QRectF &screenArea) const;
    void drawMissions(QPainter &p, const MapViewport &view) const;
    void onMarkersChanged();
    void pulse();

    MapMarkers *m_markers = nullptr;
    std::unique_ptr<MarkerPainter> m_painter;
    QFont m_font;
    MapViewport m_view;
    bool m_visible = true;
    bool m_showDevices = false;
    qint64 m_selectedAlarm = 0;
    QString m_selectedHelper;
    QTimer m_pulse;
    double m_pulsePhase = 0;
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
};

} // namespace relais
