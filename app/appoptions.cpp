#include "appoptions.h"

#include "settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace relais {

QString AppOptions::commandsHelp()
{
    // The sub-commands run without a window (scheduled jobs, installation scripts); each
    // takes --help of its own. Their names are not translated: they are typed.
    const auto line = [](const char *name, const QString &what) {
        return QStringLiteral("  %1%2\n").arg(QString::fromLatin1(name).leftJustified(9), what);
    };
    return QLatin1Char('\n') + QCoreApplication::translate("relais::AppOptions", "Commands (relais <command> --help):")
           + QLatin1Char('\n')
           + line("export", QCoreApplication::translate(
                                "relais::AppOptions",
                                "Write the shift report, the helpers' payouts or the transparency report as CSV."))
           + line("costs",
                  QCoreApplication::translate("relais::AppOptions",
                                              "Add or list the running costs published in the transparency report."))
           + line("secret", QCoreApplication::translate(
                                "relais::AppOptions",
                                "Store, delete or check secrets (gateway tokens, passwords) in the system keychain."));
}

AppOptions AppOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "relais::AppOptions", "Relais: dispatcher console for neighbourhood alarm verification."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("relais::AppOptions", "Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QCoreApplication::translate("relais::AppOptions", "Show the version and exit."));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("relais::AppOptions", "Keep the journal and the log (logs/relais.log) in <dir>."),
        QCoreApplication::translate("relais::AppOptions", "dir"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate(
            "relais::AppOptions",
            "Interface language: fr or en (default: the one chosen in the settings, else the system's)."),
        QCoreApplication::translate("relais::AppOptions", "lang"));
    const QCommandLineOption quitAfter(
        QStringLiteral("quit-after"),
        QCoreApplication::translate("relais::AppOptions", "Quit by itself after <seconds> (automated checks)."),
        QCoreApplication::translate("relais::AppOptions", "seconds"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("relais::AppOptions",
                                    "Demo: the demo town's devices and helpers, fed by the simulator relais-sim "
                                    "(journal in a demo folder of its own unless --data-dir is given)."));
    const QCommandLineOption gateways(
        QStringLiteral("gateways"),
        QCoreApplication::translate("relais::AppOptions",
                                    "Read the gateways (listening ports, serial lines, accounts) from <file> "
                                    "(default: gateways.json in the data folder, when it exists)."),
        QCoreApplication::translate("relais::AppOptions", "file"));
    const QCommandLineOption simArg(
        QStringLiteral("sim-arg"),
        QCoreApplication::translate("relais::AppOptions", "With --demo: pass <arg> to relais-sim (repeatable)."),
        QCoreApplication::translate("relais::AppOptions", "arg"));
    const QCommandLineOption mapSource(
        QStringLiteral("map-source"),
        QCoreApplication::translate("relais::AppOptions",
                                    "Map background: osm (OpenStreetMap, the default), ign (Plan IGN v2), "
                                    "xyz:<URL template with {z} {x} {y}>, mbtiles:<file> or vector (the offline "
                                    "basemap). Overrides the setting map/source."),
        QCoreApplication::translate("relais::AppOptions", "spec"));
    const QCommandLineOption basemap(
        QStringLiteral("basemap"),
        QCoreApplication::translate("relais::AppOptions",
                                    "Offline street map: the town's GeoJSON <file>, drawn when the map source is "
                                    "vector or unreachable. Overrides the setting map/basemap."),
        QCoreApplication::translate("relais::AppOptions", "file"));
    parser.addOptions({help, version, dataDir, lang, quitAfter, demo, gateways, simArg, mapSource, basemap});

    AppOptions out;
    if (!parser.parse(arguments)) {
        out.action = Action::Error;
        out.text = parser.errorText();
        return out;
    }
    if (!parser.positionalArguments().isEmpty()) {
        out.action = Action::Error;
        out.text = QCoreApplication::translate("relais::AppOptions", "Unexpected argument: %1")
                       .arg(parser.positionalArguments().constFirst());
        return out;
    }
    if (parser.isSet(help)) {
        out.action = Action::ShowHelp;
        out.text = parser.helpText() + commandsHelp();
        return out;
    }
    if (parser.isSet(version)) {
        out.action = Action::ShowVersion;
        out.text = QStringLiteral("relais %1").arg(QStringLiteral(RELAIS_VERSION));
        return out;
    }
    out.dataDir = parser.value(dataDir);
    out.demo = parser.isSet(demo);
    out.gatewaysFile = parser.value(gateways);
    out.basemapFile = parser.value(basemap);
    out.simulatorArgs = parser.values(simArg);
    if (parser.isSet(lang)) {
        out.language = parser.value(lang).toLower();
        if (out.language != QLatin1String("fr") && out.language != QLatin1String("en")) {
            out.action = Action::Error;
            out.text = QCoreApplication::translate("relais::AppOptions", "Unknown language “%1”: use fr or en.")
                           .arg(parser.value(lang));
            return out;
        }
    }
    if (parser.isSet(mapSource)) {
        const Result<TileSourceSpec> spec = TileSourceSpec::parse(parser.value(mapSource));
        if (!spec) {
            out.action = Action::Error;
            out.text = QCoreApplication::translate("relais::AppOptions", "--map-source: %1").arg(spec.errorString());
            return out;
        }
        out.mapSource = spec.value();
    }
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        const double seconds = parser.value(quitAfter).toDouble(&ok);
        if (!ok || seconds < 0) {
            out.action = Action::Error;
            out.text = QCoreApplication::translate("relais::AppOptions", "--quit-after needs a number of seconds.");
            return out;
        }
        out.quitAfterMs = static_cast<int>(seconds * 1000);
    }
    return out;
}

Result<TileSourceSpec> AppOptions::chosenMapSource(const QString &setting) const
{
    if (mapSource)
        return *mapSource;
    if (setting.trimmed().isEmpty())
        return TileSourceSpec();
    const Result<TileSourceSpec> spec = TileSourceSpec::parse(setting);
    if (!spec) {
        return Error{spec.error().code, QCoreApplication::translate("relais::AppOptions", "The setting %1 is wrong: %2")
                                            .arg(SettingsKeys::mapSource, spec.errorString())};
    }
    return spec;
}

QString AppOptions::chosenBasemap(const QString &setting, const QString &demoBasemap) const
{
    if (!basemapFile.isEmpty())
        return basemapFile;
    if (!setting.trimmed().isEmpty())
        return setting.trimmed();
    return demo ? demoBasemap : QString();
}

} // namespace relais
