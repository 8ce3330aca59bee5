#include "runningcost.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace relais {

namespace {

Error bad(const QString &code, const QString &message)
{
    return Error{code, message};
}

QDate dateFrom(const QJsonObject &p, const char *key)
{
    static const QRegularExpression iso(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    const QString text = p.value(QLatin1String(key)).toString();
    if (!iso.match(text).hasMatch())
        return {};
    return QDate::fromString(text, Qt::ISODate);
}

} // namespace

Result<RunningCost> RunningCost::fromPayload(const QJsonObject &p)
{
    RunningCost c;
    c.from = dateFrom(p, "from");
    c.to = dateFrom(p, "to");
    if (!c.from.isValid() || !c.to.isValid())
        return bad(QStringLiteral("bad_value"), QStringLiteral("A running cost needs from and to dates (YYYY-MM-DD)."));
    if (c.to < c.from)
        return bad(QStringLiteral("bad_value"), QStringLiteral("A running cost's period ends before it starts."));
    c.label = p.value(QLatin1String("label")).toString().trimmed();
    if (c.label.isEmpty())
        return bad(QStringLiteral("missing_field"), QStringLiteral("A running cost needs a label."));
    const QJsonValue cents = p.value(QLatin1String("amount_cents"));
    const QString currency = p.value(QLatin1String("currency")).toString();
    static const QRegularExpression code(QStringLiteral(R"(^[A-Z]{3}$)"));
    // toInteger() refuses fractions: an amount in cents is a whole number.
    constexpr qint64 notWhole = std::numeric_limits<qint64>::min();
    if (cents.toInteger(notWhole) == notWhole || !code.match(currency).hasMatch()) {
        return bad(QStringLiteral("bad_value"),
                   QStringLiteral("A running cost needs a whole amount_cents and a currency code such as EUR."));
    }
    c.amount = Money(cents.toInteger(), currency);
    return c;
}

QJsonObject RunningCost::toPayload() const
{
    return {{QStringLiteral("from"), from.toString(Qt::ISODate)},
            {QStringLiteral("to"), to.toString(Qt::ISODate)},
            {QStringLiteral("label"), label},
            {QStringLiteral("amount_cents"), amount.cents()},
            {QStringLiteral("currency"), amount.currency()}};
}

JournalEntry RunningCost::toEntry(const QDateTime &at, const Actor &by, const QString &source) const
{
    return JournalEntry::make(at.toUTC(), source, EntryKind::CostsRecorded, by, toPayload());
}

Money RunningCost::proratedTo(const QDateTime &periodFrom, const QDateTime &periodTo, const QTimeZone &zone) const
{
    const qint64 start = from.startOfDay(zone).toMSecsSinceEpoch();
    const qint64 end = to.addDays(1).startOfDay(zone).toMSecsSinceEpoch();
    const qint64 a = periodFrom.isValid() ? std::max(start, periodFrom.toMSecsSinceEpoch()) : start;
    const qint64 b = periodTo.isValid() ? std::min(end, periodTo.toMSecsSinceEpoch()) : end;
    if (b <= a || end <= start)
        return Money(0, amount.currency());
    if (a == start && b == end)
        return amount;
    const long double share = static_cast<long double>(amount.cents()) * static_cast<long double>(b - a)
                              / static_cast<long double>(end - start);
    return Money(std::llround(share), amount.currency());
}

} // namespace relais
