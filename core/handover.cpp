#include "handover.h"

#include "dispatchstate.h"

#include <QMap>

#include <algorithm>

namespace relais {

namespace {

const QString kSeparator = QStringLiteral(" · ");

QString helperName(const DispatchState &state, const QString &helperId)
{
    const Helper *h = state.helper(helperId);
    return h && !h->name.trimmed().isEmpty() ? h->name.trimmed() : helperId;
}

// Oldest first, then by id: the order people waited in.
bool olderFirst(const Alarm *a, const Alarm *b)
{
    return a->raisedAt() != b->raisedAt() ? a->raisedAt() < b->raisedAt() : a->id() < b->id();
}

} // namespace

QString Handover::age(qint64 seconds)
{
    const qint64 s = seconds < 0 ? 0 : seconds;
    if (s < 60)
        return tr("%1 s", "age: seconds").arg(s);
    if (s < 3600)
        return tr("%1 min", "age: minutes").arg(s / 60);
    if (s < 86400)
        return tr("%1 h %2", "age: hours, minutes (2 digits)")
            .arg(s / 3600)
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h", "age: days, hours").arg(s / 86400).arg((s % 86400) / 3600);
}

QString Handover::place(const DispatchState &state, const Alarm &alarm)
{
    if (!alarm.address.trimmed().isEmpty())
        return alarm.address.trimmed();
    const Device *device = alarm.deviceId().isEmpty() ? nullptr : state.device(alarm.deviceId());
    if (device && !device->address.trimmed().isEmpty())
        return device->address.trimmed();
    const QGeoCoordinate where = alarm.position.isValid() ? alarm.position
                                 : device                 ? device->position
                                                          : QGeoCoordinate();
    if (where.isValid())
        return QStringLiteral("%1, %2").arg(where.latitude(), 0, 'f', 5).arg(where.longitude(), 0, 'f', 5);
    return tr("place unknown");
}

QString Handover::alarmLine(const DispatchState &state, const Alarm &alarm, const QDateTime &now, bool escalated)
{
    QStringList parts{tr("Alarm %1").arg(alarm.id()), AlarmKinds::label(alarm.kind()), place(state, alarm),
                      age(alarm.raisedAt().secsTo(now))};
    if (!alarm.helperId.isEmpty())
        parts.append(helperName(state, alarm.helperId));
    if (escalated) {
        // The escalated ones are listed apart from their state: it goes on their line.
        parts.append(Alarm::stateLabel(alarm.state()));
        switch (alarm.escalationStage()) {
        case 1:
            parts.append(tr("not acknowledged in time"));
            break;
        case 2:
            parts.append(tr("no helper accepted in time"));
            break;
        default:
            parts.append(tr("nobody on scene in time"));
            break;
        }
    }
    return QStringLiteral("- ") + parts.join(kSeparator);
}

QString Handover::summary(const DispatchState &state, const QDateTime &now)
{
    using S = Alarm::State;
    QList<const Alarm *> escalated;
    QList<const Alarm *> toClose;
    QMap<S, QList<const Alarm *>> byState;
    int open = 0;
    for (const Alarm &a : state.alarms()) {
        if (a.isOpen()) {
            ++open;
            if (a.escalationStage() > 0)
                escalated.append(&a);
            else
                byState[a.state()].append(&a);
        } else if (a.state() == S::Resolved) {
            toClose.append(&a);
        }
    }
    QList<const Mission *> offering;
    for (const Mission &m : state.missions()) {
        if (m.isOpen() && !m.pendingOfferHelpers().isEmpty())
            offering.append(&m);
    }
    if (open == 0 && toClose.isEmpty() && offering.isEmpty())
        return tr("Nothing open.");

    std::sort(escalated.begin(), escalated.end(), [](const Alarm *a, const Alarm *b) {
        const int ra = Severities::rank(a->severity()), rb = Severities::rank(b->severity());
        return ra != rb ? ra < rb : olderFirst(a, b);
    });
    std::sort(toClose.begin(), toClose.end(), olderFirst);
    std::sort(offering.begin(), offering.end(), [](const Mission *a, const Mission *b) { return a->id() < b->id(); });

    QStringList counts;
    counts.append(escalated.isEmpty() ? tr("Open alarms: %1.").arg(open)
                                      : tr("Open alarms: %1 (escalated: %2).").arg(open).arg(escalated.size()));
    if (!toClose.isEmpty())
        counts.append(tr("Resolved alarms to close: %1.").arg(toClose.size()));
    if (!offering.isEmpty())
        counts.append(tr("Missions with offers pending: %1.").arg(offering.size()));
    QStringList lines{counts.join(QLatin1Char(' '))};

    auto section = [&lines](const QString &title) {
        lines.append(QString());
        lines.append(title);
    };
    if (!escalated.isEmpty()) {
        section(tr("Escalated:"));
        for (const Alarm *a : std::as_const(escalated))
            lines.append(alarmLine(state, *a, now, true));
    }
    for (S s : {S::New, S::Acknowledged, S::Dispatching, S::Assigned, S::EnRoute, S::OnScene}) {
        QList<const Alarm *> alarms = byState.value(s);
        if (alarms.isEmpty())
            continue;
        std::sort(alarms.begin(), alarms.end(), olderFirst);
        section(tr("%1:", "a section of the handover: the alarms in this state").arg(Alarm::stateLabel(s)));
        for (const Alarm *a : std::as_const(alarms))
            lines.append(alarmLine(state, *a, now, false));
    }
    if (!toClose.isEmpty()) {
        section(tr("Resolved, to close:"));
        for (const Alarm *a : std::as_const(toClose))
            lines.append(alarmLine(state, *a, now, false));
    }
    if (!offering.isEmpty()) {
        section(tr("Missions with offers pending:"));
        for (const Mission *m : std::as_const(offering)) {
            QStringList names;
            QDateTime oldest;
            for (const Offer &o : m->offers()) {
                if (o.answer != Offer::Answer::Pending)
                    continue;
                names.append(helperName(state, o.helperId));
                if (!oldest.isValid() || o.sentAt < oldest)
                    oldest = o.sentAt;
            }
            QStringList parts{tr("Mission %1").arg(m->id()), MissionKinds::label(m->kind())};
            if (m->alarmId())
                parts.append(tr("alarm %1").arg(m->alarmId()));
            parts.append(tr("offered to %1").arg(names.join(QLatin1String(", "))));
            parts.append(age(oldest.secsTo(now)));
            lines.append(QStringLiteral("- ") + parts.join(kSeparator));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace relais
