#include "appoptions.h"

#include <QTest>

using relais::AppOptions;

class TestAppOptions final : public QObject
{
    Q_OBJECT

private slots:
    void defaultsRun()
    {
        const AppOptions o = AppOptions::parse({QStringLiteral("relais")});
        QCOMPARE(o.action, AppOptions::Action::Run);
        QVERIFY(o.dataDir.isEmpty());
        QVERIFY(o.language.isEmpty());
        QCOMPARE(o.quitAfterMs, -1);
    }

    void versionAndHelp()
    {
        const AppOptions v = AppOptions::parse({QStringLiteral("relais"), QStringLiteral("--version")});
        QCOMPARE(v.action, AppOptions::Action::ShowVersion);
        QCOMPARE(v.text, QStringLiteral("relais " RELAIS_VERSION));

        const AppOptions h = AppOptions::parse({QStringLiteral("relais"), QStringLiteral("--help")});
        QCOMPARE(h.action, AppOptions::Action::ShowHelp);
        QVERIFY(h.text.contains(QLatin1String("--data-dir")));
        QVERIFY(h.text.contains(QLatin1String("--lang")));
    }

    void dataDirAndLanguage()
    {
        const AppOptions o =
            AppOptions::parse({QStringLiteral("relais"), QStringLiteral("--data-dir"), QStringLiteral("/tmp/x"),
                               QStringLiteral("--lang=FR"), QStringLiteral("--quit-after"), QStringLiteral("1.5")});
        QCOMPARE(o.action, AppOptions::Action::Run);
        QCOMPARE(o.dataDir, QStringLiteral("/tmp/x"));
        QCOMPARE(o.language, QStringLiteral("fr"));
        QCOMPARE(o.quitAfterMs, 1500);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown language")
            << QStringList{QStringLiteral("--lang"), QStringLiteral("de")} << QStringLiteral("de");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("missing value") << QStringList{QStringLiteral("--data-dir")} << QStringLiteral("data-dir");
        QTest::newRow("stray argument") << QStringList{QStringLiteral("extra")} << QStringLiteral("extra");
        QTest::newRow("bad seconds") << QStringList{QStringLiteral("--quit-after"), QStringLiteral("soon")}
                                     << QStringLiteral("--quit-after");
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        args.prepend(QStringLiteral("relais"));
        const AppOptions o = AppOptions::parse(args);
        QCOMPARE(o.action, AppOptions::Action::Error);
        QVERIFY2(o.text.contains(mentions), qPrintable(o.text));
    }
};

QTEST_GUILESS_MAIN(TestAppOptions)
#include "tst_appoptions.moc"
