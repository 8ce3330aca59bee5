#include "money.h"

#include <QTest>

using namespace relais;

namespace relais {
// Found by QCOMPARE through argument-dependent lookup: failures print the amounts.
char *toString(const Money &m)
{
    return QTest::toString(m.toString());
}
} // namespace relais

class TestMoney final : public QObject
{
    Q_OBJECT

private slots:
    void basics();
    void toString_data();
    void toString();
    void parse_data();
    void parse();
    void parseRefuses_data();
    void parseRefuses();
    void parseWithoutOutput();
    void roundTrip_data();
    void roundTrip();
    void addition();
};

void TestMoney::basics()
{
    const Money zero;
    QCOMPARE(zero.cents(), 0);
    QCOMPARE(zero.currency(), QStringLiteral("EUR"));
    QVERIFY(zero.isZero());

    const Money ten = Money::euros(1000);
    QCOMPARE(ten.cents(), 1000);
    QCOMPARE(ten.currency(), QStringLiteral("EUR"));
    QVERIFY(!ten.isZero());

    QVERIFY(Money(1000, QStringLiteral("EUR")) == ten);
    QVERIFY(!(Money(1000, QStringLiteral("CHF")) == ten)); // same amount, another currency
    QVERIFY(!(Money::euros(1001) == ten));
}

void TestMoney::toString_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("EUR") << QStringLiteral("0.00 EUR");
    QTest::newRow("fee") << qint64(1000) << QStringLiteral("EUR") << QStringLiteral("10.00 EUR");
    QTest::newRow("cents") << qint64(1050) << QStringLiteral("EUR") << QStringLiteral("10.50 EUR");
    QTest::newRow("one cent") << qint64(1) << QStringLiteral("CHF") << QStringLiteral("0.01 CHF");
    QTest::newRow("negative cent") << qint64(-5) << QStringLiteral("EUR") << QStringLiteral("-0.05 EUR");
    QTest::newRow("negative") << qint64(-12345) << QStringLiteral("EUR") << QStringLiteral("-123.45 EUR");
    QTest::newRow("large") << qint64(123456789012) << QStringLiteral("EUR") << QStringLiteral("1234567890.12 EUR");
}

void TestMoney::toString()
{
    QFETCH(qint64, cents);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QCOMPARE(Money(cents, currency).toString(), text);
}

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("currency");
    QTest::newRow("units") << QStringLiteral("10") << qint64(1000) << QStringLiteral("EUR");
    QTest::newRow("one decimal") << QStringLiteral("10.5") << qint64(1050) << QStringLiteral("EUR");
    QTest::newRow("two decimals") << QStringLiteral("10.50") << qint64(1050) << QStringLiteral("EUR");
    QTest::newRow("decimal comma") << QStringLiteral("10,50") << qint64(1050) << QStringLiteral("EUR");
    QTest::newRow("comma one decimal") << QStringLiteral("7,5") << qint64(750) << QStringLiteral("EUR");
    QTest::newRow("leading zero cents") << QStringLiteral("7.05") << qint64(705) << QStringLiteral("EUR");
    QTest::newRow("cents only") << QStringLiteral("0.07") << qint64(7) << QStringLiteral("EUR");
    QTest::newRow("negative") << QStringLiteral("-3.20") << qint64(-320) << QStringLiteral("EUR");
    QTest::newRow("negative comma") << QStringLiteral("-0,5") << qint64(-50) << QStringLiteral("EUR");
    QTest::newRow("currency") << QStringLiteral("12.00 CHF") << qint64(1200) << QStringLiteral("CHF");
    QTest::newRow("lower-case currency") << QStringLiteral("12,00 chf") << qint64(1200) << QStringLiteral("CHF");
    QTest::newRow("no space before currency") << QStringLiteral("5EUR") << qint64(500) << QStringLiteral("EUR");
    QTest::newRow("surrounding spaces") << QStringLiteral("  8.25 EUR \t") << qint64(825) << QStringLiteral("EUR");
    QTest::newRow("leading zeros") << QStringLiteral("007") << qint64(700) << QStringLiteral("EUR");
    QTest::newRow("largest") << QStringLiteral("999999999999.99") << qint64(99999999999999) << QStringLiteral("EUR");
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    QFETCH(QString, currency);
    Money m(-1, QStringLiteral("XXX"));
    QVERIFY2(Money::parse(text, &m), qPrintable(text));
    QCOMPARE(m.cents(), cents);
    QCOMPARE(m.currency(), currency);
}

void TestMoney::parseRefuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral("   ");
    QTest::newRow("words") << QStringLiteral("ten euros");
    QTest::newRow("trailing point") << QStringLiteral("10.");
    QTest::newRow("no units") << QStringLiteral(".50");
    QTest::newRow("three decimals") << QStringLiteral("10.505");
    QTest::newRow("thousands separator") << QStringLiteral("1,000.00");
    QTest::newRow("space in number") << QStringLiteral("1 000");
    QTest::newRow("two signs") << QStringLiteral("--1");
    QTest::newRow("plus sign") << QStringLiteral("+5");
    QTest::newRow("sign apart") << QStringLiteral("- 5");
    QTest::newRow("exponent") << QStringLiteral("1e3");
    QTest::newRow("long currency") << QStringLiteral("10 EURO");
    QTest::newRow("short currency") << QStringLiteral("10 EU");
    QTest::newRow("currency first") << QStringLiteral("EUR 10");
    QTest::newRow("symbol") << QStringLiteral("10 €");
    QTest::newRow("non-ASCII digits") << QStringLiteral("١٠");
    QTest::newRow("too many digits") << QStringLiteral("1234567890123");
}

void TestMoney::parseRefuses()
{
    QFETCH(QString, text);
    const Money untouched(4242, QStringLiteral("CHF"));
    Money m = untouched;
    QVERIFY2(!Money::parse(text, &m), qPrintable(text));
    QCOMPARE(m, untouched);
}

void TestMoney::parseWithoutOutput()
{
    QVERIFY(Money::parse(QStringLiteral("3.50"), nullptr));
    QVERIFY(!Money::parse(QStringLiteral("3.505"), nullptr));

    Money m;
    QVERIFY(Money::parse(QStringLiteral("3.50"), &m, QStringLiteral("CHF")));
    QCOMPARE(m, Money(350, QStringLiteral("CHF")));
    QVERIFY(Money::parse(QStringLiteral("3.50 EUR"), &m, QStringLiteral("CHF")));
    QCOMPARE(m, Money::euros(350));
}

void TestMoney::roundTrip_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("currency");
    for (qint64 c : {qint64(0), qint64(1), qint64(9), qint64(10), qint64(99), qint64(100), qint64(1050), qint64(-1),
                     qint64(-99), qint64(-100), qint64(-1050), qint64(99999999999999)}) {
        QTest::addRow("%lld EUR", static_cast<long long>(c)) << c << QStringLiteral("EUR");
        QTest::addRow("%lld CHF", static_cast<long long>(c)) << c << QStringLiteral("CHF");
    }
}

void TestMoney::roundTrip()
{
    QFETCH(qint64, cents);
    QFETCH(QString, currency);
    const Money original(cents, currency);
    Money back;
    QVERIFY2(Money::parse(original.toString(), &back), qPrintable(original.toString()));
    QCOMPARE(back, original);
    // The journal's form is stable: formatting what was parsed gives the same text.
    QCOMPARE(back.toString(), original.toString());
}

void TestMoney::addition()
{
    Money total = Money::euros(1000);
    total += Money::euros(550);
    QCOMPARE(total, Money::euros(1550));
    QCOMPARE(total + Money::euros(-50), Money::euros(1500));
    QCOMPARE(total, Money::euros(1550)); // operator+ leaves its operands alone
    QCOMPARE(Money(200, QStringLiteral("CHF")) + Money(5, QStringLiteral("CHF")), Money(205, QStringLiteral("CHF")));
    // Zero of another currency is neutral (an empty total starts in the default currency).
    QCOMPARE(Money(200, QStringLiteral("CHF")) + Money(), Money(200, QStringLiteral("CHF")));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
