#include "helpernotices.h"

#include "dispatchstate.h"

namespace relais {

namespace {

// The mission an entry acts on: named, or the alarm's (DispatchActions' entries).
const Mission *missionOf(const JournalEntry &e, const DispatchState &state)
{
    qint64 id = e.payload.value(QStringLiteral("mission")).toInteger(0);
    if (id == 0) {
        const Alarm *a = state.alarm(e.payload.value(QStringLiteral("alarm")).toInteger(0));
        id = a ? a->missionId : 0;
    }
    return state.mission(id);
}

// The mission cancelled by this alarm.cancelled or device.restore entry, if any: a mission
// whose alarm is the entry's, cancelled at the entry's time.
const Mission *cancelledWith(const JournalEntry &e, const DispatchState &state)
{
    const qint64 alarmId = e.payload.value(QStringLiteral("alarm")).toInteger(0);
    const QString device = e.payload.value(QStringLiteral("device")).toString();
    for (const Mission &m : state.missions()) {
        if (m.state() != Mission::State::Cancelled || m.timeline().isEmpty() || m.timeline().last().at != e.time)
            continue;
        const Alarm *a = state.alarm(m.alarmId());
        if (!a || a->state() != Alarm::State::Cancelled)
            continue;
        if ((e.kind == EntryKind::AlarmCancelled && a->id() == alarmId)
            || (e.kind == EntryKind::DeviceRestore && !device.isEmpty() && a->deviceId() == device))
            return &m;
    }
    return nullptr;
}

// Who held the mission before its last unassignment (the Assigned transition's note).
QString previousAssignee(const Mission &m)
{
    const QList<Transition> &t = m.timeline();
    for (qsizetype i = t.size() - 1; i >= 0; --i) {
        if (static_cast<Mission::State>(t.at(i).state) == Mission::State::Assigned)
            return t.at(i).note;
    }
    return {};
}

} // namespace

QList<HelperNotice> HelperNotices::afterCommit(const QList<JournalEntry> &committed, const DispatchState &after,
                                               int offerTimeoutS)
{
    QList<HelperNotice> offers;
    QList<HelperNotice> cancels;
    const auto cancel = [&cancels](const QString &helper, qint64 mission, const QString &reason) {
        HelperNotice n;
        n.kind = HelperNotice::Kind::Cancel;
        n.helper = helper;
        n.mission = mission;
        n.reason = reason;
        cancels.append(n);
    };
    for (const JournalEntry &e : committed) {
        const bool offered = e.kind == EntryKind::MissionOffered;
        const bool taken = e.kind == EntryKind::MissionAssigned
                           || (e.kind == EntryKind::MissionAnswered
                               && e.payload.value(QStringLiteral("answer")).toString() == QLatin1String("accepted"));
        bool cancelled = e.kind == EntryKind::MissionCancelled;
        const Mission *m = nullptr;
        if (e.kind == EntryKind::AlarmCancelled || e.kind == EntryKind::DeviceRestore) {
            // An alarm cancelled (by the dispatcher, or by its device's restore) cancels its
            // mission in the same step: its helper and pending offers are told.
            m = cancelledWith(e, after);
            cancelled = m != nullptr;
        } else if (e.kind == EntryKind::MissionUnassigned) {
            // The helper taken off (a reassignment): the mission is no longer theirs.
            if (const Mission *of = missionOf(e, after)) {
                const QString previous = previousAssignee(*of);
                if (!previous.isEmpty())
                    cancel(previous, of->id(), QStringLiteral("unassigned"));
            }
            continue;
        }
        if (!offered && !taken && !cancelled)
            continue;
        if (!m)
            m = missionOf(e, after);
        if (!m)
            continue;
        if (offered) {
            const QString helper = e.payload.value(QStringLiteral("helper")).toString();
            for (const Offer &o : m->offers()) {
                if (o.helperId != helper || o.answer != Offer::Answer::Pending)
                    continue; // answered in the same commit: nothing to show any more
                const Alarm *a = after.alarm(m->alarmId());
                HelperNotice d;
                d.kind = HelperNotice::Kind::Offer;
                d.helper = helper;
                d.mission = m->id();
                d.alarm = a ? a->kind() : AlarmKind::Other;
                if (a) {
                    d.position = a->position;
                    d.address = a->address;
                }
                d.distanceM = qRound64(o.distanceM);
                d.fee = m->fee();
                d.expires = e.time.addSecs(offerTimeoutS);
                offers.append(d);
            }
            continue;
        }
        // The offers this entry withdrew, and a cancelled mission's helper.
        const QString reason = cancelled ? QStringLiteral("mission_cancelled") : QStringLiteral("taken");
        if (cancelled && !m->assignee().isEmpty())
            cancel(m->assignee(), m->id(), reason);
        for (const Offer &o : m->offers()) {
            if (o.answer == Offer::Answer::Withdrawn && o.answeredAt == e.time)
                cancel(o.helperId, m->id(), reason);
        }
    }
    return offers + cancels;
}

} // namespace relais
