#include "spatialgrid.h"

#include <limits>

namespace relais {

SpatialGrid::SpatialGrid(double cellSize) : m_cellSize(cellSize > 0 ? cellSize : 1.0)
{}

void SpatialGrid::clear()
{
    m_cells.clear();
    m_size = 0;
}

void SpatialGrid::insert(quint32 id, QPointF position)
{
    m_cells[key(cellOf(position.x()), cellOf(position.y()))].append(Entry{id, position});
    ++m_size;
}

bool SpatialGrid::remove(quint32 id, QPointF position)
{
    const auto it = m_cells.find(key(cellOf(position.x()), cellOf(position.y())));
    if (it == m_cells.end())
        return false;
    QList<Entry> &entries = it.value();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).id == id) {
            entries.swapItemsAt(i, entries.size() - 1);
            entries.removeLast();
            if (entries.isEmpty())
                m_cells.erase(it);
            --m_size;
            return true;
        }
    }
    return false;
}

bool SpatialGrid::move(quint32 id, QPointF from, QPointF to)
{
    const quint64 a = key(cellOf(from.x()), cellOf(from.y()));
    const quint64 b = key(cellOf(to.x()), cellOf(to.y()));
    if (a == b) {
        const auto it = m_cells.find(a);
        if (it == m_cells.end())
            return false;
        for (Entry &e : it.value()) {
            if (e.id == id) {
                e.position = to;
                return true;
            }
        }
        return false;
    }
    if (!remove(id, from))
        return false;
    insert(id, to);
    return true;
}

QList<SpatialGrid::Entry> SpatialGrid::entriesIn(const QRectF &rect) const
{
    QList<Entry> out;
    forEachIn(rect, [&out](const Entry &e) { out.append(e); });
    return out;
}

std::optional<SpatialGrid::Entry> SpatialGrid::nearest(QPointF p, double maxDistance) const
{
    std::optional<Entry> best;
    double bestD2 = std::numeric_limits<double>::max();
    const double max2 = maxDistance * maxDistance;
    const QRectF around(p.x() - maxDistance, p.y() - maxDistance, 2 * maxDistance, 2 * maxDistance);
    forEachIn(around, [&](const Entry &e) {
        const double dx = e.position.x() - p.x(), dy = e.position.y() - p.y();
        const double d2 = dx * dx + dy * dy;
        if (d2 > max2)
            return;
        if (d2 < bestD2 || (d2 == bestD2 && best && e.id < best->id)) {
            bestD2 = d2;
            best = e;
        }
    });
    return best;
}

QRectF SpatialGrid::bounds() const
{
    double l = 0, t = 0, r = 0, b = 0;
    bool first = true;
    for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
        for (const Entry &e : it.value()) {
            const QPointF &q = e.position;
            if (first) {
                l = r = q.x();
                t = b = q.y();
                first = false;
            } else {
                l = std::min(l, q.x());
                r = std::max(r, q.x());
                t = std::min(t, q.y());
                b = std::max(b, q.y());
            }
        }
    }
    return first ? QRectF() : QRectF(QPointF(l, t), QPointF(r, b));
}

} // namespace relais
