#include "tilediskcache.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using relais::TileDiskCache;

namespace {

QNetworkCacheMetaData metaData(const QList<QPair<QByteArray, QByteArray>> &headers, const QDateTime &expires = {})
{
    QNetworkCacheMetaData m;
    m.setUrl(QUrl(QStringLiteral("https://tiles.example.org/1/0/0.png")));
    m.setRawHeaders(headers);
    m.setExpirationDate(expires);
    m.setSaveToDisk(true);
    return m;
}

} // namespace

class TestTileDiskCache final : public QObject
{
    Q_OBJECT

private slots:
    void noLifetimeGetsSevenDays()
    {
        const QNetworkCacheMetaData m =
            TileDiskCache::withDefaultLifetime(metaData({{"Content-Type", "image/png"}, {"ETag", "\"x\""}}));
        const QDateTime week = QDateTime::currentDateTimeUtc().addDays(7);
        QVERIFY(qAbs(m.expirationDate().secsTo(week)) < 60);
    }

    void serverLifetimeIsKept_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("max-age") << QByteArray("Cache-Control") << QByteArray("public, max-age=60");
        QTest::newRow("Expires") << QByteArray("Expires") << QByteArray("Thu, 01 Jan 2037 00:00:00 GMT");
        QTest::newRow("lower case") << QByteArray("cache-control") << QByteArray("MAX-AGE=60");
    }

    void serverLifetimeIsKept()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(60);
        const QNetworkCacheMetaData m = TileDiskCache::withDefaultLifetime(metaData({{header, value}}, soon));
        QCOMPARE(m.expirationDate(), soon);
    }

    void storedEntriesCarryTheLifetime()
    {
        QTemporaryDir dir;
        TileDiskCache cache(dir.path());
        QCOMPARE(cache.maximumCacheSize(), TileDiskCache::defaultMaximumBytes);
        const QNetworkCacheMetaData m = metaData({{"Content-Type", "image/png"}});
        QIODevice *device = cache.prepare(m);
        QVERIFY(device);
        device->write("\x89PNG\r\n\x1a\n");
        cache.insert(device);
        const QDateTime stored = cache.metaData(m.url()).expirationDate();
        QVERIFY2(qAbs(stored.secsTo(QDateTime::currentDateTimeUtc().addDays(7))) < 60,
                 qPrintable(stored.toString(Qt::ISODate)));

        // A revalidation without lifetime gives it 7 more days from now.
        QNetworkCacheMetaData old = cache.metaData(m.url());
        old.setExpirationDate(QDateTime::currentDateTimeUtc().addSecs(-10));
        cache.updateMetaData(old);
        QVERIFY(cache.metaData(m.url()).expirationDate() > QDateTime::currentDateTimeUtc().addDays(6));
    }
};

QTEST_GUILESS_MAIN(TestTileDiskCache)
#include "tst_tilediskcache.moc"
