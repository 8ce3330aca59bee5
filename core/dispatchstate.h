#pragma once

#include "alarm.h"
#include "device.h"
#include "feeschedule.h"
#include "helper.h"
#include "journalentry.h"
#include "mission.h"
#include "result.h"
#include "shift.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace relais {

// The current state of the desk, derived from the journal by a deterministic reducer:
// applying the same entries in the same order always gives the same state, ids included.
// The store's writer uses it to validate and derive its state tables; the UI keeps its
// own replica fed with committed entries. An entry that is refused changes nothing.
class DispatchState final
{
    Q_DECLARE_TR_FUNCTIONS(relais::DispatchState)

public:
    // What an entry touched: the rows a store must rewrite, the rows a view must refresh.
    struct Changes
    {
        QSet<QString> devices;
        QSet<QString> helpers;
        QSet<qint64> alarms;
        QSet<qint64> missions;
        QSet<qint64> shifts;
        bool fees = false;
        // Helpers who must be told that an offer or a mission is withdrawn (downlink cancel).
        QStringList cancelsToSend;
        // Entities removed (the store deletes their rows).
        QSet<QString> removedDevices;
        QSet<QString> removedHelpers;

        bool isEmpty() const;
        void merge(const Changes &other);
    };

    DispatchState();

    // Validates and applies one entry. Refused: an Error, and nothing changed.
    Result<Changes> apply(const JournalEntry &entry);

    const QHash<QString, Device> &devices() const { return m_devices; }
    const QHash<qint64, Alarm> &alarms() const { return m_alarms; }
    const QHash<QString, Helper> &helpers() const { return m_helpers; }
    const QHash<qint64, Mission> &missions() const { return m_missions; }
    const QHash<qint64, Shift> &shifts() const { return m_shifts; }
    const FeeSchedule &fees() const { return m_fees; }

    const Device *device(const QString &id) const;
    const Alarm *alarm(qint64 id) const;
    const Helper *helper(const QString &id) const;
    const Mission *mission(qint64 id) const;
    // The open alarm of this (device, kind), if any: repeats fold into it.
    const Alarm *openAlarmFor(const QString &deviceId, AlarmKind kind) const;
    const Shift *runningShift() const;

    // The journal sequence number of the last entry applied (or loaded).
    qint64 lastSeq() const { return m_lastSeq; }

    // Loading from state tables (the store's snapshot), bypassing the reducer.
    void loadDevice(const Device &d);
    void loadAlarm(const Alarm &a);
    void loadHelper(const Helper &h);
    void loadMission(const Mission &m);
    void loadShift(const Shift &s);
    void loadFees(const FeeSchedule &fees);
    void setLastSeq(qint64 seq) { m_lastSeq = seq; }

    friend bool operator==(const DispatchState &, const DispatchState &) = default;

private:
    struct OpenAlarmKey
    {
        QString deviceId;
        AlarmKind kind;
        friend bool operator==(const OpenAlarmKey &, const OpenAlarmKey &) = default;
        friend size_t qHash(const OpenAlarmKey &k, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, k.deviceId, static_cast<int>(k.kind));
        }
    };
    static OpenAlarmKey indexKey(const QString &deviceId, AlarmKind kind);

    Result<Changes> dispatch(const JournalEntry &e);
    qint64 raiseDeviceAlarm(const QString &deviceId, AlarmKind kind, Severity severity, const QGeoCoordinate &where,
                            const QString &details, const QDateTime &at, const Actor &by, Changes &changes);
    static Result<Severity> severityFrom(const QJsonObject &payload, AlarmKind kind);
    // Cancels an open mission, releases its helpers and lists them to be told.
    void cancelMission(qint64 missionId, const QString &reason, const QDateTime &at, const Actor &by, Changes &changes);
    Result<Changes> applyDevice(const JournalEntry &e);
    Result<Changes> applyDeviceMessage(const JournalEntry &e);
    Result<Changes> applyAlarm(const JournalEntry &e);
    Result<Changes> applyMission(const JournalEntry &e);
    Result<Changes> applyHelper(const JournalEntry &e);
    Result<Changes> applyOrganisation(const JournalEntry &e);
    Result<Changes> applyPrivacyPurge(const JournalEntry &e);

    qint64 m_nextAlarmId = 1;
    qint64 m_nextMissionId = 1;
    qint64 m_nextShiftId = 1;
    qint64 m_lastSeq = 0;
    QHash<QString, Device> m_devices;
    QHash<qint64, Alarm> m_alarms;
    QHash<QString, Helper> m_helpers;
    QHash<qint64, Mission> m_missions;
    QHash<qint64, Shift> m_shifts;
    QHash<OpenAlarmKey, qint64> m_openAlarmIndex; // (device, kind) → its open alarm
    FeeSchedule m_fees;
};

} // namespace relais
