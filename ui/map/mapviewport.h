#pragma once

#include "tilekey.h"

#include <QList>
#include <QPointF>
#include <QRect>
#include <QRectF>
#include <QSize>

class QGeoCoordinate;

namespace relais {

// What the map shows: a centre (world pixels at zoom 0), a fractional zoom, a size in logical
// pixels and the screen's device pixel ratio, with the conversions between coordinates, world
// pixels and the screen that drawing, hit-testing and input need. A plain value, cheap to copy:
// the widget makes one for every paint and hands it to the layers, and a layer can be drawn for
// any viewport without a widget (bench_map, tests). The maths is core/geo/webmercator.h's.
class MapViewport final
{
public:
    MapViewport() = default;
    MapViewport(QPointF center0, double zoom, QSize size, qreal devicePixelRatio = 1.0);

    QPointF center0() const { return m_center0; }
    double zoom() const { return m_zoom; }
    QSize size() const { return m_size; }
    int width() const { return m_size.width(); }
    int height() const { return m_size.height(); }
    // The viewport in screen pixels: (0, 0) at its top-left corner.
    QRect rect() const { return QRect(QPoint(0, 0), m_size); }
    qreal devicePixelRatio() const { return m_dpr; }
    void setDevicePixelRatio(qreal dpr) { m_dpr = dpr; }

    QGeoCoordinate center() const;
    // World pixels at the zoom per world pixel at zoom 0: 2^zoom.
    double scale() const { return m_scale; }
    // The centre and the top-left corner, in world pixels at the zoom.
    QPointF centerWorld() const { return m_center0 * m_scale; }
    QPointF origin() const { return centerWorld() - QPointF(m_size.width() / 2.0, m_size.height() / 2.0); }

    QPointF toScreen(const QGeoCoordinate &where) const;
    QGeoCoordinate toCoordinate(QPointF screen) const;
    // World pixels of zoom 0 to the screen and back.
    QPointF worldToScreen(QPointF world0) const { return world0 * m_scale - origin(); }
    QPointF screenToWorld(QPointF screen) const { return (origin() + screen) / m_scale; }
    // What is in view, with a margin of so many screen pixels, in world pixels of zoom 0.
    QRectF visibleWorld(double marginPx = 0) const;
    // Ground metres per screen pixel at the centre.
    double metresPerPixel() const;

    // The zoom of the tiles to draw, for a source of tiles from minZoom to maxZoom.
    int tileZoom(int minZoom, int maxZoom) const;
    // Screen rectangle of a tile (rounded to device pixels, so that scaled tiles meet without
    // seams).
    QRectF tileRect(const TileKey &key) const;
    // The tiles of zoom z in view, the middle of the view first. Empty for an empty viewport.
    QList<TileKey> tiles(int z) const;

private:
    QPointF m_center0;
    double m_zoom = 0;
    double m_scale = 1;
    QSize m_size;
    qreal m_dpr = 1.0;
};

} // namespace relais
