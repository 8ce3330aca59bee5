#include "alarmtablemodel.h"

#include "displayformat.h"
#include "itemroles.h"
#include "markerpainter.h"
#include "uicolors.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>

namespace relais {

AlarmTableModel::AlarmTableModel(const LiveState *state, QObject *parent) : LiveTableModel<qint64>(state, parent)
{
    m_ageTimer.setInterval(1000);
    m_ageTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_ageTimer, &QTimer::timeout, this, &AlarmTableModel::refreshAges);
    attach();
}

void AlarmTableModel::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &m_systemClock;
    refreshAges();
}

int AlarmTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlarmTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alarm *a = state().alarm(keyAt(index.row()));
    if (!a)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*a, column);
    case Qt::ToolTipRole:
        return toolTip(*a, column);
    case Qt::DecorationRole:
        if (column == SeverityColumn)
            return UiColors::severity(a->severity());
        if (column == KindColumn)
            return kindIcon(a->kind(), a->severity());
        return {};
    case Qt::BackgroundRole:
        if (m_flashOn && isFlashing(a->id()))
            return UiColors::severity(a->severity());
        if (a->state() == Alarm::State::New)
            return UiColors::severityTint(a->severity());
        return {};
    case Qt::ForegroundRole:
        if (m_flashOn && isFlashing(a->id()))
            return QColor(Qt::white);
        return {};
    case Qt::FontRole:
        if (a->state() == Alarm::State::New) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == AgeColumn || column == CountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ItemRoles::SortRole:
        return sortKey(*a, column);
    case ItemRoles::IdRole:
        return a->id();
    case ItemRoles::OpenRole:
        return a->isOpen();
    case ItemRoles::TieBreakRole:
        return a->raisedAt().toMSecsSinceEpoch();
    default:
        return {};
    }
}

QVariant AlarmTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case SeverityColumn:
            return tr("Severity");
        case KindColumn:
            return tr("Kind");
        case PlaceColumn:
            return tr("Place");
        case StateColumn:
            return tr("State");
        case AgeColumn:
            return tr("Age");
        case CountColumn:
            return tr("Count");
        case HelperColumn:
            return tr("Helper");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AgeColumn:
            return tr("Time since the alarm was raised");
        case CountColumn:
            return tr("How many times the device sent this alarm");
        case HelperColumn:
            return tr("Helper assigned to the alarm");
        default:
            return {};
        }
    }
    return {};
}

void AlarmTableModel::refreshAges()
{
    // Only open alarms age: a closed one's age stopped when it closed. With months of
    // history in the model, this keeps the tick proportional to the queue, not the journal.
    QList<int> rows;
    rows.reserve(m_open.size());
    for (qint64 id : std::as_const(m_open))
        rows.append(rowOf(id));
    emitRowsChanged(rows, AgeColumn, AgeColumn, {Qt::DisplayRole});
    // Alarms not acknowledged in time flash: their row's colour goes on and off each tick.
    m_flashOn = !m_flashOn;
    QList<int> flashing;
    for (qint64 id : std::as_const(m_open)) {
        if (isFlashing(id))
            flashing.append(rowOf(id));
    }
    emitRowsChanged(flashing, 0, ColumnCount - 1, {Qt::BackgroundRole, Qt::ForegroundRole});
}

AlarmTableModel::~AlarmTableModel() = default;

QPixmap AlarmTableModel::kindIcon(AlarmKind kind, Severity severity) const
{
    // The map's marker for the kind, small: the same glyph in the queue and on the map.
    const quint32 key = (quint32(kind) << 8) | quint32(severity);
    auto it = m_kindIcons.constFind(key);
    if (it == m_kindIcons.cend()) {
        if (!m_painter)
            m_painter = std::make_unique<MarkerPainter>();
        const qreal dpr = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
        QPixmap icon = m_painter->alarm(kind, severity, dpr)
                           .scaled(QSize(16, 16) * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        icon.setDevicePixelRatio(dpr);
        it = m_kindIcons.insert(key, icon);
    }
    return it.value();
}

bool AlarmTableModel::isFlashing(qint64 id) const
{
    const Alarm *a = state().alarm(id);
    return a && a->state() == Alarm::State::New && a->escalationStage() >= 1;
}

QList<qint64> AlarmTableModel::currentKeys() const
{
    return state().alarms().keys();
}

bool AlarmTableModel::exists(const qint64 &id) const
{
    return state().alarm(id) != nullptr;
}

QSet<qint64> AlarmTableModel::touchedKeys(const DispatchState::Changes &changes) const
{
    return changes.alarms;
}

void AlarmTableModel::rowsUpdated(const QSet<qint64> &touched, const DispatchState::Changes &changes)
{
    const int before = openCount();
    for (qint64 id : touched) {
        const Alarm *a = state().alarm(id);
        setOpen(id, a && a->isOpen());
    }

    // A renamed or removed helper: the alarms that show their name are refreshed.
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
    if (!renamed.isEmpty()) {
        QList<int> rows;
        for (int row = 0; row < rowCount(); ++row) {
            const Alarm *a = state().alarm(keyAt(row));
            if (a && !a->helperId.isEmpty() && renamed.contains(a->helperId))
                rows.append(row);
        }
        emitRowsChanged(rows, HelperColumn, HelperColumn);
    }

    if (openCount() != before)
        emit openCountChanged(openCount());
    updateTimer();
}

void AlarmTableModel::rowsReset()
{
    m_open.clear();
    for (const Alarm &a : state().alarms()) {
        if (a.isOpen())
            m_open.insert(a.id());
    }
    m_helperNames.clear();
    for (const Helper &h : state().helpers())
        m_helperNames.insert(h.id(), h.name);
    emit openCountChanged(openCount());
    updateTimer();
}

QVariant AlarmTableModel::displayData(const Alarm &a, int column) const
{
    switch (column) {
    case SeverityColumn:
        return Severities::label(a.severity());
    case KindColumn:
        return AlarmKinds::label(a.kind());
    case PlaceColumn:
        return place(a);
    case StateColumn:
        return Alarm::stateLabel(a.state());
    case AgeColumn:
        return DisplayFormat::age(ageSeconds(a));
    case CountColumn:
        return a.count();
    case HelperColumn:
        return helperName(a);
    default:
        return {};
    }
}

QVariant AlarmTableModel::sortKey(const Alarm &a, int column) const
{
    switch (column) {
    case SeverityColumn:
        return Severities::rank(a.severity());
    case StateColumn:
        return static_cast<int>(a.state());
    case AgeColumn:
        // Ascending age = most recent first; a raise time never changes, an age does.
        return -a.raisedAt().toMSecsSinceEpoch();
    case CountColumn:
        return a.count();
    default:
        return displayData(a, column);
    }
}

QString AlarmTableModel::toolTip(const Alarm &a, int column) const
{
    const QLocale locale;
    switch (column) {
    case PlaceColumn: {
        QStringList lines;
        if (!a.address.isEmpty())
            lines << a.address;
        if (!a.beneficiaryRef.isEmpty())
            lines << tr("Beneficiary: %1").arg(a.beneficiaryRef);
        if (!a.deviceId().isEmpty()) {
            const Device *d = state().device(a.deviceId());
            const QString label = d && !d->label.isEmpty() ? d->label : a.deviceId();
            lines << tr("Device: %1").arg(label);
        }
        if (a.unregisteredDevice)
            lines << tr("This device is not registered.");
        if (a.position.isValid())
            lines << DisplayFormat::coordinate(a.position);
        if (!a.details.isEmpty())
            lines << a.details;
        return lines.join(QLatin1Char('\n'));
    }
    case AgeColumn:
        return tr("Raised at %1").arg(locale.toString(a.raisedAt().toLocalTime(), QLocale::ShortFormat));
    case CountColumn:
        return tr("Last seen at %1").arg(locale.toString(a.lastSeen().toLocalTime(), QLocale::ShortFormat));
    default:
        return {};
    }
}

QString AlarmTableModel::place(const Alarm &a) const
{
    QString text = a.address;
    if (text.isEmpty())
        text = a.beneficiaryRef;
    if (text.isEmpty())
        text = a.deviceId();
    if (text.isEmpty())
        text = DisplayFormat::coordinate(a.position);
    if (a.unregisteredDevice)
        return tr("%1 (unregistered)").arg(text);
    return text;
}

QString AlarmTableModel::helperName(const Alarm &a) const
{
    if (a.helperId.isEmpty())
        return {};
    const Helper *h = state().helper(a.helperId);
    return h && !h->name.isEmpty() ? h->name : a.helperId;
}

qint64 AlarmTableModel::ageSeconds(const Alarm &a) const
{
    // A closed alarm's age stops when it closed: it reads as how long it lasted.
    QDateTime end = m_clock->now();
    if (!a.isOpen() && !a.timeline().isEmpty())
        end = a.timeline().constLast().at;
    return a.raisedAt().secsTo(end);
}

void AlarmTableModel::setOpen(qint64 id, bool open)
{
    if (open)
        m_open.insert(id);
    else
        m_open.remove(id);
}

void AlarmTableModel::updateTimer()
{
    if (m_open.isEmpty())
        m_ageTimer.stop();
    else if (!m_ageTimer.isActive())
        m_ageTimer.start();
}

} // namespace relais
