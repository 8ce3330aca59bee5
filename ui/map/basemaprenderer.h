#pragma once

#include "geo/basemapdata.h"
#include "tilekey.h"

#include <QFont>
#include <QHash>
#include <QImage>
#include <QList>
#include <QMutex>
#include <QPolygonF>

namespace relais {

// Draws the offline vector basemap into 256-px tiles, styled like a calm street map: land
// in warm off-white, water blue, parks and woods green, buildings light grey from close
// zoom, streets white with a casing that grows with the road's class, names along the
// streets at close zoom. Immutable once built, and render() may run on several threads at
// once (street labels are laid out once per zoom level, for the whole town, so that a name
// crossing a tile edge is drawn whole on both sides and never collides with another).
class BasemapRenderer final
{
public:
    explicit BasemapRenderer(const BasemapData &data, const QFont &labelFont = QFont());

    QString attribution() const { return m_attribution; }
    // The basemap's extent in world pixels of zoom 0.
    QRectF worldBounds() const { return m_bounds; }
    // The colour of land, also the colour of tiles outside the data.
    static QColor landColour();
    static QColor waterColour();
    static QColor parkColour();

    // A tile of 256 logical pixels at devicePixelRatio dpr (ARGB32 premultiplied).
    QImage render(const TileKey &key, qreal dpr) const;

private:
    struct Shape
    {
        BasemapData::Kind kind;
        bool isArea = false;
        bool bridge = false;
        int roadClass = 0; // streets: 0 path .. 7 primary
        QColor fill;
        QString name;
        QList<QPolygonF> parts; // world pixels of zoom 0
        QRectF bounds;
    };
    struct Glyph
    {
        QPointF position; // world pixels at the label's zoom: the glyph's centre on the line
        qreal angle = 0;  // degrees
        QString text;
    };
    struct Label
    {
        QRectF bounds; // world pixels at the label's zoom
        QList<Glyph> glyphs;
    };

    const QList<Label> &labelsFor(int zoom) const;
    QList<Label> layOutLabels(int zoom) const;
    void drawStreets(QPainter &p, const QRectF &area0, double scale, QPointF origin, int zoom) const;

    QList<Shape> m_shapes; // painting order
    QRectF m_bounds;
    QString m_attribution;
    QFont m_font;
    mutable QMutex m_labelMutex;
    mutable QHash<int, QList<Label>> m_labels;
};

} // namespace relais
