#include "geo/webmercator.h"
#include "tilekey.h"

#include <QGeoCoordinate>
#include <QTest>

using namespace relais;

class TestWebMercator final : public QObject
{
    Q_OBJECT

private slots:
    void knownTiles_data();
    void knownTiles();
    void worldCorners();
    void roundTrip_data();
    void roundTrip();
    void fractionalZoom();
    void clampsLatitude();
    void metresPerPixel();
    void tileRange();
    void tileRangeOutsideIsEmpty();
    void zoomForSpan();
    void tileKeyParent();
};

void TestWebMercator::knownTiles_data()
{
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("lon");
    QTest::addColumn<int>("zoom");
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    // Worked out independently with the OpenStreetMap wiki's formula.
    QTest::newRow("Paris z11") << 48.8566 << 2.3522 << 11 << 1037 << 704;
    QTest::newRow("Paris z17") << 48.8566 << 2.3522 << 17 << 66392 << 45092;
    QTest::newRow("Three Rivers z15") << 41.9431 << -85.6325 << 15 << 8589 << 12171;
    QTest::newRow("null island z1") << 0.0 << 0.0 << 1 << 1 << 1;
    QTest::newRow("south-west z3") << -45.0 << -170.0 << 3 << 0 << 5;
}

void TestWebMercator::knownTiles()
{
    QFETCH(double, lat);
    QFETCH(double, lon);
    QFETCH(int, zoom);
    QFETCH(int, x);
    QFETCH(int, y);
    const QPoint tile = WebMercator::tileAt(WebMercator::toWorld(lat, lon, zoom), zoom);
    QCOMPARE(tile, QPoint(x, y));
}

void TestWebMercator::worldCorners()
{
    QCOMPARE(WebMercator::worldSize(0), 256.0);
    QCOMPARE(WebMercator::worldSize(3), 2048.0);
    const QPointF nw = WebMercator::toWorld(WebMercator::maxLatitude, -180.0, 0);
    QVERIFY(qAbs(nw.x()) < 1e-9);
    QVERIFY(qAbs(nw.y()) < 1e-6);
    const QPointF centre = WebMercator::toWorld(0.0, 0.0, 2);
    QCOMPARE(centre, QPointF(512, 512));
    const QPointF se = WebMercator::toWorld(-WebMercator::maxLatitude, 180.0, 0);
    QVERIFY(qAbs(se.x() - 256) < 1e-9);
    QVERIFY(qAbs(se.y() - 256) < 1e-6);
}

void TestWebMercator::roundTrip_data()
{
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("zoom");
    QTest::newRow("Lyon 14") << 45.7640 << 4.8357 << 14.0;
    QTest::newRow("Nouméa 6.5") << -22.2758 << 166.4580 << 6.5;
    QTest::newRow("Reykjavik 18.25") << 64.1466 << -21.9426 << 18.25;
    QTest::newRow("near the pole 3") << 85.0 << 179.9 << 3.0;
}

void TestWebMercator::roundTrip()
{
    QFETCH(double, lat);
    QFETCH(double, lon);
    QFETCH(double, zoom);
    const QGeoCoordinate back = WebMercator::toCoordinate(WebMercator::toWorld(lat, lon, zoom), zoom);
    QVERIFY2(qAbs(back.latitude() - lat) < 1e-9, qPrintable(QString::number(back.latitude(), 'g', 15)));
    QVERIFY2(qAbs(back.longitude() - lon) < 1e-9, qPrintable(QString::number(back.longitude(), 'g', 15)));
}

void TestWebMercator::fractionalZoom()
{
    // One zoom step doubles every coordinate, fractional or not.
    const QPointF a = WebMercator::toWorld(45.0, 5.0, 10.5);
    const QPointF b = WebMercator::toWorld(45.0, 5.0, 11.5);
    QVERIFY(qAbs(b.x() - 2 * a.x()) < 1e-6);
    QVERIFY(qAbs(b.y() - 2 * a.y()) < 1e-6);
    QVERIFY(qAbs(WebMercator::worldSize(10.5) - 256 * std::exp2(10.5)) < 1e-6);
}

void TestWebMercator::clampsLatitude()
{
    QCOMPARE(WebMercator::toWorld(90.0, 0.0, 0), WebMercator::toWorld(WebMercator::maxLatitude, 0.0, 0));
    const QGeoCoordinate outside = WebMercator::toCoordinate(QPointF(128, -500), 0);
    QCOMPARE(outside.latitude(), WebMercator::maxLatitude);
}

void TestWebMercator::metresPerPixel()
{
    QVERIFY(qAbs(WebMercator::metresPerPixel(0.0, 0) - 156543.03392804097) < 1e-6);
    // Paris at zoom 14: 6.2864 m/px (cos(48.8566°) · 156543.03 / 2^14).
    QVERIFY(qAbs(WebMercator::metresPerPixel(48.8566, 14) - 6.286428) < 1e-5);
    QVERIFY(qAbs(WebMercator::metresPerPixel(48.8566, 15) * 2 - WebMercator::metresPerPixel(48.8566, 14)) < 1e-9);
}

void TestWebMercator::tileRange()
{
    // Exactly four tiles at zoom 1; a rectangle ending on a tile edge does not spill over.
    QCOMPARE(WebMercator::tileRange(QRectF(0, 0, 512, 512), 1), QRect(QPoint(0, 0), QPoint(1, 1)));
    QCOMPARE(WebMercator::tileRange(QRectF(0, 0, 256, 256), 1), QRect(QPoint(0, 0), QPoint(0, 0)));
    QCOMPARE(WebMercator::tileRange(QRectF(100, 300, 300, 10), 2), QRect(QPoint(0, 1), QPoint(1, 1)));
    // Clamped to the world.
    QCOMPARE(WebMercator::tileRange(QRectF(-1000, -1000, 1300, 1300), 2), QRect(QPoint(0, 0), QPoint(1, 1)));
}

void TestWebMercator::tileRangeOutsideIsEmpty()
{
    QVERIFY(WebMercator::tileRange(QRectF(600, 600, 100, 100), 1).isEmpty());
    QVERIFY(WebMercator::tileRange(QRectF(-200, 0, 100, 100), 1).isEmpty());
}

void TestWebMercator::zoomForSpan()
{
    // 1,000 m across 500 px at Paris is 2 m/px: between zoom 15 (3.14 m/px) and 16 (1.57 m/px).
    const double z = WebMercator::zoomForSpan(1000, 500, 48.8566);
    QVERIFY(qAbs(WebMercator::metresPerPixel(48.8566, z) - 2.0) < 1e-9);
    QVERIFY(z > 15 && z < 16);
}

void TestWebMercator::tileKeyParent()
{
    const TileKey key{11, 1037, 704};
    QVERIFY(key.isValid());
    QCOMPARE(key.parent(), (TileKey{10, 518, 352}));
    QVERIFY(!(TileKey{0, 0, 0}.parent().isValid()));
    QVERIFY(!(TileKey{2, 4, 0}.isValid()));
    QCOMPARE(qHash(key), qHash(TileKey{11, 1037, 704}));
}

QTEST_APPLESS_MAIN(TestWebMercator)
#include "tst_webmercator.moc"
