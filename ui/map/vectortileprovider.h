#pragma once

#include "tileprovider.h"

#include <QHash>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace relais {

class BasemapData;
class BasemapRenderer;

// The offline vector basemap as tiles: each requested tile is rendered into a QImage by a
// BasemapRenderer in a thread pool of its own. A cancelled tile that has not started is
// never drawn; one being drawn is dropped when done.
class VectorTileProvider final : public TileProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VectorTileProvider)

public:
    explicit VectorTileProvider(const BasemapData &data, QObject *parent = nullptr);
    ~VectorTileProvider() override; // waits for tiles being drawn

    // Real pixels per logical pixel of the tiles made from now on (the screen's).
    void setDevicePixelRatio(qreal dpr);
    qreal devicePixelRatio() const { return m_dpr; }
    // The basemap's extent in world pixels of zoom 0.
    QRectF worldBounds() const;

    QString name() const override;
    QString attribution() const override;
    int minZoom() const override { return 0; }
    int maxZoom() const override { return 19; }
    void request(const TileKey &key) override;
    void cancel(const TileKey &key) override;
    int pendingCount() const override { return int(m_pending.size()); }

private:
    using Flag = std::shared_ptr<std::atomic_bool>;
    void onRendered(const TileKey &key, const Flag &flag, const QImage &image);

    std::shared_ptr<const BasemapRenderer> m_renderer;
    qreal m_dpr = 1.0;
    QHash<TileKey, Flag> m_pending;
    QThreadPool m_pool;
};

} // namespace relais
