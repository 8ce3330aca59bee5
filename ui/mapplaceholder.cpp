#include "mapplaceholder.h"

#include <QPainter>

namespace relais {

MapPlaceholder::MapPlaceholder(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Map"));
}

QSize MapPlaceholder::sizeHint() const
{
    return {640, 480};
}

QSize MapPlaceholder::minimumSizeHint() const
{
    return {240, 160};
}

void MapPlaceholder::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter p(this);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QColor background = dark ? QColor(0x2f, 0x33, 0x30) : QColor(0xe8, 0xeb, 0xe6);
    p.fillRect(rect(), background);

    QColor text = palette().color(QPalette::WindowText);
    text.setAlphaF(0.45f);
    p.setPen(text);
    p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, tr("The map will appear here"));

    // Attribution, bottom right, on a light plate like the map's will be.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    const QString attribution = tr("© OpenStreetMap contributors");
    const QFontMetrics fm(small);
    const int margin = 4;
    const QRect textRect(0, 0, fm.horizontalAdvance(attribution), fm.height());
    QRect plate = textRect.adjusted(-margin - 2, -margin / 2, margin + 2, margin / 2);
    plate.moveBottomRight(rect().bottomRight());
    QColor plateColour = dark ? QColor(0, 0, 0) : QColor(255, 255, 255);
    plateColour.setAlpha(170);
    p.fillRect(plate, plateColour);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(plate, Qt::AlignCenter, attribution);
}

} // namespace relais
