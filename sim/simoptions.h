#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

#include <array>

namespace relais::sim {

// Everything relais-sim --help lists (docs/simulator.md).
struct SimOptions
{
    // transport
    QString host;
    quint16 port = 0;
    bool tls = false;
    QString caFile;
    QString serialPath;
    qint32 baud = 115200;
    // identity
    QString gatewayId = QStringLiteral("demo-sim");
    QString tokenFile;
    // the town
    int devices = 0; // 0: every device of the file
    QString devicesFile;
    QString helpersFile;
    double alarmRatePerMin = 1.0;
    int silent = 0;
    double onDutyFraction = 0.6;
    double acceptProbability = 0.7;
    // weights of real_incident, false_alarm, emergency_services, no_access
    std::array<double, 4> outcomeWeights{25, 55, 10, 10};
    double speed = 1.0;
    // load mode
    int load = 0; // heartbeats per second; 0: the town scenario
    // both
    double durationS = 0; // 0: until killed
    double drainTimeoutS = 30;
    quint64 seed = 0;
    bool seedGiven = false;
    bool quiet = false;
    double statsIntervalS = 10;
    int maxInFlight = 4000;
};

namespace Options {
inline constexpr int ExitOk = 0;
inline constexpr int ExitFailure = 1; // a file could not be read, events left unacknowledged
inline constexpr int ExitUsage = 2;   // bad options
inline constexpr int ExitRefused = 3; // Relais refused the gateway (bad_token, unsupported_version)

struct Parsed
{
    bool run = false; // false: exit now with exitCode (help, version, error: already printed)
    int exitCode = ExitOk;
    SimOptions options;
};
// Parses the command line (arguments()[0] is the program). Prints --help, --version and
// errors itself.
Parsed parse(const QStringList &arguments);

// The gateway token: --token-file FILE (its first line), else RELAIS_SIM_TOKEN.
Result<QString> token(const SimOptions &options);
} // namespace Options

} // namespace relais::sim
