#pragma once

#include "alarmkind.h"
#include "result.h"
#include "transition.h"

#include <QGeoCoordinate>
#include <QList>

#include <optional>

namespace relais {

// An alarm and its lifecycle (see DESIGN.md):
// NEW → ACKNOWLEDGED → DISPATCHING → ASSIGNED → EN_ROUTE → ON_SCENE → RESOLVED(outcome) → CLOSED,
// or CANCELLED from any open state. Illegal transitions are refused and change nothing.
class Alarm final
{
public:
    enum class State { New, Acknowledged, Dispatching, Assigned, EnRoute, OnScene, Resolved, Closed, Cancelled };
    enum class Escalation { NotAcknowledged = 1, NotAccepted = 2, NotOnScene = 3 };

    Alarm() = default;
    Alarm(qint64 id, QString deviceId, AlarmKind kind, Severity severity, const QDateTime &at, const Actor &by);

    static QString stateKey(State state);
    static std::optional<State> stateFromKey(const QString &key);
    static QString stateLabel(State state);
    static QString escalationKey(Escalation stage);
    static bool canTransition(State from, State to);

    qint64 id() const { return m_id; }
    const QString &deviceId() const { return m_deviceId; }
    AlarmKind kind() const { return m_kind; }
    Severity severity() const { return m_severity; }
    State state() const { return m_state; }
    bool isOpen() const;
    bool isMaintenance() const { return AlarmKinds::isMaintenance(m_kind); }

    int count() const { return m_count; }
    const QDateTime &raisedAt() const { return m_raisedAt; }
    const QDateTime &lastSeen() const { return m_lastSeen; }
    const QList<Transition> &timeline() const { return m_timeline; }
    QDateTime enteredAt(State state) const; // first time the state was entered; null if never
    std::optional<Outcome> outcome() const { return m_outcome; }
    int escalationStage() const { return m_escalationStage; } // highest stage reached, 0 = none

    QGeoCoordinate position;
    QString address;
    QString details; // free text from the device or the caller
    QString beneficiaryRef;
    bool unregisteredDevice = false;
    qint64 missionId = 0; // current mission, 0 = none
    QString helperId;     // assigned helper, empty = none
    QString cancelReason;
    QStringList notes;
    // When its personal details were purged (core/privacypurge.h); null: kept.
    QDateTime personalDetailsPurgedAt;

    // A repeat of the same condition while open: count + 1, last-seen updated.
    Status repeat(const QDateTime &at);
    Status acknowledge(const QDateTime &at, const Actor &by);
    Status startDispatching(const QDateTime &at, const Actor &by);
    Status assign(const QString &helperId, const QDateTime &at, const Actor &by);
    // Back to ACKNOWLEDGED: offers exhausted or the helper withdrawn.
    Status unassign(const QDateTime &at, const Actor &by, const QString &reason);
    Status enRoute(const QDateTime &at, const Actor &by);
    Status onScene(const QDateTime &at, const Actor &by);
    Status resolve(Outcome outcome, const QDateTime &at, const Actor &by);
    Status close(const QDateTime &at, const Actor &by);
    Status cancel(const QString &reason, const QDateTime &at, const Actor &by);
    // Records an escalation stage (recorded in the timeline; the state does not change).
    Status escalate(Escalation stage, const QDateTime &at);

    // For loading from the store: restores fields that only transitions set.
    void restore(State state, int count, const QDateTime &lastSeen, std::optional<Outcome> outcome, int escalationStage,
                 QList<Transition> timeline);

    friend bool operator==(const Alarm &, const Alarm &) = default;

private:
    Status moveTo(State to, const QDateTime &at, const Actor &by, const QString &note = {});

    qint64 m_id = 0;
    QString m_deviceId;
    AlarmKind m_kind = AlarmKind::Other;
    Severity m_severity = Severity::Major;
    State m_state = State::New;
    int m_count = 1;
    QDateTime m_raisedAt;
    QDateTime m_lastSeen;
    std::optional<Outcome> m_outcome;
    int m_escalationStage = 0;
    QList<Transition> m_timeline;
};

} // namespace relais
