#pragma once

#include "gatewaystatus.h"
#include "systemclock.h"

#include <QAbstractTableModel>
#include <QTimer>

namespace relais {

// The gateway links as GatewayStatusBoard publishes them: one row per configured gateway
// or serial line, in the order the board first saw them (rows are never removed). Without a
// board the model is empty. Times ("connected since 14:02") are refreshed every minute so
// that a link up since yesterday says so.
//
// Roles: ItemRoles::IdRole (the row's key), SortRole (raw keys: link rank, problems first;
// times; counters), TieBreakRole (the gateway's name), DecorationRole (link colour).
class GatewayTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayTableModel)

public:
    enum Column {
        GatewayColumn,
        LinkColumn,
        TransportColumn,
        LastMessageColumn,
        StoredColumn,
        DuplicateColumn,
        RejectedColumn,
        ErrorColumn,
        ColumnCount
    };

    explicit GatewayTableModel(QObject *parent = nullptr);

    // The board to show (not owned; forgotten if destroyed); nullptr empties the model.
    void setBoard(GatewayStatusBoard *board);
    GatewayStatusBoard *board() const { return m_board; }

    // The time source for "since"; nullptr goes back to the system clock. Not owned.
    void setClock(const Clock *clock);

    int connectedCount() const;

    // "gw-north", or the serial port while the gateway has not named itself.
    static QString gatewayName(const GatewayStatus &status);
    // "Waiting", "Connecting — retry in 5 s", "Connected since 14:02", "Disconnected since 14:05".
    QString linkText(const GatewayStatus &status) const;
    // "TCP 127.0.0.1:50312", "TLS 10.0.0.2:40122", "serial /dev/ttyUSB0".
    static QString transportText(const GatewayStatus &status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    void refreshTimes();

signals:
    // The number of links, or of connected ones, changed (or the board did).
    void countsChanged(int connected, int total);

private:
    QVariant displayData(const GatewayStatus &status, int column) const;
    QVariant sortKey(const GatewayStatus &status, int column) const;
    QString toolTip(const GatewayStatus &status, int column) const;
    void recount();

    void detach();

    GatewayStatusBoard *m_board = nullptr;
    QList<QMetaObject::Connection> m_connections;
    SystemClock m_systemClock;
    const Clock *m_clock = &m_systemClock;
    QTimer m_refreshTimer;
    int m_connected = 0;
    int m_total = 0;
};

} // namespace relais
