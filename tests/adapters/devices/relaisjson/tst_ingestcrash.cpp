// Crash test of the ingest: a gateway streams events into a Relais ingest running in a child
// process, which is killed with SIGKILL at a random moment; it restarts on the same data
// folder and the gateway sends again what was not acknowledged. At the end every event that
// was acknowledged "stored" is in the journal exactly once, and no event is there twice.

#include "gatewayclient.h"
#include "ingestfixture.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpSocket>

#include <csignal>

using namespace relais;
using relais::test::GatewayClient;
using relais::test::IngestFixture;

namespace {

class Child final
{
public:
    bool start(const QString &dataDir)
    {
        m_process.start(QStringLiteral(RELAIS_INGEST_CHILD), {dataDir});
        if (!m_process.waitForStarted(20000))
            return false;
        QElapsedTimer t;
        t.start();
        while (!m_process.canReadLine() && t.elapsed() < 60000)
            m_process.waitForReadyRead(100);
        const QByteArray line = m_process.readLine().trimmed();
        if (!line.startsWith("port "))
            return false;
        port = quint16(line.mid(5).toUInt());
        return port != 0;
    }
    void kill()
    {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(20000);
    }
    QString errors() { return QString::fromLocal8Bit(m_process.readAllStandardError()); }

    quint16 port = 0;

private:
    QProcess m_process;
};

} // namespace

class TestIngestCrash : public QObject
{
    Q_OBJECT

private slots:
    void ackedEventsSurviveSigkillExactlyOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QRandomGenerator rng(20261123);
        const int rounds = qEnvironmentVariableIntValue("RELAIS_CRASH_ROUNDS") > 0
                               ? qEnvironmentVariableIntValue("RELAIS_CRASH_ROUNDS")
                               : 10;
        QSet<QString> ackedStored;
        QStringList unacked; // sent, no answer yet: sent again first after the restart
        int nextId = 0;
        qsizetype totalAcks = 0;

        for (int round = 0; round < rounds; ++round) {
            Child child;
            QVERIFY2(child.start(dir.path()), qPrintable(child.errors()));
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, child.port);
            QVERIFY(socket.waitForConnected(20000));
            GatewayClient gw(&socket);
            gw.sendLine(GatewayClient::hello(QStringLiteral("gw-crash"), IngestFixture::token()));
            QCOMPARE(gw.next().value(QLatin1String("type")).toString(), QStringLiteral("hello_ok"));

            // Resend what was never answered, then stream new events; kill at a random point.
            QStringList inFlight = unacked;
            QByteArray bytes;
            for (const QString &id : std::as_const(unacked))
                bytes += GatewayClient::heartbeat(id, QStringLiteral("d-%1").arg(id.size())) + '\n';
            gw.send(bytes);
            const int killAfterAcks = 200 + int(rng.bounded(3000));
            int acks = 0;
            while (acks < killAfterAcks) {
                if (inFlight.size() < 1500) {
                    QByteArray more;
                    for (int i = 0; i < 300; ++i) {
                        const QString id = QStringLiteral("c-%1").arg(++nextId);
                        inFlight.append(id);
                        more += GatewayClient::heartbeat(id, QStringLiteral("d-%1").arg(nextId % 97)) + '\n';
                    }
                    gw.send(more);
                }
                const QJsonObject ack = gw.next(30000);
                QVERIFY2(!ack.isEmpty(), "no answer from the ingest");
                const QString id = ack.value(QLatin1String("id")).toString();
                QCOMPARE(id, inFlight.first()); // in order
                inFlight.removeFirst();
                const QString status = ack.value(QLatin1String("status")).toString();
                QVERIFY2(status == QLatin1String("stored") || status == QLatin1String("duplicate"), qPrintable(status));
                if (status == QLatin1String("stored")) {
                    QVERIFY2(!ackedStored.contains(id), qPrintable(id)); // stored twice would be a duplicate
                    ackedStored.insert(id);
                }
                ++acks;
            }
            child.kill(); // with events in flight: some committed but not acked, some not read
            unacked = inFlight;
            totalAcks += acks;
        }

        // Restart once more and resend what is left, then look at the journal.
        {
            Child child;
            QVERIFY(child.start(dir.path()));
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, child.port);
            QVERIFY(socket.waitForConnected(20000));
            GatewayClient gw(&socket);
            gw.sendLine(GatewayClient::hello(QStringLiteral("gw-crash"), IngestFixture::token()));
            QCOMPARE(gw.next().value(QLatin1String("type")).toString(), QStringLiteral("hello_ok"));
            QByteArray bytes;
            for (const QString &id : std::as_const(unacked))
                bytes += GatewayClient::heartbeat(id, QStringLiteral("d-1")) + '\n';
            gw.send(bytes);
            for (const QString &id : std::as_const(unacked)) {
                const QJsonObject ack = gw.next(30000);
                QCOMPARE(ack.value(QLatin1String("id")).toString(), id);
                if (ack.value(QLatin1String("status")).toString() == QLatin1String("stored"))
                    ackedStored.insert(id);
            }
            child.kill();
        }

        SqlConnection c(QStringLiteral("crash-check"));
        QVERIFY(c.open(dir.filePath(Store::databaseFileName())));
        Result<QList<JournalEntry>> journal = JournalReader(c.database()).read(0, 100000000);
        QVERIFY(journal.ok());
        QHash<QString, int> seen;
        for (const JournalEntry &e : journal.value()) {
            if (e.kind == EntryKind::DeviceHeartbeat)
                ++seen[e.messageId];
        }
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            QVERIFY2(it.value() == 1,
                     qPrintable(QStringLiteral("%1 journaled %2 times").arg(it.key()).arg(it.value())));
        for (const QString &id : std::as_const(ackedStored))
            QVERIFY2(seen.value(id) == 1, qPrintable(id + QStringLiteral(" was acknowledged but is not journaled")));
        // Every event sent was answered in the end, so every one of them is in the journal.
        QCOMPARE(seen.size(), nextId);
        qInfo("%d rounds, %lld acks before the kills, %d events, %lld acknowledged stored", rounds,
              qlonglong(totalAcks), nextId, qlonglong(ackedStored.size()));
    }
};

QTEST_GUILESS_MAIN(TestIngestCrash)
#include "tst_ingestcrash.moc"
