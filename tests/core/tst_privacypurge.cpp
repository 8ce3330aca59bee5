#include "journalbuilder.h"
#include "privacypurge.h"
#include "redaction.h"

#include <QJsonDocument>
#include <QTest>

using namespace relais;

namespace {

const QDateTime kStart(QDate(2025, 1, 10), QTime(9, 0), Qt::UTC);

// The personal details the scenario writes: none may be left after the purge.
const QStringList kSecrets{QStringLiteral("Glycines"),   QStringLiteral("Zorglub"),  QStringLiteral("Durand"),
                           QStringLiteral("gaz"),        QStringLiteral("06 12 34"), QStringLiteral("Doublon"),
                           QStringLiteral("paillasson"), QStringLiteral("47.21836"), QStringLiteral("47.2222"),
                           QStringLiteral("Mme R")};

// A journal kept whole, as a store keeps it: entries applied in order to the state.
struct Journal
{
    JournalBuilder b{kStart};
    QList<JournalEntry> entries;
    DispatchState state;

    void add(const QList<JournalEntry> &list)
    {
        for (JournalEntry e : list) {
            const Result<DispatchState::Changes> r = state.apply(e);
            QVERIFY2(r, qPrintable(e.kind + QLatin1String(": ") + r.errorString()));
            entries.append(e);
        }
    }
    void add(const JournalEntry &e) { add(QList<JournalEntry>{e}); }

    // The plan a replay of the whole journal makes.
    QList<JournalEntry> plan(const QDateTime &now, int days = 365, PrivacyPurge::Planner::Limits limits = {}) const
    {
        DispatchState replay;
        PrivacyPurge::Planner planner(PrivacyPurge::cutoff(now, days));
        for (const JournalEntry &e : entries) {
            const Result<DispatchState::Changes> r = replay.apply(e);
            if (!r)
                qFatal("replay refused entry %lld", e.seq);
            planner.feed(e, r.value(), replay);
        }
        return planner.plan(replay, now, days, limits);
    }

    // What the store does with a purge: the state applies it, the named entries are redacted.
    void purge(JournalEntry p)
    {
        p.seq = entries.size() + 1;
        const Result<DispatchState::Changes> r = state.apply(p);
        QVERIFY2(r, qPrintable(r.errorString()));
        const QJsonArray seqs = p.payload.value(QLatin1String("entries")).toArray();
        for (const QJsonValue &v : seqs) {
            JournalEntry &e = entries[v.toInteger() - 1];
            QCOMPARE(e.seq, v.toInteger());
            if (const auto redacted = PrivacyPurge::redacted(e))
                e = *redacted;
        }
        entries.append(p);
    }

    QString dump() const
    {
        QString text;
        for (const JournalEntry &e : entries)
            text += QString::fromUtf8(QJsonDocument(e.payload).toJson()) + QString::fromUtf8(e.raw);
        return text;
    }
};

QList<qint64> ids(const QJsonValue &array)
{
    QList<qint64> out;
    for (const QJsonValue &v : array.toArray())
        out.append(v.toInteger());
    return out;
}

qint64 seqOf(const QList<JournalEntry> &entries, QLatin1StringView kind, int nth = 0)
{
    for (const JournalEntry &e : entries) {
        if (e.kind == kind && nth-- == 0)
            return e.seq;
    }
    return 0;
}

} // namespace

class TestPrivacyPurge : public QObject
{
    Q_OBJECT

private slots:
    void coarsePositionsAreTheNeighbourhoodAndStable()
    {
        QCOMPARE(Redaction::coarse(47.21836), 47.22);
        QCOMPARE(Redaction::coarse(-1.55362), -1.55);
        const QGeoCoordinate c = Redaction::coarse(QGeoCoordinate(48.856613, 2.352222));
        QCOMPARE(c, QGeoCoordinate(48.86, 2.35));
        QCOMPARE(Redaction::coarse(c), c);
        QVERIFY(!Redaction::coarse(QGeoCoordinate()).isValid());
    }

    void systemKeysStayTypedTextGoes()
    {
        for (const char *key : {"operator", "device_reported", "battery_replaced", "offers_exhausted", "declined",
                                "timeout", "purged", "mission_cancelled"})
            QVERIFY2(Redaction::isSystemKey(QLatin1String(key)), key);
        for (const char *text : {"dupont", "Fausse manip", "doublon de l'appel", "appel_de Mme X", "", "Operator"})
            QVERIFY2(!Redaction::isSystemKey(QString::fromUtf8(text)), text);
        QCOMPARE(Redaction::keyOrPurged(QStringLiteral("Doublon")), QStringLiteral("purged"));
        QCOMPARE(Redaction::keyOrPurged(QStringLiteral("device_reported")), QStringLiteral("device_reported"));
        QCOMPARE(Redaction::keyOrPurged(QString()), QString());
    }

    void redactsWhatEachKindCarries()
    {
        JournalBuilder b(kStart);
        JournalEntry manual = b.manualAlarm(QStringLiteral("fall"), QStringLiteral("8 rue Secrète"));
        manual.payload.insert(QStringLiteral("caller"), QStringLiteral("Voisin Durand"));
        manual.payload.insert(QStringLiteral("note"), QStringLiteral("odeur de gaz"));
        manual.payload.insert(QStringLiteral("lat"), 47.22223);
        manual.payload.insert(QStringLiteral("lon"), -1.55551);
        const JournalEntry m = PrivacyPurge::redacted(manual).value();
        QCOMPARE(m.payload.value(QLatin1String("address")).toString(), QString());
        QVERIFY(!m.payload.contains(QLatin1String("caller")));
        QVERIFY(!m.payload.contains(QLatin1String("note")));
        QCOMPARE(m.payload.value(QLatin1String("lat")).toDouble(), 47.22);
        QCOMPARE(m.payload.value(QLatin1String("lon")).toDouble(), -1.56);
        QCOMPARE(m.payload.value(QLatin1String("kind")).toString(), QStringLiteral("fall"));
        QVERIFY(Redaction::isRedacted(m.payload));
        QVERIFY(!PrivacyPurge::redacted(m)); // once is enough

        JournalEntry alarm = b.deviceAlarmAt(QStringLiteral("d1"), QStringLiteral("panic"), 47.21836, -1.55362);
        alarm.payload.insert(QStringLiteral("details"), QStringLiteral("Mme Zorglub"));
        alarm.raw = "{\"device\":\"d1\",\"details\":\"Mme Zorglub\"}";
        const JournalEntry a = PrivacyPurge::redacted(alarm).value();
        QVERIFY(a.raw.isEmpty());
        QVERIFY(!a.payload.contains(QLatin1String("details")));
        QCOMPARE(a.payload.value(QLatin1String("lat")).toDouble(), 47.22);
        QCOMPARE(a.payload.value(QLatin1String("device")).toString(), QStringLiteral("d1"));

        const JournalEntry position = b.helperAction(EntryKind::HelperPosition, QStringLiteral("h1"),
                                                     {{QStringLiteral("lat"), 47.1}, {QStringLiteral("lon"), -1.5}});
        const JournalEntry p = PrivacyPurge::redacted(position).value();
        QVERIFY(!p.payload.contains(QLatin1String("lat")));
        QVERIFY(!p.payload.contains(QLatin1String("lon")));
        QCOMPARE(p.payload.value(QLatin1String("helper")).toString(), QStringLiteral("h1"));

        const JournalEntry device = b.registerDevice(QStringLiteral("d1"), QStringLiteral("B-1"),
                                                     QStringLiteral("3 chemin des Glycines"), 47.21836, -1.55362);
        const JournalEntry d = PrivacyPurge::redacted(device).value();
        QCOMPARE(d.payload.value(QLatin1String("address")).toString(), QString());
        QCOMPARE(d.payload.value(QLatin1String("label")).toString(), QString());
        QCOMPARE(d.payload.value(QLatin1String("beneficiary")).toString(), QStringLiteral("B-1"));
        QCOMPARE(d.payload.value(QLatin1String("lat")).toDouble(), 47.22);

        // A reason that is a key, a heartbeat, a shift: nothing personal to take away.
        QVERIFY(!PrivacyPurge::redacted(b.alarmAction(
            EntryKind::AlarmCancelled, 1, {{QStringLiteral("reason"), QStringLiteral("device_reported")}})));
        const JournalEntry typed =
            PrivacyPurge::redacted(
                b.alarmAction(EntryKind::AlarmCancelled, 1, {{QStringLiteral("reason"), QStringLiteral("Doublon")}}))
                .value();
        QCOMPARE(typed.payload.value(QLatin1String("reason")).toString(), QStringLiteral("purged"));
        QVERIFY(!PrivacyPurge::redacted(
            b.entry(EntryKind::DeviceHeartbeat, {{QStringLiteral("device"), QStringLiteral("d1")}})));
        QVERIFY(!PrivacyPurge::redacted(
            b.entry(EntryKind::ShiftStarted, {{QStringLiteral("operator"), QStringLiteral("Claire")}})));
        QVERIFY(!PrivacyPurge::redacted(b.missionAction(EntryKind::MissionCompleted, 1,
                                                        {{QStringLiteral("outcome"), QStringLiteral("false_alarm")}})));
    }

    void purgesClosedAlarmsAfterTheRetentionPeriodAndReplaysTheSame()
    {
        Journal j;
        JournalBuilder &b = j.b;
        // A device in Mme R.'s home, and a helper on duty near it.
        JournalEntry reg = b.registerDevice(QStringLiteral("d1"), QStringLiteral("B-1"),
                                            QStringLiteral("3 chemin des Glycines"), 47.21836, -1.55362);
        reg.payload.insert(QStringLiteral("label"), QStringLiteral("Pendentif Mme R"));
        j.add(reg);
        j.add(b.helperAt(QStringLiteral("h1"), 47.2190, -1.5540));

        // Alarm 1: the device rings; a helper goes, finds a false alarm, leaves a note.
        JournalEntry ring = b.deviceAlarm(QStringLiteral("d1"), QStringLiteral("panic"));
        ring.payload.insert(QStringLiteral("details"), QStringLiteral("Mme Zorglub appuie"));
        ring.raw = "panic d1 Mme Zorglub";
        j.add(ring);
        const qint64 a1 = JournalBuilder::newestAlarm(j.state);
        j.add(
            b.sendOnScene(a1, QStringLiteral("h1"),
                          {{QStringLiteral("fee_cents"), 1000}, {QStringLiteral("currency"), QStringLiteral("EUR")}}));
        j.add(b.advance(600).entry(EntryKind::MissionCompleted,
                                   {{QStringLiteral("alarm"), a1},
                                    {QStringLiteral("outcome"), QStringLiteral("false_alarm")},
                                    {QStringLiteral("note"), QStringLiteral("Clé sous le paillasson")}}));
        j.add(b.alarmAction(EntryKind::AlarmClosed, a1));

        // Alarm 2: a neighbour phones; a note with a phone number; cancelled with a typed reason.
        JournalEntry call = b.advance(3600).manualAlarm(QStringLiteral("fall"), QStringLiteral("8 rue Secrète"));
        call.payload.insert(QStringLiteral("caller"), QStringLiteral("Voisin Durand"));
        call.payload.insert(QStringLiteral("note"), QStringLiteral("odeur de gaz"));
        call.payload.insert(QStringLiteral("lat"), 47.2222);
        call.payload.insert(QStringLiteral("lon"), -1.5555);
        j.add(call);
        const qint64 a2 = JournalBuilder::newestAlarm(j.state);
        j.add(b.alarmAction(EntryKind::AlarmNote, a2,
                            {{QStringLiteral("text"), QStringLiteral("Fille : 06 12 34 56 78")}}));
        j.add(b.alarmAction(EntryKind::AlarmCancelled, a2,
                            {{QStringLiteral("reason"), QStringLiteral("Doublon de l'appel")}}));

        // The next day Mme R. moves: the device's old address is replaced.
        JournalEntry moved = b.advance(86400).entry(EntryKind::DeviceUpdated, reg.payload);
        moved.payload.insert(QStringLiteral("address"), QStringLiteral("5 avenue Nouvelle"));
        moved.payload.insert(QStringLiteral("label"), QStringLiteral("Pendentif"));
        moved.payload.insert(QStringLiteral("lat"), 47.3001);
        moved.payload.insert(QStringLiteral("lon"), -1.6001);
        j.add(moved);

        // 300 days later: a new alarm, closed, and a new position of the helper.
        b.at(kStart.addDays(300));
        j.add(b.manualAlarm(QStringLiteral("fall"), QStringLiteral("1 place Récente")));
        const qint64 a3 = JournalBuilder::newestAlarm(j.state);
        j.add(b.alarmAction(EntryKind::AlarmAcknowledged, a3));
        j.add(
            b.alarmAction(EntryKind::AlarmResolved, a3, {{QStringLiteral("outcome"), QStringLiteral("false_alarm")}}));
        j.add(b.alarmAction(EntryKind::AlarmClosed, a3));
        j.add(b.helperAction(EntryKind::HelperPosition, QStringLiteral("h1"),
                             {{QStringLiteral("lat"), 47.25}, {QStringLiteral("lon"), -1.57}}));

        for (const QString &s : kSecrets)
            QVERIFY2(j.dump().contains(s), qPrintable(s));

        // Within the retention period nothing is due.
        QVERIFY(j.plan(kStart.addDays(200)).isEmpty());

        const QDateTime now = kStart.addDays(400);
        // The alarms' entry, then one for the helper's old position.
        const QList<JournalEntry> plans = j.plan(now);
        QCOMPARE(plans.size(), 2);
        const JournalEntry *plan = &plans.first();
        QCOMPARE(plan->kind, QString(EntryKind::PrivacyPurged));
        QCOMPARE(ids(plan->payload.value(QLatin1String("alarms"))), (QList<qint64>{a1, a2}));
        QCOMPARE(plan->payload.value(QLatin1String("retention_days")).toInt(), 365);
        QVERIFY(ids(plans.at(1).payload.value(QLatin1String("alarms"))).isEmpty());
        QCOMPARE(ids(plans.at(1).payload.value(QLatin1String("entries"))),
                 QList<qint64>{seqOf(j.entries, EntryKind::HelperPosition, 0)});
        const QList<qint64> named = ids(plan->payload.value(QLatin1String("entries")))
                                    + ids(plans.at(1).payload.value(QLatin1String("entries")));
        const QList<JournalEntry> &all = j.entries;
        QVERIFY(named.contains(seqOf(all, EntryKind::DeviceAlarm)));
        QVERIFY(named.contains(seqOf(all, EntryKind::MissionCompleted)));
        QVERIFY(named.contains(seqOf(all, EntryKind::AlarmManual)));
        QVERIFY(named.contains(seqOf(all, EntryKind::AlarmNote)));
        QVERIFY(named.contains(seqOf(all, EntryKind::AlarmCancelled)));
        QVERIFY(named.contains(seqOf(all, EntryKind::DeviceRegistered)));   // replaced, before the cut-off
        QVERIFY(named.contains(seqOf(all, EntryKind::HelperPosition, 0)));  // older than the period
        QVERIFY(!named.contains(seqOf(all, EntryKind::DeviceUpdated)));     // the current address
        QVERIFY(!named.contains(seqOf(all, EntryKind::AlarmManual, 1)));    // alarm 3, within the period
        QVERIFY(!named.contains(seqOf(all, EntryKind::HelperPosition, 1))); // recent
        QVERIFY(!named.contains(seqOf(all, EntryKind::MissionAssigned)));   // nothing personal in it

        for (const JournalEntry &p : plans)
            j.purge(p);
        for (const QString &s : kSecrets)
            QVERIFY2(!j.dump().contains(s), qPrintable(s));

        const Alarm &one = j.state.alarms().value(a1);
        QCOMPARE(one.address, QString());
        QCOMPARE(one.details, QString());
        QCOMPARE(one.position, QGeoCoordinate(47.22, -1.55));
        QCOMPARE(one.beneficiaryRef, QStringLiteral("B-1")); // the pseudonymous reference stays for reports
        QCOMPARE(one.outcome(), std::optional<Outcome>(Outcome::FalseAlarm));
        QCOMPARE(one.helperId, QStringLiteral("h1"));
        QCOMPARE(one.personalDetailsPurgedAt, now);
        QCOMPARE(j.state.missions().value(one.missionId).note, QString());
        QCOMPARE(j.state.missions().value(one.missionId).payout(), Money::euros(1000));
        const Alarm &two = j.state.alarms().value(a2);
        QVERIFY(two.notes.isEmpty());
        QCOMPARE(two.cancelReason, QStringLiteral("purged"));
        QCOMPARE(two.timeline().constLast().note, QStringLiteral("purged"));
        QCOMPARE(two.position, QGeoCoordinate(47.22, -1.56));
        const Alarm &three = j.state.alarms().value(a3);
        QCOMPARE(three.address, QStringLiteral("1 place Récente"));
        QVERIFY(!three.personalDetailsPurgedAt.isValid());
        QCOMPARE(j.state.helpers().value(QStringLiteral("h1")).position(), QGeoCoordinate(47.25, -1.57));
        QCOMPARE(j.state.devices().value(QStringLiteral("d1")).address, QStringLiteral("5 avenue Nouvelle"));

        // The journal as redacted replays to the very same state.
        DispatchState replay;
        for (const JournalEntry &e : std::as_const(j.entries)) {
            const Result<DispatchState::Changes> r = replay.apply(e);
            QVERIFY2(r, qPrintable(e.kind + QLatin1String(": ") + r.errorString()));
        }
        QCOMPARE(replay, j.state);

        // Nothing more is due the same day; a note cannot bring details back.
        QVERIFY(j.plan(now).isEmpty());
        const Result<DispatchState::Changes> note = j.state.apply(
            b.alarmAction(EntryKind::AlarmNote, a1, {{QStringLiteral("text"), QStringLiteral("Mme Zorglub encore")}}));
        QVERIFY(!note);
        QCOMPARE(note.error().code, QStringLiteral("details_purged"));
    }

    void aPurgeIsRefusedForWhatIsNotDue()
    {
        Journal j;
        j.add(j.b.manualAlarm());
        const qint64 open = JournalBuilder::newestAlarm(j.state);
        j.add(j.b.manualAlarm(QStringLiteral("fall"), QStringLiteral("2 rue Close")));
        const qint64 closed = JournalBuilder::newestAlarm(j.state);
        j.add(j.b.alarmAction(EntryKind::AlarmCancelled, closed,
                              {{QStringLiteral("reason"), QStringLiteral("operator")}}));

        const auto purge = [&](qint64 alarm, const QDateTime &at, const QDateTime &before) {
            const JournalEntry e = j.b.at(at).privacyPurge(before, 365, {alarm});
            DispatchState copy = j.state;
            const Result<DispatchState::Changes> r = copy.apply(e);
            if (r && copy.alarm(alarm)->personalDetailsPurgedAt != at)
                return QStringLiteral("not purged");
            return r ? QString() : r.error().code;
        };
        const QDateTime later = kStart.addDays(400);
        QCOMPARE(purge(open, later, later.addDays(-365)), QStringLiteral("alarm_not_due"));
        QCOMPARE(purge(closed, later, kStart.addDays(-1)), QStringLiteral("alarm_not_due"));         // it ended after
        QCOMPARE(purge(closed, kStart.addDays(10), kStart.addDays(5)), QStringLiteral("bad_value")); // 5 days, not 365
        QCOMPARE(purge(9999, later, later.addDays(-365)), QStringLiteral("unknown_alarm"));
        QCOMPARE(purge(closed, later, later.addDays(1)), QStringLiteral("bad_value")); // a cut-off in the future
        QCOMPARE(purge(closed, later, later.addDays(-365)), QString());
    }

    void helpersOnDutyForgetPositionsOlderThanThePeriod()
    {
        Journal j;
        j.add(j.b.helperAt(QStringLiteral("h1"), 47.21, -1.55));
        j.add(j.b.helperAt(QStringLiteral("h2"), 47.23, -1.56));
        j.add(j.b.at(kStart.addDays(380))
                  .helperAction(EntryKind::HelperPosition, QStringLiteral("h2"),
                                {{QStringLiteral("lat"), 47.24}, {QStringLiteral("lon"), -1.57}}));
        const QDateTime now = kStart.addDays(400);
        const QList<JournalEntry> plans = j.plan(now);
        QCOMPARE(plans.size(), 1);
        const JournalEntry *plan = &plans.first();
        QVERIFY(ids(plan->payload.value(QLatin1String("alarms"))).isEmpty());
        QCOMPARE(ids(plan->payload.value(QLatin1String("entries"))).size(), 2); // the two first positions
        j.purge(*plan);
        QVERIFY(!j.state.helpers().value(QStringLiteral("h1")).position().isValid());
        QVERIFY(j.state.helpers().value(QStringLiteral("h1")).isOnDuty());
        QCOMPARE(j.state.helpers().value(QStringLiteral("h2")).position(), QGeoCoordinate(47.24, -1.57));
        DispatchState replay;
        for (const JournalEntry &e : std::as_const(j.entries))
            QVERIFY(replay.apply(e));
        QCOMPARE(replay, j.state);
        QVERIFY(j.plan(now).isEmpty());
    }

    void aLongBacklogIsCutIntoEntriesAppliedOneAfterTheOther()
    {
        // Five closed alarms, one note touching two of them, helpers' old positions: two
        // alarms per entry, two positions per entry.
        Journal j;
        j.add(j.b.helperAt(QStringLiteral("h1"), 47.21, -1.55));
        j.add(j.b.helperAt(QStringLiteral("h2"), 47.22, -1.55));
        j.add(j.b.helperAction(EntryKind::HelperPosition, QStringLiteral("h2"),
                               {{QStringLiteral("lat"), 47.23}, {QStringLiteral("lon"), -1.55}}));
        QList<qint64> alarms;
        for (int i = 0; i < 5; ++i) {
            j.add(j.b.advance(60).manualAlarm(QStringLiteral("fall"), QStringLiteral("%1 rue Longue").arg(i)));
            alarms.append(JournalBuilder::newestAlarm(j.state));
            j.add(j.b.alarmAction(EntryKind::AlarmNote, alarms.last(),
                                  {{QStringLiteral("text"), QStringLiteral("Note %1").arg(i)}}));
            j.add(j.b.alarmAction(EntryKind::AlarmCancelled, alarms.last(),
                                  {{QStringLiteral("reason"), QStringLiteral("operator")}}));
        }
        const QDateTime now = kStart.addDays(400);
        const QList<JournalEntry> plans = j.plan(now, 365, {2, 2});
        QCOMPARE(plans.size(), 5); // alarms 2 + 2 + 1, positions 2 + 1
        QCOMPARE(ids(plans.at(0).payload.value(QLatin1String("alarms"))), alarms.mid(0, 2));
        QCOMPARE(ids(plans.at(1).payload.value(QLatin1String("alarms"))), alarms.mid(2, 2));
        QCOMPARE(ids(plans.at(2).payload.value(QLatin1String("alarms"))), alarms.mid(4, 1));
        QCOMPARE(ids(plans.at(0).payload.value(QLatin1String("entries"))).size(), 4); // two alarms, two notes
        QVERIFY(ids(plans.at(3).payload.value(QLatin1String("alarms"))).isEmpty());
        QCOMPARE(ids(plans.at(3).payload.value(QLatin1String("entries"))).size(), 2);
        QCOMPARE(ids(plans.at(4).payload.value(QLatin1String("entries"))).size(), 1);
        for (const JournalEntry &p : plans)
            j.purge(p);
        for (qint64 id : std::as_const(alarms))
            QVERIFY(j.state.alarm(id)->personalDetailsPurgedAt.isValid());
        QVERIFY(!j.dump().contains(QStringLiteral("rue Longue")));
        QVERIFY(!j.dump().contains(QStringLiteral("Note ")));
        DispatchState replay;
        for (const JournalEntry &e : std::as_const(j.entries))
            QVERIFY(replay.apply(e));
        QCOMPARE(replay, j.state);
        QVERIFY(j.plan(now).isEmpty());
    }

    void aDeviceDescriptionStaysWhileAnAlarmKeepsItsDetails()
    {
        // The device's first address was replaced long ago, but an alarm raised there is still
        // open: its address came from that description, which stays until the alarm is purged.
        Journal j;
        j.add(j.b.registerDevice(QStringLiteral("d1"), QStringLiteral("B-1"), QStringLiteral("3 chemin des Glycines"),
                                 47.21836, -1.55362));
        j.add(j.b.deviceAlarm(QStringLiteral("d1"), QStringLiteral("panic")));
        JournalEntry moved = j.b.advance(60).registerDevice(QStringLiteral("d1"), QStringLiteral("B-1"),
                                                            QStringLiteral("5 avenue Nouvelle"), 47.3, -1.6);
        moved.kind = EntryKind::DeviceUpdated;
        j.add(moved);
        QVERIFY(j.plan(kStart.addDays(400)).isEmpty()); // nothing: the alarm is open
        // Once the alarm is over and purged, the old description goes with it.
        const qint64 alarm = JournalBuilder::newestAlarm(j.state);
        j.add(j.b.alarmAction(EntryKind::AlarmCancelled, alarm,
                              {{QStringLiteral("reason"), QStringLiteral("operator")}}));
        const QList<JournalEntry> plans = j.plan(kStart.addDays(400));
        QCOMPARE(plans.size(), 1);
        QCOMPARE(ids(plans.first().payload.value(QLatin1String("alarms"))), QList<qint64>{alarm});
        QVERIFY(ids(plans.first().payload.value(QLatin1String("entries"))).contains(1));
        QVERIFY(!ids(plans.first().payload.value(QLatin1String("entries"))).contains(3)); // the current address
        j.purge(plans.first());
        QVERIFY(!j.dump().contains(QStringLiteral("Glycines")));
        QVERIFY(j.dump().contains(QStringLiteral("5 avenue Nouvelle")));
        DispatchState replay;
        for (const JournalEntry &e : std::as_const(j.entries))
            QVERIFY(replay.apply(e));
        QCOMPARE(replay, j.state);
    }
};

QTEST_GUILESS_MAIN(TestPrivacyPurge)
#include "tst_privacypurge.moc"
