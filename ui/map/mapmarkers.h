#pragma once

#include "alarm.h"
#include "dispatchstate.h"
#include "geo/spatialgrid.h"
#include "helper.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <cmath>

namespace relais {

class LiveState;

// What the live map draws over its basemap, kept from LiveState: the open alarms, the
// helpers on duty, the devices, and the open missions. Every marker sits in a SpatialGrid by
// its position in world pixels of zoom 0, which drawing and hit-testing query. Changes from
// LiveState are gathered and applied at most every 100 ms (helpers' positions stream in),
// then changed() is emitted once.
class MapMarkers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapMarkers)

public:
    struct AlarmMarker
    {
        qint64 id = 0;
        QPointF world0;
        AlarmKind kind = AlarmKind::Other;
        Severity severity = Severity::Major;
        Alarm::State state = Alarm::State::New;
        int count = 1;
        int rank = 0;           // Severities::rank: lower is worse
        bool escalated = false; // not acknowledged in time (escalation stage 1 or more): it flashes
    };
    struct HelperMarker
    {
        QString id;
        QString name;
        QPointF world0;
        Helper::Availability availability = Helper::Availability::Available;
        double heading = std::nan(""); // degrees clockwise from north while moving, NaN otherwise
        int rank = 0;                  // available first
    };
    struct DeviceMarker
    {
        QString id;
        QPointF world0;
    };
    struct MissionMarker
    {
        qint64 id = 0;
        qint64 alarmId = 0;
        QString assignee;      // empty while offering
        double broadcastM = 0; // the farthest pending offer, 0 = none
        int pendingOffers = 0;
    };

    static constexpr int kCoalesceMs = 100;

    explicit MapMarkers(QObject *parent = nullptr);

    // The state to follow (not owned; nullptr: nothing). Loads every marker at once.
    void setLiveState(const LiveState *state);
    const LiveState *liveState() const { return m_live; }
    // Applies the changes gathered so far now (tests, and before a hit-test that must be exact).
    void flush();
    bool hasPendingChanges() const { return m_timer.isActive(); }

    const QList<AlarmMarker> &alarms() const { return m_alarms; }
    const QList<HelperMarker> &helpers() const { return m_helpers; }
    const QList<DeviceMarker> &devices() const { return m_devices; }
    const QHash<qint64, MissionMarker> &missions() const { return m_missions; }
    // The grids' ids are indexes into the lists above.
    const SpatialGrid &alarmGrid() const { return m_alarmGrid; }
    const SpatialGrid &helperGrid() const { return m_helperGrid; }
    const SpatialGrid &deviceGrid() const { return m_deviceGrid; }
    const AlarmMarker *alarm(qint64 id) const;
    const HelperMarker *helper(const QString &id) const;
    const DeviceMarker *device(const QString &id) const;

    // The cell size of the grids, in world pixels of zoom 0 (a tile of zoom 15, about 1 km).
    static double gridCell();
    // Changes whenever a device marker is added, moved or removed: what caches of the device
    // layer key on (heartbeats change no device marker).
    quint64 deviceGeneration() const { return m_deviceGeneration; }

signals:
    void changed();

private:
    void rebuild();
    void gather(const DispatchState::Changes &changes);
    void apply(const DispatchState::Changes &changes);
    void updateAlarm(qint64 id);
    void updateHelper(const QString &id);
    void updateDevice(const QString &id);
    void updateMission(qint64 id);
    template<typename List, typename Key>
    void removeAt(List &list, QHash<Key, int> &index, SpatialGrid &grid, int slot,
                  Key (*keyOf)(const typename List::value_type &));

    const LiveState *m_live = nullptr;
    QList<AlarmMarker> m_alarms;
    QList<HelperMarker> m_helpers;
    QList<DeviceMarker> m_devices;
    QHash<qint64, int> m_alarmIndex;
    QHash<QString, int> m_helperIndex;
    QHash<QString, int> m_deviceIndex;
    QHash<qint64, MissionMarker> m_missions;
    SpatialGrid m_alarmGrid;
    SpatialGrid m_helperGrid;
    SpatialGrid m_deviceGrid;
    quint64 m_deviceGeneration = 0;
    DispatchState::Changes m_pending;
    QTimer m_timer;
};

} // namespace relais
