#include "dispatchstate.h"

#include "redaction.h"
#include "runningcost.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace relais {

namespace {

Error refuse(const char *code, const QString &message)
{
    return Error{QLatin1StringView(code), message};
}

} // namespace

// No string is built: device messages look these up several times each.
DispatchState::OpenAlarmKey DispatchState::indexKey(const QString &deviceId, AlarmKind kind)
{
    return OpenAlarmKey{deviceId, kind};
}

namespace {

QGeoCoordinate positionFrom(const QJsonObject &p)
{
    if (!p.contains(QLatin1String("lat")) || !p.contains(QLatin1String("lon")))
        return {};
    const QGeoCoordinate c(p.value(QLatin1String("lat")).toDouble(), p.value(QLatin1String("lon")).toDouble());
    return c.isValid() ? c : QGeoCoordinate();
}

qint64 idFrom(const QJsonObject &p, const char *key)
{
    return p.value(QLatin1StringView(key)).toInteger(0);
}

QString stringFrom(const QJsonObject &p, const char *key)
{
    return p.value(QLatin1StringView(key)).toString();
}

} // namespace

bool DispatchState::Changes::isEmpty() const
{
    return devices.isEmpty() && helpers.isEmpty() && alarms.isEmpty() && missions.isEmpty() && shifts.isEmpty() && !fees
           && cancelsToSend.isEmpty() && removedDevices.isEmpty() && removedHelpers.isEmpty();
}

void DispatchState::Changes::merge(const Changes &o)
{
    devices.unite(o.devices);
    helpers.unite(o.helpers);
    alarms.unite(o.alarms);
    missions.unite(o.missions);
    shifts.unite(o.shifts);
    fees = fees || o.fees;
    cancelsToSend += o.cancelsToSend;
    removedDevices.unite(o.removedDevices);
    removedHelpers.unite(o.removedHelpers);
    for (const QString &id : o.devices)
        removedDevices.remove(id);
    for (const QString &id : o.helpers)
        removedHelpers.remove(id);
    for (const QString &id : o.removedDevices)
        devices.remove(id);
    for (const QString &id : o.removedHelpers)
        helpers.remove(id);
}

DispatchState::DispatchState() : m_fees(FeeSchedule::defaults())
{}

const Device *DispatchState::device(const QString &id) const
{
    auto it = m_devices.constFind(id);
    return it == m_devices.cend() ? nullptr : &*it;
}

const Alarm *DispatchState::alarm(qint64 id) const
{
    auto it = m_alarms.constFind(id);
    return it == m_alarms.cend() ? nullptr : &*it;
}

const Helper *DispatchState::helper(const QString &id) const
{
    auto it = m_helpers.constFind(id);
    return it == m_helpers.cend() ? nullptr : &*it;
}

const Mission *DispatchState::mission(qint64 id) const
{
    auto it = m_missions.constFind(id);
    return it == m_missions.cend() ? nullptr : &*it;
}

const Alarm *DispatchState::openAlarmFor(const QString &deviceId, AlarmKind kind) const
{
    if (m_openAlarmIndex.isEmpty())
        return nullptr;
    const qint64 id = m_openAlarmIndex.value(indexKey(deviceId, kind), 0);
    const Alarm *a = id ? alarm(id) : nullptr;
    return a && a->isOpen() ? a : nullptr;
}

const Shift *DispatchState::runningShift() const
{
    const Shift *latest = nullptr;
    for (const Shift &s : m_shifts) {
        if (s.isRunning() && (!latest || s.id > latest->id))
            latest = &s;
    }
    return latest;
}

void DispatchState::loadDevice(const Device &d)
{
    m_devices.insert(d.id, d);
}

void DispatchState::loadAlarm(const Alarm &a)
{
    m_alarms.insert(a.id(), a);
    m_nextAlarmId = std::max(m_nextAlarmId, a.id() + 1);
    if (a.isOpen() && !a.deviceId().isEmpty())
        m_openAlarmIndex.insert(indexKey(a.deviceId(), a.kind()), a.id());
}

void DispatchState::loadHelper(const Helper &h)
{
    m_helpers.insert(h.id(), h);
}

void DispatchState::loadMission(const Mission &m)
{
    m_missions.insert(m.id(), m);
    m_nextMissionId = std::max(m_nextMissionId, m.id() + 1);
}

void DispatchState::loadShift(const Shift &s)
{
    m_shifts.insert(s.id, s);
    m_nextShiftId = std::max(m_nextShiftId, s.id + 1);
}

void DispatchState::loadFees(const FeeSchedule &fees)
{
    m_fees = fees;
}

Result<DispatchState::Changes> DispatchState::apply(const JournalEntry &e)
{
    if (!e.time.isValid())
        return refuse("missing_time", tr("The entry has no time."));

    const Result<Changes> result = dispatch(e);
    if (result.ok() && e.seq > m_lastSeq)
        m_lastSeq = e.seq;
    return result;
}

Result<Severity> DispatchState::severityFrom(const QJsonObject &p, AlarmKind kind)
{
    if (!p.contains(QLatin1String("severity")))
        return AlarmKinds::defaultSeverity(kind);
    const auto s = Severities::fromKey(stringFrom(p, "severity"));
    if (!s)
        return refuse("bad_value", tr("Unknown severity “%1”.").arg(stringFrom(p, "severity")));
    return *s;
}

void DispatchState::cancelMission(qint64 missionId, const QString &reason, const QDateTime &at, const Actor &by,
                                  Changes &changes)
{
    auto it = m_missions.find(missionId);
    if (it == m_missions.end() || !it->isOpen())
        return;
    Result<QStringList> told = it->cancel(reason, at, by);
    if (!told)
        return;
    for (const QString &hid : told.value()) {
        auto found = m_helpers.find(hid);
        if (found == m_helpers.end())
            continue; // removed since: nothing to release
        if (found->release(at, Actor::system()))
            changes.helpers.insert(hid);
    }
    changes.cancelsToSend += told.value();
    changes.missions.insert(missionId);
}

Result<DispatchState::Changes> DispatchState::dispatch(const JournalEntry &e)
{
    const QString &k = e.kind;
    if (k == EntryKind::DeviceRegistered || k == EntryKind::DeviceUpdated || k == EntryKind::DeviceRemoved)
        return applyDevice(e);
    if (k.startsWith(QLatin1String("device.")))
        return applyDeviceMessage(e);
    if (k.startsWith(QLatin1String("alarm.")))
        return applyAlarm(e);
    if (k.startsWith(QLatin1String("mission.")))
        return applyMission(e);
    if (k.startsWith(QLatin1String("helper.")))
        return applyHelper(e);
    return applyOrganisation(e);
}

Result<DispatchState::Changes> DispatchState::applyDevice(const JournalEntry &e)
{
    const QJsonObject &p = e.payload;
    const QString id = stringFrom(p, "device").trimmed();
    if (id.isEmpty())
        return refuse("missing_field", tr("The device id is missing."));
    Changes changes;
    if (e.kind == EntryKind::DeviceRemoved) {
        if (!m_devices.contains(id))
            return refuse("unknown_device", tr("Unknown device %1.").arg(id));
        m_devices.remove(id);
        changes.removedDevices.insert(id);
        return changes;
    }
    const bool exists = m_devices.contains(id);
    if (e.kind == EntryKind::DeviceRegistered && exists)
        return refuse("duplicate_device", tr("Device %1 is already registered.").arg(id));
    if (e.kind == EntryKind::DeviceUpdated && !exists)
        return refuse("unknown_device", tr("Unknown device %1.").arg(id));
    const int interval = p.value(QLatin1String("interval_s")).toInt(3600);
    if (interval <= 0)
        return refuse("bad_value", tr("The report interval must be positive."));

    Device d = m_devices.value(id);
    d.id = id;
    d.kind = stringFrom(p, "kind");
    d.label = stringFrom(p, "label");
    d.beneficiaryRef = stringFrom(p, "beneficiary");
    d.address = stringFrom(p, "address");
    d.position = positionFrom(p);
    d.reportIntervalS = interval;
    m_devices.insert(id, d);
    changes.devices.insert(id);
    return changes;
}

Result<DispatchState::Changes> DispatchState::applyDeviceMessage(const JournalEntry &e)
{
    Changes changes;
    if (e.kind == EntryKind::DeviceRejected)
        return changes; // kept in the journal for audit; no state to change

    const QJsonObject &p = e.payload;
    const QString deviceId = stringFrom(p, "device");
    if (deviceId.isEmpty())
        return refuse("missing_field", tr("The device id is missing."));

    const QJsonValue batteryValue = p.value(QLatin1String("battery"));
    const bool hasBattery = !batteryValue.isUndefined();
    const int battery = hasBattery ? batteryValue.toInt(-1) : -1;
    if (hasBattery && (battery < 0 || battery > 100))
        return refuse("bad_value", tr("The battery level must be between 0 and 100 %."));

    // Any message proves the device alive: last seen, and an open "device silent" alarm ends.
    // A battery level below Device::kLowBatteryPercent raises a "low battery" maintenance alarm;
    // one at Device::kBatteryRecoveredPercent or above (a new battery) ends it.
    // Returns the alarms the device's word ends, with the reason.
    auto touchDevice = [&](Changes &c) -> QList<std::pair<qint64, QString>> {
        QList<std::pair<qint64, QString>> toEnd;
        auto it = m_devices.find(deviceId);
        if (it != m_devices.end()) {
            if (!it->lastSeen.isValid() || e.time > it->lastSeen)
                it->lastSeen = e.time;
            if (hasBattery) {
                it->batteryPercent = battery;
                const Alarm *low = openAlarmFor(deviceId, AlarmKind::LowBattery);
                const bool saysItself = e.kind == EntryKind::DeviceAlarm
                                        && stringFrom(p, "alarm") == AlarmKinds::key(AlarmKind::LowBattery);
                if (it->batteryPercent < Device::kLowBatteryPercent && !low && !saysItself) {
                    raiseDeviceAlarm(deviceId, AlarmKind::LowBattery,
                                     AlarmKinds::defaultSeverity(AlarmKind::LowBattery), {},
                                     QStringLiteral("battery=%1").arg(it->batteryPercent), e.time, e.actor, c);
                } else if (it->batteryPercent >= Device::kBatteryRecoveredPercent && low) {
                    toEnd.append({low->id(), QStringLiteral("battery_replaced")});
                }
            }
            c.devices.insert(deviceId);
        }
        if (const Alarm *silent = openAlarmFor(deviceId, AlarmKind::DeviceSilent))
            toEnd.append({silent->id(), QStringLiteral("device_reported")});
        return toEnd;
    };

    // The device ends an alarm (a restore, or a "device silent" alarm when it reports again): the
    // alarm is cancelled with its mission and the helpers are told, unless a helper is on scene
    // already: they report, and the device's word is only noted (once, for onSceneNote).
    auto endByDevice = [&](qint64 alarmId, const QString &reason, const Actor &by, const QString &onSceneNote) {
        Alarm a = m_alarms.value(alarmId);
        if (a.state() == Alarm::State::OnScene) {
            if (a.notes.contains(onSceneNote))
                return;
            a.notes.append(onSceneNote);
        } else {
            if (a.missionId)
                cancelMission(a.missionId, reason, e.time, by, changes);
            (void)a.cancel(reason, e.time, by);
            m_openAlarmIndex.remove(indexKey(a.deviceId(), a.kind()));
        }
        m_alarms.insert(a.id(), a);
        changes.alarms.insert(a.id());
    };
    auto endSilence = [&](const QList<std::pair<qint64, QString>> &toEnd) {
        for (const auto &[id, reason] : toEnd)
            endByDevice(id, reason, Actor::system(), tr("The device reported again while the helper was on scene."));
    };

    if (e.kind == EntryKind::DeviceHeartbeat) {
        endSilence(touchDevice(changes));
        return changes;
    }

    if (e.kind == EntryKind::DevicePosition) {
        // A tracker's new fix: the device's position moves (open alarms keep where they rang).
        const QGeoCoordinate where = positionFrom(p);
        if (!where.isValid())
            return refuse("bad_position", tr("Invalid position."));
        endSilence(touchDevice(changes));
        auto it = m_devices.find(deviceId);
        if (it != m_devices.end())
            it->position = where;
        return changes;
    }

    const auto kind = AlarmKinds::fromKey(stringFrom(p, "alarm"));
    if (!kind)
        return refuse("unknown_alarm_kind", tr("Unknown alarm kind “%1”.").arg(stringFrom(p, "alarm")));

    if (e.kind == EntryKind::DeviceRestore) {
        const Alarm *open = openAlarmFor(deviceId, *kind);
        const QList<std::pair<qint64, QString>> silent =
            *kind == AlarmKind::DeviceSilent ? QList<std::pair<qint64, QString>>{} : touchDevice(changes);
        if (open) {
            // On scene: the helper is there and reports; the restore is noted, not acted on.
            endByDevice(open->id(), QStringLiteral("device_restore"), e.actor,
                        tr("The device reported the condition ended at %1.").arg(e.time.toString(Qt::ISODate)));
        }
        endSilence(silent);
        return changes;
    }

    if (e.kind != EntryKind::DeviceAlarm)
        return refuse("unknown_entry", tr("Unknown journal entry kind “%1”.").arg(e.kind));

    const Result<Severity> severity = severityFrom(p, *kind);
    if (!severity)
        return severity.error();

    endSilence(*kind == AlarmKind::DeviceSilent ? QList<std::pair<qint64, QString>>{} : touchDevice(changes));

    if (const Alarm *open = openAlarmFor(deviceId, *kind)) {
        Alarm a = *open;
        (void)a.repeat(e.time);
        m_alarms.insert(a.id(), a);
        changes.alarms.insert(a.id());
        return changes;
    }

    raiseDeviceAlarm(deviceId, *kind, severity.value(), positionFrom(p), stringFrom(p, "details"), e.time, e.actor,
                     changes);
    return changes;
}

qint64 DispatchState::raiseDeviceAlarm(const QString &deviceId, AlarmKind kind, Severity severity,
                                       const QGeoCoordinate &where, const QString &details, const QDateTime &at,
                                       const Actor &by, Changes &changes)
{
    const qint64 id = m_nextAlarmId++;
    Alarm a(id, deviceId, kind, severity, at, by);
    const Device *d = device(deviceId);
    a.unregisteredDevice = d == nullptr;
    a.position = where;
    if (!a.position.isValid() && d)
        a.position = d->position;
    if (d) {
        a.address = d->address;
        a.beneficiaryRef = d->beneficiaryRef;
    }
    a.details = details;
    m_alarms.insert(id, a);
    m_openAlarmIndex.insert(indexKey(deviceId, kind), id);
    changes.alarms.insert(id);
    return id;
}

Result<DispatchState::Changes> DispatchState::applyAlarm(const JournalEntry &e)
{
    const QJsonObject &p = e.payload;
    Changes changes;

    if (e.kind == EntryKind::AlarmManual) {
        const auto kind = AlarmKinds::fromKey(stringFrom(p, "kind"));
        if (!kind)
            return refuse("unknown_alarm_kind", tr("Unknown alarm kind “%1”.").arg(stringFrom(p, "kind")));
        const Result<Severity> severity = severityFrom(p, *kind);
        if (!severity)
            return severity.error();
        const QGeoCoordinate where = positionFrom(p);
        const QString address = stringFrom(p, "address");
        if (!where.isValid() && address.trimmed().isEmpty() && !Redaction::isRedacted(p))
            return refuse("missing_field", tr("A manual alarm needs an address or coordinates."));
        const qint64 id = m_nextAlarmId++;
        Alarm a(id, QString(), *kind, severity.value(), e.time, e.actor);
        a.position = where;
        a.address = address;
        a.details = stringFrom(p, "note");
        const QString caller = stringFrom(p, "caller");
        if (!caller.isEmpty())
            a.notes.append(tr("Caller: %1").arg(caller));
        m_alarms.insert(id, a);
        changes.alarms.insert(id);
        return changes;
    }

    const qint64 id = idFrom(p, "alarm");
    if (!m_alarms.contains(id))
        return refuse("unknown_alarm", tr("Unknown alarm %1.").arg(id));
    Alarm a = m_alarms.value(id);
    Status s;

    if (e.kind == EntryKind::AlarmAcknowledged) {
        s = a.acknowledge(e.time, e.actor);
    } else if (e.kind == EntryKind::AlarmEscalated) {
        const int stage = p.value(QLatin1String("stage")).toInt();
        if (stage < 1 || stage > 3)
            return refuse("bad_value", tr("Unknown escalation stage %1.").arg(stage));
        s = a.escalate(static_cast<Alarm::Escalation>(stage), e.time);
    } else if (e.kind == EntryKind::AlarmResolved) {
        const auto outcome = Outcomes::fromKey(stringFrom(p, "outcome"));
        if (!outcome)
            return refuse("missing_outcome", tr("Resolving an alarm requires an outcome."));
        if (a.missionId && m_missions.value(a.missionId).isOpen())
            return refuse("mission_open", tr("Alarm %1 has a mission under way: record its outcome instead.").arg(id));
        s = a.resolve(*outcome, e.time, e.actor);
    } else if (e.kind == EntryKind::AlarmClosed) {
        s = a.close(e.time, e.actor);
    } else if (e.kind == EntryKind::AlarmCancelled) {
        const QString reason = stringFrom(p, "reason");
        s = a.cancel(reason.isEmpty() ? QStringLiteral("operator") : reason, e.time, e.actor);
        if (s && a.missionId)
            cancelMission(a.missionId, QStringLiteral("alarm_cancelled"), e.time, e.actor, changes);
    } else if (e.kind == EntryKind::AlarmNote) {
        if (Redaction::isRedacted(p))
            return changes; // its text was purged with the alarm's details
        if (a.personalDetailsPurgedAt.isValid())
            return refuse("details_purged",
                          tr("The personal details of alarm %1 were purged: no note can be added.").arg(id));
        const QString text = stringFrom(p, "text").trimmed();
        if (text.isEmpty())
            return refuse("missing_field", tr("The note is empty."));
        a.notes.append(text);
    } else {
        return refuse("unknown_entry", tr("Unknown journal entry kind “%1”.").arg(e.kind));
    }
    if (!s)
        return s.error();
    if (!a.isOpen() && !a.deviceId().isEmpty() && m_openAlarmIndex.value(indexKey(a.deviceId(), a.kind())) == id)
        m_openAlarmIndex.remove(indexKey(a.deviceId(), a.kind()));
    m_alarms.insert(id, a);
    changes.alarms.insert(id);
    return changes;
}

Result<DispatchState::Changes> DispatchState::applyMission(const JournalEntry &e)
{
    const QJsonObject &p = e.payload;
    Changes changes;

    if (e.kind == EntryKind::MissionCreated) {
        const qint64 alarmId = idFrom(p, "alarm");
        if (!m_alarms.contains(alarmId))
            return refuse("unknown_alarm", tr("Unknown alarm %1.").arg(alarmId));
        Alarm a = m_alarms.value(alarmId);
        if (!a.isOpen())
            return refuse("alarm_not_open", tr("Alarm %1 is no longer open.").arg(alarmId));
        if (a.missionId && m_missions.value(a.missionId).isOpen())
            return refuse("mission_exists", tr("Alarm %1 already has a mission under way.").arg(alarmId));
        const auto kind = MissionKinds::fromKey(stringFrom(p, "kind"));
        if (!kind)
            return refuse("bad_value", tr("Unknown mission kind “%1”.").arg(stringFrom(p, "kind")));
        // The fee is written into the entry when it is made, so that replays give the same fee.
        Money fee = m_fees.feeFor(*kind);
        if (p.contains(QLatin1String("fee_cents"))) {
            const qint64 cents = p.value(QLatin1String("fee_cents")).toInteger(-1);
            const QString currency = stringFrom(p, "currency");
            if (cents < 0 || currency.size() != 3)
                return refuse("bad_value", tr("A fee needs a non-negative amount and a currency."));
            fee = Money(cents, currency);
        }
        const qint64 id = m_nextMissionId++;
        Mission m(id, *kind, alarmId, fee, e.time, e.actor);
        a.missionId = id;
        m_missions.insert(id, m);
        m_alarms.insert(alarmId, a);
        changes.missions.insert(id);
        changes.alarms.insert(alarmId);
        return changes;
    }

    // An entry made together with its mission.created (the desk's "assign" and "offer", one
    // submission) cannot know the mission's id: it names the alarm, whose mission it is.
    qint64 id = idFrom(p, "mission");
    if (id == 0 && p.contains(QLatin1String("alarm"))) {
        const Alarm *of = alarm(idFrom(p, "alarm"));
        id = of ? of->missionId : 0;
    }
    if (!m_missions.contains(id))
        return refuse("unknown_mission", tr("Unknown mission %1.").arg(id));
    Mission m = m_missions.value(id);
    Alarm a = m_alarms.value(m.alarmId());
    QHash<QString, Helper> touched; // helpers changed by this entry, written back at the end

    auto helperCopy = [&](const QString &hid) -> Helper * {
        if (!touched.contains(hid)) {
            if (!m_helpers.contains(hid))
                return nullptr;
            touched.insert(hid, m_helpers.value(hid));
        }
        return &touched[hid];
    };
    auto releaseAll = [&](const QStringList &ids) -> Status {
        for (const QString &hid : ids) {
            Helper *h = helperCopy(hid);
            if (!h)
                continue;
            if (Status s = h->release(e.time, Actor::system()); !s)
                return s;
        }
        return {};
    };

    const QString helperId = stringFrom(p, "helper");
    // A helper's handset speaks only for that helper: its answers name them, and its
    // progress reports are about the mission they hold.
    if (e.actor.kind == Actor::Kind::Helper) {
        const bool progress = e.kind == EntryKind::MissionEnRoute || e.kind == EntryKind::MissionOnScene
                              || e.kind == EntryKind::MissionCompleted;
        if ((e.kind == EntryKind::MissionAnswered && e.actor.id != helperId)
            || (progress && !m.assignee().isEmpty() && e.actor.id != m.assignee())) {
            return refuse("not_your_mission",
                          tr("Helper %1 cannot report for mission %2: it is not theirs.").arg(e.actor.id).arg(id));
        }
    }
    Status s;
    if (e.kind == EntryKind::MissionOffered) {
        Helper *h = helperCopy(helperId);
        if (!h)
            return refuse("unknown_helper", tr("Unknown helper %1.").arg(helperId));
        s = m.offerTo(helperId, p.value(QLatin1String("distance_m")).toDouble(), e.time, e.actor);
        if (s)
            s = h->offer(id, e.time, e.actor);
        if (s && a.state() == Alarm::State::Acknowledged)
            s = a.startDispatching(e.time, e.actor);
        else if (s && a.state() != Alarm::State::Dispatching)
            s = refuse("alarm_state", tr("Alarm %1 must be acknowledged before it is offered.").arg(a.id()));
    } else if (e.kind == EntryKind::MissionAnswered) {
        const auto answer = Offer::answerFromKey(stringFrom(p, "answer"));
        if (!answer || *answer == Offer::Answer::Pending || *answer == Offer::Answer::Withdrawn)
            return refuse("bad_value", tr("Unknown answer “%1”.").arg(stringFrom(p, "answer")));
        Helper *h = helperCopy(helperId);
        if (!h)
            return refuse("unknown_helper", tr("Unknown helper %1.").arg(helperId));
        if (*answer == Offer::Answer::Accepted) {
            Result<QStringList> withdrawn = m.accept(helperId, e.time);
            if (!withdrawn)
                return withdrawn.error();
            s = h->assign(id, e.time, Actor::helper(helperId));
            if (s)
                s = releaseAll(withdrawn.value());
            if (s)
                s = a.assign(helperId, e.time, Actor::helper(helperId));
            changes.cancelsToSend += withdrawn.value();
        } else {
            s = m.decline(helperId, e.time, *answer);
            if (s)
                s = h->release(e.time, Actor::helper(helperId));
            if (s && m.state() == Mission::State::Open && a.state() == Alarm::State::Dispatching)
                s = a.unassign(e.time, Actor::system(), QStringLiteral("offers_exhausted"));
        }
    } else if (e.kind == EntryKind::MissionAssigned) {
        Helper *h = helperCopy(helperId);
        if (!h)
            return refuse("unknown_helper", tr("Unknown helper %1.").arg(helperId));
        Result<QStringList> withdrawn = m.assign(helperId, e.time, e.actor);
        if (!withdrawn)
            return withdrawn.error();
        s = h->assign(id, e.time, e.actor);
        if (s)
            s = releaseAll(withdrawn.value());
        if (s)
            s = a.assign(helperId, e.time, e.actor);
        changes.cancelsToSend += withdrawn.value();
    } else if (e.kind == EntryKind::MissionUnassigned) {
        const QString assignee = m.assignee();
        const QString reason = stringFrom(p, "reason");
        s = m.unassign(e.time, e.actor, reason);
        if (s)
            s = releaseAll({assignee});
        if (s)
            s = a.unassign(e.time, e.actor, reason);
        if (s)
            changes.cancelsToSend.append(assignee);
    } else if (e.kind == EntryKind::MissionEnRoute || e.kind == EntryKind::MissionOnScene) {
        if (m.state() != Mission::State::Assigned)
            return refuse("not_assigned", tr("Mission %1 is not assigned.").arg(id));
        Helper *h = helperCopy(m.assignee());
        if (!h)
            return refuse("unknown_helper", tr("Unknown helper %1.").arg(m.assignee()));
        s = h->startWork(e.time, e.actor);
        if (s)
            s = e.kind == EntryKind::MissionEnRoute ? a.enRoute(e.time, e.actor) : a.onScene(e.time, e.actor);
    } else if (e.kind == EntryKind::MissionCompleted) {
        const auto outcome = Outcomes::fromKey(stringFrom(p, "outcome"));
        if (!outcome)
            return refuse("missing_outcome", tr("Completing a mission requires an outcome."));
        const QString assignee = m.assignee();
        s = m.complete(*outcome, e.time, e.actor);
        if (s)
            s = releaseAll({assignee});
        if (s)
            s = a.resolve(*outcome, e.time, e.actor);
        if (s && p.contains(QLatin1String("note")))
            m.note = stringFrom(p, "note");
    } else if (e.kind == EntryKind::MissionCancelled) {
        Result<QStringList> told = m.cancel(stringFrom(p, "reason"), e.time, e.actor);
        if (!told)
            return told.error();
        s = releaseAll(told.value());
        if (s && a.isOpen() && a.state() != Alarm::State::New && a.state() != Alarm::State::Acknowledged
            && a.state() != Alarm::State::OnScene)
            s = a.unassign(e.time, e.actor, QStringLiteral("mission_cancelled"));
        changes.cancelsToSend += told.value();
    } else {
        return refuse("unknown_entry", tr("Unknown journal entry kind “%1”.").arg(e.kind));
    }
    if (!s)
        return s.error();

    m_missions.insert(id, m);
    changes.missions.insert(id);
    if (m_alarms.contains(a.id())) { // a snapshot may hold a mission whose alarm was purged
        if (!a.isOpen() && !a.deviceId().isEmpty()
            && m_openAlarmIndex.value(indexKey(a.deviceId(), a.kind())) == a.id())
            m_openAlarmIndex.remove(indexKey(a.deviceId(), a.kind()));
        m_alarms.insert(a.id(), a);
        changes.alarms.insert(a.id());
    }
    for (auto it = touched.cbegin(); it != touched.cend(); ++it) {
        m_helpers.insert(it.key(), it.value());
        changes.helpers.insert(it.key());
    }
    return changes;
}

Result<DispatchState::Changes> DispatchState::applyHelper(const JournalEntry &e)
{
    const QJsonObject &p = e.payload;
    const QString id = stringFrom(p, "helper").trimmed();
    if (id.isEmpty())
        return refuse("missing_field", tr("The helper id is missing."));
    Changes changes;
    const bool exists = m_helpers.contains(id);

    if (e.kind == EntryKind::HelperRegistered || e.kind == EntryKind::HelperUpdated) {
        if (e.kind == EntryKind::HelperRegistered && exists)
            return refuse("duplicate_helper", tr("Helper %1 is already registered.").arg(id));
        if (e.kind == EntryKind::HelperUpdated && !exists)
            return refuse("unknown_helper", tr("Unknown helper %1.").arg(id));
        const QString name = stringFrom(p, "name").trimmed();
        if (name.isEmpty())
            return refuse("missing_field", tr("The helper's name is missing."));
        Helper h = exists ? m_helpers.value(id) : Helper(id, name);
        h.name = name;
        h.phone = stringFrom(p, "phone");
        h.skills.clear();
        const QJsonArray skills = p.value(QLatin1String("skills")).toArray();
        for (const QJsonValue &v : skills)
            h.skills.append(v.toString());
        m_helpers.insert(id, h);
        changes.helpers.insert(id);
        return changes;
    }
    if (!exists)
        return refuse("unknown_helper", tr("Unknown helper %1.").arg(id));
    Helper h = m_helpers.value(id);
    Status s;
    if (e.kind == EntryKind::HelperRemoved) {
        if (h.isOnDuty())
            return refuse("helper_on_duty", tr("Helper %1 is on duty: end their duty first.").arg(h.name));
        m_helpers.remove(id);
        changes.removedHelpers.insert(id);
        return changes;
    }
    if (e.kind == EntryKind::HelperOnDuty)
        s = h.goOnDuty(e.time, e.actor);
    else if (e.kind == EntryKind::HelperOffDuty)
        s = h.goOffDuty(e.time, e.actor);
    else if (e.kind == EntryKind::HelperPosition && Redaction::isRedacted(p))
        return changes; // a position forgotten after the retention period
    else if (e.kind == EntryKind::HelperPosition)
        s = h.updatePosition(positionFrom(p), e.time);
    else
        return refuse("unknown_entry", tr("Unknown journal entry kind “%1”.").arg(e.kind));
    if (!s)
        return s.error();
    m_helpers.insert(id, h);
    changes.helpers.insert(id);
    return changes;
}

Result<DispatchState::Changes> DispatchState::applyOrganisation(const JournalEntry &e)
{
    const QJsonObject &p = e.payload;
    Changes changes;
    if (e.kind == EntryKind::FeeSet) {
        const auto kind = MissionKinds::fromKey(stringFrom(p, "kind"));
        if (!kind)
            return refuse("bad_value", tr("Unknown mission kind “%1”.").arg(stringFrom(p, "kind")));
        const qint64 cents = p.value(QLatin1String("fee_cents")).toInteger(-1);
        const QString currency = stringFrom(p, "currency");
        if (cents < 0 || currency.size() != 3)
            return refuse("bad_value", tr("A fee needs a non-negative amount and a currency."));
        m_fees.setFee(*kind, Money(cents, currency));
        changes.fees = true;
        return changes;
    }
    if (e.kind == EntryKind::ShiftStarted) {
        const QString name = stringFrom(p, "operator").trimmed();
        if (name.isEmpty())
            return refuse("missing_field", tr("Starting a shift needs the operator's name."));
        Shift s{m_nextShiftId++, Operator{name}, e.time, {}, {}};
        m_shifts.insert(s.id, s);
        changes.shifts.insert(s.id);
        return changes;
    }
    if (e.kind == EntryKind::ShiftEnded) {
        const qint64 id = idFrom(p, "shift");
        auto it = m_shifts.find(id);
        if (it == m_shifts.end())
            return refuse("unknown_shift", tr("Unknown shift %1.").arg(id));
        if (!it->isRunning())
            return refuse("shift_ended", tr("Shift %1 has already ended.").arg(id));
        it->endedAt = e.time;
        it->handover = stringFrom(p, "handover");
        changes.shifts.insert(id);
        return changes;
    }
    if (e.kind == EntryKind::CostsRecorded) {
        // Kept in the journal only (docs/exports.md): checked here, no state to change.
        if (const Result<RunningCost> cost = RunningCost::fromPayload(p); !cost)
            return cost.error();
        return changes;
    }
    if (e.kind == EntryKind::PrivacyPurged)
        return applyPrivacyPurge(e);
    if (e.kind == EntryKind::GatewayRefused)
        return changes; // an audit record (who tried to connect, from where): no state to change
    return refuse("unknown_entry", tr("Unknown journal entry kind “%1”.").arg(e.kind));
}

Result<DispatchState::Changes> DispatchState::applyPrivacyPurge(const JournalEntry &e)
{
    const QJsonObject &p = e.payload;
    const QDateTime before = QDateTime::fromString(stringFrom(p, "before"), Qt::ISODateWithMs);
    const int days = p.value(QLatin1String("retention_days")).toInt(0);
    if (days < 1 || !before.isValid() || before > e.time.addDays(-days))
        return refuse("bad_value", tr("A purge needs a retention period and a cut-off at least that long before it."));
    const QJsonArray ids = p.value(QLatin1String("alarms")).toArray();
    QSet<qint64> alarms;
    for (const QJsonValue &v : ids) {
        const qint64 id = v.toInteger(0);
        const Alarm *a = alarm(id);
        if (!a)
            return refuse("unknown_alarm", tr("Unknown alarm %1.").arg(id));
        const QDateTime ended = Redaction::endedAt(*a);
        if (!ended.isValid() || ended >= before)
            return refuse("alarm_not_due",
                          tr("Alarm %1 has not been over for the whole retention period: its details stay.").arg(id));
        if (a->personalDetailsPurgedAt.isValid())
            return refuse("details_purged", tr("The personal details of alarm %1 were purged already.").arg(id));
        alarms.insert(id);
    }

    Changes changes;
    const auto keyOrPurged = [](QList<Transition> timeline, const QList<int> &states) {
        for (Transition &t : timeline) {
            if (states.contains(t.state))
                t.note = Redaction::keyOrPurged(t.note);
        }
        return timeline;
    };
    for (qint64 id : std::as_const(alarms)) {
        Alarm &a = m_alarms[id];
        a.address.clear();
        a.details.clear();
        a.notes.clear();
        a.cancelReason = Redaction::keyOrPurged(a.cancelReason);
        a.position = Redaction::coarse(a.position);
        a.personalDetailsPurgedAt = e.time;
        // Reasons typed by people: unassigning (back to acknowledged) and cancelling.
        a.restore(a.state(), a.count(), a.lastSeen(), a.outcome(), a.escalationStage(),
                  keyOrPurged(a.timeline(), {int(Alarm::State::Acknowledged), int(Alarm::State::Cancelled)}));
        changes.alarms.insert(id);
    }
    if (!alarms.isEmpty()) {
        for (auto it = m_missions.begin(); it != m_missions.end(); ++it) {
            Mission &m = it.value();
            if (!alarms.contains(m.alarmId()))
                continue;
            m.note.clear();
            m.restore(m.state(), m.assignee(), m.offers(), m.outcome(), m.payout(), m.redispatchCount(),
                      keyOrPurged(m.timeline(), {int(Mission::State::Open), int(Mission::State::Cancelled)}));
            changes.missions.insert(m.id());
        }
    }
    // Helpers' positions older than the period (on duty all along without a new fix).
    for (auto it = m_helpers.begin(); it != m_helpers.end(); ++it) {
        Helper &h = it.value();
        if (h.position().isValid() && h.positionAt() < before) {
            h.restore(h.availability(), QGeoCoordinate(), QDateTime(), h.lastChange());
            changes.helpers.insert(h.id());
        }
    }
    return changes;
}

} // namespace relais
