#include "geo/markerclusterer.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace relais;

class TestMarkerClusterer final : public QObject
{
    Q_OBJECT

private slots:
    void groupsByCell();
    void ignoresPointsOutsideTheArea();
    void orderDoesNotMatter();
    void stableWhilePanning();
    void hugeAreaUsesSparseCells();
    void reusable();
};

void TestMarkerClusterer::groupsByCell()
{
    MarkerClusterer c;
    c.reset(QRectF(0, 0, 100, 100), 40);
    c.add(5, {10, 10}, 2);
    c.add(3, {30, 20}, 0); // same cell (0,0), worse rank, lower id
    c.add(9, {50, 10}, 3); // cell (1,0), alone
    c.add(4, {90, 90}, 1); // cell (2,2)
    const QList<MarkerClusterer::Cluster> clusters = c.clusters();
    QCOMPARE(clusters.size(), 3);
    QCOMPARE(c.pointCount(), 4);
    QCOMPARE(clusters.at(0).cell, QPoint(0, 0));
    QCOMPARE(clusters.at(0).count, 2);
    QCOMPARE(clusters.at(0).worstRank, 0);
    QCOMPARE(clusters.at(0).firstId, 3u);
    QCOMPARE(clusters.at(0).center, QPointF(20, 15));
    QCOMPARE(clusters.at(0).bounds, QRectF(QPointF(10, 10), QPointF(30, 20)));
    QCOMPARE(clusters.at(1).cell, QPoint(1, 0));
    QCOMPARE(clusters.at(1).count, 1);
    QCOMPARE(clusters.at(1).firstId, 9u);
    QCOMPARE(clusters.at(1).center, QPointF(50, 10));
    QCOMPARE(clusters.at(2).cell, QPoint(2, 2));
    QCOMPARE(MarkerClusterer::cellOf({90, 90}, 40), QPoint(2, 2));
    QCOMPARE(MarkerClusterer::cellRect({2, 2}, 40), QRectF(80, 80, 40, 40));
}

void TestMarkerClusterer::ignoresPointsOutsideTheArea()
{
    MarkerClusterer c;
    c.reset(QRectF(100, 100, 50, 50), 10);
    c.add(1, {99.9, 120}, 0);
    c.add(2, {151, 120}, 0);
    c.add(3, {120, 120}, 0);
    QCOMPARE(c.pointCount(), 1);
    QCOMPARE(c.clusters().size(), 1);
    QCOMPARE(c.clusters().first().firstId, 3u);
}

void TestMarkerClusterer::orderDoesNotMatter()
{
    QRandomGenerator rng(7);
    struct P
    {
        quint32 id;
        QPointF p;
        int rank;
    };
    QList<P> points;
    for (quint32 i = 0; i < 2000; ++i)
        points.append({i, QPointF(rng.bounded(800.0), rng.bounded(600.0)), int(rng.bounded(4))});
    const auto run = [](const QList<P> &ps) {
        MarkerClusterer c;
        c.reset(QRectF(0, 0, 800, 600), 48);
        for (const P &p : ps)
            c.add(p.id, p.p, p.rank);
        return c.clusters();
    };
    const auto a = run(points);
    std::reverse(points.begin(), points.end());
    const auto b = run(points);
    QCOMPARE(a.size(), b.size());
    int total = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a.at(i).cell, b.at(i).cell);
        QCOMPARE(a.at(i).count, b.at(i).count);
        QCOMPARE(a.at(i).worstRank, b.at(i).worstRank);
        QCOMPARE(a.at(i).firstId, b.at(i).firstId);
        QCOMPARE(a.at(i).bounds, b.at(i).bounds);
        QVERIFY(qAbs(a.at(i).center.x() - b.at(i).center.x()) < 1e-9);
        total += a.at(i).count;
    }
    QCOMPARE(total, 2000);
}

void TestMarkerClusterer::stableWhilePanning()
{
    // The same points seen through two overlapping views give the same clusters where both see them.
    MarkerClusterer c;
    const QList<QPointF> pts{{1005, 1010}, {1020, 1030}, {1100, 1100}, {1150, 1130}};
    const auto clustersFor = [&](const QRectF &view) {
        c.reset(view, 64);
        for (int i = 0; i < pts.size(); ++i)
            c.add(quint32(i), pts.at(i), 0);
        return c.clusters();
    };
    const auto a = clustersFor(QRectF(900, 900, 400, 400));
    const auto b = clustersFor(QRectF(973, 941, 400, 400));
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a.at(i).cell, b.at(i).cell);
        QCOMPARE(a.at(i).count, b.at(i).count);
    }
}

void TestMarkerClusterer::hugeAreaUsesSparseCells()
{
    MarkerClusterer c;
    c.reset(QRectF(0, 0, 1e7, 1e7), 1.0); // 10^14 cells: never allocated densely
    c.add(1, {5e6, 5e6}, 1);
    c.add(2, {5e6 + 0.5, 5e6 + 0.5}, 0);
    c.add(3, {9e6, 1}, 2);
    const auto clusters = c.clusters();
    QCOMPARE(clusters.size(), 2);
    QCOMPARE(clusters.at(0).cell, QPoint(9000000, 1));
    QCOMPARE(clusters.at(1).count, 2);
    QCOMPARE(clusters.at(1).worstRank, 0);
}

void TestMarkerClusterer::reusable()
{
    MarkerClusterer c;
    c.reset(QRectF(0, 0, 100, 100), 10);
    c.add(1, {5, 5}, 0);
    c.add(2, {6, 6}, 0);
    c.reset(QRectF(0, 0, 100, 100), 10);
    c.add(3, {5, 5}, 2);
    const auto clusters = c.clusters();
    QCOMPARE(clusters.size(), 1);
    QCOMPARE(clusters.first().count, 1);
    QCOMPARE(clusters.first().firstId, 3u);
    QCOMPARE(clusters.first().worstRank, 2);
}

QTEST_GUILESS_MAIN(TestMarkerClusterer)
#include "tst_markerclusterer.moc"
