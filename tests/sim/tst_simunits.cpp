// The simulator's pieces without a process: the event queue's reliability rules, the decoding
// of Relais's lines, the lines it writes (checked with GatewayCodec), the demo town.

#include "eventqueue.h"
#include "gatewaycodec.h"
#include "gatewayerrors.h"
#include "serverline.h"
#include "town.h"
#include "wire.h"

#include <QTest>

using namespace relais;
using namespace relais::sim;
using namespace Qt::StringLiterals;

namespace {

QByteArray line(const QByteArray &id)
{
    return "{\"type\":\"device.heartbeat\",\"id\":\"" + id + "\",\"device\":\"d\",\"time\":\"2025-01-15T10:00:00Z\"}\n";
}

QStringList drain(EventQueue &q, qint64 nowMs = 0)
{
    QStringList out;
    while (auto e = q.popNext(nowMs)) {
        out.append(QString::fromLatin1(e->id));
        q.markInFlight(std::move(*e), 0);
    }
    return out;
}

} // namespace

class TestSimUnits final : public QObject
{
    Q_OBJECT

private slots:
    void queueResendsUnackedFirstInOrder()
    {
        EventQueue q;
        for (const char *id : {"a", "b", "c", "d"})
            q.push(id, line(id));
        QCOMPARE(drain(q), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
        QCOMPARE(q.settle("b", AckStatus::Stored, {}, 0, 10).disposition, EventQueue::Disposition::Accepted);
        q.push("e", line("e")); // created while the connection is down
        QCOMPARE(q.requeueInFlight(), 3);
        QCOMPARE(drain(q), (QStringList{u"a"_s, u"c"_s, u"d"_s, u"e"_s}));
        QCOMPARE(q.settle("a", AckStatus::Duplicate, {}, 0, 10).disposition, EventQueue::Disposition::Duplicate);
        QCOMPARE(q.settle("zz", AckStatus::Stored, {}, 0, 10).disposition, EventQueue::Disposition::Unknown);
        QCOMPARE(q.settle("c", AckStatus::Rejected, u"bad_field"_s, 0, 10).disposition,
                 EventQueue::Disposition::Rejected);
        QCOMPARE(q.inFlight(), 2);
        QVERIFY(!q.empty());
    }

    void queueRetriesRateLimitedLater()
    {
        EventQueue q;
        q.push("a", line("a"));
        q.push("b", line("b"));
        QCOMPARE(drain(q, 1000), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(q.settle("a", AckStatus::Rejected, GatewayErrors::RateLimited, 1000, 0).disposition,
                 EventQueue::Disposition::Retry);
        QCOMPARE(q.settle("b", AckStatus::Rejected, GatewayErrors::Unavailable, 1000, 0).disposition,
                 EventQueue::Disposition::Retry);
        QCOMPARE(q.waiting(), 2);
        q.push("c", line("c"));
        QCOMPARE(drain(q, 1000), QStringList{u"c"_s}); // not yet due
        QCOMPARE(*q.nextDueMs(), 1000 + EventQueue::retryDelayMs(GatewayErrors::RateLimited, 1));
        QCOMPARE(drain(q, 1000 + 500), QStringList{u"a"_s});
        QCOMPARE(drain(q, 1000 + 2000), QStringList{u"b"_s});
        QVERIFY(EventQueue::retryDelayMs(GatewayErrors::RateLimited, 10) <= 8000);
        QVERIFY(EventQueue::retryDelayMs(GatewayErrors::Unavailable, 20) <= 60000);
    }

    void serverLines()
    {
        auto ack = ServerLines::decode(GatewayCodec::encodeAck(u"gw-1-x-1"_s, AckStatus::Stored).chopped(1));
        QVERIFY(ack);
        QCOMPARE(ack->type, ServerLine::Type::Ack);
        QCOMPARE(ack->eventId, QByteArray("gw-1-x-1"));
        QCOMPARE(ack->status, AckStatus::Stored);
        auto rejected = ServerLines::decode(
            GatewayCodec::encodeAck(u"gw-1-x-2"_s, AckStatus::Rejected, GatewayErrors::RateLimited).chopped(1));
        QVERIFY(rejected);
        QCOMPARE(rejected->status, AckStatus::Rejected);
        QCOMPARE(rejected->reason, u"rate_limited"_s);
        // field order is not fixed
        auto reordered = ServerLines::decode(R"({"status":"duplicate","id":"x","type":"ack","extra":1})");
        QVERIFY(reordered);
        QCOMPARE(reordered->status, AckStatus::Duplicate);
        auto hello =
            ServerLines::decode(GatewayCodec::encodeHelloOk(1, u"Relais 0.1.0"_s, {8192, 300, 600}).chopped(1));
        QVERIFY(hello);
        QCOMPARE(hello->type, ServerLine::Type::HelloOk);
        QCOMPARE(hello->rate, 300);
        QCOMPARE(hello->burst, 600);
        auto error = ServerLines::decode(GatewayCodec::encodeError(GatewayErrors::BadToken, u"no"_s).chopped(1));
        QVERIFY(error);
        QCOMPARE(error->code, u"bad_token"_s);
        QVERIFY(error->close);
        auto cancel = ServerLines::decode(GatewayCodec::encodeCancel(u"rl-2"_s, u"h-1"_s, 5, u"taken"_s).chopped(1));
        QVERIFY(cancel);
        QCOMPARE(cancel->type, ServerLine::Type::Cancel);
        QCOMPARE(cancel->mission, 5);
        QCOMPARE(cancel->reason, u"taken"_s);
        auto offer = ServerLines::decode(
            R"({"type":"offer","id":"rl-000001","helper":"h-12","mission":1,"alarm":"panic","lat":48.8566,"lon":2.3522,"fee_cents":1500,"currency":"EUR"})");
        QVERIFY(offer);
        QCOMPARE(offer->downlinkId, u"rl-000001"_s);
        QCOMPARE(*offer->lat, 48.8566);
        QVERIFY(!ServerLines::decode("not json"));
        QVERIFY(!ServerLines::decode(R"({"type":"ack","status":"stored"})"));
        auto future = ServerLines::decode(R"({"type":"ping"})");
        QVERIFY(future);
        QCOMPARE(future->type, ServerLine::Type::Other);
    }

    void linesTheSimulatorWritesDecode()
    {
        const QByteArray hello = Wire::hello({1}, u"gw \"quoted\""_s, u"tok\\en"_s, u"relais-sim 0.1.0"_s);
        QVERIFY(hello.endsWith('\n'));
        auto decoded = GatewayCodec::decode(hello.chopped(1));
        QVERIFY2(decoded, qPrintable(decoded.errorString()));
        QCOMPARE(decoded->gatewayId, u"gw \"quoted\""_s);
        QCOMPARE(decoded->token, u"tok\\en"_s);
        auto ack = GatewayCodec::decode(Wire::downlinkAck(u"rl-1"_s, false, u"unknown_helper"_s).chopped(1));
        QVERIFY(ack);
        QCOMPARE(ack->downlinkStatus, InboundMessage::DownlinkStatus::Failed);
        QCOMPARE(ack->reason, u"unknown_helper"_s);
        const QByteArray time = Wire::timeNow();
        QVERIFY(time.endsWith('Z'));
        QCOMPARE(time.size(), 24); // 2025-01-15T10:00:00.250Z
    }

    void demoTown()
    {
        const auto devices = Town::parseDevices(Town::readFile(u":/demo/devices.csv"_s).value(), u"devices"_s);
        QVERIFY2(devices, qPrintable(devices.errorString()));
        QCOMPARE(devices->size(), 320);
        const auto helpers = Town::parseHelpers(Town::readFile(u":/demo/helpers.csv"_s).value(), u"helpers"_s);
        QVERIFY2(helpers, qPrintable(helpers.errorString()));
        QCOMPARE(helpers->size(), 36);
        QCOMPARE(Town::alarmKindFor(u"panic_button"_s), AlarmKind::Panic);
        QCOMPARE(Town::alarmKindFor(u"water_leak"_s), AlarmKind::WaterLeak);
        QCOMPARE(Town::alarmKindFor(u"toaster"_s), AlarmKind::Other);
        const auto missing = Town::parseDevices("device_id,kind\nd1,smoke\n", u"x.csv"_s);
        QVERIFY(!missing);
        QVERIFY2(missing.errorString().contains(u"latitude"_s), qPrintable(missing.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestSimUnits)
#include "tst_simunits.moc"
