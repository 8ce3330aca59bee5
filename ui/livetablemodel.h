#pragma once

#include "livestate.h"
#include "rowindex.h"

#include <QAbstractTableModel>

#include <algorithm>

namespace relais {

// The common base of the table models that mirror one kind of entity held by LiveState
// (alarms, helpers, missions). Rows keep a stable order (entities as they appear) and are
// updated incrementally from LiveState::changed: rows inserted at the end, removed, or
// refreshed with dataChanged; the model resets only when LiveState resets. Sorting and
// filtering are left to a TableProxyModel.
//
// A subclass says which entities exist and which keys a change touched, then calls attach()
// at the end of its constructor.
template<typename Key>
class LiveTableModel : public QAbstractTableModel
{
public:
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_rows.size(); }

    // The entity shown on a row, and the row of an entity (-1 if none).
    Key keyAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows.at(row) : Key{}; }
    int rowOf(const Key &key) const { return m_rows.rowOf(key); }
    QModelIndex indexOf(const Key &key, int column = 0) const
    {
        const int row = m_rows.rowOf(key);
        return row < 0 ? QModelIndex() : index(row, column);
    }

protected:
    explicit LiveTableModel(const LiveState *state, QObject *parent) : QAbstractTableModel(parent), m_state(state) {}

    // Connects to the live state and loads the rows: call once, from the subclass constructor.
    void attach()
    {
        QObject::connect(m_state, &LiveState::aboutToReset, this, [this] {
            beginResetModel();
            m_resetting = true;
        });
        QObject::connect(m_state, &LiveState::wasReset, this, [this] { reload(); });
        QObject::connect(m_state, &LiveState::changed, this,
                         [this](const DispatchState::Changes &changes) { applyChanges(changes); });
        reload();
    }

    const DispatchState &state() const { return m_state->state(); }

    // Every entity present now (any order: rows are created sorted by key).
    virtual QList<Key> currentKeys() const = 0;
    virtual bool exists(const Key &key) const = 0;
    // The entities a change touched, removed ones included.
    virtual QSet<Key> touchedKeys(const DispatchState::Changes &changes) const = 0;
    // After rows were inserted, removed or refreshed: touched are the keys handled
    // (some may no longer exist). Subclasses refresh rows that depend on other entities
    // here and keep their counters.
    virtual void rowsUpdated(const QSet<Key> &touched, const DispatchState::Changes &changes)
    {
        Q_UNUSED(touched)
        Q_UNUSED(changes)
    }
    // After a reset: all rows are new.
    virtual void rowsReset() {}

    // dataChanged for these rows (any order, duplicates allowed), in as few signals as contiguous runs allow.
    void emitRowsChanged(QList<int> rows, int firstColumn, int lastColumn, const QList<int> &roles = {})
    {
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        qsizetype i = 0;
        while (i < rows.size()) {
            qsizetype j = i;
            while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
                ++j;
            emit dataChanged(index(rows.at(i), firstColumn), index(rows.at(j), lastColumn), roles);
            i = j + 1;
        }
    }

private:
    void reload()
    {
        if (!m_resetting)
            beginResetModel();
        QList<Key> keys = currentKeys();
        std::sort(keys.begin(), keys.end());
        m_rows.assign(std::move(keys));
        endResetModel();
        m_resetting = false;
        rowsReset();
    }

    void applyChanges(const DispatchState::Changes &changes)
    {
        if (m_resetting)
            return; // the reset that follows reloads everything
        const QSet<Key> touched = touchedKeys(changes);
        if (touched.isEmpty()) {
            rowsUpdated(touched, changes);
            return;
        }
        QList<Key> added;
        QList<Key> updated;
        QList<int> removedRows;
        for (const Key &key : touched) {
            const int row = m_rows.rowOf(key);
            const bool present = exists(key);
            if (row < 0 && present)
                added.append(key);
            else if (row >= 0 && !present)
                removedRows.append(row);
            else if (row >= 0)
                updated.append(key);
        }

        std::sort(removedRows.begin(), removedRows.end(), std::greater<>());
        for (int row : removedRows) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }

        QList<int> updatedRows;
        updatedRows.reserve(updated.size());
        for (const Key &key : updated)
            updatedRows.append(m_rows.rowOf(key));
        if (columnCount() > 0)
            emitRowsChanged(updatedRows, 0, columnCount() - 1);

        if (!added.isEmpty()) {
            std::sort(added.begin(), added.end());
            const int first = m_rows.size();
            beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
            m_rows.append(added);
            endInsertRows();
        }
        rowsUpdated(touched, changes);
    }

    const LiveState *m_state;
    RowIndex<Key> m_rows;
    bool m_resetting = false;
};

} // namespace relais
