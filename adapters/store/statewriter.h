#pragma once

#include "dispatchstate.h"
#include "result.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace relais {

// Writes the state tables (devices, alarms and their transitions and notes, helpers,
// missions with their offers and transitions, shifts, fees) from a DispatchState: the
// rows named by a DispatchState::Changes are upserted (INSERT … ON CONFLICT … DO UPDATE)
// or deleted. Statements are prepared once per connection. Runs inside the caller's
// transaction; it never begins or commits one.
class StateWriter final
{
    Q_DISABLE_COPY_MOVE(StateWriter)

public:
    explicit StateWriter(const QSqlDatabase &db);

    // Prepares every statement; call once before writing.
    Status prepare();

    // Rewrites the rows changes names, from state (which must already contain the changes).
    Status write(const DispatchState &state, const DispatchState::Changes &changes);
    // Deletes every row of every state table (before a rebuild from the journal).
    Status clear();

    // The device rows are known to hold exactly these devices (the snapshot just loaded):
    // a device message then costs a two-column UPDATE, an unchanged device nothing.
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
    Status writeTransitions(QSqlQuery &upsert, QSqlQuery &trim, qint64 owner, const QList<Transition> &timeline,
                            QString (*stateKey)(int));

    QSqlDatabase m_db;
    QHash<QString, Device> m_writtenDevices; // what the device rows hold, as far as known
    QSqlQuery m_upsertDevice;
    QSqlQuery m_touchDevice;
    QSqlQuery m_deleteDevice;
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
