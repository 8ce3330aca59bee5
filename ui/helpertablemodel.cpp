#include "helpertablemodel.h"

#include "helperranker.h"
#include "itemroles.h"
#include "uicolors.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

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
}

QVariant HelperTableModel::displayData(const Helper &h, int column) const
{
    switch (column) {
    case NameColumn:
        return h.name;
    case AvailabilityColumn:
        return Helper::availabilityLabel(h.availability());
    case DistanceColumn:
        if (const std::optional<double> m = distanceM(h)) {
            const QLocale locale;
            return *m < 1000 ? tr("%1 m").arg(locale.toString(qRound(*m / 10) * 10))
                             : tr("%1 km").arg(locale.toString(*m / 1000.0, 'f', 1));
        }
        return {};
    case MissionColumn:
        if (h.missionId)
            return tr("#%1", "mission number").arg(h.missionId);
        return {};
    case SkillsColumn:
        return skills(h);
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
