#include "simrunner.h"

#include "gatewaylink.h"
#include "loadgenerator.h"
#include "signalwatcher.h"
#include "simlog.h"
#include "townscenario.h"

#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslSocket>

#include <cstdio>

namespace relais::sim {

namespace {

QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

SimRunner::SimRunner(SimOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    m_durationTimer.setSingleShot(true);
    m_drainTimer.setSingleShot(true);
    connect(&m_durationTimer, &QTimer::timeout, this, [this] { beginEnd(false); });
    connect(&m_statsTimer, &QTimer::timeout, this, &SimRunner::printStats);
    connect(&m_drainTimer, &QTimer::timeout, this, &SimRunner::onDrainTimeout);
}

SimRunner::~SimRunner() = default;

int SimRunner::prepare()
{
    const Result<QString> token = Options::token(m_options);
    if (!token) {
        Log::error(token.errorString());
        return Options::ExitUsage;
    }
    m_token = token.value();

    LinkConfig link;
    if (!m_options.serialPath.isEmpty()) {
        link.transport = LinkConfig::Transport::Serial;
        link.serialPath = m_options.serialPath;
        link.baud = m_options.baud;
    } else {
        link.transport = LinkConfig::Transport::Tcp;
        link.host = m_options.host;
        link.port = m_options.port;
        link.tls = m_options.tls;
    }
    if (link.tls) {
        if (!QSslSocket::supportsSsl()) {
            Log::error(QStringLiteral("--tls: this Qt has no TLS backend available"));
            return Options::ExitFailure;
        }
        if (!m_options.caFile.isEmpty()) {
            const Result<QByteArray> pem = Town::readFile(m_options.caFile);
            if (!pem) {
                Log::error(QStringLiteral("--ca-file: %1").arg(pem.errorString()));
                return Options::ExitFailure;
            }
            link.caCertificates = QSslCertificate::fromData(pem.value(), QSsl::Pem);
            if (link.caCertificates.isEmpty()) {
                Log::error(QStringLiteral("--ca-file: no PEM certificate in %1").arg(m_options.caFile));
                return Options::ExitFailure;
            }
        }
    }

    const QString devicesPath =
        m_options.devicesFile.isEmpty() ? QStringLiteral(":/demo/devices.csv") : m_options.devicesFile;
    const QString helpersPath =
        m_options.helpersFile.isEmpty() ? QStringLiteral(":/demo/helpers.csv") : m_options.helpersFile;
    const Result<QByteArray> devicesCsv = Town::readFile(devicesPath);
    if (!devicesCsv) {
        Log::error(devicesCsv.errorString());
        return Options::ExitFailure;
    }
    Result<QList<SimDevice>> devices = Town::parseDevices(devicesCsv.value(), devicesPath);
    if (!devices) {
        Log::error(devices.errorString());
        return Options::ExitFailure;
    }
    m_devices = devices.value();
    if (m_options.devices > 0) {
        if (m_options.devices > m_devices.size()) {
            Log::error(QStringLiteral("--devices %1: %2 has only %3 devices")
                           .arg(m_options.devices)
                           .arg(devicesPath)
                           .arg(m_devices.size()));
            return Options::ExitUsage;
        }
        m_devices.resize(m_options.devices);
    }
    if (m_options.silent > m_devices.size()) {
        Log::error(
            QStringLiteral("--silent %1: the town has only %2 devices").arg(m_options.silent).arg(m_devices.size()));
        return Options::ExitUsage;
    }
    const Result<QByteArray> helpersCsv = Town::readFile(helpersPath);
    if (!helpersCsv) {
        Log::error(helpersCsv.errorString());
        return Options::ExitFailure;
    }
    Result<QList<SimHelper>> helpers = Town::parseHelpers(helpersCsv.value(), helpersPath);
    if (!helpers) {
        Log::error(helpers.errorString());
        return Options::ExitFailure;
    }
    m_helpers = helpers.value();
    if (!m_options.seedGiven)
        m_options.seed = QRandomGenerator::system()->generate64() >> 16;

    link.gatewayId = m_options.gatewayId;
    link.token = m_token;
    link.agent = QStringLiteral("relais-sim %1").arg(QLatin1StringView(RELAIS_VERSION));
    link.maxInFlight = m_options.maxInFlight;
    m_link = new GatewayLink(link, this);

    if (m_options.load > 0) {
        m_load = new LoadGenerator(m_devices, m_options.load, m_link, this);
    } else {
        ScenarioConfig config;
        config.alarmRatePerMin = m_options.alarmRatePerMin;
        config.silent = m_options.silent;
        config.onDutyFraction = m_options.onDutyFraction;
        config.acceptProbability = m_options.acceptProbability;
        config.outcomeWeights = m_options.outcomeWeights;
        config.speed = m_options.speed;
        config.seed = m_options.seed;
        m_scenario = new TownScenario(m_devices, m_helpers, config, m_link, this);
        m_link->setDownlinkHandler([this](const ServerLine &m) { return m_scenario->onDownlink(m); });
        connect(m_link, &GatewayLink::eventSettled, m_scenario, &TownScenario::onEventSettled);
    }
    connect(m_link, &GatewayLink::sessionOpened, this, &SimRunner::onSessionOpened);
    connect(m_link, &GatewayLink::becameIdle, this, &SimRunner::checkDrained);
    connect(m_link, &GatewayLink::refused, this, [this](const QString &code, const QString &message) {
        Log::error(QStringLiteral("Relais refused gateway \"%1\": %2 (%3)").arg(m_options.gatewayId, message, code));
        if (code == QLatin1StringView("bad_token"))
            Log::error(QStringLiteral("check the gateway id (--gateway) and its token (RELAIS_SIM_TOKEN or "
                                      "--token-file) as registered in Relais"));
        finish(Options::ExitRefused);
    });
    connect(m_link, &GatewayLink::stopped, this, [this] { finish(m_exitCode); });
    return -1;
}

void SimRunner::start()
{
    m_signals = new SignalWatcher(this);
    connect(m_signals, &SignalWatcher::received, this, [this](int number) {
        if (m_ending) {
            Log::error(QStringLiteral("signal %1 again: stopping now").arg(number));
            m_exitCode = Options::ExitFailure;
            finish(Options::ExitFailure);
            return;
        }
        Log::info(QStringLiteral("signal %1: stopping, waiting a little for the outstanding acks").arg(number));
        beginEnd(true);
    });
    const QString where = m_options.serialPath.isEmpty()
                              ? QStringLiteral("%1%2:%3")
                                    .arg(m_options.tls ? QStringLiteral("tls://") : QString(), m_options.host)
                                    .arg(m_options.port)
                              : m_options.serialPath;
    if (m_load) {
        Log::info(QStringLiteral("relais-sim %1: gateway %2 to %3, load mode: %4 heartbeats/s over %5 devices")
                      .arg(QLatin1StringView(RELAIS_VERSION), m_options.gatewayId, where)
                      .arg(m_options.load)
                      .arg(m_devices.size()));
    } else {
        Log::info(QStringLiteral("relais-sim %1: gateway %2 to %3, %4 devices, %5 helpers, speed x%6, seed %7")
                      .arg(QLatin1StringView(RELAIS_VERSION), m_options.gatewayId, where)
                      .arg(m_devices.size())
                      .arg(m_helpers.size())
                      .arg(m_options.speed)
                      .arg(m_options.seed));
    }
    if (!m_options.quiet)
        m_statsTimer.start(int(m_options.statsIntervalS * 1000));
    m_link->start();
}

void SimRunner::onSessionOpened()
{
    if (m_started || m_ending)
        return;
    m_started = true;
    m_runClock.start();
    if (m_load) {
        if (m_link->sessionRate() > 0 && m_link->sessionRate() < m_options.load) {
            Log::warn(QStringLiteral("Relais allows %1 lines/s on this connection: the load is held to that rate")
                          .arg(m_link->sessionRate()));
        }
        m_loadStartMs = m_link->clockMs();
        m_load->start();
    } else {
        m_scenario->start();
    }
    if (m_options.durationS > 0)
        m_durationTimer.start(int(std::min(m_options.durationS * 1000, 2e9)));
}

void SimRunner::beginEnd(bool bySignal)
{
    if (m_ending)
        return;
    m_ending = true;
    m_endBySignal = bySignal;
    m_durationTimer.stop();
    if (m_load)
        m_load->stop();
    if (m_scenario)
        m_scenario->stop();
    // After a signal, wait briefly, and not at all without a session: whoever sends it (a
    // service manager, the console's demo mode) usually stops Relais too.
    m_drainS = bySignal ? std::min(2.0, m_options.drainTimeoutS) : m_options.drainTimeoutS;
    m_drainClock.start();
    if (bySignal && !m_link->sessionOpen() && !m_link->idle()) {
        onDrainTimeout();
        return;
    }
    m_drainTimer.start(int(m_drainS * 1000));
    checkDrained();
}

void SimRunner::checkDrained()
{
    if (!m_ending || m_finished || !m_link->idle())
        return;
    m_drainTimer.stop();
    m_exitCode = Options::ExitOk;
    m_link->stop(); // finish() when it is closed
}

void SimRunner::onDrainTimeout()
{
    if (m_finished)
        return;
    const qsizetype left = m_link->inFlight() + m_link->queued();
    if (m_endBySignal) {
        Log::warn(QStringLiteral("%1 events left unacknowledged").arg(left));
        m_exitCode = Options::ExitOk;
    } else {
        Log::error(QStringLiteral("%1 events still unacknowledged after %2 s").arg(left).arg(m_drainS));
        m_exitCode = Options::ExitFailure;
    }
    m_link->stop();
}

void SimRunner::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_statsTimer.stop();
    m_drainTimer.stop();
    m_durationTimer.stop();
    if (m_load)
        m_load->stop();
    if (m_scenario)
        m_scenario->stop();
    if (exitCode != Options::ExitRefused) {
        if (!m_options.quiet)
            printStats();
        if (m_load)
            printLoadSummary();
    }
    emit finished(exitCode);
}

QString SimRunner::linkSummary() const
{
    const LinkStats &s = m_link->stats();
    QString out = QStringLiteral("%1 | sent %2 stored %3 dup %4 rej %5")
                      .arg(m_link->sessionOpen() ? QStringLiteral("connected") : QStringLiteral("not connected"))
                      .arg(s.sent)
                      .arg(s.stored)
                      .arg(s.duplicate)
                      .arg(s.rejected);
    if (s.resent > 0 || s.rateLimited > 0 || s.unavailable > 0) {
        out += QStringLiteral(" resent %1 (rate_limited %2, unavailable %3)")
                   .arg(s.resent)
                   .arg(s.rateLimited)
                   .arg(s.unavailable);
    }
    out += QStringLiteral(" | in flight %1 queued %2").arg(m_link->inFlight()).arg(m_link->queued());
    return out;
}

void SimRunner::printStats()
{
    LatencyRecorder &recent = m_link->recentLatency();
    const QString latency = recent.count() > 0 ? QStringLiteral(" | ack p50 %1 ms p99 %2 ms")
                                                     .arg(recent.percentileMs(50), 0, 'f', 1)
                                                     .arg(recent.percentileMs(99), 0, 'f', 1)
                                               : QString();
    recent.clear();
    if (m_load) {
        const qint64 nowMs = m_runClock.isValid() ? m_runClock.elapsed() : 0;
        const quint64 sent = m_link->stats().sent;
        const double dt = double(nowMs - m_lastStatsMs) / 1000.0;
        const double rate = dt > 0 ? double(sent - m_lastSent) / dt : 0;
        m_lastSent = sent;
        m_lastStatsMs = nowMs;
        Log::info(
            QStringLiteral("[%1] %2 | %3 lines/s%4").arg(clock(nowMs), linkSummary()).arg(qRound64(rate)).arg(latency));
        return;
    }
    const ScenarioStats &t = m_scenario->stats();
    Log::info(QStringLiteral("[sim %1] %2 | alarms %3 restores %4 | on duty %5/%6, missions %7 (offers %8, "
                             "accepted %9, reports %10)%11")
                  .arg(clock(m_scenario->simElapsedMs()), linkSummary())
                  .arg(t.alarms)
                  .arg(t.restores)
                  .arg(m_scenario->helpersOnDuty())
                  .arg(m_helpers.size())
                  .arg(m_scenario->missionsInProgress())
                  .arg(t.offers)
                  .arg(t.accepted)
                  .arg(t.reports)
                  .arg(latency));
}

void SimRunner::printLoadSummary() const
{
    const LinkStats &s = m_link->stats();
    // From the start to the last first transmission / the last ack: what the link achieved,
    // whatever the generator's target.
    const double sendingS =
        s.lastFirstSendMs > m_loadStartMs ? double(s.lastFirstSendMs - m_loadStartMs) / 1000.0 : 0.0;
    const double ackedS = s.lastAckMs > m_loadStartMs ? double(s.lastAckMs - m_loadStartMs) / 1000.0 : 0.0;
    const double totalS = m_runClock.isValid() ? double(m_runClock.elapsed()) / 1000.0 : 0.0;
    const quint64 unacked = quint64(m_link->inFlight() + m_link->queued());
    LatencyRecorder &latency = m_link->latency();
    const QString text = QStringLiteral("relais-sim load summary\n"
                                        "target_rate: %1 lines/s\n"
                                        "sending_s: %2\n"
                                        "total_s: %3\n"
                                        "sent: %4\n"
                                        "sent_rate: %5 lines/s\n"
                                        "acked_rate: %15 lines/s\n"
                                        "resent: %6\n"
                                        "stored: %7\n"
                                        "duplicate: %8\n"
                                        "rejected: %9\n"
                                        "rate_limited: %10\n"
                                        "unavailable: %11\n"
                                        "unacknowledged: %12\n"
                                        "ack_latency_p50_ms: %13\n"
                                        "ack_latency_p99_ms: %14\n")
                             .arg(m_options.load)
                             .arg(sendingS, 0, 'f', 2)
                             .arg(totalS, 0, 'f', 2)
                             .arg(s.sent)
                             .arg(sendingS > 0 ? qRound64(double(s.sent) / sendingS) : 0)
                             .arg(s.resent)
                             .arg(s.stored)
                             .arg(s.duplicate)
                             .arg(s.rejected)
                             .arg(s.rateLimited)
                             .arg(s.unavailable)
                             .arg(unacked)
                             .arg(latency.percentileMs(50), 0, 'f', 2)
                             .arg(latency.percentileMs(99), 0, 'f', 2)
                             .arg(ackedS > 0 ? qRound64(double(s.stored + s.duplicate + s.rejected) / ackedS) : 0);
    const QByteArray bytes = text.toUtf8();
    std::fputs(bytes.constData(), stdout);
    std::fflush(stdout);
}

} // namespace relais::sim
