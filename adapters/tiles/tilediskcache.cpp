#include "tilediskcache.h"

#include <QDateTime>

namespace relais {

namespace {

// Whether the response stated its own lifetime: Cache-Control max-age (or s-maxage) or an
// Expires header. Qt keeps the response headers in the metadata it hands to the cache.
bool hasExplicitLifetime(const QNetworkCacheMetaData &metaData)
{
    const QNetworkCacheMetaData::RawHeaderList headers = metaData.rawHeaders();
    for (const QNetworkCacheMetaData::RawHeader &header : headers) {
        const QByteArray name = header.first.toLower();
        if (name == "expires")
            return true;
        if (name == "cache-control" && header.second.toLower().contains("max-age"))
            return true;
    }
    return false;
}

} // namespace

TileDiskCache::TileDiskCache(const QString &directory, QObject *parent) : QNetworkDiskCache(parent)
{
    setCacheDirectory(directory);
    setMaximumCacheSize(defaultMaximumBytes);
}

TileDiskCache::~TileDiskCache() = default;

QNetworkCacheMetaData TileDiskCache::withDefaultLifetime(QNetworkCacheMetaData metaData)
{
    if (!hasExplicitLifetime(metaData))
        metaData.setExpirationDate(QDateTime::currentDateTimeUtc().addDays(defaultLifetimeDays));
    return metaData;
}

QIODevice *TileDiskCache::prepare(const QNetworkCacheMetaData &metaData)
{
    return QNetworkDiskCache::prepare(withDefaultLifetime(metaData));
}

void TileDiskCache::updateMetaData(const QNetworkCacheMetaData &metaData)
{
    // A revalidation (304 Not Modified) of a tile whose server gives no lifetime: 7 more days.
    QNetworkDiskCache::updateMetaData(withDefaultLifetime(metaData));
}

} // namespace relais
