#pragma once

#include <QString>
#include <QtGlobal>

namespace relais {

// An amount in integer minor units (cents) and an ISO 4217 currency code.
// No floating point ever touches money.
class Money final
{
public:
    Money() = default;
    Money(qint64 cents, QString currency) : m_cents(cents), m_currency(std::move(currency)) {}

    static Money euros(qint64 cents) { return {cents, QStringLiteral("EUR")}; }

    qint64 cents() const { return m_cents; }
    const QString &currency() const { return m_currency; }
    bool isZero() const { return m_cents == 0; }

    // "10.00 EUR": locale-free, for the journal and CSV.
    QString toString() const;
    // Parses "10", "10.5", "10.50", "10,50" with an optional currency after a space.
    static bool parse(const QString &text, Money *out, const QString &defaultCurrency = QStringLiteral("EUR"));

    // Adding different currencies is a programming error: checked with Q_ASSERT and
    // the right-hand side's currency ignored in release builds.
    Money operator+(const Money &other) const;
    Money &operator+=(const Money &other);

    friend bool operator==(const Money &, const Money &) = default;

private:
    qint64 m_cents = 0;
    QString m_currency = QStringLiteral("EUR");
};

} // namespace relais
