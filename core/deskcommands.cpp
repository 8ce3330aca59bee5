#include "deskcommands.h"

#include "shift.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace relais::DeskCommands {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("relais::DeskCommands", text);
}

QList<JournalEntry> one(QLatin1StringView kind, const Actor &by, const QDateTime &at, const QJsonObject &payload)
{
    return {JournalEntry::make(at.toUTC(), QStringLiteral("ui"), kind, by, payload)};
}

} // namespace

Result<QList<JournalEntry>> createManualAlarm(const ManualAlarm &alarm, const Actor &by, const QDateTime &at)
{
    // Without an address or a position the reducer refuses it, with its reason.
    const QString address = alarm.address.trimmed();
    QJsonObject p{
        {QStringLiteral("kind"), AlarmKinds::key(alarm.kind)},
        {QStringLiteral("severity"), Severities::key(alarm.severity)},
    };
    if (alarm.position.isValid()) {
        p.insert(QStringLiteral("lat"), alarm.position.latitude());
        p.insert(QStringLiteral("lon"), alarm.position.longitude());
    }
    if (!address.isEmpty())
        p.insert(QStringLiteral("address"), address);
    if (const QString caller = alarm.caller.trimmed(); !caller.isEmpty())
        p.insert(QStringLiteral("caller"), caller);
    if (const QString note = alarm.note.trimmed(); !note.isEmpty())
        p.insert(QStringLiteral("note"), note);
    return one(EntryKind::AlarmManual, by, at, p);
}

Result<QList<JournalEntry>> startShift(const QString &operatorName, const QDateTime &at)
{
    const QString name = operatorName.trimmed();
    if (name.isEmpty())
        return Error{QStringLiteral("no_operator"), tr("A shift needs the operator's name.")};
    return one(EntryKind::ShiftStarted, Actor::operatorNamed(name), at, {{QStringLiteral("operator"), name}});
}

Result<QList<JournalEntry>> endShift(const Shift &shift, const QString &handover, const QDateTime &at)
{
    if (shift.id == 0)
        return Error{QStringLiteral("no_shift"), tr("No shift is running: there is nothing to end.")};
    return one(EntryKind::ShiftEnded, Actor::operatorNamed(shift.op.name), at,
               {{QStringLiteral("shift"), shift.id}, {QStringLiteral("handover"), handover}});
}

Result<QList<JournalEntry>> setFees(const QList<FeeChange> &fees, const Actor &by, const QDateTime &at)
{
    QList<JournalEntry> out;
    for (const FeeChange &f : fees) {
        out += one(EntryKind::FeeSet, by, at,
                   {{QStringLiteral("kind"), MissionKinds::key(f.kind)},
                    {QStringLiteral("fee_cents"), f.amount.cents()},
                    {QStringLiteral("currency"), f.amount.currency()}});
    }
    return out;
}

} // namespace relais::DeskCommands
