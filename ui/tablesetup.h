#pragma once

#include <QStringList>

class QTableView;
class QTreeWidget;
class QAbstractItemModel;

namespace relais {

// How the UI's tables look and behave, in one place so that every dock reads the same.
namespace TableSetup {
// Sortable, whole-row single selection, read-only, no grid, alternating rows, no row header.
void setup(QTableView *view, QAbstractItemModel *model);
// Sizes a column to its header (with room for the sort arrow) and to the widest of the texts
// it shows, computed from the labels themselves so that translations fit too.
// decorated: the cells have a colour swatch; bold: some rows are shown in bold.
void fitColumn(QTableView *view, int column, const QStringList &samples, bool decorated = false, bool bold = false);

// A list of events (the alarm's timeline, the window's log): columns Time, Event, By; the
// event takes the width, nothing is selectable, no tree decoration.
void setupEventList(QTreeWidget *list);

template<typename T, typename F>
QStringList labels(const QList<T> &values, F label)
{
    QStringList out;
    out.reserve(values.size());
    for (const T &v : values)
        out.append(label(v));
    return out;
}
} // namespace TableSetup

} // namespace relais
