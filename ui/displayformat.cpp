#include "displayformat.h"

#include "dispatchstate.h"

#include <QCoreApplication>

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

QString age(qint64 seconds)
{
    const qint64 s = seconds < 0 ? 0 : seconds;
    if (s < 60)
        return QCoreApplication::translate("relais::DisplayFormat", "%1 s", "age: seconds").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("relais::DisplayFormat", "%1 min", "age: minutes").arg(s / 60);
    if (s < 86400) {
        return QCoreApplication::translate("relais::DisplayFormat", "%1 h %2", "age: hours, minutes (2 digits)")
            .arg(s / 3600)
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    }
    return QCoreApplication::translate("relais::DisplayFormat", "%1 d %2 h", "age: days, hours")
        .arg(s / 86400)
        .arg((s % 86400) / 3600);
}

QString money(const Money &amount, const QLocale &locale)
{
    return locale.toCurrencyString(static_cast<double>(amount.cents()) / 100.0,
                                   currencySymbol(amount.currency(), locale), 2);
}

QString coordinate(const QGeoCoordinate &where)
{
    if (!where.isValid())
        return {};
    return QStringLiteral("%1°, %2°").arg(where.latitude(), 0, 'f', 5).arg(where.longitude(), 0, 'f', 5);
}

QString interval(qint64 seconds)
{
    if (seconds <= 0)
        return {};
    if (seconds % 3600 == 0)
        return QCoreApplication::translate("relais::DisplayFormat", "%1 h", "interval: hours").arg(seconds / 3600);
    if (seconds % 60 == 0)
        return QCoreApplication::translate("relais::DisplayFormat", "%1 min", "interval: minutes").arg(seconds / 60);
    return QCoreApplication::translate("relais::DisplayFormat", "%1 s", "interval: seconds").arg(seconds);
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
