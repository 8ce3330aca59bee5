#include "mbtilestilesource.h"
#include "tilesourcefactory.h"
#include "xyztilesource.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using relais::TileSource;
using relais::TileSourceFactory;
using relais::TileSourceSpec;

namespace {

TileSourceSpec spec(const QString &text)
{
    return TileSourceSpec::parse(text).value();
}

} // namespace

class TestTileSourceFactory final : public QObject
{
    Q_OBJECT

private slots:
    void onlineSourcesGetTheirOwnCacheFolder_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("attribution");
        QTest::newRow("osm") << QStringLiteral("osm") << QStringLiteral("OpenStreetMap")
                             << QStringLiteral("© OpenStreetMap contributors");
        QTest::newRow("ign") << QStringLiteral("ign") << QStringLiteral("Plan IGN v2")
                             << QStringLiteral("IGN – Plan IGN");
        QTest::newRow("xyz") << QStringLiteral("xyz:https://tiles.example.org/{z}/{x}/{y}.png")
                             << QStringLiteral("tiles.example.org") << QStringLiteral("Tiles: tiles.example.org");
    }

    void onlineSourcesGetTheirOwnCacheFolder()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(QString, attribution);
        QTemporaryDir root;
        const TileSourceSpec s = spec(text);
        relais::Result<std::unique_ptr<TileSource>> made =
            TileSourceFactory::create(s, root.path(), QStringLiteral("ops@example.org"));
        QVERIFY2(made.ok(), qPrintable(made.errorString()));
        auto *xyz = qobject_cast<relais::XyzTileSource *>(made.value().get());
        QVERIFY(xyz);
        QCOMPARE(xyz->name(), name);
        QCOMPARE(xyz->attribution(), attribution);
        QCOMPARE(QDir::cleanPath(xyz->cacheDirectory()), QDir(root.path()).filePath(s.cacheName()));
        QVERIFY(xyz->userAgent().contains("ops@example.org"));
        QCOMPARE(xyz->maxInFlight(), 4);
    }

    void mbtilesFileErrorsComeBack()
    {
        QTemporaryDir root;
        const relais::Result<std::unique_ptr<TileSource>> made = TileSourceFactory::create(
            spec(QStringLiteral("mbtiles:") + root.filePath(QStringLiteral("none.mbtiles"))), root.path(), QString());
        QVERIFY(!made.ok());
        QVERIFY2(made.errorString().contains(QLatin1String("does not exist")), qPrintable(made.errorString()));
    }

    void vectorHasNoTileSource()
    {
        const relais::Result<std::unique_ptr<TileSource>> made =
            TileSourceFactory::create(spec(QStringLiteral("vector")), QDir::tempPath(), QString());
        QVERIFY(!made.ok());
        QVERIFY(made.errorString().contains(QLatin1String("vector basemap")));
    }
};

QTEST_GUILESS_MAIN(TestTileSourceFactory)
#include "tst_tilesourcefactory.moc"
