#pragma once

#include <QString>
#include <QStringList>

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

    static AppOptions parse(const QStringList &arguments);
};

} // namespace relais
