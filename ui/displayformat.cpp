#include "displayformat.h"

#include "dispatchstate.h"

#include <QCoreApplication>

#include <cmath>

namespace relais::DisplayFormat {

namespace {

QString currencySymbol(const QString &code, const QLocale &locale)
{
    if (code.compare(locale.currencySymbol(QLocale::CurrencyIsoCode), Qt::CaseInsensitive) == 0)
        return locale.currencySymbol(QLocale::CurrencySymbol);
    // The currencies an association is likely to pay in, when the locale is another country's.
    if (code == QLatin1String("EUR"))
        return QStringLiteral("€");
    if (code == QLatin1String("GBP"))
        return QStringLiteral("£");
    if (code == QLatin1String("USD"))
        return QStringLiteral("US$");
    return code;
}

} // namespace

QString age(qint64 seconds, const QLocale &locale)
{
    const qint64 s = seconds < 0 ? 0 : seconds;
    if (s < 60)
        return QCoreApplication::translate("relais::DisplayFormat", "%1 s", "age: seconds").arg(locale.toString(s));
    if (s < 3600) {
        return QCoreApplication::translate("relais::DisplayFormat", "%1 min", "age: minutes")
            .arg(locale.toString(s / 60));
    }
    if (s < 86400) {
        return QCoreApplication::translate("relais::DisplayFormat", "%1 h %2", "age: hours, minutes (2 digits)")
            .arg(locale.toString(s / 3600))
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    }
    return QCoreApplication::translate("relais::DisplayFormat", "%1 d %2 h", "age: days, hours")
        .arg(locale.toString(s / 86400), locale.toString((s % 86400) / 3600));
}

QString money(const Money &amount, const QLocale &locale)
{
    // Qt 6.4 writes negative amounts in accounting brackets ("(10,50 €)"): the sign is ours.
    const qint64 cents = amount.cents();
    const QString text = locale.toCurrencyString(static_cast<double>(cents < 0 ? -cents : cents) / 100.0,
                                                 currencySymbol(amount.currency(), locale), 2);
    return cents < 0 ? locale.negativeSign() + text : text;
}

QString amountField(const Money &amount, const QLocale &locale)
{
    // In integers: no floating point ever touches money.
    const qint64 cents = amount.cents();
    const qint64 absCents = cents < 0 ? -cents : cents;
    // Digits as Money::parse reads them; the sign and the decimal separator the locale's.
    return (cents < 0 ? locale.negativeSign() : QString()) + QString::number(absCents / 100) + locale.decimalPoint()
           + QString::number(absCents % 100).rightJustified(2, QLatin1Char('0'));
}

QString coordinate(const QGeoCoordinate &where)
{
    if (!where.isValid())
        return {};
    return QStringLiteral("%1°, %2°").arg(where.latitude(), 0, 'f', 5).arg(where.longitude(), 0, 'f', 5);
}

QString interval(qint64 seconds, const QLocale &locale)
{
    if (seconds <= 0)
        return {};
    if (seconds % 3600 == 0) {
        return QCoreApplication::translate("relais::DisplayFormat", "%1 h", "interval: hours")
            .arg(locale.toString(seconds / 3600));
    }
    if (seconds % 60 == 0) {
        return QCoreApplication::translate("relais::DisplayFormat", "%1 min", "interval: minutes")
            .arg(locale.toString(seconds / 60));
    }
    return QCoreApplication::translate("relais::DisplayFormat", "%1 s", "interval: seconds")
        .arg(locale.toString(seconds));
}

QString distance(double metres, const QLocale &locale)
{
    const qint64 tens = std::isfinite(metres) && metres > 0 ? qRound64(metres / 10) : 0;
    if (tens < 100)
        return QCoreApplication::translate("relais::DisplayFormat", "%1 m").arg(locale.toString(tens * 10));
    // In hundreds of metres, so that 1 249 m reads 1.2 km and 995 m already 1.0 km.
    const qint64 hundreds = qRound64(metres / 100);
    return QCoreApplication::translate("relais::DisplayFormat", "%1 km")
        .arg(locale.toString(static_cast<double>(hundreds) / 10.0, 'f', 1));
}

QString length(double metres, const QLocale &locale)
{
    if (!std::isfinite(metres) || metres < 1000) {
        const qint64 m = std::isfinite(metres) && metres > 0 ? qRound64(metres) : 0;
        return QCoreApplication::translate("relais::DisplayFormat", "%1 m").arg(locale.toString(m));
    }
    return QCoreApplication::translate("relais::DisplayFormat", "%1 km")
        .arg(locale.toString(metres / 1000.0, 'f', QLocale::FloatingPointShortest));
}

QString percent(int value, const QLocale &locale)
{
    return QCoreApplication::translate("relais::DisplayFormat", "%1%", "a percentage").arg(locale.toString(value));
}

QString moment(const QDateTime &when, const QDateTime &now, const QLocale &locale)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return time;
    const QString dayFormat =
        local.date().year() == today.year()
            ? QCoreApplication::translate("relais::DisplayFormat", "d MMM", "QDate format: a day of this year")
            : QCoreApplication::translate("relais::DisplayFormat", "d MMM yyyy", "QDate format: a day of another year");
    return QCoreApplication::translate("relais::DisplayFormat", "%1 %2", "moment: day, time")
        .arg(locale.toString(local.date(), dayFormat), time);
}

QString actor(const Actor &actor, const DispatchState &state)
{
    switch (actor.kind) {
    case Actor::Kind::Operator:
        return actor.id;
    case Actor::Kind::Helper:
        if (const Helper *h = state.helper(actor.id))
            return h->name;
        return actor.id;
    case Actor::Kind::Device:
        return QCoreApplication::translate("relais::DisplayFormat", "device %1").arg(actor.id);
    case Actor::Kind::System:
        break;
    }
    return QCoreApplication::translate("relais::DisplayFormat", "Relais");
}

} // namespace relais::DisplayFormat
