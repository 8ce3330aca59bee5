#include "tableproxymodel.h"

#include "itemroles.h"

namespace relais {

namespace {

// <0, 0, >0; strings by the user's collation, everything else by QVariant's ordering.
int compareKeys(const QVariant &a, const QVariant &b)
{
    if (a.userType() == QMetaType::QString && b.userType() == QMetaType::QString)
        return QString::localeAwareCompare(a.toString(), b.toString());
    const QPartialOrdering order = QVariant::compare(a, b);
    if (order == QPartialOrdering::Less)
        return -1;
    if (order == QPartialOrdering::Greater)
        return 1;
    if (order == QPartialOrdering::Equivalent)
        return 0;
    // Unordered (one side missing or of another type): missing keys sort last.
    if (!a.isValid() && b.isValid())
        return 1;
    if (a.isValid() && !b.isValid())
        return -1;
    return 0;
}

} // namespace

TableProxyModel::TableProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ItemRoles::SortRole);
    setDynamicSortFilter(true);
    setSortLocaleAware(true);
}

void TableProxyModel::setOpenOnly(bool openOnly)
{
    if (m_openOnly == openOnly)
        return;
    m_openOnly = openOnly;
    invalidateRowsFilter();
}

void TableProxyModel::setRowFilter(RowFilter filter)
{
    m_rowFilter = std::move(filter);
    invalidateRowsFilter();
}

bool TableProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex first = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_openOnly) {
        const QVariant open = first.data(ItemRoles::OpenRole);
        if (open.isValid() && !open.toBool())
            return false;
    }
    if (m_rowFilter && !m_rowFilter(first))
        return false;
    // The text filter, if any (setFilterFixedString and the like).
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

bool TableProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The proxy calls lessThan(right, left) for a descending sort: keys that must keep their
    // direction whatever the order are compared the other way round in that case.
    const bool ascending = sortOrder() == Qt::AscendingOrder;

    const int group = compareKeys(left.siblingAtColumn(0).data(ItemRoles::GroupRole),
                                  right.siblingAtColumn(0).data(ItemRoles::GroupRole));
    if (group != 0)
        return ascending ? group < 0 : group > 0;

    const int key = compareKeys(left.data(sortRole()), right.data(sortRole()));
    if (key != 0)
        return key < 0;

    const int tie = compareKeys(left.siblingAtColumn(0).data(ItemRoles::TieBreakRole),
                                right.siblingAtColumn(0).data(ItemRoles::TieBreakRole));
    return ascending ? tie < 0 : tie > 0;
}

} // namespace relais
