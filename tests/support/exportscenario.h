#pragma once

#include "journalbuilder.h"
#include "runningcost.h"

#include <QTimeZone>

namespace relais {

// One day at the desk with known answers for the CSV exports (docs/exports.md), used by the
// report builders' tests (core) and by the `relais export` test (a real store, the real
// executable). Times are UTC; the reports are read in UTC+01:00 (Paris in March).
//
// 2024-03-01, shift 1 by Claire from 07:55 to 11:30 UTC:
//   A1 07:40 intrusion d3, cancelled 07:45 (before the shift)
//   A2 08:00 panic d1: ack 08:00:30, offered to h1 08:01:00, accepted 08:01:40, en route 08:02,
//            on scene 08:10:40, false alarm 08:20, closed 08:25 (fee 12.50)
//   A3 09:00 fall d2: ack 09:01, offered to h1 and h2 09:01:30, h1 declines, h2 accepts 09:02:30,
//            withdrawn 09:05, assigned to h1 09:06, on scene 09:16, real incident 09:30 (fee 12.50)
//   A4 10:00 smoke d3: ack 10:00:20, settled by phone (false alarm) 10:05, closed 10:06
//   A5 11:00 door d1: cancelled 11:00:45 without acknowledgement
//   A6 12:00 low battery d2 (after the shift): ack 12:01, maintenance assigned to h2 12:02,
//            on scene 12:30, done 12:40 (fee 5.00)
// 2024-03-02:
//   A7 10:00 panic d1: ack 10:00:10, assigned to h1 10:01, on scene 10:11, false alarm 10:30
//
// Names, addresses and a cost label hold ";", ",", quotes, line breaks and accents.
struct ExportScenario
{
    static QDateTime at(int day, int h, int m, int s = 0) { return {QDate(2024, 3, day), QTime(h, m, s), Qt::UTC}; }
    static QTimeZone zone() { return QTimeZone(3600); }

    static QString helper1Name() { return QStringLiteral("Dupont; \"Jean-Noël\"\nfils"); }
    static QString helper2Name() { return QStringLiteral("Zoé Lefèvre, née Martin"); }
    static QString address1() { return QStringLiteral("12 rue des Lilas; bât. \"A\"\nescalier 2"); }
    static QString address2() { return QStringLiteral("3 place de l'Église, Créteil"); }

    // Every entry, in journal order.
    static QList<JournalEntry> entries()
    {
        JournalBuilder j(at(1, 7, 0));
        QList<JournalEntry> out;
        out << j.entry(EntryKind::FeeSet, {{QStringLiteral("kind"), QStringLiteral("verification")},
                                           {QStringLiteral("fee_cents"), 1250},
                                           {QStringLiteral("currency"), QStringLiteral("EUR")}});
        out << j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-001"), address1(), 48.856613, 2.352222);
        out << j.registerDevice(QStringLiteral("d2"), QStringLiteral("B-002"), address2(), 48.790367, 2.455572);
        out << j.registerDevice(QStringLiteral("d3"), QStringLiteral("B-003"), QStringLiteral("École Jules-Ferry"),
                                48.8, 2.4);
        out << j.registerHelper(QStringLiteral("h1"), helper1Name());
        out << j.registerHelper(QStringLiteral("h2"), helper2Name());
        for (const QString &h : {QStringLiteral("h1"), QStringLiteral("h2")}) {
            out << j.helperAction(EntryKind::HelperOnDuty, h);
            out << j.helperAction(EntryKind::HelperPosition, h,
                                  {{QStringLiteral("lat"), 48.85}, {QStringLiteral("lon"), 2.35}});
        }

        // A1: before the shift, cancelled.
        out << j.at(at(1, 7, 40)).deviceAlarm(QStringLiteral("d3"), QStringLiteral("intrusion"));
        out << j.at(at(1, 7, 45))
                   .alarmAction(EntryKind::AlarmCancelled, 1, {{QStringLiteral("reason"), QStringLiteral("operator")}});
        out << j.at(at(1, 7, 55))
                   .entry(EntryKind::ShiftStarted, {{QStringLiteral("operator"), QStringLiteral("Claire")}});

        // A2: offered, accepted, false alarm, closed.
        out << j.at(at(1, 8, 0)).deviceAlarm(QStringLiteral("d1"), QStringLiteral("panic"));
        out << j.at(at(1, 8, 0, 30)).alarmAction(EntryKind::AlarmAcknowledged, 2);
        out << j.at(at(1, 8, 1)).createMission(2);
        out << j.offer(1, QStringLiteral("h1"), 350);
        out << j.at(at(1, 8, 1, 40)).answer(1, QStringLiteral("h1"), QStringLiteral("accepted"));
        out << j.at(at(1, 8, 2))
                   .helperAction(EntryKind::MissionEnRoute, QStringLiteral("h1"), {{QStringLiteral("mission"), 1}});
        out << j.at(at(1, 8, 10, 40))
                   .helperAction(EntryKind::MissionOnScene, QStringLiteral("h1"), {{QStringLiteral("mission"), 1}});
        out << j.at(at(1, 8, 20))
                   .helperAction(
                       EntryKind::MissionCompleted, QStringLiteral("h1"),
                       {{QStringLiteral("mission"), 1}, {QStringLiteral("outcome"), QStringLiteral("false_alarm")}});
        out << j.at(at(1, 8, 25)).alarmAction(EntryKind::AlarmClosed, 2);

        // A3: two offers, h2 accepts and is withdrawn, h1 assigned directly: one re-dispatch.
        out << j.at(at(1, 9, 0)).deviceAlarm(QStringLiteral("d2"), QStringLiteral("fall"));
        out << j.at(at(1, 9, 1)).alarmAction(EntryKind::AlarmAcknowledged, 3);
        out << j.at(at(1, 9, 1, 30)).createMission(3);
        out << j.offer(2, QStringLiteral("h1"), 400);
        out << j.offer(2, QStringLiteral("h2"), 900);
        out << j.at(at(1, 9, 2)).answer(2, QStringLiteral("h1"), QStringLiteral("declined"));
        out << j.at(at(1, 9, 2, 30)).answer(2, QStringLiteral("h2"), QStringLiteral("accepted"));
        out << j.at(at(1, 9, 5))
                   .missionAction(EntryKind::MissionUnassigned, 2,
                                  {{QStringLiteral("reason"), QStringLiteral("no_answer")}});
        out << j.at(at(1, 9, 6))
                   .missionAction(EntryKind::MissionAssigned, 2, {{QStringLiteral("helper"), QStringLiteral("h1")}});
        out << j.at(at(1, 9, 16))
                   .helperAction(EntryKind::MissionOnScene, QStringLiteral("h1"), {{QStringLiteral("mission"), 2}});
        out << j.at(at(1, 9, 30))
                   .helperAction(
                       EntryKind::MissionCompleted, QStringLiteral("h1"),
                       {{QStringLiteral("mission"), 2}, {QStringLiteral("outcome"), QStringLiteral("real_incident")}});

        // A4: settled by phone.
        out << j.at(at(1, 10, 0)).deviceAlarm(QStringLiteral("d3"), QStringLiteral("smoke"));
        out << j.at(at(1, 10, 0, 20)).alarmAction(EntryKind::AlarmAcknowledged, 4);
        out << j.at(at(1, 10, 5))
                   .alarmAction(EntryKind::AlarmResolved, 4,
                                {{QStringLiteral("outcome"), QStringLiteral("false_alarm")}});
        out << j.at(at(1, 10, 6)).alarmAction(EntryKind::AlarmClosed, 4);

        // A5: cancelled before anyone acknowledged it.
        out << j.at(at(1, 11, 0)).deviceAlarm(QStringLiteral("d1"), QStringLiteral("door"));
        out << j.at(at(1, 11, 0, 45))
                   .alarmAction(EntryKind::AlarmCancelled, 5, {{QStringLiteral("reason"), QStringLiteral("operator")}});
        out << j.at(at(1, 11, 30))
                   .entry(EntryKind::ShiftEnded,
                          {{QStringLiteral("shift"), 1}, {QStringLiteral("handover"), QString()}});

        // A6: maintenance after the shift.
        out << j.at(at(1, 12, 0)).deviceAlarm(QStringLiteral("d2"), QStringLiteral("low_battery"));
        out << j.at(at(1, 12, 1)).alarmAction(EntryKind::AlarmAcknowledged, 6);
        out << j.at(at(1, 12, 2)).createMission(6, QStringLiteral("maintenance"));
        out << j.missionAction(EntryKind::MissionAssigned, 3, {{QStringLiteral("helper"), QStringLiteral("h2")}});
        out << j.at(at(1, 12, 30))
                   .helperAction(EntryKind::MissionOnScene, QStringLiteral("h2"), {{QStringLiteral("mission"), 3}});
        out << j.at(at(1, 12, 40))
                   .helperAction(
                       EntryKind::MissionCompleted, QStringLiteral("h2"),
                       {{QStringLiteral("mission"), 3}, {QStringLiteral("outcome"), QStringLiteral("real_incident")}});

        // A7: the next day.
        out << j.at(at(2, 10, 0)).deviceAlarm(QStringLiteral("d1"), QStringLiteral("panic"));
        out << j.at(at(2, 10, 0, 10)).alarmAction(EntryKind::AlarmAcknowledged, 7);
        out << j.at(at(2, 10, 1)).createMission(7);
        out << j.missionAction(EntryKind::MissionAssigned, 4, {{QStringLiteral("helper"), QStringLiteral("h1")}});
        out << j.at(at(2, 10, 11))
                   .helperAction(EntryKind::MissionOnScene, QStringLiteral("h1"), {{QStringLiteral("mission"), 4}});
        out << j.at(at(2, 10, 30))
                   .helperAction(
                       EntryKind::MissionCompleted, QStringLiteral("h1"),
                       {{QStringLiteral("mission"), 4}, {QStringLiteral("outcome"), QStringLiteral("false_alarm")}});
        return out;
    }

    // Running costs: March (31 days, 31.00), the year 2024 (366 days, 366.00), February (none
    // of it on 1 March). On 1 March (UTC+01:00): 1.00 + 1.00.
    static QList<RunningCost> costs()
    {
        return {
            {QDate(2024, 3, 1), QDate(2024, 3, 31), QStringLiteral("Phone line; \"pro\""),
             Money(3100, QStringLiteral("EUR"))},
            {QDate(2024, 1, 1), QDate(2024, 12, 31), QStringLiteral("Insurance"), Money(36600, QStringLiteral("EUR"))},
            {QDate(2024, 2, 1), QDate(2024, 2, 29), QStringLiteral("Old"), Money(5000, QStringLiteral("EUR"))},
        };
    }

    // 1 March 2024 in UTC+01:00.
    static QDateTime dayStart() { return QDateTime(QDate(2024, 3, 1), QTime(0, 0), zone()); }
    static QDateTime dayEnd() { return QDateTime(QDate(2024, 3, 2), QTime(0, 0), zone()); }
};

} // namespace relais
