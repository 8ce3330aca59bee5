#include "vectortileprovider.h"

#include "basemaprenderer.h"

#include <QGuiApplication>

namespace relais {

VectorTileProvider::VectorTileProvider(const BasemapData &data, QObject *parent)
    : TileProvider(parent), m_renderer(std::make_shared<BasemapRenderer>(data, QGuiApplication::font()))
{
    m_pool.setMaxThreadCount(std::max(1, std::min(QThread::idealThreadCount(), 2)));
}

VectorTileProvider::~VectorTileProvider()
{
    for (const Flag &flag : std::as_const(m_pending))
        flag->store(true);
    m_pool.clear();
    m_pool.waitForDone();
}

void VectorTileProvider::setDevicePixelRatio(qreal dpr)
{
    m_dpr = dpr > 0 ? dpr : 1.0;
}

QRectF VectorTileProvider::worldBounds() const
{
    return m_renderer->worldBounds();
}

QString VectorTileProvider::name() const
{
    return tr("Offline street map");
}

QString VectorTileProvider::attribution() const
{
    return m_renderer->attribution();
}

void VectorTileProvider::request(const TileKey &key)
{
    if (m_pending.contains(key))
        return;
    if (!key.isValid()) {
        QMetaObject::invokeMethod(
            this, [this, key] { emit tileFailed(key, TileSource::Failure::NotFound, tr("No such tile.")); },
            Qt::QueuedConnection);
        return;
    }
    const Flag flag = std::make_shared<std::atomic_bool>(false);
    m_pending.insert(key, flag);
    m_pool.start([this, renderer = m_renderer, key, flag, dpr = m_dpr] {
        if (flag->load())
            return;
        const QImage image = renderer->render(key, dpr);
        // The destructor waits for the pool, so `this` is alive here; the queued call is
        // dropped if the provider is deleted before it runs.
        QMetaObject::invokeMethod(
            this, [this, key, flag, image] { onRendered(key, flag, image); }, Qt::QueuedConnection);
    });
}

void VectorTileProvider::cancel(const TileKey &key)
{
    const auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    it.value()->store(true);
    m_pending.erase(it);
}

void VectorTileProvider::onRendered(const TileKey &key, const Flag &flag, const QImage &image)
{
    if (flag->load() || m_pending.value(key) != flag)
        return;
    m_pending.remove(key);
    emit tileReady(key, image);
}

} // namespace relais
