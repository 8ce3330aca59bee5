// Starts the real relais executable with a throwaway data folder, as a user would.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

class TestStartup final : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment environment(const QString &home)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
        return env;
    }

    // count(*) of a query on the journal of dataDir.
    static qint64 journalCount(const QString &dataDir, const QString &where)
    {
        qint64 n = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("e2e"));
            db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("relais.sqlite")));
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT count(*) FROM journal WHERE ") + where) && q.next())
                    n = q.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("e2e"));
        return n;
    }

private slots:
    void demoTownIsFedByTheSimulator()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString dataDir = home.filePath(QStringLiteral("demo"));
        for (int run = 0; run < 2; ++run) {
            QProcess p;
            p.setProcessEnvironment(environment(home.path()));
            p.start(QStringLiteral(RELAIS_EXE),
                    {QStringLiteral("--demo"), QStringLiteral("--data-dir"), dataDir, QStringLiteral("--quit-after"),
                     QStringLiteral("8"), QStringLiteral("--sim-arg=--speed=60"),
                     QStringLiteral("--sim-arg=--alarm-rate=20")});
            QVERIFY(p.waitForFinished(90000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        }
        // The town is registered once, however many times the demo starts.
        QCOMPARE(journalCount(dataDir, QStringLiteral("kind = 'device.registered'")), 320);
        QCOMPARE(journalCount(dataDir, QStringLiteral("kind = 'helper.registered'")), 36);
        // The simulator spoke as the gateway demo-sim: devices, alarms and helpers arrived.
        QVERIFY(journalCount(dataDir, QStringLiteral("source = 'gateway:demo-sim' AND kind = 'device.heartbeat'")) > 0);
        QVERIFY(journalCount(dataDir, QStringLiteral("source = 'gateway:demo-sim' AND kind = 'device.alarm'")) > 0);
        QVERIFY(journalCount(dataDir, QStringLiteral("source = 'gateway:demo-sim' AND kind = 'helper.on_duty'")) > 0);
        QCOMPARE(journalCount(dataDir, QStringLiteral("kind = 'gateway.refused'")), 0);
    }

    void gatewaysFileOpensAListenerThatStoresAndAcks()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString dataDir = home.filePath(QStringLiteral("desk"));
        QVERIFY(QDir().mkpath(dataDir));
        quint16 port = 0;
        {
            QTcpServer probe; // a free port on loopback for the file
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        QFile config(QDir(dataDir).filePath(QStringLiteral("gateways.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"tcp":[{"address":"127.0.0.1","port":)" + QByteArray::number(port)
                     + R"(}],"gateways":[{"id":"gw-e2e","token":"e2e-token-123"}]})");
        config.close();

        QProcess p;
        p.setProcessEnvironment(environment(home.path()));
        p.start(QStringLiteral(RELAIS_EXE),
                {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--quit-after"), QStringLiteral("20")});
        QVERIFY(p.waitForStarted(20000));
        QTcpSocket socket;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                socket.abort();
                socket.connectToHost(QHostAddress::LocalHost, port);
                return socket.waitForConnected(200);
            }(),
            20000);
        socket.write("{\"type\":\"hello\",\"versions\":[1],\"gateway\":\"gw-e2e\",\"token\":\"e2e-token-123\"}\n"
                     "{\"type\":\"device.alarm\",\"id\":\"e-1\",\"device\":\"d-1\",\"time\":\"2025-01-15T10:00:00Z\","
                     "\"alarm\":\"smoke\"}\n");
        QByteArray answers;
        QTRY_VERIFY_WITH_TIMEOUT((answers += socket.readAll()).count('\n') >= 2, 20000);
        QVERIFY2(answers.contains("\"type\":\"hello_ok\""), answers.constData());
        QVERIFY2(answers.contains("{\"type\":\"ack\",\"id\":\"e-1\",\"status\":\"stored\"}"), answers.constData());
        p.terminate();
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(journalCount(dataDir, QStringLiteral("source = 'gateway:gw-e2e' AND kind = 'device.alarm'")), 1);
    }

    void aGatewayWhoseTokenIsInAnUnreachableKeychainIsNotAdmitted()
    {
        // No session bus, so no keychain: the console starts, the gateway is not admitted, and
        // the operator is told why and what to do; the token is never looked for elsewhere.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString dataDir = home.filePath(QStringLiteral("desk"));
        QVERIFY(QDir().mkpath(dataDir));
        QFile config(QDir(dataDir).filePath(QStringLiteral("gateways.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"gateways":[{"id":"gw-vault","token_secret":"gateway/gw-vault/token"}]})");
        config.close();
        QProcessEnvironment env = environment(home.path());
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("DISPLAY"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(RELAIS_EXE),
                {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--quit-after"), QStringLiteral("4")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("gw-vault") && err.contains("keychain"), err.constData());
    }

    void aBrokenGatewaysFileNamedOnTheCommandLineRefusesToStart()
    {
        QTemporaryDir home;
        const QString file = home.filePath(QStringLiteral("gateways.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"gateways":[{"id":"gw","token":"short"}]})");
        f.close();
        QProcess p;
        p.setProcessEnvironment(environment(home.path()));
        p.start(QStringLiteral(RELAIS_EXE),
                {QStringLiteral("--data-dir"), home.filePath(QStringLiteral("desk")), QStringLiteral("--gateways"),
                 file, QStringLiteral("--quit-after"), QStringLiteral("3")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("gateways.json") && err.contains("token"), err.constData());
    }

    void aBrokenBasemapNamedOnTheCommandLineRefusesToStart()
    {
        QTemporaryDir home;
        const QString file = home.filePath(QStringLiteral("quartier.geojson"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"street"},)"
                R"("geometry":{"type":"LineString","coordinates":[[2.35,48.85],[999,48.86]]}}]})");
        f.close();
        QProcess p;
        p.setProcessEnvironment(environment(home.path()));
        p.start(QStringLiteral(RELAIS_EXE),
                {QStringLiteral("--data-dir"), home.filePath(QStringLiteral("desk")), QStringLiteral("--map-source"),
                 QStringLiteral("vector"), QStringLiteral("--basemap"), file, QStringLiteral("--quit-after"),
                 QStringLiteral("3")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("quartier.geojson") && err.contains("malformed"), err.constData());
    }

    void versionNeedsNoDisplay()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(RELAIS_EXE), {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardOutput().trimmed(), QByteArray("relais " RELAIS_VERSION));
    }

    void badOptionIsAnErrorOnStderr()
    {
        QProcess p;
        p.start(QStringLiteral(RELAIS_EXE), {QStringLiteral("--lang"), QStringLiteral("xx")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("xx"));
    }

    void startsOnAFreshDataDirAndQuits()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString dataDir = home.filePath(QStringLiteral("desk"));
        QProcess p;
        p.setProcessEnvironment(environment(home.path()));
        p.start(QStringLiteral(RELAIS_EXE), {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--quit-after"),
                                             QStringLiteral("1"), QStringLiteral("--lang"), QStringLiteral("fr")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        // The embedded default: an SQLite journal in the data folder, created on first start.
        const QStringList dbs = QDir(dataDir).entryList({QStringLiteral("*.sqlite")}, QDir::Files);
        QCOMPARE(dbs.size(), 1);
        QVERIFY(QFileInfo(QDir(dataDir).filePath(dbs.first())).size() > 0);
    }

    void secondInstanceOnSameDataDirIsRefused()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString dataDir = home.filePath(QStringLiteral("desk"));
        QProcess first;
        first.setProcessEnvironment(environment(home.path()));
        first.start(QStringLiteral(RELAIS_EXE),
                    {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--quit-after"), QStringLiteral("30")});
        QVERIFY(first.waitForStarted());
        // Wait until the first instance holds its data folder (the journal exists).
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(dataDir).entryList({QStringLiteral("*.sqlite")}, QDir::Files).isEmpty(), 30000);

        QProcess second;
        second.setProcessEnvironment(environment(home.path()));
        second.start(QStringLiteral(RELAIS_EXE),
                     {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--quit-after"), QStringLiteral("1")});
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 1);
        const QString err = QString::fromUtf8(second.readAllStandardError());
        QVERIFY2(err.contains(QString::number(first.processId())), qPrintable(err));

        first.terminate();
        QVERIFY(first.waitForFinished(30000));
    }
};

QTEST_GUILESS_MAIN(TestStartup)
#include "tst_startup.moc"
