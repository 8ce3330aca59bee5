// relais-sim: a gateway carrying a whole demo town, for demos, tests and benchmarks of Relais
// (docs/simulator.md).

#include "simlog.h"
#include "simoptions.h"
#include "simrunner.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    using namespace relais::sim;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("relais-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RELAIS_VERSION));

    const Options::Parsed parsed = Options::parse(QCoreApplication::arguments());
    if (!parsed.run)
        return parsed.exitCode;
    Log::setQuiet(parsed.options.quiet);

    SimRunner runner(parsed.options);
    const int early = runner.prepare();
    if (early >= 0)
        return early;
    QObject::connect(&runner, &SimRunner::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    runner.start();
    return QCoreApplication::exec();
}
