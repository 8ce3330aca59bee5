#pragma once

#include "alarmkind.h"
#include "csvwriter.h"
#include "dispatchstate.h"
#include "missionkind.h"
#include "money.h"
#include "reportformat.h"
#include "reportperiod.h"
#include "runningcost.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QStringList>

#include <optional>

class QIODevice;

namespace relais {

// The CSV exports of the desk, built from a DispatchState (pure: no file, no clock, no locale).
// Column names are stable English identifiers documented in docs/exports.md; times are ISO 8601
// with their offset, amounts decimal with "." and two decimals next to a currency column.
// The write* functions are what the console's File menu and `relais export` both call.
class Reports final
{
public:
    // One alarm handled in the period: received before its end and not finished before its
    // start (finished: closed; else resolved; else cancelled; an open alarm is not finished).
    struct ShiftRow
    {
        qint64 alarmId = 0;
        AlarmKind kind = AlarmKind::Other;
        Severity severity = Severity::Major;
        Alarm::State state = Alarm::State::New;
        QString deviceId;
        QString deviceLabel;
        QString beneficiaryRef;
        QString address;
        QGeoCoordinate position;
        QDateTime received;
        QDateTime acknowledged;
        Actor acknowledgedBy;
        QDateTime firstOffer;
        QDateTime accepted; // the assignment that stood (not withdrawn)
        QString helperId;
        QString helperName;
        QDateTime enRoute;
        QDateTime onScene;
        QDateTime resolved;
        std::optional<Outcome> outcome;
        QDateTime closed;
        Actor closedBy;
        QDateTime cancelled;
        std::optional<qint64> ackS;    // received → acknowledged
        std::optional<qint64> assignS; // acknowledged → accepted
        std::optional<qint64> travelS; // accepted → on scene
        std::optional<qint64> totalS;  // received → resolved (or cancelled)
        int redispatches = 0;
        std::optional<Money> fee; // the payout of its completed mission
    };

    // Per helper and currency: the missions completed in the period and what they earned.
    struct PayoutRow
    {
        QString helperId;
        QString helperName; // empty when the helper was removed
        int missions = 0;
        QMap<MissionKind, int> missionsByKind;
        QMap<qint64, int> missionsByFee; // fee in cents → missions paid that fee
        Money total;
    };

    // Aggregates of the period, no personal data.
    struct Transparency
    {
        int alarms = 0; // received in the period
        QMap<AlarmKind, int> alarmsByKind;
        QMap<Outcome, int> alarmsByOutcome; // "cancelled" for the alarms cancelled
        int alarmsOpen = 0;                 // neither resolved nor cancelled yet
        // False alarms / alarms resolved (with an outcome other than cancelled).
        std::optional<double> falseAlarmRate;
        std::optional<double> medianAckS;
        std::optional<double> medianAssignS;
        std::optional<double> medianTravelS;
        std::optional<double> medianOnSceneS; // received → on scene
        std::optional<double> medianTotalS;
        QMap<MissionKind, int> missionsCompleted; // completed in the period
        int helpersPaid = 0;
        QMap<QString, qint64> paidToHelpers;        // currency → cents
        QMap<QString, QMap<QString, qint64>> costs; // currency → label → cents (pro rata)
        QMap<QString, qint64> runningCosts;         // currency → cents
    };

    static QList<ShiftRow> shiftRows(const DispatchState &state, const ReportPeriod &period);
    static QList<PayoutRow> payoutRows(const DispatchState &state, const ReportPeriod &period);
    static Transparency transparency(const DispatchState &state, const ReportPeriod &period,
                                     const QList<RunningCost> &costs, const QTimeZone &zone);

    static QStringList shiftColumns();
    static QStringList payoutColumns();
    static QStringList transparencyColumns();

    // Header and records, formatted.
    static QList<QStringList> shiftTable(const DispatchState &state, const ReportPeriod &period,
                                         const ReportFormat &format);
    static QList<QStringList> payoutTable(const DispatchState &state, const ReportPeriod &period,
                                          const ReportFormat &format);
    static QList<QStringList> transparencyTable(const DispatchState &state, const ReportPeriod &period,
                                                const QList<RunningCost> &costs, const ReportFormat &format);

    // The CSV files, written to out (open for writing; not closed). false and *error on failure.
    static bool writeShiftReport(const DispatchState &state, const ReportPeriod &period, const ReportFormat &format,
                                 QIODevice *out, QString *error = nullptr);
    static bool writePayoutStatement(const DispatchState &state, const ReportPeriod &period, const ReportFormat &format,
                                     QIODevice *out, QString *error = nullptr);
    static bool writeTransparencyReport(const DispatchState &state, const ReportPeriod &period,
                                        const QList<RunningCost> &costs, const ReportFormat &format, QIODevice *out,
                                        QString *error = nullptr);

    // "2024-03-01T09:00:00+01:00": seconds, with the offset of `zone` at that time; empty if invalid.
    static QString formatTime(const QDateTime &t, const QTimeZone &zone);
    // "12.50", "-3.05": cents as a decimal with ".", never a locale's separator.
    static QString formatAmount(qint64 cents);
    // The median of whole seconds: "12" or "12.5".
    static QString formatSeconds(double seconds);
};

} // namespace relais
