#include "mapviewport.h"

#include "geo/webmercator.h"

#include <QGeoCoordinate>

#include <algorithm>
#include <cmath>

namespace relais {

namespace {

double snap(double v, qreal dpr)
{
    return std::round(v * dpr) / dpr;
}

} // namespace

MapViewport::MapViewport(QPointF center0, double zoom, QSize size, qreal devicePixelRatio)
    : m_center0(center0), m_zoom(zoom), m_scale(std::exp2(zoom)), m_size(size), m_dpr(devicePixelRatio)
{}

QGeoCoordinate MapViewport::center() const
{
    return WebMercator::toCoordinate(m_center0, 0);
}

QPointF MapViewport::toScreen(const QGeoCoordinate &where) const
{
    return WebMercator::toWorld(where, m_zoom) - origin();
}

QGeoCoordinate MapViewport::toCoordinate(QPointF screen) const
{
    return WebMercator::toCoordinate(origin() + screen, m_zoom);
}

QRectF MapViewport::visibleWorld(double marginPx) const
{
    return QRectF((origin() - QPointF(marginPx, marginPx)) / m_scale,
                  QSizeF(m_size.width() + 2 * marginPx, m_size.height() + 2 * marginPx) / m_scale);
}

double MapViewport::metresPerPixel() const
{
    return WebMercator::metresPerPixel(center().latitude(), m_zoom);
}

int MapViewport::tileZoom(int minZoom, int maxZoom) const
{
    return std::clamp(int(std::lround(m_zoom)), minZoom, std::max(minZoom, maxZoom));
}

QRectF MapViewport::tileRect(const TileKey &key) const
{
    const double scale = std::exp2(m_zoom - key.z);
    const double side = WebMercator::tileSize * scale;
    const QPointF origin = this->origin();
    const double left = snap(key.x * side - origin.x(), m_dpr), right = snap((key.x + 1) * side - origin.x(), m_dpr);
    const double top = snap(key.y * side - origin.y(), m_dpr), bottom = snap((key.y + 1) * side - origin.y(), m_dpr);
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

QList<TileKey> MapViewport::tiles(int z) const
{
    QList<TileKey> out;
    if (m_size.width() <= 0 || m_size.height() <= 0)
        return out;
    const double scale = std::exp2(m_zoom - z);
    const QRectF view(origin() / scale, QSizeF(m_size.width(), m_size.height()) / scale);
    const QRect range = WebMercator::tileRange(view, z);
    if (range.isEmpty())
        return out;
    const QPointF middle = centerWorld() / scale / WebMercator::tileSize;
    for (int y = range.top(); y <= range.bottom(); ++y)
        for (int x = range.left(); x <= range.right(); ++x)
            out.append(TileKey{z, x, y});
    // The middle of the view first.
    std::sort(out.begin(), out.end(), [&middle](const TileKey &a, const TileKey &b) {
        const double da = std::hypot(a.x + 0.5 - middle.x(), a.y + 0.5 - middle.y());
        const double db = std::hypot(b.x + 0.5 - middle.x(), b.y + 0.5 - middle.y());
        return da < db;
    });
    return out;
}

} // namespace relais
