#include "appoptions.h"
#include "settings.h"

#include <QTest>

#include <algorithm>

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
        // The sub-commands, one line each, after the options.
        const QStringList lines = h.text.split(QLatin1Char('\n'));
        for (const char *command : {"export", "costs", "secret"}) {
            const auto at = std::find_if(lines.cbegin(), lines.cend(), [command](const QString &l) {
                return l.startsWith(QLatin1String("  ") + QLatin1String(command) + QLatin1Char(' '));
            });
            QVERIFY2(at != lines.cend(), command);
            QVERIFY2(at->size() > 20, qPrintable(*at)); // it says what the command does
        }
        QVERIFY(h.text.indexOf(QLatin1String("  export ")) > h.text.indexOf(QLatin1String("--data-dir")));
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

    void mapSource()
    {
        using relais::TileSourceSpec;
        const AppOptions none = AppOptions::parse({QStringLiteral("relais")});
        QVERIFY(!none.mapSource);
        // Neither option nor setting: OpenStreetMap.
        QCOMPARE(none.chosenMapSource(QString()).value().kind(), TileSourceSpec::Kind::OpenStreetMap);
        // The setting when there is no option.
        QCOMPARE(none.chosenMapSource(QStringLiteral("ign")).value().kind(), TileSourceSpec::Kind::PlanIgn);
        const relais::Result<TileSourceSpec> broken = none.chosenMapSource(QStringLiteral("bing"));
        QVERIFY(!broken.ok());
        QVERIFY2(broken.errorString().contains(QLatin1String("map/source"))
                     && broken.errorString().contains(QStringLiteral("“bing”")),
                 qPrintable(broken.errorString()));

        // The option wins over the setting, even a broken one.
        const AppOptions o = AppOptions::parse(
            {QStringLiteral("relais"), QStringLiteral("--map-source"), QStringLiteral("mbtiles:/srv/town.mbtiles")});
        QCOMPARE(o.action, AppOptions::Action::Run);
        QVERIFY(o.mapSource);
        QCOMPARE(o.mapSource->kind(), TileSourceSpec::Kind::Mbtiles);
        QCOMPARE(o.mapSource->argument(), QStringLiteral("/srv/town.mbtiles"));
        QCOMPARE(o.chosenMapSource(QStringLiteral("bing")).value(), *o.mapSource);

        const AppOptions v = AppOptions::parse({QStringLiteral("relais"), QStringLiteral("--map-source=vector")});
        QCOMPARE(v.chosenMapSource(QStringLiteral("osm")).value().kind(), TileSourceSpec::Kind::Vector);

        const AppOptions h = AppOptions::parse({QStringLiteral("relais"), QStringLiteral("--help")});
        QVERIFY(h.text.contains(QLatin1String("--map-source")));
        QCOMPARE(relais::SettingsKeys::mapSource, QLatin1String("map/source"));
        QCOMPARE(relais::SettingsKeys::mapContact, QLatin1String("map/contact"));
    }

    void basemap()
    {
        const QString demoTown = QStringLiteral(":/demo/town.geojson");
        // Outside the demo: only what the operator configured.
        const AppOptions none = AppOptions::parse({QStringLiteral("relais")});
        QVERIFY(none.basemapFile.isEmpty());
        QCOMPARE(none.chosenBasemap(QString(), demoTown), QString());
        QCOMPARE(none.chosenBasemap(QStringLiteral("  /srv/relais/ville.geojson "), demoTown),
                 QStringLiteral("/srv/relais/ville.geojson"));
        // The demo shows its town unless told otherwise.
        const AppOptions demo = AppOptions::parse({QStringLiteral("relais"), QStringLiteral("--demo")});
        QCOMPARE(demo.chosenBasemap(QString(), demoTown), demoTown);
        QCOMPARE(demo.chosenBasemap(QStringLiteral("/srv/relais/ville.geojson"), demoTown),
                 QStringLiteral("/srv/relais/ville.geojson"));
        // The option wins over the setting.
        const AppOptions o = AppOptions::parse({QStringLiteral("relais"), QStringLiteral("--demo"),
                                                QStringLiteral("--basemap=/home/coord/quartier.geojson")});
        QCOMPARE(o.action, AppOptions::Action::Run);
        QCOMPARE(o.chosenBasemap(QStringLiteral("/srv/relais/ville.geojson"), demoTown),
                 QStringLiteral("/home/coord/quartier.geojson"));

        const AppOptions h = AppOptions::parse({QStringLiteral("relais"), QStringLiteral("--help")});
        QVERIFY(h.text.contains(QLatin1String("--basemap")));
        QCOMPARE(relais::SettingsKeys::mapBasemap, QLatin1String("map/basemap"));
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
        QTest::newRow("unknown map source")
            << QStringList{QStringLiteral("--map-source"), QStringLiteral("google")} << QStringLiteral("“google”");
        QTest::newRow("map template without {y}")
            << QStringList{QStringLiteral("--map-source=xyz:https://t.example.org/{z}/{x}.png")}
            << QStringLiteral("--map-source: The tile URL template");
        QTest::newRow("map source without value")
            << QStringList{QStringLiteral("--map-source")} << QStringLiteral("map-source");
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
