#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>

#include <cmath>
#include <optional>

namespace relais {

// A uniform grid of square cells over a plane, holding points with a 32-bit id: the map's
// spatial index for drawing (what is in view) and hit-testing (what is under the cursor).
// Only non-empty cells take memory. Insert, remove and move are O(items in the cell);
// a query visits the cells overlapping the rectangle, or every non-empty cell when that is
// fewer. Ids need not be unique to the grid, but remove and move act on the first match.
class SpatialGrid final
{
public:
    struct Entry
    {
        quint32 id = 0;
        QPointF position;
    };

    explicit SpatialGrid(double cellSize);

    double cellSize() const { return m_cellSize; }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    qsizetype cellCount() const { return m_cells.size(); }

    void clear();
    void insert(quint32 id, QPointF position);
    // False if no entry with that id is at that position's cell.
    bool remove(quint32 id, QPointF position);
    bool move(quint32 id, QPointF from, QPointF to);

    // Calls f(const Entry &) for every entry inside rect (edges included), in no set order.
    template<typename F>
    void forEachIn(const QRectF &rect, F &&f) const;
    QList<Entry> entriesIn(const QRectF &rect) const;
    // The entry nearest to p within maxDistance (ties: the lowest id), if any.
    std::optional<Entry> nearest(QPointF p, double maxDistance) const;
    // The bounding box of every entry (null when empty). O(size).
    QRectF bounds() const;

private:
    static quint64 key(qint64 cx, qint64 cy) { return (quint64(quint32(cx)) << 32) | quint32(cy); }
    qint64 cellOf(double v) const { return qint64(std::floor(v / m_cellSize)); }

    double m_cellSize;
    qsizetype m_size = 0;
    QHash<quint64, QList<Entry>> m_cells;
};

template<typename F>
void SpatialGrid::forEachIn(const QRectF &rect, F &&f) const
{
    if (m_size == 0 || !rect.isValid())
        return;
    const qint64 x0 = cellOf(rect.left()), x1 = cellOf(rect.right());
    const qint64 y0 = cellOf(rect.top()), y1 = cellOf(rect.bottom());
    const auto inside = [&rect](const QPointF &p) {
        return p.x() >= rect.left() && p.x() <= rect.right() && p.y() >= rect.top() && p.y() <= rect.bottom();
    };
    const double cells = double(x1 - x0 + 1) * double(y1 - y0 + 1);
    if (cells > double(m_cells.size())) {
        for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
            for (const Entry &e : it.value()) {
                if (inside(e.position))
                    f(e);
            }
        }
        return;
    }
    for (qint64 cx = x0; cx <= x1; ++cx) {
        for (qint64 cy = y0; cy <= y1; ++cy) {
            const auto it = m_cells.constFind(key(cx, cy));
            if (it == m_cells.cend())
                continue;
            const bool whole = cx > x0 && cx < x1 && cy > y0 && cy < y1;
            for (const Entry &e : it.value()) {
                if (whole || inside(e.position))
                    f(e);
            }
        }
    }
}

} // namespace relais
