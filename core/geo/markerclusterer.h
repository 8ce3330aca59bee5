#pragma once

#include <QHash>
#include <QList>
#include <QPoint>
#include <QRectF>

#include <vector>

namespace relais {

// Groups points that fall in the same square cell of a plane (the map's world pixels at the
// current zoom, so that clusters stay put while panning). Each non-empty cell is one cluster
// with its count, the mean of its points, the bounds of its points and the worst rank among
// them (lower is worse, as Severities::rank). Deterministic: the same points give the same
// clusters whatever the order they are added in, so drawing and hit-testing agree.
class MarkerClusterer final
{
public:
    struct Cluster
    {
        QPoint cell;
        QPointF center;
        QRectF bounds;
        int count = 0;
        int worstRank = 0;
        quint32 firstId = 0; // the lowest id inside: the marker itself when count == 1
    };

    // Starts over: points outside area are ignored; cellSize > 0.
    void reset(const QRectF &area, double cellSize);
    void add(quint32 id, QPointF p, int rank);
    // Non-empty cells, row by row from the top-left.
    QList<Cluster> clusters() const;
    int pointCount() const { return m_points; }

    static QPoint cellOf(QPointF p, double cellSize);
    static QRectF cellRect(QPoint cell, double cellSize);

private:
    struct Accumulator
    {
        double sx = 0, sy = 0;
        double left = 0, top = 0, right = 0, bottom = 0;
        int count = 0;
        int worstRank = 0;
        quint32 firstId = 0;
    };
    static void accumulate(Accumulator &a, quint32 id, QPointF p, int rank);
    Cluster toCluster(QPoint cell, const Accumulator &a) const;

    QRectF m_area;
    double m_cellSize = 1;
    qint64 m_x0 = 0, m_y0 = 0;
    qint64 m_columns = 0, m_rows = 0;
    int m_points = 0;
    // Dense cells for the usual case (a screen's worth of cells); a hash when the area
    // would need too many.
    std::vector<Accumulator> m_dense;
    std::vector<qint64> m_used;
    QHash<qint64, Accumulator> m_sparse;
    bool m_isDense = true;
};

} // namespace relais
