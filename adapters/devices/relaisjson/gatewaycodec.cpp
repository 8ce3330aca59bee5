#include "gatewaycodec.h"

#include "gatewayerrors.h"
#include "jsonfieldreader.h"
#include "jsonlinewriter.h"
#include "mission.h"

#include <simdjson.h>

#include <cstring>

namespace relais {

namespace {

using namespace Qt::StringLiterals;

enum class Msg {
    Hello,
    DownlinkAck,
    DeviceAlarm,
    DeviceRestore,
    DeviceBattery,
    DeviceHeartbeat,
    DevicePosition,
    HelperOnDuty,
    HelperOffDuty,
    HelperPosition,
    HelperAnswer,
    HelperEnRoute,
    HelperOnScene,
    HelperReport,
};

struct TypeRow
{
    QLatin1StringView name;
    Msg msg;
};

constexpr TypeRow typeRows[] = {
    {"device.alarm"_L1, Msg::DeviceAlarm},
    {"device.heartbeat"_L1, Msg::DeviceHeartbeat},
    {"device.battery"_L1, Msg::DeviceBattery},
    {"device.restore"_L1, Msg::DeviceRestore},
    {"device.position"_L1, Msg::DevicePosition},
    {"helper.position"_L1, Msg::HelperPosition},
    {"helper.answer"_L1, Msg::HelperAnswer},
    {"helper.en_route"_L1, Msg::HelperEnRoute},
    {"helper.on_scene"_L1, Msg::HelperOnScene},
    {"helper.report"_L1, Msg::HelperReport},
    {"helper.on_duty"_L1, Msg::HelperOnDuty},
    {"helper.off_duty"_L1, Msg::HelperOffDuty},
    {"ack"_L1, Msg::DownlinkAck},
    {"hello"_L1, Msg::Hello},
};

constexpr qint64 MaxMissionId = qint64(1) << 53; // exact in a JSON number
constexpr qsizetype MaxVersions = 16;
constexpr qsizetype MaxTokenLength = 256;

Error makeError(QLatin1StringView code, const QString &message)
{
    return Error{QString(code), message};
}

bool isDeviceEvent(Msg m)
{
    return m == Msg::DeviceAlarm || m == Msg::DeviceRestore || m == Msg::DeviceBattery || m == Msg::DeviceHeartbeat
           || m == Msg::DevicePosition;
}

QString alarmKindList()
{
    QStringList keys;
    for (AlarmKind k : AlarmKinds::all())
        keys.append(AlarmKinds::key(k));
    return keys.join(", "_L1);
}

// lat and lon: both or neither (required: both).
void readPosition(JsonFieldReader &r, bool required)
{
    const bool either = r.has("lat"_L1) || r.has("lon"_L1);
    (void)r.number("lat"_L1, -90, 90, required || either);
    (void)r.number("lon"_L1, -180, 180, required || either);
}

void readAlarmKind(JsonFieldReader &r)
{
    const QString key = r.string("alarm"_L1);
    if (r.ok() && !AlarmKinds::fromKey(key)) {
        r.badField("alarm"_L1, GatewayCodec::tr("unknown alarm kind “%1”; expected one of: %2.")
                                   .arg(key.left(JsonFieldReader::MaxIdLength), alarmKindList()));
    }
}

void readMission(JsonFieldReader &r)
{
    (void)r.integer("mission"_L1, 1, MaxMissionId, true);
}

void readOptionalText(JsonFieldReader &r, QLatin1StringView key)
{
    if (r.has(key))
        (void)r.text(key);
}

// The payload: the fields of the message the reducer reads, under their protocol names (the
// protocol names its fields as the journal does); fields it does not know are left out.
QJsonObject payloadFrom(const JsonFieldReader &r, std::initializer_list<QLatin1StringView> keep)
{
    QJsonObject p;
    r.copyTo(p, keep);
    return p;
}

Result<InboundMessage> decodeHello(JsonFieldReader &r, const simdjson::dom::object &o)
{
    InboundMessage m;
    m.type = InboundMessage::Type::Hello;
    simdjson::dom::element versionsValue;
    simdjson::dom::array versions;
    if (o.at_key("versions").get(versionsValue) != simdjson::SUCCESS)
        r.fail(GatewayErrors::MissingField, GatewayCodec::tr("The field “versions” is missing."));
    else if (versionsValue.get_array().get(versions) != simdjson::SUCCESS || versions.size() == 0
             || versions.size() > std::size_t(MaxVersions))
        r.badField("versions"_L1, GatewayCodec::tr("must be a list of 1 to %1 version numbers.").arg(MaxVersions));
    if (!r.ok())
        return r.error();
    for (const simdjson::dom::element v : versions) {
        const double d = v.is_number() ? v.get_double().value_unsafe() : -1;
        if (d < 1 || d > 999 || d != double(int(d))) {
            r.badField("versions"_L1, GatewayCodec::tr("each version must be a whole number from 1 to 999."));
            return r.error();
        }
        m.versions.append(int(d));
    }
    m.gatewayId = r.id("gateway"_L1);
    m.token = r.string("token"_L1);
    if (r.ok() && (m.token.isEmpty() || m.token.size() > MaxTokenLength))
        r.badField("token"_L1, GatewayCodec::tr("must have 1 to %1 characters.").arg(MaxTokenLength));
    m.agent = r.text("agent"_L1);
    if (!r.ok())
        return r.error();

    const QList<int> supported = GatewayCodec::supportedVersions();
    for (int v : m.versions) {
        if (supported.contains(v))
            m.version = std::max(m.version, v);
    }
    if (m.version == 0) {
        QStringList names;
        for (int v : supported)
            names.append(QString::number(v));
        return makeError(
            GatewayErrors::UnsupportedVersion,
            GatewayCodec::tr("No common protocol version: this Relais supports version %1.").arg(names.join(", "_L1)));
    }
    return m;
}

Result<InboundMessage> decodeDownlinkAck(JsonFieldReader &r, InboundMessage m)
{
    m.type = InboundMessage::Type::DownlinkAck;
    const QString status = r.string("status"_L1);
    if (r.ok()) {
        if (status == "delivered"_L1)
            m.downlinkStatus = InboundMessage::DownlinkStatus::Delivered;
        else if (status == "failed"_L1)
            m.downlinkStatus = InboundMessage::DownlinkStatus::Failed;
        else
            r.badField("status"_L1, GatewayCodec::tr("must be “delivered” or “failed”."));
    }
    m.reason = r.text("reason"_L1);
    if (!r.ok())
        return r.error();
    return m;
}

// Fills kind and payload of an event whose common fields (type, id, sender, time) were read.
void decodeEventBody(Msg msg, JsonFieldReader &r, const QString &who, JournalEntry &e)
{
    switch (msg) {
    case Msg::DeviceAlarm:
        readAlarmKind(r);
        readPosition(r, false);
        readOptionalText(r, "details"_L1);
        e.kind = EntryKind::DeviceAlarm;
        if (r.ok())
            e.payload = payloadFrom(r, {"device"_L1, "alarm"_L1, "lat"_L1, "lon"_L1, "details"_L1});
        return;
    case Msg::DeviceRestore:
        readAlarmKind(r);
        e.kind = EntryKind::DeviceRestore;
        if (r.ok())
            e.payload = payloadFrom(r, {"device"_L1, "alarm"_L1});
        return;
    case Msg::DeviceBattery: {
        const auto level = r.integer("level"_L1, 0, 100, false);
        const auto low = r.boolean("low"_L1, false);
        if (r.ok() && !level && !low)
            r.fail(GatewayErrors::MissingField, GatewayCodec::tr("A battery report needs “level” or “low”."));
        const bool isLow = low && *low;
        e.kind = isLow ? EntryKind::DeviceAlarm : EntryKind::DeviceHeartbeat;
        QJsonObject &p = e.payload;
        p.insert("device"_L1, who);
        if (isLow)
            p.insert("alarm"_L1, AlarmKinds::key(AlarmKind::LowBattery));
        if (level)
            p.insert("battery"_L1, *level);
        return;
    }
    case Msg::DeviceHeartbeat:
        (void)r.integer("battery"_L1, 0, 100, false);
        e.kind = EntryKind::DeviceHeartbeat;
        if (r.ok())
            e.payload = payloadFrom(r, {"device"_L1, "battery"_L1});
        return;
    case Msg::DevicePosition:
        readPosition(r, true);
        e.kind = EntryKind::DevicePosition;
        if (r.ok())
            e.payload = payloadFrom(r, {"device"_L1, "lat"_L1, "lon"_L1});
        return;
    case Msg::HelperOnDuty:
    case Msg::HelperOffDuty:
        e.kind = msg == Msg::HelperOnDuty ? EntryKind::HelperOnDuty : EntryKind::HelperOffDuty;
        e.payload = payloadFrom(r, {"helper"_L1});
        return;
    case Msg::HelperPosition:
        readPosition(r, true);
        e.kind = EntryKind::HelperPosition;
        if (r.ok())
            e.payload = payloadFrom(r, {"helper"_L1, "lat"_L1, "lon"_L1});
        return;
    case Msg::HelperAnswer: {
        readMission(r);
        const QString answer = r.string("answer"_L1);
        e.kind = EntryKind::MissionAnswered;
        if (!r.ok())
            return;
        Offer::Answer a = Offer::Answer::Accepted;
        if (answer == "decline"_L1)
            a = Offer::Answer::Declined;
        else if (answer != "accept"_L1)
            return r.badField("answer"_L1, GatewayCodec::tr("must be “accept” or “decline”."));
        e.payload = payloadFrom(r, {"mission"_L1, "helper"_L1, "answer"_L1});
        e.payload.insert("answer"_L1, Offer::answerKey(a));
        return;
    }
    case Msg::HelperEnRoute:
    case Msg::HelperOnScene:
        readMission(r);
        e.kind = msg == Msg::HelperEnRoute ? EntryKind::MissionEnRoute : EntryKind::MissionOnScene;
        if (r.ok())
            e.payload = payloadFrom(r, {"mission"_L1});
        return;
    case Msg::HelperReport: {
        readMission(r);
        const QString outcome = r.string("outcome"_L1);
        readOptionalText(r, "note"_L1);
        e.kind = EntryKind::MissionCompleted;
        if (!r.ok())
            return;
        const auto known = Outcomes::fromKey(outcome);
        if (!known || *known == Outcome::Cancelled) {
            return r.badField("outcome"_L1, GatewayCodec::tr("must be one of: real_incident, false_alarm, "
                                                             "emergency_services, no_access."));
        }
        e.payload = payloadFrom(r, {"mission"_L1, "outcome"_L1, "note"_L1});
        return;
    }
    case Msg::Hello:
    case Msg::DownlinkAck:
        break;
    }
}

} // namespace

QList<int> GatewayCodec::supportedVersions()
{
    return {1};
}

Result<InboundMessage> GatewayCodec::decode(QByteArrayView line, QString *messageId)
{
    if (messageId)
        messageId->clear();
    if (line.size() > GatewayLimits::DefaultMaxLine) {
        return makeError(GatewayErrors::LineTooLong,
                         tr("The line is longer than %1 bytes.").arg(GatewayLimits::DefaultMaxLine));
    }
    if (!line.isValidUtf8())
        return makeError(GatewayErrors::InvalidUtf8, tr("The line is not valid UTF-8."));
    if (!line.isEmpty() && std::memchr(line.data(), 0, size_t(line.size())))
        return makeError(GatewayErrors::InvalidJson, tr("The line is not valid JSON."));

    // One parser per thread, reused: its buffers grow to the longest line once.
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (parser.parse(line.data(), std::size_t(line.size())).get(doc) != simdjson::SUCCESS)
        return makeError(GatewayErrors::InvalidJson, tr("The line is not valid JSON."));
    simdjson::dom::object o;
    if (doc.get_object().get(o) != simdjson::SUCCESS)
        return makeError(GatewayErrors::NotAnObject, tr("The line is not a JSON object."));

    JsonFieldReader r(o);
    std::string_view type;
    const bool typeIsString = o.at_key("type").get_string().get(type) == simdjson::SUCCESS;
    const TypeRow *row = nullptr;
    if (typeIsString) {
        for (const TypeRow &t : typeRows) {
            if (type == std::string_view(t.name.data(), std::size_t(t.name.size()))) {
                row = &t;
                break;
            }
        }
    }
    if (!row || row->msg != Msg::Hello) {
        // Every message but hello has an id: read it first, to answer even a refusal with an ack.
        InboundMessage m;
        m.messageId = r.id("id"_L1, JsonFieldReader::MaxMessageIdLength);
        if (messageId && r.ok())
            *messageId = m.messageId;
        if (!row) {
            if (!typeIsString)
                return makeError(GatewayErrors::UnknownType, tr("The message has no “type”."));
            return makeError(
                GatewayErrors::UnknownType,
                tr("Unknown message type “%1”.").arg(QString::fromUtf8(type.data(), qsizetype(type.size())).left(64)));
        }
        if (row->msg == Msg::DownlinkAck)
            return decodeDownlinkAck(r, std::move(m));

        const bool fromDevice = isDeviceEvent(row->msg);
        const QString who = r.id(fromDevice ? "device"_L1 : "helper"_L1);
        m.deviceTime = r.dateTime("time"_L1);
        if (!r.ok())
            return r.error();
        JournalEntry &e = m.entry;
        e.messageId = m.messageId;
        e.actor = fromDevice ? Actor::device(who) : Actor::helper(who);
        decodeEventBody(row->msg, r, who, e);
        if (!r.ok())
            return r.error();
        e.raw = line.toByteArray();
        m.type = InboundMessage::Type::Event;
        return m;
    }
    return decodeHello(r, o);
}

QString GatewayCodec::ackStatusKey(AckStatus status)
{
    switch (status) {
    case AckStatus::Stored:
        return QStringLiteral("stored");
    case AckStatus::Duplicate:
        return QStringLiteral("duplicate");
    case AckStatus::Rejected:
        break;
    }
    return QStringLiteral("rejected");
}

QByteArray GatewayCodec::encodeHelloOk(int version, const QString &server, const GatewayLimits &limits)
{
    return JsonLineWriter("hello_ok"_L1)
        .integer("version"_L1, version)
        .string("server"_L1, server)
        .integer("max_line"_L1, limits.maxLine)
        .integer("rate"_L1, limits.rate)
        .integer("burst"_L1, limits.burst)
        .finish();
}

QByteArray GatewayCodec::encodeAck(const QString &messageId, AckStatus status, const QString &reason)
{
    JsonLineWriter w("ack"_L1);
    w.string("id"_L1, messageId);
    switch (status) {
    case AckStatus::Stored:
        w.string("status"_L1, "stored"_L1);
        break;
    case AckStatus::Duplicate:
        w.string("status"_L1, "duplicate"_L1);
        if (!reason.isEmpty())
            w.string("reason"_L1, reason);
        break;
    case AckStatus::Rejected:
        w.string("status"_L1, "rejected"_L1);
        w.string("reason"_L1, reason.isEmpty() ? QStringView(u"unspecified") : QStringView(reason));
        break;
    }
    return w.finish();
}

QByteArray GatewayCodec::encodeError(const QString &code, const QString &message)
{
    return JsonLineWriter("error"_L1)
        .string("code"_L1, code)
        .string("message"_L1, message)
        .boolean("close"_L1, GatewayErrors::closesConnection(code))
        .finish();
}

QByteArray GatewayCodec::encodeOffer(const DownlinkOffer &offer)
{
    JsonLineWriter w("offer"_L1);
    w.string("id"_L1, offer.id).string("helper"_L1, offer.helper).integer("mission"_L1, offer.mission);
    w.string("alarm"_L1, AlarmKinds::key(offer.alarm));
    if (offer.position.isValid())
        w.number("lat"_L1, offer.position.latitude()).number("lon"_L1, offer.position.longitude());
    if (!offer.address.isEmpty())
        w.string("address"_L1, offer.address);
    if (offer.distanceM)
        w.integer("distance_m"_L1, *offer.distanceM);
    w.integer("fee_cents"_L1, offer.fee.cents()).string("currency"_L1, offer.fee.currency());
    if (offer.expires.isValid())
        w.string("expires"_L1, offer.expires.toUTC().toString(Qt::ISODate));
    return w.finish();
}

QByteArray GatewayCodec::encodeCancel(const QString &downlinkId, const QString &helperId, qint64 missionId,
                                      const QString &reason)
{
    return JsonLineWriter("cancel"_L1)
        .string("id"_L1, downlinkId)
        .string("helper"_L1, helperId)
        .integer("mission"_L1, missionId)
        .string("reason"_L1, reason)
        .finish();
}

} // namespace relais
