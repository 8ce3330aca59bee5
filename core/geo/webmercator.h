#pragma once

#include <QPointF>
#include <QRect>
#include <QRectF>

class QGeoCoordinate;

namespace relais {

// Spherical Web Mercator (EPSG:3857) as slippy maps use it: tiles of 256 px, zoom 0 = the
// whole world in one tile, y growing southwards. "World pixels" are pixels of the whole map at
// a given (possibly fractional) zoom: x and y in [0, 256 · 2^zoom). Pure functions, no state.
namespace WebMercator {

inline constexpr int tileSize = 256;
inline constexpr double maxLatitude = 85.0511287798066; // atan(sinh(pi)) in degrees
inline constexpr double earthRadiusM = 6378137.0;       // WGS 84 semi-major axis
inline constexpr int maxZoom = 22;

// Size of the world in pixels at a zoom: 256 · 2^zoom.
double worldSize(double zoom);

// Latitude is clamped to ±maxLatitude; longitude is taken as is (no wrapping).
QPointF toWorld(double latitude, double longitude, double zoom);
QPointF toWorld(const QGeoCoordinate &coordinate, double zoom);
// The inverse; a point outside the world gives latitudes beyond ±maxLatitude clamped.
QGeoCoordinate toCoordinate(QPointF world, double zoom);

// Ground metres per world pixel at a latitude and zoom (equator, zoom 0: 156,543.03 m).
double metresPerPixel(double latitude, double zoom);

// The tile (integer zoom) holding a world pixel of that zoom, clamped to the world.
QPoint tileAt(QPointF world, int zoom);
// The tiles of integer zoom covering a rectangle of world pixels at that zoom, clamped to the
// world: x in [left, right], y in [top, bottom] inclusive. Empty if the rectangle is outside.
QRect tileRange(const QRectF &worldRect, int zoom);

// Zoom at which a span of `metres` on the ground at `latitude` fills `pixels`.
double zoomForSpan(double metres, double pixels, double latitude);

} // namespace WebMercator

} // namespace relais
