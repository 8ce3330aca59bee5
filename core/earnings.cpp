#include "earnings.h"

#include "dispatchstate.h"
#include "mission.h"

#include <algorithm>

namespace relais {

namespace {

QDateTime startOf(const QDate &date, const QTimeZone &zone)
{
    return date.startOfDay(zone).toUTC();
}

QDate localDate(const QDateTime &now, const QTimeZone &zone)
{
    return now.toTimeZone(zone).date();
}

} // namespace

Earnings::Period Earnings::day(const QDate &date, const QTimeZone &zone)
{
    if (!date.isValid() || !zone.isValid())
        return {};
    return {startOf(date, zone), startOf(date.addDays(1), zone)};
}

Earnings::Period Earnings::today(const QDateTime &now, const QTimeZone &zone)
{
    if (!now.isValid() || !zone.isValid())
        return {};
    return day(localDate(now, zone), zone);
}

Earnings::Period Earnings::lastDays(int days, const QDateTime &now, const QTimeZone &zone)
{
    if (days < 1 || !now.isValid() || !zone.isValid())
        return {};
    const QDate today = localDate(now, zone);
    return {startOf(today.addDays(1 - days), zone), startOf(today.addDays(1), zone)};
}

Earnings::Period Earnings::month(const QDateTime &now, const QTimeZone &zone)
{
    if (!now.isValid() || !zone.isValid())
        return {};
    const QDate today = localDate(now, zone);
    const QDate first(today.year(), today.month(), 1);
    return {startOf(first, zone), startOf(first.addMonths(1), zone)};
}

QDateTime Earnings::completedAt(const Mission &mission)
{
    if (mission.state() != Mission::State::Completed)
        return {};
    // COMPLETED is final: it is the last step of the timeline.
    const QList<Transition> &timeline = mission.timeline();
    for (auto it = timeline.crbegin(); it != timeline.crend(); ++it) {
        if (it->state == static_cast<int>(Mission::State::Completed))
            return it->at.toUTC();
    }
    return {};
}

QList<const Mission *> Earnings::completedMissions(const DispatchState &state, const QString &helperId,
                                                   const Period &period)
{
    QList<std::pair<QDateTime, const Mission *>> found;
    if (!period.isValid())
        return {};
    for (const Mission &m : state.missions()) {
        if (m.state() != Mission::State::Completed || (!helperId.isEmpty() && m.assignee() != helperId))
            continue;
        const QDateTime at = completedAt(m);
        if (period.contains(at))
            found.append({at, &m});
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second->id() < b.second->id();
    });
    QList<const Mission *> out;
    out.reserve(found.size());
    for (const auto &f : found)
        out.append(f.second);
    return out;
}

Earnings Earnings::of(const DispatchState &state, const QString &helperId, const Period &period)
{
    Earnings e;
    if (!period.isValid())
        return e;
    for (const Mission &m : state.missions()) {
        if (m.state() != Mission::State::Completed || (!helperId.isEmpty() && m.assignee() != helperId))
            continue;
        if (period.contains(completedAt(m)))
            e.add(m.payout());
    }
    return e;
}

QList<QHash<QString, Earnings>> Earnings::perHelper(const DispatchState &state, const QList<Period> &periods)
{
    QList<QHash<QString, Earnings>> out(periods.size());
    if (periods.isEmpty())
        return out;
    for (const Mission &m : state.missions()) {
        if (m.state() != Mission::State::Completed || m.assignee().isEmpty())
            continue;
        const QDateTime at = completedAt(m);
        for (qsizetype i = 0; i < periods.size(); ++i) {
            if (periods.at(i).contains(at))
                out[i][m.assignee()].add(m.payout());
        }
    }
    return out;
}

QHash<QString, Earnings> Earnings::perHelper(const DispatchState &state, const Period &period)
{
    return perHelper(state, QList<Period>{period}).constFirst();
}

Money Earnings::amount(const QString &currency) const
{
    for (const Money &m : m_amounts) {
        if (m.currency() == currency)
            return m;
    }
    return {0, currency};
}

qint64 Earnings::sortCents() const
{
    qint64 best = 0;
    for (const Money &m : m_amounts)
        best = std::max(best, m.cents());
    return best;
}

void Earnings::add(const Money &payout)
{
    ++m_missions;
    auto it = std::lower_bound(m_amounts.begin(), m_amounts.end(), payout.currency(),
                               [](const Money &m, const QString &currency) { return m.currency() < currency; });
    if (it != m_amounts.end() && it->currency() == payout.currency())
        *it += payout;
    else
        m_amounts.insert(it, payout);
}

Earnings &Earnings::operator+=(const Earnings &other)
{
    for (const Money &m : other.m_amounts) {
        auto it = std::lower_bound(m_amounts.begin(), m_amounts.end(), m.currency(),
                                   [](const Money &a, const QString &currency) { return a.currency() < currency; });
        if (it != m_amounts.end() && it->currency() == m.currency())
            *it += m;
        else
            m_amounts.insert(it, m);
    }
    m_missions += other.m_missions;
    return *this;
}

} // namespace relais
