// Relais: the composition root. The only file that knows the concrete adapters.

#include "actionsink.h"
#include "appoptions.h"
#include "demomode.h"
#include "desk.h"
#include "exportcommand.h"
#include "gatewayconfig.h"
#include "gatewayhost.h"
#include "gatewaysecrets.h"
#include "gatewaysettingsfile.h"
#include "keychainsecretstore.h"
#include "livestate.h"
#include "localisation.h"
#include "logging/log.h"
#include "logging/loghub.h"
#include "logging/rotatingfilesink.h"
#include "mainwindow.h"
#include "secretcommand.h"
#include "settings.h"
#include "store.h"
#include "systemclock.h"
#include "tilesource.h"
#include "tilesourcefactory.h"
#include "tilesourcespec.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QIcon>
#include <QMessageBox>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// The demo town's street map, carried by the executable (resources/demo).
const QString kDemoBasemap = QStringLiteral(":/demo/town.geojson");

int printAndExit(const QString &text, int code)
{
    std::FILE *out = code == 0 ? stdout : stderr;
    std::fputs(qPrintable(text), out);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', out);
    return code;
}

// Start-up refusals are the operator's own action (starting Relais): they are printed on
// stderr and shown in a message box, which runs in the main event loop so that
// --quit-after ends it too.
int refuseToStart(const QString &message)
{
    printAndExit(message, 1);
    QMessageBox box(QMessageBox::Critical, QStringLiteral("Relais"), message, QMessageBox::Close);
    QObject::connect(&box, &QMessageBox::finished, qApp, [] { QCoreApplication::exit(1); });
    box.show();
    QApplication::exec();
    return 1;
}

// The gateways of this desk: the demo's own loopback listener with a fresh token, or the
// gateways file. A file named on the command line must be right; the default one, when
// broken, is reported and the console starts without gateways.
struct GatewaySetup
{
    relais::GatewayConfig config;
    QStringList problems;
    bool fatal = false;
};

GatewaySetup gatewaySetup(const relais::AppOptions &options, const QString &dataDir, QString *demoToken)
{
    GatewaySetup out;
    if (options.demo) {
        QByteArray secret(24, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), secret.size() / 4);
        *demoToken = QString::fromLatin1(secret.toHex());
        out.config.tcp.append(relais::TcpListenConfig{}); // 127.0.0.1, any free port
        out.config.gateways.append(relais::GatewayAccount{relais::DemoMode::gatewayId(), *demoToken, {}});
        return out;
    }
    QString file = options.gatewaysFile;
    if (file.isEmpty()) {
        file = QDir(dataDir).filePath(relais::GatewayConfigFile::defaultFileName());
        if (!QFileInfo::exists(file))
            return out; // no gateways configured: docs/gateways.md tells how
    }
    relais::GatewayConfigFile::Parsed parsed = relais::GatewayConfigFile::load(file);
    if (!parsed.ok()) {
        out.problems = parsed.errors;
        out.fatal = !options.gatewaysFile.isEmpty();
        return out;
    }
    out.config = parsed.config;
    // Tokens named by "token_secret" come from the system keychain (docs/secrets.md); a
    // gateway whose token cannot be had is not admitted, and the reason is shown.
    relais::KeychainSecretStore secrets;
    out.problems += relais::resolveGatewaySecrets(out.config, secrets);
    return out;
}

// The map's tile source: --map-source, else the setting map/source, else OpenStreetMap.
// Online sources cache their tiles under <cache>/tiles/<source>. "vector" has none: the map
// draws its offline basemap. A source named on the command line must work; one from the
// settings that does not is reported and the map falls back to the offline basemap.
struct MapSetup
{
    std::unique_ptr<relais::TileSource> tiles;
    QString problem;
    bool fatal = false;
};

MapSetup mapSetup(const relais::AppOptions &options, const relais::Settings &settings)
{
    MapSetup out;
    const relais::Result<relais::TileSourceSpec> spec = options.chosenMapSource(settings.mapSource());
    if (!spec) {
        out.problem = QCoreApplication::translate("relais::main", "%1 The map shows the offline basemap.")
                          .arg(spec.errorString());
        return out;
    }
    if (!spec->usesTiles())
        return out;
    const QString cacheRoot =
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("tiles"));
    const QString contact = settings.mapContact();
    relais::Result<std::unique_ptr<relais::TileSource>> made =
        relais::TileSourceFactory::create(spec.value(), cacheRoot, contact);
    if (!made) {
        out.fatal = options.mapSource.has_value();
        out.problem = out.fatal ? made.errorString()
                                : QCoreApplication::translate("relais::main", "%1 The map shows the offline basemap.")
                                      .arg(made.errorString());
        return out;
    }
    out.tiles = std::move(made.value());
    return out;
}

// The desk's settings (docs/settings.md): offers, escalation timers and the retention of personal
// data, checked by the settings wrapper (out of range: the defaults).
relais::Desk::Settings deskSettings(const relais::Settings &settings)
{
    relais::Desk::Settings dispatch;
    dispatch.offers = {settings.offerCount(), double(settings.offerRadiusM()), settings.offerTimeoutS()};
    QHash<relais::Severity, relais::Escalation::Timers> timers;
    for (relais::Severity severity : relais::Severities::all())
        timers.insert(severity, settings.escalation(severity));
    dispatch.escalation = [timers](relais::Severity s) {
        return timers.value(s, relais::Escalation::defaults(s));
    };
    dispatch.retentionDays = settings.retentionDays();
    return dispatch;
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Relais"));
    QCoreApplication::setApplicationName(QStringLiteral("relais"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RELAIS_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    // `relais export …`, `relais costs …`: scheduled jobs, no window, no display needed.
    if (relais::ExportCommand::handles(argc, argv))
        return relais::ExportCommand::run(argc, argv);
    if (relais::SecretCommand::handles(argc, argv)) // `relais secret set|delete|check` (docs/secrets.md)
        return relais::SecretCommand::run(argc, argv);

    // --help and --version must work without a display: decide before any GUI exists.
    relais::AppOptions options;
    {
        QCoreApplication probe(argc, argv);
        setIdentity();
        relais::installTranslations(probe, relais::Settings().language()); // --help in the chosen language
        options = relais::AppOptions::parse(QCoreApplication::arguments());
        switch (options.action) {
        case relais::AppOptions::Action::ShowHelp:
        case relais::AppOptions::Action::ShowVersion:
            return printAndExit(options.text, 0);
        case relais::AppOptions::Action::Error:
            return printAndExit(options.text, 2);
        case relais::AppOptions::Action::Run:
            break;
        }
    }

    QApplication app(argc, argv);
    // The logger (docs/logging.md), first: it outlives everything below that may log, and
    // writes the file once the data folder is ours.
    relais::LogHub logHub;
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Relais"));
    QApplication::setDesktopFileName(QStringLiteral("org.relais.Relais"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/relais.svg")));
    relais::Settings settings;
    // --lang wins over the setting ui/language; neither: the system's language.
    relais::installTranslations(app, options.language.isEmpty() ? settings.language() : options.language);
    // Armed first, so that it also ends a refusal message box.
    // Once due, asked again every 100 ms: a quit that lands in a nested event loop (start-up
    // waiting for the keychain) must still end the main one that follows.
    QTimer quitting;
    quitting.setInterval(100);
    QObject::connect(&quitting, &QTimer::timeout, &app, &QCoreApplication::quit);
    if (options.quitAfterMs >= 0) {
        QTimer::singleShot(options.quitAfterMs, &app, [&quitting] {
            QCoreApplication::quit();
            quitting.start();
        });
    }

    QString dataDir = options.dataDir;
    if (dataDir.isEmpty()) {
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (options.demo)
            dataDir += QStringLiteral("/demo"); // the demo never mixes with a real journal
    }
    dataDir = QDir(dataDir).absolutePath();
    if (!QDir().mkpath(dataDir)) {
        return refuseToStart(
            QCoreApplication::translate("relais::main", "Cannot create the data folder %1.").arg(dataDir));
    }

    relais::SystemClock clock;
    // Offers, escalation timers, retention: the settings when sensible, else the defaults.
    relais::Desk desk(&clock, deskSettings(settings));
    if (!desk.open(dataDir))
        return refuseToStart(desk.errorString());
    // The log file, now that the data folder is ours (its lock is held: a second Relais refused
    // above never touches the file). The hub flushes and closes it when main() ends.
    auto logFile = std::make_shared<relais::RotatingFileSink>(relais::RotatingFileSink::directoryIn(dataDir));
    if (logFile->open()) {
        logHub.addSink(logFile);
    } else {
        qCWarning(relais::lcApp).noquote()
            << QCoreApplication::translate("relais::main", "The log file %1 cannot be written: %2")
                   .arg(QDir::toNativeSeparators(logFile->filePath()), logFile->errorString());
        logFile.reset();
    }
    qCInfo(relais::lcApp).noquote()
        << (options.demo ? QCoreApplication::translate("relais::main", "Relais %1 started in demo mode, data folder %2")
                         : QCoreApplication::translate("relais::main", "Relais %1 started, data folder %2"))
               .arg(QCoreApplication::applicationVersion(), QDir::toNativeSeparators(dataDir));
    // Refusals from here on go to the log file too (with the file only: without it, they would
    // reach standard error twice).
    const auto refuse = [&logFile](const QString &message) {
        if (logFile)
            qCCritical(relais::lcApp).noquote() << message;
        return refuseToStart(message);
    };

    QString demoToken;
    const GatewaySetup setup = gatewaySetup(options, dataDir, &demoToken);
    if (setup.fatal)
        return refuse(setup.problems.join(QLatin1Char('\n')));
    // Declared before the window, which only borrows it.
    const MapSetup map = mapSetup(options, settings);
    if (map.fatal) // not logged: it may quote a tile URL with its API key
        return refuseToStart(map.problem);

    relais::LiveState &state = desk.state();
    relais::ActionSink &actions = desk.actions();
    // The settings dialog's keychain: declared before the window, which borrows it.
    relais::KeychainSecretStore secretStore;
    relais::MainWindow window(&state, dataDir);
    window.setActionSink(&actions);
    window.setOfferSettings(desk.offerSettings());
    // The running costs for the transparency report live in the journal (docs/exports.md).
    window.setRunningCostsProvider([&window, path = desk.store().databasePath()] {
        const auto costs = relais::ExportCommand::readCosts(path);
        if (!costs) {
            window.showError(QCoreApplication::translate("relais::main", "The running costs could not be read: %1")
                                 .arg(costs.errorString()));
            return QList<relais::RunningCost>{};
        }
        return costs.value();
    });
    window.setGatewayBoard(&desk.board());
    window.applySettings(settings);
    // The settings dialog (docs/settings.md): the gateways file, the keychain, the map source's
    // syntax, and what the desk applies at once.
    {
        relais::SettingsServices services;
        services.secrets = &secretStore;
        const QString gatewaysFile = options.gatewaysFile.isEmpty()
                                         ? QDir(dataDir).filePath(relais::GatewayConfigFile::defaultFileName())
                                         : QFileInfo(options.gatewaysFile).absoluteFilePath();
        const bool demo = options.demo;
        services.loadGateways = [demo, gatewaysFile] {
            return demo ? relais::GatewaySettingsFile::demo() : relais::GatewaySettingsFile::load(gatewaysFile);
        };
        services.saveGateways = [gatewaysFile](const relais::GatewaySettings &gateways) {
            return relais::GatewaySettingsFile::save(gatewaysFile, gateways);
        };
        services.checkMapSource = [](const QString &spec) {
            const relais::Result<relais::TileSourceSpec> parsed = relais::TileSourceSpec::parse(spec);
            return parsed ? QString() : parsed.errorString();
        };
        services.applied = [&desk] {
            desk.setSettings(deskSettings(relais::Settings()));
        };
        window.setSettingsServices(services);
    }
    window.setOnlineTileSource(map.tiles.get());
    if (!map.problem.isEmpty())
        window.showError(map.problem);
    // The offline street map: --basemap, the setting map/basemap, or the demo town's. One named
    // on the command line must load; one from the settings that does not is reported.
    const QString basemap = options.chosenBasemap(settings.mapBasemap(), kDemoBasemap);
    if (!basemap.isEmpty() && !window.loadBasemap(basemap) && !options.basemapFile.isEmpty())
        return refuse(window.basemapError());
    QObject::connect(&desk.store(), &relais::Store::failed, &window, &relais::MainWindow::showError);
    QObject::connect(&state, &relais::LiveState::diverged, &window, [&window](qint64 seq, const QString &reason) {
        window.showError(QCoreApplication::translate("relais::main", "Display out of step at journal entry %1: %2")
                             .arg(seq)
                             .arg(reason));
    });
    // The journal's file name only: its folder is the data folder, shown next to it.
    window.showStoreStatus(QCoreApplication::translate("relais::main", "Journal: %1")
                               .arg(QFileInfo(desk.store().databasePath()).fileName()),
                           QDir::toNativeSeparators(desk.store().databasePath()));
    window.show();

    // Gateways, on a thread of their own; their status rows come back to the board.
    // Their log lines name gateway ids, peers' addresses and helper ids, never a token.
    QObject::connect(&desk, &relais::Desk::logMessage, &app,
                     [](const QString &message) { qCWarning(relais::lcDevices).noquote() << message; });
    QStringList problems = setup.problems;
    problems += desk.startGateways(setup.config);
    for (const QString &p : std::as_const(problems)) {
        qCWarning(relais::lcDevices).noquote() << p; // the window's status bar forgets them
        window.showError(p);
    }
    relais::GatewayHost &gateways = desk.gateways();
    // The privacy purge (docs/privacy.md): what it did goes to the log (the journal entry shows
    // in the window's log too); a purge that cannot run is the operator's to know.
    // Counts only: what was purged is not repeated anywhere.
    QObject::connect(
        &desk, &relais::Desk::purgeFinished, &window, [&window](int alarms, int entries, const QString &error) {
            if (!error.isEmpty()) {
                const QString text =
                    QCoreApplication::translate("relais::main", "The personal details due for purging could not be "
                                                                "purged: %1");
                // The reason's first line in the log: a database's DETAIL may quote a row.
                qCWarning(relais::lcPrivacy).noquote() << text.arg(relais::Logging::firstLine(error));
                window.showError(text.arg(error));
            } else if (alarms > 0 || entries > 0) {
                qCInfo(relais::lcPrivacy).noquote()
                    << QCoreApplication::translate("relais::main",
                                                   "Privacy purge: %1 alarms, %2 journal entries redacted.")
                           .arg(alarms)
                           .arg(entries);
            }
        });
    // Supervision, offers following up, escalation, the privacy purge (docs/dispatching.md).
    desk.startTimers();

    // The demo: register the town's devices and helpers once, then start the simulator.
    relais::DemoMode demo;
    if (options.demo) {
        QObject::connect(&demo, &relais::DemoMode::simulatorStopped, &window, &relais::MainWindow::showError);
        QStringList errors;
        const QList<relais::JournalEntry> seed = relais::DemoMode::seedEntries(state.state(), clock.now(), &errors);
        for (const QString &e : std::as_const(errors))
            window.showError(e);
        const auto startSimulator = [&demo, &gateways, &window, &demoToken, &options] {
            const quint16 port = gateways.ports().value(0);
            if (port == 0
                || !demo.startSimulator(relais::DemoMode::findSimulator(), port, demoToken, options.simulatorArgs))
                window.showError(port == 0 ? QCoreApplication::translate("relais::main",
                                                                         "The demo gateway port could not be opened.")
                                           : demo.errorString());
        };
        if (seed.isEmpty()) {
            startSimulator();
        } else {
            actions.submit(seed, relais::ActionSink::Mode::AllOrNothing,
                           [startSimulator, &window](const QList<relais::Status> &results) {
                               for (const relais::Status &r : results) {
                                   if (!r.ok()) {
                                       window.showError(QCoreApplication::translate(
                                                            "relais::main", "The demo town could not be registered: %1")
                                                            .arg(r.errorString()));
                                       break;
                                   }
                               }
                               startSimulator();
                           });
        }
    }
    const int code = QApplication::exec();
    // A start without its stop in the file is a run that ended abruptly.
    qCInfo(relais::lcApp).noquote() << QCoreApplication::translate("relais::main", "Relais stopped");
    return code;
}
