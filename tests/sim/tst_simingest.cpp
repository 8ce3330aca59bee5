// relais-sim against Relais's real ingest (GatewayServer + GatewayHub + DeviceIngest + Store on a
// temporary folder, tests/adapters/devices/relaisjson/ingestfixture.h), with the demo town
// registered in the journal: what the simulator sends is accepted and stored, offers reach its helpers, and the load
// mode's figures hold against a real store. RELAIS_SIM_TEST_LOAD=N changes the load (default 2000/s).

#include "csvreader.h"
#include "deviceimport.h"
#include "ingestfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace relais;
using namespace relais::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int Long = 120'000; // ms: generous, the suite also runs under ASan

QByteArray resource(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The demo town's devices and helpers as journal entries, as an operator would import them.
QList<JournalEntry> demoRegistry(const DispatchState &state)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Actor by = Actor::operatorNamed(u"test"_s);
    QList<JournalEntry> out = DeviceImport::fromCsv(resource(u":/demo/devices.csv"_s), state, now, by).entries;
    const auto helpers = CsvReader::parse(resource(u":/demo/helpers.csv"_s));
    if (!helpers)
        return {};
    for (qsizetype i = 1; i < helpers.value().size(); ++i) {
        const QStringList &f = helpers.value().at(i).fields;
        JournalEntry e;
        e.time = now;
        e.source = u"import"_s;
        e.kind = EntryKind::HelperRegistered;
        e.actor = by;
        e.payload = QJsonObject{{u"helper"_s, f.at(0)},
                                {u"name"_s, f.at(1)},
                                {u"phone"_s, f.at(2)},
                                {u"skills"_s, QJsonArray::fromStringList(f.at(3).split(u';'))}};
        out.append(e);
    }
    return out;
}

QHash<QString, QString> summaryOf(const QString &out)
{
    QHash<QString, QString> summary;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon > 0)
            summary.insert(line.left(colon), line.mid(colon + 1).trimmed());
    }
    return summary;
}

} // namespace

class TestSimIngest final : public QObject
{
    Q_OBJECT

private:
    QProcess *startSim(quint16 port, const QStringList &args)
    {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"RELAIS_SIM_TOKEN"_s, IngestFixture::token());
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(RELAIS_SIM),
                 QStringList{u"--connect"_s, u"127.0.0.1:%1"_s.arg(port), u"--gateway"_s, u"gw-test"_s} + args);
        m_processes.append(p);
        return p;
    }
    static bool finished(QProcess *p) { return p->state() == QProcess::NotRunning; }

    QList<QProcess *> m_processes;

private slots:
    void cleanup()
    {
        for (QProcess *p : std::as_const(m_processes)) {
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished(10'000);
            }
            delete p;
        }
        m_processes.clear();
    }

    void townIsStoredAndOffersReachItsHelpers()
    {
        IngestFixture f;
        QVERIFY(f.ok());
        const QList<JournalEntry> registry = demoRegistry(f.store.snapshot());
        QCOMPARE(registry.size(), 320 + 36);
        f.store.submit(Store::newTicket(), registry, Store::SubmitMode::AllOrNothing);
        QVERIFY(f.store.rebuildFromJournal());
        QCOMPARE(f.store.snapshot().devices().size(), 320);

        QSignalSpy answered(f.hub.get(), &GatewayHub::downlinkAnswered);
        QProcess *sim = startSim(f.port(), {u"--speed"_s, u"600"_s, u"--duration"_s, u"5"_s, u"--alarm-rate"_s, u"3"_s,
                                            u"--on-duty"_s, u"1"_s, u"--seed"_s, u"11"_s, u"--quiet"_s});
        // A helper's handset speaks through the simulator: Relais can offer it a mission.
        QTRY_VERIFY_WITH_TIMEOUT(f.hub->routeOf(u"H-001"_s) == "gw-test"_L1, Long);
        DownlinkOffer offer;
        offer.helper = u"H-001"_s;
        offer.mission = 3;
        offer.alarm = AlarmKind::Panic;
        offer.position = QGeoCoordinate(41.951129, -85.622459);
        offer.fee = Money(1500, u"USD"_s);
        QVERIFY(f.hub->sendOffer(offer));
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, Long);
        QCOMPARE(answered.at(0).at(1).toBool(), true); // delivered

        QTRY_VERIFY_WITH_TIMEOUT(finished(sim), Long);
        QCOMPARE(sim->exitStatus(), QProcess::NormalExit);
        QCOMPARE(sim->exitCode(), 0);

        const QList<JournalEntry> journal = f.journal();
        QSet<QString> reporting;
        QSet<QString> helpers;
        QSet<QString> messageIds;
        int alarms = 0;
        int fromGateway = 0;
        for (const JournalEntry &e : journal) {
            if (e.source != "gateway:gw-test"_L1)
                continue;
            ++fromGateway;
            messageIds.insert(e.messageId);
            if (e.kind == EntryKind::DeviceHeartbeat)
                reporting.insert(e.payload.value("device"_L1).toString());
            if (e.kind == EntryKind::DeviceAlarm)
                ++alarms;
            if (e.actor.kind == Actor::Kind::Helper)
                helpers.insert(e.actor.id);
        }
        QCOMPARE(messageIds.size(), fromGateway); // one entry per id
        QVERIFY2(reporting.size() >= 300, qPrintable(QString::number(reporting.size())));
        QVERIFY2(helpers.size() >= 30, qPrintable(QString::number(helpers.size())));
        QVERIFY(alarms >= 20);
        QCOMPARE(f.journalOfKind(EntryKind::DeviceRejected).size(), 0); // every line accepted
    }

    void loadIsStored()
    {
        IngestFixture f(
            {GatewayAccount{u"gw-test"_s, IngestFixture::token(), GatewayLimits{8192, 1'000'000, 1'000'000}}});
        QVERIFY(f.ok());
        f.store.submit(Store::newTicket(), demoRegistry(f.store.snapshot()), Store::SubmitMode::AllOrNothing);
        QVERIFY(f.store.rebuildFromJournal());
        const int load = qEnvironmentVariableIsSet("RELAIS_SIM_TEST_LOAD")
                             ? qEnvironmentVariableIntValue("RELAIS_SIM_TEST_LOAD")
                             : 2000;
        QProcess *sim = startSim(f.port(), {u"--load"_s, QString::number(load), u"--duration"_s, u"3"_s, u"--quiet"_s,
                                            u"--drain-timeout"_s, u"60"_s});
        QTRY_VERIFY_WITH_TIMEOUT(finished(sim), Long);
        QCOMPARE(sim->exitCode(), 0);
        const QString out = QString::fromUtf8(sim->readAllStandardOutput());
        qInfo().noquote() << out;
        const QHash<QString, QString> summary = summaryOf(out);
        const qsizetype sent = summary.value(u"sent"_s).toLongLong();
        QVERIFY(sent > 0);
        QCOMPARE(summary.value(u"stored"_s).toLongLong(), sent);
        QCOMPARE(summary.value(u"rejected"_s), u"0"_s);
        QCOMPARE(summary.value(u"unacknowledged"_s), u"0"_s);
        QCOMPARE(summary.value(u"resent"_s), u"0"_s);
        qsizetype recorded = 0;
        for (const JournalEntry &e : f.journal())
            recorded += e.source == "gateway:gw-test"_L1 && e.kind == EntryKind::DeviceHeartbeat ? 1 : 0;
        QCOMPARE(recorded, sent);
    }
};

QTEST_GUILESS_MAIN(TestSimIngest)
#include "tst_simingest.moc"
