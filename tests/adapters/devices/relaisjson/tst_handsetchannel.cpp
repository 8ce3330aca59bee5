// The helpers' handsets as a helper channel (HandsetChannel) on the real ingest over loopback
// TCP: notices become offer and cancel downlinks of docs/protocol.md §4.4 on the gateway that
// carries the helper's handset, and each is reported: NotSent (no gateway spoke for the helper
// yet), Sent, then Delivered or Failed as the gateway acknowledges it. Here the hub runs on
// the test's thread, so notices and reports cross no thread.

#include "gatewayclient.h"
#include "handsetchannel.h"
#include "ingestfixture.h"

#include <QSignalSpy>
#include <QTcpSocket>

using namespace relais;
using relais::test::GatewayClient;
using relais::test::IngestFixture;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

HelperNotice offerTo(const QString &helper, qint64 mission)
{
    HelperNotice n;
    n.kind = HelperNotice::Kind::Offer;
    n.helper = helper;
    n.mission = mission;
    n.alarm = AlarmKind::Fall;
    n.distanceM = 240;
    n.fee = Money(1500, QStringLiteral("EUR"));
    return n;
}

HelperNotice cancelFor(const QString &helper, qint64 mission, const QString &reason)
{
    HelperNotice n;
    n.kind = HelperNotice::Kind::Cancel;
    n.helper = helper;
    n.mission = mission;
    n.reason = reason;
    return n;
}

} // namespace

class TestHandsetChannel final : public QObject
{
    Q_OBJECT

private slots:
    void noticesBecomeDownlinksAndAreReported()
    {
        IngestFixture f;
        QVERIFY2(f.ok(), qPrintable(f.listenStatus.errorString()));
        HandsetChannel channel;
        QSignalSpy reports(&channel, &HelperChannel::reported);
        const auto reportAt = [&reports](qsizetype i) {
            return std::tuple{reports.at(i).at(0).value<HelperNotice>(),
                              reports.at(i).at(1).value<HelperChannel::Report>(), reports.at(i).at(2).toString()};
        };

        // Gateways stopped: nothing is sent, nothing reported.
        channel.deliver({offerTo(QStringLiteral("h-12"), 3)});
        QTest::qWait(50);
        QCOMPARE(reports.size(), 0);

        // No gateway has spoken for h-12 yet: not sent, with a sentence for the log.
        channel.setHub(f.hub.get());
        channel.deliver(
            {offerTo(QStringLiteral("h-12"), 3), cancelFor(QStringLiteral("h-12"), 2, QStringLiteral("taken"))});
        QTRY_COMPARE_WITH_TIMEOUT(reports.size(), 2, 5000);
        {
            const auto [notice, report, reason] = reportAt(0);
            QCOMPARE(notice, offerTo(QStringLiteral("h-12"), 3));
            QCOMPARE(report, HelperChannel::Report::NotSent);
            QCOMPARE(reason, QStringLiteral("Mission 3 could not be offered to helper h-12: their handset has not "
                                            "spoken through any gateway yet."));
        }
        {
            const auto [notice, report, reason] = reportAt(1);
            QCOMPARE(notice.kind, HelperNotice::Kind::Cancel);
            QCOMPARE(report, HelperChannel::Report::NotSent);
            QCOMPARE(reason, QStringLiteral("Helper h-12 could not be told that mission 2 is withdrawn: their handset "
                                            "has not spoken through any gateway yet."));
        }
        reports.clear();

        // Register the helper through the journal, then let its handset speak via the gateway.
        JournalEntry reg;
        reg.time = QDateTime::currentDateTimeUtc();
        reg.source = QStringLiteral("ui");
        reg.kind = EntryKind::HelperRegistered;
        reg.actor = Actor::operatorNamed(QStringLiteral("Claire"));
        reg.payload = QJsonObject{{QStringLiteral("helper"), QStringLiteral("h-12")},
                                  {QStringLiteral("name"), QStringLiteral("Ana")}};
        f.store.submit(1, {reg});
        QTcpSocket socket;
        GatewayClient client(&socket);
        socket.connectToHost(QHostAddress::LocalHost, f.port());
        QVERIFY(socket.waitForConnected(10000));
        client.sendLine(GatewayClient::hello(QStringLiteral("gw-test"), IngestFixture::token()));
        QCOMPARE(str(client.next(), "type"), QStringLiteral("hello_ok"));
        client.sendLine(R"({"type":"helper.on_duty","id":"od-1","helper":"h-12","time":"2025-01-15T09:58:00Z"})");
        QCOMPARE(str(client.next(), "status"), QStringLiteral("stored"));

        // Now the offer and the cancel go out, in order, and are reported sent.
        channel.deliver(
            {offerTo(QStringLiteral("h-12"), 3), cancelFor(QStringLiteral("h-12"), 2, QStringLiteral("taken"))});
        const QJsonObject offer = client.next();
        QCOMPARE(str(offer, "type"), QStringLiteral("offer"));
        QCOMPARE(str(offer, "helper"), QStringLiteral("h-12"));
        QCOMPARE(offer.value(QLatin1String("mission")).toInt(), 3);
        QCOMPARE(str(offer, "alarm"), QStringLiteral("fall"));
        QCOMPARE(offer.value(QLatin1String("distance_m")).toInt(), 240);
        QCOMPARE(offer.value(QLatin1String("fee_cents")).toInt(), 1500);
        const QJsonObject cancel = client.next();
        QCOMPARE(str(cancel, "type"), QStringLiteral("cancel"));
        QCOMPARE(str(cancel, "reason"), QStringLiteral("taken"));
        QCOMPARE(cancel.value(QLatin1String("mission")).toInt(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(reports.size(), 2, 5000);
        QCOMPARE(std::get<1>(reportAt(0)), HelperChannel::Report::Sent);
        QCOMPARE(std::get<0>(reportAt(0)), offerTo(QStringLiteral("h-12"), 3));
        QCOMPARE(std::get<1>(reportAt(1)), HelperChannel::Report::Sent);
        reports.clear();

        // The gateway's acks: delivered, and failed with its reason.
        client.sendLine(R"({"type":"ack","id":")" + str(offer, "id").toUtf8() + R"(","status":"delivered"})");
        client.sendLine(R"({"type":"ack","id":")" + str(cancel, "id").toUtf8()
                        + R"(","status":"failed","reason":"handset_unreachable"})");
        QTRY_COMPARE_WITH_TIMEOUT(reports.size(), 2, 5000);
        QCOMPARE(std::get<0>(reportAt(0)), offerTo(QStringLiteral("h-12"), 3));
        QCOMPARE(std::get<1>(reportAt(0)), HelperChannel::Report::Delivered);
        QCOMPARE(std::get<0>(reportAt(1)), cancelFor(QStringLiteral("h-12"), 2, QStringLiteral("taken")));
        QCOMPARE(std::get<1>(reportAt(1)), HelperChannel::Report::Failed);
        QCOMPARE(std::get<2>(reportAt(1)), QStringLiteral("handset_unreachable"));
        QCOMPARE(f.hub->unacknowledgedDownlinks(), 0);

        // Stopped again: dropped, as before the start.
        channel.setHub(nullptr);
        reports.clear();
        channel.deliver({offerTo(QStringLiteral("h-12"), 4)});
        QTest::qWait(50);
        QCOMPARE(reports.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHandsetChannel)
#include "tst_handsetchannel.moc"
