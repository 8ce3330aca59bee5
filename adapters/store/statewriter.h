#pragma once

#include "dispatchstate.h"
#include "result.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <array>
#include <memory>

namespace relais {

class SqliteStatement;

// Writes the state tables (devices and their liveness, alarms and their transitions and notes,
// helpers, missions with their offers and transitions, shifts, fees) from a DispatchState: the
// rows named by a DispatchState::Changes are upserted (INSERT … ON CONFLICT … DO UPDATE)
// or deleted. Statements are prepared once per connection. Runs inside the caller's
// transaction; it never begins or commits one.
class StateWriter final
{
    Q_DISABLE_COPY_MOVE(StateWriter)

public:
    explicit StateWriter(const QSqlDatabase &db);
    ~StateWriter();

    // Prepares every statement; call once before writing.
    Status prepare();

    // Rewrites the rows changes names, from state (which must already contain the changes).
    Status write(const DispatchState &state, const DispatchState::Changes &changes);
    // Deletes every row of every state table (before a rebuild from the journal).
    Status clear();

    // The device rows are known to hold exactly these devices (the snapshot just loaded):
    // a device message then costs an UPDATE of its liveness row (last seen, battery), an
    // unchanged device nothing. On SQLite the liveness rows' rowids are read too, for updates
    // in place.
    void assumeDevicesWritten(const QHash<QString, Device> &devices);
    // After a rollback the rows are not what was last written: forget it.
    void forgetWritten();

    // The state tables, parents before children.
    static QStringList tables();

private:
    Status writeDevice(const Device &d);
    Status writeAlarm(const Alarm &a);
    Status writeHelper(const Helper &h);
    Status writeMission(const Mission &m);
    Status writeShift(const Shift &s);
    Status writeFees(const FeeSchedule &fees);
    Status deleteRow(QSqlQuery &q, const QVariant &id);
    Status deleteDevice(const QString &id); // its row and its liveness row
    // What the device rows hold, as far as known, and where (SQLite: the rowid of its
    // liveness row, 0 when not known yet).
    struct WrittenDevice
    {
        Device device;
        qint64 rowid = 0;
    };
    // UPDATE of the liveness row (last seen and battery); *found: the row exists.
    Status touchDevice(const Device &d, WrittenDevice *written, bool *found);
    // The liveness rows of m_pendingTouches (devices whose rowid is known), up to
    // touchesPerStatement per statement; a row not found where expected is written again
    // one by one (touchDevice, or the whole device).
    Status flushTouches();
    static constexpr int touchesPerStatement = 64;
    Status writeTransitions(QSqlQuery &upsert, QSqlQuery &trim, qint64 owner, const QList<Transition> &timeline,
                            QString (*stateKey)(int));

    QSqlDatabase m_db;
    QHash<QString, WrittenDevice> m_writtenDevices;
    QSqlQuery m_upsertDevice;
    QSqlQuery m_upsertLiveness;
    QSqlQuery m_touchDevice;
    // The same on SQLite's C API (SqliteNative): by rowid (and id, in case), or by id
    // returning the rowid.
    std::unique_ptr<SqliteStatement> m_touchDeviceNative;
    std::unique_ptr<SqliteStatement> m_touchDeviceByIdNative;
    std::unique_ptr<SqliteStatement> m_deviceRowidNative;
    // Liveness rows by rowid, 64, 32, …, 1 per statement (SQLite ≥ 3.35), and those waiting
    // for them during write().
    std::array<std::unique_ptr<SqliteStatement>, 7> m_touchDevicesNative;
    struct PendingTouch
    {
        const Device *device;
        qint64 rowid;
    };
    QList<PendingTouch> m_pendingTouches;
    QByteArray m_idUtf8;
    QList<qsizetype> m_idOffsets;
    QSqlQuery m_deleteDevice;
    QSqlQuery m_deleteLiveness;
    QSqlQuery m_upsertAlarm;
    QSqlQuery m_upsertAlarmTransition;
    QSqlQuery m_trimAlarmTransitions;
    QSqlQuery m_upsertAlarmNote;
    QSqlQuery m_trimAlarmNotes;
    QSqlQuery m_upsertHelper;
    QSqlQuery m_deleteHelper;
    QSqlQuery m_upsertMission;
    QSqlQuery m_upsertOffer;
    QSqlQuery m_trimOffers;
    QSqlQuery m_upsertMissionTransition;
    QSqlQuery m_trimMissionTransitions;
    QSqlQuery m_upsertShift;
    QSqlQuery m_upsertFee;
};

} // namespace relais
