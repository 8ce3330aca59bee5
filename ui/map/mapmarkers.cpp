#include "mapmarkers.h"

#include "geo/webmercator.h"
#include "livestate.h"

#include <numbers>

namespace relais {

namespace {

constexpr double kMovingMetres = 5.0; // a smaller step is GPS noise, not a heading

qint64 alarmKey(const MapMarkers::AlarmMarker &m)
{
    return m.id;
}
QString helperKey(const MapMarkers::HelperMarker &m)
{
    return m.id;
}
QString deviceKey(const MapMarkers::DeviceMarker &m)
{
    return m.id;
}

} // namespace

double MapMarkers::gridCell()
{
    return WebMercator::tileSize / 32768.0;
}

MapMarkers::MapMarkers(QObject *parent)
    : QObject(parent), m_alarmGrid(gridCell()), m_helperGrid(gridCell()), m_deviceGrid(gridCell())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kCoalesceMs);
    connect(&m_timer, &QTimer::timeout, this, &MapMarkers::flush);
}

void MapMarkers::setLiveState(const LiveState *state)
{
    if (m_live)
        disconnect(m_live, nullptr, this, nullptr);
    m_live = state;
    if (m_live) {
        connect(m_live, &LiveState::wasReset, this, &MapMarkers::rebuild);
        connect(m_live, &LiveState::changed, this, &MapMarkers::gather);
    }
    rebuild();
}

const MapMarkers::AlarmMarker *MapMarkers::alarm(qint64 id) const
{
    const int slot = m_alarmIndex.value(id, -1);
    return slot < 0 ? nullptr : &m_alarms.at(slot);
}

const MapMarkers::HelperMarker *MapMarkers::helper(const QString &id) const
{
    const int slot = m_helperIndex.value(id, -1);
    return slot < 0 ? nullptr : &m_helpers.at(slot);
}

const MapMarkers::DeviceMarker *MapMarkers::device(const QString &id) const
{
    const int slot = m_deviceIndex.value(id, -1);
    return slot < 0 ? nullptr : &m_devices.at(slot);
}

void MapMarkers::rebuild()
{
    m_timer.stop();
    m_pending = {};
    m_alarms.clear();
    m_helpers.clear();
    m_devices.clear();
    m_alarmIndex.clear();
    m_helperIndex.clear();
    m_deviceIndex.clear();
    m_missions.clear();
    m_alarmGrid.clear();
    m_helperGrid.clear();
    m_deviceGrid.clear();
    ++m_deviceGeneration;
    if (m_live) {
        const DispatchState &s = m_live->state();
        m_devices.reserve(s.devices().size());
        for (auto it = s.devices().cbegin(); it != s.devices().cend(); ++it)
            updateDevice(it.key());
        for (auto it = s.helpers().cbegin(); it != s.helpers().cend(); ++it)
            updateHelper(it.key());
        for (auto it = s.alarms().cbegin(); it != s.alarms().cend(); ++it) {
            if (it->isOpen())
                updateAlarm(it.key());
        }
        for (auto it = s.missions().cbegin(); it != s.missions().cend(); ++it) {
            if (it->isOpen())
                updateMission(it.key());
        }
    }
    emit changed();
}

void MapMarkers::gather(const DispatchState::Changes &changes)
{
    m_pending.merge(changes);
    if (!m_timer.isActive())
        m_timer.start();
}

void MapMarkers::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return;
    const DispatchState::Changes changes = std::exchange(m_pending, {});
    apply(changes);
    emit changed();
}

void MapMarkers::apply(const DispatchState::Changes &changes)
{
    for (const QString &id : changes.devices)
        updateDevice(id);
    for (const QString &id : changes.removedDevices)
        updateDevice(id);
    for (const QString &id : changes.helpers)
        updateHelper(id);
    for (const QString &id : changes.removedHelpers)
        updateHelper(id);
    for (qint64 id : changes.alarms)
        updateAlarm(id);
    for (qint64 id : changes.missions)
        updateMission(id);
}

template<typename List, typename Key>
void MapMarkers::removeAt(List &list, QHash<Key, int> &index, SpatialGrid &grid, int slot,
                          Key (*keyOf)(const typename List::value_type &))
{
    // The last marker takes the removed one's slot (and its id in the grid).
    const int last = int(list.size()) - 1;
    grid.remove(quint32(slot), list.at(slot).world0);
    index.remove(keyOf(list.at(slot)));
    if (slot != last) {
        grid.remove(quint32(last), list.at(last).world0);
        list[slot] = list.at(last);
        grid.insert(quint32(slot), list.at(slot).world0);
        index.insert(keyOf(list.at(slot)), slot);
    }
    list.removeLast();
}

void MapMarkers::updateAlarm(qint64 id)
{
    const Alarm *a = m_live ? m_live->state().alarm(id) : nullptr;
    const int slot = m_alarmIndex.value(id, -1);
    if (!a || !a->isOpen() || !a->position.isValid()) {
        if (slot >= 0)
            removeAt(m_alarms, m_alarmIndex, m_alarmGrid, slot, &alarmKey);
        return;
    }
    AlarmMarker m;
    m.id = id;
    m.world0 = WebMercator::toWorld(a->position, 0);
    m.kind = a->kind();
    m.severity = a->severity();
    m.state = a->state();
    m.count = a->count();
    m.rank = Severities::rank(a->severity());
    m.escalated = a->state() == Alarm::State::New && a->escalationStage() >= 1;
    if (slot < 0) {
        m_alarmIndex.insert(id, int(m_alarms.size()));
        m_alarmGrid.insert(quint32(m_alarms.size()), m.world0);
        m_alarms.append(m);
    } else {
        m_alarmGrid.move(quint32(slot), m_alarms.at(slot).world0, m.world0);
        m_alarms[slot] = m;
    }
}

void MapMarkers::updateHelper(const QString &id)
{
    const Helper *h = m_live ? m_live->state().helper(id) : nullptr;
    const int slot = m_helperIndex.value(id, -1);
    // Only helpers on duty, and only where they said they are.
    if (!h || !h->isOnDuty() || !h->position().isValid()) {
        if (slot >= 0)
            removeAt(m_helpers, m_helperIndex, m_helperGrid, slot, &helperKey);
        return;
    }
    HelperMarker m;
    m.id = id;
    m.name = h->name;
    m.world0 = WebMercator::toWorld(h->position(), 0);
    m.availability = h->availability();
    m.rank = Helper::availabilityRank(m.availability);
    if (slot < 0) {
        m_helperIndex.insert(id, int(m_helpers.size()));
        m_helperGrid.insert(quint32(m_helpers.size()), m.world0);
        m_helpers.append(m);
        return;
    }
    const HelperMarker &old = m_helpers.at(slot);
    const QGeoCoordinate from = WebMercator::toCoordinate(old.world0, 0);
    const double moved = from.distanceTo(h->position());
    if (moved >= kMovingMetres)
        m.heading = from.azimuthTo(h->position());
    else if (moved > 0)
        m.heading = old.heading; // a jitter: keep the last heading
    // moved == 0: a report from the same place, standing still (no heading)
    m_helperGrid.move(quint32(slot), old.world0, m.world0);
    m_helpers[slot] = m;
}

void MapMarkers::updateDevice(const QString &id)
{
    const Device *d = m_live ? m_live->state().device(id) : nullptr;
    const int slot = m_deviceIndex.value(id, -1);
    if (!d || !d->position.isValid()) {
        if (slot >= 0) {
            ++m_deviceGeneration;
            removeAt(m_devices, m_deviceIndex, m_deviceGrid, slot, &deviceKey);
        }
        return;
    }
    DeviceMarker m{id, WebMercator::toWorld(d->position, 0)};
    if (slot < 0) {
        ++m_deviceGeneration;
        m_deviceIndex.insert(id, int(m_devices.size()));
        m_deviceGrid.insert(quint32(m_devices.size()), m.world0);
        m_devices.append(m);
    } else if (m_devices.at(slot).world0 != m.world0) {
        ++m_deviceGeneration;
        m_deviceGrid.move(quint32(slot), m_devices.at(slot).world0, m.world0);
        m_devices[slot] = m;
    }
}

void MapMarkers::updateMission(qint64 id)
{
    const Mission *mission = m_live ? m_live->state().mission(id) : nullptr;
    if (!mission || !mission->isOpen()) {
        m_missions.remove(id);
        return;
    }
    MissionMarker m;
    m.id = id;
    m.alarmId = mission->alarmId();
    if (mission->state() == Mission::State::Assigned)
        m.assignee = mission->assignee();
    for (const Offer &o : mission->offers()) {
        if (o.answer == Offer::Answer::Pending) {
            ++m.pendingOffers;
            m.broadcastM = std::max(m.broadcastM, o.distanceM);
        }
    }
    m_missions.insert(id, m);
}

} // namespace relais
