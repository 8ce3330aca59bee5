#include "localisation.h"

#include <QCoreApplication>
#include <QTest>

using namespace relais;

// The language chosen (--lang) or the system's: its translations, and the default locale that
// formats dates, numbers and amounts in the console.
class TestLocalisation final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void keepsTheSystemsCountryForItsLanguage()
    {
        const QLocale britain(QLocale::English, QLocale::UnitedKingdom);
        const QLocale belgium(QLocale::French, QLocale::Belgium);
        // No --lang: the system's locale.
        QCOMPARE(localeFor(QString(), britain), britain);
        // --lang naming the system's language: its country's dates stay (not American ones).
        QCOMPARE(localeFor(QStringLiteral("en"), britain), britain);
        QCOMPARE(localeFor(QStringLiteral("fr"), belgium), belgium);
        // Another language: its main country's conventions.
        QCOMPARE(localeFor(QStringLiteral("fr"), britain), QLocale(QLocale::French, QLocale::France));
        QCOMPARE(localeFor(QStringLiteral("en"), belgium), QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(localeFor(QStringLiteral("fr"), QLocale::c()), QLocale(QLocale::French, QLocale::France));
    }

    void frenchFormatsInFrench()
    {
        // Under CTest the system's locale is C: --lang fr alone makes QLocale() French.
        QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("fr")), QStringLiteral("fr"));
        QCOMPARE(QLocale().language(), QLocale::French);
        QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1\u202f234,5"));
        QCOMPARE(QLocale().toCurrencyString(10.0, QStringLiteral("€"), 2), QStringLiteral("10,00\u00a0€"));
        QCOMPARE(QLocale().toString(QDate(2026, 3, 2), QLocale::ShortFormat), QStringLiteral("02/03/2026"));
        // The French translation is installed too.
        QCOMPARE(QCoreApplication::translate("relais::DisplayFormat", "device %1"), QStringLiteral("appareil %1"));
    }

    void englishFormatsInEnglish()
    {
        QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QLocale().language(), QLocale::English);
        QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1,234.5"));
    }
};

QTEST_GUILESS_MAIN(TestLocalisation)
#include "tst_localisation.moc"
