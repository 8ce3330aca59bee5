#pragma once

#include "alarmkind.h"
#include "missionkind.h"
#include "money.h"
#include "result.h"
#include "transition.h"

#include <QList>

#include <optional>

namespace relais {

// An offer of a mission to one helper, and its answer.
struct Offer
{
    enum class Answer { Pending, Accepted, Declined, TimedOut, Withdrawn };

    QString helperId;
    double distanceM = 0;
    QDateTime sentAt;
    Answer answer = Answer::Pending;
    QDateTime answeredAt;

    static QString answerKey(Answer a);
    static std::optional<Answer> answerFromKey(const QString &key);

    friend bool operator==(const Offer &, const Offer &) = default;
};

// A job for a helper: OPEN → OFFERING → ASSIGNED → COMPLETED(outcome, payout), or CANCELLED.
// The first helper to accept wins; a second acceptance is refused.
class Mission final
{
public:
    enum class State { Open, Offering, Assigned, Completed, Cancelled };

    Mission() = default;
    Mission(qint64 id, MissionKind kind, qint64 alarmId, const Money &fee, const QDateTime &at, const Actor &by);

    static QString stateKey(State state);
    static std::optional<State> stateFromKey(const QString &key);
    static QString stateLabel(State state);

    qint64 id() const { return m_id; }
    MissionKind kind() const { return m_kind; }
    qint64 alarmId() const { return m_alarmId; }
    const Money &fee() const { return m_fee; }
    State state() const { return m_state; }
    bool isOpen() const { return m_state != State::Completed && m_state != State::Cancelled; }
    const QString &assignee() const { return m_assignee; }
    const QList<Offer> &offers() const { return m_offers; }
    std::optional<Outcome> outcome() const { return m_outcome; }
    const Money &payout() const { return m_payout; }
    const QList<Transition> &timeline() const { return m_timeline; }
    // Times the mission went out again (offered or assigned) after coming back to OPEN.
    int redispatchCount() const { return m_redispatches; }
    QStringList pendingOfferHelpers() const;

    QString note;

    Status offerTo(const QString &helperId, double distanceM, const QDateTime &at, const Actor &by);
    // Accept: wins only if nobody won before. Returns the helpers whose pending offers
    // are withdrawn as a consequence (they must be told).
    Result<QStringList> accept(const QString &helperId, const QDateTime &at);
    Status decline(const QString &helperId, const QDateTime &at, Offer::Answer why = Offer::Answer::Declined);
    Result<QStringList> assign(const QString &helperId, const QDateTime &at, const Actor &by);
    Status unassign(const QDateTime &at, const Actor &by, const QString &reason);
    // Completed with an outcome: the payout is the fee recorded at creation.
    Status complete(Outcome outcome, const QDateTime &at, const Actor &by);
    Result<QStringList> cancel(const QString &reason, const QDateTime &at, const Actor &by);

    void restore(State state, const QString &assignee, QList<Offer> offers, std::optional<Outcome> outcome,
                 const Money &payout, int redispatches, QList<Transition> timeline);

    friend bool operator==(const Mission &, const Mission &) = default;

private:
    Status moveTo(State to, const QDateTime &at, const Actor &by, const QString &note = {});
    Offer *pendingOffer(const QString &helperId);
    QStringList withdrawPending(const QDateTime &at);

    qint64 m_id = 0;
    MissionKind m_kind = MissionKind::Verification;
    qint64 m_alarmId = 0;
    Money m_fee;
    State m_state = State::Open;
    QString m_assignee;
    QList<Offer> m_offers;
    std::optional<Outcome> m_outcome;
    Money m_payout;
    int m_redispatches = 0;
    QList<Transition> m_timeline;
};

} // namespace relais
