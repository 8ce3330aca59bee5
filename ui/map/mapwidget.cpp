#include "mapwidget.h"

#include "geo/basemapdata.h"
#include "basemaprenderer.h"
#include "displayformat.h"
#include "livestate.h"
#include "mapmarkers.h"
#include "geo/markerclusterer.h"
#include "markerpainter.h"
#include "rastertileprovider.h"
#include "uicolors.h"
#include "vectortileprovider.h"
#include "geo/webmercator.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMetaMethod>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace relais {

namespace {

constexpr int kDragThreshold = 4;
constexpr int kDefaultRetryMs = 60000;
constexpr int kDefaultCacheKiB = 96 * 1024; // about 380 tiles of 256 px, or 95 at 2x
constexpr int kAncestorLevels = 3;

// Layers: below these zooms markers are clustered, in cells of so many pixels.
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

double snap(double v, qreal dpr)
{
    return std::round(v * dpr) / dpr;
}

} // namespace

MapWidget::MapWidget(QWidget *parent) : QWidget(parent), m_tiles(kDefaultCacheKiB)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Map"));
    setCursor(Qt::OpenHandCursor);
    m_center0 = WebMercator::toWorld(46.6, 2.4, 0); // France, until told otherwise
    m_zoom = 6.0;
    m_painter = std::make_unique<MarkerPainter>();
    m_markers = new MapMarkers(this);
    connect(m_markers, &MapMarkers::changed, this, &MapWidget::onMarkersChanged);
    m_pulse.setInterval(kPulseMs);
    connect(&m_pulse, &QTimer::timeout, this, &MapWidget::pulse);
    m_retry.setSingleShot(true);
    m_retry.setInterval(kDefaultRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &MapWidget::probeOnline);
}

MapWidget::~MapWidget()
{
    // Providers go before the cache and the sets their signals touch.
    m_online.reset();
    m_vector.reset();
}

// --- basemaps

void MapWidget::setOnlineTileSource(TileSource *source)
{
    if (m_online && m_online->source() == source)
        return;
    cancelAllRequests();
    m_retry.stop();
    const bool wasFallingBack = m_fallingBack;
    m_fallingBack = false;
    m_probe = TileKey{-1, 0, 0};
    m_online.reset();
    m_onlineSerial = 0;
    if (source) {
        m_online = std::make_unique<RasterTileProvider>(source);
        m_onlineSerial = m_nextSerial++;
        connectProvider(m_online.get());
    }
    setActiveProvider(m_online ? static_cast<TileProvider *>(m_online.get()) : m_vector.get());
    if (wasFallingBack)
        emit basemapNoticeChanged(QString());
}

TileSource *MapWidget::onlineTileSource() const
{
    return m_online ? m_online->source() : nullptr;
}

void MapWidget::setBasemap(const BasemapData &basemap)
{
    const bool wasActive = m_active && m_active == m_vector.get();
    if (wasActive)
        cancelAllRequests();
    m_vector = std::make_unique<VectorTileProvider>(basemap);
    m_vector->setDevicePixelRatio(devicePixelRatioF());
    m_vectorSerial = m_nextSerial++;
    m_basemapBounds0 = m_vector->worldBounds();
    connectProvider(m_vector.get());
    if (!m_online || m_fallingBack || wasActive)
        setActiveProvider(m_vector.get());
    else
        update(); // the attribution may change... only while drawn: nothing else to do
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
    return m_vector != nullptr;
}

QRectF MapWidget::basemapBounds() const
{
    if (!m_vector)
        return {};
    const QGeoCoordinate tl = WebMercator::toCoordinate(m_basemapBounds0.topLeft(), 0);
    const QGeoCoordinate br = WebMercator::toCoordinate(m_basemapBounds0.bottomRight(), 0);
    return QRectF(QPointF(tl.longitude(), br.latitude()), QPointF(br.longitude(), tl.latitude()));
}

void MapWidget::setOnlineRetryInterval(int ms)
{
    m_retry.setInterval(std::max(ms, 1));
}

QString MapWidget::attribution() const
{
    return m_active ? m_active->attribution() : QString();
}

QString MapWidget::missingBasemapText() const
{
    if (m_vector)
        return {};
    if (m_online && !m_fallingBack)
        return {};
    const QString hint = tr("An offline street map can be set with --basemap or the setting map/basemap.");
    return m_online
               ? tr("The online map cannot be reached and there is no offline street map.") + QLatin1Char('\n') + hint
               : tr("There is no offline street map to draw.") + QLatin1Char('\n') + hint;
}

void MapWidget::setTileCacheLimit(int kib)
{
    m_tiles.setMaxCost(std::max(kib, 1024));
}

void MapWidget::connectProvider(TileProvider *provider)
{
    connect(provider, &TileProvider::tileReady, this,
            [this, provider](const TileKey &key, const QImage &image) { onTileReady(provider, key, image); });
    connect(provider, &TileProvider::tileFailed, this,
            [this, provider](const TileKey &key, TileSource::Failure failure, const QString &why) {
                onTileFailed(provider, key, failure, why);
            });
}

void MapWidget::setActiveProvider(TileProvider *provider)
{
    if (m_active != provider)
        cancelAllRequests();
    m_active = provider;
    m_missing.clear();
    updateTiles();
    update();
}

quint32 MapWidget::serialOf(const TileProvider *provider) const
{
    if (provider && provider == m_online.get())
        return m_onlineSerial;
    if (provider && provider == m_vector.get())
        return m_vectorSerial;
    return 0;
}

void MapWidget::cancelAllRequests()
{
    if (m_active) {
        for (const TileKey &key : std::as_const(m_requested))
            m_active->cancel(key);
    }
    m_requested.clear();
}

int MapWidget::tileZoom() const
{
    const int lo = m_active ? m_active->minZoom() : 0;
    const int hi = m_active ? m_active->maxZoom() : 19;
    return std::clamp(int(std::lround(m_zoom)), lo, std::max(lo, hi));
}

QRectF MapWidget::tileRect(const TileKey &key) const
{
    const double scale = std::exp2(m_zoom - key.z);
    const double side = WebMercator::tileSize * scale;
    const QPointF origin = viewOrigin();
    const qreal dpr = devicePixelRatioF();
    const double left = snap(key.x * side - origin.x(), dpr), right = snap((key.x + 1) * side - origin.x(), dpr);
    const double top = snap(key.y * side - origin.y(), dpr), bottom = snap((key.y + 1) * side - origin.y(), dpr);
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

QList<TileKey> MapWidget::visibleTiles() const
{
    if (!m_active || width() <= 0 || height() <= 0)
        return {};
    const int z = tileZoom();
    const double scale = std::exp2(m_zoom - z);
    const QRectF view(viewOrigin() / scale, QSizeF(width(), height()) / scale);
    const QRect range = WebMercator::tileRange(view, z);
    QList<TileKey> out;
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

const QPixmap *MapWidget::cachedTile(const TileKey &key) const
{
    return m_tiles.object(CacheKey{serialOf(m_active), key});
}

void MapWidget::updateTiles()
{
    if (!m_active)
        return;
    const QList<TileKey> wanted = visibleTiles();
    const QSet<TileKey> wantedSet(wanted.cbegin(), wanted.cend());
    // Tiles that left the view are not fetched any more.
    for (auto it = m_requested.begin(); it != m_requested.end();) {
        if (!wantedSet.contains(*it)) {
            m_active->cancel(*it);
            it = m_requested.erase(it);
        } else {
            ++it;
        }
    }
    for (const TileKey &key : wanted) {
        if (m_requested.contains(key) || m_missing.contains(key) || cachedTile(key))
            continue;
        m_requested.insert(key);
        m_active->request(key);
    }
}

void MapWidget::onTileReady(TileProvider *provider, const TileKey &key, const QImage &image)
{
    const quint32 serial = serialOf(provider);
    if (serial == 0)
        return;
    const qsizetype kib = std::max<qsizetype>(1, image.sizeInBytes() / 1024);
    m_tiles.insert(CacheKey{serial, key}, new QPixmap(QPixmap::fromImage(image)), int(kib));
    if (provider == m_online.get() && m_fallingBack) {
        if (key == m_probe)
            leaveFallback();
        return;
    }
    if (provider != m_active)
        return;
    m_requested.remove(key);
    if (key.z == tileZoom()) {
        const QRect dirty = tileRect(key).toAlignedRect().intersected(rect());
        if (!dirty.isEmpty())
            update(dirty);
    }
}

void MapWidget::onTileFailed(TileProvider *provider, const TileKey &key, TileSource::Failure failure,
                             const QString &why)
{
    Q_UNUSED(why)
    if (provider == m_online.get() && m_fallingBack) {
        if (key != m_probe)
            return;
        m_probe = TileKey{-1, 0, 0};
        if (failure == TileSource::Failure::Unreachable)
            m_retry.start();
        else
            leaveFallback(); // it answered: reachable again
        return;
    }
    if (provider != m_active)
        return;
    m_requested.remove(key);
    if (failure == TileSource::Failure::Unreachable && provider == m_online.get()) {
        enterFallback();
        return;
    }
    // No such tile (outside the source's area): its parent stays drawn, never asked again.
    m_missing.insert(key);
}

void MapWidget::enterFallback()
{
    if (m_fallingBack)
        return;
    m_fallingBack = true;
    m_retry.start();
    if (m_vector) {
        setActiveProvider(m_vector.get());
        emit basemapNoticeChanged(tr("Offline map"));
    } else {
        cancelAllRequests();
        emit basemapNoticeChanged(tr("Online map unreachable"));
    }
}

void MapWidget::leaveFallback()
{
    if (!m_fallingBack)
        return;
    m_fallingBack = false;
    m_retry.stop();
    m_probe = TileKey{-1, 0, 0};
    setActiveProvider(m_online.get());
    emit basemapNoticeChanged(QString());
}

void MapWidget::probeOnline()
{
    if (!m_online || !m_fallingBack)
        return;
    // One tile of the view asks whether the source is back, while the offline map stays.
    const int z = std::clamp(int(std::lround(m_zoom)), m_online->minZoom(), m_online->maxZoom());
    const QPoint t = WebMercator::tileAt(centerWorld() / std::exp2(m_zoom - z), z);
    if (m_probe.isValid())
        m_online->cancel(m_probe);
    m_probe = TileKey{z, t.x(), t.y()};
    m_online->request(m_probe);
}

void MapWidget::checkDevicePixelRatio()
{
    if (m_vector && !qFuzzyCompare(m_vector->devicePixelRatio(), devicePixelRatioF())) {
        // Another screen: the vector tiles are drawn again at its resolution.
        if (m_active == m_vector.get())
            cancelAllRequests();
        m_vector->setDevicePixelRatio(devicePixelRatioF());
        m_vectorSerial = m_nextSerial++;
        m_missing.clear();
        updateTiles();
    }
}

// --- view

QPointF MapWidget::centerWorld() const
{
    return m_center0 * std::exp2(m_zoom);
}

QPointF MapWidget::viewOrigin() const
{
    return centerWorld() - QPointF(width() / 2.0, height() / 2.0);
}

QGeoCoordinate MapWidget::center() const
{
    return WebMercator::toCoordinate(m_center0, 0);
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
    updateTiles();
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
    const QPointF anchor0 = (viewOrigin() + anchor) / std::exp2(m_zoom);
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
        QRectF markers = m_markers->deviceGrid().bounds();
        const QRectF alarms = m_markers->alarmGrid().bounds();
        if (m_markers->alarmGrid().size() > 0)
            markers = m_markers->deviceGrid().isEmpty() ? alarms : markers.united(alarms);
        if (!m_markers->deviceGrid().isEmpty() || !m_markers->alarmGrid().isEmpty())
            m_fit->box0 = markers;
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
    return WebMercator::toWorld(where, m_zoom) - viewOrigin();
}

QGeoCoordinate MapWidget::toCoordinate(QPointF screen) const
{
    return WebMercator::toCoordinate(viewOrigin() + screen, m_zoom);
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
    QPainter p(this);
    drawTiles(p, event->rect());
    drawLayers(p, event->rect());
    drawScaleBar(p);
    drawAttribution(p);
    drawMissingBasemap(p);
}

void MapWidget::drawTiles(QPainter &p, const QRect &dirty)
{
    p.fillRect(dirty, BasemapRenderer::landColour());
    if (!m_active)
        return;
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const quint32 serial = serialOf(m_active);
    const QList<TileKey> tiles = visibleTiles();
    for (const TileKey &key : tiles) {
        const QRectF target = tileRect(key);
        if (!target.intersects(dirty))
            continue;
        if (const QPixmap *tile = m_tiles.object(CacheKey{serial, key})) {
            p.drawPixmap(target, *tile, QRectF(tile->rect()));
            continue;
        }
        // Meanwhile, the part of an ancestor that covers it, scaled up.
        TileKey ancestor = key;
        for (int level = 1; level <= kAncestorLevels; ++level) {
            ancestor = ancestor.parent();
            if (!ancestor.isValid())
                break;
            const QPixmap *up = m_tiles.object(CacheKey{serial, ancestor});
            if (!up)
                continue;
            // The whole ancestor scaled, clipped to this tile: sampling a part of a pixmap
            // would blend its edges with what lies outside it.
            const QRectF whole(target.left() - (key.x - (ancestor.x << level)) * target.width(),
                               target.top() - (key.y - (ancestor.y << level)) * target.height(),
                               target.width() * (1 << level), target.height() * (1 << level));
            p.save();
            p.setClipRect(target);
            p.drawPixmap(whole, *up, QRectF(up->rect()));
            p.restore();
            break;
        }
    }
}

void MapWidget::drawScaleBar(QPainter &p)
{
    const double mpp = WebMercator::metresPerPixel(center().latitude(), m_zoom);
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
    const QRectF plate(margin, height() - margin - fm.height() - 10,
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

void MapWidget::drawAttribution(QPainter &p)
{
    const QString text = attribution();
    if (text.isEmpty())
        return;
    QFont small = font();
    small.setPointSizeF(std::max(7.5, small.pointSizeF() * 0.85));
    p.setFont(small);
    const QFontMetricsF fm(small);
    const QString shown = fm.elidedText(text, Qt::ElideMiddle, std::max(40, width() - 200));
    QRectF plate(0, 0, fm.horizontalAdvance(shown) + 12, fm.height() + 4);
    plate.moveBottomRight(QPointF(width(), height()));
    p.fillRect(plate, QColor(255, 255, 255, 225));
    p.setPen(QColor(0x26, 0x26, 0x26));
    p.drawText(plate, Qt::AlignCenter, shown);
}

void MapWidget::drawMissingBasemap(QPainter &p)
{
    const QString text = missingBasemapText();
    if (text.isEmpty())
        return;
    // Discreet, in the middle, under the markers' level of attention: not an error dialog.
    const QFontMetricsF fm(font());
    const QRectF area(24, 0, std::max(40, width() - 48), height());
    QRectF box = fm.boundingRect(area, Qt::AlignCenter | Qt::TextWordWrap, text).adjusted(-12, -8, 12, 8);
    p.fillRect(box, QColor(255, 255, 255, 200));
    p.setPen(QColor(0x55, 0x55, 0x55));
    p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, text);
}

// --- interaction

void MapWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fit)
        applyFit();
    updateTiles();
}

void MapWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    checkDevicePixelRatio();
    updateTiles();
}

void MapWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ScreenChangeInternal)
        checkDevicePixelRatio();
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

void MapWidget::setLiveState(const LiveState *state)
{
    m_markers->setLiveState(state);
}

void MapWidget::setShowDevices(bool show)
{
    if (show == m_showDevices)
        return;
    m_showDevices = show;
    update();
}

void MapWidget::setSelectedAlarm(qint64 id)
{
    if (id == m_selectedAlarm)
        return;
    m_selectedAlarm = id;
    update();
}

void MapWidget::setSelectedHelper(const QString &id)
{
    if (id == m_selectedHelper)
        return;
    m_selectedHelper = id;
    update();
}

bool MapWidget::clustersAlarms() const
{
    return m_zoom < kAlarmClusterBelow;
}

bool MapWidget::clustersHelpers() const
{
    return m_zoom < kHelperClusterBelow;
}

bool MapWidget::drawsDevices() const
{
    return m_showDevices || m_zoom >= kDevicesFrom;
}

bool MapWidget::fitOpenAlarms()
{
    m_markers->flush();
    const SpatialGrid &grid = m_markers->alarmGrid();
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
    m_markers->flush();
    QRectF box;
    if (m_markers->deviceGrid().isEmpty() && m_markers->alarmGrid().isEmpty()) {
        if (!m_vector)
            return false;
        box = m_basemapBounds0;
    }
    m_fit = Fit{box, 40, 16.0, true};
    applyFit();
    return true;
}

void MapWidget::centreOnAlarm(qint64 id)
{
    if (const MapMarkers::AlarmMarker *a = m_markers->alarm(id)) {
        m_fit.reset();
        m_zoom = std::max(m_zoom, 15.0);
        m_center0 = a->world0;
        viewHasChanged();
    }
}

void MapWidget::centreOnHelper(const QString &id)
{
    if (const MapMarkers::HelperMarker *h = m_markers->helper(id)) {
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

void MapWidget::onMarkersChanged()
{
    if (m_fit && m_fit->followMarkers)
        applyFit();
    update();
    if (!m_pulse.isActive())
        pulse(); // starts the pulse if an unacknowledged alarm is in view
}

QRectF MapWidget::visibleWorld0(double marginPx) const
{
    const double scale = std::exp2(m_zoom);
    return QRectF((viewOrigin() - QPointF(marginPx, marginPx)) / scale,
                  QSizeF(width() + 2 * marginPx, height() + 2 * marginPx) / scale);
}

template<typename Rank>
QList<MapWidget::Shape> MapWidget::shapes(const SpatialGrid &grid, bool cluster, double cellPx, QRectF screenArea,
                                          Rank rank) const
{
    QList<Shape> out;
    if (grid.isEmpty())
        return out;
    const double scale = std::exp2(m_zoom);
    const QPointF origin = viewOrigin();
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

QList<MapWidget::Shape> MapWidget::alarmShapes(const QRectF &screenArea) const
{
    const QList<MapMarkers::AlarmMarker> &alarms = m_markers->alarms();
    return shapes(m_markers->alarmGrid(), clustersAlarms(), kAlarmCellPx, screenArea,
                  [&alarms](quint32 i) { return alarms.at(i).rank; });
}

QList<MapWidget::Shape> MapWidget::helperShapes(const QRectF &screenArea) const
{
    const QList<MapMarkers::HelperMarker> &helpers = m_markers->helpers();
    return shapes(m_markers->helperGrid(), clustersHelpers(), kHelperCellPx, screenArea,
                  [&helpers](quint32 i) { return helpers.at(i).rank; });
}

QList<MapWidget::Shape> MapWidget::deviceShapes(const QRectF &screenArea) const
{
    if (!drawsDevices())
        return {};
    const auto noRank = [](quint32) {
        return 0;
    };
    if (m_zoom >= kDeviceClusterBelow)
        return shapes(m_markers->deviceGrid(), false, kDeviceCellPx, screenArea, noRank);

    // Clusters are made of whole cells fixed in the world at a zoom: those of a wider area,
    // cut to the cells this area touches, are the ones this area would get.
    const QPointF origin = viewOrigin();
    const auto wholeCells = [](QRectF r) {
        return QRectF(
            QPointF(std::floor(r.left() / kDeviceCellPx), std::floor(r.top() / kDeviceCellPx)) * kDeviceCellPx,
            QPointF(std::ceil(r.right() / kDeviceCellPx), std::ceil(r.bottom() / kDeviceCellPx)) * kDeviceCellPx);
    };
    const QRectF wanted = wholeCells(screenArea.translated(origin));
    ClusterCache &cache = m_deviceClusters;
    if (cache.zoom != m_zoom || cache.generation != m_markers->deviceGeneration() || !cache.area.contains(wanted)) {
        // The view and a margin, so that a short pan needs no new clustering.
        constexpr double kMarginPx = 160;
        const QRectF wide =
            wholeCells(QRectF(rect()).adjusted(-kMarginPx, -kMarginPx, kMarginPx, kMarginPx).translated(origin))
                .united(wanted);
        cache.zoom = m_zoom;
        cache.generation = m_markers->deviceGeneration();
        cache.area = wide;
        cache.shapes = shapes(m_markers->deviceGrid(), true, kDeviceCellPx, wide.translated(-origin), noRank);
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

namespace {

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

void MapWidget::drawLayers(QPainter &p, const QRect &dirty)
{
    if (m_markers->alarms().isEmpty() && m_markers->helpers().isEmpty() && m_markers->devices().isEmpty())
        return;
    const qreal dpr = devicePixelRatioF();
    p.setRenderHint(QPainter::Antialiasing);
    // Shapes reaching into the dirty rectangle: a margin for the largest bubble.
    const QRectF area = QRectF(dirty).adjusted(-40, -40, 40, 40);

    // Devices: faint, under everything.
    for (const Shape &s : deviceShapes(area)) {
        if (s.count == 1)
            blit(p, s.screen, m_painter->device(dpr));
        else
            blit(p, s.screen, m_painter->cluster(s.count, kDeviceClusterColour, true, dpr));
    }

    const double scale = std::exp2(m_zoom);
    drawMissions(p, visibleWorld0(40), scale, viewOrigin());

    // Helpers on duty.
    const QList<MapMarkers::HelperMarker> &helpers = m_markers->helpers();
    QFont nameFont = font();
    nameFont.setPixelSize(11);
    for (const Shape &s : helperShapes(area)) {
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
        if (m_zoom >= kHelperNamesFrom && !h.name.isEmpty()) {
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
    QFont badgeFont = font();
    badgeFont.setPixelSize(10);
    badgeFont.setBold(true);
    const double pulse = 0.5 - 0.5 * std::cos(m_pulsePhase * 2 * std::numbers::pi);
    for (const Shape &s : alarmShapes(area)) {
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

void MapWidget::drawMissions(QPainter &p, const QRectF &view0, double scale, QPointF origin)
{
    const QHash<qint64, MapMarkers::MissionMarker> &missions = m_markers->missions();
    if (missions.isEmpty())
        return;
    QFont labelFont = font();
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
            const double r = m.broadcastM / WebMercator::metresPerPixel(latitude, m_zoom);
            if (QRectF(alarmAt - QPointF(r, r), QSizeF(2 * r, 2 * r)).intersects(rect())) {
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
        if (QLineF(helperAt, alarmAt).length() < 70 || !rect().contains(middle.toPoint()))
            continue;
        const double metres =
            WebMercator::toCoordinate(h->world0, 0).distanceTo(WebMercator::toCoordinate(a->world0, 0));
        const QString distance = DisplayFormat::distance(metres);
        const int minutes = std::max(1, int(std::ceil(metres / kHelperSpeedMPerMin)));
        drawHaloText(p, middle + QPointF(6, -4), tr("%1 · about %2 min").arg(distance).arg(minutes),
                     QColor(0x1f, 0x2a, 0x33));
    }
}

void MapWidget::pulse()
{
    // Repaints only the halos of unacknowledged alarms in view.
    QList<QPointF> halos;
    const QList<MapMarkers::AlarmMarker> &alarms = m_markers->alarms();
    bool any = false;
    for (const MapMarkers::AlarmMarker &a : alarms)
        any = any || a.state == Alarm::State::New;
    if (any && isVisible()) {
        for (const Shape &s : alarmShapes(QRectF(rect()).adjusted(-30, -30, 30, 30))) {
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
        update(QRect(c.toPoint() - QPoint(r, r), QSize(2 * r, 2 * r)));
}

MapWidget::Hit MapWidget::hitTest(QPointF screen) const
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
    if (const Shape *s = nearest(alarmShapes(around), [](const Shape &x) {
            return x.count > 1 ? MarkerPainter::clusterRadius(x.count, false) + 2 : MarkerPainter::kAlarmRadius + 3;
        })) {
        hit.kind = s->count > 1 ? Hit::Kind::AlarmCluster : Hit::Kind::Alarm;
        hit.alarmId = m_markers->alarms().at(s->first).id;
        hit.count = s->count;
        hit.bounds0 = s->bounds0;
        hit.screen = s->screen;
        return hit;
    }
    if (const Shape *s = nearest(helperShapes(around), [](const Shape &x) {
            return x.count > 1 ? MarkerPainter::clusterRadius(x.count, true) + 2 : MarkerPainter::kHelperRadius + 3;
        })) {
        hit.kind = s->count > 1 ? Hit::Kind::HelperCluster : Hit::Kind::Helper;
        hit.id = m_markers->helpers().at(s->first).id;
        hit.count = s->count;
        hit.bounds0 = s->bounds0;
        hit.screen = s->screen;
        return hit;
    }
    if (const Shape *s = nearest(deviceShapes(around), [](const Shape &x) {
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

QString MapWidget::toolTipFor(const Hit &hit) const
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

bool MapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipFor(hitTest(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

bool MapWidget::isConnected(const QMetaMethod &signal) const
{
    return isSignalConnected(signal);
}

QMenu *MapWidget::createContextMenu(QPointF screen)
{
    m_markers->flush();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("mapContextMenu"));
    const Hit hit = hitTest(screen);
    const LiveState *live = m_markers->liveState();
    switch (hit.kind) {
    case Hit::Kind::Alarm: {
        const qint64 id = hit.alarmId;
        const MapMarkers::AlarmMarker *a = m_markers->alarm(id);
        menu->setTitle(tr("Alarm %1").arg(id));
        if (a && a->state == Alarm::State::New
            && isConnected(QMetaMethod::fromSignal(&MapWidget::acknowledgeRequested))) {
            QAction *ack = menu->addAction(tr("&Acknowledge"), this, [this, id] { emit acknowledgeRequested(id); });
            ack->setObjectName(QStringLiteral("acknowledgeAction"));
        }
        if (isConnected(QMetaMethod::fromSignal(&MapWidget::assignNearestRequested)))
            menu->addAction(tr("Assign the &Nearest Helper"), this, [this, id] { emit assignNearestRequested(id); })
                ->setObjectName(QStringLiteral("assignNearestAction"));
        if (isConnected(QMetaMethod::fromSignal(&MapWidget::offerToNearbyRequested)))
            menu->addAction(tr("&Offer to Nearby Helpers"), this, [this, id] { emit offerToNearbyRequested(id); })
                ->setObjectName(QStringLiteral("offerNearbyAction"));
        menu->addAction(tr("&Centre on This Alarm"), this, [this, id] { centreOnAlarm(id); })
            ->setObjectName(QStringLiteral("centreAction"));
        setSelectedAlarm(id);
        emit alarmSelected(id);
        break;
    }
    case Hit::Kind::Helper: {
        const QString id = hit.id;
        menu->addAction(tr("&Centre on This Helper"), this, [this, id] { centreOnHelper(id); })
            ->setObjectName(QStringLiteral("centreAction"));
        const Helper *h = live ? live->state().helper(id) : nullptr;
        const Mission *mission = h && h->missionId ? live->state().mission(h->missionId) : nullptr;
        if (mission && m_markers->alarm(mission->alarmId())) {
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
        if (isConnected(QMetaMethod::fromSignal(&MapWidget::createAlarmRequested)))
            menu->addAction(tr("Create an Alarm &Here…"), this, [this, where] { emit createAlarmRequested(where); })
                ->setObjectName(QStringLiteral("createAlarmAction"));
        menu->addAction(tr("&Centre Here"), this, [this, where] { setCenter(where); })
            ->setObjectName(QStringLiteral("centreAction"));
        menu->addAction(tr("Copy &Coordinates"), this,
                        [where] { QGuiApplication::clipboard()->setText(DisplayFormat::coordinate(where)); })
            ->setObjectName(QStringLiteral("copyCoordinatesAction"));
        break;
    }
    }
    if (!m_markers->alarmGrid().isEmpty()) {
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
