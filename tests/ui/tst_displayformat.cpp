#include "displayformat.h"

#include <QTest>

using namespace relais;

class TestDisplayFormat final : public QObject
{
    Q_OBJECT

private slots:
    void age_data();
    void age();
    void money();
    void coordinate();
    void interval();
    void moment();
};

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

void TestDisplayFormat::money()
{
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    QCOMPARE(DisplayFormat::money(Money::euros(1000), english), QStringLiteral("€10.00"));
    QCOMPARE(DisplayFormat::money(Money(250, QStringLiteral("GBP")), english), QStringLiteral("£2.50"));

    const QLocale french(QLocale::French, QLocale::France);
    const QString fr = DisplayFormat::money(Money::euros(1050), french);
    QCOMPARE(fr, french.toCurrencyString(10.5, QStringLiteral("€"), 2));
    QVERIFY2(fr.startsWith(QStringLiteral("10,50")), qPrintable(fr));

    // Swiss francs in a French locale: the code, since the locale's own symbol is the euro.
    const QString chf = DisplayFormat::money(Money(1200, QStringLiteral("CHF")), french);
    QVERIFY2(chf.startsWith(QStringLiteral("12,00")) && chf.endsWith(QStringLiteral("CHF")), qPrintable(chf));
    // ...and the locale's symbol where the locale is Swiss.
    const QLocale swiss(QLocale::French, QLocale::Switzerland);
    QCOMPARE(DisplayFormat::money(Money(1200, QStringLiteral("CHF")), swiss),
             swiss.toCurrencyString(12.0, swiss.currencySymbol(QLocale::CurrencySymbol), 2));
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

QTEST_GUILESS_MAIN(TestDisplayFormat)
#include "tst_displayformat.moc"
