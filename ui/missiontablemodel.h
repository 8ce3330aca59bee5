#pragma once

#include "livetablemodel.h"

namespace relais {

// The missions: number, kind, alarm, state, assignee, fee, offers awaiting an answer.
// All missions are rows; a TableProxyModel with openOnly hides completed and cancelled ones.
//
// Roles: ItemRoles::IdRole (qint64 mission id), SortRole (raw keys: ids, state, fee in
// cents...), OpenRole, TieBreakRole (mission id), DecorationRole on the alarm column
// (the alarm's severity colour).
class MissionTableModel final : public LiveTableModel<qint64>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MissionTableModel)

public:
    enum Column {
        IdColumn,
        KindColumn,
        AlarmColumn,
        StateColumn,
        AssigneeColumn,
        FeeColumn,
        PendingOffersColumn,
        ColumnCount
    };

    explicit MissionTableModel(const LiveState *state, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QList<qint64> currentKeys() const override;
    bool exists(const qint64 &id) const override;
    QSet<qint64> touchedKeys(const DispatchState::Changes &changes) const override;
    void rowsUpdated(const QSet<qint64> &touched, const DispatchState::Changes &changes) override;
    void rowsReset() override;

private:
    QVariant displayData(const Mission &mission, int column) const;
    QVariant sortKey(const Mission &mission, int column) const;
    QString helperName(const QString &helperId) const;
    QString toolTip(const Mission &mission, int column) const;

    QHash<QString, QString> m_helperNames; // to notice a renamed helper
};

} // namespace relais
