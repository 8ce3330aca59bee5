#pragma once

#include "dispatchstate.h"
#include "journalentry.h"
#include "livestate.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace relais {

// Writes journal entries the way the store would commit them (sequence numbers, times in
// UTC, operator or device actors), so that tests drive the real reducer: LiveState in UI
// tests, a DispatchState in core and app tests.
class JournalBuilder final
{
public:
    explicit JournalBuilder(const QDateTime &start) : m_now(start.toUTC()) {}

    QDateTime now() const { return m_now; }
    JournalBuilder &advance(qint64 seconds)
    {
        m_now = m_now.addSecs(seconds);
        return *this;
    }
    // The time of the entries made from now on.
    JournalBuilder &at(const QDateTime &when)
    {
        m_now = when.toUTC();
        return *this;
    }

    JournalEntry entry(QLatin1StringView kind, const QJsonObject &payload,
                       const Actor &actor = Actor::operatorNamed(QStringLiteral("Claire")))
    {
        JournalEntry e;
        e.seq = ++m_seq;
        e.time = m_now;
        e.source = actor.kind == Actor::Kind::Device ? QStringLiteral("gateway:test") : QStringLiteral("ui");
        e.kind = kind;
        e.actor = actor;
        e.payload = payload;
        return e;
    }

    JournalEntry registerDevice(const QString &id, const QString &beneficiary, const QString &address, double lat,
                                double lon)
    {
        return entry(EntryKind::DeviceRegistered, {{QStringLiteral("device"), id},
                                                   {QStringLiteral("kind"), QStringLiteral("panic_button")},
                                                   {QStringLiteral("label"), QString(QStringLiteral("Pendant ") + id)},
                                                   {QStringLiteral("beneficiary"), beneficiary},
                                                   {QStringLiteral("address"), address},
                                                   {QStringLiteral("lat"), lat},
                                                   {QStringLiteral("lon"), lon},
                                                   {QStringLiteral("interval_s"), 3600}});
    }

    JournalEntry deviceAlarm(const QString &device, const QString &alarmKind, const QString &severity = {})
    {
        QJsonObject p{{QStringLiteral("device"), device}, {QStringLiteral("alarm"), alarmKind}};
        if (!severity.isEmpty())
            p.insert(QStringLiteral("severity"), severity);
        return entry(EntryKind::DeviceAlarm, p, Actor::device(device));
    }

    // An alarm with its own position (from a device the desk may not know).
    JournalEntry deviceAlarmAt(const QString &device, const QString &alarmKind, double lat, double lon,
                               const QString &severity = {})
    {
        JournalEntry e = deviceAlarm(device, alarmKind, severity);
        e.payload.insert(QStringLiteral("lat"), lat);
        e.payload.insert(QStringLiteral("lon"), lon);
        return e;
    }

    // A helper on duty at a place: registered, on duty, position.
    QList<JournalEntry> helperAt(const QString &id, double lat, double lon, const QStringList &skills = {})
    {
        return {
            registerHelper(id, id.toUpper(), skills), helperAction(EntryKind::HelperOnDuty, id),
            helperAction(EntryKind::HelperPosition, id, {{QStringLiteral("lat"), lat}, {QStringLiteral("lon"), lon}})};
    }

    // An alarm taken on the phone (the manual form's entry).
    JournalEntry manualAlarm(const QString &kind = QStringLiteral("fall"),
                             const QString &address = QStringLiteral("12 rue des Lilas"))
    {
        return entry(EntryKind::AlarmManual, {{QStringLiteral("kind"), kind}, {QStringLiteral("address"), address}});
    }

    // The alarm raised last (the highest id), 0 when there is none.
    static qint64 newestAlarm(const DispatchState &state)
    {
        qint64 newest = 0;
        for (const Alarm &a : state.alarms())
            newest = std::max(newest, a.id());
        return newest;
    }

    // A helper sent to an alarm until they are on scene, as the dispatcher's "assign" does:
    // acknowledged, its mission created (with missionExtra, e.g. a fee), assigned, on scene.
    QList<JournalEntry> sendOnScene(qint64 alarm, const QString &helper, const QJsonObject &missionExtra = {})
    {
        // Made in journal order: the sequence numbers follow.
        const JournalEntry acknowledged = alarmAction(EntryKind::AlarmAcknowledged, alarm);
        JournalEntry created = createMission(alarm);
        for (auto it = missionExtra.begin(); it != missionExtra.end(); ++it)
            created.payload.insert(it.key(), it.value());
        return {
            acknowledged, created,
            entry(EntryKind::MissionAssigned, {{QStringLiteral("alarm"), alarm}, {QStringLiteral("helper"), helper}}),
            entry(EntryKind::MissionOnScene, {{QStringLiteral("alarm"), alarm}})};
    }

    JournalEntry deviceRestore(const QString &device, const QString &alarmKind)
    {
        return entry(EntryKind::DeviceRestore,
                     {{QStringLiteral("device"), device}, {QStringLiteral("alarm"), alarmKind}}, Actor::device(device));
    }

    JournalEntry alarmAction(QLatin1StringView kind, qint64 alarm, QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("alarm"), alarm);
        return entry(kind, extra);
    }

    JournalEntry registerHelper(const QString &id, const QString &name, const QStringList &skills = {})
    {
        return entry(EntryKind::HelperRegistered, {{QStringLiteral("helper"), id},
                                                   {QStringLiteral("name"), name},
                                                   {QStringLiteral("phone"), QStringLiteral("+33 6 00 00 00 00")},
                                                   {QStringLiteral("skills"), QJsonArray::fromStringList(skills)}});
    }

    JournalEntry helperAction(QLatin1StringView kind, const QString &helper, QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("helper"), helper);
        return entry(kind, extra, Actor::helper(helper));
    }

    JournalEntry createMission(qint64 alarm, const QString &kind = QStringLiteral("verification"))
    {
        return entry(EntryKind::MissionCreated, {{QStringLiteral("alarm"), alarm}, {QStringLiteral("kind"), kind}});
    }

    JournalEntry offer(qint64 mission, const QString &helper, double distanceM)
    {
        return entry(EntryKind::MissionOffered, {{QStringLiteral("mission"), mission},
                                                 {QStringLiteral("helper"), helper},
                                                 {QStringLiteral("distance_m"), distanceM}});
    }

    JournalEntry answer(qint64 mission, const QString &helper, const QString &answer)
    {
        return entry(EntryKind::MissionAnswered,
                     {{QStringLiteral("mission"), mission},
                      {QStringLiteral("helper"), helper},
                      {QStringLiteral("answer"), answer}},
                     Actor::helper(helper));
    }

    // A privacy purge (docs/privacy.md) as the desk writes it: by the system, now, for the
    // alarms given, redacting the journal entries named.
    JournalEntry privacyPurge(const QDateTime &before, int retentionDays, const QList<qint64> &alarms,
                              const QList<qint64> &entries = {})
    {
        QJsonArray alarmIds;
        for (qint64 id : alarms)
            alarmIds.append(id);
        QJsonArray seqs;
        for (qint64 seq : entries)
            seqs.append(seq);
        return entry(EntryKind::PrivacyPurged,
                     {{QStringLiteral("before"), before.toUTC().toString(Qt::ISODateWithMs)},
                      {QStringLiteral("retention_days"), retentionDays},
                      {QStringLiteral("alarms"), alarmIds},
                      {QStringLiteral("entries"), seqs}},
                     Actor::system());
    }

    JournalEntry missionAction(QLatin1StringView kind, qint64 mission, QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("mission"), mission);
        return entry(kind, extra);
    }

    // Applies entries as committed ones; returns the first refusal (empty when all applied),
    // so that a test notices at once when its journal is not a legal one.
    static QString commit(LiveState &state, const QList<JournalEntry> &entries)
    {
        QString refusal;
        const QMetaObject::Connection c =
            QObject::connect(&state, &LiveState::diverged, &state, [&refusal](qint64 seq, const QString &reason) {
                if (refusal.isEmpty())
                    refusal = QStringLiteral("entry %1: %2").arg(seq).arg(reason);
            });
        state.applyCommitted(entries);
        QObject::disconnect(c);
        return refusal;
    }

    // Applies entries to a reducer in order, as committed; those without a sequence number
    // (made by the code under test) get the next ones. Returns the first refusal ("kind:
    // reason"), empty when all applied; what came before a refusal stays applied.
    QString commit(DispatchState &state, QList<JournalEntry> entries)
    {
        for (JournalEntry &e : entries) {
            if (e.seq == 0)
                e.seq = ++m_seq;
            const Result<DispatchState::Changes> r = state.apply(e);
            if (!r)
                return e.kind + QLatin1String(": ") + r.errorString();
        }
        return {};
    }
    // The same all or nothing, as a store's AllOrNothing submission: nothing applies if one is refused.
    QString commitAll(DispatchState &state, const QList<JournalEntry> &entries)
    {
        DispatchState trial = state;
        const QString refusal = commit(trial, entries);
        if (refusal.isEmpty())
            state = trial;
        return refusal;
    }

private:
    QDateTime m_now;
    qint64 m_seq = 0;
};

} // namespace relais
