#include "geo/webmercator.h"
#include "mapviewport.h"

#include <QGeoCoordinate>
#include <QTest>

#include <cmath>

using namespace relais;

class TestMapViewport final : public QObject
{
    Q_OBJECT

private slots:
    void convertsBetweenCoordinatesWorldAndScreen();
    void choosesTheTileZoomInTheSourcesRange();
    void tileRectsMeetOnDevicePixels();
    void tilesCoverTheViewMiddleFirst();
};

void TestMapViewport::convertsBetweenCoordinatesWorldAndScreen()
{
    const QGeoCoordinate centre(41.944, -85.633);
    const MapViewport view(WebMercator::toWorld(centre, 0), 15.5, QSize(400, 300));
    QCOMPARE(view.scale(), std::exp2(15.5));
    QCOMPARE(view.rect(), QRect(0, 0, 400, 300));
    // The centre is in the middle; another place where Web Mercator puts it.
    QCOMPARE(view.toScreen(centre), QPointF(200, 150));
    QVERIFY(view.toCoordinate(QPointF(200, 150)).distanceTo(centre) < 0.01);
    QVERIFY(view.center().distanceTo(centre) < 0.01);
    const QGeoCoordinate other(41.95, -85.62);
    const QPointF expected = WebMercator::toWorld(other, 15.5) - WebMercator::toWorld(centre, 15.5) + QPointF(200, 150);
    QCOMPARE(view.toScreen(other), expected);
    QCOMPARE(view.worldToScreen(WebMercator::toWorld(other, 0)), expected);
    const QPointF back = view.screenToWorld(expected);
    QVERIFY(QLineF(back, WebMercator::toWorld(other, 0)).length() < 1e-9);
    // What is in view, in world pixels of zoom 0, with and without a margin.
    const QRectF visible = view.visibleWorld();
    QVERIFY(QLineF(visible.center(), view.center0()).length() < 1e-12);
    QVERIFY(std::abs(visible.width() - 400 / view.scale()) < 1e-12);
    QVERIFY(std::abs(view.visibleWorld(40).height() - 380 / view.scale()) < 1e-12);
    // Ground metres per pixel at the centre.
    QCOMPARE(view.metresPerPixel(), WebMercator::metresPerPixel(view.center().latitude(), 15.5));
}

void TestMapViewport::choosesTheTileZoomInTheSourcesRange()
{
    const QPointF paris = WebMercator::toWorld(48.85, 2.35, 0);
    QCOMPARE(MapViewport(paris, 12.37, QSize(300, 200)).tileZoom(0, 19), 12);
    QCOMPARE(MapViewport(paris, 12.6, QSize(300, 200)).tileZoom(0, 19), 13);
    QCOMPARE(MapViewport(paris, 12.6, QSize(300, 200)).tileZoom(14, 16), 14);
    QCOMPARE(MapViewport(paris, 17.6, QSize(300, 200)).tileZoom(14, 16), 16);
}

void TestMapViewport::tileRectsMeetOnDevicePixels()
{
    const MapViewport view(WebMercator::toWorld(48.85, 2.35, 0), 12.37, QSize(300, 200), 2.0);
    const QPoint t = WebMercator::tileAt(WebMercator::toWorld(48.85, 2.35, 12), 12);
    const QRectF a = view.tileRect(TileKey{12, t.x(), t.y()});
    const QRectF right = view.tileRect(TileKey{12, t.x() + 1, t.y()});
    const QRectF below = view.tileRect(TileKey{12, t.x(), t.y() + 1});
    // Neighbours share their edges exactly: no seam, no overlap.
    QCOMPARE(a.right(), right.left());
    QCOMPARE(a.bottom(), below.top());
    // Every edge on a device pixel (half a logical pixel at 2x).
    for (double edge : {a.left(), a.top(), a.right(), a.bottom()})
        QCOMPARE(edge * 2, std::round(edge * 2));
    // About 256 · 2^0.37 logical pixels a side.
    QVERIFY(std::abs(a.width() - 256 * std::exp2(0.37)) <= 0.5);
}

void TestMapViewport::tilesCoverTheViewMiddleFirst()
{
    const MapViewport view(WebMercator::toWorld(48.85, 2.35, 0), 13, QSize(600, 400));
    const QList<TileKey> tiles = view.tiles(13);
    QVERIFY(tiles.size() >= 6);
    QRectF covered;
    for (const TileKey &k : tiles) {
        QCOMPARE(k.z, 13);
        covered = covered.united(view.tileRect(k));
    }
    QVERIFY(covered.contains(QRectF(view.rect())));
    QVERIFY(view.tileRect(tiles.first()).contains(QPointF(300, 200)));
    // Nothing for an empty viewport.
    QVERIFY(MapViewport(view.center0(), 13, QSize()).tiles(13).isEmpty());
}

QTEST_APPLESS_MAIN(TestMapViewport)
#include "tst_mapviewport.moc"
