#include "offerfollowup.h"

#include "dispatchstate.h"
#include "helperranker.h"

#include <QSet>

#include <algorithm>

namespace relais {

namespace {

JournalEntry systemEntry(QLatin1StringView kind, const QJsonObject &payload, const QDateTime &at)
{
    return JournalEntry::make(at, QStringLiteral("dispatch"), kind, Actor::system(), payload);
}

// Out for offers, or back from offers that all ran out while its alarm waits for the next.
bool followsUp(const Mission &m, const Alarm &a)
{
    if (!a.isOpen() || !a.position.isValid())
        return false;
    if (m.state() == Mission::State::Offering)
        return true;
    if (m.state() != Mission::State::Open || m.offers().isEmpty() || a.state() != Alarm::State::Acknowledged)
        return false;
    // The alarm's last change of state (escalation stages are recorded in between).
    const QList<Transition> &timeline = a.timeline();
    for (auto it = timeline.crbegin(); it != timeline.crend(); ++it) {
        if (!it->note.startsWith(QLatin1String("escalation:")))
            return it->note == QLatin1String("offers_exhausted");
    }
    return false;
}

} // namespace

QList<JournalEntry> OfferFollowUp::due(const DispatchState &state, const Settings &settings, const QDateTime &now)
{
    QList<JournalEntry> out;
    QList<qint64> ids = state.missions().keys();
    std::sort(ids.begin(), ids.end()); // oldest mission first, the same order every time
    for (qint64 id : std::as_const(ids)) {
        const Mission &m = *state.mission(id);
        const Alarm *a = state.alarm(m.alarmId());
        if (!a || !followsUp(m, *a))
            continue;
        QSet<QString> asked; // every helper offered this mission, whatever they answered
        int pending = 0;
        for (const Offer &o : m.offers()) {
            asked.insert(o.helperId);
            if (o.answer != Offer::Answer::Pending)
                continue;
            if (o.sentAt.secsTo(now) >= settings.timeoutS) {
                out.append(systemEntry(EntryKind::MissionAnswered,
                                       {{QStringLiteral("mission"), m.id()},
                                        {QStringLiteral("helper"), o.helperId},
                                        {QStringLiteral("answer"), Offer::answerKey(Offer::Answer::TimedOut)}},
                                       now));
            } else {
                ++pending;
            }
        }
        int wanted = settings.count - pending;
        if (wanted <= 0)
            continue;
        const QList<HelperRanker::Candidate> nearby =
            HelperRanker::rank(state.helpers(), a->position, a->kind(), {0, settings.radiusM, true});
        for (const HelperRanker::Candidate &c : nearby) {
            if (wanted == 0)
                break;
            if (asked.contains(c.helperId))
                continue;
            out.append(systemEntry(EntryKind::MissionOffered,
                                   {{QStringLiteral("mission"), m.id()},
                                    {QStringLiteral("helper"), c.helperId},
                                    {QStringLiteral("distance_m"), qRound(c.distanceM)}},
                                   now));
            --wanted;
        }
    }
    return out;
}

} // namespace relais
