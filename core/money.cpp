#include "money.h"

#include <QRegularExpression>

namespace relais {

QString Money::toString() const
{
    const qint64 absCents = m_cents < 0 ? -m_cents : m_cents;
    return QStringLiteral("%1%2.%3 %4")
        .arg(m_cents < 0 ? QStringLiteral("-") : QString())
        .arg(absCents / 100)
        .arg(absCents % 100, 2, 10, QLatin1Char('0'))
        .arg(m_currency);
}

bool Money::parse(const QString &text, Money *out, const QString &defaultCurrency)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(-)?(\d{1,12})(?:[.,](\d{1,2}))?\s*([A-Za-z]{3})?\s*$)"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    qint64 cents = m.captured(2).toLongLong() * 100;
    QString fraction = m.captured(3);
    if (fraction.size() == 1)
        fraction += QLatin1Char('0');
    cents += fraction.toLongLong();
    if (!m.captured(1).isEmpty())
        cents = -cents;
    const QString currency = m.captured(4).isEmpty() ? defaultCurrency : m.captured(4).toUpper();
    if (out)
        *out = Money(cents, currency);
    return true;
}

Money Money::operator+(const Money &other) const
{
    Money sum = *this;
    sum += other;
    return sum;
}

Money &Money::operator+=(const Money &other)
{
    Q_ASSERT(other.m_cents == 0 || m_currency == other.m_currency);
    m_cents += other.m_cents;
    return *this;
}

} // namespace relais
