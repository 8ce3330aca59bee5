#include "markerclusterer.h"

#include <algorithm>
#include <cmath>

namespace relais {

namespace {
constexpr qint64 kMaxDenseCells = 1 << 18;
}

QPoint MarkerClusterer::cellOf(QPointF p, double cellSize)
{
    return {int(std::floor(p.x() / cellSize)), int(std::floor(p.y() / cellSize))};
}

QRectF MarkerClusterer::cellRect(QPoint cell, double cellSize)
{
    return {cell.x() * cellSize, cell.y() * cellSize, cellSize, cellSize};
}

void MarkerClusterer::reset(const QRectF &area, double cellSize)
{
    m_area = area.normalized();
    m_cellSize = cellSize > 0 ? cellSize : 1.0;
    m_points = 0;
    m_x0 = qint64(std::floor(m_area.left() / m_cellSize));
    m_y0 = qint64(std::floor(m_area.top() / m_cellSize));
    m_columns = qint64(std::floor(m_area.right() / m_cellSize)) - m_x0 + 1;
    m_rows = qint64(std::floor(m_area.bottom() / m_cellSize)) - m_y0 + 1;
    for (qint64 i : m_used)
        m_dense[size_t(i)] = Accumulator();
    m_used.clear();
    m_sparse.clear();
    m_isDense = m_columns * m_rows <= kMaxDenseCells;
    if (m_isDense && m_dense.size() < size_t(m_columns * m_rows))
        m_dense.resize(size_t(m_columns * m_rows));
}

void MarkerClusterer::accumulate(Accumulator &a, quint32 id, QPointF p, int rank)
{
    if (a.count == 0) {
        a.left = a.right = p.x();
        a.top = a.bottom = p.y();
        a.worstRank = rank;
        a.firstId = id;
    } else {
        a.left = std::min(a.left, p.x());
        a.right = std::max(a.right, p.x());
        a.top = std::min(a.top, p.y());
        a.bottom = std::max(a.bottom, p.y());
        a.worstRank = std::min(a.worstRank, rank);
        a.firstId = std::min(a.firstId, id);
    }
    a.sx += p.x();
    a.sy += p.y();
    ++a.count;
}

void MarkerClusterer::add(quint32 id, QPointF p, int rank)
{
    if (p.x() < m_area.left() || p.x() > m_area.right() || p.y() < m_area.top() || p.y() > m_area.bottom())
        return;
    const qint64 cx = qint64(std::floor(p.x() / m_cellSize)) - m_x0;
    const qint64 cy = qint64(std::floor(p.y() / m_cellSize)) - m_y0;
    if (cx < 0 || cy < 0 || cx >= m_columns || cy >= m_rows)
        return;
    const qint64 index = cy * m_columns + cx;
    ++m_points;
    if (m_isDense) {
        Accumulator &a = m_dense[size_t(index)];
        if (a.count == 0)
            m_used.push_back(index);
        accumulate(a, id, p, rank);
    } else {
        accumulate(m_sparse[index], id, p, rank);
    }
}

MarkerClusterer::Cluster MarkerClusterer::toCluster(QPoint cell, const Accumulator &a) const
{
    Cluster c;
    c.cell = cell;
    c.count = a.count;
    c.center = QPointF(a.sx / a.count, a.sy / a.count);
    c.bounds = QRectF(QPointF(a.left, a.top), QPointF(a.right, a.bottom));
    c.worstRank = a.worstRank;
    c.firstId = a.firstId;
    return c;
}

QList<MarkerClusterer::Cluster> MarkerClusterer::clusters() const
{
    std::vector<qint64> indices;
    if (m_isDense) {
        indices = m_used;
    } else {
        indices.reserve(size_t(m_sparse.size()));
        for (auto it = m_sparse.cbegin(); it != m_sparse.cend(); ++it)
            indices.push_back(it.key());
    }
    std::sort(indices.begin(), indices.end());
    QList<Cluster> out;
    out.reserve(qsizetype(indices.size()));
    for (qint64 index : indices) {
        const QPoint cell(int(m_x0 + index % m_columns), int(m_y0 + index / m_columns));
        out.append(toCluster(cell, m_isDense ? m_dense[size_t(index)] : m_sparse.value(index)));
    }
    return out;
}

} // namespace relais
