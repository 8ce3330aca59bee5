#pragma once

#include <QHash>
#include <QList>

namespace relais {

// The stable row order of a table model: row ↔ entity id, both ways in O(1).
// Rows are appended in the order entities appear and never reordered (sorting is the proxy's job).
template<typename Key>
class RowIndex final
{
public:
    int size() const { return static_cast<int>(m_keys.size()); }
    bool isEmpty() const { return m_keys.isEmpty(); }
    const Key &at(int row) const { return m_keys.at(row); }
    int rowOf(const Key &key) const { return m_rows.value(key, -1); }
    bool contains(const Key &key) const { return m_rows.contains(key); }
    const QList<Key> &keys() const { return m_keys; }

    void assign(QList<Key> keys)
    {
        m_keys = std::move(keys);
        reindexFrom(0);
    }

    void append(const QList<Key> &keys)
    {
        const int first = size();
        m_keys += keys;
        reindexFrom(first);
    }

    void removeAt(int row)
    {
        m_rows.remove(m_keys.at(row));
        m_keys.removeAt(row);
        reindexFrom(row);
    }

    void clear()
    {
        m_keys.clear();
        m_rows.clear();
    }

private:
    void reindexFrom(int first)
    {
        if (first == 0)
            m_rows.clear();
        for (int row = first; row < size(); ++row)
            m_rows.insert(m_keys.at(row), row);
    }

    QList<Key> m_keys;
    QHash<Key, int> m_rows;
};

} // namespace relais
