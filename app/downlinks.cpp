#include "downlinks.h"

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

} // namespace

Downlinks downlinksFor(const QList<JournalEntry> &committed, const DispatchState &after, int offerTimeoutS)
{
    Downlinks out;
    for (const JournalEntry &e : committed) {
        const bool offered = e.kind == EntryKind::MissionOffered;
        const bool taken = e.kind == EntryKind::MissionAssigned
                           || (e.kind == EntryKind::MissionAnswered
                               && e.payload.value(QStringLiteral("answer")).toString() == QLatin1String("accepted"));
        const bool cancelled = e.kind == EntryKind::MissionCancelled;
        if (!offered && !taken && !cancelled)
            continue;
        const Mission *m = missionOf(e, after);
        if (!m)
            continue;
        if (offered) {
            const QString helper = e.payload.value(QStringLiteral("helper")).toString();
            for (const Offer &o : m->offers()) {
                if (o.helperId != helper || o.answer != Offer::Answer::Pending)
                    continue; // answered in the same commit: nothing to show any more
                const Alarm *a = after.alarm(m->alarmId());
                DownlinkOffer d;
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
                out.offers.append(d);
            }
            continue;
        }
        // The offers this entry withdrew, and a cancelled mission's helper.
        const QString reason = cancelled ? QStringLiteral("mission_cancelled") : QStringLiteral("taken");
        if (cancelled && !m->assignee().isEmpty())
            out.cancels.append({m->assignee(), m->id(), reason});
        for (const Offer &o : m->offers()) {
            if (o.answer == Offer::Answer::Withdrawn && o.answeredAt == e.time)
                out.cancels.append({o.helperId, m->id(), reason});
        }
    }
    return out;
}

} // namespace relais
