#pragma once

#include "alarmkind.h"
#include "helper.h"

#include <QHash>
#include <QPixmap>

namespace relais {

// The map's marker images, drawn once per look and screen resolution and then blitted: an
// alarm's disc in its severity's colour with its kind's glyph, a helper's disc in their
// availability's colour, and cluster bubbles with their count. Blitting cached pixmaps is what
// lets the map draw thousands of markers in a frame.
class MarkerPainter final
{
public:
    static constexpr double kAlarmRadius = 11.0;
    static constexpr double kHelperRadius = 7.0;
    static constexpr double kDeviceRadius = 3.0;

    // Radius of a cluster bubble of count markers.
    static double clusterRadius(int count, bool small);
    // "7", "999", "1.2k", "15k": short enough for a bubble.
    static QString countText(int count);

    const QPixmap &alarm(AlarmKind kind, Severity severity, qreal dpr);
    const QPixmap &helper(Helper::Availability availability, qreal dpr);
    const QPixmap &device(qreal dpr);
    const QPixmap &cluster(int count, const QColor &colour, bool small, qreal dpr);

    // The kind's glyph in white, centred in box (also used by the legend and tests).
    static void drawKindGlyph(QPainter &p, AlarmKind kind, const QRectF &box);

private:
    QPixmap make(QSizeF size, qreal dpr) const;
    qreal m_dpr = 0;
    QHash<quint64, QPixmap> m_sprites;
    QHash<QString, QPixmap> m_clusters;
    void checkDpr(qreal dpr);
};

} // namespace relais
