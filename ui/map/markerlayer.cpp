#include "markerlayer.h"

#include "displayformat.h"
#include "geo/markerclusterer.h"
#include "geo/webmercator.h"
#include "livestate.h"
#include "mapmarkers.h"
#include "markerpainter.h"
#include "uicolors.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace relais {

namespace {

// Below these zooms markers are clustered, in cells of so many pixels.
constexpr double kAlarmClusterBelow = 14.0;
constexpr double kAlarmCellPx = 56.0;
constexpr double kHelperClusterBelow = 13.0;
constexpr double kHelperCellPx = 48.0;
constexpr double kDeviceClusterBelow = 17.0;
constexpr double kDeviceCellPx = 40.0;
constexpr double kDevicesFrom = 16.0; // devices drawn from this zoom on (or when asked)
constexpr double kHelperNamesFrom = 16.0;
constexpr double kHelperSpeedMPerMin = 250.0; // 15 km/h, a bicycle in town: the ETA's assumption
constexpr int kPulseMs = 70;
const QColor kDeviceClusterColour(0x78, 0x82, 0x90, 200);
const QColor kSelection(0x0d, 0x47, 0xa1);

void drawHaloText(QPainter &p, QPointF at, const QString &text, const QColor &colour)
{
    QPainterPath path;
    path.addText(at, p.font(), text);
    p.strokePath(path, QPen(QColor(255, 255, 255, 230), 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.fillPath(path, colour);
}

void blit(QPainter &p, QPointF centre, const QPixmap &sprite)
{
    const QSizeF size = sprite.deviceIndependentSize();
    p.drawPixmap(QPointF(centre.x() - size.width() / 2, centre.y() - size.height() / 2), sprite);
}

} // namespace

MarkerLayer::MarkerLayer(QObject *parent) : QObject(parent), m_painter(std::make_unique<MarkerPainter>())
{
    m_markers = new MapMarkers(this);
    connect(m_markers, &MapMarkers::changed, this, &MarkerLayer::onMarkersChanged);
    m_pulse.setInterval(kPulseMs);
    connect(&m_pulse, &QTimer::timeout, this, &MarkerLayer::pulse);
}

MarkerLayer::~MarkerLayer() = default;

void MarkerLayer::setLiveState(const LiveState *state)
{
    m_markers->setLiveState(state);
}

void MarkerLayer::setShowDevices(bool show)
{
    if (show == m_showDevices)
        return;
    m_showDevices = show;
    emit changed(QRect());
}

void MarkerLayer::setSelectedAlarm(qint64 id)
{
    if (id == m_selectedAlarm)
        return;
    m_selectedAlarm = id;
    emit changed(QRect());
}

void MarkerLayer::setSelectedHelper(const QString &id)
{
    if (id == m_selectedHelper)
        return;
    m_selectedHelper = id;
    emit changed(QRect());
}

bool MarkerLayer::clustersAlarms(double zoom)
{
    return zoom < kAlarmClusterBelow;
}

bool MarkerLayer::clustersHelpers(double zoom)
{
    return zoom < kHelperClusterBelow;
}

bool MarkerLayer::drawsDevices(double zoom) const
{
    return m_showDevices || zoom >= kDevicesFrom;
}

void MarkerLayer::onMarkersChanged()
{
    emit markersChanged();
    emit changed(QRect());
    if (!m_pulse.isActive())
        pulse(); // starts the pulse if an unacknowledged alarm is in view
}

template<typename Rank>
QList<MarkerLayer::Shape> MarkerLayer::shapes(const SpatialGrid &grid, bool cluster, double cellPx,
                                              const MapViewport &view, QRectF screenArea, Rank rank)
{
    QList<Shape> out;
    if (grid.isEmpty())
        return out;
    const double scale = view.scale();
    const QPointF origin = view.origin();
    if (!cluster) {
        const QRectF area0(screenArea.topLeft() / scale + origin / scale, screenArea.size() / scale);
        grid.forEachIn(area0, [&](const SpatialGrid::Entry &e) {
            out.append(Shape{e.position * scale - origin, 1, rank(e.id), e.id, QRectF(e.position, QSizeF())});
        });
        return out;
    }
    // Whole cells only, so that a cluster is the same whatever part of the view is drawn.
    QRectF area = screenArea.translated(origin);
    area.setLeft(std::floor(area.left() / cellPx) * cellPx);
    area.setTop(std::floor(area.top() / cellPx) * cellPx);
    area.setRight(std::ceil(area.right() / cellPx) * cellPx - 1e-9);
    area.setBottom(std::ceil(area.bottom() / cellPx) * cellPx - 1e-9);
    thread_local MarkerClusterer clusterer;
    clusterer.reset(area, cellPx);
    grid.forEachIn(QRectF(area.topLeft() / scale, area.size() / scale),
                   [&](const SpatialGrid::Entry &e) { clusterer.add(e.id, e.position * scale, rank(e.id)); });
    const QList<MarkerClusterer::Cluster> clusters = clusterer.clusters();
    out.reserve(clusters.size());
    for (const MarkerClusterer::Cluster &c : clusters) {
        out.append(Shape{c.center - origin, c.count, c.worstRank, c.firstId,
                         QRectF(c.bounds.topLeft() / scale, c.bounds.size() / scale)});
    }
    return out;
}

QList<MarkerLayer::Shape> MarkerLayer::alarmShapes(const MapViewport &view, const QRectF &screenArea) const
{
    const QList<MapMarkers::AlarmMarker> &alarms = m_markers->alarms();
    return shapes(m_markers->alarmGrid(), clustersAlarms(view.zoom()), kAlarmCellPx, view, screenArea,
                  [&alarms](quint32 i) { return alarms.at(i).rank; });
}

QList<MarkerLayer::Shape> MarkerLayer::helperShapes(const MapViewport &view, const QRectF &screenArea) const
{
    const QList<MapMarkers::HelperMarker> &helpers = m_markers->helpers();
    return shapes(m_markers->helperGrid(), clustersHelpers(view.zoom()), kHelperCellPx, view, screenArea,
                  [&helpers](quint32 i) { return helpers.at(i).rank; });
}

QList<MarkerLayer::Shape> MarkerLayer::deviceShapes(const MapViewport &view, const QRectF &screenArea) const
{
    if (!drawsDevices(view.zoom()))
        return {};
    const auto noRank = [](quint32) {
        return 0;
    };
    if (view.zoom() >= kDeviceClusterBelow)
        return shapes(m_markers->deviceGrid(), false, kDeviceCellPx, view, screenArea, noRank);

    // Clusters are made of whole cells fixed in the world at a zoom: those of a wider area,
    // cut to the cells this area touches, are the ones this area would get.
    const QPointF origin = view.origin();
    const auto wholeCells = [](QRectF r) {
        return QRectF(
            QPointF(std::floor(r.left() / kDeviceCellPx), std::floor(r.top() / kDeviceCellPx)) * kDeviceCellPx,
            QPointF(std::ceil(r.right() / kDeviceCellPx), std::ceil(r.bottom() / kDeviceCellPx)) * kDeviceCellPx);
    };
    const QRectF wanted = wholeCells(screenArea.translated(origin));
    ClusterCache &cache = m_deviceClusters;
    if (cache.zoom != view.zoom() || cache.generation != m_markers->deviceGeneration()
        || !cache.area.contains(wanted)) {
        // The view and a margin, so that a short pan needs no new clustering.
        constexpr double kMarginPx = 160;
        const QRectF wide =
            wholeCells(QRectF(view.rect()).adjusted(-kMarginPx, -kMarginPx, kMarginPx, kMarginPx).translated(origin))
                .united(wanted);
        cache.zoom = view.zoom();
        cache.generation = m_markers->deviceGeneration();
        cache.area = wide;
        cache.shapes = shapes(m_markers->deviceGrid(), true, kDeviceCellPx, view, wide.translated(-origin), noRank);
        for (Shape &shape : cache.shapes)
            shape.screen += origin;
    }
    QList<Shape> out;
    for (const Shape &shape : std::as_const(cache.shapes)) {
        // A cluster lies in its cell: keep those whose cell is one of the wanted ones.
        const QPointF cell(std::floor(shape.screen.x() / kDeviceCellPx) * kDeviceCellPx,
                           std::floor(shape.screen.y() / kDeviceCellPx) * kDeviceCellPx);
        if (wanted.contains(cell + QPointF(kDeviceCellPx / 2, kDeviceCellPx / 2)))
            out.append(Shape{shape.screen - origin, shape.count, shape.worstRank, shape.first, shape.bounds0});
    }
    return out;
}

void MarkerLayer::draw(QPainter &p, const MapViewport &view, const QRect &dirty) const
{
    if (m_markers->alarms().isEmpty() && m_markers->helpers().isEmpty() && m_markers->devices().isEmpty())
        return;
    const qreal dpr = view.devicePixelRatio();
    p.setRenderHint(QPainter::Antialiasing);
    // Shapes reaching into the dirty rectangle: a margin for the largest bubble.
    const QRectF area = QRectF(dirty).adjusted(-40, -40, 40, 40);

    // Devices: faint, under everything.
    for (const Shape &s : deviceShapes(view, area)) {
        if (s.count == 1)
            blit(p, s.screen, m_painter->device(dpr));
        else
            blit(p, s.screen, m_painter->cluster(s.count, kDeviceClusterColour, true, dpr));
    }

    drawMissions(p, view);

    // Helpers on duty.
    const QList<MapMarkers::HelperMarker> &helpers = m_markers->helpers();
    QFont nameFont = m_font;
    nameFont.setPixelSize(11);
    for (const Shape &s : helperShapes(view, area)) {
        if (s.count > 1) {
            blit(p, s.screen,
                 m_painter->cluster(s.count, UiColors::availability(helpers.at(s.first).availability), true, dpr));
            continue;
        }
        const MapMarkers::HelperMarker &h = helpers.at(s.first);
        if (!std::isnan(h.heading)) {
            // Heading: a small arrow just outside the disc, towards where they go.
            p.save();
            p.translate(s.screen);
            p.rotate(h.heading);
            p.setPen(QPen(Qt::white, 1));
            p.setBrush(UiColors::availability(h.availability));
            const double r = MarkerPainter::kHelperRadius;
            p.drawPolygon(QPolygonF{QPointF(0, -r - 7), QPointF(-4.5, -r + 1), QPointF(4.5, -r + 1)});
            p.restore();
        }
        if (h.id == m_selectedHelper) {
            p.setPen(QPen(kSelection, 3));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(s.screen, MarkerPainter::kHelperRadius + 4, MarkerPainter::kHelperRadius + 4);
        }
        blit(p, s.screen, m_painter->helper(h.availability, dpr));
        if (view.zoom() >= kHelperNamesFrom && !h.name.isEmpty()) {
            p.setFont(nameFont);
            drawHaloText(p, s.screen + QPointF(MarkerPainter::kHelperRadius + 4, 4), h.name, QColor(0x1f, 0x2a, 0x33));
        }
    }

    // Open alarms, on top.
    const QList<MapMarkers::AlarmMarker> &alarms = m_markers->alarms();
    const QList<Severity> severities = Severities::all();
    const auto severityOfRank = [&severities](int rank) {
        for (Severity s : severities) {
            if (Severities::rank(s) == rank)
                return s;
        }
        return Severity::Major;
    };
    QFont badgeFont = m_font;
    badgeFont.setPixelSize(10);
    badgeFont.setBold(true);
    const double pulse = 0.5 - 0.5 * std::cos(m_pulsePhase * 2 * std::numbers::pi);
    for (const Shape &s : alarmShapes(view, area)) {
        if (s.count > 1) {
            blit(p, s.screen, m_painter->cluster(s.count, UiColors::severity(severityOfRank(s.worstRank)), false, dpr));
            continue;
        }
        const MapMarkers::AlarmMarker &a = alarms.at(s.first);
        const QColor colour = UiColors::severity(a.severity);
        if (a.state == Alarm::State::New) {
            // Unacknowledged: a halo that breathes.
            QColor halo = colour;
            halo.setAlphaF(0.45f * float(1.0 - pulse) + 0.1f);
            p.setPen(Qt::NoPen);
            p.setBrush(halo);
            const double r = MarkerPainter::kAlarmRadius + 3 + 9 * pulse;
            p.drawEllipse(s.screen, r, r);
            if (a.escalated && pulse < 0.5) {
                // Not acknowledged in time: a ring that flashes on and off.
                p.setPen(QPen(UiColors::attentionText(), 3));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(s.screen, MarkerPainter::kAlarmRadius + 8, MarkerPainter::kAlarmRadius + 8);
            }
        }
        if (a.id == m_selectedAlarm) {
            p.setPen(QPen(kSelection, 3.5));
            p.setBrush(QColor(255, 255, 255, 160));
            p.drawEllipse(s.screen, MarkerPainter::kAlarmRadius + 5, MarkerPainter::kAlarmRadius + 5);
        }
        blit(p, s.screen, m_painter->alarm(a.kind, a.severity, dpr));
        if (a.count > 1) {
            // Repeats: a dark badge on the upper right.
            const QString text = a.count > 99 ? QStringLiteral("99+") : QString::number(a.count);
            p.setFont(badgeFont);
            const QFontMetricsF fm(badgeFont);
            const double w = std::max(fm.height(), fm.horizontalAdvance(text) + 6);
            const QRectF badge(s.screen.x() + 5, s.screen.y() - MarkerPainter::kAlarmRadius - 5, w, fm.height());
            p.setPen(QPen(Qt::white, 1.2));
            p.setBrush(QColor(0x26, 0x26, 0x26));
            p.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
            p.setPen(Qt::white);
            p.drawText(badge, Qt::AlignCenter, text);
        }
    }
}

void MarkerLayer::drawMissions(QPainter &p, const MapViewport &view) const
{
    const QHash<qint64, MapMarkers::MissionMarker> &missions = m_markers->missions();
    if (missions.isEmpty())
        return;
    const QRectF view0 = view.visibleWorld(40);
    const double scale = view.scale();
    const QPointF origin = view.origin();
    const QRect rect = view.rect();
    QFont labelFont = m_font;
    labelFont.setPixelSize(11);
    p.setFont(labelFont);
    for (const MapMarkers::MissionMarker &m : missions) {
        const MapMarkers::AlarmMarker *a = m_markers->alarm(m.alarmId);
        if (!a)
            continue;
        const QPointF alarmAt = a->world0 * scale - origin;
        if (m.broadcastM > 0 && m.pendingOffers > 0) {
            // The offers' reach around the alarm.
            const double latitude = WebMercator::toCoordinate(a->world0, 0).latitude();
            const double r = m.broadcastM / WebMercator::metresPerPixel(latitude, view.zoom());
            if (QRectF(alarmAt - QPointF(r, r), QSizeF(2 * r, 2 * r)).intersects(rect)) {
                QColor fill = UiColors::availability(Helper::Availability::Offered);
                QColor edge = fill.darker(115);
                fill.setAlpha(34);
                QPen pen(edge, 1.6, Qt::DashLine);
                p.setPen(pen);
                p.setBrush(fill);
                p.drawEllipse(alarmAt, r, r);
            }
        }
        if (m.assignee.isEmpty())
            continue;
        const MapMarkers::HelperMarker *h = m_markers->helper(m.assignee);
        if (!h)
            continue;
        const QRectF span = QRectF(h->world0, a->world0).normalized();
        if (!span.adjusted(-1e-9, -1e-9, 1e-9, 1e-9).intersects(view0))
            continue;
        const QPointF helperAt = h->world0 * scale - origin;
        QPen pen(UiColors::availability(h->availability), 2.5, Qt::DashLine, Qt::RoundCap);
        pen.setDashPattern({4, 3});
        p.setPen(pen);
        p.drawLine(helperAt, alarmAt);
        const QPointF middle = (helperAt + alarmAt) / 2;
        if (QLineF(helperAt, alarmAt).length() < 70 || !rect.contains(middle.toPoint()))
            continue;
        const double metres =
            WebMercator::toCoordinate(h->world0, 0).distanceTo(WebMercator::toCoordinate(a->world0, 0));
        const QString distance = DisplayFormat::distance(metres);
        const int minutes = std::max(1, int(std::ceil(metres / kHelperSpeedMPerMin)));
        drawHaloText(p, middle + QPointF(6, -4), tr("%1 · about %2 min").arg(distance).arg(minutes),
                     QColor(0x1f, 0x2a, 0x33));
    }
}

void MarkerLayer::pulse()
{
    // Repaints only the halos of unacknowledged alarms in view.
    QList<QPointF> halos;
    const QList<MapMarkers::AlarmMarker> &alarms = m_markers->alarms();
    bool any = false;
    for (const MapMarkers::AlarmMarker &a : alarms)
        any = any || a.state == Alarm::State::New;
    if (any && m_visible) {
        for (const Shape &s : alarmShapes(m_view, QRectF(m_view.rect()).adjusted(-30, -30, 30, 30))) {
            if (s.count == 1 && alarms.at(s.first).state == Alarm::State::New)
                halos.append(s.screen);
        }
    }
    if (halos.isEmpty()) {
        m_pulse.stop();
        return;
    }
    if (!m_pulse.isActive())
        m_pulse.start();
    m_pulsePhase = std::fmod(m_pulsePhase + kPulseMs / 1100.0, 1.0);
    const int r = int(MarkerPainter::kAlarmRadius + 14);
    for (const QPointF &c : std::as_const(halos))
        emit changed(QRect(c.toPoint() - QPoint(r, r), QSize(2 * r, 2 * r)));
}

MarkerLayer::Hit MarkerLayer::hitTest(QPointF screen, const MapViewport &view) const
{
    Hit hit;
    const QRectF around(screen - QPointF(30, 30), QSizeF(60, 60));
    const auto nearest = [&screen](const QList<Shape> &list, auto radiusOf) -> const Shape * {
        const Shape *best = nullptr;
        double bestD = 0;
        for (const Shape &s : list) {
            const double d = QLineF(s.screen, screen).length();
            if (d <= radiusOf(s) && (!best || d < bestD)) {
                best = &s;
                bestD = d;
            }
        }
        return best;
    };
    // The lists live until the end of each branch: nearest() points into them.
    const QList<Shape> alarms = alarmShapes(view, around);
    if (const Shape *s = nearest(alarms, [](const Shape &x) {
            return x.count > 1 ? MarkerPainter::clusterRadius(x.count, false) + 2 : MarkerPainter::kAlarmRadius + 3;
        })) {
        hit.kind = s->count > 1 ? Hit::Kind::AlarmCluster : Hit::Kind::Alarm;
        hit.alarmId = m_markers->alarms().at(s->first).id;
        hit.count = s->count;
        hit.bounds0 = s->bounds0;
        hit.screen = s->screen;
        return hit;
    }
    const QList<Shape> helpers = helperShapes(view, around);
    if (const Shape *s = nearest(helpers, [](const Shape &x) {
            return x.count > 1 ? MarkerPainter::clusterRadius(x.count, true) + 2 : MarkerPainter::kHelperRadius + 3;
        })) {
        hit.kind = s->count > 1 ? Hit::Kind::HelperCluster : Hit::Kind::Helper;
        hit.id = m_markers->helpers().at(s->first).id;
        hit.count = s->count;
        hit.bounds0 = s->bounds0;
        hit.screen = s->screen;
        return hit;
    }
    const QList<Shape> devices = deviceShapes(view, around);
    if (const Shape *s = nearest(devices, [](const Shape &x) {
            return x.count > 1 ? MarkerPainter::clusterRadius(x.count, true) + 2 : MarkerPainter::kDeviceRadius + 3;
        })) {
        hit.kind = s->count > 1 ? Hit::Kind::DeviceCluster : Hit::Kind::Device;
        hit.id = m_markers->devices().at(s->first).id;
        hit.count = s->count;
        hit.bounds0 = s->bounds0;
        hit.screen = s->screen;
    }
    return hit;
}

QString MarkerLayer::toolTip(const Hit &hit) const
{
    const LiveState *live = m_markers->liveState();
    if (!live)
        return {};
    const DispatchState &state = live->state();
    switch (hit.kind) {
    case Hit::Kind::Alarm:
        if (const Alarm *a = state.alarm(hit.alarmId)) {
            QString place = a->address;
            if (const Device *d = state.device(a->deviceId()); d && place.isEmpty())
                place = d->address;
            QStringList lines{tr("%1 — %2").arg(AlarmKinds::label(a->kind()), Severities::label(a->severity())),
                              Alarm::stateLabel(a->state())};
            if (!place.isEmpty())
                lines.append(place);
            if (a->count() > 1)
                lines.append(tr("Repeated %n times", nullptr, a->count()));
            if (const Helper *h = state.helper(a->helperId))
                lines.append(tr("Helper: %1").arg(h->name));
            return lines.join(QLatin1Char('\n'));
        }
        break;
    case Hit::Kind::Helper:
        if (const Helper *h = state.helper(hit.id))
            return tr("%1 — %2").arg(h->name, Helper::availabilityLabel(h->availability()));
        break;
    case Hit::Kind::Device:
        if (const Device *d = state.device(hit.id))
            return d->address.isEmpty() ? d->label : tr("%1 — %2").arg(d->label, d->address);
        break;
    case Hit::Kind::AlarmCluster:
        return tr("%n open alarms: click to zoom in", nullptr, hit.count);
    case Hit::Kind::HelperCluster:
        return tr("%n helpers on duty: click to zoom in", nullptr, hit.count);
    case Hit::Kind::DeviceCluster:
        return tr("%n devices: click to zoom in", nullptr, hit.count);
    case Hit::Kind::None:
        break;
    }
    return {};
}

} // namespace relais
