#include "tableview.h"

#include <QPainter>

namespace relais {

TableView::TableView(QWidget *parent) : QTableView(parent)
{}

void TableView::setPlaceholderText(const QString &text)
{
    m_placeholderText = text;
    viewport()->update();
}

void TableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_placeholderText.isEmpty() || (model() && model()->rowCount(rootIndex()) > 0))
        return;
    QPainter p(viewport());
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(viewport()->rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_placeholderText);
}

} // namespace relais
