#include "basemapdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <optional>

namespace relais {

namespace {

std::optional<BasemapData::Kind> kindFromKey(const QString &key)
{
    if (key == QLatin1String("street"))
        return BasemapData::Kind::Street;
    if (key == QLatin1String("water"))
        return BasemapData::Kind::Water;
    if (key == QLatin1String("park"))
        return BasemapData::Kind::Park;
    if (key == QLatin1String("building"))
        return BasemapData::Kind::Building;
    return std::nullopt;
}

// A GeoJSON position: [lon, lat(, alt)] with finite numbers in range.
bool readPosition(const QJsonValue &value, QPointF *out)
{
    const QJsonArray a = value.toArray();
    if (a.size() < 2 || !a.at(0).isDouble() || !a.at(1).isDouble())
        return false;
    const double lon = a.at(0).toDouble();
    const double lat = a.at(1).toDouble();
    if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lon) > 180.0 || std::abs(lat) > 90.0)
        return false;
    *out = QPointF(lon, lat);
    return true;
}

bool readLine(const QJsonValue &value, int minPoints, QList<QPointF> *out)
{
    if (!value.isArray())
        return false;
    const QJsonArray a = value.toArray();
    if (a.size() < minPoints)
        return false;
    out->clear();
    out->reserve(a.size());
    for (const QJsonValue &v : a) {
        QPointF p;
        if (!readPosition(v, &p))
            return false;
        out->append(p);
    }
    return true;
}

// A polygon ring: at least four positions, the last equal to the first.
bool readRing(const QJsonValue &value, QList<QPointF> *out)
{
    return readLine(value, 4, out) && out->first() == out->last();
}

bool readRings(const QJsonValue &value, QList<QList<QPointF>> *parts)
{
    const QJsonArray rings = value.toArray();
    if (!value.isArray() || rings.isEmpty())
        return false;
    for (const QJsonValue &r : rings) {
        QList<QPointF> ring;
        if (!readRing(r, &ring))
            return false;
        parts->append(ring);
    }
    return true;
}

} // namespace

bool BasemapData::fail(const QString &message)
{
    m_error = message;
    m_features.clear();
    m_bounds = {};
    return false;
}

bool BasemapData::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read the basemap %1: %2").arg(path, file.errorString()));
    if (!parse(file.readAll())) {
        m_error = tr("%1: %2").arg(path, m_error);
        return false;
    }
    return true;
}

QPointF BasemapData::center() const
{
    return m_hasCenter ? m_center : m_bounds.center();
}

bool BasemapData::parse(const QByteArray &json)
{
    *this = BasemapData();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("Not valid JSON (at byte %1: %2).").arg(parseError.offset).arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("type")).toString() != QLatin1String("FeatureCollection"))
        return fail(tr("Not a GeoJSON FeatureCollection."));
    const QJsonValue featuresValue = root.value(QLatin1String("features"));
    if (!featuresValue.isArray())
        return fail(tr("The FeatureCollection has no “features” array."));

    const QJsonObject header = root.value(QLatin1String("properties")).toObject();
    m_name = header.value(QLatin1String("name")).toString();
    m_attribution = header.value(QLatin1String("attribution")).toString();
    QPointF c;
    if (readPosition(header.value(QLatin1String("center")), &c)) {
        m_center = c;
        m_hasCenter = true;
    }

    const QJsonArray features = featuresValue.toArray();
    m_features.reserve(features.size());
    for (qsizetype i = 0; i < features.size(); ++i) {
        const QJsonObject f = features.at(i).toObject();
        const QJsonObject props = f.value(QLatin1String("properties")).toObject();
        const QJsonObject geometry = f.value(QLatin1String("geometry")).toObject();
        const auto kind = kindFromKey(props.value(QLatin1String("kind")).toString());
        const QString type = geometry.value(QLatin1String("type")).toString();
        if (!kind || geometry.isEmpty()) {
            ++m_skipped;
            continue;
        }
        Feature feature;
        feature.kind = *kind;
        feature.name = props.value(QLatin1String("name")).toString();
        feature.highway = props.value(QLatin1String("highway")).toString();
        feature.featureClass = props.value(QLatin1String("class")).toString();
        feature.bridge = props.value(QLatin1String("bridge")).toBool();
        const QJsonValue coordinates = geometry.value(QLatin1String("coordinates"));
        bool valid = true;
        if (type == QLatin1String("LineString")) {
            QList<QPointF> line;
            valid = readLine(coordinates, 2, &line);
            feature.parts.append(line);
        } else if (type == QLatin1String("MultiLineString")) {
            const QJsonArray lines = coordinates.toArray();
            valid = coordinates.isArray() && !lines.isEmpty();
            for (const QJsonValue &l : lines) {
                QList<QPointF> line;
                if (!readLine(l, 2, &line)) {
                    valid = false;
                    break;
                }
                feature.parts.append(line);
            }
        } else if (type == QLatin1String("Polygon")) {
            feature.isArea = true;
            valid = readRings(coordinates, &feature.parts);
        } else if (type == QLatin1String("MultiPolygon")) {
            feature.isArea = true;
            const QJsonArray polygons = coordinates.toArray();
            valid = coordinates.isArray() && !polygons.isEmpty();
            for (const QJsonValue &p : polygons) {
                if (!readRings(p, &feature.parts)) {
                    valid = false;
                    break;
                }
            }
        } else {
            ++m_skipped; // points and anything else: not drawn
            continue;
        }
        if (!valid) {
            return fail(tr("Feature %1 (%2): its %3 coordinates are malformed.")
                            .arg(i + 1)
                            .arg(props.value(QLatin1String("kind")).toString(), type));
        }
        // Streets and water lines are lines; an area kind given as a line is still drawn as one.
        double left = feature.parts.first().first().x(), right = left;
        double top = feature.parts.first().first().y(), bottom = top;
        for (const QList<QPointF> &part : std::as_const(feature.parts)) {
            for (const QPointF &p : part) {
                left = std::min(left, p.x());
                right = std::max(right, p.x());
                top = std::min(top, p.y());
                bottom = std::max(bottom, p.y());
            }
        }
        feature.bounds = QRectF(QPointF(left, top), QPointF(right, bottom));
        // A horizontal or vertical line has an empty rectangle: give it a hair of size.
        if (feature.bounds.width() <= 0)
            feature.bounds.setWidth(1e-9);
        if (feature.bounds.height() <= 0)
            feature.bounds.setHeight(1e-9);
        m_bounds = m_bounds.isNull() ? feature.bounds : m_bounds.united(feature.bounds);
        m_features.append(std::move(feature));
    }
    if (m_features.isEmpty())
        return fail(tr("The basemap has no street, water, park or building to draw."));
    if (m_attribution.isEmpty())
        m_attribution = tr("© OpenStreetMap contributors");
    return true;
}

} // namespace relais
