#pragma once

#include "livetablemodel.h"
#include "systemclock.h"

#include <QHash>
#include <QPixmap>
#include <QTimer>

#include <memory>

namespace relais {

class MarkerPainter;

// The alarm queue: one row per alarm known to LiveState, closed ones included (a
// TableProxyModel with openOnly shows the open ones). The age column of open alarms is
// refreshed every second with a dataChanged on that column alone.
//
// Roles: ItemRoles::IdRole (qint64 alarm id), SortRole (raw keys: severity rank, state,
// count, raise time...), OpenRole, TieBreakRole (raise time: oldest first), DecorationRole
// (severity colour swatch), BackgroundRole/FontRole (unacknowledged alarms stand out).
class AlarmTableModel final : public LiveTableModel<qint64>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlarmTableModel)

public:
    enum Column {
        SeverityColumn,
        KindColumn,
        PlaceColumn,
        StateColumn,
        AgeColumn,
        CountColumn,
        HelperColumn,
        ColumnCount
    };

    explicit AlarmTableModel(const LiveState *state, QObject *parent = nullptr);
    ~AlarmTableModel() override;

    // The time source for ages; nullptr goes back to the system clock. Not owned.
    void setClock(const Clock *clock);

    int openCount() const { return static_cast<int>(m_open.size()); }
    // Not acknowledged in time (escalation stage 1): its row flashes with refreshAges().
    bool isFlashing(qint64 id) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    // Tells views the age of the open alarms moved on (the 1 s timer calls it).
    void refreshAges();

signals:
    void openCountChanged(int count);

protected:
    QList<qint64> currentKeys() const override;
    bool exists(const qint64 &id) const override;
    QSet<qint64> touchedKeys(const DispatchState::Changes &changes) const override;
    void rowsUpdated(const QSet<qint64> &touched, const DispatchState::Changes &changes) override;
    void rowsReset() override;

private:
    QPixmap kindIcon(AlarmKind kind, Severity severity) const;

    bool m_flashOn = false;
    mutable std::unique_ptr<MarkerPainter> m_painter;
    mutable QHash<quint32, QPixmap> m_kindIcons;
    QVariant displayData(const Alarm &alarm, int column) const;
    QVariant sortKey(const Alarm &alarm, int column) const;
    QString toolTip(const Alarm &alarm, int column) const;
    QString place(const Alarm &alarm) const;
    QString helperName(const Alarm &alarm) const;
    qint64 ageSeconds(const Alarm &alarm) const;
    void setOpen(qint64 id, bool open);
    void updateTimer();

    SystemClock m_systemClock;
    const Clock *m_clock = &m_systemClock;
    QSet<qint64> m_open;
    QHash<QString, QString> m_helperNames; // to notice a renamed helper
    QTimer m_ageTimer;
};

} // namespace relais
