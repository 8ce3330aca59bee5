#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace relais {

// The offline vector basemap: a town's streets, water, parks and buildings read from a
// GeoJSON FeatureCollection shaped like resources/demo/town.geojson (docs/demo-town.md).
// Plain data, no drawing: the map's renderer styles it. Coordinates are WGS 84 with x the
// longitude and y the latitude, in degrees.
class BasemapData final
{
    Q_DECLARE_TR_FUNCTIONS(relais::BasemapData)

public:
    enum class Kind { Street, Water, Park, Building };

    struct Feature
    {
        Kind kind = Kind::Street;
        // Lines (LineString, MultiLineString) or rings (Polygon, MultiPolygon: exterior then
        // holes, each ring closed). The renderer fills polygon features with the odd-even rule.
        QList<QList<QPointF>> parts;
        bool isArea = false;
        QString name;
        QString highway;      // streets: the OSM highway class ("primary", "residential", ...)
        QString featureClass; // water, parks, buildings: "river", "wood", "house", ...
        bool bridge = false;
        QRectF bounds; // of every part, in degrees (x = longitude, y = latitude)
    };

    // Reads a FeatureCollection. Features of an unknown kind or geometry are skipped and
    // counted (skippedCount()); a malformed document or geometry is an error naming the
    // feature. A collection with no usable feature is an error too.
    bool parse(const QByteArray &json);
    // The same from a file (a resource path such as ":/demo/town.geojson" works).
    bool load(const QString &path);
    QString errorString() const { return m_error; }

    const QList<Feature> &features() const { return m_features; }
    QRectF bounds() const { return m_bounds; }
    // From the collection's "properties" header when present.
    QString name() const { return m_name; }
    QString attribution() const { return m_attribution; }
    // The header's "center" ([lon, lat]) if any, else the middle of bounds().
    QPointF center() const;
    int skippedCount() const { return m_skipped; }

private:
    bool fail(const QString &message);

    QList<Feature> m_features;
    QRectF m_bounds;
    QString m_name;
    QString m_attribution;
    QPointF m_center;
    bool m_hasCenter = false;
    int m_skipped = 0;
    QString m_error;
};

} // namespace relais
