#include "reports.h"

#include "earnings.h"

#include <QHash>
#include <QIODevice>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace relais {

namespace {

using AS = Alarm::State;

std::optional<qint64> secondsBetween(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid() || !b.isValid())
        return std::nullopt;
    // Whole seconds of the times as printed, so that the columns agree with each other.
    return b.toSecsSinceEpoch() - a.toSecsSinceEpoch();
}

bool isEscalation(const Transition &t)
{
    return t.note.startsWith(QLatin1String("escalation:"));
}

// The missions of each alarm, in id order (an alarm gets a new one after a cancelled one).
QHash<qint64, QList<const Mission *>> missionsByAlarm(const DispatchState &state)
{
    QHash<qint64, QList<const Mission *>> out;
    for (auto it = state.missions().cbegin(); it != state.missions().cend(); ++it)
        out[it->alarmId()].append(&it.value());
    for (auto &list : out)
        std::sort(list.begin(), list.end(), [](const Mission *a, const Mission *b) { return a->id() < b->id(); });
    return out;
}

Reports::ShiftRow rowFor(const Alarm &a, const QList<const Mission *> &missions, const DispatchState &state)
{
    Reports::ShiftRow r;
    r.alarmId = a.id();
    r.kind = a.kind();
    r.severity = a.severity();
    r.state = a.state();
    r.deviceId = a.deviceId();
    if (const Device *d = state.device(a.deviceId()))
        r.deviceLabel = d->label;
    r.beneficiaryRef = a.beneficiaryRef;
    r.address = a.address;
    r.position = a.position;
    r.received = a.raisedAt();
    r.outcome = a.outcome();

    // The timeline once: the first acknowledgement, the assignment that stood (a later
    // return to ACKNOWLEDGED or DISPATCHING withdraws it) and what followed it.
    for (const Transition &t : a.timeline()) {
        if (isEscalation(t))
            continue;
        switch (static_cast<AS>(t.state)) {
        case AS::New:
            break;
        case AS::Acknowledged:
            if (!r.acknowledged.isValid()) {
                r.acknowledged = t.at;
                r.acknowledgedBy = t.by;
                break;
            }
            [[fallthrough]];
        case AS::Dispatching:
            r.accepted = {};
            r.helperId.clear();
            r.enRoute = {};
            break;
        case AS::Assigned:
            r.accepted = t.at;
            r.helperId = t.note;
            r.enRoute = {};
            break;
        case AS::EnRoute:
            if (!r.enRoute.isValid())
                r.enRoute = t.at;
            break;
        case AS::OnScene:
            if (!r.onScene.isValid())
                r.onScene = t.at;
            break;
        case AS::Resolved:
            r.resolved = t.at;
            break;
        case AS::Closed:
            r.closed = t.at;
            r.closedBy = t.by;
            break;
        case AS::Cancelled:
            r.cancelled = t.at;
            break;
        }
    }
    if (const Helper *h = state.helper(r.helperId))
        r.helperName = h->name;

    for (const Mission *m : missions) {
        for (const Offer &o : m->offers()) {
            if (o.sentAt.isValid() && (!r.firstOffer.isValid() || o.sentAt < r.firstOffer))
                r.firstOffer = o.sentAt;
        }
        r.redispatches += m->redispatchCount();
        if (m->state() == Mission::State::Completed)
            r.fee = m->payout();
    }
    // A new mission for the same alarm (the previous one cancelled) is a re-dispatch too.
    r.redispatches += std::max<int>(0, int(missions.size()) - 1);

    r.ackS = secondsBetween(r.received, r.acknowledged);
    r.assignS = secondsBetween(r.acknowledged, r.accepted);
    r.travelS = secondsBetween(r.accepted, r.onScene);
    r.totalS = secondsBetween(r.received, r.resolved.isValid() ? r.resolved : r.cancelled);
    return r;
}

// When the desk was done with it: closed, else resolved (never closed), else cancelled.
QDateTime finishedAt(const Reports::ShiftRow &r)
{
    if (r.closed.isValid())
        return r.closed;
    return r.resolved.isValid() ? r.resolved : r.cancelled;
}

std::optional<double> median(QList<qint64> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n % 2 == 1)
        return double(values.at(n / 2));
    return (double(values.at(n / 2 - 1)) + double(values.at(n / 2))) / 2.0;
}

QString coordinate(double degrees, bool exact)
{
    return QString::number(degrees, 'f', exact ? 6 : 3);
}

QString ratio(const std::optional<double> &r)
{
    return r ? QString::number(*r, 'f', 4) : QString();
}

QString seconds(const std::optional<qint64> &s)
{
    return s ? QString::number(*s) : QString();
}

QString medianText(const std::optional<double> &s)
{
    return s ? Reports::formatSeconds(*s) : QString();
}

bool writeTable(const QList<QStringList> &table, const ReportFormat &format, QIODevice *out, QString *error)
{
    CsvWriter writer(out, format.csvOptions());
    for (const QStringList &record : table) {
        if (!writer.writeRecord(record)) {
            if (error)
                *error = writer.errorString();
            return false;
        }
    }
    return true;
}

} // namespace

// ---- shift report ----

QList<Reports::ShiftRow> Reports::shiftRows(const DispatchState &state, const ReportPeriod &period)
{
    const QHash<qint64, QList<const Mission *>> missions = missionsByAlarm(state);
    QList<ShiftRow> rows;
    for (auto it = state.alarms().cbegin(); it != state.alarms().cend(); ++it) {
        const Alarm &a = it.value();
        if (!period.to.isValid() || a.raisedAt() < period.to) {
            ShiftRow r = rowFor(a, missions.value(a.id()), state);
            if (period.overlaps(r.received, finishedAt(r)))
                rows.append(std::move(r));
        }
    }
    std::sort(rows.begin(), rows.end(), [](const ShiftRow &a, const ShiftRow &b) {
        return a.received != b.received ? a.received < b.received : a.alarmId < b.alarmId;
    });
    return rows;
}

QStringList Reports::shiftColumns()
{
    return {QStringLiteral("alarm_id"),
            QStringLiteral("kind"),
            QStringLiteral("severity"),
            QStringLiteral("state"),
            QStringLiteral("device_id"),
            QStringLiteral("device_label"),
            QStringLiteral("beneficiary_ref"),
            QStringLiteral("address"),
            QStringLiteral("latitude"),
            QStringLiteral("longitude"),
            QStringLiteral("received_at"),
            QStringLiteral("acknowledged_at"),
            QStringLiteral("acknowledged_by"),
            QStringLiteral("first_offer_at"),
            QStringLiteral("accepted_at"),
            QStringLiteral("helper_id"),
            QStringLiteral("helper_name"),
            QStringLiteral("en_route_at"),
            QStringLiteral("on_scene_at"),
            QStringLiteral("resolved_at"),
            QStringLiteral("outcome"),
            QStringLiteral("closed_at"),
            QStringLiteral("closed_by"),
            QStringLiteral("cancelled_at"),
            QStringLiteral("ack_s"),
            QStringLiteral("assign_s"),
            QStringLiteral("travel_s"),
            QStringLiteral("total_s"),
            QStringLiteral("redispatch_count"),
            QStringLiteral("fee"),
            QStringLiteral("currency")};
}

QList<QStringList> Reports::shiftTable(const DispatchState &state, const ReportPeriod &period,
                                       const ReportFormat &format)
{
    const QTimeZone &tz = format.timeZone;
    const bool names = format.withNames;
    QList<QStringList> table{shiftColumns()};
    for (const ShiftRow &r : shiftRows(state, period)) {
        const bool located = r.position.isValid();
        table.append({QString::number(r.alarmId),
                      AlarmKinds::key(r.kind),
                      Severities::key(r.severity),
                      Alarm::stateKey(r.state),
                      r.deviceId,
                      names ? r.deviceLabel : QString(),
                      r.beneficiaryRef,
                      names ? r.address : QString(),
                      located ? coordinate(r.position.latitude(), names) : QString(),
                      located ? coordinate(r.position.longitude(), names) : QString(),
                      formatTime(r.received, tz),
                      formatTime(r.acknowledged, tz),
                      r.acknowledged.isValid() ? r.acknowledgedBy.toString() : QString(),
                      formatTime(r.firstOffer, tz),
                      formatTime(r.accepted, tz),
                      r.helperId,
                      names ? r.helperName : QString(),
                      formatTime(r.enRoute, tz),
                      formatTime(r.onScene, tz),
                      formatTime(r.resolved, tz),
                      r.outcome ? Outcomes::key(*r.outcome) : QString(),
                      formatTime(r.closed, tz),
                      r.closed.isValid() ? r.closedBy.toString() : QString(),
                      formatTime(r.cancelled, tz),
                      seconds(r.ackS),
                      seconds(r.assignS),
                      seconds(r.travelS),
                      seconds(r.totalS),
                      QString::number(r.redispatches),
                      r.fee ? formatAmount(r.fee->cents()) : QString(),
                      r.fee ? r.fee->currency() : QString()});
    }
    return table;
}

// ---- payout statement ----

QList<Reports::PayoutRow> Reports::payoutRows(const DispatchState &state, const ReportPeriod &period)
{
    QMap<std::pair<QString, QString>, PayoutRow> byHelper; // (helper, currency), sorted
    for (auto it = state.missions().cbegin(); it != state.missions().cend(); ++it) {
        const Mission &m = it.value();
        if (m.assignee().isEmpty() || !period.contains(Earnings::completedAt(m)))
            continue;
        const Money &paid = m.payout();
        PayoutRow &row = byHelper[{m.assignee(), paid.currency()}];
        if (row.helperId.isEmpty()) {
            row.helperId = m.assignee();
            row.total = Money(0, paid.currency());
            if (const Helper *h = state.helper(m.assignee()))
                row.helperName = h->name;
        }
        ++row.missions;
        ++row.missionsByKind[m.kind()];
        ++row.missionsByFee[paid.cents()];
        row.total += paid;
    }
    return byHelper.values();
}

QStringList Reports::payoutColumns()
{
    return {QStringLiteral("period_from"),
            QStringLiteral("period_to"),
            QStringLiteral("helper_id"),
            QStringLiteral("helper_name"),
            QStringLiteral("missions"),
            QStringLiteral("verification_missions"),
            QStringLiteral("maintenance_missions"),
            QStringLiteral("other_missions"),
            QStringLiteral("fees"),
            QStringLiteral("total"),
            QStringLiteral("currency")};
}

QList<QStringList> Reports::payoutTable(const DispatchState &state, const ReportPeriod &period,
                                        const ReportFormat &format)
{
    QList<QStringList> table{payoutColumns()};
    const QString from = formatTime(period.from, format.timeZone);
    const QString to = formatTime(period.to, format.timeZone);
    for (const PayoutRow &r : payoutRows(state, period)) {
        // "2 x 10.00 + 1 x 5.00": the highest fee first.
        QStringList fees;
        for (auto it = r.missionsByFee.cend(); it != r.missionsByFee.cbegin();) {
            --it;
            fees.append(QStringLiteral("%1 x %2").arg(it.value()).arg(formatAmount(it.key())));
        }
        table.append({from, to, r.helperId, format.withNames ? r.helperName : QString(), QString::number(r.missions),
                      QString::number(r.missionsByKind.value(MissionKind::Verification)),
                      QString::number(r.missionsByKind.value(MissionKind::Maintenance)),
                      QString::number(r.missionsByKind.value(MissionKind::Other)), fees.join(QLatin1String(" + ")),
                      formatAmount(r.total.cents()), r.total.currency()});
    }
    return table;
}

// ---- transparency report ----

Reports::Transparency Reports::transparency(const DispatchState &state, const ReportPeriod &period,
                                            const QList<RunningCost> &costs, const QTimeZone &zone)
{
    Transparency t;
    for (AlarmKind k : AlarmKinds::all())
        t.alarmsByKind.insert(k, 0);
    for (Outcome o : Outcomes::all())
        t.alarmsByOutcome.insert(o, 0);
    for (MissionKind k : MissionKinds::all())
        t.missionsCompleted.insert(k, 0);

    const QHash<qint64, QList<const Mission *>> missions = missionsByAlarm(state);
    QList<qint64> ack, assign, travel, onScene, total;
    int resolved = 0; // with an outcome other than cancelled
    for (auto it = state.alarms().cbegin(); it != state.alarms().cend(); ++it) {
        const Alarm &a = it.value();
        if (!period.contains(a.raisedAt()))
            continue;
        const ShiftRow r = rowFor(a, missions.value(a.id()), state);
        ++t.alarms;
        ++t.alarmsByKind[a.kind()];
        if (r.outcome)
            ++t.alarmsByOutcome[*r.outcome];
        if (r.outcome && *r.outcome != Outcome::Cancelled)
            ++resolved;
        if (a.isOpen())
            ++t.alarmsOpen;
        for (auto [value, list] :
             {std::pair{r.ackS, &ack}, std::pair{r.assignS, &assign}, std::pair{r.travelS, &travel},
              std::pair{r.totalS, &total}, std::pair{secondsBetween(r.received, r.onScene), &onScene}}) {
            if (value)
                list->append(*value);
        }
    }
    if (resolved > 0)
        t.falseAlarmRate = double(t.alarmsByOutcome.value(Outcome::FalseAlarm)) / double(resolved);
    t.medianAckS = median(ack);
    t.medianAssignS = median(assign);
    t.medianTravelS = median(travel);
    t.medianOnSceneS = median(onScene);
    t.medianTotalS = median(total);

    // The same missions as the payout statement of the period.
    QSet<QString> paid;
    for (auto it = state.missions().cbegin(); it != state.missions().cend(); ++it) {
        const Mission &m = it.value();
        if (m.assignee().isEmpty() || !period.contains(Earnings::completedAt(m)))
            continue;
        ++t.missionsCompleted[m.kind()];
        paid.insert(m.assignee());
        t.paidToHelpers[m.payout().currency()] += m.payout().cents();
    }
    t.helpersPaid = int(paid.size());

    for (const RunningCost &c : costs) {
        const Money share = c.proratedTo(period.from, period.to, zone);
        const bool meets = period.overlaps(c.from.startOfDay(zone), c.to.addDays(1).startOfDay(zone).addMSecs(-1));
        if (!meets)
            continue;
        t.costs[share.currency()][c.label] += share.cents();
        t.runningCosts[share.currency()] += share.cents();
    }
    return t;
}

QStringList Reports::transparencyColumns()
{
    return {QStringLiteral("period_from"), QStringLiteral("period_to"), QStringLiteral("metric"),
            QStringLiteral("key"),         QStringLiteral("value"),     QStringLiteral("unit")};
}

QList<QStringList> Reports::transparencyTable(const DispatchState &state, const ReportPeriod &period,
                                              const QList<RunningCost> &costs, const ReportFormat &format)
{
    const Transparency t = transparency(state, period, costs, format.timeZone);
    const QString from = formatTime(period.from, format.timeZone);
    const QString to = formatTime(period.to, format.timeZone);
    QList<QStringList> table{transparencyColumns()};
    const auto add = [&](const QString &metric, const QString &key, const QString &value, const QString &unit) {
        table.append({from, to, metric, key, value, unit});
    };
    const QString count = QStringLiteral("count");
    const QString secondsUnit = QStringLiteral("s");
    const QString ratioUnit = QStringLiteral("ratio");

    add(QStringLiteral("alarms"), QStringLiteral("total"), QString::number(t.alarms), count);
    for (auto it = t.alarmsByKind.cbegin(); it != t.alarmsByKind.cend(); ++it)
        add(QStringLiteral("alarms_by_kind"), AlarmKinds::key(it.key()), QString::number(it.value()), count);
    for (auto it = t.alarmsByOutcome.cbegin(); it != t.alarmsByOutcome.cend(); ++it)
        add(QStringLiteral("alarms_by_outcome"), Outcomes::key(it.key()), QString::number(it.value()), count);
    add(QStringLiteral("alarms_open"), QString(), QString::number(t.alarmsOpen), count);
    add(QStringLiteral("false_alarm_rate"), QString(), ratio(t.falseAlarmRate), ratioUnit);
    add(QStringLiteral("median_ack_s"), QString(), medianText(t.medianAckS), secondsUnit);
    add(QStringLiteral("median_assign_s"), QString(), medianText(t.medianAssignS), secondsUnit);
    add(QStringLiteral("median_travel_s"), QString(), medianText(t.medianTravelS), secondsUnit);
    add(QStringLiteral("median_on_scene_s"), QString(), medianText(t.medianOnSceneS), secondsUnit);
    add(QStringLiteral("median_total_s"), QString(), medianText(t.medianTotalS), secondsUnit);
    int missions = 0;
    for (auto it = t.missionsCompleted.cbegin(); it != t.missionsCompleted.cend(); ++it) {
        add(QStringLiteral("missions"), MissionKinds::key(it.key()), QString::number(it.value()), count);
        missions += it.value();
    }
    add(QStringLiteral("missions"), QStringLiteral("total"), QString::number(missions), count);
    add(QStringLiteral("helpers_paid"), QString(), QString::number(t.helpersPaid), count);

    // Money, per currency (normally one): helpers, each running cost, totals and shares.
    QStringList currencies = t.paidToHelpers.keys();
    for (const QString &c : t.runningCosts.keys()) {
        if (!currencies.contains(c))
            currencies.append(c);
    }
    if (currencies.isEmpty())
        currencies.append(Money().currency());
    std::sort(currencies.begin(), currencies.end());
    for (const QString &cur : std::as_const(currencies)) {
        const qint64 helpers = t.paidToHelpers.value(cur);
        const qint64 running = t.runningCosts.value(cur);
        const qint64 all = helpers + running;
        add(QStringLiteral("paid_to_helpers"), QString(), formatAmount(helpers), cur);
        const QMap<QString, qint64> labels = t.costs.value(cur);
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            add(QStringLiteral("running_cost"), it.key(), formatAmount(it.value()), cur);
        add(QStringLiteral("running_costs"), QStringLiteral("total"), formatAmount(running), cur);
        add(QStringLiteral("total_costs"), QString(), formatAmount(all), cur);
        const auto share = [all](qint64 part) {
            return all > 0 ? std::optional<double>(double(part) / double(all)) : std::nullopt;
        };
        add(QStringLiteral("helpers_share"), cur, ratio(share(helpers)), ratioUnit);
        add(QStringLiteral("running_costs_share"), cur, ratio(share(running)), ratioUnit);
    }
    return table;
}

// ---- writing ----

bool Reports::writeShiftReport(const DispatchState &state, const ReportPeriod &period, const ReportFormat &format,
                               QIODevice *out, QString *error)
{
    return writeTable(shiftTable(state, period, format), format, out, error);
}

bool Reports::writePayoutStatement(const DispatchState &state, const ReportPeriod &period, const ReportFormat &format,
                                   QIODevice *out, QString *error)
{
    return writeTable(payoutTable(state, period, format), format, out, error);
}

bool Reports::writeTransparencyReport(const DispatchState &state, const ReportPeriod &period,
                                      const QList<RunningCost> &costs, const ReportFormat &format, QIODevice *out,
                                      QString *error)
{
    return writeTable(transparencyTable(state, period, costs, format), format, out, error);
}

// ---- formats ----

QString Reports::formatTime(const QDateTime &t, const QTimeZone &zone)
{
    if (!t.isValid())
        return {};
    const QDateTime local = zone.isValid() ? t.toTimeZone(zone) : t.toUTC();
    const int offset = local.offsetFromUtc();
    const int magnitude = std::abs(offset);
    const QDate d = local.date();
    const QTime h = local.time();
    return QStringLiteral("%1-%2-%3T%4:%5:%6%7%8:%9")
        .arg(d.year(), 4, 10, QLatin1Char('0'))
        .arg(d.month(), 2, 10, QLatin1Char('0'))
        .arg(d.day(), 2, 10, QLatin1Char('0'))
        .arg(h.hour(), 2, 10, QLatin1Char('0'))
        .arg(h.minute(), 2, 10, QLatin1Char('0'))
        .arg(h.second(), 2, 10, QLatin1Char('0'))
        .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(magnitude / 3600, 2, 10, QLatin1Char('0'))
        .arg((magnitude % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString Reports::formatAmount(qint64 cents)
{
    const qint64 magnitude = cents < 0 ? -cents : cents;
    return QStringLiteral("%1%2.%3")
        .arg(cents < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString Reports::formatSeconds(double seconds)
{
    const double whole = std::floor(seconds);
    if (whole == seconds)
        return QString::number(qint64(whole));
    return QString::number(seconds, 'f', 1);
}

} // namespace relais
