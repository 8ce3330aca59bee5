#include "gatewaytablemodel.h"

#include "displayformat.h"
#include "itemroles.h"
#include "uicolors.h"

#include <QLocale>

namespace relais {

namespace {

// Problems first: the order a dispatcher looks at the links.
int linkRank(GatewayStatus::Link link)
{
    switch (link) {
    case GatewayStatus::Link::Disconnected:
        return 0;
    case GatewayStatus::Link::Connecting:
        return 1;
    case GatewayStatus::Link::Waiting:
        return 2;
    case GatewayStatus::Link::Connected:
        break;
    }
    return 3;
}

} // namespace

GatewayTableModel::GatewayTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_refreshTimer.setInterval(60 * 1000);
    m_refreshTimer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_refreshTimer, &QTimer::timeout, this, &GatewayTableModel::refreshTimes);
    m_refreshTimer.start();
}

void GatewayTableModel::setBoard(GatewayStatusBoard *board)
{
    if (board == m_board)
        return;
    beginResetModel();
    detach();
    m_board = board;
    if (board) {
        m_connections = {
            connect(board, &GatewayStatusBoard::rowAboutToBeInserted, this,
                    [this](int row) { beginInsertRows({}, row, row); }),
            connect(board, &GatewayStatusBoard::rowInserted, this,
                    [this](int) {
                        endInsertRows();
                        recount();
                    }),
            connect(board, &GatewayStatusBoard::rowChanged, this,
                    [this](int row) {
                        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
                        recount();
                    }),
            connect(board, &QObject::destroyed, this,
                    [this] {
                        beginResetModel();
                        detach();
                        endResetModel();
                        recount();
                    }),
        };
    }
    endResetModel();
    recount();
}

void GatewayTableModel::detach()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_board = nullptr;
}

void GatewayTableModel::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &m_systemClock;
    refreshTimes();
}

int GatewayTableModel::connectedCount() const
{
    return m_connected;
}

QString GatewayTableModel::gatewayName(const GatewayStatus &s)
{
    if (!s.gatewayId.isEmpty())
        return s.gatewayId;
    if (!s.peer.isEmpty())
        return s.peer;
    return s.key;
}

QString GatewayTableModel::linkText(const GatewayStatus &s) const
{
    const QString since = DisplayFormat::moment(s.since, m_clock->now());
    switch (s.link) {
    case GatewayStatus::Link::Waiting:
        return tr("Waiting", "gateway link: configured, never connected");
    case GatewayStatus::Link::Connecting:
        if (s.retryInS > 0)
            return tr("Connecting — retry in %1 s").arg(s.retryInS);
        return tr("Connecting…");
    case GatewayStatus::Link::Connected:
        return since.isEmpty() ? tr("Connected") : tr("Connected since %1").arg(since);
    case GatewayStatus::Link::Disconnected:
        return since.isEmpty() ? tr("Disconnected") : tr("Disconnected since %1").arg(since);
    }
    return {};
}

QString GatewayTableModel::transportText(const GatewayStatus &s)
{
    QString transport = s.transport;
    if (s.transport == QLatin1String("tcp"))
        transport = QStringLiteral("TCP");
    else if (s.transport == QLatin1String("tls"))
        transport = QStringLiteral("TLS");
    else if (s.transport == QLatin1String("serial"))
        transport = tr("serial", "gateway transport: a serial line");
    if (s.peer.isEmpty())
        return transport;
    return tr("%1 %2", "gateway transport, then peer address or port").arg(transport, s.peer);
}

int GatewayTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_board ? 0 : static_cast<int>(m_board->rows().size());
}

int GatewayTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GatewayTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_board)
        return {};
    const GatewayStatus &s = m_board->rows().at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(s, column);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(s, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::DecorationRole:
        if (column == LinkColumn)
            return UiColors::gatewayLink(s.link);
        return {};
    case Qt::TextAlignmentRole:
        if (column == StoredColumn || column == DuplicateColumn || column == RejectedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ItemRoles::SortRole:
        return sortKey(s, column);
    case ItemRoles::IdRole:
        return s.key;
    case ItemRoles::TieBreakRole:
        return gatewayName(s);
    default:
        return {};
    }
}

QVariant GatewayTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case GatewayColumn:
            return tr("Gateway");
        case LinkColumn:
            return tr("Link");
        case TransportColumn:
            return tr("Transport");
        case LastMessageColumn:
            return tr("Last message");
        case StoredColumn:
            return tr("Stored", "gateway messages stored");
        case DuplicateColumn:
            return tr("Duplicates");
        case RejectedColumn:
            return tr("Rejected", "gateway messages rejected");
        case ErrorColumn:
            return tr("Last error");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        if (section == StoredColumn || section == DuplicateColumn || section == RejectedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case StoredColumn:
            return tr("Messages stored in the journal since start");
        case DuplicateColumn:
            return tr("Messages received again and already stored (acknowledged, not stored twice)");
        case RejectedColumn:
            return tr("Messages refused (invalid or about an unknown device), kept in the journal");
        default:
            return {};
        }
    }
    return {};
}

void GatewayTableModel::refreshTimes()
{
    if (rowCount() == 0)
        return;
    emit dataChanged(index(0, LinkColumn), index(rowCount() - 1, LinkColumn));
    emit dataChanged(index(0, LastMessageColumn), index(rowCount() - 1, LastMessageColumn));
}

QVariant GatewayTableModel::displayData(const GatewayStatus &s, int column) const
{
    switch (column) {
    case GatewayColumn:
        return gatewayName(s);
    case LinkColumn:
        return linkText(s);
    case TransportColumn:
        return transportText(s);
    case LastMessageColumn:
        return DisplayFormat::moment(s.lastMessage, m_clock->now());
    case StoredColumn:
        return QLocale().toString(s.stored);
    case DuplicateColumn:
        return QLocale().toString(s.duplicate);
    case RejectedColumn:
        return QLocale().toString(s.rejected);
    case ErrorColumn:
        return s.lastError;
    default:
        return {};
    }
}

QVariant GatewayTableModel::sortKey(const GatewayStatus &s, int column) const
{
    switch (column) {
    case LinkColumn:
        return linkRank(s.link);
    case LastMessageColumn:
        return s.lastMessage.isValid() ? s.lastMessage.toMSecsSinceEpoch() : qint64(0);
    case StoredColumn:
        return s.stored;
    case DuplicateColumn:
        return s.duplicate;
    case RejectedColumn:
        return s.rejected;
    default:
        return displayData(s, column);
    }
}

QString GatewayTableModel::toolTip(const GatewayStatus &s, int column) const
{
    const QLocale locale;
    switch (column) {
    case GatewayColumn:
        if (s.gatewayId.isEmpty())
            return tr("The gateway on this line has not said its name yet");
        return {};
    case LinkColumn:
        if (s.since.isValid())
            return tr("Since %1").arg(locale.toString(s.since.toLocalTime(), QLocale::LongFormat));
        return {};
    case LastMessageColumn:
        if (!s.lastMessage.isValid())
            return tr("No message yet");
        return locale.toString(s.lastMessage.toLocalTime(), QLocale::LongFormat);
    case ErrorColumn:
        return s.lastError;
    default:
        return {};
    }
}

void GatewayTableModel::recount()
{
    int connected = 0;
    int total = 0;
    if (m_board) {
        for (const GatewayStatus &s : m_board->rows()) {
            ++total;
            if (s.link == GatewayStatus::Link::Connected)
                ++connected;
        }
    }
    if (connected == m_connected && total == m_total)
        return;
    m_connected = connected;
    m_total = total;
    emit countsChanged(connected, total);
}

} // namespace relais
