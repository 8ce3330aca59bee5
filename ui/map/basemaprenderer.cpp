#include "basemaprenderer.h"

#include "geo/webmercator.h"

#include <QFontMetricsF>
#include <QMutexLocker>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace relais {

namespace {

// Streets by importance, 0 (paths) to 7 (motorways).
int roadClass(const QString &highway)
{
    static const QHash<QString, int> classes{
        {QStringLiteral("motorway"), 7},     {QStringLiteral("trunk"), 7},         {QStringLiteral("primary"), 6},
        {QStringLiteral("secondary"), 5},    {QStringLiteral("tertiary"), 4},      {QStringLiteral("residential"), 3},
        {QStringLiteral("unclassified"), 3}, {QStringLiteral("living_street"), 3}, {QStringLiteral("road"), 3},
        {QStringLiteral("service"), 2},      {QStringLiteral("track"), 1},
    };
    return classes.value(highway, 0);
}

// Width of a street's fill at zoom 16, in logical pixels, by class.
constexpr double kWidthAt16[] = {1.4, 2.5, 4.5, 7.5, 9.0, 10.0, 11.0, 12.0};
// The lowest zoom at which a class is drawn.
constexpr int kMinZoom[] = {15, 14, 14, 12, 11, 8, 8, 6};

double streetWidth(int cls, double zoom)
{
    const double w = kWidthAt16[cls] * std::clamp(std::exp2(zoom - 16.0), 0.12, 3.0);
    return std::max(w, cls >= 4 ? 1.3 : 0.9);
}

QColor parkFill(const QString &cls)
{
    if (cls == QLatin1String("wood") || cls == QLatin1String("forest"))
        return {0xb5, 0xd6, 0xa4};
    if (cls == QLatin1String("scrub"))
        return {0xc8, 0xdc, 0xb0};
    if (cls == QLatin1String("wetland"))
        return {0xd2, 0xe6, 0xd4};
    if (cls == QLatin1String("cemetery"))
        return {0xb9, 0xd3, 0xb6};
    if (cls == QLatin1String("pitch") || cls == QLatin1String("track"))
        return {0xaf, 0xdf, 0xc4};
    return BasemapRenderer::parkColour();
}

QPolygonF project(const QList<QPointF> &lonLat)
{
    QPolygonF out;
    out.reserve(lonLat.size());
    for (const QPointF &p : lonLat)
        out.append(WebMercator::toWorld(p.y(), p.x(), 0));
    return out;
}

QPolygonF toTile(const QPolygonF &world0, double scale, QPointF origin)
{
    QPolygonF out(world0.size());
    for (qsizetype i = 0; i < world0.size(); ++i)
        out[i] = world0.at(i) * scale - origin;
    return out;
}

} // namespace

QColor BasemapRenderer::landColour()
{
    return {0xf4, 0xf1, 0xeb};
}

QColor BasemapRenderer::waterColour()
{
    return {0xa9, 0xd0, 0xe3};
}

QColor BasemapRenderer::parkColour()
{
    return {0xcd, 0xe8, 0xb4};
}

BasemapRenderer::BasemapRenderer(const BasemapData &data, const QFont &labelFont)
    : m_attribution(data.attribution()), m_font(labelFont)
{
    m_font.setPixelSize(11);
    m_font.setStyleStrategy(QFont::PreferAntialias);
    // Painting order: parks, water, buildings, then streets from minor to major.
    QList<Shape> parks, water, buildings, streets;
    for (const BasemapData::Feature &f : data.features()) {
        Shape s;
        s.kind = f.kind;
        s.isArea = f.isArea;
        s.bridge = f.bridge;
        s.name = f.name;
        for (const QList<QPointF> &part : f.parts)
            s.parts.append(project(part));
        s.bounds = QRectF(WebMercator::toWorld(f.bounds.bottom(), f.bounds.left(), 0),
                          WebMercator::toWorld(f.bounds.top(), f.bounds.right(), 0))
                       .normalized();
        switch (f.kind) {
        case BasemapData::Kind::Park:
            s.fill = parkFill(f.featureClass);
            parks.append(s);
            break;
        case BasemapData::Kind::Water:
            s.fill = waterColour();
            water.append(s);
            break;
        case BasemapData::Kind::Building:
            s.fill = QColor(0xdd, 0xd6, 0xce);
            buildings.append(s);
            break;
        case BasemapData::Kind::Street:
            s.roadClass = roadClass(f.highway);
            streets.append(s);
            break;
        }
        m_bounds = m_bounds.isNull() ? s.bounds : m_bounds.united(s.bounds);
    }
    std::stable_sort(streets.begin(), streets.end(),
                     [](const Shape &a, const Shape &b) { return a.roadClass < b.roadClass; });
    m_shapes = parks + water + buildings + streets;
}

QImage BasemapRenderer::render(const TileKey &key, qreal dpr) const
{
    const int side = int(std::lround(WebMercator::tileSize * dpr));
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(landColour());

    const double scale = std::exp2(key.z);
    const QPointF origin(key.x * double(WebMercator::tileSize), key.y * double(WebMercator::tileSize));
    const QRectF tile(origin, QSizeF(WebMercator::tileSize, WebMercator::tileSize));
    // Shapes reaching into the tile, strokes included (the widest casing is under 40 px).
    const QRectF area0((origin - QPointF(40, 40)) / scale, QSizeF(336, 336) / scale);
    const QList<Label> &labels = key.z >= 15 ? labelsFor(key.z) : QList<Label>();
    if (!area0.intersects(m_bounds))
        return image;

    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setClipRect(QRectF(0, 0, WebMercator::tileSize, WebMercator::tileSize));
    for (const Shape &s : m_shapes) {
        if (s.kind == BasemapData::Kind::Street)
            break; // streets are last, drawn in two passes below
        if (!s.bounds.intersects(area0))
            continue;
        if (s.kind == BasemapData::Kind::Building && key.z < 14)
            continue;
        if (s.isArea) {
            p.setPen(s.kind == BasemapData::Kind::Building && key.z >= 16 ? QPen(QColor(0xc6, 0xbb, 0xb0), 0.8)
                                                                          : QPen(Qt::NoPen));
            p.setBrush(s.fill);
            if (s.parts.size() == 1) {
                p.drawPolygon(toTile(s.parts.first(), scale, origin));
            } else {
                QPainterPath path;
                path.setFillRule(Qt::OddEvenFill);
                for (const QPolygonF &ring : s.parts)
                    path.addPolygon(toTile(ring, scale, origin));
                p.drawPath(path);
            }
        } else {
            // Rivers and streams drawn as lines.
            const double w = std::clamp(6.0 * std::exp2(key.z - 16.0), 1.0, 14.0);
            p.setPen(QPen(s.fill, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.setBrush(Qt::NoBrush);
            for (const QPolygonF &line : s.parts)
                p.drawPolyline(toTile(line, scale, origin));
        }
    }
    drawStreets(p, area0, scale, origin, key.z);

    // Names along the streets, with a light halo to stay legible over any fill.
    for (const Label &label : labels) {
        if (!label.bounds.intersects(tile))
            continue;
        QPainterPath path;
        const QFontMetricsF fm(m_font);
        const double baseline = (fm.ascent() - fm.descent()) / 2.0;
        for (const Glyph &g : label.glyphs) {
            QPainterPath glyph;
            glyph.addText(QPointF(-fm.horizontalAdvance(g.text) / 2.0, baseline), m_font, g.text);
            QTransform t;
            t.translate(g.position.x() - origin.x(), g.position.y() - origin.y());
            t.rotate(g.angle);
            path.addPath(t.map(glyph));
        }
        p.strokePath(path, QPen(QColor(255, 255, 255, 220), 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.fillPath(path, QColor(0x3a, 0x3a, 0x3a));
    }
    return image;
}

void BasemapRenderer::drawStreets(QPainter &p, const QRectF &area0, double scale, QPointF origin, int zoom) const
{
    struct Drawn
    {
        const Shape *shape;
        QList<QPolygonF> lines;
    };
    QList<Drawn> visible;
    for (const Shape &s : m_shapes) {
        if (s.kind != BasemapData::Kind::Street || zoom < kMinZoom[s.roadClass] || !s.bounds.intersects(area0))
            continue;
        Drawn d{&s, {}};
        for (const QPolygonF &line : s.parts)
            d.lines.append(toTile(line, scale, origin));
        visible.append(d);
    }
    p.setBrush(Qt::NoBrush);
    const bool detailed = zoom >= 13;
    // Casings first, so that crossing streets join; paths have none (dashed, thin).
    for (const Drawn &d : std::as_const(visible)) {
        const int cls = d.shape->roadClass;
        if (cls == 0)
            continue;
        const double w = streetWidth(cls, zoom);
        QColor casing = cls >= 4 ? QColor(0xb9, 0xa8, 0x8e) : QColor(0xcd, 0xc4, 0xb8);
        if (d.shape->bridge)
            casing = QColor(0x8c, 0x86, 0x80);
        const double casingWidth = detailed ? w + 2.0 * std::max(0.8, w * 0.14) : w;
        p.setPen(QPen(casing, casingWidth, Qt::SolidLine, detailed ? Qt::FlatCap : Qt::RoundCap, Qt::RoundJoin));
        for (const QPolygonF &line : d.lines)
            p.drawPolyline(line);
    }
    if (!detailed)
        return; // far out, streets are their casing colour only: white lines would vanish
    for (const Drawn &d : std::as_const(visible)) {
        const int cls = d.shape->roadClass;
        if (cls == 0) {
            QPen pen(QColor(0xb4, 0xa5, 0x98), 1.2, Qt::DashLine, Qt::FlatCap, Qt::RoundJoin);
            pen.setDashPattern({2.5, 2.0});
            p.setPen(pen);
        } else {
            p.setPen(QPen(Qt::white, streetWidth(cls, zoom), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        }
        for (const QPolygonF &line : d.lines)
            p.drawPolyline(line);
    }
}

const QList<BasemapRenderer::Label> &BasemapRenderer::labelsFor(int zoom) const
{
    QMutexLocker lock(&m_labelMutex);
    auto it = m_labels.find(zoom);
    if (it == m_labels.end())
        it = m_labels.insert(zoom, layOutLabels(zoom));
    return it.value(); // entries are never removed: the reference stays valid
}

QList<BasemapRenderer::Label> BasemapRenderer::layOutLabels(int zoom) const
{
    const QFontMetricsF fm(m_font);
    const double scale = std::exp2(zoom);
    const int minClass = zoom >= 16 ? 2 : 4;
    // Important and long streets get their name first.
    struct Candidate
    {
        const Shape *shape;
        const QPolygonF *line;
        double length0;
    };
    QList<Candidate> candidates;
    for (const Shape &s : m_shapes) {
        if (s.kind != BasemapData::Kind::Street || s.name.isEmpty() || s.roadClass < minClass)
            continue;
        for (const QPolygonF &line : s.parts) {
            double length = 0;
            for (qsizetype i = 1; i < line.size(); ++i)
                length += std::hypot(line[i].x() - line[i - 1].x(), line[i].y() - line[i - 1].y());
            candidates.append({&s, &line, length});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.shape->roadClass != b.shape->roadClass)
            return a.shape->roadClass > b.shape->roadClass;
        return a.length0 > b.length0;
    });

    QList<Label> placed;
    QHash<QString, QList<QPointF>> centresByName;
    for (const Candidate &c : std::as_const(candidates)) {
        QPolygonF line = *c.line;
        for (QPointF &pt : line)
            pt *= scale;
        // Read left to right: reverse a line that runs mostly westwards.
        if (line.last().x() < line.first().x())
            std::reverse(line.begin(), line.end());
        QList<double> along{0.0};
        for (qsizetype i = 1; i < line.size(); ++i)
            along.append(along.last() + std::hypot(line[i].x() - line[i - 1].x(), line[i].y() - line[i - 1].y()));
        const double length = along.last();
        const double textWidth = fm.horizontalAdvance(c.shape->name);
        if (length < textWidth + 24)
            continue;
        const auto pointAt = [&](double s, double *angle) {
            qsizetype i = std::upper_bound(along.cbegin(), along.cend(), s) - along.cbegin();
            i = std::clamp<qsizetype>(i, 1, line.size() - 1);
            const QPointF a = line[i - 1], b = line[i];
            const double seg = along[i] - along[i - 1];
            const double t = seg > 0 ? (s - along[i - 1]) / seg : 0.0;
            *angle = std::atan2(b.y() - a.y(), b.x() - a.x()) * 180.0 / std::numbers::pi;
            return a + (b - a) * t;
        };
        for (double where : {0.5, 0.3, 0.7}) {
            const double start = length * where - textWidth / 2.0;
            if (start < 8 || start + textWidth > length - 8)
                continue;
            Label label;
            double offset = start;
            double previousAngle = 0;
            bool tooCurved = false;
            for (const QChar ch : c.shape->name) {
                const QString text(ch);
                const double w = fm.horizontalAdvance(text);
                double angle = 0;
                const QPointF pos = pointAt(offset + w / 2.0, &angle);
                if (!label.glyphs.isEmpty()) {
                    double turn = std::abs(angle - previousAngle);
                    turn = std::min(turn, 360.0 - turn);
                    if (turn > 35.0) {
                        tooCurved = true;
                        break;
                    }
                }
                previousAngle = angle;
                label.glyphs.append({pos, angle, text});
                offset += w;
            }
            if (tooCurved || label.glyphs.isEmpty())
                continue;
            QRectF box;
            for (const Glyph &g : std::as_const(label.glyphs)) {
                const QRectF r(g.position - QPointF(fm.height() / 2 + 2, fm.height() / 2 + 2),
                               QSizeF(fm.height() + 4, fm.height() + 4));
                box = box.isNull() ? r : box.united(r);
            }
            const QPointF centre = box.center();
            const bool collides = std::any_of(placed.cbegin(), placed.cend(),
                                              [&box](const Label &other) { return other.bounds.intersects(box); });
            const QList<QPointF> &same = centresByName[c.shape->name];
            const bool repeated = std::any_of(same.cbegin(), same.cend(), [&centre](const QPointF &other) {
                return std::hypot(other.x() - centre.x(), other.y() - centre.y()) < 300.0;
            });
            if (collides || repeated)
                continue;
            label.bounds = box;
            placed.append(label);
            centresByName[c.shape->name].append(centre);
            break;
        }
    }
    return placed;
}

} // namespace relais
