#include "basemaplayer.h"

#include "basemaprenderer.h"
#include "geo/basemapdata.h"
#include "geo/webmercator.h"
#include "rastertileprovider.h"
#include "vectortileprovider.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace relais {

namespace {

constexpr int kDefaultRetryMs = 60000;
constexpr int kDefaultCacheKiB = 96 * 1024; // about 380 tiles of 256 px, or 95 at 2x
constexpr int kAncestorLevels = 3;

} // namespace

BasemapLayer::BasemapLayer(QObject *parent) : QObject(parent), m_tiles(kDefaultCacheKiB)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(kDefaultRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &BasemapLayer::probeOnline);
}

BasemapLayer::~BasemapLayer()
{
    // Providers go before the cache and the sets their signals touch.
    m_online.reset();
    m_vector.reset();
}

void BasemapLayer::setOnlineTileSource(TileSource *source)
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
        emit noticeChanged(QString());
}

TileSource *BasemapLayer::onlineTileSource() const
{
    return m_online ? m_online->source() : nullptr;
}

void BasemapLayer::setBasemap(const BasemapData &basemap)
{
    const bool wasActive = m_active && m_active == m_vector.get();
    if (wasActive)
        cancelAllRequests();
    m_vector = std::make_unique<VectorTileProvider>(basemap);
    m_vector->setDevicePixelRatio(m_view.devicePixelRatio());
    m_vectorSerial = m_nextSerial++;
    m_basemapBounds0 = m_vector->worldBounds();
    connectProvider(m_vector.get());
    if (!m_online || m_fallingBack || wasActive)
        setActiveProvider(m_vector.get());
    else
        emit changed(QRect()); // the attribution may change... only while drawn: nothing else to do
}

bool BasemapLayer::hasVectorBasemap() const
{
    return m_vector != nullptr;
}

void BasemapLayer::setOnlineRetryInterval(int ms)
{
    m_retry.setInterval(std::max(ms, 1));
}

QString BasemapLayer::attribution() const
{
    return m_active ? m_active->attribution() : QString();
}

QString BasemapLayer::missingBasemapText() const
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

void BasemapLayer::setTileCacheLimit(int kib)
{
    m_tiles.setMaxCost(std::max(kib, 1024));
}

void BasemapLayer::connectProvider(TileProvider *provider)
{
    connect(provider, &TileProvider::tileReady, this,
            [this, provider](const TileKey &key, const QImage &image) { onTileReady(provider, key, image); });
    connect(provider, &TileProvider::tileFailed, this,
            [this, provider](const TileKey &key, TileSource::Failure failure, const QString &) {
                onTileFailed(provider, key, failure);
            });
}

void BasemapLayer::setActiveProvider(TileProvider *provider)
{
    if (m_active != provider)
        cancelAllRequests();
    m_active = provider;
    m_missing.clear();
    updateTiles(m_view);
    emit changed(QRect());
}

quint32 BasemapLayer::serialOf(const TileProvider *provider) const
{
    if (provider && provider == m_online.get())
        return m_onlineSerial;
    if (provider && provider == m_vector.get())
        return m_vectorSerial;
    return 0;
}

void BasemapLayer::cancelAllRequests()
{
    if (m_active) {
        for (const TileKey &key : std::as_const(m_requested))
            m_active->cancel(key);
    }
    m_requested.clear();
}

int BasemapLayer::tileZoom(const MapViewport &view) const
{
    return view.tileZoom(m_active ? m_active->minZoom() : 0, m_active ? m_active->maxZoom() : 19);
}

QList<TileKey> BasemapLayer::visibleTiles(const MapViewport &view) const
{
    if (!m_active)
        return {};
    return view.tiles(tileZoom(view));
}

const QPixmap *BasemapLayer::cachedTile(const TileKey &key) const
{
    return m_tiles.object(CacheKey{serialOf(m_active), key});
}

void BasemapLayer::updateTiles(const MapViewport &view)
{
    m_view = view;
    if (!m_active)
        return;
    const QList<TileKey> wanted = visibleTiles(view);
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

void BasemapLayer::updateDevicePixelRatio(const MapViewport &view)
{
    m_view = view;
    if (m_vector && !qFuzzyCompare(m_vector->devicePixelRatio(), view.devicePixelRatio())) {
        // Another screen: the vector tiles are drawn again at its resolution.
        if (m_active == m_vector.get())
            cancelAllRequests();
        m_vector->setDevicePixelRatio(view.devicePixelRatio());
        m_vectorSerial = m_nextSerial++;
        m_missing.clear();
        updateTiles(view);
    }
}

void BasemapLayer::onTileReady(TileProvider *provider, const TileKey &key, const QImage &image)
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
    if (key.z == tileZoom(m_view)) {
        const QRect dirty = m_view.tileRect(key).toAlignedRect().intersected(m_view.rect());
        if (!dirty.isEmpty())
            emit changed(dirty);
    }
}

void BasemapLayer::onTileFailed(TileProvider *provider, const TileKey &key, TileSource::Failure failure)
{
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

void BasemapLayer::enterFallback()
{
    if (m_fallingBack)
        return;
    m_fallingBack = true;
    m_retry.start();
    if (m_vector) {
        setActiveProvider(m_vector.get());
        emit noticeChanged(tr("Offline map"));
    } else {
        cancelAllRequests();
        emit noticeChanged(tr("Online map unreachable"));
    }
}

void BasemapLayer::leaveFallback()
{
    if (!m_fallingBack)
        return;
    m_fallingBack = false;
    m_retry.stop();
    m_probe = TileKey{-1, 0, 0};
    setActiveProvider(m_online.get());
    emit noticeChanged(QString());
}

void BasemapLayer::probeOnline()
{
    if (!m_online || !m_fallingBack)
        return;
    // One tile of the view asks whether the source is back, while the offline map stays.
    const int z = std::clamp(int(std::lround(m_view.zoom())), m_online->minZoom(), m_online->maxZoom());
    const QPoint t = WebMercator::tileAt(m_view.centerWorld() / std::exp2(m_view.zoom() - z), z);
    if (m_probe.isValid())
        m_online->cancel(m_probe);
    m_probe = TileKey{z, t.x(), t.y()};
    m_online->request(m_probe);
}

void BasemapLayer::draw(QPainter &p, const MapViewport &view, const QRect &dirty) const
{
    p.fillRect(dirty, BasemapRenderer::landColour());
    if (!m_active)
        return;
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const quint32 serial = serialOf(m_active);
    const QList<TileKey> tiles = visibleTiles(view);
    for (const TileKey &key : tiles) {
        const QRectF target = view.tileRect(key);
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

void BasemapLayer::drawOverlay(QPainter &p, const MapViewport &view) const
{
    drawAttribution(p, view);
    drawMissingBasemap(p, view);
}

void BasemapLayer::drawAttribution(QPainter &p, const MapViewport &view) const
{
    const QString text = attribution();
    if (text.isEmpty())
        return;
    QFont small = m_font;
    small.setPointSizeF(std::max(7.5, small.pointSizeF() * 0.85));
    p.setFont(small);
    const QFontMetricsF fm(small);
    const QString shown = fm.elidedText(text, Qt::ElideMiddle, std::max(40, view.width() - 200));
    QRectF plate(0, 0, fm.horizontalAdvance(shown) + 12, fm.height() + 4);
    plate.moveBottomRight(QPointF(view.width(), view.height()));
    p.fillRect(plate, QColor(255, 255, 255, 225));
    p.setPen(QColor(0x26, 0x26, 0x26));
    p.drawText(plate, Qt::AlignCenter, shown);
}

void BasemapLayer::drawMissingBasemap(QPainter &p, const MapViewport &view) const
{
    const QString text = missingBasemapText();
    if (text.isEmpty())
        return;
    // Discreet, in the middle, under the markers' level of attention: not an error dialog.
    const QFontMetricsF fm(m_font);
    const QRectF area(24, 0, std::max(40, view.width() - 48), view.height());
    QRectF box = fm.boundingRect(area, Qt::AlignCenter | Qt::TextWordWrap, text).adjusted(-12, -8, 12, 8);
    p.fillRect(box, QColor(255, 255, 255, 200));
    p.setPen(QColor(0x55, 0x55, 0x55));
    p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, text);
}

} // namespace relais
