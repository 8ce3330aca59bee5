#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace relais {

// What the desk shows of one gateway link: a configured gateway (TCP or TLS sessions) or a
// configured serial line. Published by the transports, a few times a second at most.
struct GatewayStatus
{
    enum class Link {
        Waiting,      // configured, never connected since start
        Connecting,   // serial: opening the port, or waiting to retry
        Connected,    // a session is open (hello accepted)
        Disconnected, // the last session ended
    };

    QString key;       // stable row key: "gateway:<id>" or "serial:<port>"
    QString gatewayId; // empty until a hello named it (serial)
    QString transport; // "tcp", "tls" or "serial"
    QString peer;      // "127.0.0.1:50312" or "/dev/ttyUSB0"
    Link link = Link::Waiting;
    QDateTime since;       // when link last changed, UTC
    QDateTime lastMessage; // last line received, UTC
    quint64 stored = 0;
    quint64 duplicate = 0;
    quint64 rejected = 0;
    QString lastError; // the last problem, for people (empty if none)
    int retryInS = -1; // serial: seconds until the next attempt to open the port; -1 if none

    friend bool operator==(const GatewayStatus &, const GatewayStatus &) = default;
};

// The GUI thread's table of gateway links. Transports publish snapshots (queued from their
// thread); rows are only added and updated, never removed, in the order first seen.
class GatewayStatusBoard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayStatusBoard)

public:
    explicit GatewayStatusBoard(QObject *parent = nullptr);

    const QList<GatewayStatus> &rows() const { return m_rows; }
    int indexOf(const QString &key) const; // -1 if absent

public slots:
    // Inserts a row for a new key, or replaces the row of that key (no signal if unchanged).
    void publish(const relais::GatewayStatus &status);

signals:
    void rowAboutToBeInserted(int row);
    void rowInserted(int row);
    void rowChanged(int row);

private:
    QList<GatewayStatus> m_rows;
};

} // namespace relais

Q_DECLARE_METATYPE(relais::GatewayStatus)
