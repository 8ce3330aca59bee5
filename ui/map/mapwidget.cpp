#include "mapwidget.h"

#include "basemaplayer.h"
#include "displayformat.h"
#include "geo/basemapdata.h"
#include "geo/webmercator.h"
#include "livestate.h"
#include "mapmarkers.h"
#include "mapviewport.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace relais {

namespace {

constexpr int kDragThreshold = 4;

} // namespace

MapWidget::MapWidget(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Map"));
    setCursor(Qt::OpenHandCursor);
    m_center0 = WebMercator::toWorld(46.6, 2.4, 0); // France, until told otherwise
    m_zoom = 6.0;
    m_basemap = new BasemapLayer(this);
    m_basemap->setFont(font());
    connect(m_basemap, &BasemapLayer::changed, this, &MapWidget::onLayerChanged);
    connect(m_basemap, &BasemapLayer::noticeChanged, this, &MapWidget::basemapNoticeChanged);
    m_markerLayer = new MarkerLayer(this);
    m_markerLayer->setFont(font());
    m_markerLayer->setVisible(false); // until shown: no halo pulses for nobody
    // Before the layer repaints and looks for halos in view: a view that follows the markers
    // moves first.
    connect(m_markerLayer, &MarkerLayer::markersChanged, this, [this] {
        if (m_fit && m_fit->followMarkers)
            applyFit();
    });
    connect(m_markerLayer, &MarkerLayer::changed, this, &MapWidget::onLayerChanged);
    syncLayers();
}

MapWidget::~MapWidget() = default;

// --- basemaps

void MapWidget::setOnlineTileSource(TileSource *source)
{
    syncLayers();
    m_basemap->setOnlineTileSource(source);
}

TileSource *MapWidget::onlineTileSource() const
{
    return m_basemap->onlineTileSource();
}

void MapWidget::setBasemap(const BasemapData &basemap)
{
    syncLayers();
    m_basemap->setBasemap(basemap);
}

bool MapWidget::loadBasemap(const QString &path)
{
    BasemapData basemap;
    if (!basemap.load(path)) {
        m_basemapError = basemap.errorString();
        return false;
    }
    m_basemapError.clear();
    setBasemap(basemap);
    return true;
}

bool MapWidget::hasVectorBasemap() const
{
    return m_basemap->hasVectorBasemap();
}

QRectF MapWidget::basemapBounds() const
{
    if (!m_basemap->hasVectorBasemap())
        return {};
    const QRectF bounds0 = m_basemap->basemapBounds0();
    const QGeoCoordinate tl = WebMercator::toCoordinate(bounds0.topLeft(), 0);
    const QGeoCoordinate br = WebMercator::toCoordinate(bounds0.bottomRight(), 0);
    return QRectF(QPointF(tl.longitude(), br.latitude()), QPointF(br.longitude(), tl.latitude()));
}

bool MapWidget::isFallingBack() const
{
    return m_basemap->isFallingBack();
}

void MapWidget::setOnlineRetryInterval(int ms)
{
    m_basemap->setOnlineRetryInterval(ms);
}

TileProvider *MapWidget::activeProvider() const
{
    return m_basemap->activeProvider();
}

QString MapWidget::attribution() const
{
    return m_basemap->attribution();
}

QString MapWidget::missingBasemapText() const
{
    return m_basemap->missingBasemapText();
}

void MapWidget::setTileCacheLimit(int kib)
{
    m_basemap->setTileCacheLimit(kib);
}

int MapWidget::tileZoom() const
{
    return m_basemap->tileZoom(viewport());
}

QRectF MapWidget::tileRect(const TileKey &key) const
{
    return viewport().tileRect(key);
}

QList<TileKey> MapWidget::visibleTiles() const
{
    return m_basemap->visibleTiles(viewport());
}

QSet<TileKey> MapWidget::requestedTiles() const
{
    return m_basemap->requestedTiles();
}

void MapWidget::checkDevicePixelRatio()
{
    m_basemap->updateDevicePixelRatio(viewport());
}

// --- view

void MapWidget::syncLayers()
{
    const MapViewport view = viewport();
    m_basemap->setViewport(view);
    m_markerLayer->setViewport(view);
}

void MapWidget::updateLayers()
{
    const MapViewport view = viewport();
    m_markerLayer->setViewport(view);
    m_basemap->updateTiles(view);
}

QGeoCoordinate MapWidget::center() const
{
    return WebMercator::toCoordinate(m_center0, 0);
}

MapViewport MapWidget::viewport() const
{
    return MapViewport(m_center0, m_zoom, size(), devicePixelRatioF());
}

void MapWidget::setCenterWorld0(QPointF world0)
{
    m_fit.reset();
    const double size = WebMercator::tileSize;
    world0.setX(std::clamp(world0.x(), 0.0, size));
    world0.setY(std::clamp(world0.y(), 0.0, size));
    if (world0 == m_center0)
        return;
    m_center0 = world0;
    viewHasChanged();
}

void MapWidget::viewHasChanged()
{
    updateLayers();
    update();
    emit viewChanged();
}

void MapWidget::setCenter(const QGeoCoordinate &center)
{
    m_fit.reset();
    if (center.isValid())
        setCenterWorld0(WebMercator::toWorld(center, 0));
}

void MapWidget::setZoom(double zoom)
{
    m_fit.reset();
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (zoom == m_zoom)
        return;
    m_zoom = zoom;
    viewHasChanged();
}

void MapWidget::setView(const QGeoCoordinate &center, double zoom)
{
    m_fit.reset();
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (center.isValid())
        m_center0 = WebMercator::toWorld(center, 0);
    viewHasChanged();
}

void MapWidget::zoomAround(double steps, QPointF anchor)
{
    m_fit.reset();
    const double zoom = std::clamp(m_zoom + steps, kMinZoom, kMaxZoom);
    if (zoom == m_zoom)
        return;
    // The world point under the anchor stays under it.
    const QPointF anchor0 = viewport().screenToWorld(anchor);
    const QPointF offset = anchor - QPointF(width() / 2.0, height() / 2.0);
    m_zoom = zoom;
    m_center0 = anchor0 - offset / std::exp2(m_zoom);
    viewHasChanged();
}

void MapWidget::fitCoordinates(const QGeoCoordinate &topLeft, const QGeoCoordinate &bottomRight, int margin,
                               double maxZoom)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    const QPointF a = WebMercator::toWorld(topLeft, 0), b = WebMercator::toWorld(bottomRight, 0);
    m_fit = Fit{QRectF(a, b).normalized(), margin, maxZoom, false};
    applyFit();
}

void MapWidget::applyFit()
{
    if (!m_fit)
        return;
    if (m_fit->followMarkers) {
        const MapMarkers *m = markers();
        QRectF box = m->deviceGrid().bounds();
        const QRectF alarms = m->alarmGrid().bounds();
        if (m->alarmGrid().size() > 0)
            box = m->deviceGrid().isEmpty() ? alarms : box.united(alarms);
        if (!m->deviceGrid().isEmpty() || !m->alarmGrid().isEmpty())
            m_fit->box0 = box;
    }
    const QRectF &box = m_fit->box0;
    const double w = std::max(1.0, width() - 2.0 * m_fit->margin), h = std::max(1.0, height() - 2.0 * m_fit->margin);
    double zoom = m_fit->maxZoom;
    if (box.width() > 0)
        zoom = std::min(zoom, std::log2(w / box.width()));
    if (box.height() > 0)
        zoom = std::min(zoom, std::log2(h / box.height()));
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    m_center0 = box.center();
    viewHasChanged();
}

QPointF MapWidget::toScreen(const QGeoCoordinate &where) const
{
    return viewport().toScreen(where);
}

QGeoCoordinate MapWidget::toCoordinate(QPointF screen) const
{
    return viewport().toCoordinate(screen);
}

QSize MapWidget::sizeHint() const
{
    return {640, 480};
}

QSize MapWidget::minimumSizeHint() const
{
    return {240, 160};
}

// --- painting

void MapWidget::paintEvent(QPaintEvent *event)
{
    checkDevicePixelRatio();
    const MapViewport view = viewport();
    QPainter p(this);
    m_basemap->draw(p, view, event->rect());
    m_markerLayer->draw(p, view, event->rect());
    drawScaleBar(p, view);
    m_basemap->drawOverlay(p, view);
}

void MapWidget::onLayerChanged(const QRect &dirty)
{
    if (dirty.isNull())
        update();
    else
        update(dirty);
}

// The scale bar is the view's, not the basemap's: it is drawn whatever the background.
void MapWidget::drawScaleBar(QPainter &p, const MapViewport &view) const
{
    const double mpp = view.metresPerPixel();
    const int maxWidth = 120;
    double metres = 1;
    for (double magnitude = 1; magnitude <= 1e7; magnitude *= 10) {
        for (double f : {1.0, 2.0, 5.0}) {
            if (f * magnitude / mpp <= maxWidth)
                metres = f * magnitude;
        }
    }
    const double barWidth = metres / mpp;
    const QString label = DisplayFormat::length(metres);
    QFont small = font();
    small.setPointSizeF(std::max(7.5, small.pointSizeF() * 0.85));
    p.setFont(small);
    const QFontMetricsF fm(small);
    const double margin = 8;
    const QRectF plate(margin, view.height() - margin - fm.height() - 10,
                       std::max(barWidth, fm.horizontalAdvance(label)) + 10, fm.height() + 10);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillRect(plate, QColor(255, 255, 255, 190));
    const double x0 = plate.left() + 5, y = plate.bottom() - 4;
    p.setPen(QPen(QColor(0x33, 0x33, 0x33), 1.5));
    p.drawLine(QPointF(x0, y), QPointF(x0 + barWidth, y));
    p.drawLine(QPointF(x0, y), QPointF(x0, y - 5));
    p.drawLine(QPointF(x0 + barWidth, y), QPointF(x0 + barWidth, y - 5));
    p.drawText(QRectF(x0 + 2, plate.top() + 1, plate.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter, label);
}

// --- interaction

void MapWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fit)
        applyFit();
    updateLayers();
}

void MapWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    checkDevicePixelRatio();
    updateLayers();
    m_markerLayer->setVisible(isVisible());
}

void MapWidget::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // A minimised window stays visible (a spontaneous hide): only a real hide stops the pulse.
    m_markerLayer->setVisible(event->spontaneous() && isVisible());
}

void MapWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ScreenChangeInternal) {
        checkDevicePixelRatio();
    } else if (event->type() == QEvent::FontChange) {
        m_basemap->setFont(font());
        m_markerLayer->setFont(font());
    }
}

void MapWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_pressCenter0 = m_center0;
}

void MapWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    emit cursorCoordinateChanged(toCoordinate(pos));
    if (!m_pressed)
        return;
    const QPoint delta = pos.toPoint() - m_pressPos;
    if (!m_dragging && delta.manhattanLength() < kDragThreshold)
        return;
    if (!m_dragging) {
        m_dragging = true;
        setCursor(Qt::ClosedHandCursor);
    }
    setCenterWorld0(m_pressCenter0 - QPointF(delta) / std::exp2(m_zoom));
}

void MapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        setCursor(Qt::OpenHandCursor);
        return;
    }
    // A click: select what is under it, or zoom into a cluster.
    const Hit hit = hitTest(event->position());
    switch (hit.kind) {
    case Hit::Kind::Alarm:
        setSelectedAlarm(hit.alarmId);
        emit alarmSelected(hit.alarmId);
        break;
    case Hit::Kind::Helper:
        setSelectedHelper(hit.id);
        emit helperSelected(hit.id);
        break;
    case Hit::Kind::AlarmCluster:
    case Hit::Kind::HelperCluster:
    case Hit::Kind::DeviceCluster:
        zoomInto(hit.bounds0);
        break;
    case Hit::Kind::Device:
    case Hit::Kind::None:
        break;
    }
}

void MapWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    zoomAround(event->modifiers() & Qt::ShiftModifier ? -1.0 : 1.0, event->position());
}

void MapWidget::wheelEvent(QWheelEvent *event)
{
    // One notch of a mouse wheel: half a zoom level; touchpads send finer steps.
    const double steps = event->angleDelta().y() / 240.0;
    if (steps != 0)
        zoomAround(steps, event->position());
    event->accept();
}

void MapWidget::keyPressEvent(QKeyEvent *event)
{
    const double pan = std::min(width(), height()) / 4.0 / std::exp2(m_zoom);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAround(1.0, QPointF(width() / 2.0, height() / 2.0));
        break;
    case Qt::Key_Minus:
        zoomAround(-1.0, QPointF(width() / 2.0, height() / 2.0));
        break;
    case Qt::Key_Left:
        setCenterWorld0(m_center0 - QPointF(pan, 0));
        break;
    case Qt::Key_Right:
        setCenterWorld0(m_center0 + QPointF(pan, 0));
        break;
    case Qt::Key_Up:
        setCenterWorld0(m_center0 - QPointF(0, pan));
        break;
    case Qt::Key_Down:
        setCenterWorld0(m_center0 + QPointF(0, pan));
        break;
    case Qt::Key_F:
        fitOpenAlarms();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MapWidget::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    emit cursorCoordinateChanged(QGeoCoordinate());
}

// --- live layers

bool MapWidget::fitOpenAlarms()
{
    markers()->flush();
    const SpatialGrid &grid = markers()->alarmGrid();
    if (grid.isEmpty())
        return false;
    const QRectF box = grid.bounds();
    m_fit = Fit{box, 64, 16.0, false};
    applyFit();
    m_fit.reset(); // alarms come and go: this view stays until moved
    return true;
}

bool MapWidget::fitMarkers()
{
    markers()->flush();
    QRectF box;
    if (markers()->deviceGrid().isEmpty() && markers()->alarmGrid().isEmpty()) {
        if (!m_basemap->hasVectorBasemap())
            return false;
        box = m_basemap->basemapBounds0();
    }
    m_fit = Fit{box, 40, 16.0, true};
    applyFit();
    return true;
}

void MapWidget::centreOnAlarm(qint64 id)
{
    if (const MapMarkers::AlarmMarker *a = markers()->alarm(id)) {
        m_fit.reset();
        m_zoom = std::max(m_zoom, 15.0);
        m_center0 = a->world0;
        viewHasChanged();
    }
}

void MapWidget::centreOnHelper(const QString &id)
{
    if (const MapMarkers::HelperMarker *h = markers()->helper(id)) {
        m_fit.reset();
        m_zoom = std::max(m_zoom, 15.0);
        m_center0 = h->world0;
        viewHasChanged();
    }
}

void MapWidget::zoomInto(const QRectF &bounds0)
{
    m_fit.reset();
    const double w = std::max(1.0, width() - 120.0), h = std::max(1.0, height() - 120.0);
    double zoom = m_zoom + 2.0;
    if (bounds0.width() > 0 || bounds0.height() > 0) {
        const double zx = bounds0.width() > 0 ? std::log2(w / bounds0.width()) : zoom;
        const double zy = bounds0.height() > 0 ? std::log2(h / bounds0.height()) : zoom;
        zoom = std::clamp(std::min(zx, zy), m_zoom + 1.0, m_zoom + 4.0);
    }
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    m_center0 = bounds0.center();
    viewHasChanged();
}

MapWidget::Hit MapWidget::hitTest(QPointF screen) const
{
    return m_markerLayer->hitTest(screen, viewport());
}

bool MapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = m_markerLayer->toolTip(hitTest(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void MapWidget::setContextMenuFiller(ContextMenuFiller filler)
{
    m_fillContextMenu = std::move(filler);
}

QMenu *MapWidget::createContextMenu(QPointF screen)
{
    markers()->flush();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("mapContextMenu"));
    const Hit hit = hitTest(screen);
    const LiveState *live = markers()->liveState();
    switch (hit.kind) {
    case Hit::Kind::Alarm: {
        const qint64 id = hit.alarmId;
        menu->setTitle(tr("Alarm %1").arg(id));
        // Selected first: the application's entries act on the selected alarm.
        setSelectedAlarm(id);
        emit alarmSelected(id);
        if (m_fillContextMenu)
            m_fillContextMenu(menu, hit, toCoordinate(screen));
        menu->addAction(tr("&Centre on This Alarm"), this, [this, id] { centreOnAlarm(id); })
            ->setObjectName(QStringLiteral("centreAction"));
        break;
    }
    case Hit::Kind::Helper: {
        const QString id = hit.id;
        menu->addAction(tr("&Centre on This Helper"), this, [this, id] { centreOnHelper(id); })
            ->setObjectName(QStringLiteral("centreAction"));
        const Helper *h = live ? live->state().helper(id) : nullptr;
        const Mission *mission = h && h->missionId ? live->state().mission(h->missionId) : nullptr;
        if (mission && markers()->alarm(mission->alarmId())) {
            const qint64 alarmId = mission->alarmId();
            menu->addAction(tr("Show Their &Alarm"), this,
                            [this, alarmId] {
                                setSelectedAlarm(alarmId);
                                emit alarmSelected(alarmId);
                                centreOnAlarm(alarmId);
                            })
                ->setObjectName(QStringLiteral("showAlarmAction"));
        }
        setSelectedHelper(id);
        emit helperSelected(id);
        break;
    }
    case Hit::Kind::AlarmCluster:
    case Hit::Kind::HelperCluster:
    case Hit::Kind::DeviceCluster: {
        const QRectF bounds = hit.bounds0;
        menu->addAction(tr("&Zoom In Here"), this, [this, bounds] { zoomInto(bounds); })
            ->setObjectName(QStringLiteral("zoomInAction"));
        break;
    }
    case Hit::Kind::Device:
    case Hit::Kind::None: {
        const QGeoCoordinate where = toCoordinate(screen);
        if (m_fillContextMenu)
            m_fillContextMenu(menu, hit, where);
        menu->addAction(tr("&Centre Here"), this, [this, where] { setCenter(where); })
            ->setObjectName(QStringLiteral("centreAction"));
        menu->addAction(tr("Copy &Coordinates"), this,
                        [where] { QGuiApplication::clipboard()->setText(DisplayFormat::coordinate(where)); })
            ->setObjectName(QStringLiteral("copyCoordinatesAction"));
        break;
    }
    }
    if (!markers()->alarmGrid().isEmpty()) {
        menu->addSeparator();
        QAction *fit = menu->addAction(tr("&Fit Open Alarms"), this, [this] { fitOpenAlarms(); });
        fit->setObjectName(QStringLiteral("fitAlarmsAction"));
        fit->setShortcut(QKeySequence(Qt::Key_F));
    }
    return menu;
}

void MapWidget::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createContextMenu(event->pos());
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

} // namespace relais
