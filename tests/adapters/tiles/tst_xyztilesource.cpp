#include "faketileserver.h"
#include "tilediskcache.h"
#include "xyztilesource.h"

#include <QElapsedTimer>
#include <QNetworkDiskCache>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using relais::TileKey;
using relais::TileSource;
using relais::XyzTemplate;
using relais::XyzTileSource;

namespace {

using Failure = TileSource::Failure;
using Headers = QList<QPair<QByteArray, QByteArray>>;

QByteArray pathOf(const TileKey &key)
{
    return QStringLiteral("/%1/%2/%3.png").arg(key.z).arg(key.x).arg(key.y).toLatin1();
}

XyzTemplate serverTemplate(const QString &urlTemplate)
{
    const relais::Result<XyzTemplate> t = XyzTemplate::custom(urlTemplate);
    if (!t)
        qFatal("bad template %s: %s", qPrintable(urlTemplate), qPrintable(t.errorString()));
    return t.value();
}

// A source, the spies on its two signals, and its cache folder.
struct Client
{
    QTemporaryDir cacheDir;
    std::unique_ptr<XyzTileSource> source;
    std::unique_ptr<QSignalSpy> loaded;
    std::unique_ptr<QSignalSpy> failed;

    Client(const QString &urlTemplate, const QString &contact = QStringLiteral("ops@example.org"),
           const QString &dir = QString())
    {
        source = std::make_unique<XyzTileSource>(
            serverTemplate(urlTemplate), dir.isEmpty() ? cacheDir.filePath(QStringLiteral("cache")) : dir, contact);
        loaded = std::make_unique<QSignalSpy>(source.get(), &TileSource::tileLoaded);
        failed = std::make_unique<QSignalSpy>(source.get(), &TileSource::tileFailed);
    }
    int answers() const { return int(loaded->size() + failed->size()); }
    QList<TileKey> loadedKeys() const
    {
        QList<TileKey> keys;
        for (const QList<QVariant> &args : *loaded)
            keys.append(args.at(0).value<TileKey>());
        return keys;
    }
};

} // namespace

class TestXyzTileSource final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<TileKey>();
        qRegisterMetaType<TileSource::Failure>();
    }

    void userAgentNamesRelaisVersionAndContact()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        Client client(server.urlTemplate(), QStringLiteral("ops@example.org"));
        client.source->request(TileKey{3, 4, 2});
        QTRY_COMPARE(client.loaded->size(), 1);
        QCOMPARE(server.requests().size(), 1);
        const FakeTileServer::Request &r = server.requests().constFirst();
        QCOMPARE(r.path, QByteArray("/3/4/2.png"));
        QCOMPARE(r.headers.value("user-agent"),
                 QByteArray("Relais/" RELAIS_VERSION " (dispatcher console; contact: ops@example.org)"));
        // The policy forbids no-cache request headers.
        QVERIFY(!r.headers.value("cache-control").contains("no-cache"));
        QVERIFY(!r.headers.contains("pragma"));
        QCOMPARE(client.loaded->at(0).at(1).toByteArray(), FakeTileServer::tileBytes("/3/4/2.png"));
    }

    void userAgentSaysWhenNoContactIsSet()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        Client client(server.urlTemplate(), QString());
        client.source->request(TileKey{1, 1, 1});
        QTRY_COMPARE(client.loaded->size(), 1);
        QCOMPARE(server.requests().constFirst().headers.value("user-agent"),
                 QByteArray("Relais/" RELAIS_VERSION " (dispatcher console; no contact configured)"));
    }

    void userAgentContactIsSanitised()
    {
        const QByteArray ua = XyzTileSource::userAgentFor(QStringLiteral("Mairie (PC)\r\nX-Evil: 1 é"));
        QCOMPARE(ua, QByteArray("Relais/" RELAIS_VERSION " (dispatcher console; contact: Mairie PC X-Evil: 1 %C3%A9)"));
        QVERIFY(!XyzTileSource::userAgentFor(QStringLiteral(" \t ")).contains("contact:"));
    }

    void neverMoreThanTheCapInFlight_data()
    {
        QTest::addColumn<int>("asked");
        QTest::addColumn<int>("cap");
        QTest::newRow("default") << -1 << 4;
        QTest::newRow("two") << 2 << 2;
        QTest::newRow("one") << 1 << 1;
        QTest::newRow("ten is four") << 10 << 4;
        QTest::newRow("zero is one") << 0 << 1;
    }

    void neverMoreThanTheCapInFlight()
    {
        QFETCH(int, asked);
        QFETCH(int, cap);
        FakeTileServer server;
        QVERIFY(server.listen());
        server.setHolding(true);
        Client client(server.urlTemplate());
        if (asked >= 0)
            client.source->setMaxInFlight(asked);
        QCOMPARE(client.source->maxInFlight(), cap);

        QList<TileKey> keys;
        for (int i = 0; i < 30; ++i)
            keys.append(TileKey{10, 500 + i % 6, 300 + i / 6});
        for (const TileKey &k : keys)
            client.source->request(k);
        QTRY_COMPARE(server.openCount(), cap);
        QTest::qWait(300); // time for a request beyond the cap to show up, if one were sent
        QCOMPARE(server.requests().size(), cap);
        QCOMPARE(client.source->inFlightCount(), cap);
        QCOMPARE(client.source->queuedCount(), 30 - cap);

        // The waiting requests go newest first: the next one sent is the last one asked for.
        QVERIFY(server.releaseOne());
        QTRY_COMPARE(server.requests().size(), cap + 1);
        QCOMPARE(server.requests().last().path, pathOf(keys.last()));

        // Answer one at a time until all 30 are served, checking the cap all along.
        QElapsedTimer clock;
        clock.start();
        while (client.loaded->size() < 30 && clock.elapsed() < 30000) {
            if (!server.releaseOne())
                QTest::qWait(5);
            QVERIFY(server.openCount() <= cap);
        }
        QCOMPARE(client.loaded->size(), 30);
        QCOMPARE(client.failed->size(), 0);
        QCOMPARE(server.maxOpenCount(), cap);
        QCOMPARE(server.requests().size(), 30);
        const QList<QByteArray> paths = server.paths();
        QCOMPARE(QSet<QByteArray>(paths.cbegin(), paths.cend()).size(), 30);
    }

    void duplicateRequestOfAPendingTileDoesNothing()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        server.setHolding(true);
        Client client(server.urlTemplate());
        client.source->setMaxInFlight(1);
        const TileKey a{5, 1, 1}, b{5, 2, 2};
        client.source->request(a);
        client.source->request(b);
        client.source->request(a); // in flight
        client.source->request(b); // waiting
        QCOMPARE(client.source->inFlightCount() + client.source->queuedCount(), 2);
        server.setHolding(false);
        server.releaseAll();
        QTRY_COMPARE(client.loaded->size(), 2);
        QTest::qWait(200);
        QCOMPARE(client.answers(), 2);
        QCOMPARE(server.requests().size(), 2);
    }

    void cancelledWaitingRequestsNeverReachTheServer()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        server.setHolding(true);
        Client client(server.urlTemplate());
        QList<TileKey> keys;
        for (int i = 0; i < 10; ++i)
            keys.append(TileKey{12, 2000 + i, 1400});
        for (const TileKey &k : keys)
            client.source->request(k);
        QTRY_COMPARE(server.openCount(), 4);
        // The first four are in flight; cancel the six others while they wait.
        for (int i = 4; i < 10; ++i)
            client.source->cancel(keys.at(i));
        QCOMPARE(client.source->queuedCount(), 0);
        server.setHolding(false);
        server.releaseAll();
        QTRY_COMPARE(client.loaded->size(), 4);
        QTest::qWait(300);
        QCOMPARE(client.answers(), 4);
        QCOMPARE(server.requests().size(), 4);
        for (int i = 4; i < 10; ++i)
            QVERIFY2(!server.paths().contains(pathOf(keys.at(i))), pathOf(keys.at(i)).constData());
        const QList<TileKey> got = client.loadedKeys();
        QCOMPARE(QSet<TileKey>(got.cbegin(), got.cend()), QSet<TileKey>(keys.cbegin(), keys.cbegin() + 4));
    }

    void cancelledRequestInFlightIsAbortedSilently()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        server.setHolding(true);
        Client client(server.urlTemplate());
        client.source->setMaxInFlight(1);
        const TileKey a{8, 100, 90}, b{8, 101, 90};
        client.source->request(a);
        client.source->request(b);
        QTRY_COMPARE(server.heldCount(), 1);
        QCOMPARE(server.requests().constFirst().path, pathOf(a));

        client.source->cancel(a);
        QCOMPARE(client.source->inFlightCount(), 1); // b took the freed place
        QTRY_COMPARE(server.droppedPaths(), QList<QByteArray>{pathOf(a)});
        QTRY_COMPARE(server.requests().size(), 2);
        QCOMPARE(server.requests().at(1).path, pathOf(b));
        server.releaseAll();
        QTRY_COMPARE(client.loaded->size(), 1);
        QTest::qWait(300);
        QCOMPARE(client.answers(), 1); // nothing ever for a
        QCOMPARE(client.loadedKeys().constFirst(), b);
    }

    void cachedWithMaxAgeIsServedFromDisk()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeTileServer::Request &r) {
            return FakeTileServer::tileResponse(r.path, Headers{{"Cache-Control", "max-age=3600"}});
        });
        Client client(server.urlTemplate());
        const TileKey key{14, 8300, 5600};
        client.source->request(key);
        QTRY_COMPARE(client.loaded->size(), 1);
        client.source->request(key);
        QTRY_COMPARE(client.loaded->size(), 2);
        QCOMPARE(client.loaded->at(1).at(1).toByteArray(), FakeTileServer::tileBytes(pathOf(key)));
        QCOMPARE(server.requests().size(), 1);

        // Another source on the same folder (the next start of Relais) finds it on disk too.
        Client again(server.urlTemplate(), QString(), client.source->cacheDirectory());
        again.source->request(key);
        QTRY_COMPARE(again.loaded->size(), 1);
        QCOMPARE(server.requests().size(), 1);
    }

    void cachedWithoutHeadersIsKeptSevenDays()
    {
        FakeTileServer server;
        QVERIFY(server.listen()); // the default handler sends no cache header at all
        Client client(server.urlTemplate());
        const TileKey key{15, 16600, 11270};
        client.source->request(key);
        QTRY_COMPARE(client.loaded->size(), 1);
        QVERIFY(!server.requests().isEmpty());
        client.source->request(key);
        QTRY_COMPARE(client.loaded->size(), 2);
        QCOMPARE(server.requests().size(), 1);

        QNetworkDiskCache disk;
        disk.setCacheDirectory(client.source->cacheDirectory());
        const QUrl url(QStringLiteral("http://127.0.0.1:%1%2").arg(server.port()).arg(QLatin1String(pathOf(key))));
        const QDateTime expires = disk.metaData(url).expirationDate();
        const QDateTime week = QDateTime::currentDateTimeUtc().addDays(7);
        QVERIFY2(qAbs(expires.secsTo(week)) < 120, qPrintable(expires.toString(Qt::ISODate)));
    }

    void shortExplicitExpiryIsHonoured()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeTileServer::Request &r) {
            return FakeTileServer::tileResponse(r.path, Headers{{"Cache-Control", "max-age=3"}});
        });
        Client client(server.urlTemplate());
        const TileKey key{16, 33200, 22540};
        QElapsedTimer clock;
        clock.start();
        client.source->request(key);
        QTRY_COMPARE(client.loaded->size(), 1);
        client.source->request(key);
        QTRY_COMPARE(client.loaded->size(), 2);
        QVERIFY2(clock.elapsed() < 2500, "too slow to check the fresh copy");
        QCOMPARE(server.requests().size(), 1); // still fresh

        // Qt compares expiry dates in whole seconds: one more second to be sure it has passed.
        QTest::qWait(int(5000 - clock.elapsed()));
        client.source->request(key);
        QTRY_COMPARE(client.loaded->size(), 3);
        QCOMPARE(server.requests().size(), 2); // expired: asked again
    }

    void expiredCopyIsShownWhenTheServerFails()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        bool failing = false;
        server.setHandler([&failing](const FakeTileServer::Request &r) {
            if (!failing)
                return FakeTileServer::tileResponse(r.path, Headers{{"Cache-Control", "max-age=1"}});
            FakeTileServer::Response down;
            down.status = 503;
            down.body = "down for maintenance";
            return down;
        });
        Client client(server.urlTemplate());
        const TileKey key{13, 4150, 2820};
        client.source->request(key);
        QTRY_COMPARE(client.loaded->size(), 1);
        QTest::qWait(2600); // expired (Qt compares in whole seconds)

        failing = true;
        client.source->request(key);
        QTRY_COMPARE(client.answers(), 2);
        QCOMPARE(server.requests().size(), 2); // it did ask, and got a 503
        QCOMPARE(client.loaded->size(), 2);
        QCOMPARE(client.loaded->at(1).at(1).toByteArray(), FakeTileServer::tileBytes(pathOf(key)));

        server.shutdown(); // now nothing listens at all
        client.source->request(key);
        QTRY_COMPARE(client.answers(), 3);
        QCOMPARE(client.loaded->size(), 3);
        QCOMPARE(client.loaded->at(2).at(1).toByteArray(), FakeTileServer::tileBytes(pathOf(key)));

        // A tile never fetched has no copy to fall back on.
        client.source->request(TileKey{13, 4151, 2820});
        QTRY_COMPARE(client.failed->size(), 1);
        QCOMPARE(client.failed->at(0).at(1).value<Failure>(), Failure::Unreachable);
    }

    void notFound()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeTileServer::Request &) {
            FakeTileServer::Response r;
            r.status = 404;
            r.body = "no such tile";
            return r;
        });
        Client client(server.urlTemplate());
        client.source->request(TileKey{4, 3, 2});
        QTRY_COMPARE(client.failed->size(), 1);
        QCOMPARE(client.failed->at(0).at(1).value<Failure>(), Failure::NotFound);
        const QString reason = client.failed->at(0).at(2).toString();
        QVERIFY2(reason.contains(QLatin1String("4/3/2")) && reason.contains(QLatin1String("127.0.0.1")),
                 qPrintable(reason));
        QCOMPARE(client.loaded->size(), 0);
    }

    void outsideTheZoomsIsNotFoundWithoutAsking()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        Client client(server.urlTemplate());
        client.source->request(TileKey{20, 1, 1});
        client.source->request(TileKey{3, 9, 0}); // x beyond the 8 columns of zoom 3
        QCOMPARE(client.answers(), 0);            // never before request() returns
        QTRY_COMPARE(client.failed->size(), 2);
        QCOMPARE(client.failed->at(0).at(1).value<Failure>(), Failure::NotFound);
        QVERIFY(client.failed->at(0).at(2).toString().contains(QLatin1String("19")));
        QCOMPARE(client.failed->at(1).at(1).value<Failure>(), Failure::NotFound);
        QCOMPARE(server.requests().size(), 0);

        // Cancelled before its answer: none comes.
        client.source->request(TileKey{21, 0, 0});
        client.source->cancel(TileKey{21, 0, 0});
        QTest::qWait(100);
        QCOMPARE(client.failed->size(), 2);
    }

    void closedPortIsUnreachable()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        Client client(QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(port));
        client.source->request(TileKey{2, 1, 1});
        QTRY_COMPARE(client.failed->size(), 1);
        QCOMPARE(client.failed->at(0).at(1).value<Failure>(), Failure::Unreachable);
        QVERIFY2(client.failed->at(0).at(2).toString().contains(QLatin1String("refused")),
                 qPrintable(client.failed->at(0).at(2).toString()));
    }

    void serverErrorIsUnreachable()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeTileServer::Request &) {
            FakeTileServer::Response r;
            r.status = 503;
            return r;
        });
        Client client(server.urlTemplate());
        client.source->request(TileKey{2, 1, 1});
        QTRY_COMPARE(client.failed->size(), 1);
        QCOMPARE(client.failed->at(0).at(1).value<Failure>(), Failure::Unreachable);
        QVERIFY(client.failed->at(0).at(2).toString().contains(QLatin1String("503")));
    }

    void silentServerTimesOut()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        server.setHolding(true);
        Client client(server.urlTemplate());
        client.source->setTransferTimeout(std::chrono::milliseconds(400));
        client.source->request(TileKey{2, 1, 1});
        QTRY_COMPARE(client.failed->size(), 1);
        QCOMPARE(client.failed->at(0).at(1).value<Failure>(), Failure::Unreachable);
        QVERIFY2(client.failed->at(0).at(2).toString().contains(QLatin1String("did not answer")),
                 qPrintable(client.failed->at(0).at(2).toString()));
        QTRY_COMPARE(server.droppedPaths().size(), 1);
        QCOMPARE(client.loaded->size(), 0);
    }

    void htmlInsteadOfAnImageIsBadData()
    {
        FakeTileServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeTileServer::Request &) {
            FakeTileServer::Response r;
            r.headers = {{"Content-Type", "text/html; charset=utf-8"}};
            r.body = "<!DOCTYPE html><html><body>Access blocked</body></html>";
            return r;
        });
        Client client(server.urlTemplate());
        client.source->request(TileKey{2, 1, 1});
        QTRY_COMPARE(client.failed->size(), 1);
        QCOMPARE(client.failed->at(0).at(1).value<Failure>(), Failure::BadData);
        QVERIFY2(client.failed->at(0).at(2).toString().contains(QLatin1String("text/html")),
                 qPrintable(client.failed->at(0).at(2).toString()));
        QCOMPARE(client.loaded->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestXyzTileSource)
#include "tst_xyztilesource.moc"
