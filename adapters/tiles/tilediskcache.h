#pragma once

#include <QNetworkDiskCache>

namespace relais {

// The HTTP disk cache of the tile sources: a QNetworkDiskCache that honours the server's
// expiry (Cache-Control max-age, Expires, no-store) and, when a response gives no lifetime at
// all, keeps the tile fresh for 7 days, as the OpenStreetMap tile policy asks. Entries stay on
// disk after they expire (until the size bound pushes the oldest out): an expired tile is
// revalidated with the server, and still shown when the server cannot be reached.
class TileDiskCache final : public QNetworkDiskCache
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TileDiskCache)

public:
    static constexpr int defaultLifetimeDays = 7;
    static constexpr qint64 defaultMaximumBytes = qint64(512) * 1024 * 1024;

    explicit TileDiskCache(const QString &directory, QObject *parent = nullptr);
    ~TileDiskCache() override;

    QIODevice *prepare(const QNetworkCacheMetaData &metaData) override;
    void updateMetaData(const QNetworkCacheMetaData &metaData) override;

    // The metadata with the default lifetime applied when the server gave none.
    static QNetworkCacheMetaData withDefaultLifetime(QNetworkCacheMetaData metaData);
};

} // namespace relais
