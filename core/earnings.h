#pragma once

#include "money.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QTimeZone>

namespace relais {

class DispatchState;
class Mission;

// What helpers earned over a period: the missions they completed in it and the sum of their
// payouts. A mission counts when its COMPLETED transition falls in the period (a mission
// offered before midnight and completed after counts for the day it was completed);
// cancelled missions earn nothing. Amounts are summed per currency, never converted nor
// mixed: a desk that changed currency shows both sums.
class Earnings final
{
public:
    // [from, to), in UTC.
    struct Period
    {
        QDateTime from;
        QDateTime to;

        bool isValid() const { return from.isValid() && to.isValid() && from < to; }
        bool contains(const QDateTime &t) const { return t.isValid() && from <= t && t < to; }
        friend bool operator==(const Period &, const Period &) = default;
    };

    // The local day `date` in zone, from its first moment (midnight, or later when midnight
    // falls in a daylight-saving gap) to the next day's.
    static Period day(const QDate &date, const QTimeZone &zone = QTimeZone::systemTimeZone());
    // The local day holding now.
    static Period today(const QDateTime &now, const QTimeZone &zone = QTimeZone::systemTimeZone());
    // The `days` local days ending with today's (today included): 7 for "the last 7 days".
    static Period lastDays(int days, const QDateTime &now, const QTimeZone &zone = QTimeZone::systemTimeZone());
    // The local calendar month holding now.
    static Period month(const QDateTime &now, const QTimeZone &zone = QTimeZone::systemTimeZone());

    // When the mission was completed (its COMPLETED transition), UTC; null unless completed.
    static QDateTime completedAt(const Mission &mission);

    // The missions completed in the period by one helper, or by anyone with an empty id,
    // in the order they were completed (then by id).
    static QList<const Mission *> completedMissions(const DispatchState &state, const QString &helperId,
                                                    const Period &period);
    // One helper's earnings, or everyone's with an empty id.
    static Earnings of(const DispatchState &state, const QString &helperId, const Period &period);
    // Every helper's earnings in each period, in one pass over the missions: result[i] holds
    // periods[i]'s, keyed by helper id, only helpers who completed something in it.
    static QList<QHash<QString, Earnings>> perHelper(const DispatchState &state, const QList<Period> &periods);
    static QHash<QString, Earnings> perHelper(const DispatchState &state, const Period &period);

    Earnings() = default;

    int missions() const { return m_missions; }
    bool isEmpty() const { return m_missions == 0; }
    // One sum per currency paid, by currency code; none before a mission is counted (a
    // mission with a zero fee still shows its currency's zero).
    const QList<Money> &amounts() const { return m_amounts; }
    // The sum in one currency (zero in that currency when none).
    Money amount(const QString &currency) const;
    // The greatest sum in cents: what lists sort by (one currency in practice).
    qint64 sortCents() const;

    // One more completed mission with its payout.
    void add(const Money &payout);
    Earnings &operator+=(const Earnings &other);

    friend bool operator==(const Earnings &, const Earnings &) = default;

private:
    int m_missions = 0;
    QList<Money> m_amounts;
};

} // namespace relais
