#include "alarm.h"

#include <QCoreApplication>

#include <array>

namespace relais {

namespace {

struct StateRow
{
    Alarm::State state;
    const char *key;
    const char *label;
};

// clang-format off
constexpr std::array kStates{
    StateRow{Alarm::State::New,          "new",          QT_TRANSLATE_NOOP("relais::Alarm", "New")},
    StateRow{Alarm::State::Acknowledged, "acknowledged", QT_TRANSLATE_NOOP("relais::Alarm", "Acknowledged")},
    StateRow{Alarm::State::Dispatching,  "dispatching",  QT_TRANSLATE_NOOP("relais::Alarm", "Dispatching")},
    StateRow{Alarm::State::Assigned,     "assigned",     QT_TRANSLATE_NOOP("relais::Alarm", "Assigned")},
    StateRow{Alarm::State::EnRoute,      "en_route",     QT_TRANSLATE_NOOP("relais::Alarm", "En route")},
    StateRow{Alarm::State::OnScene,      "on_scene",     QT_TRANSLATE_NOOP("relais::Alarm", "On scene")},
    StateRow{Alarm::State::Resolved,     "resolved",     QT_TRANSLATE_NOOP("relais::Alarm", "Resolved")},
    StateRow{Alarm::State::Closed,       "closed",       QT_TRANSLATE_NOOP("relais::Alarm", "Closed")},
    StateRow{Alarm::State::Cancelled,    "cancelled",    QT_TRANSLATE_NOOP("relais::Alarm", "Cancelled")},
};
// clang-format on

const StateRow &rowFor(Alarm::State state)
{
    for (const auto &row : kStates) {
        if (row.state == state)
            return row;
    }
    return kStates.front();
}

using S = Alarm::State;

} // namespace

Alarm::Alarm(qint64 id, QString deviceId, AlarmKind kind, Severity severity, const QDateTime &at, const Actor &by)
    : m_id(id), m_deviceId(std::move(deviceId)), m_kind(kind), m_severity(severity), m_raisedAt(at), m_lastSeen(at)
{
    m_timeline.append({static_cast<int>(State::New), at, by, {}});
}

QString Alarm::stateKey(State state)
{
    return QLatin1StringView(rowFor(state).key);
}

std::optional<Alarm::State> Alarm::stateFromKey(const QString &key)
{
    for (const auto &row : kStates) {
        if (key == QLatin1StringView(row.key))
            return row.state;
    }
    return std::nullopt;
}

QString Alarm::stateLabel(State state)
{
    return QCoreApplication::translate("relais::Alarm", rowFor(state).label);
}

QString Alarm::escalationKey(Escalation stage)
{
    switch (stage) {
    case Escalation::NotAcknowledged:
        return QStringLiteral("not_acknowledged");
    case Escalation::NotAccepted:
        return QStringLiteral("not_accepted");
    case Escalation::NotOnScene:
        break;
    }
    return QStringLiteral("not_on_scene");
}

bool Alarm::canTransition(State from, State to)
{
    if (to == S::Cancelled)
        return from != S::Resolved && from != S::Closed && from != S::Cancelled;
    switch (from) {
    case S::New:
        return to == S::Acknowledged;
    case S::Acknowledged:
        // Offer, assign directly, or resolve after a phone call (no one sent).
        return to == S::Dispatching || to == S::Assigned || to == S::Resolved;
    case S::Dispatching:
        return to == S::Assigned || to == S::Acknowledged;
    case S::Assigned:
        return to == S::EnRoute || to == S::OnScene || to == S::Acknowledged || to == S::Dispatching;
    case S::EnRoute:
        return to == S::OnScene || to == S::Acknowledged || to == S::Dispatching;
    case S::OnScene:
        return to == S::Resolved;
    case S::Resolved:
        return to == S::Closed;
    case S::Closed:
    case S::Cancelled:
        return false;
    }
    return false;
}

bool Alarm::isOpen() const
{
    return m_state != S::Resolved && m_state != S::Closed && m_state != S::Cancelled;
}

QDateTime Alarm::enteredAt(State state) const
{
    for (const Transition &t : m_timeline) {
        if (t.state == static_cast<int>(state) && !t.note.startsWith(QLatin1String("escalation:")))
            return t.at;
    }
    return {};
}

Status Alarm::moveTo(State to, const QDateTime &at, const Actor &by, const QString &note)
{
    if (!canTransition(m_state, to)) {
        return Error{QStringLiteral("illegal_transition"),
                     QCoreApplication::translate("relais::Alarm", "Alarm %1 cannot go from “%2” to “%3”.")
                         .arg(m_id)
                         .arg(stateLabel(m_state), stateLabel(to))};
    }
    m_state = to;
    m_timeline.append({static_cast<int>(to), at, by, note});
    return {};
}

Status Alarm::repeat(const QDateTime &at)
{
    if (!isOpen()) {
        return Error{QStringLiteral("alarm_not_open"),
                     QCoreApplication::translate("relais::Alarm", "Alarm %1 is no longer open.").arg(m_id)};
    }
    ++m_count;
    if (at > m_lastSeen)
        m_lastSeen = at;
    return {};
}

Status Alarm::acknowledge(const QDateTime &at, const Actor &by)
{
    // Only a NEW alarm is acknowledged. The way back to ACKNOWLEDGED is unassign(): a second
    // acknowledgement (double click, another desk) must not knock an assigned alarm back.
    if (m_state != S::New && isOpen()) {
        return Error{QStringLiteral("already_acknowledged"),
                     QCoreApplication::translate("relais::Alarm", "Alarm %1 has already been acknowledged.").arg(m_id)};
    }
    return moveTo(S::Acknowledged, at, by);
}

Status Alarm::startDispatching(const QDateTime &at, const Actor &by)
{
    Status s = moveTo(S::Dispatching, at, by);
    if (s)
        helperId.clear(); // from ASSIGNED / EN_ROUTE: the helper was withdrawn, offers go out again
    return s;
}

Status Alarm::assign(const QString &helper, const QDateTime &at, const Actor &by)
{
    if (helper.isEmpty()) {
        return Error{QStringLiteral("missing_helper"),
                     QCoreApplication::translate("relais::Alarm", "Choose a helper to assign.")};
    }
    Status s = moveTo(S::Assigned, at, by, helper);
    if (s)
        helperId = helper;
    return s;
}

Status Alarm::unassign(const QDateTime &at, const Actor &by, const QString &reason)
{
    if (m_state == S::Acknowledged) // nothing to undo: idempotent for "offers exhausted" twice
        return {};
    if (m_state == S::New) { // nothing was dispatched: unassigning must not acknowledge the alarm
        return Error{QStringLiteral("not_dispatched"),
                     QCoreApplication::translate("relais::Alarm", "Alarm %1 has not been dispatched.").arg(m_id)};
    }
    Status s = moveTo(S::Acknowledged, at, by, reason);
    if (s)
        helperId.clear();
    return s;
}

Status Alarm::enRoute(const QDateTime &at, const Actor &by)
{
    return moveTo(S::EnRoute, at, by);
}

Status Alarm::onScene(const QDateTime &at, const Actor &by)
{
    return moveTo(S::OnScene, at, by);
}

Status Alarm::resolve(Outcome outcome, const QDateTime &at, const Actor &by)
{
    if (outcome == Outcome::Cancelled) {
        return Error{QStringLiteral("bad_outcome"),
                     QCoreApplication::translate("relais::Alarm", "Use cancel, not resolve, to cancel an alarm.")};
    }
    Status s = moveTo(S::Resolved, at, by, Outcomes::key(outcome));
    if (s)
        m_outcome = outcome;
    return s;
}

Status Alarm::close(const QDateTime &at, const Actor &by)
{
    return moveTo(S::Closed, at, by);
}

Status Alarm::cancel(const QString &reason, const QDateTime &at, const Actor &by)
{
    Status s = moveTo(S::Cancelled, at, by, reason);
    if (s) {
        m_outcome = Outcome::Cancelled;
        cancelReason = reason;
    }
    return s;
}

Status Alarm::escalate(Escalation stage, const QDateTime &at)
{
    const int n = static_cast<int>(stage);
    if (!isOpen()) {
        return Error{QStringLiteral("alarm_not_open"),
                     QCoreApplication::translate("relais::Alarm", "Alarm %1 is no longer open.").arg(m_id)};
    }
    if (n <= m_escalationStage) {
        return Error{QStringLiteral("already_escalated"),
                     QCoreApplication::translate("relais::Alarm", "Alarm %1 has already reached this escalation stage.")
                         .arg(m_id)};
    }
    m_escalationStage = n;
    m_timeline.append(
        {static_cast<int>(m_state), at, Actor::system(), QStringLiteral("escalation:") + escalationKey(stage)});
    return {};
}

void Alarm::restore(State state, int count, const QDateTime &lastSeen, std::optional<Outcome> outcome,
                    int escalationStage, QList<Transition> timeline)
{
    m_state = state;
    m_count = count;
    m_lastSeen = lastSeen;
    m_outcome = outcome;
    m_escalationStage = escalationStage;
    m_timeline = std::move(timeline);
}

} // namespace relais
