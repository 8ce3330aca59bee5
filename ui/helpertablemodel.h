#pragma once

#include "livetablemodel.h"

#include <optional>

namespace relais {

// The helpers: name, availability, distance to the alarm chosen (straight line, with the time
// on foot and by bicycle in its tooltip), current mission, skills. On-duty helpers form the
// first group (ItemRoles::GroupRole), so with a TableProxyModel off-duty ones always come last.
//
// Roles: ItemRoles::IdRole (QString helper id), SortRole (name, availability rank: available
// first...), GroupRole (0 on duty, 1 off duty), TieBreakRole (name), DecorationRole
// (availability colour), ForegroundRole (off-duty rows dimmed).
class HelperTableModel final : public LiveTableModel<QString>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelperTableModel)

public:
    enum Column { NameColumn, AvailabilityColumn, DistanceColumn, MissionColumn, SkillsColumn, ColumnCount };

    explicit HelperTableModel(const LiveState *state, QObject *parent = nullptr);

    int onDutyCount() const { return m_onDutyCount; }
    int availableCount() const { return m_availableCount; }

    // The alarm the distances are measured to (0: none, the column stays empty). Followed as
    // the alarm and the helpers move.
    void setReferenceAlarm(qint64 alarmId);
    qint64 referenceAlarm() const { return m_referenceAlarm; }

    // "First aid" for "first_aid"; an unknown skill key is shown as it is.
    static QString skillLabel(const QString &key);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // Either count changed.
    void countsChanged(int onDuty, int available);

protected:
    QList<QString> currentKeys() const override;
    bool exists(const QString &id) const override;
    QSet<QString> touchedKeys(const DispatchState::Changes &changes) const override;
    void rowsUpdated(const QSet<QString> &touched, const DispatchState::Changes &changes) override;
    void rowsReset() override;

private:
    QVariant displayData(const Helper &helper, int column) const;
    QVariant sortKey(const Helper &helper, int column) const;
    QString skills(const Helper &helper) const;
    void recount();
    // Metres from the helper to the reference alarm; nothing without both positions.
    std::optional<double> distanceM(const Helper &helper) const;
    void distancesChanged();

    int m_onDutyCount = 0;
    int m_availableCount = 0;
    qint64 m_referenceAlarm = 0;
};

} // namespace relais
