#include "rastertileprovider.h"

#include <QRunnable>

namespace relais {

RasterTileProvider::RasterTileProvider(TileSource *source, QObject *parent) : TileProvider(parent), m_source(source)
{
    m_pool.setMaxThreadCount(2);
    if (source) {
        connect(source, &TileSource::tileLoaded, this, &RasterTileProvider::onLoaded);
        connect(source, &TileSource::tileFailed, this, &RasterTileProvider::onFailed);
    }
}

RasterTileProvider::~RasterTileProvider()
{
    for (const Flag &flag : std::as_const(m_pending))
        flag->store(true);
    m_pool.clear();
    m_pool.waitForDone();
}

QString RasterTileProvider::name() const
{
    return m_source ? m_source->name() : QString();
}

QString RasterTileProvider::attribution() const
{
    return m_source ? m_source->attribution() : QString();
}

int RasterTileProvider::minZoom() const
{
    return m_source ? m_source->minZoom() : 0;
}

int RasterTileProvider::maxZoom() const
{
    return m_source ? m_source->maxZoom() : 19;
}

void RasterTileProvider::request(const TileKey &key)
{
    if (!m_source || m_pending.contains(key))
        return;
    m_pending.insert(key, std::make_shared<std::atomic_bool>(false));
    m_source->request(key);
}

void RasterTileProvider::cancel(const TileKey &key)
{
    const auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    it.value()->store(true);
    m_pending.erase(it);
    if (m_source)
        m_source->cancel(key); // harmless when the bytes are already here and decoding
}

void RasterTileProvider::onLoaded(const TileKey &key, const QByteArray &data)
{
    const Flag flag = m_pending.value(key);
    if (!flag)
        return; // not ours, or cancelled
    m_pool.start([this, key, flag, data] {
        if (flag->load())
            return;
        QImage image = QImage::fromData(data);
        if (!image.isNull() && image.format() != QImage::Format_ARGB32_Premultiplied
            && image.format() != QImage::Format_RGB32)
            image = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                                  : QImage::Format_RGB32);
        // The pool is waited for in the destructor: `this` outlives the call, and the
        // queued call is dropped if the provider is gone by the time it runs.
        QMetaObject::invokeMethod(
            this, [this, key, flag, image] { onDecoded(key, flag, image); }, Qt::QueuedConnection);
    });
}

void RasterTileProvider::onDecoded(const TileKey &key, const Flag &flag, const QImage &image)
{
    if (flag->load() || m_pending.value(key) != flag)
        return; // cancelled meanwhile
    m_pending.remove(key);
    if (image.isNull()) {
        emit tileFailed(key, TileSource::Failure::BadData, tr("The tile is not an image Relais can read."));
        return;
    }
    QImage scaled = image;
    // A source with 512-px tiles (@2x) draws 256 logical pixels at twice the detail.
    scaled.setDevicePixelRatio(image.width() / 256.0);
    emit tileReady(key, scaled);
}

void RasterTileProvider::onFailed(const TileKey &key, TileSource::Failure failure, const QString &reason)
{
    const auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    m_pending.erase(it);
    emit tileFailed(key, failure, reason);
}

} // namespace relais
