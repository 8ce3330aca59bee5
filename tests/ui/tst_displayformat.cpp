#include "displayformat.h"

#include <QTest>

using namespace relais;

class TestDisplayFormat final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void age_data();
    void age();
    void ageAndIntervalInTheLocale();
    void money();
    void moneyNegative();
    void moneyByDefaultInTheDefaultLocale();
    void amountField();
    void coordinate();
    void interval();
    void distance_data();
    void distance();
    void length_data();
    void length();
    void percent();
    void moment();
    void momentInTheLocale();
};

namespace {

// Qt 6.4 separates French thousands with U+202F (narrow no-break space) and puts U+00A0
// (no-break space) before the currency sign: the expectations below spell them \u202f, \u00a0.

QLocale french()
{
    return QLocale(QLocale::French, QLocale::France);
}

QLocale english()
{
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

} // namespace

void TestDisplayFormat::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

void TestDisplayFormat::age_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("negative") << qint64(-5) << QStringLiteral("0 s");
    QTest::newRow("seconds") << qint64(42) << QStringLiteral("42 s");
    QTest::newRow("minute") << qint64(60) << QStringLiteral("1 min");
    QTest::newRow("minutes") << qint64(3 * 60 + 59) << QStringLiteral("3 min");
    QTest::newRow("hour") << qint64(3600) << QStringLiteral("1 h 00");
    QTest::newRow("hour and minutes") << qint64(3600 + 5 * 60) << QStringLiteral("1 h 05");
    QTest::newRow("hours") << qint64(23 * 3600 + 59 * 60) << QStringLiteral("23 h 59");
    QTest::newRow("days") << qint64(2 * 86400 + 4 * 3600 + 120) << QStringLiteral("2 d 4 h");
}

void TestDisplayFormat::age()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(DisplayFormat::age(seconds), text);
}

void TestDisplayFormat::ageAndIntervalInTheLocale()
{
    // Their numbers are the locale's: a thousand days or hours take its group separator.
    QCOMPARE(DisplayFormat::age(1234 * qint64(86400) + 5 * 3600, french()), QStringLiteral("1\u202f234 d 5 h"));
    QCOMPARE(DisplayFormat::age(1234 * qint64(86400) + 5 * 3600, english()), QStringLiteral("1,234 d 5 h"));
    QCOMPARE(DisplayFormat::interval(1500 * qint64(3600), french()), QStringLiteral("1\u202f500 h"));
    QCOMPARE(DisplayFormat::interval(1500 * qint64(3600), english()), QStringLiteral("1,500 h"));
    QLocale::setDefault(french());
    QCOMPARE(DisplayFormat::age(2000 * qint64(86400)), QStringLiteral("2\u202f000 d 0 h"));
}

void TestDisplayFormat::money()
{
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    QCOMPARE(DisplayFormat::money(Money::euros(1000), english), QStringLiteral("€10.00"));
    QCOMPARE(DisplayFormat::money(Money(250, QStringLiteral("GBP")), english), QStringLiteral("£2.50"));

    QCOMPARE(DisplayFormat::money(Money::euros(123456789), english), QStringLiteral("€1,234,567.89"));

    const QLocale french(QLocale::French, QLocale::France);
    const QString fr = DisplayFormat::money(Money::euros(1050), french);
    QCOMPARE(fr, french.toCurrencyString(10.5, QStringLiteral("€"), 2));
    QCOMPARE(fr, QStringLiteral("10,50\u00a0€"));
    QCOMPARE(DisplayFormat::money(Money::euros(123456789), french), QStringLiteral("1\u202f234\u202f567,89\u00a0€"));

    // Swiss francs in a French locale: the code, since the locale's own symbol is the euro.
    const QString chf = DisplayFormat::money(Money(1200, QStringLiteral("CHF")), french);
    QVERIFY2(chf.startsWith(QStringLiteral("12,00")) && chf.endsWith(QStringLiteral("CHF")), qPrintable(chf));
    // ...and the locale's symbol where the locale is Swiss.
    const QLocale swiss(QLocale::French, QLocale::Switzerland);
    QCOMPARE(DisplayFormat::money(Money(1200, QStringLiteral("CHF")), swiss),
             swiss.toCurrencyString(12.0, swiss.currencySymbol(QLocale::CurrencySymbol), 2));
}

void TestDisplayFormat::moneyNegative()
{
    // A minus sign, never accounting brackets (Qt's "(10,50 €)").
    QCOMPARE(DisplayFormat::money(Money::euros(-305), french()), QStringLiteral("-3,05\u00a0€"));
    QCOMPARE(DisplayFormat::money(Money::euros(-305), english()), QStringLiteral("-€3.05"));
    QCOMPARE(DisplayFormat::money(Money(-1200, QStringLiteral("CHF")), french()), QStringLiteral("-12,00\u00a0CHF"));
    QCOMPARE(DisplayFormat::money(Money::euros(0), french()), QStringLiteral("0,00\u00a0€"));
}

void TestDisplayFormat::moneyByDefaultInTheDefaultLocale()
{
    // What --lang sets (QLocale::setDefault) is what the console formats with.
    QLocale::setDefault(french());
    QCOMPARE(DisplayFormat::money(Money::euros(1000)), QStringLiteral("10,00\u00a0€"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QCOMPARE(DisplayFormat::money(Money::euros(1000)), QStringLiteral("€10.00"));
}

void TestDisplayFormat::amountField()
{
    QCOMPARE(DisplayFormat::amountField(Money::euros(125050), french()), QStringLiteral("1250,50"));
    QCOMPARE(DisplayFormat::amountField(Money::euros(125050), english()), QStringLiteral("1250.50"));
    QCOMPARE(DisplayFormat::amountField(Money::euros(5), french()), QStringLiteral("0,05"));
    QCOMPARE(DisplayFormat::amountField(Money::euros(-305), french()), QStringLiteral("-3,05"));
    // Read back as it was.
    for (const qint64 cents : {qint64(0), qint64(5), qint64(1000), qint64(125050), qint64(-305)}) {
        Money back;
        QVERIFY(Money::parse(DisplayFormat::amountField(Money::euros(cents), french()), &back));
        QCOMPARE(back, Money::euros(cents));
    }
}

void TestDisplayFormat::coordinate()
{
    QCOMPARE(DisplayFormat::coordinate(QGeoCoordinate(45.764043, 4.835659)), QStringLiteral("45.76404°, 4.83566°"));
    QCOMPARE(DisplayFormat::coordinate(QGeoCoordinate()), QString());
}

void TestDisplayFormat::interval()
{
    QCOMPARE(DisplayFormat::interval(21600), QStringLiteral("6 h"));
    QCOMPARE(DisplayFormat::interval(3600), QStringLiteral("1 h"));
    QCOMPARE(DisplayFormat::interval(5400), QStringLiteral("90 min"));
    QCOMPARE(DisplayFormat::interval(900), QStringLiteral("15 min"));
    QCOMPARE(DisplayFormat::interval(90), QStringLiteral("90 s"));
    QCOMPARE(DisplayFormat::interval(0), QString());
    QCOMPARE(DisplayFormat::interval(-5), QString());
}

void TestDisplayFormat::distance_data()
{
    QTest::addColumn<double>("metres");
    QTest::addColumn<QString>("fr");
    QTest::addColumn<QString>("en");
    QTest::newRow("negative") << -3.0 << QStringLiteral("0 m") << QStringLiteral("0 m");
    QTest::newRow("a few metres") << 4.0 << QStringLiteral("0 m") << QStringLiteral("0 m");
    QTest::newRow("tens") << 333.6 << QStringLiteral("330 m") << QStringLiteral("330 m");
    QTest::newRow("under a km") << 850.0 << QStringLiteral("850 m") << QStringLiteral("850 m");
    QTest::newRow("rounds to a km") << 995.0 << QStringLiteral("1,0 km") << QStringLiteral("1.0 km");
    QTest::newRow("km") << 1249.0 << QStringLiteral("1,2 km") << QStringLiteral("1.2 km");
    QTest::newRow("km up") << 2250.0 << QStringLiteral("2,3 km") << QStringLiteral("2.3 km");
    QTest::newRow("far") << 1234567.0 << QStringLiteral("1\u202f234,6 km") << QStringLiteral("1,234.6 km");
}

void TestDisplayFormat::distance()
{
    QFETCH(double, metres);
    QFETCH(QString, fr);
    QFETCH(QString, en);
    QCOMPARE(DisplayFormat::distance(metres, french()), fr);
    QCOMPARE(DisplayFormat::distance(metres, english()), en);
}

void TestDisplayFormat::length_data()
{
    QTest::addColumn<double>("metres");
    QTest::addColumn<QString>("fr");
    QTest::addColumn<QString>("en");
    QTest::newRow("1 m") << 1.0 << QStringLiteral("1 m") << QStringLiteral("1 m");
    QTest::newRow("500 m") << 500.0 << QStringLiteral("500 m") << QStringLiteral("500 m");
    QTest::newRow("1 km") << 1000.0 << QStringLiteral("1 km") << QStringLiteral("1 km");
    QTest::newRow("2 km") << 2000.0 << QStringLiteral("2 km") << QStringLiteral("2 km");
    QTest::newRow("1.5 km") << 1500.0 << QStringLiteral("1,5 km") << QStringLiteral("1.5 km");
    // The scale bar at the widest zooms: never "1E+04 km".
    QTest::newRow("2000 km") << 2e6 << QStringLiteral("2\u202f000 km") << QStringLiteral("2,000 km");
    QTest::newRow("10000 km") << 1e7 << QStringLiteral("10\u202f000 km") << QStringLiteral("10,000 km");
}

void TestDisplayFormat::length()
{
    QFETCH(double, metres);
    QFETCH(QString, fr);
    QFETCH(QString, en);
    QCOMPARE(DisplayFormat::length(metres, french()), fr);
    QCOMPARE(DisplayFormat::length(metres, english()), en);
}

void TestDisplayFormat::percent()
{
    // English: no space. (French, "85 %", comes from the translation of the pattern.)
    QCOMPARE(DisplayFormat::percent(85, english()), QStringLiteral("85%"));
    QCOMPARE(DisplayFormat::percent(0, english()), QStringLiteral("0%"));
    QVERIFY(DisplayFormat::percent(100, french()).startsWith(QStringLiteral("100")));
}

void TestDisplayFormat::moment()
{
    const QLocale c = QLocale::c();
    const QDateTime now = QDateTime(QDate(2026, 3, 2), QTime(15, 0)).toUTC(); // local 15:00
    const QDateTime earlier = QDateTime(QDate(2026, 3, 2), QTime(9, 5)).toUTC();
    QCOMPARE(DisplayFormat::moment(earlier, now, c), c.toString(QTime(9, 5), QLocale::ShortFormat));
    const QDateTime lastMonth = QDateTime(QDate(2026, 2, 27), QTime(9, 5)).toUTC();
    QCOMPARE(DisplayFormat::moment(lastMonth, now, c),
             QStringLiteral("27 Feb ") + c.toString(QTime(9, 5), QLocale::ShortFormat));
    const QDateTime lastYear = QDateTime(QDate(2025, 12, 31), QTime(23, 59)).toUTC();
    QCOMPARE(DisplayFormat::moment(lastYear, now, c),
             QStringLiteral("31 Dec 2025 ") + c.toString(QTime(23, 59), QLocale::ShortFormat));
    QCOMPARE(DisplayFormat::moment(QDateTime(), now, c), QString());
}

void TestDisplayFormat::momentInTheLocale()
{
    const QDateTime now = QDateTime(QDate(2026, 3, 2), QTime(15, 0)).toUTC(); // local 15:00
    const QDateTime morning = QDateTime(QDate(2026, 3, 2), QTime(9, 5)).toUTC();
    const QDateTime lastMonth = QDateTime(QDate(2026, 2, 27), QTime(21, 5)).toUTC();
    const QDateTime lastYear = QDateTime(QDate(2025, 12, 31), QTime(23, 59)).toUTC();
    QCOMPARE(DisplayFormat::moment(morning, now, french()), QStringLiteral("09:05"));
    QCOMPARE(DisplayFormat::moment(lastMonth, now, french()), QStringLiteral("27 févr. 21:05"));
    QCOMPARE(DisplayFormat::moment(lastYear, now, french()), QStringLiteral("31 déc. 2025 23:59"));
    // The time in the locale's short format: "9:05 AM" in American English.
    const QString en = DisplayFormat::moment(morning, now, english());
    QCOMPARE(en, english().toString(QTime(9, 5), QLocale::ShortFormat));
    QVERIFY2(en.startsWith(QStringLiteral("9:05")) && en.endsWith(QStringLiteral("AM")), qPrintable(en));
    QLocale::setDefault(french());
    QCOMPARE(DisplayFormat::moment(lastMonth, now), QStringLiteral("27 févr. 21:05"));
}

QTEST_GUILESS_MAIN(TestDisplayFormat)
#include "tst_displayformat.moc"
