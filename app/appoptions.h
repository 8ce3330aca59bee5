#pragma once

#include "result.h"
#include "tilesourcespec.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace relais {

// What the command line asked for. Parsed before any window exists, so that
// --version and --help work without a display.
struct AppOptions
{
    enum class Action { Run, ShowVersion, ShowHelp, Error };

    Action action = Action::Run;
    QString dataDir;           // empty: the platform's application data folder
    QString language;          // "fr", "en" or empty (follow the system locale)
    int quitAfterMs = -1;      // for automated checks: quit by itself after this delay
    bool demo = false;         // the demo town fed by the simulator (its own data folder by default)
    QString gatewaysFile;      // empty: <dataDir>/gateways.json when it exists
    QStringList simulatorArgs; // --sim-arg: extra arguments for relais-sim in demo mode
    QString text;              // help text, version line or error message

    // --map-source, checked; unset: the setting map/source decides (core/settings.h).
    std::optional<TileSourceSpec> mapSource;
    // --basemap: the offline vector basemap's GeoJSON file; empty: the setting map/basemap.
    QString basemapFile;

    static AppOptions parse(const QStringList &arguments);
    // The end of --help: the sub-commands (export, costs, secret), one line each.
    static QString commandsHelp();

    // The map source to use: --map-source when given, else the setting map/source (its value
    // passed here), else "osm". A setting that does not parse is an error for the caller to
    // report (the option was checked by parse()).
    Result<TileSourceSpec> chosenMapSource(const QString &setting) const;

    // The offline basemap to load: --basemap when given, else the setting map/basemap (its
    // value passed here), else in demo mode the demo town's (demoBasemap), else none (empty).
    QString chosenBasemap(const QString &setting, const QString &demoBasemap) const;
};

} // namespace relais
