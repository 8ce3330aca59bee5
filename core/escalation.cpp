#include "escalation.h"

#include "dispatchstate.h"

#include <algorithm>

namespace relais {

Escalation::Timers Escalation::defaults(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return {60, 5 * 60, 15 * 60};
    case Severity::Major:
        return {2 * 60, 10 * 60, 30 * 60};
    case Severity::Minor:
        return {10 * 60, 30 * 60, 60 * 60};
    case Severity::Warning:
        break;
    }
    return {30 * 60, 2 * 3600, 4 * 3600};
}

bool Escalation::isValid(const Timers &t)
{
    return t.notAcknowledgedS > 0 && t.notAcknowledgedS <= t.notAcceptedS && t.notAcceptedS <= t.notOnSceneS;
}

std::optional<Escalation::Timers> Escalation::parse(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 3)
        return std::nullopt;
    int values[3] = {};
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        values[i] = parts.at(i).trimmed().toInt(&ok);
        if (!ok)
            return std::nullopt;
    }
    const Timers t{values[0], values[1], values[2]};
    return isValid(t) ? std::optional<Timers>(t) : std::nullopt;
}

QList<JournalEntry> Escalation::due(const DispatchState &state, const QDateTime &now, const TimersFor &timersFor)
{
    using S = Alarm::State;
    QList<JournalEntry> out;
    QList<qint64> ids = state.alarms().keys();
    std::sort(ids.begin(), ids.end());
    for (qint64 id : std::as_const(ids)) {
        const Alarm &a = *state.alarm(id);
        if (!a.isOpen() || a.isMaintenance() || a.escalationStage() >= 3)
            continue;
        const Timers t = timersFor(a.severity());
        const qint64 age = a.raisedAt().secsTo(now);
        const S s = a.state();
        // Whether each stage's condition still holds, and its time has come.
        const bool stage[4] = {
            false,
            s == S::New && age >= t.notAcknowledgedS,
            (s == S::New || s == S::Acknowledged || s == S::Dispatching) && age >= t.notAcceptedS,
            (s == S::New || s == S::Acknowledged || s == S::Dispatching || s == S::Assigned || s == S::EnRoute)
                && age >= t.notOnSceneS,
        };
        // Each stage due and not recorded yet, in order (a stage whose condition no longer
        // holds, as "not acknowledged" for an acknowledged alarm, is not recorded).
        for (int n = a.escalationStage() + 1; n <= 3; ++n) {
            if (!stage[n])
                continue;
            JournalEntry e =
                JournalEntry::make(now, QStringLiteral("dispatch"), EntryKind::AlarmEscalated, Actor::system(),
                                   QJsonObject{{QStringLiteral("alarm"), id}, {QStringLiteral("stage"), n}});
            out.append(e);
        }
    }
    return out;
}

} // namespace relais
