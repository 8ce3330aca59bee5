#include "gatewaysettingsfile.h"

#include "gatewayconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace relais {

GatewaySettings GatewaySettingsFile::load(const QString &path)
{
    GatewaySettings out;
    out.fileName = QDir::toNativeSeparators(path);
    if (!QFileInfo::exists(path))
        return out;
    const GatewayConfigFile::Parsed parsed = GatewayConfigFile::load(path);
    if (!parsed.ok()) {
        out.readOnlyReason = tr("The gateways file cannot be edited here until it is fixed:\n%1")
                                 .arg(parsed.errors.join(QLatin1Char('\n')));
        return out;
    }
    for (const TcpListenConfig &t : parsed.config.tcp)
        out.listeners.append({t.address, int(t.port), t.certificateFile, t.keyFile});
    for (const SerialLineConfig &s : parsed.config.serial)
        out.serialLines.append({s.port, s.baud});
    for (const GatewayAccount &g : parsed.config.gateways) {
        const bool inFile = g.tokenSecret.isEmpty();
        out.accounts.append({g.id, inFile ? QStringLiteral("gateway/%1/token").arg(g.id) : g.tokenSecret, inFile});
    }
    return out;
}

GatewaySettings GatewaySettingsFile::demo()
{
    GatewaySettings out;
    out.readOnlyReason = tr("In demo mode the console listens on 127.0.0.1 for its simulator only, with a token "
                            "made for the session: there is nothing to set here. Start Relais without --demo to "
                            "configure this desk's gateways.");
    return out;
}

Status GatewaySettingsFile::save(const QString &path, const GatewaySettings &settings)
{
    GatewayConfig config;
    if (QFileInfo::exists(path)) {
        const GatewayConfigFile::Parsed current = GatewayConfigFile::load(path);
        if (!current.ok())
            return Error{QStringLiteral("bad_file"), current.errors.join(QLatin1Char('\n'))};
        config = current.config;
    }
    config.tcp.clear();
    for (const GatewaySettings::Listener &l : settings.listeners) {
        if (l.port < 1 || l.port > 65535)
            return Error{QStringLiteral("bad_value"), tr("A listener's port must be from 1 to 65535.")};
        config.tcp.append({l.address, quint16(l.port), l.certificateFile, l.keyFile});
    }
    config.serial.clear();
    for (const GatewaySettings::SerialLine &s : settings.serialLines)
        config.serial.append({s.port, s.baud});
    const QByteArray json = GatewayConfigFile::serialize(config);
    // What the console will read at its next start must parse.
    const GatewayConfigFile::Parsed check = GatewayConfigFile::parse(json, QFileInfo(path).absolutePath());
    if (!check.ok())
        return Error{QStringLiteral("bad_value"), check.errors.join(QLatin1Char('\n'))};
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{QStringLiteral("io"), tr("Cannot create the folder of %1.").arg(path)};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return Error{QStringLiteral("io"), tr("Cannot write %1: %2").arg(path, file.errorString())};
    return Status::success();
}

} // namespace relais
