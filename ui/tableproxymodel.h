#pragma once

#include <QSortFilterProxyModel>

#include <functional>

namespace relais {

// The sort/filter proxy between the UI's table models and their views.
// Sorts by ItemRoles::SortRole (raw keys, never the displayed text); rows with a different
// ItemRoles::GroupRole stay in group order whatever the sort order; ties are broken by
// ItemRoles::TieBreakRole, always ascending. With openOnly, rows whose ItemRoles::OpenRole
// is false are hidden, as are those a row filter refuses; QSortFilterProxyModel's text filter (setFilterFixedString...)
// applies on top of that.
class TableProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableProxyModel)

public:
    explicit TableProxyModel(QObject *parent = nullptr);

    bool openOnly() const { return m_openOnly; }
    void setOpenOnly(bool openOnly);
    // A further condition on the source rows (an index in column 0); empty: none.
    using RowFilter = std::function<bool(const QModelIndex &)>;
    void setRowFilter(RowFilter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_openOnly = false;
    RowFilter m_rowFilter;
};

} // namespace relais
