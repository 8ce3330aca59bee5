#include "mission.h"

#include <QCoreApplication>

namespace relais {

using S = Mission::State;

QString Offer::answerKey(Answer a)
{
    switch (a) {
    case Answer::Pending:
        return QStringLiteral("pending");
    case Answer::Accepted:
        return QStringLiteral("accepted");
    case Answer::Declined:
        return QStringLiteral("declined");
    case Answer::TimedOut:
        return QStringLiteral("timeout");
    case Answer::Withdrawn:
        break;
    }
    return QStringLiteral("withdrawn");
}

std::optional<Offer::Answer> Offer::answerFromKey(const QString &key)
{
    for (Answer a : {Answer::Pending, Answer::Accepted, Answer::Declined, Answer::TimedOut, Answer::Withdrawn}) {
        if (answerKey(a) == key)
            return a;
    }
    return std::nullopt;
}

Mission::Mission(qint64 id, MissionKind kind, qint64 alarmId, const Money &fee, const QDateTime &at, const Actor &by)
    : m_id(id), m_kind(kind), m_alarmId(alarmId), m_fee(fee), m_payout(0, fee.currency())
{
    m_timeline.append({static_cast<int>(S::Open), at, by, {}});
}

QString Mission::stateKey(State state)
{
    switch (state) {
    case S::Open:
        return QStringLiteral("open");
    case S::Offering:
        return QStringLiteral("offering");
    case S::Assigned:
        return QStringLiteral("assigned");
    case S::Completed:
        return QStringLiteral("completed");
    case S::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

std::optional<Mission::State> Mission::stateFromKey(const QString &key)
{
    for (S s : {S::Open, S::Offering, S::Assigned, S::Completed, S::Cancelled}) {
        if (stateKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString Mission::stateLabel(State state)
{
    switch (state) {
    case S::Open:
        return QCoreApplication::translate("relais::Mission", "Open");
    case S::Offering:
        return QCoreApplication::translate("relais::Mission", "Offers out");
    case S::Assigned:
        return QCoreApplication::translate("relais::Mission", "Assigned");
    case S::Completed:
        return QCoreApplication::translate("relais::Mission", "Completed");
    case S::Cancelled:
        break;
    }
    return QCoreApplication::translate("relais::Mission", "Cancelled");
}

QStringList Mission::pendingOfferHelpers() const
{
    QStringList out;
    for (const Offer &o : m_offers) {
        if (o.answer == Offer::Answer::Pending)
            out.append(o.helperId);
    }
    return out;
}

Status Mission::moveTo(State to, const QDateTime &at, const Actor &by, const QString &why)
{
    bool legal = false;
    switch (m_state) {
    case S::Open:
        legal = to == S::Offering || to == S::Assigned || to == S::Cancelled;
        break;
    case S::Offering:
        legal = to == S::Offering || to == S::Open || to == S::Assigned || to == S::Cancelled;
        break;
    case S::Assigned:
        legal = to == S::Open || to == S::Completed || to == S::Cancelled;
        break;
    case S::Completed:
    case S::Cancelled:
        legal = false;
        break;
    }
    if (!legal) {
        return Error{QStringLiteral("illegal_transition"),
                     QCoreApplication::translate("relais::Mission", "Mission %1 cannot go from “%2” to “%3”.")
                         .arg(m_id)
                         .arg(stateLabel(m_state), stateLabel(to))};
    }
    if (to != m_state) {
        // Going out again (offered or assigned) after the mission came back to OPEN — offers
        // exhausted or the helper withdrawn — is one re-dispatch, whichever way it goes out.
        if (m_state == S::Open && (to == S::Offering || to == S::Assigned) && m_timeline.size() > 1)
            ++m_redispatches;
        m_timeline.append({static_cast<int>(to), at, by, why});
    }
    m_state = to;
    return {};
}

Offer *Mission::pendingOffer(const QString &helperId)
{
    for (Offer &o : m_offers) {
        if (o.helperId == helperId && o.answer == Offer::Answer::Pending)
            return &o;
    }
    return nullptr;
}

QStringList Mission::withdrawPending(const QDateTime &at)
{
    QStringList withdrawn;
    for (Offer &o : m_offers) {
        if (o.answer == Offer::Answer::Pending) {
            o.answer = Offer::Answer::Withdrawn;
            o.answeredAt = at;
            withdrawn.append(o.helperId);
        }
    }
    return withdrawn;
}

Status Mission::offerTo(const QString &helperId, double distanceM, const QDateTime &at, const Actor &by)
{
    if (pendingOffer(helperId)) {
        return Error{QStringLiteral("already_offered"),
                     QCoreApplication::translate("relais::Mission", "Helper %1 already has this offer.").arg(helperId)};
    }
    Status s = moveTo(S::Offering, at, by, helperId);
    if (!s)
        return s;
    m_offers.append({helperId, distanceM, at, Offer::Answer::Pending, {}});
    return {};
}

Result<QStringList> Mission::accept(const QString &helperId, const QDateTime &at)
{
    if (m_state == S::Assigned || m_state == S::Completed) {
        return Error{QStringLiteral("already_taken"),
                     QCoreApplication::translate("relais::Mission", "Mission %1 has already been taken by %2.")
                         .arg(m_id)
                         .arg(m_assignee)};
    }
    Offer *offer = pendingOffer(helperId);
    if (!offer) {
        return Error{QStringLiteral("no_pending_offer"),
                     QCoreApplication::translate("relais::Mission", "Helper %1 has no pending offer for mission %2.")
                         .arg(helperId)
                         .arg(m_id)};
    }
    Status s = moveTo(S::Assigned, at, Actor::helper(helperId), helperId);
    if (!s)
        return s.error();
    offer->answer = Offer::Answer::Accepted;
    offer->answeredAt = at;
    m_assignee = helperId;
    return withdrawPending(at);
}

Status Mission::decline(const QString &helperId, const QDateTime &at, Offer::Answer why)
{
    Offer *offer = pendingOffer(helperId);
    if (!offer) {
        return Error{QStringLiteral("no_pending_offer"),
                     QCoreApplication::translate("relais::Mission", "Helper %1 has no pending offer for mission %2.")
                         .arg(helperId)
                         .arg(m_id)};
    }
    if (why == Offer::Answer::Pending || why == Offer::Answer::Accepted)
        why = Offer::Answer::Declined;
    offer->answer = why;
    offer->answeredAt = at;
    if (m_state == S::Offering && pendingOfferHelpers().isEmpty())
        return moveTo(S::Open, at, Actor::helper(helperId), Offer::answerKey(why));
    return {};
}

Result<QStringList> Mission::assign(const QString &helperId, const QDateTime &at, const Actor &by)
{
    if (helperId.isEmpty()) {
        return Error{QStringLiteral("missing_helper"),
                     QCoreApplication::translate("relais::Mission", "Choose a helper to assign.")};
    }
    Status s = moveTo(S::Assigned, at, by, helperId);
    if (!s)
        return s.error();
    if (Offer *offer = pendingOffer(helperId)) {
        offer->answer = Offer::Answer::Accepted;
        offer->answeredAt = at;
    }
    m_assignee = helperId;
    return withdrawPending(at);
}

Status Mission::unassign(const QDateTime &at, const Actor &by, const QString &reason)
{
    if (m_state != S::Assigned) {
        return Error{QStringLiteral("not_assigned"),
                     QCoreApplication::translate("relais::Mission", "Mission %1 is not assigned.").arg(m_id)};
    }
    Status s = moveTo(S::Open, at, by, reason);
    if (s)
        m_assignee.clear(); // counted as a re-dispatch when it goes out again
    return s;
}

Status Mission::complete(Outcome outcome, const QDateTime &at, const Actor &by)
{
    if (outcome == Outcome::Cancelled) {
        return Error{QStringLiteral("bad_outcome"),
                     QCoreApplication::translate("relais::Mission", "Use cancel, not complete, to cancel a mission.")};
    }
    Status s = moveTo(S::Completed, at, by, Outcomes::key(outcome));
    if (s) {
        m_outcome = outcome;
        m_payout = m_fee;
    }
    return s;
}

Result<QStringList> Mission::cancel(const QString &reason, const QDateTime &at, const Actor &by)
{
    const QString assignee = m_assignee;
    Status s = moveTo(S::Cancelled, at, by, reason);
    if (!s)
        return s.error();
    m_outcome = Outcome::Cancelled;
    QStringList toTell = withdrawPending(at);
    if (!assignee.isEmpty())
        toTell.prepend(assignee);
    return toTell;
}

void Mission::restore(State state, const QString &assignee, QList<Offer> offers, std::optional<Outcome> outcome,
                      const Money &payout, int redispatches, QList<Transition> timeline)
{
    m_state = state;
    m_assignee = assignee;
    m_offers = std::move(offers);
    m_outcome = outcome;
    m_payout = payout;
    m_redispatches = redispatches;
    m_timeline = std::move(timeline);
}

} // namespace relais
