#pragma once

#include "result.h"
#include "tilesourcespec.h"

#include <QLatin1String>
#include <QString>
#include <QStringList>

#include <optional>

namespace relais {

// The QSettings keys read at start, in one place until the typed settings wrapper (issue 6).
namespace SettingsKeys {
// The map source, in --map-source's syntax (docs/map-sources.md); absent: "osm".
inline constexpr QLatin1String mapSource("map/source");
// How tile servers' operators reach this desk (an e-mail address or a web page), sent in the
// User-Agent of tile requests as the OpenStreetMap tile policy asks; absent: the User-Agent
// says that no contact is configured.
inline constexpr QLatin1String mapContact("map/contact");
// The offline vector basemap: a town's GeoJSON file (docs/map.md); absent: none, except the
// demo town's in demo mode.
inline constexpr QLatin1String mapBasemap("map/basemap");
// Offers (docs/dispatching.md): how many helpers at once, within how many metres, and how
// many seconds each offer stands; absent or out of range: 3, 500 m, 60 s.
inline constexpr QLatin1String offerCount("dispatch/offerCount");
inline constexpr QLatin1String offerRadiusM("dispatch/offerRadiusM");
inline constexpr QLatin1String offerTimeoutS("dispatch/offerTimeoutS");
} // namespace SettingsKeys

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

    // --map-source, checked; unset: the setting map/source decides.
    std::optional<TileSourceSpec> mapSource;
    // --basemap: the offline vector basemap's GeoJSON file; empty: the setting map/basemap.
    QString basemapFile;

    static AppOptions parse(const QStringList &arguments);

    // The map source to use: --map-source when given, else the setting map/source (its value
    // passed here), else "osm". A setting that does not parse is an error for the caller to
    // report (the option was checked by parse()).
    Result<TileSourceSpec> chosenMapSource(const QString &setting) const;

    // The offline basemap to load: --basemap when given, else the setting map/basemap (its
    // value passed here), else in demo mode the demo town's (demoBasemap), else none (empty).
    QString chosenBasemap(const QString &setting, const QString &demoBasemap) const;
};

} // namespace relais
