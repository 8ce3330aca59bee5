#include "tilesourcespec.h"

#include <QRegularExpression>
#include <QTest>

using relais::TileSourceSpec;
using Kind = TileSourceSpec::Kind;

class TestTileSourceSpec final : public QObject
{
    Q_OBJECT

private slots:
    void defaultIsOpenStreetMap()
    {
        QCOMPARE(TileSourceSpec().kind(), Kind::OpenStreetMap);
        const relais::Result<TileSourceSpec> parsed = TileSourceSpec::parse(QLatin1String(TileSourceSpec::defaultSpec));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), TileSourceSpec());
    }

    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("osm") << QStringLiteral("osm") << Kind::OpenStreetMap << QString() << QStringLiteral("osm");
        QTest::newRow("OSM, spaces") << QStringLiteral("  OSM ") << Kind::OpenStreetMap << QString()
                                     << QStringLiteral("osm");
        QTest::newRow("ign") << QStringLiteral("Ign") << Kind::PlanIgn << QString() << QStringLiteral("ign");
        QTest::newRow("vector") << QStringLiteral("vector") << Kind::Vector << QString() << QStringLiteral("vector");
        QTest::newRow("xyz") << QStringLiteral("xyz:https://t.example.org/{z}/{x}/{y}.png") << Kind::Xyz
                             << QStringLiteral("https://t.example.org/{z}/{x}/{y}.png")
                             << QStringLiteral("xyz:https://t.example.org/{z}/{x}/{y}.png");
        QTest::newRow("XYZ: prefix") << QStringLiteral("XYZ:http://127.0.0.1:8080/{z}/{x}/{y}") << Kind::Xyz
                                     << QStringLiteral("http://127.0.0.1:8080/{z}/{x}/{y}")
                                     << QStringLiteral("xyz:http://127.0.0.1:8080/{z}/{x}/{y}");
        QTest::newRow("mbtiles") << QStringLiteral("mbtiles:/srv/maps/Montreuil 2024.mbtiles") << Kind::Mbtiles
                                 << QStringLiteral("/srv/maps/Montreuil 2024.mbtiles")
                                 << QStringLiteral("mbtiles:/srv/maps/Montreuil 2024.mbtiles");
        QTest::newRow("mbtiles windows") << QStringLiteral("mbtiles:C:\\Cartes\\ville.mbtiles") << Kind::Mbtiles
                                         << QStringLiteral("C:\\Cartes\\ville.mbtiles")
                                         << QStringLiteral("mbtiles:C:\\Cartes\\ville.mbtiles");
    }

    void parses()
    {
        QFETCH(QString, text);
        QFETCH(Kind, kind);
        QFETCH(QString, argument);
        QFETCH(QString, canonical);
        const relais::Result<TileSourceSpec> parsed = TileSourceSpec::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QCOMPARE(parsed->kind(), kind);
        QCOMPARE(parsed->argument(), argument);
        QCOMPARE(parsed->toString(), canonical);
        QCOMPARE(parsed->usesTiles(), kind != Kind::Vector);
        // The canonical form parses back to the same spec.
        const relais::Result<TileSourceSpec> again = TileSourceSpec::parse(canonical);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), parsed.value());
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QString() << QStringLiteral("use osm, ign, vector");
        QTest::newRow("unknown") << QStringLiteral("google") << QStringLiteral("“google”");
        QTest::newRow("osm with junk") << QStringLiteral("osm2") << QStringLiteral("“osm2”");
        QTest::newRow("bare url") << QStringLiteral("https://t.org/{z}/{x}/{y}.png") << QStringLiteral("xyz:");
        QTest::newRow("xyz without y") << QStringLiteral("xyz:https://t.org/{z}/{x}.png") << QStringLiteral("{y}");
        QTest::newRow("xyz ftp") << QStringLiteral("xyz:ftp://t.org/{z}/{x}/{y}.png") << QStringLiteral("https://");
        QTest::newRow("xyz empty") << QStringLiteral("xyz:") << QStringLiteral("empty");
        QTest::newRow("mbtiles empty") << QStringLiteral("mbtiles:  ") << QStringLiteral("path of an MBTiles file");
    }

    void refuses()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const relais::Result<TileSourceSpec> parsed = TileSourceSpec::parse(text);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.errorString().contains(mentions), qPrintable(parsed.errorString()));
    }

    void cacheNames()
    {
        const auto name = [](const QString &text) {
            return TileSourceSpec::parse(text).value().cacheName();
        };
        QCOMPARE(name(QStringLiteral("osm")), QStringLiteral("osm"));
        QCOMPARE(name(QStringLiteral("ign")), QStringLiteral("ign"));
        QCOMPARE(name(QStringLiteral("vector")), QString());
        QCOMPARE(name(QStringLiteral("mbtiles:/a.mbtiles")), QString());
        const QString a = name(QStringLiteral("xyz:https://a.org/{z}/{x}/{y}.png"));
        const QString b = name(QStringLiteral("xyz:https://b.org/{z}/{x}/{y}.png"));
        QVERIFY(a != b);
        QCOMPARE(a, name(QStringLiteral("xyz:https://a.org/{z}/{x}/{y}.png")));
        static const QRegularExpression safe(QStringLiteral("^xyz-[0-9a-f]{16}$"));
        QVERIFY2(safe.match(a).hasMatch(), qPrintable(a));
    }
};

QTEST_GUILESS_MAIN(TestTileSourceSpec)
#include "tst_tilesourcespec.moc"
