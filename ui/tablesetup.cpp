#include "tablesetup.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QHeaderView>
#include <QTableView>
#include <QTreeWidget>

#include <algorithm>

namespace relais::TableSetup {

void setup(QTableView *view, QAbstractItemModel *model)
{
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->setCornerButtonEnabled(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    QHeaderView *header = view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setMinimumSectionSize(view->fontMetrics().averageCharWidth() * 3);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void fitColumn(QTableView *view, int column, const QStringList &samples, bool decorated, bool bold)
{
    const QString header = view->model()->headerData(column, Qt::Horizontal).toString();
    int width = view->horizontalHeader()->fontMetrics().horizontalAdvance(header) + 28;
    QFont font = view->font();
    font.setBold(bold);
    const QFontMetrics metrics(font);
    for (const QString &sample : samples)
        width = std::max(width, metrics.horizontalAdvance(sample) + (decorated ? 36 : 16));
    view->setColumnWidth(column, width);
}

void setupEventList(QTreeWidget *list)
{
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setHeaderLabels({QCoreApplication::translate("relais::TableSetup", "Time"),
                           QCoreApplication::translate("relais::TableSetup", "Event"),
                           QCoreApplication::translate("relais::TableSetup", "By")});
    QHeaderView *header = list->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::Stretch);
    header->setSectionResizeMode(2, QHeaderView::ResizeToContents);
}

} // namespace relais::TableSetup
