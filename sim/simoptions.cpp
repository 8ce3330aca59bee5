#include "simoptions.h"

#include "wire.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

namespace relais::sim::Options {

namespace {

using namespace Qt::StringLiterals;

constexpr const char *Description =
    "Plays a gateway carrying a whole demo town (docs/simulator.md): devices that send\n"
    "heartbeats, battery reports and alarms, helpers on duty who answer the missions Relais\n"
    "offers them. It speaks the Relais gateway protocol v1 (docs/protocol.md) over TCP, TLS or a\n"
    "serial line, keeps every event until Relais acknowledges it and sends it again with the same\n"
    "id after a lost connection.\n"
    "\n"
    "The gateway token is read from the environment variable RELAIS_SIM_TOKEN, or from the first\n"
    "line of --token-file FILE; it is never given on the command line.\n"
    "\n"
    "Examples:\n"
    "  RELAIS_SIM_TOKEN=s3cr3t relais-sim --connect 127.0.0.1:7300 --speed 60\n"
    "  relais-sim --connect relais.example.org:7300 --tls --ca-file ca.pem --token-file tok\n"
    "  relais-sim --serial /dev/ttyUSB0 --baud 115200 --gateway radio-1\n"
    "  relais-sim --connect 127.0.0.1:7300 --load 20000 --duration 30 --quiet\n"
    "\n"
    "Exit codes: 0 done; 1 failure (unreadable file, events left unacknowledged);\n"
    "2 bad options; 3 refused by Relais (bad_token, unsupported_version).";

void printError(const QString &message)
{
    const QByteArray text = message.toUtf8();
    std::fprintf(stderr, "relais-sim: %s\nTry 'relais-sim --help' for the options.\n", text.constData());
    std::fflush(stderr);
}

// Number parsing with a clear message; the option is named as the user typed it.
class Reader
{
public:
    explicit Reader(const QCommandLineParser &p) : m_p(p) {}

    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    std::optional<double> real(const QString &name, double min, double max, bool minExclusive = false)
    {
        if (!m_p.isSet(name) || failed())
            return std::nullopt;
        bool ok = false;
        const QString text = m_p.value(name);
        const double v = text.toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < min || v > max || (minExclusive && v == min)) {
            fail(QStringLiteral("--%1: expected a number %2 %3 and at most %4, got \"%5\"")
                     .arg(name, minExclusive ? u"above"_s : u"from"_s)
                     .arg(min)
                     .arg(max)
                     .arg(text));
            return std::nullopt;
        }
        return v;
    }

    std::optional<qint64> integer(const QString &name, qint64 min, qint64 max)
    {
        if (!m_p.isSet(name) || failed())
            return std::nullopt;
        bool ok = false;
        const QString text = m_p.value(name);
        const qint64 v = text.toLongLong(&ok);
        if (!ok || v < min || v > max) {
            fail(QStringLiteral("--%1: expected a whole number from %2 to %3, got \"%4\"")
                     .arg(name)
                     .arg(min)
                     .arg(max)
                     .arg(text));
            return std::nullopt;
        }
        return v;
    }

    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }

private:
    const QCommandLineParser &m_p;
    QString m_error;
};

bool parseHostPort(const QString &text, QString *host, quint16 *port)
{
    QString h;
    QString p;
    if (text.startsWith(u'[')) { // [::1]:7300
        const qsizetype close = text.indexOf(u']');
        if (close < 0 || close + 1 >= text.size() || text.at(close + 1) != u':')
            return false;
        h = text.mid(1, close - 1);
        p = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon <= 0)
            return false;
        h = text.left(colon);
        p = text.mid(colon + 1);
        if (h.contains(u':'))
            return false; // an IPv6 address needs brackets
    }
    bool ok = false;
    const uint n = p.toUInt(&ok);
    if (h.isEmpty() || !ok || n == 0 || n > 65535)
        return false;
    *host = h;
    *port = quint16(n);
    return true;
}

bool parseOutcomes(const QString &text, std::array<double, 4> *weights, QString *why)
{
    static const QStringList keys{u"real_incident"_s, u"false_alarm"_s, u"emergency_services"_s, u"no_access"_s};
    std::array<double, 4> w{0, 0, 0, 0};
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        const QString key = part.left(eq).trimmed();
        const qsizetype index = keys.indexOf(key);
        bool ok = false;
        const double v = eq > 0 ? part.mid(eq + 1).trimmed().toDouble(&ok) : 0.0;
        if (eq <= 0 || index < 0) {
            *why = QStringLiteral("\"%1\" is not OUTCOME=WEIGHT with OUTCOME one of %2").arg(part, keys.join(", "_L1));
            return false;
        }
        if (!ok || !std::isfinite(v) || v < 0) {
            *why = QStringLiteral("the weight of %1 must be a number of 0 or more").arg(key);
            return false;
        }
        w[size_t(index)] = v;
    }
    if (w[0] + w[1] + w[2] + w[3] <= 0) {
        *why = QStringLiteral("at least one weight must be above 0");
        return false;
    }
    *weights = w;
    return true;
}

} // namespace

Parsed parse(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QString::fromLatin1(Description));
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s}, u"Show this help and exit."_s);
    const QCommandLineOption version(QStringList{u"v"_s, u"version"_s}, u"Show the version and exit."_s);
    p.addOption(help);
    p.addOption(version);
    p.addOptions({
        {u"connect"_s, u"Connect to Relais over TCP at HOST:PORT ([::1]:PORT for IPv6)."_s, u"HOST:PORT"_s},
        {u"tls"_s, u"Use TLS on the --connect connection; Relais's certificate must be valid for HOST."_s},
        {u"ca-file"_s, u"With --tls: trust only the CA certificate(s) in this PEM file (default: the system's CAs)."_s,
         u"PEM"_s},
        {u"serial"_s, u"Talk over a serial line instead (a tty, or a pty such as socat's), 8N1, no flow control."_s,
         u"PATH"_s},
        {u"baud"_s, u"With --serial: the line speed (default 115200)."_s, u"N"_s},
        {u"gateway"_s, u"The gateway id registered in Relais (default demo-sim)."_s, u"ID"_s},
        {u"token-file"_s, u"Read the gateway token from the first line of FILE (default: $RELAIS_SIM_TOKEN)."_s,
         u"FILE"_s},
        {u"devices"_s, u"Use only the first N devices of the town (default: all)."_s, u"N"_s},
        {u"devices-file"_s,
         u"Devices from this CSV instead of the demo town's (same columns as resources/demo/devices.csv)."_s, u"CSV"_s},
        {u"helpers-file"_s,
         u"Helpers from this CSV instead of the demo town's (same columns as resources/demo/helpers.csv)."_s, u"CSV"_s},
        {u"alarm-rate"_s, u"Alarms per minute of simulated time, over the whole town (default 1; 0: none)."_s, u"R"_s},
        {u"silent"_s, u"Make N devices fall silent after their first report (Relais should raise device_silent)."_s,
         u"N"_s},
        {u"on-duty"_s, u"Share of the helpers on duty at the start, 0 to 1 (default 0.6)."_s, u"FRACTION"_s},
        {u"accept-prob"_s, u"Probability that a helper accepts an offer, 0 to 1 (default 0.7)."_s, u"P"_s},
        {u"outcomes"_s,
         u"Weights of the report outcomes, e.g. real_incident=25,false_alarm=55,emergency_services=10,"
         "no_access=10 (the default; outcomes left out weigh 0)."_s,
         u"WEIGHTS"_s},
        {u"speed"_s, u"Time scale of the scenario: 60 plays one minute per second (default 1)."_s, u"X"_s},
        {u"load"_s,
         u"Load mode: send N heartbeats per second in total (no scenario), then wait for every ack and print a "
         "summary on stdout."_s,
         u"N"_s},
        {u"duration"_s,
         u"Stop after S seconds (counted from the first accepted hello), wait for the acks and exit (default: run "
         "until SIGINT/SIGTERM)."_s,
         u"S"_s},
        {u"drain-timeout"_s,
         u"At the end, wait at most S seconds for the outstanding acks (default 30; after a signal at most 2)."_s,
         u"S"_s},
        {u"max-in-flight"_s, u"Unacknowledged events allowed at once, 1 to 4000 (default 4000)."_s, u"N"_s},
        {u"seed"_s, u"Seed of the scenario: the same seed plays the same town (default: random, printed)."_s, u"N"_s},
        {u"stats-interval"_s, u"Seconds between the one-line statistics on stderr (default 10)."_s, u"S"_s},
        {u"quiet"_s, u"Print only errors (and the load summary)."_s},
    });

    Parsed out;
    out.exitCode = ExitUsage;
    if (!p.parse(arguments)) {
        printError(p.errorText());
        return out;
    }
    if (p.isSet(help)) {
        const QByteArray text = p.helpText().toUtf8();
        std::fputs(text.constData(), stdout);
        std::fflush(stdout);
        out.exitCode = ExitOk;
        return out;
    }
    if (p.isSet(version)) {
        std::printf("relais-sim %s\n", RELAIS_VERSION);
        std::fflush(stdout);
        out.exitCode = ExitOk;
        return out;
    }
    if (!p.positionalArguments().isEmpty()) {
        printError(QStringLiteral("unexpected argument \"%1\"").arg(p.positionalArguments().constFirst()));
        return out;
    }

    SimOptions &o = out.options;
    Reader r(p);
    if (p.isSet(u"connect"_s) == p.isSet(u"serial"_s))
        r.fail(QStringLiteral("choose one transport: --connect HOST:PORT or --serial PATH"));
    if (p.isSet(u"connect"_s) && !parseHostPort(p.value(u"connect"_s), &o.host, &o.port))
        r.fail(QStringLiteral("--connect: expected HOST:PORT, got \"%1\"").arg(p.value(u"connect"_s)));
    o.tls = p.isSet(u"tls"_s);
    if (o.tls && !p.isSet(u"connect"_s))
        r.fail(QStringLiteral("--tls needs --connect"));
    o.caFile = p.value(u"ca-file"_s);
    if (p.isSet(u"ca-file"_s) && !o.tls)
        r.fail(QStringLiteral("--ca-file needs --tls"));
    o.serialPath = p.value(u"serial"_s);
    if (p.isSet(u"baud"_s) && !p.isSet(u"serial"_s))
        r.fail(QStringLiteral("--baud needs --serial"));
    if (const auto v = r.integer(u"baud"_s, 50, 4'000'000))
        o.baud = qint32(*v);
    if (p.isSet(u"gateway"_s))
        o.gatewayId = p.value(u"gateway"_s);
    if (!Wire::isValidId(o.gatewayId) || o.gatewayId.contains(u'"') || o.gatewayId.contains(u'\\'))
        r.fail(QStringLiteral("--gateway: an id of 1 to 64 characters, without control characters, quotes or "
                              "backslashes"));
    o.tokenFile = p.value(u"token-file"_s);
    if (const auto v = r.integer(u"devices"_s, 1, 1'000'000))
        o.devices = int(*v);
    o.devicesFile = p.value(u"devices-file"_s);
    o.helpersFile = p.value(u"helpers-file"_s);
    if (const auto v = r.real(u"alarm-rate"_s, 0, 100'000))
        o.alarmRatePerMin = *v;
    if (const auto v = r.integer(u"silent"_s, 0, 1'000'000))
        o.silent = int(*v);
    if (const auto v = r.real(u"on-duty"_s, 0, 1))
        o.onDutyFraction = *v;
    if (const auto v = r.real(u"accept-prob"_s, 0, 1))
        o.acceptProbability = *v;
    if (p.isSet(u"outcomes"_s)) {
        QString why;
        if (!parseOutcomes(p.value(u"outcomes"_s), &o.outcomeWeights, &why))
            r.fail(QStringLiteral("--outcomes: %1").arg(why));
    }
    if (const auto v = r.real(u"speed"_s, 0, 1'000'000, true))
        o.speed = *v;
    if (const auto v = r.integer(u"load"_s, 1, 10'000'000))
        o.load = int(*v);
    if (const auto v = r.real(u"duration"_s, 0, 1e9, true))
        o.durationS = *v;
    if (const auto v = r.real(u"drain-timeout"_s, 0, 1e6, true))
        o.drainTimeoutS = *v;
    if (const auto v = r.integer(u"max-in-flight"_s, 1, 4000))
        o.maxInFlight = int(*v);
    if (p.isSet(u"seed"_s) && !r.failed()) {
        bool ok = false;
        o.seed = p.value(u"seed"_s).toULongLong(&ok);
        o.seedGiven = true;
        if (!ok)
            r.fail(QStringLiteral("--seed: expected a whole number of 0 or more, got \"%1\"").arg(p.value(u"seed"_s)));
    }
    if (const auto v = r.real(u"stats-interval"_s, 0, 1e6, true))
        o.statsIntervalS = *v;
    o.quiet = p.isSet(u"quiet"_s);

    if (r.failed()) {
        printError(r.error());
        return out;
    }
    out.run = true;
    out.exitCode = ExitOk;
    return out;
}

Result<QString> token(const SimOptions &options)
{
    QString token;
    if (!options.tokenFile.isEmpty()) {
        QFile file(options.tokenFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return Error{
                QStringLiteral("token"),
                QStringLiteral("cannot read the token file %1: %2").arg(options.tokenFile, file.errorString())};
        }
        const QByteArray data = file.read(64 * 1024);
        const qsizetype eol = data.indexOf('\n');
        token = QString::fromUtf8(eol >= 0 ? data.left(eol) : data).trimmed();
        if (token.isEmpty())
            return Error{QStringLiteral("token"), QStringLiteral("the token file %1 is empty").arg(options.tokenFile)};
    } else {
        token = qEnvironmentVariable("RELAIS_SIM_TOKEN").trimmed();
        if (token.isEmpty()) {
            return Error{QStringLiteral("token"),
                         QStringLiteral("no gateway token: set RELAIS_SIM_TOKEN or give --token-file FILE")};
        }
    }
    if (token.size() > 256)
        return Error{QStringLiteral("token"), QStringLiteral("the gateway token is longer than 256 characters")};
    return token;
}

} // namespace relais::sim::Options
