#include "markerpainter.h"

#include "uicolors.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace relais {

namespace {

enum SpriteFamily : quint64 { AlarmSprite = 1, HelperSprite = 2, DeviceSprite = 3 };

quint64 spriteKey(SpriteFamily family, int a, int b = 0)
{
    return (quint64(family) << 32) | (quint64(quint16(a)) << 16) | quint16(b);
}

} // namespace

double MarkerPainter::clusterRadius(int count, bool small)
{
    const double base = small ? 9.0 : 13.0;
    return base + std::min(9.0, 2.0 * std::log10(std::max(1, count)) * (small ? 1.5 : 2.5));
}

QString MarkerPainter::countText(int count)
{
    if (count < 1000)
        return QString::number(count);
    if (count < 10000)
        return QStringLiteral("%1k").arg(std::floor(count / 100.0) / 10.0, 0, 'f', 1);
    return QStringLiteral("%1k").arg(count / 1000);
}

void MarkerPainter::checkDpr(qreal dpr)
{
    if (dpr != m_dpr) {
        m_sprites.clear();
        m_clusters.clear();
        m_dpr = dpr;
    }
}

QPixmap MarkerPainter::make(QSizeF size, qreal dpr) const
{
    QPixmap pixmap((size * dpr).toSize());
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    return pixmap;
}

const QPixmap &MarkerPainter::alarm(AlarmKind kind, Severity severity, qreal dpr)
{
    checkDpr(dpr);
    const quint64 key = spriteKey(AlarmSprite, int(kind), int(severity));
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return it.value();
    const double side = 2 * kAlarmRadius + 4;
    QPixmap pixmap = make(QSizeF(side, side), dpr);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF c(side / 2, side / 2);
    // A soft shadow, the disc, a white ring: readable on any basemap.
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 60));
    p.drawEllipse(c + QPointF(0, 1), kAlarmRadius + 1, kAlarmRadius + 1);
    p.setBrush(UiColors::severity(severity));
    p.setPen(QPen(Qt::white, 2));
    p.drawEllipse(c, kAlarmRadius, kAlarmRadius);
    drawKindGlyph(p, kind, QRectF(c - QPointF(6.5, 6.5), QSizeF(13, 13)));
    p.end();
    return m_sprites.insert(key, pixmap).value();
}

const QPixmap &MarkerPainter::helper(Helper::Availability availability, qreal dpr)
{
    checkDpr(dpr);
    const quint64 key = spriteKey(HelperSprite, int(availability));
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return it.value();
    const double side = 2 * kHelperRadius + 4;
    QPixmap pixmap = make(QSizeF(side, side), dpr);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF c(side / 2, side / 2);
    p.setPen(QPen(Qt::white, 2));
    p.setBrush(UiColors::availability(availability));
    p.drawEllipse(c, kHelperRadius, kHelperRadius);
    // A small person: head and shoulders.
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    p.drawEllipse(c + QPointF(0, -2.2), 1.9, 1.9);
    p.drawChord(QRectF(c.x() - 3.6, c.y() + 0.3, 7.2, 6.0), 0, 180 * 16);
    p.end();
    return m_sprites.insert(key, pixmap).value();
}

const QPixmap &MarkerPainter::device(qreal dpr)
{
    checkDpr(dpr);
    const quint64 key = spriteKey(DeviceSprite, 0);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return it.value();
    const double side = 2 * kDeviceRadius + 2;
    QPixmap pixmap = make(QSizeF(side, side), dpr);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(255, 255, 255, 200), 1));
    p.setBrush(QColor(0x60, 0x6a, 0x78, 170));
    p.drawEllipse(QPointF(side / 2, side / 2), kDeviceRadius, kDeviceRadius);
    p.end();
    return m_sprites.insert(key, pixmap).value();
}

const QPixmap &MarkerPainter::cluster(int count, const QColor &colour, bool small, qreal dpr)
{
    checkDpr(dpr);
    const QString text = countText(count);
    const QString key = QStringLiteral("%1/%2/%3").arg(text, colour.name(QColor::HexArgb)).arg(small ? 1 : 0);
    auto it = m_clusters.find(key);
    if (it != m_clusters.end())
        return it.value();
    const double r = clusterRadius(count, small);
    const double side = 2 * r + 8;
    QPixmap pixmap = make(QSizeF(side, side), dpr);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF c(side / 2, side / 2);
    QColor halo = colour;
    halo.setAlpha(90);
    p.setPen(Qt::NoPen);
    p.setBrush(halo);
    p.drawEllipse(c, r + 3.5, r + 3.5);
    p.setBrush(colour);
    p.setPen(QPen(Qt::white, 1.5));
    p.drawEllipse(c, r, r);
    QFont font = QGuiApplication::font();
    font.setPixelSize(small ? 10 : 12);
    font.setBold(true);
    p.setFont(font);
    p.setPen(colour.lightness() > 170 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white));
    p.drawText(QRectF(0, 0, side, side), Qt::AlignCenter, text);
    p.end();
    if (m_clusters.size() > 2000)
        m_clusters.clear(); // bounded: counts vary, looks do not
    return m_clusters.insert(key, pixmap).value();
}

void MarkerPainter::drawKindGlyph(QPainter &p, AlarmKind kind, const QRectF &box)
{
    p.save();
    p.translate(box.topLeft());
    p.scale(box.width() / 12.0, box.height() / 12.0); // glyphs are drawn in a 12 x 12 box
    const QPen line(Qt::white, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    switch (kind) {
    case AlarmKind::Panic: // !
        p.drawRoundedRect(QRectF(5, 0.5, 2, 7.5), 1, 1);
        p.drawEllipse(QRectF(5, 9.5, 2, 2));
        break;
    case AlarmKind::Fall: { // a falling person: head and a tilted body
        p.drawEllipse(QRectF(7.5, 0.5, 3, 3));
        p.setPen(line);
        p.drawLine(QPointF(8, 4.5), QPointF(4, 8));
        p.drawLine(QPointF(4, 8), QPointF(1.5, 11));
        p.drawLine(QPointF(4, 8), QPointF(6.5, 11.2));
        p.drawLine(QPointF(6.5, 5.8), QPointF(10.5, 7));
        p.drawLine(QPointF(6.5, 5.8), QPointF(3, 4));
        break;
    }
    case AlarmKind::Medical: // a cross
        p.drawRect(QRectF(4.5, 1, 3, 10));
        p.drawRect(QRectF(1, 4.5, 10, 3));
        break;
    case AlarmKind::Smoke: { // a flame
        QPainterPath flame;
        flame.moveTo(6, 0.5);
        flame.cubicTo(9.5, 4, 10.5, 7, 9.5, 9);
        flame.cubicTo(8.5, 11.5, 3.5, 11.5, 2.5, 9);
        flame.cubicTo(1.5, 7, 3, 5, 4.5, 3.5);
        flame.cubicTo(4.5, 5.5, 5.5, 6.5, 6.5, 6.5);
        flame.cubicTo(7, 4.5, 6.5, 2.5, 6, 0.5);
        p.drawPath(flame);
        break;
    }
    case AlarmKind::Intrusion: { // a house with a broken window
        QPainterPath house;
        house.moveTo(6, 0.5);
        house.lineTo(11.5, 5.5);
        house.lineTo(10, 5.5);
        house.lineTo(10, 11.5);
        house.lineTo(2, 11.5);
        house.lineTo(2, 5.5);
        house.lineTo(0.5, 5.5);
        house.closeSubpath();
        p.drawPath(house);
        p.setPen(QPen(QColor(0, 0, 0, 130), 1.3));
        p.drawLine(QPointF(4, 6.5), QPointF(8, 10.5));
        p.drawLine(QPointF(8, 6.5), QPointF(4, 10.5));
        break;
    }
    case AlarmKind::Door: // a door ajar
        p.setPen(line);
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(2.5, 0.8, 7, 10.5));
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawEllipse(QRectF(6.5, 5.5, 1.8, 1.8));
        break;
    case AlarmKind::WaterLeak: { // a drop
        QPainterPath drop;
        drop.moveTo(6, 0.5);
        drop.cubicTo(8, 4, 10, 6, 10, 8);
        drop.cubicTo(10, 10.5, 8, 11.8, 6, 11.8);
        drop.cubicTo(4, 11.8, 2, 10.5, 2, 8);
        drop.cubicTo(2, 6, 4, 4, 6, 0.5);
        p.drawPath(drop);
        break;
    }
    case AlarmKind::Gas: // a cloud
        p.drawEllipse(QRectF(0.5, 5, 5, 5));
        p.drawEllipse(QRectF(3, 2, 6, 6));
        p.drawEllipse(QRectF(6.5, 4.5, 5, 5));
        p.drawRect(QRectF(3, 7, 6, 3));
        break;
    case AlarmKind::Tamper: { // a bolt
        QPainterPath bolt;
        bolt.moveTo(7.5, 0.5);
        bolt.lineTo(2.5, 7);
        bolt.lineTo(5.8, 7);
        bolt.lineTo(4.5, 11.5);
        bolt.lineTo(9.5, 5);
        bolt.lineTo(6.2, 5);
        bolt.closeSubpath();
        p.drawPath(bolt);
        break;
    }
    case AlarmKind::LowBattery: // a battery, nearly empty
        p.setPen(QPen(Qt::white, 1.3));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(0.8, 3.5, 9.2, 5.5));
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawRect(QRectF(10, 5, 1.5, 2.5));
        p.drawRect(QRectF(2, 4.7, 2.2, 3.1));
        break;
    case AlarmKind::DeviceSilent: // waves, struck through
        p.setPen(line);
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(1, 3, 10, 10), 45 * 16, 90 * 16);
        p.drawArc(QRectF(3.5, 5.5, 5, 5), 45 * 16, 90 * 16);
        p.drawPoint(QPointF(6, 10));
        p.drawLine(QPointF(1.5, 1.5), QPointF(10.5, 10.5));
        break;
    case AlarmKind::Other: // a dot in a ring
        p.setPen(line);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(2, 2, 8, 8));
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawEllipse(QRectF(4.5, 4.5, 3, 3));
        break;
    }
    p.restore();
}

} // namespace relais
