#include "devicetablemodel.h"

#include "devicekinds.h"
#include "displayformat.h"
#include "itemroles.h"
#include "supervisor.h"
#include "uicolors.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace relais {

DeviceTableModel::DeviceTableModel(const LiveState *state, QObject *parent) : LiveTableModel<QString>(state, parent)
{
    m_refreshTimer.setInterval(60 * 1000);
    m_refreshTimer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_refreshTimer, &QTimer::timeout, this, &DeviceTableModel::refreshLastSeen);
    m_refreshTimer.start();
    attach();
}

void DeviceTableModel::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &m_systemClock;
    refreshLastSeen();
}

bool DeviceTableModel::isSilent(const Device &d) const
{
    if (!d.lastSeen.isValid() || d.reportIntervalS <= 0)
        return false;
    const qint64 silentMs = d.lastSeen.msecsTo(m_clock->now());
    return silentMs > static_cast<qint64>(Supervisor::kSilenceFactor * d.reportIntervalS * 1000.0);
}

int DeviceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeviceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Device *d = state().device(keyAt(index.row()));
    if (!d)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*d, column);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(*d, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::ForegroundRole:
        return foreground(*d, column);
    case Qt::TextAlignmentRole:
        if (column == IntervalColumn || column == BatteryColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ItemRoles::SortRole:
        return sortKey(*d, column);
    case ItemRoles::IdRole:
        return d->id;
    case ItemRoles::TieBreakRole:
        return d->id;
    default:
        return {};
    }
}

QVariant DeviceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("Device");
        case KindColumn:
            return tr("Kind");
        case LabelColumn:
            return tr("Label");
        case BeneficiaryColumn:
            return tr("Beneficiary");
        case AddressColumn:
            return tr("Address");
        case IntervalColumn:
            return tr("Interval", "expected report interval, short column header");
        case LastSeenColumn:
            return tr("Last seen");
        case BatteryColumn:
            return tr("Battery");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        if (section == IntervalColumn || section == BatteryColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case BeneficiaryColumn:
            return tr("The beneficiary's pseudonymous reference");
        case IntervalColumn:
            return tr("How often the device is expected to report");
        case LastSeenColumn:
            return tr("The device's last message");
        default:
            return {};
        }
    }
    return {};
}

void DeviceTableModel::refreshLastSeen()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, LastSeenColumn), index(rowCount() - 1, LastSeenColumn));
}

QList<QString> DeviceTableModel::currentKeys() const
{
    return state().devices().keys();
}

bool DeviceTableModel::exists(const QString &id) const
{
    return state().device(id) != nullptr;
}

QSet<QString> DeviceTableModel::touchedKeys(const DispatchState::Changes &changes) const
{
    return changes.devices | changes.removedDevices;
}

void DeviceTableModel::rowsUpdated(const QSet<QString> &touched, const DispatchState::Changes &changes)
{
    Q_UNUSED(touched)
    Q_UNUSED(changes)
    if (rowCount() != m_count) {
        m_count = rowCount();
        emit countChanged(m_count);
    }
}

void DeviceTableModel::rowsReset()
{
    m_count = rowCount();
    emit countChanged(m_count);
}

QVariant DeviceTableModel::displayData(const Device &d, int column) const
{
    switch (column) {
    case IdColumn:
        return d.id;
    case KindColumn:
        return DeviceKinds::label(d.kind);
    case LabelColumn:
        return d.label;
    case BeneficiaryColumn:
        return d.beneficiaryRef;
    case AddressColumn:
        return d.address.isEmpty() ? DisplayFormat::coordinate(d.position) : d.address;
    case IntervalColumn:
        return DisplayFormat::interval(d.reportIntervalS);
    case LastSeenColumn:
        if (!d.lastSeen.isValid())
            return tr("Never", "device never heard from");
        return DisplayFormat::moment(d.lastSeen, m_clock->now());
    case BatteryColumn:
        if (d.batteryPercent < 0)
            return {};
        return DisplayFormat::percent(d.batteryPercent);
    default:
        return {};
    }
}

QVariant DeviceTableModel::sortKey(const Device &d, int column) const
{
    switch (column) {
    case IntervalColumn:
        return d.reportIntervalS;
    case LastSeenColumn:
        // Never heard from first: the devices to look at.
        return d.lastSeen.isValid() ? d.lastSeen.toMSecsSinceEpoch() : qint64(0);
    case BatteryColumn:
        return d.batteryPercent;
    default:
        return displayData(d, column);
    }
}

QString DeviceTableModel::toolTip(const Device &d, int column) const
{
    switch (column) {
    case KindColumn:
        return d.kind;
    case LabelColumn:
        return d.label;
    case AddressColumn: {
        QStringList lines;
        if (!d.address.isEmpty())
            lines.append(d.address);
        if (d.position.isValid())
            lines.append(DisplayFormat::coordinate(d.position));
        else
            lines.append(tr("No position"));
        return lines.join(QLatin1Char('\n'));
    }
    case IntervalColumn:
        return tr("Expected to report every %1").arg(DisplayFormat::interval(d.reportIntervalS));
    case LastSeenColumn: {
        if (!d.lastSeen.isValid())
            return tr("No message from this device yet");
        const QString when = QLocale().toString(d.lastSeen.toLocalTime(), QLocale::LongFormat);
        if (isSilent(d)) {
            return tr("%1\nSilent for %2: it should report every %3")
                .arg(when, DisplayFormat::age(d.lastSeen.secsTo(m_clock->now())),
                     DisplayFormat::interval(d.reportIntervalS));
        }
        return when;
    }
    case BatteryColumn:
        if (d.batteryPercent < 0)
            return tr("Battery level not reported");
        if (d.batteryPercent < Device::kLowBatteryPercent)
            return tr("Low battery: to replace");
        return {};
    default:
        return {};
    }
}

QVariant DeviceTableModel::foreground(const Device &d, int column) const
{
    if (column == LastSeenColumn) {
        if (!d.lastSeen.isValid())
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (isSilent(d))
            return UiColors::attentionText();
    }
    if (column == BatteryColumn && d.batteryPercent >= 0 && d.batteryPercent < Device::kLowBatteryPercent)
        return UiColors::attentionText();
    return {};
}

} // namespace relais
