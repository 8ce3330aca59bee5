#include "webmercator.h"

#include <QGeoCoordinate>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace relais::WebMercator {

double worldSize(double zoom)
{
    return tileSize * std::exp2(zoom);
}

QPointF toWorld(double latitude, double longitude, double zoom)
{
    const double size = worldSize(zoom);
    const double lat = std::clamp(latitude, -maxLatitude, maxLatitude) * std::numbers::pi / 180.0;
    const double x = (longitude + 180.0) / 360.0;
    const double y = 0.5 - std::log(std::tan(std::numbers::pi / 4.0 + lat / 2.0)) / (2.0 * std::numbers::pi);
    return {x * size, y * size};
}

QPointF toWorld(const QGeoCoordinate &coordinate, double zoom)
{
    return toWorld(coordinate.latitude(), coordinate.longitude(), zoom);
}

QGeoCoordinate toCoordinate(QPointF world, double zoom)
{
    const double size = worldSize(zoom);
    const double longitude = world.x() / size * 360.0 - 180.0;
    const double n = std::numbers::pi * (1.0 - 2.0 * world.y() / size);
    const double latitude = std::atan(std::sinh(n)) * 180.0 / std::numbers::pi;
    return QGeoCoordinate(std::clamp(latitude, -maxLatitude, maxLatitude), longitude);
}

double metresPerPixel(double latitude, double zoom)
{
    const double lat = std::clamp(latitude, -maxLatitude, maxLatitude) * std::numbers::pi / 180.0;
    return 2.0 * std::numbers::pi * earthRadiusM * std::cos(lat) / worldSize(zoom);
}

QPoint tileAt(QPointF world, int zoom)
{
    const int last = (1 << zoom) - 1;
    const int x = std::clamp(int(std::floor(world.x() / tileSize)), 0, last);
    const int y = std::clamp(int(std::floor(world.y() / tileSize)), 0, last);
    return {x, y};
}

QRect tileRange(const QRectF &worldRect, int zoom)
{
    const double size = worldSize(zoom);
    const QRectF world(0, 0, size, size);
    const QRectF clipped = worldRect.normalized().intersected(world);
    if (clipped.isEmpty())
        return {};
    const QPoint topLeft = tileAt(clipped.topLeft(), zoom);
    // The bottom-right edge itself belongs to the next tile: step back by a hair.
    const QPoint bottomRight = tileAt(clipped.bottomRight() - QPointF(1e-9 * size, 1e-9 * size), zoom);
    return QRect(topLeft, bottomRight);
}

double zoomForSpan(double metres, double pixels, double latitude)
{
    // metresPerPixel(lat, z) = metresPerPixel(lat, 0) / 2^z  and we want metres / pixels.
    return std::log2(metresPerPixel(latitude, 0) * pixels / metres);
}

} // namespace relais::WebMercator
