#pragma once

#include "earnings.h"
#include "livetablemodel.h"

#include <QTimeZone>

#include <optional>

namespace relais {

// The helpers: name, availability, distance to the alarm chosen (straight line, with the time
// on foot and by bicycle in its tooltip), current mission, skills, and what they did today:
// the missions they completed since local midnight and what those earn ("2 · €20.00"; the
// last 7 days and this month in its tooltip). On-duty helpers form the first group
// (ItemRoles::GroupRole), so with a TableProxyModel off-duty ones always come last.
//
// Roles: ItemRoles::IdRole (QString helper id), SortRole (name, availability rank: available
// first..., today's earnings), GroupRole (0 on duty, 1 off duty), TieBreakRole (name),
// DecorationRole (availability colour), ForegroundRole (off-duty rows dimmed).
//
// "Today" is the local day holding now() in timeZone(): the owner moves now forward with
// setNow() (every minute is plenty); the figures follow completed missions as they come.
class HelperTableModel final : public LiveTableModel<QString>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelperTableModel)

public:
    enum Column {
        NameColumn,
        AvailabilityColumn,
        DistanceColumn,
        MissionColumn,
        SkillsColumn,
        TodayColumn,
        ColumnCount
    };

    explicit HelperTableModel(const LiveState *state, QObject *parent = nullptr);

    // The moment "today", "the last 7 days" and "this month" are taken from (default: the
    // system clock when the model was made). The figures are recomputed only when the local
    // day changes.
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }
    // Where the day starts and ends (default: the system's time zone).
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }
    // A helper's completed missions and earnings today, the last 7 days (today included) and
    // this month.
    Earnings earningsToday(const QString &helperId) const { return m_today.value(helperId); }
    Earnings earningsLastDays(const QString &helperId) const { return m_week.value(helperId); }
    Earnings earningsThisMonth(const QString &helperId) const { return m_month.value(helperId); }
    // "2 · €20.00", amounts in several currencies joined with " + "; empty for nothing.
    static QString earningsText(const Earnings &earnings);

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
    // Recomputes the periods' figures (one pass over the missions); with notify, tells the
    // views about the rows whose figures changed.
    void recomputeEarnings(bool notify);

    QDateTime m_now = QDateTime::currentDateTimeUtc();
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    Earnings::Period m_todayPeriod;
    QHash<QString, Earnings> m_today;
    QHash<QString, Earnings> m_week;
    QHash<QString, Earnings> m_month;

    int m_onDutyCount = 0;
    int m_availableCount = 0;
    qint64 m_referenceAlarm = 0;
};

} // namespace relais
