#include "eventlog.h"

#include "displayformat.h"
#include "livestate.h"
#include "logging/log.h"
#include "logging/loghub.h"
#include "logging/logrecord.h"
#include "tablesetup.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace relais {

namespace {

QString text(const JournalEntry &e, const char *key)
{
    return e.payload.value(QLatin1StringView(key)).toString();
}

qint64 number(const JournalEntry &e, const char *key)
{
    return e.payload.value(QLatin1StringView(key)).toInteger();
}

QString alarmKindLabel(const QString &key)
{
    const auto kind = AlarmKinds::fromKey(key);
    return kind ? AlarmKinds::label(*kind) : key;
}

QString outcomeLabel(const QString &key)
{
    const auto outcome = Outcomes::fromKey(key);
    return outcome ? Outcomes::label(*outcome) : key;
}

} // namespace

EventLog::EventLog(const LiveState *state, QWidget *parent) : QTreeWidget(parent), m_state(state)
{
    TableSetup::setupEventList(this);
    connect(m_state, &LiveState::applied, this, &EventLog::append);
    // Queued: records come from any thread, and from inside Qt's own painting and layout.
    if (LogHub *hub = LogHub::instance())
        connect(hub, &LogHub::recorded, this, &EventLog::appendRecord, Qt::QueuedConnection);
}

QString EventLog::source(const QString &category)
{
    // The categories of core/logging/log.h, by their names (a record carries the name only).
    const auto is = [&category](const QLoggingCategory &c) {
        return category == QLatin1StringView(c.categoryName());
    };
    if (is(lcStore()))
        return tr("Journal");
    if (is(lcDevices()))
        return tr("Gateways");
    if (is(lcHelpers()))
        return tr("Helper channels");
    if (is(lcPrivacy()))
        return tr("Privacy purge");
    if (is(lcKeychain()))
        return tr("Keychain");
    if (is(lcMap()))
        return tr("Map");
    if (is(lcSound()))
        return tr("Sounds");
    // Start-up and the rest: Relais itself, as the system's journal entries say it.
    return QCoreApplication::translate("relais::DisplayFormat", "Relais");
}

QString EventLog::helperName(const QString &id) const
{
    const Helper *h = m_state->state().helper(id);
    return h ? h->name : id;
}

QString EventLog::actorName(const Actor &actor) const
{
    return DisplayFormat::actor(actor, m_state->state());
}

QString EventLog::describe(const JournalEntry &e) const
{
    const QString &k = e.kind;
    // Alarms.
    if (k == EntryKind::DeviceAlarm)
        return tr("Alarm from device %1: %2").arg(text(e, "device"), alarmKindLabel(text(e, "alarm")));
    if (k == EntryKind::DeviceRestore)
        return tr("Device %1: %2 ended").arg(text(e, "device"), alarmKindLabel(text(e, "alarm")));
    if (k == EntryKind::DeviceRejected)
        return tr("Message refused: %1").arg(text(e, "reason"));
    if (k == EntryKind::AlarmManual)
        return tr("Alarm by phone: %1, %2").arg(alarmKindLabel(text(e, "kind")), text(e, "address"));
    if (k == EntryKind::AlarmAcknowledged)
        return tr("Alarm %1 acknowledged").arg(number(e, "alarm"));
    if (k == EntryKind::AlarmEscalated)
        return tr("Alarm %1 escalated (stage %2)").arg(number(e, "alarm")).arg(number(e, "stage"));
    if (k == EntryKind::AlarmResolved)
        return tr("Alarm %1 resolved: %2").arg(number(e, "alarm")).arg(outcomeLabel(text(e, "outcome")));
    if (k == EntryKind::AlarmClosed)
        return tr("Alarm %1 closed").arg(number(e, "alarm"));
    if (k == EntryKind::AlarmCancelled)
        return tr("Alarm %1 cancelled: %2").arg(number(e, "alarm")).arg(text(e, "reason"));
    if (k == EntryKind::AlarmNote)
        return tr("Note on alarm %1: %2").arg(number(e, "alarm")).arg(text(e, "text"));
    // Missions: the mission's id, or its alarm's for entries made with it.
    const qint64 mission = number(e, "mission");
    const QString which =
        mission ? tr("Mission %1").arg(mission) : tr("The mission of alarm %1").arg(number(e, "alarm"));
    if (k == EntryKind::MissionCreated)
        return tr("Mission for alarm %1 created").arg(number(e, "alarm"));
    if (k == EntryKind::MissionOffered)
        return tr("%1 offered to %2 (%3)", "mission, helper, distance")
            .arg(which, helperName(text(e, "helper")), DisplayFormat::distance(double(number(e, "distance_m"))));
    if (k == EntryKind::MissionAnswered) {
        const QString answer = text(e, "answer");
        const QString who = helperName(text(e, "helper"));
        if (answer == QLatin1String("accepted"))
            return tr("%1 accepted by %2").arg(which, who);
        if (answer == QLatin1String("declined"))
            return tr("%1 declined by %2").arg(which, who);
        return tr("%1: %2 did not answer in time").arg(which, who);
    }
    if (k == EntryKind::MissionAssigned)
        return tr("%1 assigned to %2").arg(which, helperName(text(e, "helper")));
    if (k == EntryKind::MissionUnassigned)
        return tr("%1: helper taken off (%2)").arg(which, text(e, "reason"));
    if (k == EntryKind::MissionEnRoute)
        return tr("%1: helper en route").arg(which);
    if (k == EntryKind::MissionOnScene)
        return tr("%1: helper on scene").arg(which);
    if (k == EntryKind::MissionCompleted)
        return tr("%1 completed: %2").arg(which, outcomeLabel(text(e, "outcome")));
    if (k == EntryKind::MissionCancelled)
        return tr("%1 cancelled (%2)").arg(which, text(e, "reason"));
    // Helpers, devices, the organisation.
    if (k == EntryKind::HelperOnDuty)
        return tr("%1 on duty").arg(helperName(text(e, "helper")));
    if (k == EntryKind::HelperOffDuty)
        return tr("%1 off duty").arg(helperName(text(e, "helper")));
    if (k == EntryKind::HelperRegistered)
        return tr("Helper %1 registered").arg(text(e, "name"));
    if (k == EntryKind::HelperUpdated)
        return tr("Helper %1 updated").arg(text(e, "name"));
    if (k == EntryKind::HelperRemoved)
        return tr("Helper %1 removed").arg(text(e, "helper"));
    if (k == EntryKind::DeviceRegistered)
        return tr("Device %1 registered").arg(text(e, "device"));
    if (k == EntryKind::DeviceUpdated)
        return tr("Device %1 updated").arg(text(e, "device"));
    if (k == EntryKind::DeviceRemoved)
        return tr("Device %1 removed").arg(text(e, "device"));
    if (k == EntryKind::ShiftStarted)
        return tr("Shift started by %1").arg(text(e, "operator"));
    if (k == EntryKind::ShiftEnded)
        return tr("Shift %1 ended, handed over").arg(number(e, "shift"));
    if (k == EntryKind::FeeSet) {
        const auto kind = MissionKinds::fromKey(text(e, "kind"));
        return tr("Fee set for %1 missions").arg(kind ? MissionKinds::label(*kind) : text(e, "kind"));
    }
    if (k == EntryKind::GatewayRefused)
        return tr("Gateway %1 refused: %2").arg(text(e, "gateway"), text(e, "reason"));
    if (k == EntryKind::PrivacyPurged) {
        const int alarms = int(e.payload.value(QLatin1String("alarms")).toArray().size());
        const int days = e.payload.value(QLatin1String("retention_days")).toInt();
        return tr("Personal details purged: %n alarm(s) over for more than %1 days", nullptr, alarms)
            .arg(QLocale().toString(days));
    }
    return {}; // heartbeats, positions: not for the log
}

void EventLog::append(const QList<JournalEntry> &entries)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QTreeWidgetItem *> items;
    for (const JournalEntry &e : entries) {
        const QString line = describe(e);
        if (line.isEmpty())
            continue;
        auto *item = new QTreeWidgetItem({DisplayFormat::moment(e.time, now), line, actorName(e.actor)});
        item->setToolTip(1, line);
        items.prepend(item); // newest first
    }
    insert(std::move(items));
}

void EventLog::appendRecord(const LogRecord &record)
{
    if (!Logging::isForTheLog(record))
        return;
    auto *item = new QTreeWidgetItem(
        {DisplayFormat::moment(record.time, QDateTime::currentDateTimeUtc()), record.text, source(record.category)});
    item->setToolTip(1, record.text);
    insert({item});
}

void EventLog::insert(QList<QTreeWidgetItem *> items)
{
    if (items.isEmpty())
        return;
    insertTopLevelItems(0, items);
    while (topLevelItemCount() > kMaxLines)
        delete takeTopLevelItem(topLevelItemCount() - 1);
}

} // namespace relais
