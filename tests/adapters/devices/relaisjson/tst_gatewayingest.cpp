// The gateway ingest end to end over loopback TCP: a real Store on a temporary folder, the
// real GatewayServer, a test gateway speaking docs/protocol.md.

#include "gatewayclient.h"
#include "ingestfixture.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpSocket>

using namespace relais;
using relais::test::GatewayClient;
using relais::test::IngestFixture;

namespace {

// A connected gateway: socket + client, optionally past its hello.
struct Gateway
{
    QTcpSocket socket;
    GatewayClient client{&socket};

    bool connect(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        return socket.waitForConnected(10000);
    }
    bool open(quint16 port, const QString &id = QStringLiteral("gw-test"),
              const QString &token = IngestFixture::token())
    {
        if (!connect(port))
            return false;
        client.sendLine(GatewayClient::hello(id, token));
        return client.next().value(QLatin1String("type")).toString() == QLatin1String("hello_ok");
    }
};

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

int countMessageId(const QList<JournalEntry> &journal, const QString &id)
{
    int n = 0;
    for (const JournalEntry &e : journal)
        n += e.messageId == id ? 1 : 0;
    return n;
}

} // namespace

class TestGatewayIngest : public QObject
{
    Q_OBJECT

private slots:
    void helloThenEventsAreStoredAndAckedInOrder()
    {
        IngestFixture f;
        QVERIFY2(f.ok(), qPrintable(f.listenStatus.errorString()));
        Gateway g;
        QVERIFY(g.connect(f.port()));
        g.client.sendLine(GatewayClient::hello(QStringLiteral("gw-test"), IngestFixture::token()));
        const QJsonObject ok = g.client.next();
        QCOMPARE(str(ok, "type"), QStringLiteral("hello_ok"));
        QCOMPARE(ok.value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(ok.value(QLatin1String("max_line")).toInt(), 8192);

        QByteArray burst;
        for (int i = 1; i <= 50; ++i)
            burst += GatewayClient::heartbeat(QStringLiteral("m-%1").arg(i), QStringLiteral("d-%1").arg(i % 7)) + '\n';
        g.client.send(burst);
        const QList<QJsonObject> acks = g.client.next(50, 20000);
        QCOMPARE(acks.size(), 50);
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(str(acks.at(i), "type"), QStringLiteral("ack"));
            QCOMPARE(str(acks.at(i), "id"), QStringLiteral("m-%1").arg(i + 1)); // in the order sent
            QCOMPARE(str(acks.at(i), "status"), QStringLiteral("stored"));
        }
        const QList<JournalEntry> beats = f.journalOfKind(EntryKind::DeviceHeartbeat);
        QCOMPARE(beats.size(), 50);
        QCOMPARE(beats.first().source, QStringLiteral("gateway:gw-test"));
        QCOMPARE(beats.first().messageId, QStringLiteral("m-1"));
        QVERIFY(beats.first().raw.startsWith("{\"type\":\"device.heartbeat\""));
        QVERIFY(beats.first().time.isValid());

        // The status row counts them.
        QTRY_VERIFY_WITH_TIMEOUT(f.ingest->statusRows().size() == 1 && f.ingest->statusRows().at(0).stored == 50, 5000);
        const GatewayStatus row = f.ingest->statusRows().at(0);
        QCOMPARE(row.key, QStringLiteral("gateway:gw-test"));
        QCOMPARE(row.link, GatewayStatus::Link::Connected);
        QCOMPARE(row.transport, QStringLiteral("tcp"));
        QVERIFY(row.peer.startsWith(QStringLiteral("127.0.0.1:")));
        QVERIFY(row.lastMessage.isValid());
    }

    void retransmissionAfterALostAckCreatesNothing()
    {
        IngestFixture f;
        QVERIFY(f.ok());
        const QByteArray line =
            GatewayClient::alarm(QStringLiteral("a-1"), QStringLiteral("d-9"), QStringLiteral("panic"));
        {
            Gateway g;
            QVERIFY(g.open(f.port()));
            g.client.sendLine(line);
            g.socket.abort(); // gone before reading the ack
        }
        QTRY_COMPARE_WITH_TIMEOUT(f.journalOfKind(EntryKind::DeviceAlarm).size(), 1, 20000);
        Gateway again;
        QVERIFY(again.open(f.port()));
        again.client.sendLine(line);
        const QJsonObject ack = again.client.next();
        QCOMPARE(str(ack, "id"), QStringLiteral("a-1"));
        QCOMPARE(str(ack, "status"), QStringLiteral("duplicate"));
        QVERIFY(!ack.contains(QLatin1String("reason")));
        QCOMPARE(countMessageId(f.journal(), QStringLiteral("a-1")), 1);
        QVERIFY(f.store.rebuildFromJournal());
        QCOMPARE(f.store.snapshot().alarms().size(), 1); // one alarm, rung once
        QCOMPARE(f.store.snapshot().alarms().begin()->count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(f.ingest->statusRows().at(0).duplicate == 1, 5000);
    }

    void badInputIsAnsweredJournaledAndTheConnectionGoesOn_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("answerType");
        QTest::addColumn<QString>("code");
        QTest::newRow("invalid json, no id") << QByteArray("{\"type\":\"device.heartbeat\",") << "error"
                                             << "invalid_json";
        QTest::newRow("binary garbage") << QByteArray("\x01\x02\xff\xfe\x00garbage", 12) << "error"
                                        << "invalid_utf8";
        QTest::newRow("bad field, with id") << QByteArray(
            R"({"type":"device.alarm","id":"x-1","device":"d-1","time":"2025-01-15T10:00:00Z","alarm":"dragon"})")
                                            << "ack"
                                            << "bad_field";
        QTest::newRow("missing field, with id")
            << QByteArray(R"({"type":"device.heartbeat","id":"x-2","time":"2025-01-15T10:00:00Z"})") << "ack"
            << "missing_field";
        QTest::newRow("unknown type, with id") << QByteArray(R"({"type":"device.sing","id":"x-3"})") << "ack"
                                               << "unknown_type";
        QTest::newRow("array") << QByteArray("[1,2,3]") << "error"
                               << "not_an_object";
        QTest::newRow("too long") << QByteArray(9000, 'x') << "error"
                                  << "line_too_long";
    }

    void badInputIsAnsweredJournaledAndTheConnectionGoesOn()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, answerType);
        QFETCH(QString, code);
        IngestFixture f;
        QVERIFY(f.ok());
        Gateway g;
        QVERIFY(g.open(f.port()));
        g.client.sendLine(line);
        g.client.sendLine(GatewayClient::heartbeat(QStringLiteral("good-1"), QStringLiteral("d-1")));
        const QJsonObject answer = g.client.next();
        QCOMPARE(str(answer, "type"), answerType);
        if (answerType == QLatin1String("error")) {
            QCOMPARE(str(answer, "code"), code);
            QCOMPARE(answer.value(QLatin1String("close")).toBool(true), false);
            QVERIFY(!str(answer, "message").isEmpty());
        } else {
            QCOMPARE(str(answer, "status"), QStringLiteral("rejected"));
            QCOMPARE(str(answer, "reason"), code);
        }
        const QJsonObject good = g.client.next();
        QCOMPARE(str(good, "id"), QStringLiteral("good-1"));
        QCOMPARE(str(good, "status"), QStringLiteral("stored"));
        QCOMPARE(g.socket.state(), QAbstractSocket::ConnectedState);

        const QList<JournalEntry> rejected = f.journalOfKind(EntryKind::DeviceRejected);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.at(0).payload.value(QLatin1String("code")).toString(), code);
        if (code != QLatin1String("line_too_long"))
            QCOMPARE(rejected.at(0).raw, line); // the bytes as received, for the audit
        QTRY_VERIFY_WITH_TIMEOUT(f.ingest->statusRows().at(0).rejected == 1, 5000);

        // A line refused with an id used that id up: sent again, it is a duplicate with the reason.
        if (answerType == QLatin1String("ack")) {
            g.client.sendLine(line);
            const QJsonObject again = g.client.next();
            QCOMPARE(str(again, "status"), QStringLiteral("duplicate"));
            QCOMPARE(str(again, "reason"), code);
        }
    }

    void wrongTokenIsRefusedClosedAndJournaledWithoutTheToken()
    {
        IngestFixture f;
        QVERIFY(f.ok());
        for (const QString &id : {QStringLiteral("gw-test"), QStringLiteral("gw-nobody")}) {
            Gateway g;
            QVERIFY(g.connect(f.port()));
            g.client.sendLine(GatewayClient::hello(id, QStringLiteral("wrong-token-123")));
            const QJsonObject e = g.client.next();
            QCOMPARE(str(e, "type"), QStringLiteral("error"));
            QCOMPARE(str(e, "code"), QStringLiteral("bad_token"));
            QCOMPARE(e.value(QLatin1String("close")).toBool(), true);
            QVERIFY(g.client.waitClosed());
        }
        QTRY_COMPARE_WITH_TIMEOUT(f.journalOfKind(EntryKind::GatewayRefused).size(), 2, 20000);
        const QList<JournalEntry> refused = f.journalOfKind(EntryKind::GatewayRefused);
        QCOMPARE(refused.at(0).payload.value(QLatin1String("gateway")).toString(), QStringLiteral("gw-test"));
        QCOMPARE(refused.at(1).payload.value(QLatin1String("gateway")).toString(), QStringLiteral("gw-nobody"));
        QVERIFY(refused.at(0).payload.value(QLatin1String("peer")).toString().startsWith(QStringLiteral("127.0.0.1:")));
        for (const JournalEntry &e : refused) {
            QVERIFY(!e.raw.contains("wrong-token"));
            QVERIFY(!QJsonDocument(e.payload).toJson().contains("wrong-token"));
        }
    }

    void sessionRules_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QString>("code");
        QTest::newRow("event before hello")
            << GatewayClient::heartbeat(QStringLiteral("m-1"), QStringLiteral("d-1")) << "hello_required";
        QTest::newRow("unsupported version")
            << GatewayClient::hello(QStringLiteral("gw-test"), IngestFixture::token(), "[7,8]")
            << "unsupported_version";
    }

    void sessionRules()
    {
        QFETCH(QByteArray, first);
        QFETCH(QString, code);
        IngestFixture f;
        QVERIFY(f.ok());
        Gateway g;
        QVERIFY(g.connect(f.port()));
        g.client.sendLine(first);
        const QJsonObject e = g.client.next();
        QCOMPARE(str(e, "type"), QStringLiteral("error"));
        QCOMPARE(str(e, "code"), code);
        QCOMPARE(e.value(QLatin1String("close")).toBool(), true);
        if (code == QLatin1String("unsupported_version"))
            QVERIFY2(str(e, "message").contains(QLatin1String("1")), qPrintable(str(e, "message")));
        QVERIFY(g.client.waitClosed());
        QCOMPARE(f.journalOfKind(EntryKind::DeviceHeartbeat).size(), 0);
    }

    void helloTimeout()
    {
        IngestFixture f;
        QVERIFY(f.ok());
        f.hub->setHelloTimeoutMs(300);
        Gateway g;
        QVERIFY(g.connect(f.port()));
        const QJsonObject e = g.client.next();
        QCOMPARE(str(e, "code"), QStringLiteral("hello_timeout"));
        QVERIFY(g.client.waitClosed());
    }

    void killedMidLineThePartialLineIsRejectedNothingElseLost()
    {
        IngestFixture f;
        QVERIFY(f.ok());
        const QByteArray good = GatewayClient::heartbeat(QStringLiteral("k-1"), QStringLiteral("d-1"));
        const QByteArray partial = GatewayClient::heartbeat(QStringLiteral("k-2"), QStringLiteral("d-2")).left(30);
        {
            Gateway g;
            QVERIFY(g.open(f.port()));
            g.client.send(good + '\n' + partial);
            QCOMPARE(str(g.client.next(), "status"), QStringLiteral("stored"));
            g.socket.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(f.journalOfKind(EntryKind::DeviceRejected).size(), 1, 20000);
        const JournalEntry rejected = f.journalOfKind(EntryKind::DeviceRejected).at(0);
        QCOMPARE(rejected.payload.value(QLatin1String("code")).toString(), QStringLiteral("partial_line"));
        QCOMPARE(rejected.raw, partial);
        QCOMPARE(f.journalOfKind(EntryKind::DeviceHeartbeat).size(), 1);
        QCOMPARE(countMessageId(f.journal(), QStringLiteral("k-1")), 1);
        QCOMPARE(countMessageId(f.journal(), QStringLiteral("k-2")), 0); // never a message: its id is not used up
    }

    void rateLimitAnswersEveryLineInOrder()
    {
        GatewayAccount slow = IngestFixture::defaultAccount(QStringLiteral("gw-test"));
        slow.limits.rate = 1;
        slow.limits.burst = 5;
        IngestFixture f({slow});
        QVERIFY(f.ok());
        Gateway g;
        QVERIFY(g.open(f.port()));
        QByteArray burst;
        for (int i = 1; i <= 12; ++i)
            burst += GatewayClient::heartbeat(QStringLiteral("r-%1").arg(i), QStringLiteral("d-1")) + '\n';
        g.client.send(burst);
        const QList<QJsonObject> acks = g.client.next(12, 20000);
        QCOMPARE(acks.size(), 12);
        int stored = 0;
        for (int i = 0; i < 12; ++i) {
            QCOMPARE(str(acks.at(i), "id"), QStringLiteral("r-%1").arg(i + 1));
            if (str(acks.at(i), "status") == QLatin1String("stored")) {
                ++stored;
            } else {
                QCOMPARE(str(acks.at(i), "status"), QStringLiteral("rejected"));
                QCOMPARE(str(acks.at(i), "reason"), QStringLiteral("rate_limited"));
            }
        }
        QVERIFY2(stored >= 5 && stored <= 6, qPrintable(QString::number(stored))); // the burst, maybe one refill
        QCOMPARE(f.journalOfKind(EntryKind::DeviceHeartbeat).size(), stored);
        // A rate-limited id is not used up: sent again later, it is stored.
        QTest::qWait(1100);
        g.client.sendLine(GatewayClient::heartbeat(QStringLiteral("r-12"), QStringLiteral("d-1")));
        QCOMPARE(str(g.client.next(), "status"), QStringLiteral("stored"));
    }

    void unknownDeviceAlarmIsStoredAndFlagged()
    {
        IngestFixture f;
        QVERIFY(f.ok());
        Gateway g;
        QVERIFY(g.open(f.port()));
        g.client.sendLine(
            GatewayClient::alarm(QStringLiteral("u-1"), QStringLiteral("d-stranger"), QStringLiteral("fall")));
        QCOMPARE(str(g.client.next(), "status"), QStringLiteral("stored"));
        QVERIFY(f.store.rebuildFromJournal());
        const auto &alarms = f.store.snapshot().alarms();
        QCOMPARE(alarms.size(), 1);
        QVERIFY(alarms.begin()->unregisteredDevice);
    }

    void handsetRefusalIsNotJournaledAndMayBeSentAgain()
    {
        IngestFixture f;
        QVERIFY(f.ok());
        Gateway g;
        QVERIFY(g.open(f.port()));
        const QByteArray answer =
            R"({"type":"helper.answer","id":"h-1","helper":"h-12","time":"2025-01-15T10:02:10Z","mission":4,"answer":"accept"})";
        g.client.sendLine(answer);
        QJsonObject ack = g.client.next();
        QCOMPARE(str(ack, "status"), QStringLiteral("rejected"));
        QVERIFY(!str(ack, "reason").isEmpty());
        g.client.sendLine(answer);
        ack = g.client.next();
        QCOMPARE(str(ack, "status"), QStringLiteral("rejected")); // judged afresh, not a duplicate
        QCOMPARE(countMessageId(f.journal(), QStringLiteral("h-1")), 0);
    }

    void aNewerSessionReplacesTheOlder()
    {
        IngestFixture f;
        QVERIFY(f.ok());
        Gateway first;
        QVERIFY(first.open(f.port()));
        Gateway second;
        QVERIFY(second.open(f.port()));
        const QJsonObject e = first.client.next();
        QCOMPARE(str(e, "code"), QStringLiteral("replaced"));
        QVERIFY(first.client.waitClosed());
        second.client.sendLine(GatewayClient::heartbeat(QStringLiteral("n-1"), QStringLiteral("d-1")));
        QCOMPARE(str(second.client.next(), "status"), QStringLiteral("stored"));
        QTRY_VERIFY_WITH_TIMEOUT(f.ingest->statusRows().at(0).link == GatewayStatus::Link::Connected, 5000);
    }

    void downlinkOfferGoesToTheHelpersGatewayUntilAcknowledged()
    {
        IngestFixture f;
        QVERIFY(f.ok());
        QSignalSpy answered(f.hub.get(), &GatewayHub::downlinkAnswered);
        DownlinkOffer offer;
        offer.helper = QStringLiteral("h-12");
        offer.mission = 3;
        offer.alarm = AlarmKind::Panic;
        offer.fee = Money(1500, QStringLiteral("EUR"));
        QVERIFY(!f.hub->sendOffer(offer)); // no gateway has spoken for h-12 yet

        // Register the helper through the journal, then let its handset speak via the gateway.
        JournalEntry reg;
        reg.time = QDateTime::currentDateTimeUtc();
        reg.source = QStringLiteral("ui");
        reg.kind = EntryKind::HelperRegistered;
        reg.actor = Actor::operatorNamed(QStringLiteral("Claire"));
        reg.payload = QJsonObject{{QStringLiteral("helper"), QStringLiteral("h-12")},
                                  {QStringLiteral("name"), QStringLiteral("Ana")}};
        f.store.submit(1, {reg});
        QString offerId;
        {
            Gateway g;
            QVERIFY(g.open(f.port()));
            g.client.sendLine(R"({"type":"helper.on_duty","id":"od-1","helper":"h-12","time":"2025-01-15T09:58:00Z"})");
            QCOMPARE(str(g.client.next(), "status"), QStringLiteral("stored"));
            QCOMPARE(f.hub->routeOf(QStringLiteral("h-12")), QStringLiteral("gw-test"));
            QVERIFY(f.hub->sendOffer(offer));
            const QJsonObject sent = g.client.next();
            QCOMPARE(str(sent, "type"), QStringLiteral("offer"));
            QCOMPARE(str(sent, "helper"), QStringLiteral("h-12"));
            QCOMPARE(sent.value(QLatin1String("mission")).toInt(), 3);
            offerId = str(sent, "id");
            QVERIFY(offerId.startsWith(QStringLiteral("rl-")));
            g.socket.abort(); // not acknowledged
        }
        QCOMPARE(f.hub->unacknowledgedDownlinks(), 1);
        Gateway again;
        QVERIFY(again.open(f.port()));
        const QJsonObject resent = again.client.next();
        QCOMPARE(str(resent, "type"), QStringLiteral("offer"));
        QCOMPARE(str(resent, "id"), offerId); // the same id: the gateway shows it once
        again.client.sendLine(R"({"type":"ack","id":")" + offerId.toUtf8() + R"(","status":"delivered"})");
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 5000);
        QCOMPARE(answered.at(0).at(0).toString(), offerId);
        QCOMPARE(answered.at(0).at(1).toBool(), true);
        QCOMPARE(f.hub->unacknowledgedDownlinks(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayIngest)
#include "tst_gatewayingest.moc"
