#pragma once

#include "livetablemodel.h"
#include "systemclock.h"

#include <QTimer>

namespace relais {

// The device registry: one row per registered device, updated from LiveState (a
// registration, an update, a removal, and every message that proves a device alive).
// The "last seen" column is refreshed every minute, so that "today" and a device silent for
// too long (Supervisor::kSilenceFactor times its interval) stay right as time passes.
//
// Roles: ItemRoles::IdRole (QString device id), SortRole (raw keys: interval in seconds,
// last seen time, battery level), TieBreakRole (id), ForegroundRole (a silent device's last
// seen, a low battery; devices never heard from are dimmed), ToolTipRole.
class DeviceTableModel final : public LiveTableModel<QString>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceTableModel)

public:
    enum Column {
        IdColumn,
        KindColumn,
        LabelColumn,
        BeneficiaryColumn,
        AddressColumn,
        IntervalColumn,
        LastSeenColumn,
        BatteryColumn,
        ColumnCount
    };

    explicit DeviceTableModel(const LiveState *state, QObject *parent = nullptr);

    // The time source for "last seen"; nullptr goes back to the system clock. Not owned.
    void setClock(const Clock *clock);

    // A device whose last message is older than Supervisor::kSilenceFactor times its interval.
    bool isSilent(const Device &device) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    // Tells views that "last seen" moved on (the one-minute timer calls it).
    void refreshLastSeen();

signals:
    void countChanged(int devices);

protected:
    QList<QString> currentKeys() const override;
    bool exists(const QString &id) const override;
    QSet<QString> touchedKeys(const DispatchState::Changes &changes) const override;
    void rowsUpdated(const QSet<QString> &touched, const DispatchState::Changes &changes) override;
    void rowsReset() override;

private:
    QVariant displayData(const Device &device, int column) const;
    QVariant sortKey(const Device &device, int column) const;
    QString toolTip(const Device &device, int column) const;
    QVariant foreground(const Device &device, int column) const;

    SystemClock m_systemClock;
    const Clock *m_clock = &m_systemClock;
    QTimer m_refreshTimer;
    int m_count = -1;
};

} // namespace relais
