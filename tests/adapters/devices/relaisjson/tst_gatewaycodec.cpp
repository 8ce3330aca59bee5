// GatewayCodec: every message of docs/protocol.md decodes to the journal entry the reducer
// expects, every bad line to a clear error code, and the encoders write the spec's lines.

#include "dispatchstate.h"
#include "gatewaycodec.h"
#include "gatewayerrors.h"
#include "journalentry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace relais;
using namespace Qt::StringLiterals;

// moc cannot read some raw string literals: it only needs the class declaration.
#ifndef Q_MOC_RUN
namespace {

QJsonObject object(const QByteArray &json)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(json, &e);
    if (e.error != QJsonParseError::NoError)
        qFatal("bad JSON in the test: %s", json.constData());
    return d.object();
}

QString code(const Result<InboundMessage> &r)
{
    return r ? QStringLiteral("<ok>") : r.error().code;
}

// The spec, as lines: every line of ```json blocks, and the gw>/rl> lines of ```text blocks.
struct DocLine
{
    enum class From { Unknown, Gateway, Relais };
    From from;
    QByteArray line;
};

QList<DocLine> docLines()
{
    QFile f(QStringLiteral(RELAIS_PROTOCOL_DOC));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", RELAIS_PROTOCOL_DOC);
    QList<DocLine> out;
    QByteArray fence;
    for (QByteArray l : f.readAll().split('\n')) {
        if (l.startsWith("```")) {
            fence = fence.isEmpty() ? l.mid(3) + ' ' : QByteArray();
            continue;
        }
        if (fence == "json ")
            out.append({DocLine::From::Unknown, l});
        else if (fence == "text " && l.startsWith("gw> "))
            out.append({DocLine::From::Gateway, l.mid(4)});
        else if (fence == "text " && l.startsWith("rl> "))
            out.append({DocLine::From::Relais, l.mid(4)});
    }
    return out;
}

bool isRelaisLine(const QJsonObject &o)
{
    const QString type = o.value("type"_L1).toString();
    if (type == "ack"_L1)
        return o.value("status"_L1).toString() != "delivered"_L1 && o.value("status"_L1).toString() != "failed"_L1;
    return type == "hello_ok"_L1 || type == "error"_L1 || type == "offer"_L1 || type == "cancel"_L1;
}

// Re-encodes a Relais line of the spec from its own values: the encoder must give it back.
QByteArray reencode(const QJsonObject &o)
{
    const QString type = o.value("type"_L1).toString();
    auto s = [&](const char *k) {
        return o.value(QLatin1StringView(k)).toString();
    };
    auto i = [&](const char *k) {
        return o.value(QLatin1StringView(k)).toInteger();
    };
    if (type == "hello_ok"_L1) {
        GatewayLimits limits;
        limits.maxLine = i("max_line");
        limits.rate = int(i("rate"));
        limits.burst = int(i("burst"));
        return GatewayCodec::encodeHelloOk(int(i("version")), s("server"), limits);
    }
    if (type == "ack"_L1) {
        const QString st = s("status");
        const AckStatus status = st == "stored"_L1      ? AckStatus::Stored
                                 : st == "duplicate"_L1 ? AckStatus::Duplicate
                                                        : AckStatus::Rejected;
        return GatewayCodec::encodeAck(s("id"), status, s("reason"));
    }
    if (type == "error"_L1)
        return GatewayCodec::encodeError(s("code"), s("message"));
    if (type == "cancel"_L1)
        return GatewayCodec::encodeCancel(s("id"), s("helper"), i("mission"), s("reason"));
    if (type == "offer"_L1) {
        DownlinkOffer offer;
        offer.id = s("id");
        offer.helper = s("helper");
        offer.mission = i("mission");
        offer.alarm = AlarmKinds::fromKey(s("alarm")).value_or(AlarmKind::Other);
        if (o.contains("lat"_L1))
            offer.position = QGeoCoordinate(o.value("lat"_L1).toDouble(), o.value("lon"_L1).toDouble());
        offer.address = s("address");
        if (o.contains("distance_m"_L1))
            offer.distanceM = i("distance_m");
        offer.fee = Money(i("fee_cents"), s("currency"));
        if (o.contains("expires"_L1))
            offer.expires = QDateTime::fromString(s("expires"), Qt::ISODate);
        return GatewayCodec::encodeOffer(offer);
    }
    return {};
}

JournalEntry action(const QString &kind, const QByteArray &payload, const Actor &by, const QDateTime &at)
{
    JournalEntry e;
    e.time = at;
    e.source = QStringLiteral("ui");
    e.kind = kind;
    e.actor = by;
    e.payload = object(payload);
    return e;
}

// The valid examples of the spec (also checked to be in docs/protocol.md, word for word).
struct Valid
{
    const char *name;
    QByteArray line;
    QLatin1StringView kind;
    QByteArray payload;
    QString actor;
    QString deviceTime;
};

QList<Valid> validEvents()
{
    return {
        {"device.alarm full",
         R"({"type":"device.alarm","id":"gw-north-000101","device":"d-301","time":"2025-01-15T10:00:00Z","alarm":"panic","lat":48.8566,"lon":2.3522,"details":"button pressed twice"})",
         EntryKind::DeviceAlarm,
         R"({"device":"d-301","alarm":"panic","lat":48.8566,"lon":2.3522,"details":"button pressed twice"})",
         "device:d-301", "2025-01-15T10:00:00.000Z"},
        {"device.alarm minimal",
         R"({"type":"device.alarm","id":"gw-north-000102","device":"d-302","time":"2025-01-15T10:00:03Z","alarm":"water_leak"})",
         EntryKind::DeviceAlarm, R"({"device":"d-302","alarm":"water_leak"})", "device:d-302",
         "2025-01-15T10:00:03.000Z"},
        {"device.restore",
         R"({"type":"device.restore","id":"gw-north-000103","device":"d-302","time":"2025-01-15T10:20:00Z","alarm":"water_leak"})",
         EntryKind::DeviceRestore, R"({"device":"d-302","alarm":"water_leak"})", "device:d-302",
         "2025-01-15T10:20:00.000Z"},
        {"device.battery level",
         R"({"type":"device.battery","id":"gw-north-000104","device":"d-303","time":"2025-01-15T10:21:00Z","level":64})",
         EntryKind::DeviceHeartbeat, R"({"device":"d-303","battery":64})", "device:d-303", "2025-01-15T10:21:00.000Z"},
        {"device.battery low with level",
         R"({"type":"device.battery","id":"gw-north-000105","device":"d-303","time":"2025-01-15T10:22:00Z","level":9,"low":true})",
         EntryKind::DeviceAlarm, R"({"device":"d-303","alarm":"low_battery","battery":9})", "device:d-303",
         "2025-01-15T10:22:00.000Z"},
        {"device.battery low only",
         R"({"type":"device.battery","id":"gw-north-000106","device":"d-304","time":"2025-01-15T10:22:30Z","low":true})",
         EntryKind::DeviceAlarm, R"({"device":"d-304","alarm":"low_battery"})", "device:d-304",
         "2025-01-15T10:22:30.000Z"},
        {"device.heartbeat with battery",
         R"({"type":"device.heartbeat","id":"gw-north-000107","device":"d-301","time":"2025-01-15T10:30:00Z","battery":88})",
         EntryKind::DeviceHeartbeat, R"({"device":"d-301","battery":88})", "device:d-301", "2025-01-15T10:30:00.000Z"},
        {"device.heartbeat with offset and ms",
         R"({"type":"device.heartbeat","id":"gw-north-000108","device":"d-304","time":"2025-01-15T11:30:01.250+01:00"})",
         EntryKind::DeviceHeartbeat, R"({"device":"d-304"})", "device:d-304", "2025-01-15T10:30:01.250Z"},
        {"device.position",
         R"({"type":"device.position","id":"gw-north-000109","device":"d-305","time":"2025-01-15T10:31:00Z","lat":45.764,"lon":4.8357})",
         EntryKind::DevicePosition, R"({"device":"d-305","lat":45.764,"lon":4.8357})", "device:d-305",
         "2025-01-15T10:31:00.000Z"},
        {"helper.on_duty",
         R"({"type":"helper.on_duty","id":"gw-north-000201","helper":"h-12","time":"2025-01-15T09:58:00Z"})",
         EntryKind::HelperOnDuty, R"({"helper":"h-12"})", "helper:h-12", "2025-01-15T09:58:00.000Z"},
        {"helper.position",
         R"({"type":"helper.position","id":"gw-north-000202","helper":"h-12","time":"2025-01-15T09:59:00Z","lat":48.857,"lon":2.351})",
         EntryKind::HelperPosition, R"({"helper":"h-12","lat":48.857,"lon":2.351})", "helper:h-12",
         "2025-01-15T09:59:00.000Z"},
        {"helper.answer accept",
         R"({"type":"helper.answer","id":"gw-north-000203","helper":"h-12","time":"2025-01-15T10:02:10Z","mission":1,"answer":"accept"})",
         EntryKind::MissionAnswered, R"({"mission":1,"helper":"h-12","answer":"accepted"})", "helper:h-12",
         "2025-01-15T10:02:10.000Z"},
        {"helper.answer decline",
         R"({"type":"helper.answer","id":"gw-north-000204","helper":"h-14","time":"2025-01-15T10:02:15Z","mission":1,"answer":"decline"})",
         EntryKind::MissionAnswered, R"({"mission":1,"helper":"h-14","answer":"declined"})", "helper:h-14",
         "2025-01-15T10:02:15.000Z"},
        {"helper.en_route",
         R"({"type":"helper.en_route","id":"gw-north-000205","helper":"h-12","time":"2025-01-15T10:03:00Z","mission":1})",
         EntryKind::MissionEnRoute, R"({"mission":1})", "helper:h-12", "2025-01-15T10:03:00.000Z"},
        {"helper.on_scene",
         R"({"type":"helper.on_scene","id":"gw-north-000206","helper":"h-12","time":"2025-01-15T10:09:40Z","mission":1})",
         EntryKind::MissionOnScene, R"({"mission":1})", "helper:h-12", "2025-01-15T10:09:40.000Z"},
        {"helper.report",
         R"({"type":"helper.report","id":"gw-north-000207","helper":"h-12","time":"2025-01-15T10:25:00Z","mission":1,"outcome":"false_alarm","note":"Pressed by mistake, resident is fine."})",
         EntryKind::MissionCompleted,
         R"({"mission":1,"outcome":"false_alarm","note":"Pressed by mistake, resident is fine."})", "helper:h-12",
         "2025-01-15T10:25:00.000Z"},
        {"helper.off_duty",
         R"({"type":"helper.off_duty","id":"gw-north-000208","helper":"h-12","time":"2025-01-15T18:00:00Z"})",
         EntryKind::HelperOffDuty, R"({"helper":"h-12"})", "helper:h-12", "2025-01-15T18:00:00.000Z"},
    };
}

QByteArray alarmLine(const QByteArray &fields)
{
    return R"({"type":"device.alarm","id":"m-1","device":"d-1","time":"2025-01-15T10:00:00Z",)" + fields + "}";
}

} // namespace
#endif

class TestGatewayCodec final : public QObject
{
    Q_OBJECT

private slots:
    void validEventsDecodeToTheirJournalEntry_data();
    void validEventsDecodeToTheirJournalEntry();
    void validExamplesAreTheSpecsOwn();
    void decodedEntriesAreAcceptedByTheReducer();
    void errors_data();
    void errors();
    void errorMessagesNameTheField();
    void unknownFieldsAreIgnored();
    void unknownFieldsNeverReachThePayload();
    void deviceTimes_data();
    void deviceTimes();
    void everyAlarmKindIsAccepted();
    void textIsUnicode();
    void helloDecodes();
    void downlinkAcksDecode();
    void encodersWriteTheSpecsLines();
    void encodersEscapeText();
    void closingErrorsFollowTheTable();
    void specExamplesAgreeWithTheCodec();
};

#ifndef Q_MOC_RUN

void TestGatewayCodec::validEventsDecodeToTheirJournalEntry_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("deviceTime");
    for (const Valid &v : validEvents())
        QTest::newRow(v.name) << v.line << QString(v.kind) << v.payload << v.actor << v.deviceTime;
}

void TestGatewayCodec::validEventsDecodeToTheirJournalEntry()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, kind);
    QFETCH(QByteArray, payload);
    QFETCH(QString, actor);
    QFETCH(QString, deviceTime);

    QString id;
    const Result<InboundMessage> r = GatewayCodec::decode(line, &id);
    QVERIFY2(r, qPrintable(r.errorString()));
    const InboundMessage &m = r.value();
    QCOMPARE(m.type, InboundMessage::Type::Event);
    const QString expectedId = object(line).value("id"_L1).toString();
    QCOMPARE(id, expectedId);
    QCOMPARE(m.messageId, expectedId);
    QCOMPARE(m.entry.messageId, expectedId);
    QCOMPARE(m.entry.kind, kind);
    QCOMPARE(QJsonDocument(m.entry.payload).toJson(QJsonDocument::Compact),
             QJsonDocument(object(payload)).toJson(QJsonDocument::Compact));
    QCOMPARE(m.entry.payload, object(payload)); // same JSON types too (integers stay integers)
    QCOMPARE(m.entry.actor.toString(), actor);
    QCOMPARE(m.entry.raw, line);
    QCOMPARE(m.deviceTime.toString(Qt::ISODateWithMs), deviceTime);
    QCOMPARE(m.deviceTime.timeSpec(), Qt::UTC);
    // Left to the ingest:
    QVERIFY(m.entry.source.isEmpty());
    QVERIFY(!m.entry.time.isValid());
    QCOMPARE(m.entry.seq, 0);
}

void TestGatewayCodec::validExamplesAreTheSpecsOwn()
{
    QByteArrayList spec;
    for (const DocLine &l : docLines())
        spec.append(l.line);
    for (const Valid &v : validEvents())
        QVERIFY2(spec.contains(v.line), v.name);
}

// The decoded entries, fed to the reducer in the order of a day, are all accepted.
void TestGatewayCodec::decodedEntriesAreAcceptedByTheReducer()
{
    DispatchState state;
    const QDateTime t0(QDate(2025, 1, 15), QTime(9, 0), Qt::UTC);
    const Actor op = Actor::operatorNamed(QStringLiteral("Claire"));
    auto must = [&](const JournalEntry &e) {
        const auto r = state.apply(e);
        if (!r)
            qWarning("%s refused: %s", qPrintable(e.kind), qPrintable(r.errorString()));
        return bool(r);
    };
    for (const char *d : {"d-301", "d-302", "d-303", "d-304", "d-305"}) {
        QVERIFY(must(action(EntryKind::DeviceRegistered,
                            R"({"device":")" + QByteArray(d)
                                + R"(","kind":"panic_button","lat":48.85,"lon":2.35,"interval_s":3600})",
                            op, t0)));
    }
    for (const char *h : {"h-12", "h-14"})
        QVERIFY(
            must(action(EntryKind::HelperRegistered, R"({"helper":")" + QByteArray(h) + R"(","name":"N"})", op, t0)));

    QHash<QString, JournalEntry> decoded;
    for (const Valid &v : validEvents()) {
        const auto r = GatewayCodec::decode(v.line);
        QVERIFY(r);
        JournalEntry e = r->entry;
        e.source = QStringLiteral("gateway:gw-north");
        e.time = r->deviceTime;
        decoded.insert(QString::fromLatin1(v.name), e);
    }
    auto feed = [&](const char *name) {
        return must(decoded.value(QString::fromLatin1(name)));
    };

    QVERIFY(feed("helper.on_duty"));
    QVERIFY(must(action(EntryKind::HelperOnDuty, R"({"helper":"h-14"})", Actor::helper("h-14"_L1), t0)));
    QVERIFY(feed("helper.position"));
    QVERIFY(state.helper("h-12"_L1)->position().isValid());
    QVERIFY(feed("device.alarm full"));
    const Alarm *alarm = state.openAlarmFor("d-301"_L1, AlarmKind::Panic);
    QVERIFY(alarm);
    QCOMPARE(alarm->details, "button pressed twice"_L1);
    QCOMPARE(alarm->position.latitude(), 48.8566);
    const QDateTime t1(QDate(2025, 1, 15), QTime(10, 1), Qt::UTC);
    QVERIFY(must(action(EntryKind::AlarmAcknowledged, R"({"alarm":1})", op, t1)));
    QVERIFY(must(action(EntryKind::MissionCreated, R"({"alarm":1,"kind":"verification"})", op, t1)));
    QVERIFY(must(action(EntryKind::MissionOffered, R"({"mission":1,"helper":"h-12","distance_m":120})", op, t1)));
    QVERIFY(must(action(EntryKind::MissionOffered, R"({"mission":1,"helper":"h-14","distance_m":900})", op, t1)));
    QVERIFY(feed("helper.answer decline"));
    QVERIFY(feed("helper.answer accept"));
    QCOMPARE(state.mission(1)->assignee(), "h-12"_L1);
    QVERIFY(feed("helper.en_route"));
    QVERIFY(feed("helper.on_scene"));
    QVERIFY(feed("helper.report"));
    QCOMPARE(state.mission(1)->state(), Mission::State::Completed);
    QCOMPARE(state.mission(1)->outcome(), Outcome::FalseAlarm);
    QCOMPARE(state.mission(1)->note, "Pressed by mistake, resident is fine."_L1);
    QVERIFY(feed("helper.off_duty"));

    QVERIFY(feed("device.alarm minimal"));
    QVERIFY(state.openAlarmFor("d-302"_L1, AlarmKind::WaterLeak));
    QVERIFY(feed("device.restore"));
    QVERIFY(!state.openAlarmFor("d-302"_L1, AlarmKind::WaterLeak));
    QVERIFY(feed("device.battery level"));
    QCOMPARE(state.device("d-303"_L1)->batteryPercent, 64);
    QVERIFY(feed("device.battery low with level"));
    QVERIFY(state.openAlarmFor("d-303"_L1, AlarmKind::LowBattery));
    QCOMPARE(state.device("d-303"_L1)->batteryPercent, 9);
    QVERIFY(feed("device.battery low only"));
    QVERIFY(state.openAlarmFor("d-304"_L1, AlarmKind::LowBattery));
    QVERIFY(feed("device.heartbeat with battery"));
    QCOMPARE(state.device("d-301"_L1)->batteryPercent, 88);
    QVERIFY(feed("device.heartbeat with offset and ms"));
    QCOMPARE(state.device("d-304"_L1)->lastSeen, decoded.value("device.heartbeat with offset and ms"_L1).time);

    QVERIFY(feed("device.position"));
    QCOMPARE(state.device("d-305"_L1)->position, QGeoCoordinate(45.764, 4.8357));
}

void TestGatewayCodec::errors_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messageId"); // readable id reported with the error

    const QString none;
    auto row = [&](const char *name, const QByteArray &line, QLatin1StringView c, const QString &id) {
        QTest::newRow(name) << line << QString(c) << id;
    };
    using namespace GatewayErrors;
    const QString m1 = QStringLiteral("m-1");

    // framing and syntax
    row("empty", "", InvalidJson, none);
    row("not json", "this is not json", InvalidJson, none);
    row("binary garbage", QByteArray("\x01\x02\xff\xfe\x80", 5), InvalidUtf8, none);
    row("invalid UTF-8 in a string", alarmLine(R"("details":")" + QByteArray("\xc3\x28") + R"(")"), InvalidUtf8, none);
    row("overlong UTF-8", QByteArray("{\"type\":\"\xc0\xaf\"}"), InvalidUtf8, none);
    row("UTF-16 surrogate in UTF-8", QByteArray("{\"a\":\"\xed\xa0\x80\"}"), InvalidUtf8, none);
    row("NUL byte", QByteArray("{\"type\":\"device.alarm\"\0}", 24), InvalidJson, none);
    row("NUL byte in a string", alarmLine(QByteArray("\"details\":\"a\0b\"", 15)), InvalidJson, none);
    row("truncated", R"({"type":"device.alarm","id":"m-1")", InvalidJson, none);
    row("trailing garbage", alarmLine(R"("alarm":"panic")") + " x", InvalidJson, none);
    row("two objects", alarmLine(R"("alarm":"panic")") + alarmLine(R"("alarm":"panic")"), InvalidJson, none);
    row("deep nesting", alarmLine(R"("alarm":"panic","x":)" + QByteArray(3000, '[') + QByteArray(3000, ']')),
        InvalidJson, none);
    row("deep nesting, unclosed", QByteArray(8000, '['), InvalidJson, none);
    row("number too large for a double", alarmLine(R"("alarm":"panic","lat":1e400)"), InvalidJson, none);
    row("bare number", "42", NotAnObject, none);
    row("bare string", R"("device.alarm")", NotAnObject, none);
    row("bare null", "null", NotAnObject, none);
    row("array", R"([{"type":"device.alarm"}])", NotAnObject, none);
    row("line too long", alarmLine(R"("alarm":"panic","details":")" + QByteArray(8200, 'a') + "\""), LineTooLong, none);

    // type
    row("no type", R"({"id":"m-1"})", UnknownType, m1);
    row("type not a string", R"({"type":7,"id":"m-1"})", UnknownType, m1);
    row("unknown type", R"({"type":"device.explode","id":"m-1"})", UnknownType, m1);
    row("type in another case", R"({"type":"Device.Alarm","id":"m-1"})", UnknownType, m1);
    row("Relais's own type from a gateway", R"({"type":"offer","id":"m-1"})", UnknownType, m1);

    // ids
    row("missing id", R"({"type":"device.heartbeat","device":"d-1","time":"2025-01-15T10:00:00Z"})", MissingField,
        none);
    row("empty id", R"({"type":"device.heartbeat","id":"","device":"d-1","time":"2025-01-15T10:00:00Z"})", BadField,
        none);
    row("id not a string", R"({"type":"device.heartbeat","id":17,"device":"d-1","time":"2025-01-15T10:00:00Z"})",
        BadField, none);
    row("id too long",
        R"({"type":"device.heartbeat","id":")" + QByteArray(129, 'i')
            + R"(","device":"d-1","time":"2025-01-15T10:00:00Z"})",
        BadField, none);
    row("id with a control character",
        R"({"type":"device.heartbeat","id":"m\u0001","device":"d-1","time":"2025-01-15T10:00:00Z"})", BadField, none);
    row("missing device", R"({"type":"device.heartbeat","id":"m-1","time":"2025-01-15T10:00:00Z"})", MissingField, m1);
    row("empty device", R"({"type":"device.heartbeat","id":"m-1","device":"","time":"2025-01-15T10:00:00Z"})", BadField,
        m1);
    row("null device", R"({"type":"device.heartbeat","id":"m-1","device":null,"time":"2025-01-15T10:00:00Z"})",
        BadField, m1);
    row("device id too long",
        R"({"type":"device.heartbeat","id":"m-1","device":")" + QByteArray(65, 'd')
            + R"(","time":"2025-01-15T10:00:00Z"})",
        BadField, m1);
    row("helper event with device",
        R"({"type":"helper.on_duty","id":"m-1","device":"d-1","time":"2025-01-15T10:00:00Z"})", MissingField, m1);
    row("empty helper", R"({"type":"helper.on_duty","id":"m-1","helper":"","time":"2025-01-15T10:00:00Z"})", BadField,
        m1);

    // time
    row("missing time", R"({"type":"device.heartbeat","id":"m-1","device":"d-1"})", MissingField, m1);
    row("time as a number", R"({"type":"device.heartbeat","id":"m-1","device":"d-1","time":1736935200})", BadField, m1);
    row("time without offset", R"({"type":"device.heartbeat","id":"m-1","device":"d-1","time":"2025-01-15T10:00:00"})",
        BadField, m1);
    row("time without seconds", R"({"type":"device.heartbeat","id":"m-1","device":"d-1","time":"2025-01-15T10:00Z"})",
        BadField, m1);
    row("time, impossible date",
        R"({"type":"device.heartbeat","id":"m-1","device":"d-1","time":"2025-02-30T10:00:00Z"})", BadField, m1);
    row("time, space instead of T",
        R"({"type":"device.heartbeat","id":"m-1","device":"d-1","time":"2025-01-15 10:00:00Z"})", BadField, m1);
    row("time, garbage", R"({"type":"device.heartbeat","id":"m-1","device":"d-1","time":"yesterday"})", BadField, m1);

    // alarm and position
    row("missing alarm kind", alarmLine(R"("details":"x")"), MissingField, m1);
    row("unknown alarm kind", alarmLine(R"("alarm":"earthquake")"), BadField, m1);
    row("alarm kind in capitals", alarmLine(R"("alarm":"PANIC")"), BadField, m1);
    row("alarm kind not a string", alarmLine(R"("alarm":3)"), BadField, m1);
    row("restore of unknown kind",
        R"({"type":"device.restore","id":"m-1","device":"d-1","time":"2025-01-15T10:00:00Z","alarm":"fire"})", BadField,
        m1);
    row("latitude out of range", alarmLine(R"("alarm":"panic","lat":91,"lon":2)"), BadField, m1);
    row("longitude out of range", alarmLine(R"("alarm":"panic","lat":48,"lon":-180.5)"), BadField, m1);
    row("latitude without longitude", alarmLine(R"("alarm":"panic","lat":48)"), MissingField, m1);
    row("longitude without latitude", alarmLine(R"("alarm":"panic","lon":2)"), MissingField, m1);
    row("latitude as a string", alarmLine(R"("alarm":"panic","lat":"48.8","lon":2.3)"), BadField, m1);
    row("huge latitude", alarmLine(R"("alarm":"panic","lat":1e300,"lon":2.3)"), BadField, m1);
    row("details not a string", alarmLine(R"("alarm":"panic","details":{"a":1})"), BadField, m1);
    row("details too long", alarmLine(R"("alarm":"panic","details":")" + QByteArray(1001, 'x') + "\""), BadField, m1);
    row("device.position without coordinates",
        R"({"type":"device.position","id":"m-1","device":"d-1","time":"2025-01-15T10:00:00Z"})", MissingField, m1);
    row("helper.position out of range",
        R"({"type":"helper.position","id":"m-1","helper":"h-1","time":"2025-01-15T10:00:00Z","lat":-90.01,"lon":0})",
        BadField, m1);

    // battery
    const QByteArray battery = R"({"type":"device.battery","id":"m-1","device":"d-1","time":"2025-01-15T10:00:00Z")";
    row("battery, neither level nor low", battery + "}", MissingField, m1);
    row("battery negative", battery + R"(,"level":-5})", BadField, m1);
    row("battery above 100", battery + R"(,"level":101})", BadField, m1);
    row("battery fractional", battery + R"(,"level":55.5})", BadField, m1);
    row("battery as a string", battery + R"(,"level":"64"})", BadField, m1);
    row("battery huge", battery + R"(,"level":1e300})", BadField, m1);
    row("battery low not a boolean", battery + R"(,"low":"yes"})", BadField, m1);
    row("heartbeat battery negative",
        R"({"type":"device.heartbeat","id":"m-1","device":"d-1","time":"2025-01-15T10:00:00Z","battery":-1})", BadField,
        m1);

    // missions
    const QByteArray answer = R"({"type":"helper.answer","id":"m-1","helper":"h-1","time":"2025-01-15T10:00:00Z")";
    row("answer without mission", answer + R"(,"answer":"accept"})", MissingField, m1);
    row("mission zero", answer + R"(,"mission":0,"answer":"accept"})", BadField, m1);
    row("mission negative", answer + R"(,"mission":-1,"answer":"accept"})", BadField, m1);
    row("mission as a string", answer + R"(,"mission":"1","answer":"accept"})", BadField, m1);
    row("mission fractional", answer + R"(,"mission":1.5,"answer":"accept"})", BadField, m1);
    row("mission beyond 2^53", answer + R"(,"mission":9007199254740993,"answer":"accept"})", BadField, m1);
    row("mission huge", answer + R"(,"mission":1e20,"answer":"accept"})", BadField, m1);
    row("answer missing", answer + R"(,"mission":1})", MissingField, m1);
    row("answer unknown", answer + R"(,"mission":1,"answer":"maybe"})", BadField, m1);
    row("answer in the journal's words", answer + R"(,"mission":1,"answer":"accepted"})", BadField, m1);
    const QByteArray report =
        R"({"type":"helper.report","id":"m-1","helper":"h-1","time":"2025-01-15T10:00:00Z","mission":1)";
    row("report without outcome", report + "}", MissingField, m1);
    row("report, unknown outcome", report + R"(,"outcome":"fine"})", BadField, m1);
    row("report, cancelled is not a helper's outcome", report + R"(,"outcome":"cancelled"})", BadField, m1);
    row("report, note not a string", report + R"(,"outcome":"false_alarm","note":42})", BadField, m1);
    row("en_route without mission",
        R"({"type":"helper.en_route","id":"m-1","helper":"h-1","time":"2025-01-15T10:00:00Z"})", MissingField, m1);

    // hello
    row("hello, unsupported version", R"({"type":"hello","versions":[2,3],"gateway":"gw","token":"t"})",
        UnsupportedVersion, none);
    row("hello, no versions", R"({"type":"hello","gateway":"gw","token":"t"})", MissingField, none);
    row("hello, version instead of versions", R"({"type":"hello","version":1,"gateway":"gw","token":"t"})",
        MissingField, none);
    row("hello, empty versions", R"({"type":"hello","versions":[],"gateway":"gw","token":"t"})", BadField, none);
    row("hello, versions not a list", R"({"type":"hello","versions":1,"gateway":"gw","token":"t"})", BadField, none);
    row("hello, version as a string", R"({"type":"hello","versions":["1"],"gateway":"gw","token":"t"})", BadField,
        none);
    row("hello, fractional version", R"({"type":"hello","versions":[1.5],"gateway":"gw","token":"t"})", BadField, none);
    row("hello, no gateway", R"({"type":"hello","versions":[1],"token":"t"})", MissingField, none);
    row("hello, empty gateway", R"({"type":"hello","versions":[1],"gateway":"","token":"t"})", BadField, none);
    row("hello, no token", R"({"type":"hello","versions":[1],"gateway":"gw"})", MissingField, none);
    row("hello, empty token", R"({"type":"hello","versions":[1],"gateway":"gw","token":""})", BadField, none);
    row("hello, token too long",
        R"({"type":"hello","versions":[1],"gateway":"gw","token":")" + QByteArray(257, 't') + "\"}", BadField, none);

    // downlink acks
    row("downlink ack, unknown status", R"({"type":"ack","id":"rl-1","status":"stored"})", BadField,
        QStringLiteral("rl-1"));
    row("downlink ack, no status", R"({"type":"ack","id":"rl-1"})", MissingField, QStringLiteral("rl-1"));
    row("downlink ack, no id", R"({"type":"ack","status":"delivered"})", MissingField, none);
}

void TestGatewayCodec::errors()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, code);
    QFETCH(QString, messageId);
    QString id = QStringLiteral("stale");
    const Result<InboundMessage> r = GatewayCodec::decode(line, &id);
    QCOMPARE(::code(r), code);
    QVERIFY(!r.errorString().isEmpty());
    QCOMPARE(id, messageId);
}

void TestGatewayCodec::errorMessagesNameTheField()
{
    auto message = [](const QByteArray &line) {
        return GatewayCodec::decode(line).errorString();
    };
    QVERIFY(message(alarmLine(R"("alarm":"earthquake")")).contains("alarm"_L1));
    QVERIFY(message(alarmLine(R"("alarm":"earthquake")")).contains("water_leak"_L1)); // lists the valid kinds
    QVERIFY(message(alarmLine(R"("alarm":"panic","lat":91,"lon":2)")).contains("lat"_L1));
    QVERIFY(message(alarmLine(R"("details":"x")")).contains("alarm"_L1));
    QVERIFY(message(R"({"type":"hello","versions":[7],"gateway":"gw","token":"t"})").contains("1"_L1));
}

void TestGatewayCodec::unknownFieldsAreIgnored()
{
    const QByteArray line =
        R"({"type":"device.alarm","id":"m-9","device":"d-1","time":"2025-01-15T10:00:00Z","alarm":"smoke","rssi":-80,"extra":{"deep":[1,[2,{"x":null}]]},"severity":"minor","v2_field":true})";
    const auto r = GatewayCodec::decode(line);
    QVERIFY2(r, qPrintable(r.errorString()));
    QCOMPARE(r->entry.payload, object(R"({"device":"d-1","alarm":"smoke"})"));
    QCOMPARE(r->entry.raw, line);
}

void TestGatewayCodec::unknownFieldsNeverReachThePayload()
{
    // A field the reducer would read (severity, helper, battery) must not slip in from a message
    // whose type does not carry it.
    const auto enRoute = GatewayCodec::decode(
        R"({"type":"helper.en_route","id":"m-1","helper":"h-1","time":"2025-01-15T10:00:00Z","mission":3,"note":"x","battery":5})");
    QVERIFY(enRoute);
    QCOMPARE(enRoute->entry.payload, object(R"({"mission":3})"));
    const auto restore = GatewayCodec::decode(
        R"({"type":"device.restore","id":"m-1","device":"d-1","time":"2025-01-15T10:00:00Z","alarm":"door","lat":1,"lon":2,"details":"x"})");
    QVERIFY(restore);
    QCOMPARE(restore->entry.payload, object(R"({"device":"d-1","alarm":"door"})"));
    const auto onDuty = GatewayCodec::decode(
        R"({"type":"helper.on_duty","id":"m-1","helper":"h-1","time":"2025-01-15T10:00:00Z","lat":1,"lon":2})");
    QVERIFY(onDuty);
    QCOMPARE(onDuty->entry.payload, object(R"({"helper":"h-1"})"));
    const auto heartbeat = GatewayCodec::decode(
        R"({"type":"device.heartbeat","id":"m-1","device":"d-1","time":"2025-01-15T10:00:00Z","level":3,"alarm":"panic"})");
    QVERIFY(heartbeat);
    QCOMPARE(heartbeat->entry.payload, object(R"({"device":"d-1"})"));
}

void TestGatewayCodec::deviceTimes_data()
{
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("utc"); // empty: refused
    QTest::newRow("Z") << "2025-01-15T10:00:00Z"
                       << "2025-01-15T10:00:00.000Z";
    QTest::newRow("positive offset") << "2025-01-15T11:30:00+01:30"
                                     << "2025-01-15T10:00:00.000Z";
    QTest::newRow("negative offset, day before") << "2025-01-14T23:00:00-05:00"
                                                 << "2025-01-15T04:00:00.000Z";
    QTest::newRow("zero offset") << "2025-01-15T10:00:00+00:00"
                                 << "2025-01-15T10:00:00.000Z";
    QTest::newRow("one fraction digit") << "2025-01-15T10:00:00.5Z"
                                        << "2025-01-15T10:00:00.500Z";
    QTest::newRow("microseconds truncated") << "2025-01-15T10:00:00.123456Z"
                                            << "2025-01-15T10:00:00.123Z";
    QTest::newRow("leap day") << "2024-02-29T00:00:00Z"
                              << "2024-02-29T00:00:00.000Z";
    QTest::newRow("not a leap year") << "2025-02-29T00:00:00Z"
                                     << "";
    QTest::newRow("hour 24") << "2025-01-15T24:00:00Z"
                             << "";
    QTest::newRow("minute 60") << "2025-01-15T10:60:00Z"
                               << "";
    QTest::newRow("month 0") << "2025-00-15T10:00:00Z"
                             << "";
    QTest::newRow("empty fraction") << "2025-01-15T10:00:00.Z"
                                    << "";
    QTest::newRow("offset without colon") << "2025-01-15T10:00:00+0100"
                                          << "";
    QTest::newRow("offset hour 24") << "2025-01-15T10:00:00+24:00"
                                    << "";
    QTest::newRow("lower-case z") << "2025-01-15T10:00:00z"
                                  << "";
    QTest::newRow("trailing space") << "2025-01-15T10:00:00Z "
                                    << "";
    QTest::newRow("letters in digits") << "2025-01-1xT10:00:00Z"
                                       << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestGatewayCodec::deviceTimes()
{
    QFETCH(QString, time);
    QFETCH(QString, utc);
    const QByteArray line =
        R"({"type":"device.heartbeat","id":"m-1","device":"d-1","time":")" + time.toUtf8() + R"("})";
    const auto r = GatewayCodec::decode(line);
    if (utc.isEmpty()) {
        QCOMPARE(code(r), GatewayErrors::BadField);
        return;
    }
    QVERIFY2(r, qPrintable(r.errorString()));
    QCOMPARE(r->deviceTime.toString(Qt::ISODateWithMs), utc);
}

void TestGatewayCodec::everyAlarmKindIsAccepted()
{
    for (AlarmKind k : AlarmKinds::all()) {
        const auto r = GatewayCodec::decode(alarmLine(R"("alarm":")" + AlarmKinds::key(k).toUtf8() + "\""));
        QVERIFY2(r, qPrintable(AlarmKinds::key(k)));
        QCOMPARE(r->entry.payload.value("alarm"_L1).toString(), AlarmKinds::key(k));
    }
}

void TestGatewayCodec::textIsUnicode()
{
    const QByteArray line = alarmLine(R"("alarm":"panic","details":"Mme Lefèvre — chute \u00e9\ud83d\ude91")");
    const auto r = GatewayCodec::decode(line);
    QVERIFY2(r, qPrintable(r.errorString()));
    QCOMPARE(r->entry.payload.value("details"_L1).toString(), QString::fromUtf8("Mme Lefèvre — chute é🚑"));
}

void TestGatewayCodec::helloDecodes()
{
    const auto r = GatewayCodec::decode(
        R"({"type":"hello","versions":[1],"gateway":"gw-north","token":"s3cr3t-t0ken","agent":"relais-sim 0.1"})");
    QVERIFY2(r, qPrintable(r.errorString()));
    QCOMPARE(r->type, InboundMessage::Type::Hello);
    QCOMPARE(r->version, 1);
    QCOMPARE(r->versions, QList<int>{1});
    QCOMPARE(r->gatewayId, "gw-north"_L1);
    QCOMPARE(r->token, "s3cr3t-t0ken"_L1);
    QCOMPARE(r->agent, "relais-sim 0.1"_L1);

    const auto newer = GatewayCodec::decode(R"({"type":"hello","versions":[3,1,2],"gateway":"gw","token":"t"})");
    QVERIFY(newer);
    QCOMPARE(newer->version, 1); // the highest both speak
    QCOMPARE(newer->versions, (QList<int>{3, 1, 2}));
    QVERIFY(newer->agent.isEmpty());
}

void TestGatewayCodec::downlinkAcksDecode()
{
    const auto ok = GatewayCodec::decode(R"({"type":"ack","id":"rl-000001","status":"delivered"})");
    QVERIFY(ok);
    QCOMPARE(ok->type, InboundMessage::Type::DownlinkAck);
    QCOMPARE(ok->messageId, "rl-000001"_L1);
    QCOMPARE(ok->downlinkStatus, InboundMessage::DownlinkStatus::Delivered);
    QVERIFY(ok->reason.isEmpty());
    const auto failed =
        GatewayCodec::decode(R"({"type":"ack","id":"rl-000002","status":"failed","reason":"handset_unreachable"})");
    QVERIFY(failed);
    QCOMPARE(failed->downlinkStatus, InboundMessage::DownlinkStatus::Failed);
    QCOMPARE(failed->reason, "handset_unreachable"_L1);
}

void TestGatewayCodec::encodersWriteTheSpecsLines()
{
    QCOMPARE(GatewayCodec::encodeHelloOk(1, QStringLiteral("Relais 0.1.0")),
             R"({"type":"hello_ok","version":1,"server":"Relais 0.1.0","max_line":8192,"rate":2000,"burst":4000})"
             "\n");
    QCOMPARE(GatewayCodec::encodeAck(QStringLiteral("gw-north-000101"), AckStatus::Stored),
             R"({"type":"ack","id":"gw-north-000101","status":"stored"})"
             "\n");
    QCOMPARE(GatewayCodec::encodeAck(QStringLiteral("gw-north-000101"), AckStatus::Stored, QStringLiteral("x")),
             R"({"type":"ack","id":"gw-north-000101","status":"stored"})"
             "\n");
    QCOMPARE(
        GatewayCodec::encodeAck(QStringLiteral("gw-north-000110"), AckStatus::Duplicate, QStringLiteral("bad_field")),
        R"({"type":"ack","id":"gw-north-000110","status":"duplicate","reason":"bad_field"})"
        "\n");
    QCOMPARE(GatewayCodec::encodeAck(QStringLiteral("m"), AckStatus::Rejected),
             R"({"type":"ack","id":"m","status":"rejected","reason":"unspecified"})"
             "\n");
    QCOMPARE(GatewayCodec::encodeError(QStringLiteral("bad_token"), QStringLiteral("Unknown gateway or wrong token.")),
             R"({"type":"error","code":"bad_token","message":"Unknown gateway or wrong token.","close":true})"
             "\n");
    QCOMPARE(
        GatewayCodec::encodeCancel(QStringLiteral("rl-000002"), QStringLiteral("h-14"), 1, QStringLiteral("taken")),
        R"({"type":"cancel","id":"rl-000002","helper":"h-14","mission":1,"reason":"taken"})"
        "\n");

    DownlinkOffer offer;
    offer.id = QStringLiteral("rl-000001");
    offer.helper = QStringLiteral("h-12");
    offer.mission = 1;
    offer.alarm = AlarmKind::Panic;
    offer.position = QGeoCoordinate(48.8566, 2.3522);
    offer.address = QStringLiteral("12 rue de la Paix, Paris");
    offer.distanceM = 120;
    offer.fee = Money::euros(1500);
    offer.expires = QDateTime(QDate(2025, 1, 15), QTime(11, 3), Qt::OffsetFromUTC, 3600);
    QCOMPARE(
        GatewayCodec::encodeOffer(offer),
        R"({"type":"offer","id":"rl-000001","helper":"h-12","mission":1,"alarm":"panic","lat":48.8566,"lon":2.3522,"address":"12 rue de la Paix, Paris","distance_m":120,"fee_cents":1500,"currency":"EUR","expires":"2025-01-15T10:03:00Z"})"
        "\n");
    DownlinkOffer bare;
    bare.id = QStringLiteral("rl-3");
    bare.helper = QStringLiteral("h-1");
    bare.mission = 7;
    bare.alarm = AlarmKind::WaterLeak;
    bare.fee = Money::euros(0);
    QCOMPARE(
        GatewayCodec::encodeOffer(bare),
        R"({"type":"offer","id":"rl-3","helper":"h-1","mission":7,"alarm":"water_leak","fee_cents":0,"currency":"EUR"})"
        "\n");
}

void TestGatewayCodec::encodersEscapeText()
{
    const QString nasty = QString::fromUtf8("a\"b\\c\nd\re\tf\x01g — é 🚑\x7f");
    const QByteArray line = GatewayCodec::encodeError(QStringLiteral("invalid_json"), nasty);
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1); // one line, whatever the text
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(line, &e).object();
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(o.value("message"_L1).toString(), nasty);
    QCOMPARE(o.value("close"_L1).toBool(), false);
    // An id that came in with a quote goes back out intact.
    const QByteArray ack = GatewayCodec::encodeAck(QStringLiteral("m\"1"), AckStatus::Stored);
    QCOMPARE(QJsonDocument::fromJson(ack).object().value("id"_L1).toString(), "m\"1"_L1);
}

void TestGatewayCodec::closingErrorsFollowTheTable()
{
    for (QLatin1StringView c :
         {GatewayErrors::UnsupportedVersion, GatewayErrors::HelloRequired, GatewayErrors::HelloTimeout,
          GatewayErrors::BadToken, GatewayErrors::Replaced, GatewayErrors::ShuttingDown})
        QVERIFY2(GatewayErrors::closesConnection(QString(c)), c.data());
    for (QLatin1StringView c : {GatewayErrors::LineTooLong, GatewayErrors::InvalidUtf8, GatewayErrors::InvalidJson,
                                GatewayErrors::NotAnObject, GatewayErrors::UnknownType, GatewayErrors::MissingField,
                                GatewayErrors::BadField, GatewayErrors::RateLimited, GatewayErrors::Unavailable})
        QVERIFY2(!GatewayErrors::closesConnection(QString(c)), c.data());
}

// Every example line of docs/protocol.md agrees with the codec (see its last section).
void TestGatewayCodec::specExamplesAgreeWithTheCodec()
{
    const QList<DocLine> lines = docLines();
    QVERIFY(lines.size() >= 40);
    int decoded = 0, encoded = 0, refusals = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const DocLine &l = lines[i];
        QJsonParseError e;
        const QJsonObject o = QJsonDocument::fromJson(l.line, &e).object();
        const bool fromRelais =
            l.from == DocLine::From::Relais
            || (l.from == DocLine::From::Unknown && e.error == QJsonParseError::NoError && isRelaisLine(o));
        if (fromRelais) {
            QVERIFY2(e.error == QJsonParseError::NoError, l.line.constData());
            QCOMPARE(reencode(o), l.line + '\n');
            ++encoded;
            continue;
        }
        QString id;
        const Result<InboundMessage> r = GatewayCodec::decode(l.line, &id);
        if (r) {
            ++decoded;
            continue;
        }
        // Only the session may show a refused line, and the next line must be Relais's answer.
        QVERIFY2(l.from == DocLine::From::Gateway, qPrintable(r.errorString() + u' ' + QString::fromUtf8(l.line)));
        QVERIFY(i + 1 < lines.size() && lines[i + 1].from == DocLine::From::Relais);
        const QByteArray expected = id.isEmpty() ? GatewayCodec::encodeError(r.error().code, r.error().message)
                                                 : GatewayCodec::encodeAck(id, AckStatus::Rejected, r.error().code);
        QCOMPARE(lines[i + 1].line + '\n', expected);
        ++refusals;
    }
    QVERIFY(decoded >= 20);
    QVERIFY(encoded >= 15);
    QCOMPARE(refusals, 2);
}
#endif // Q_MOC_RUN

QTEST_APPLESS_MAIN(TestGatewayCodec)
#include "tst_gatewaycodec.moc"
