#include "missiontablemodel.h"

#include "displayformat.h"
#include "itemroles.h"
#include "uicolors.h"

namespace relais {

MissionTableModel::MissionTableModel(const LiveState *state, QObject *parent) : LiveTableModel<qint64>(state, parent)
{
    attach();
}

int MissionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MissionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Mission *m = state().mission(keyAt(index.row()));
    if (!m)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*m, column);
    case Qt::ToolTipRole:
        return toolTip(*m, column);
    case Qt::DecorationRole:
        if (column == AlarmColumn) {
            if (const Alarm *a = state().alarm(m->alarmId()))
                return UiColors::severity(a->severity());
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == FeeColumn || column == PendingOffersColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ItemRoles::SortRole:
        return sortKey(*m, column);
    case ItemRoles::IdRole:
        return m->id();
    case ItemRoles::OpenRole:
        return m->isOpen();
    case ItemRoles::TieBreakRole:
        return m->id();
    default:
        return {};
    }
}

QVariant MissionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("No.", "mission number");
        case KindColumn:
            return tr("Kind");
        case AlarmColumn:
            return tr("Alarm");
        case StateColumn:
            return tr("State");
        case AssigneeColumn:
            return tr("Helper");
        case FeeColumn:
            return tr("Fee");
        case PendingOffersColumn:
            return tr("Offers");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case FeeColumn:
            return tr("Fee paid to the helper for this mission");
        case PendingOffersColumn:
            return tr("Offers awaiting an answer");
        default:
            return {};
        }
    }
    return {};
}

QList<qint64> MissionTableModel::currentKeys() const
{
    return state().missions().keys();
}

bool MissionTableModel::exists(const qint64 &id) const
{
    return state().mission(id) != nullptr;
}

QSet<qint64> MissionTableModel::touchedKeys(const DispatchState::Changes &changes) const
{
    return changes.missions;
}

void MissionTableModel::rowsUpdated(const QSet<qint64> &touched, const DispatchState::Changes &changes)
{
    Q_UNUSED(touched)
    QSet<QString> renamed;
    for (const QString &hid : changes.helpers) {
        const Helper *h = state().helper(hid);
        const QString name = h ? h->name : QString();
        if (m_helperNames.value(hid) != name) {
            if (m_helperNames.contains(hid))
                renamed.insert(hid);
            m_helperNames.insert(hid, name);
        }
    }
    for (const QString &hid : changes.removedHelpers) {
        if (m_helperNames.remove(hid))
            renamed.insert(hid);
    }
    if (renamed.isEmpty())
        return;
    QList<int> rows;
    for (int row = 0; row < rowCount(); ++row) {
        const Mission *m = state().mission(keyAt(row));
        if (m && renamed.contains(m->assignee()))
            rows.append(row);
    }
    emitRowsChanged(rows, AssigneeColumn, AssigneeColumn);
}

void MissionTableModel::rowsReset()
{
    m_helperNames.clear();
    for (const Helper &h : state().helpers())
        m_helperNames.insert(h.id(), h.name);
}

QVariant MissionTableModel::displayData(const Mission &m, int column) const
{
    switch (column) {
    case IdColumn:
        return QString::number(m.id()); // a number to quote, never "1 234" (the sort key is the number)
    case KindColumn:
        return MissionKinds::label(m.kind());
    case AlarmColumn:
        return tr("#%1", "alarm number").arg(m.alarmId());
    case StateColumn:
        return Mission::stateLabel(m.state());
    case AssigneeColumn:
        return helperName(m.assignee());
    case FeeColumn:
        return DisplayFormat::money(m.fee());
    case PendingOffersColumn: {
        const auto pending = m.pendingOfferHelpers().size();
        return pending ? QVariant(static_cast<int>(pending)) : QVariant();
    }
    default:
        return {};
    }
}

QVariant MissionTableModel::sortKey(const Mission &m, int column) const
{
    switch (column) {
    case IdColumn:
        return m.id();
    case AlarmColumn:
        return m.alarmId();
    case StateColumn:
        return static_cast<int>(m.state());
    case FeeColumn:
        return m.fee().cents();
    case PendingOffersColumn:
        return static_cast<int>(m.pendingOfferHelpers().size());
    default:
        return displayData(m, column);
    }
}

QString MissionTableModel::helperName(const QString &helperId) const
{
    if (helperId.isEmpty())
        return {};
    const Helper *h = state().helper(helperId);
    return h && !h->name.isEmpty() ? h->name : helperId;
}

QString MissionTableModel::toolTip(const Mission &m, int column) const
{
    switch (column) {
    case AlarmColumn:
        if (const Alarm *a = state().alarm(m.alarmId())) {
            const QString where = !a->address.isEmpty() ? a->address : a->beneficiaryRef;
            if (where.isEmpty())
                return AlarmKinds::label(a->kind());
            return tr("%1, %2", "alarm kind, place").arg(AlarmKinds::label(a->kind()), where);
        }
        return {};
    case PendingOffersColumn: {
        QStringList names;
        const QStringList pending = m.pendingOfferHelpers();
        for (const QString &hid : pending)
            names.append(helperName(hid));
        return names.join(QLatin1String(", "));
    }
    case FeeColumn:
        if (m.state() == Mission::State::Completed)
            return tr("Payout: %1").arg(DisplayFormat::money(m.payout()));
        return {};
    default:
        return {};
    }
}

} // namespace relais
