#include "geo/basemapdata.h"

#include <QTest>

using namespace relais;

class TestBasemapData final : public QObject
{
    Q_OBJECT

private slots:
    void readsTheDemoTown();
    void readsEveryGeometryType();
    void skipsUnknownKindsAndPoints();
    void refusesMalformedInput_data();
    void refusesMalformedInput();
    void defaultsTheAttributionAndCenter();
    void loadNamesTheFile();
};

void TestBasemapData::readsTheDemoTown()
{
    BasemapData data;
    QVERIFY2(data.load(QStringLiteral(RELAIS_DEMO_DIR "/town.geojson")), qPrintable(data.errorString()));
    int streets = 0, water = 0, parks = 0, buildings = 0, named = 0, waterLines = 0;
    QSet<QString> streetNames;
    for (const BasemapData::Feature &f : data.features()) {
        switch (f.kind) {
        case BasemapData::Kind::Street:
            ++streets;
            QVERIFY(!f.isArea);
            if (!f.name.isEmpty())
                streetNames.insert(f.name);
            break;
        case BasemapData::Kind::Water:
            ++water;
            waterLines += f.isArea ? 0 : 1;
            break;
        case BasemapData::Kind::Park:
            ++parks;
            break;
        case BasemapData::Kind::Building:
            ++buildings;
            QVERIFY(f.isArea);
            break;
        }
        named += f.name.isEmpty() ? 0 : 1;
        QVERIFY(data.bounds().contains(f.bounds));
    }
    // The counts of docs/demo-town.md.
    QCOMPARE(streets, 329);
    QCOMPARE(water, 24);
    QCOMPARE(waterLines, 8);
    QCOMPARE(parks, 30);
    QCOMPARE(buildings, 357);
    QCOMPARE(streetNames.size(), 58);
    QVERIFY(named > 58);
    QCOMPARE(data.skippedCount(), 0);
    // The header's bbox [west, south, east, north].
    QVERIFY(qAbs(data.bounds().left() - -85.646318) < 1e-9);
    QVERIFY(qAbs(data.bounds().top() - 41.935057) < 1e-9);
    QVERIFY(qAbs(data.bounds().right() - -85.587656) < 1e-9);
    QVERIFY(qAbs(data.bounds().bottom() - 41.961874) < 1e-9);
    QCOMPARE(data.name(), QStringLiteral("Three Rivers, Michigan, USA"));
    QCOMPARE(data.attribution(), QStringLiteral("© OpenStreetMap contributors, ODbL 1.0"));
    QCOMPARE(data.center(), QPointF(-85.615978, 41.949472));

    const auto main = std::find_if(data.features().cbegin(), data.features().cend(), [](const auto &f) {
        return f.name == QLatin1String("Michigan Avenue") && f.highway == QLatin1String("primary");
    });
    QVERIFY(main != data.features().cend());
    QVERIFY(main->parts.first().size() >= 2);
}

void TestBasemapData::readsEveryGeometryType()
{
    const QByteArray json = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"kind":"street","highway":"residential","name":"Rue A","bridge":true},
       "geometry":{"type":"LineString","coordinates":[[2.0,48.0],[2.001,48.0]]}},
      {"type":"Feature","properties":{"kind":"water","class":"river"},
       "geometry":{"type":"MultiLineString","coordinates":[[[2.0,48.0],[2.0,48.01]],[[2.1,48.0],[2.1,48.02,35.0]]]}},
      {"type":"Feature","properties":{"kind":"park","class":"wood"},
       "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]],[[0.2,0.1],[0.3,0.1],[0.3,0.2],[0.2,0.1]]]}},
      {"type":"Feature","properties":{"kind":"building","class":"house"},
       "geometry":{"type":"MultiPolygon","coordinates":[[[[5,5],[6,5],[6,6],[5,5]]],[[[7,7],[8,7],[8,8],[7,7]]]]}}
    ]})";
    BasemapData data;
    QVERIFY2(data.parse(json), qPrintable(data.errorString()));
    QCOMPARE(data.features().size(), 4);
    const auto &street = data.features().at(0);
    QCOMPARE(street.kind, BasemapData::Kind::Street);
    QCOMPARE(street.name, QStringLiteral("Rue A"));
    QCOMPARE(street.highway, QStringLiteral("residential"));
    QVERIFY(street.bridge);
    QVERIFY(!street.isArea);
    // A horizontal line still has a usable (non-empty) box.
    QVERIFY(!street.bounds.isEmpty());
    QCOMPARE(data.features().at(1).parts.size(), 2);
    QCOMPARE(data.features().at(1).parts.at(1).last(), QPointF(2.1, 48.02));
    const auto &park = data.features().at(2);
    QVERIFY(park.isArea);
    QCOMPARE(park.parts.size(), 2); // exterior and hole
    QCOMPARE(park.featureClass, QStringLiteral("wood"));
    QCOMPARE(data.features().at(3).parts.size(), 2);
    QCOMPARE(data.features().at(3).bounds, QRectF(QPointF(5, 5), QPointF(8, 8)));
    QCOMPARE(data.bounds(), QRectF(QPointF(0, 0), QPointF(8, 48.02)));
}

void TestBasemapData::skipsUnknownKindsAndPoints()
{
    const QByteArray json = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"kind":"railway"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}},
      {"type":"Feature","properties":{"kind":"street"},"geometry":{"type":"Point","coordinates":[0,0]}},
      {"type":"Feature","properties":{"kind":"street"},"geometry":null},
      {"type":"Feature","properties":{"kind":"street"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}
    ]})";
    BasemapData data;
    QVERIFY2(data.parse(json), qPrintable(data.errorString()));
    QCOMPARE(data.features().size(), 1);
    QCOMPARE(data.skippedCount(), 3);
}

void TestBasemapData::refusesMalformedInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{\"type\":") << QStringLiteral("Not valid JSON");
    QTest::newRow("not a collection") << QByteArray(R"({"type":"Feature"})")
                                      << QStringLiteral("Not a GeoJSON FeatureCollection");
    QTest::newRow("no features") << QByteArray(R"({"type":"FeatureCollection"})") << QStringLiteral("“features”");
    QTest::newRow("empty") << QByteArray(R"({"type":"FeatureCollection","features":[]})")
                           << QStringLiteral("no street, water, park or building");
    QTest::newRow("open ring") << QByteArray(R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"kind":"park"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]})")
                               << QStringLiteral("Feature 1 (park): its Polygon coordinates are malformed");
    QTest::newRow("one point line") << QByteArray(R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"kind":"street"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}},
        {"type":"Feature","properties":{"kind":"street"},"geometry":{"type":"LineString","coordinates":[[0,0]]}}]})")
                                    << QStringLiteral("Feature 2 (street): its LineString");
    QTest::newRow("latitude out of range") << QByteArray(R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"kind":"street"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,91]]}}]})")
                                           << QStringLiteral("Feature 1 (street)");
    QTest::newRow("text coordinate") << QByteArray(R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"kind":"water"},"geometry":{"type":"LineString","coordinates":[[0,0],["1",1]]}}]})")
                                     << QStringLiteral("Feature 1 (water)");
}

void TestBasemapData::refusesMalformedInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    BasemapData data;
    QVERIFY(!data.parse(json));
    QVERIFY2(data.errorString().contains(expected), qPrintable(data.errorString()));
    QVERIFY(data.features().isEmpty());
}

void TestBasemapData::defaultsTheAttributionAndCenter()
{
    BasemapData data;
    QVERIFY(data.parse(R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"kind":"street"},"geometry":{"type":"LineString","coordinates":[[0,0],[2,4]]}}]})"));
    QCOMPARE(data.attribution(), QStringLiteral("© OpenStreetMap contributors"));
    QCOMPARE(data.center(), QPointF(1, 2));
}

void TestBasemapData::loadNamesTheFile()
{
    BasemapData data;
    QVERIFY(!data.load(QStringLiteral("/nonexistent/town.geojson")));
    QVERIFY2(data.errorString().contains(QStringLiteral("/nonexistent/town.geojson")), qPrintable(data.errorString()));
}

QTEST_GUILESS_MAIN(TestBasemapData)
#include "tst_basemapdata.moc"
