#include "privacypurge.h"

#include "redaction.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace relais {

namespace {

void coarsen(QJsonObject &p)
{
    if (p.contains(QLatin1String("lat")) && p.contains(QLatin1String("lon"))) {
        p.insert(QLatin1String("lat"), Redaction::coarse(p.value(QLatin1String("lat")).toDouble()));
        p.insert(QLatin1String("lon"), Redaction::coarse(p.value(QLatin1String("lon")).toDouble()));
    }
}

void dropText(QJsonObject &p, const char *key)
{
    if (p.value(QLatin1StringView(key)).toString().isEmpty())
        p.remove(QLatin1StringView(key));
    else
        p.insert(QLatin1StringView(key), QString());
}

void purgeReason(QJsonObject &p)
{
    const QString reason = p.value(QLatin1String("reason")).toString();
    if (!reason.isEmpty() && !Redaction::isSystemKey(reason))
        p.insert(QLatin1String("reason"), Redaction::purgedText());
}

} // namespace

std::optional<JournalEntry> PrivacyPurge::redacted(const JournalEntry &entry)
{
    // Most of a journal is heartbeats: they are turned away before anything is copied.
    const QString &k = entry.kind;
    static const QStringList kinds{
        EntryKind::AlarmManual,       EntryKind::AlarmNote,        EntryKind::AlarmCancelled,
        EntryKind::MissionUnassigned, EntryKind::MissionCancelled, EntryKind::MissionCompleted,
        EntryKind::DeviceAlarm,       EntryKind::DeviceRegistered, EntryKind::DeviceUpdated,
        EntryKind::DevicePosition,    EntryKind::DeviceRejected,   EntryKind::HelperPosition};
    if (!kinds.contains(k) || Redaction::isRedacted(entry.payload))
        return std::nullopt;
    JournalEntry e = entry;
    QJsonObject &p = e.payload;
    if (k == EntryKind::AlarmManual) {
        dropText(p, "address");
        p.remove(QLatin1String("caller"));
        p.remove(QLatin1String("note"));
        coarsen(p);
    } else if (k == EntryKind::AlarmNote) {
        p.remove(QLatin1String("text"));
    } else if (k == EntryKind::AlarmCancelled || k == EntryKind::MissionUnassigned
               || k == EntryKind::MissionCancelled) {
        const QString reason = p.value(QLatin1String("reason")).toString();
        if (reason.isEmpty() || Redaction::isSystemKey(reason))
            return std::nullopt; // nothing typed by anyone
        purgeReason(p);
    } else if (k == EntryKind::MissionCompleted) {
        if (!p.contains(QLatin1String("note")))
            return std::nullopt;
        p.remove(QLatin1String("note"));
    } else if (k == EntryKind::DeviceAlarm) {
        p.remove(QLatin1String("details"));
        coarsen(p);
        e.raw.clear();
    } else if (k == EntryKind::DeviceRegistered || k == EntryKind::DeviceUpdated) {
        dropText(p, "label");
        dropText(p, "address");
        coarsen(p);
    } else if (k == EntryKind::DevicePosition) {
        coarsen(p);
        e.raw.clear();
    } else if (k == EntryKind::DeviceRejected) {
        if (e.raw.isEmpty())
            return std::nullopt;
        e.raw.clear();
    } else if (k == EntryKind::HelperPosition) {
        p.remove(QLatin1String("lat"));
        p.remove(QLatin1String("lon"));
        e.raw.clear();
    } else {
        return std::nullopt;
    }
    p.insert(QLatin1String("purged"), true);
    return e;
}

QDateTime PrivacyPurge::cutoff(const QDateTime &now, int retentionDays)
{
    return now.toUTC().addDays(-qint64(std::max(retentionDays, 1)));
}

void PrivacyPurge::Planner::feed(const JournalEntry &e, const DispatchState::Changes &changes,
                                 const DispatchState &after)
{
    const QString &k = e.kind;
    const bool redactable = redacted(e).has_value();

    // New alarms: a device alarm takes its address and, without a position of its own, the
    // device's from the device's current description.
    for (qint64 id : changes.alarms) {
        if (m_knownAlarms.contains(id))
            continue;
        m_knownAlarms.insert(id);
        const Alarm *a = after.alarm(id);
        if (a && !a->deviceId().isEmpty()) {
            if (auto it = m_currentDescr.constFind(a->deviceId()); it != m_currentDescr.cend())
                m_descriptions[*it].usedBy.append(id);
        }
    }

    if (k == EntryKind::DeviceRegistered || k == EntryKind::DeviceUpdated || k == EntryKind::DevicePosition
        || k == EntryKind::DeviceRemoved) {
        if (changes.devices.isEmpty() && changes.removedDevices.isEmpty())
            return; // refused, or a position of a device nobody registered
        const QString device = e.payload.value(QLatin1String("device")).toString().trimmed();
        if (auto it = m_currentDescr.constFind(device); it != m_currentDescr.cend()) {
            m_descriptions[*it].replacedAt = e.time;
            m_currentDescr.erase(it);
        }
        if (k != EntryKind::DeviceRemoved) {
            m_descriptions.append(Description{redactable ? e.seq : 0, {}, {}});
            m_currentDescr.insert(device, m_descriptions.size() - 1);
        }
        return;
    }
    if (!redactable)
        return;
    if (k == EntryKind::HelperPosition || k == EntryKind::DeviceRejected) {
        if (e.time < m_cutoff)
            m_beforeCutoff.append(e.seq);
        return;
    }
    QList<qint64> alarms(changes.alarms.cbegin(), changes.alarms.cend());
    for (qint64 mission : changes.missions) {
        if (const Mission *m = after.mission(mission); m && !alarms.contains(m->alarmId()))
            alarms.append(m->alarmId());
    }
    if (!alarms.isEmpty())
        m_touching.append(Touching{e.seq, alarms});
}

QList<JournalEntry> PrivacyPurge::Planner::plan(const DispatchState &state, const QDateTime &now, int retentionDays,
                                                const Limits &limits) const
{
    QList<qint64> toPurge;
    QSet<qint64> purgedBefore;
    for (auto it = state.alarms().cbegin(); it != state.alarms().cend(); ++it) {
        const Alarm &a = it.value();
        if (a.personalDetailsPurgedAt.isValid())
            purgedBefore.insert(a.id());
        else if (const QDateTime ended = Redaction::endedAt(a); ended.isValid() && ended < m_cutoff)
            toPurge.append(a.id());
    }
    std::sort(toPurge.begin(), toPurge.end());
    const int perEntry = std::max(limits.alarmsPerEntry, 1);
    // Alarm i goes in entry i / perEntry; an earlier entry's details may be redacted with it.
    QHash<qint64, qsizetype> chunkOf;
    for (qsizetype i = 0; i < toPurge.size(); ++i)
        chunkOf.insert(toPurge.at(i), i / perEntry);
    for (qint64 id : std::as_const(purgedBefore))
        chunkOf.insert(id, 0);
    // The entry after which every alarm of the list is purged; -1: some never are.
    const auto lastChunk = [&chunkOf](const QList<qint64> &alarms) {
        qsizetype last = 0;
        for (qint64 id : alarms) {
            const auto it = chunkOf.constFind(id);
            if (it == chunkOf.cend())
                return qsizetype(-1);
            last = std::max(last, *it);
        }
        return last;
    };

    const qsizetype alarmChunks = (toPurge.size() + perEntry - 1) / perEntry;
    QList<QList<qint64>> seqs(std::max(alarmChunks, qsizetype(1)));
    for (const Touching &t : m_touching) {
        if (const qsizetype c = lastChunk(t.alarms); c >= 0)
            seqs[c].append(t.seq);
    }
    for (const Description &d : m_descriptions) {
        if (d.seq == 0 || !d.replacedAt.isValid() || d.replacedAt >= m_cutoff)
            continue;
        if (const qsizetype c = lastChunk(d.usedBy); c >= 0)
            seqs[c].append(d.seq);
    }
    // Helpers' positions and refused messages' bytes: entries of their own, after the alarms'.
    const int seqsPerEntry = std::max(limits.entriesPerEntry, 1);
    for (qsizetype i = 0; i < m_beforeCutoff.size(); i += seqsPerEntry)
        seqs.append(m_beforeCutoff.mid(i, seqsPerEntry));

    bool positionsToForget = false;
    for (const Helper &h : state.helpers()) {
        if (h.position().isValid() && h.positionAt() < m_cutoff)
            positionsToForget = true;
    }
    const bool anything = std::any_of(seqs.cbegin(), seqs.cend(), [](const QList<qint64> &l) { return !l.isEmpty(); });
    if (toPurge.isEmpty() && !anything && !positionsToForget)
        return {};

    const auto entryFor = [&](const QJsonArray &alarmIds, const QJsonArray &seqArray) {
        return JournalEntry::make(now.toUTC(), QStringLiteral("system"), EntryKind::PrivacyPurged, Actor::system(),
                                  QJsonObject{{QStringLiteral("before"), m_cutoff.toUTC().toString(Qt::ISODateWithMs)},
                                              {QStringLiteral("retention_days"), retentionDays},
                                              {QStringLiteral("alarms"), alarmIds},
                                              {QStringLiteral("entries"), seqArray}});
    };
    QList<JournalEntry> out;
    for (qsizetype c = 0; c < seqs.size(); ++c) {
        QJsonArray alarmIds;
        for (qint64 id : toPurge.mid(c * perEntry, c < alarmChunks ? perEntry : 0))
            alarmIds.append(id);
        QList<qint64> &list = seqs[c];
        if (alarmIds.isEmpty() && list.isEmpty())
            continue;
        std::sort(list.begin(), list.end());
        QJsonArray seqArray;
        for (qint64 seq : std::as_const(list))
            seqArray.append(seq);
        out.append(entryFor(alarmIds, seqArray));
    }
    if (out.isEmpty()) // only helpers' positions to forget in the state (their entries gone already)
        out.append(entryFor({}, {}));
    return out;
}

} // namespace relais
