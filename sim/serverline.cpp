#include "serverline.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace relais::sim {

namespace {

using namespace Qt::StringLiterals;

Error bad(const QString &message)
{
    return Error{QStringLiteral("bad_line"), message};
}

// {"type":"ack","id":"<id without escapes>","status":"stored"|"duplicate"} exactly, as
// encodeAck writes it: most of the traffic under load.
bool decodeFastAck(QByteArrayView line, ServerLine &out)
{
    static constexpr QByteArrayView prefix = "{\"type\":\"ack\",\"id\":\"";
    if (!line.startsWith(prefix))
        return false;
    const QByteArrayView rest = line.sliced(prefix.size());
    const qsizetype quote = rest.indexOf('"');
    if (quote <= 0)
        return false;
    const QByteArrayView id = rest.first(quote);
    if (id.contains('\\'))
        return false;
    const QByteArrayView tail = rest.sliced(quote);
    if (tail == QByteArrayView("\",\"status\":\"stored\"}"))
        out.status = AckStatus::Stored;
    else if (tail == QByteArrayView("\",\"status\":\"duplicate\"}"))
        out.status = AckStatus::Duplicate;
    else
        return false;
    out.type = ServerLine::Type::Ack;
    out.typeName = QStringLiteral("ack");
    out.eventId = id.toByteArray();
    return true;
}

bool wholeNumber(const QJsonValue &v, qint64 *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9007199254740992.0)
        return false;
    *out = qint64(d);
    return true;
}

} // namespace

Result<ServerLine> ServerLines::decode(QByteArrayView line)
{
    ServerLine out;
    if (decodeFastAck(line, out))
        return out;

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("invalid_json"), QStringLiteral("not JSON: %1").arg(parseError.errorString())};
    if (!doc.isObject())
        return Error{QStringLiteral("not_an_object"), QStringLiteral("not a JSON object")};
    const QJsonObject o = doc.object();
    const QJsonValue type = o.value("type"_L1);
    if (!type.isString())
        return Error{QStringLiteral("unknown_type"), QStringLiteral("no \"type\"")};
    out.typeName = type.toString();

    auto str = [&o](QLatin1StringView key) {
        return o.value(key).toString();
    };
    auto integer = [&o](QLatin1StringView key, qint64 fallback) {
        qint64 v = fallback;
        return wholeNumber(o.value(key), &v) ? v : fallback;
    };

    if (out.typeName == "hello_ok"_L1) {
        out.type = ServerLine::Type::HelloOk;
        qint64 version = 0;
        if (!wholeNumber(o.value("version"_L1), &version))
            return bad(QStringLiteral("hello_ok without a version"));
        out.version = int(version);
        out.server = str("server"_L1);
        out.maxLine = integer("max_line"_L1, 8192);
        out.rate = int(std::clamp<qint64>(integer("rate"_L1, 2000), 0, 100'000'000));
        out.burst = int(std::clamp<qint64>(integer("burst"_L1, 4000), 0, 100'000'000));
        if (out.maxLine < 64)
            return bad(QStringLiteral("hello_ok with a max_line below 64 bytes"));
        return out;
    }
    if (out.typeName == "ack"_L1) {
        out.type = ServerLine::Type::Ack;
        const QJsonValue id = o.value("id"_L1);
        const QString status = str("status"_L1);
        if (!id.isString() || id.toString().isEmpty())
            return bad(QStringLiteral("ack without an id"));
        out.eventId = id.toString().toUtf8();
        out.reason = str("reason"_L1);
        if (status == "stored"_L1)
            out.status = AckStatus::Stored;
        else if (status == "duplicate"_L1)
            out.status = AckStatus::Duplicate;
        else if (status == "rejected"_L1)
            out.status = AckStatus::Rejected;
        else
            return bad(QStringLiteral("ack with an unknown status \"%1\"").arg(status.left(32)));
        return out;
    }
    if (out.typeName == "error"_L1) {
        out.type = ServerLine::Type::Error;
        out.code = str("code"_L1);
        out.message = str("message"_L1);
        out.close = o.value("close"_L1).toBool(false);
        if (out.code.isEmpty())
            return bad(QStringLiteral("error without a code"));
        return out;
    }
    if (out.typeName == "offer"_L1 || out.typeName == "cancel"_L1) {
        const bool offer = out.typeName == "offer"_L1;
        out.type = offer ? ServerLine::Type::Offer : ServerLine::Type::Cancel;
        out.downlinkId = str("id"_L1);
        out.helper = str("helper"_L1);
        out.mission = integer("mission"_L1, 0);
        if (out.downlinkId.isEmpty() || out.helper.isEmpty() || out.mission <= 0)
            return bad(QStringLiteral("%1 without id, helper or mission").arg(out.typeName));
        if (!offer) {
            out.reason = str("reason"_L1);
            return out;
        }
        out.alarm = str("alarm"_L1);
        const QJsonValue lat = o.value("lat"_L1);
        const QJsonValue lon = o.value("lon"_L1);
        if (lat.isDouble() && lon.isDouble() && std::fabs(lat.toDouble()) <= 90 && std::fabs(lon.toDouble()) <= 180) {
            out.lat = lat.toDouble();
            out.lon = lon.toDouble();
        }
        out.address = str("address"_L1);
        if (o.contains("distance_m"_L1))
            out.distanceM = integer("distance_m"_L1, 0);
        out.feeCents = integer("fee_cents"_L1, 0);
        out.currency = str("currency"_L1);
        if (o.contains("expires"_L1))
            out.expires = QDateTime::fromString(str("expires"_L1), Qt::ISODateWithMs);
        return out;
    }
    out.type = ServerLine::Type::Other;
    return out;
}

} // namespace relais::sim
