#include "supervisor.h"

#include "dispatchstate.h"

#include <algorithm>

namespace relais {

QList<JournalEntry> Supervisor::silentDevices(const DispatchState &state, const QDateTime &now)
{
    QList<JournalEntry> out;
    for (const Device &d : state.devices()) {
        if (!d.lastSeen.isValid() || d.reportIntervalS <= 0)
            continue;
        const qint64 silentMs = d.lastSeen.msecsTo(now);
        if (silentMs < static_cast<qint64>(d.reportIntervalS * kSilenceFactor * 1000))
            continue;
        if (state.openAlarmFor(d.id, AlarmKind::DeviceSilent))
            continue;
        JournalEntry e =
            JournalEntry::make(now, QStringLiteral("system"), EntryKind::DeviceAlarm, Actor::system(),
                               QJsonObject{{QStringLiteral("device"), d.id},
                                           {QStringLiteral("alarm"), AlarmKinds::key(AlarmKind::DeviceSilent)},
                                           {QStringLiteral("severity"), Severities::key(Severity::Minor)},
                                           {QStringLiteral("details"),
                                            QStringLiteral("last_seen=%1").arg(d.lastSeen.toString(Qt::ISODate))}});
        out.append(e);
    }
    // Stable order (QHash iteration is not): the journal reads the same on every run.
    std::sort(out.begin(), out.end(), [](const JournalEntry &a, const JournalEntry &b) {
        return a.payload.value(QLatin1String("device")).toString()
               < b.payload.value(QLatin1String("device")).toString();
    });
    return out;
}

} // namespace relais
