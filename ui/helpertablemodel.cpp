#include "helpertablemodel.h"

#include "displayformat.h"
#include "helperranker.h"
#include "itemroles.h"
#include "uicolors.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <limits>

namespace relais {

HelperTableModel::HelperTableModel(const LiveState *state, QObject *parent) : LiveTableModel<QString>(state, parent)
{
    attach();
}

QString HelperTableModel::skillLabel(const QString &key)
{
    if (key == QLatin1String("first_aid"))
        return tr("First aid");
    if (key == QLatin1String("keys"))
        return tr("Keys", "holds the beneficiary's keys");
    if (key == QLatin1String("maintenance"))
        return tr("Maintenance", "can change a device's battery, check a silent device");
    return key;
}

int HelperTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HelperTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Helper *h = state().helper(keyAt(index.row()));
    if (!h)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*h, column);
    case Qt::ToolTipRole:
        if (column == DistanceColumn) {
            if (const std::optional<double> m = distanceM(*h)) {
                return tr("In a straight line: about %1 min on foot, %2 min by bicycle")
                    .arg(qMax(1, (HelperRanker::etaSeconds(*m, HelperRanker::walkingKmh) + 59) / 60))
                    .arg(qMax(1, (HelperRanker::etaSeconds(*m, HelperRanker::cyclingKmh) + 59) / 60));
            }
            return {};
        }
        if (column == NameColumn && !h->phone.isEmpty())
            return tr("Phone: %1").arg(h->phone);
        if (column == MissionColumn && h->missionId) {
            if (const Mission *m = state().mission(h->missionId))
                return tr("Mission %1: %2").arg(m->id()).arg(MissionKinds::label(m->kind()));
        }
        if (column == TodayColumn) {
            auto figures = [](const Earnings &e) {
                return e.isEmpty() ? tr("none") : earningsText(e);
            };
            return QStringList{tr("Completed missions · earnings"),
                               tr("Today: %1").arg(figures(earningsToday(h->id()))),
                               tr("Last 7 days: %1").arg(figures(earningsLastDays(h->id()))),
                               tr("This month: %1").arg(figures(earningsThisMonth(h->id())))}
                .join(QLatin1Char('\n'));
        }
        return {};
    case Qt::DecorationRole:
        if (column == AvailabilityColumn)
            return UiColors::availability(h->availability());
        return {};
    case Qt::ForegroundRole:
        if (!h->isOnDuty())
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case ItemRoles::SortRole:
        return sortKey(*h, column);
    case ItemRoles::IdRole:
        return h->id();
    case ItemRoles::GroupRole:
        return h->isOnDuty() ? 0 : 1;
    case ItemRoles::TieBreakRole:
        return h->name;
    default:
        return {};
    }
}

QVariant HelperTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case AvailabilityColumn:
        return tr("Availability");
    case DistanceColumn:
        return tr("Distance");
    case MissionColumn:
        return tr("Mission");
    case SkillsColumn:
        return tr("Skills");
    case TodayColumn:
        return tr("Today", "the missions a helper completed today and what they earn");
    default:
        return {};
    }
}

QList<QString> HelperTableModel::currentKeys() const
{
    return state().helpers().keys();
}

bool HelperTableModel::exists(const QString &id) const
{
    return state().helper(id) != nullptr;
}

QSet<QString> HelperTableModel::touchedKeys(const DispatchState::Changes &changes) const
{
    return changes.helpers | changes.removedHelpers;
}

void HelperTableModel::rowsUpdated(const QSet<QString> &touched, const DispatchState::Changes &changes)
{
    if (!touched.isEmpty())
        recount();
    if (m_referenceAlarm && changes.alarms.contains(m_referenceAlarm))
        distancesChanged(); // the alarm moved, or closed
    // Only a completion changes what anyone earned (a completed mission never changes again).
    for (qint64 id : changes.missions) {
        const Mission *m = state().mission(id);
        if (m && m->state() == Mission::State::Completed) {
            recomputeEarnings(true);
            break;
        }
    }
}

void HelperTableModel::setNow(const QDateTime &now)
{
    if (!now.isValid())
        return;
    m_now = now.toUTC();
    if (Earnings::today(m_now, m_zone) != m_todayPeriod)
        recomputeEarnings(true); // a new day: today, the last 7 days, maybe the month
}

void HelperTableModel::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    recomputeEarnings(true);
}

void HelperTableModel::recomputeEarnings(bool notify)
{
    m_todayPeriod = Earnings::today(m_now, m_zone);
    const QList<QHash<QString, Earnings>> figures = Earnings::perHelper(
        state(), {m_todayPeriod, Earnings::lastDays(7, m_now, m_zone), Earnings::month(m_now, m_zone)});
    QList<int> rows;
    if (notify) {
        // The helpers whose figures changed, in any period (what the tooltip shows too).
        QSet<QString> ids;
        const QList<const QHash<QString, Earnings> *> before{&m_today, &m_week, &m_month};
        for (qsizetype i = 0; i < before.size(); ++i) {
            const QHash<QString, Earnings> &old = *before.at(i);
            const QHash<QString, Earnings> &after = figures.at(i);
            for (auto it = after.cbegin(); it != after.cend(); ++it) {
                if (old.value(it.key()) != it.value())
                    ids.insert(it.key());
            }
            for (auto it = old.cbegin(); it != old.cend(); ++it) {
                if (!after.contains(it.key()))
                    ids.insert(it.key());
            }
        }
        for (const QString &id : std::as_const(ids)) {
            if (const int row = rowOf(id); row >= 0)
                rows.append(row);
        }
    }
    m_today = figures.at(0);
    m_week = figures.at(1);
    m_month = figures.at(2);
    emitRowsChanged(rows, TodayColumn, TodayColumn);
}

QString HelperTableModel::earningsText(const Earnings &earnings)
{
    if (earnings.isEmpty())
        return {};
    QStringList amounts;
    for (const Money &m : earnings.amounts())
        amounts.append(DisplayFormat::money(m));
    return tr("%1 · %2", "completed missions · earnings")
        .arg(earnings.missions())
        .arg(amounts.join(QLatin1String(" + ")));
}

void HelperTableModel::setReferenceAlarm(qint64 alarmId)
{
    if (alarmId == m_referenceAlarm)
        return;
    m_referenceAlarm = alarmId;
    distancesChanged();
}

std::optional<double> HelperTableModel::distanceM(const Helper &helper) const
{
    const Alarm *a = m_referenceAlarm ? state().alarm(m_referenceAlarm) : nullptr;
    if (!a || !a->isOpen() || !a->position.isValid() || !helper.isOnDuty() || !helper.position().isValid())
        return std::nullopt;
    return HelperRanker::distanceM(helper.position().latitude(), helper.position().longitude(), a->position.latitude(),
                                   a->position.longitude());
}

void HelperTableModel::distancesChanged()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, DistanceColumn), index(rowCount() - 1, DistanceColumn));
}

void HelperTableModel::rowsReset()
{
    recount();
    recomputeEarnings(false); // all rows are new
}

QVariant HelperTableModel::displayData(const Helper &h, int column) const
{
    switch (column) {
    case NameColumn:
        return h.name;
    case AvailabilityColumn:
        return Helper::availabilityLabel(h.availability());
    case DistanceColumn:
        if (const std::optional<double> m = distanceM(h))
            return DisplayFormat::distance(*m);
        return {};
    case MissionColumn:
        if (h.missionId)
            return tr("#%1", "mission number").arg(h.missionId);
        return {};
    case SkillsColumn:
        return skills(h);
    case TodayColumn:
        return earningsText(earningsToday(h.id()));
    default:
        return {};
    }
}

QVariant HelperTableModel::sortKey(const Helper &h, int column) const
{
    switch (column) {
    case AvailabilityColumn:
        return Helper::availabilityRank(h.availability());
    case DistanceColumn:
        return distanceM(h).value_or(std::numeric_limits<double>::max()); // unknown: last
    case MissionColumn:
        return h.missionId;
    case TodayColumn: {
        // By earnings, then by the number of missions (some may pay nothing).
        const Earnings e = earningsToday(h.id());
        return e.sortCents() * 10000 + std::min(e.missions(), 9999);
    }
    default:
        return displayData(h, column);
    }
}

QString HelperTableModel::skills(const Helper &h) const
{
    QStringList labels;
    labels.reserve(h.skills.size());
    for (const QString &key : h.skills)
        labels.append(skillLabel(key));
    return labels.join(QLatin1String(", "));
}

void HelperTableModel::recount()
{
    // A few thousand helpers at most: counting is cheaper than keeping deltas right.
    int onDuty = 0;
    int available = 0;
    for (const Helper &h : state().helpers()) {
        if (h.isOnDuty())
            ++onDuty;
        if (h.availability() == Helper::Availability::Available)
            ++available;
    }
    if (onDuty == m_onDutyCount && available == m_availableCount)
        return;
    m_onDutyCount = onDuty;
    m_availableCount = available;
    emit countsChanged(onDuty, available);
}

} // namespace relais
