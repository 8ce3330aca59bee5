#pragma once

#include "tileprovider.h"

#include <QHash>
#include <QPointer>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace relais {

// A TileSource's encoded tiles decoded into QImages in a thread pool of its own (never a
// QPixmap off the GUI thread). The source is not owned and may be destroyed first: the
// provider then answers nothing more.
class RasterTileProvider final : public TileProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RasterTileProvider)

public:
    explicit RasterTileProvider(TileSource *source, QObject *parent = nullptr);
    ~RasterTileProvider() override; // waits for decodes under way

    TileSource *source() const { return m_source; }

    QString name() const override;
    QString attribution() const override;
    int minZoom() const override;
    int maxZoom() const override;
    void request(const TileKey &key) override;
    void cancel(const TileKey &key) override;
    int pendingCount() const override { return int(m_pending.size()); }

private:
    using Flag = std::shared_ptr<std::atomic_bool>;
    void onLoaded(const TileKey &key, const QByteArray &data);
    void onFailed(const TileKey &key, TileSource::Failure failure, const QString &reason);
    void onDecoded(const TileKey &key, const Flag &flag, const QImage &image);

    QPointer<TileSource> m_source;
    // Each pending key's cancel flag, set when the tile is cancelled while it decodes.
    QHash<TileKey, Flag> m_pending;
    QThreadPool m_pool;
};

} // namespace relais
