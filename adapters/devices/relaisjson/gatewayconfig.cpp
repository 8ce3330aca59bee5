#include "gatewayconfig.h"

#include "secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace relais {

namespace {

using namespace Qt::StringLiterals;

bool isPlainId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

QString resolved(const QString &path, const QString &baseDir)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir(baseDir).absoluteFilePath(path);
}

} // namespace

GatewayConfigFile::Parsed GatewayConfigFile::parse(const QByteArray &json, const QString &baseDir)
{
    Parsed out;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        out.errors.append(tr("Not valid JSON at byte %1: %2.").arg(error.offset).arg(error.errorString()));
        return out;
    }
    if (!doc.isObject()) {
        out.errors.append(tr("The file must hold one JSON object."));
        return out;
    }
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != "tcp"_L1 && it.key() != "serial"_L1 && it.key() != "gateways"_L1)
            out.errors.append(tr("Unknown section “%1” (expected tcp, serial, gateways).").arg(it.key()));
    }

    const QJsonArray tcp = root.value("tcp"_L1).toArray();
    for (qsizetype i = 0; i < tcp.size(); ++i) {
        const QJsonObject o = tcp.at(i).toObject();
        const QString where = tr("tcp[%1]").arg(i);
        TcpListenConfig t;
        t.address = o.value("address"_L1).toString(t.address);
        const int port = o.value("port"_L1).toInt(-1);
        if (port < 0 || port > 65535)
            out.errors.append(tr("%1: “port” must be a number from 0 to 65535.").arg(where));
        t.port = quint16(std::clamp(port, 0, 65535));
        t.certificateFile = resolved(o.value("certificate"_L1).toString(), baseDir);
        t.keyFile = resolved(o.value("key"_L1).toString(), baseDir);
        if (t.certificateFile.isEmpty() != t.keyFile.isEmpty())
            out.errors.append(tr("%1: TLS needs both “certificate” and “key”.").arg(where));
        for (const QString &file : {t.certificateFile, t.keyFile}) {
            if (!file.isEmpty() && !QFileInfo(file).isReadable())
                out.errors.append(tr("%1: cannot read %2.").arg(where, file));
        }
        out.config.tcp.append(t);
    }

    const QJsonArray serial = root.value("serial"_L1).toArray();
    for (qsizetype i = 0; i < serial.size(); ++i) {
        const QJsonObject o = serial.at(i).toObject();
        SerialLineConfig s;
        s.port = o.value("port"_L1).toString();
        s.baud = o.value("baud"_L1).toInt(s.baud);
        if (s.port.isEmpty())
            out.errors.append(tr("serial[%1]: “port” (the device path) is missing.").arg(i));
        if (s.baud <= 0)
            out.errors.append(tr("serial[%1]: “baud” must be a positive number.").arg(i));
        out.config.serial.append(s);
    }

    QSet<QString> seen;
    const QJsonArray gateways = root.value("gateways"_L1).toArray();
    for (qsizetype i = 0; i < gateways.size(); ++i) {
        const QJsonObject o = gateways.at(i).toObject();
        GatewayAccount g;
        g.id = o.value("id"_L1).toString();
        g.token = o.value("token"_L1).toString();
        g.tokenSecret = o.value("token_secret"_L1).toString();
        g.limits.rate = o.value("rate"_L1).toInt(g.limits.rate);
        g.limits.burst = o.value("burst"_L1).toInt(g.limits.burst);
        const QString where = tr("gateways[%1]").arg(i);
        if (!isPlainId(g.id))
            out.errors.append(tr("%1: “id” must be 1 to 64 characters without control characters.").arg(where));
        else if (seen.contains(g.id))
            out.errors.append(tr("%1: the id %2 is used twice.").arg(where, g.id));
        seen.insert(g.id);
        if (o.contains("token_secret"_L1)) {
            if (o.contains("token"_L1))
                out.errors.append(tr("%1: give “token_secret” or “token”, not both.").arg(where));
            else if (!SecretKeys::isKnown(g.tokenSecret))
                out.errors.append(
                    tr("%1: “token_secret” must name a key of the system keychain, such as gateway/%2/token.")
                        .arg(where, g.id));
        } else if (g.token.size() < 8 || g.token.size() > 256) {
            out.errors.append(tr("%1: “token” must be 8 to 256 characters.").arg(where));
        }
        if (g.limits.rate <= 0 || g.limits.burst <= 0)
            out.errors.append(tr("%1: “rate” and “burst” must be positive.").arg(where));
        out.config.gateways.append(g);
    }
    return out;
}

GatewayConfigFile::Parsed GatewayConfigFile::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        Parsed out;
        out.errors.append(tr("Cannot read %1: %2.").arg(path, f.errorString()));
        return out;
    }
    Parsed out = parse(f.readAll(), QFileInfo(path).absolutePath());
    for (QString &e : out.errors)
        e = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), e);
    return out;
}

QByteArray GatewayConfigFile::serialize(const GatewayConfig &config)
{
    QJsonArray tcp;
    for (const TcpListenConfig &t : config.tcp) {
        QJsonObject o{{"address"_L1, t.address}, {"port"_L1, int(t.port)}};
        if (t.tls()) {
            o.insert("certificate"_L1, t.certificateFile);
            o.insert("key"_L1, t.keyFile);
        }
        tcp.append(o);
    }
    QJsonArray serial;
    for (const SerialLineConfig &s : config.serial)
        serial.append(QJsonObject{{"port"_L1, s.port}, {"baud"_L1, s.baud}});
    QJsonArray gateways;
    for (const GatewayAccount &g : config.gateways) {
        QJsonObject o{{"id"_L1, g.id}, {"rate"_L1, g.limits.rate}, {"burst"_L1, g.limits.burst}};
        // A named secret stays in the keychain: only its key is written.
        if (g.tokenSecret.isEmpty())
            o.insert("token"_L1, g.token);
        else
            o.insert("token_secret"_L1, g.tokenSecret);
        gateways.append(o);
    }
    return QJsonDocument(QJsonObject{{"tcp"_L1, tcp}, {"serial"_L1, serial}, {"gateways"_L1, gateways}})
        .toJson(QJsonDocument::Indented);
}

} // namespace relais
