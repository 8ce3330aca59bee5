#include "geo/spatialgrid.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace relais;

namespace {

QList<quint32> ids(const QList<SpatialGrid::Entry> &entries)
{
    QList<quint32> out;
    for (const auto &e : entries)
        out.append(e.id);
    std::sort(out.begin(), out.end());
    return out;
}

// What a query must return, by looking at every point.
QList<quint32> bruteForce(const QList<QPointF> &points, const QRectF &r)
{
    QList<quint32> out;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF &p = points.at(i);
        if (p.x() >= r.left() && p.x() <= r.right() && p.y() >= r.top() && p.y() <= r.bottom())
            out.append(quint32(i));
    }
    return out;
}

} // namespace

class TestSpatialGrid final : public QObject
{
    Q_OBJECT

private slots:
    void queriesMatchBruteForce();
    void edgesAreInside();
    void negativeCoordinates();
    void removeAndMove();
    void nearest();
    void bounds();
};

void TestSpatialGrid::queriesMatchBruteForce()
{
    QRandomGenerator rng(42);
    SpatialGrid grid(10.0);
    QList<QPointF> points;
    for (quint32 i = 0; i < 5000; ++i) {
        const QPointF p(rng.bounded(1000.0), rng.bounded(1000.0));
        points.append(p);
        grid.insert(i, p);
    }
    QCOMPARE(grid.size(), 5000);
    // Small rectangles (cell walk) and huge ones (walk of every non-empty cell).
    for (int k = 0; k < 200; ++k) {
        const double w = k % 2 ? rng.bounded(50.0) : rng.bounded(3000.0);
        const QRectF r(rng.bounded(1200.0) - 100, rng.bounded(1200.0) - 100, w, w * 0.7);
        QCOMPARE(ids(grid.entriesIn(r)), bruteForce(points, r));
    }
}

void TestSpatialGrid::edgesAreInside()
{
    SpatialGrid grid(1.0);
    grid.insert(1, {2.0, 2.0});
    grid.insert(2, {3.0, 3.0});
    QCOMPARE(ids(grid.entriesIn(QRectF(2.0, 2.0, 1.0, 1.0))), (QList<quint32>{1, 2}));
    QCOMPARE(ids(grid.entriesIn(QRectF(2.0001, 2.0, 0.5, 0.5))), QList<quint32>{});
    QCOMPARE(ids(grid.entriesIn(QRectF())), QList<quint32>{});
}

void TestSpatialGrid::negativeCoordinates()
{
    SpatialGrid grid(4.0);
    grid.insert(7, {-0.5, -0.5});
    grid.insert(8, {0.5, 0.5});
    QCOMPARE(ids(grid.entriesIn(QRectF(-1, -1, 1, 1))), QList<quint32>{7});
    QCOMPARE(ids(grid.entriesIn(QRectF(-1, -1, 2, 2))), (QList<quint32>{7, 8}));
}

void TestSpatialGrid::removeAndMove()
{
    SpatialGrid grid(10.0);
    grid.insert(1, {5, 5});
    grid.insert(2, {6, 6});
    QVERIFY(grid.move(1, {5, 5}, {7, 7}));    // same cell
    QVERIFY(grid.move(2, {6, 6}, {55, 55}));  // another cell
    QVERIFY(!grid.move(3, {6, 6}, {1, 1}));   // unknown id
    QVERIFY(!grid.move(1, {55, 55}, {1, 1})); // wrong origin cell
    QCOMPARE(ids(grid.entriesIn(QRectF(0, 0, 10, 10))), QList<quint32>{1});
    QCOMPARE(grid.entriesIn(QRectF(0, 0, 10, 10)).first().position, QPointF(7, 7));
    QCOMPARE(ids(grid.entriesIn(QRectF(50, 50, 10, 10))), QList<quint32>{2});
    QVERIFY(grid.remove(2, {55, 55}));
    QVERIFY(!grid.remove(2, {55, 55}));
    QCOMPARE(grid.size(), 1);
    QCOMPARE(grid.cellCount(), 1); // the emptied cell is gone
    grid.clear();
    QVERIFY(grid.isEmpty());
    QVERIFY(grid.entriesIn(QRectF(-1e6, -1e6, 2e6, 2e6)).isEmpty());
}

void TestSpatialGrid::nearest()
{
    SpatialGrid grid(10.0);
    grid.insert(1, {0, 0});
    grid.insert(2, {12, 0});
    grid.insert(3, {30, 30});
    grid.insert(4, {-12, 0});
    QCOMPARE(grid.nearest({5, 0}, 20)->id, 1u);
    QCOMPARE(grid.nearest({9, 1}, 20)->id, 2u);
    QVERIFY(!grid.nearest({100, 100}, 20));
    // Equidistant: the lowest id wins, whatever the cells.
    QCOMPARE(grid.nearest({6, 0}, 20)->id, 1u);
    QVERIFY(!grid.nearest({0, 0.5}, 0.4));
    QCOMPARE(grid.nearest({-6, 0}, 6)->id, 1u);
}

void TestSpatialGrid::bounds()
{
    SpatialGrid grid(3.0);
    QVERIFY(grid.bounds().isNull());
    grid.insert(1, {-4, 2});
    grid.insert(2, {10, -8});
    grid.insert(3, {1, 1});
    QCOMPARE(grid.bounds(), QRectF(QPointF(-4, -8), QPointF(10, 2)));
}

QTEST_GUILESS_MAIN(TestSpatialGrid)
#include "tst_spatialgrid.moc"
