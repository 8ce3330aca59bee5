// `relais export …` and `relais costs …`: a scenario with known answers committed into a real
// store, the real executable run as a scheduled job would (no display), the files parsed back.

#include "csvreader.h"
#include "exportcommand.h"
#include "exportscenario.h"
#include "reports.h"
#include "store.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

QHash<QString, QString> rowWhere(const QList<CsvReader::Record> &records, const QString &column, const QString &value)
{
    if (records.isEmpty())
        return {};
    const QStringList header = records.constFirst().fields;
    const qsizetype c = header.indexOf(column);
    for (qsizetype i = 1; i < records.size(); ++i) {
        if (records.at(i).fields.value(c) == value) {
            QHash<QString, QString> row;
            for (qsizetype k = 0; k < header.size(); ++k)
                row.insert(header.at(k), records.at(i).fields.value(k));
            return row;
        }
    }
    return {};
}

QString metric(const QList<CsvReader::Record> &records, const QString &name, const QString &key = QString())
{
    for (const CsvReader::Record &r : records) {
        if (r.fields.value(2) == name && r.fields.value(3) == key)
            return r.fields.value(4);
    }
    return QStringLiteral("<absent>");
}

} // namespace

class TestExportCommand final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_dataDir;
    DispatchState m_replayed; // the scenario through the reducer, to compare with

    // As a scheduled job runs it: no display at all, no platform plugin chosen.
    QProcessEnvironment environment(const QString &tz = QStringLiteral("UTC")) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *var : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"})
            env.remove(QString::fromLatin1(var));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.path());
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("USER"), QStringLiteral("anne"));
        env.insert(QStringLiteral("TZ"), tz);
        return env;
    }

    Run runRelais(const QStringList &arguments, const QString &tz = QStringLiteral("UTC")) const
    {
        QProcess p;
        p.setProcessEnvironment(environment(tz));
        p.start(QStringLiteral(RELAIS_EXE), arguments);
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            r.err = "timed out";
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QStringList withData(QStringList arguments) const { return arguments << QStringLiteral("--data-dir") << m_dataDir; }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
    }

    static QList<CsvReader::Record> parsed(const QByteArray &bytes, QChar separator)
    {
        const Result<QList<CsvReader::Record>> r = CsvReader::parse(bytes, separator);
        return r ? r.value() : QList<CsvReader::Record>{};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_dataDir = m_home.filePath(QStringLiteral("desk"));
        const QList<JournalEntry> entries = ExportScenario::entries();
        JournalBuilder j(ExportScenario::at(1, 7, 0));
        const QString refusal = j.commit(m_replayed, entries);
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));

        // The scenario committed into a real store, as the console would have.
        Store store;
        QVERIFY2(store.open(m_dataDir), qPrintable(store.errorString()));
        QSignalSpy processed(&store, &Store::itemsProcessed);
        store.submit(Store::newTicket(), entries);
        int results = 0;
        while (results < entries.size()) {
            if (processed.isEmpty())
                QVERIFY(processed.wait(20000));
            for (const WriteResult &r : processed.takeFirst().constFirst().value<QList<WriteResult>>()) {
                QVERIFY2(r.status == WriteResult::Status::Stored, qPrintable(r.error.message));
                ++results;
            }
        }
        store.close();

        // The running costs, through the command line.
        for (const RunningCost &c : ExportScenario::costs()) {
            const Run r = runRelais(withData({QStringLiteral("costs"), QStringLiteral("add"), QStringLiteral("--from"),
                                              c.from.toString(Qt::ISODate), QStringLiteral("--to"),
                                              c.to.toString(Qt::ISODate), QStringLiteral("--label"), c.label,
                                              QStringLiteral("--amount"), Reports::formatAmount(c.amount.cents())}));
            QVERIFY2(r.code == 0, r.err.constData());
            QVERIFY(r.out.contains("Recorded running cost"));
        }
    }

    void momentsOnTheCommandLine()
    {
        const QTimeZone plusOne = ExportScenario::zone();
        QCOMPARE(ExportCommand::parseMoment(QStringLiteral("2024-03-01"), plusOne, false).value(),
                 ExportScenario::dayStart());
        QCOMPARE(ExportCommand::parseMoment(QStringLiteral("2024-03-01"), plusOne, true).value(),
                 ExportScenario::dayEnd());
        QCOMPARE(ExportCommand::parseMoment(QStringLiteral("2024-03-01T08:00:00Z"), plusOne, false).value(),
                 ExportScenario::at(1, 8, 0));
        QCOMPARE(ExportCommand::parseMoment(QStringLiteral("2024-03-01T09:00:00+01:00"), plusOne, true).value(),
                 ExportScenario::at(1, 8, 0));
        // No offset: in the report's zone.
        QCOMPARE(ExportCommand::parseMoment(QStringLiteral("2024-03-01T09:00"), plusOne, false).value(),
                 ExportScenario::at(1, 8, 0));
        for (const char *bad : {"", "yesterday", "2024-02-30", "01/03/2024", "2024-03-01T25:00"})
            QVERIFY2(!ExportCommand::parseMoment(QString::fromLatin1(bad), plusOne, false).ok(), bad);
    }

    void readsTheJournalWithoutTheFolder()
    {
        // The same state as replaying the scenario, and the costs in journal order.
        const Result<ExportCommand::Snapshot> read =
            ExportCommand::read(QDir(m_dataDir).filePath(Store::databaseFileName()));
        QVERIFY2(read.ok(), qPrintable(read.errorString()));
        QCOMPARE(read->costs, ExportScenario::costs());
        QCOMPARE(read->state.alarms(), m_replayed.alarms());
        QCOMPARE(read->state.missions(), m_replayed.missions());
        QCOMPARE(read->state.shifts(), m_replayed.shifts());
        QVERIFY(!ExportCommand::read(m_home.filePath(QStringLiteral("nowhere/relais.sqlite"))).ok());
        // The costs alone, for the console's transparency export.
        const Result<QList<RunningCost>> costs =
            ExportCommand::readCosts(QDir(m_dataDir).filePath(Store::databaseFileName()));
        QVERIFY2(costs.ok(), qPrintable(costs.errorString()));
        QCOMPARE(costs.value(), ExportScenario::costs());
        QVERIFY(!ExportCommand::readCosts(m_home.filePath(QStringLiteral("nowhere/relais.sqlite"))).ok());
    }

    void shiftReportOfAShift()
    {
        const QString file = m_home.filePath(QStringLiteral("shift-1.csv"));
        const Run r =
            runRelais(withData({QStringLiteral("export"), QStringLiteral("shift"), QStringLiteral("--shift"),
                                QStringLiteral("1"), QStringLiteral("--out"), file, QStringLiteral("--separator"),
                                QStringLiteral(";"), QStringLiteral("--with-names"), QStringLiteral("--bom")}),
                      QStringLiteral("Europe/Paris"));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.isEmpty());
        const QByteArray bytes = readFile(file);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QList<CsvReader::Record> records = parsed(bytes, QLatin1Char(';'));
        QCOMPARE(records.size(), 5); // header + A2..A5
        QCOMPARE(records.constFirst().fields, Reports::shiftColumns());
        const auto a2 = rowWhere(records, QStringLiteral("alarm_id"), QStringLiteral("2"));
        QCOMPARE(a2.value(QStringLiteral("helper_name")), ExportScenario::helper1Name());
        QCOMPARE(a2.value(QStringLiteral("address")), ExportScenario::address1());
        QCOMPARE(a2.value(QStringLiteral("received_at")), QStringLiteral("2024-03-01T09:00:00+01:00"));
        QCOMPARE(a2.value(QStringLiteral("total_s")), QStringLiteral("1200"));
        QCOMPARE(a2.value(QStringLiteral("fee")), QStringLiteral("12.50"));
        const auto a3 = rowWhere(records, QStringLiteral("alarm_id"), QStringLiteral("3"));
        QCOMPARE(a3.value(QStringLiteral("redispatch_count")), QStringLiteral("1"));
        QCOMPARE(a3.value(QStringLiteral("assign_s")), QStringLiteral("300"));
        QCOMPARE(a3.value(QStringLiteral("address")), ExportScenario::address2());

        // "last" is the same shift here.
        const Run last =
            runRelais(withData({QStringLiteral("export"), QStringLiteral("shift"), QStringLiteral("--shift"),
                                QStringLiteral("last"), QStringLiteral("--separator"), QStringLiteral(";"),
                                QStringLiteral("--with-names"), QStringLiteral("--bom")}),
                      QStringLiteral("Europe/Paris"));
        QVERIFY2(last.code == 0, last.err.constData());
        QCOMPARE(last.out, bytes);
    }

    // What the executable writes from the store is, byte for byte, what the builders make of
    // the replayed scenario.
    void exportsEqualTheBuildersOnTheReplayedJournal_data()
    {
        QTest::addColumn<QString>("report");
        QTest::newRow("shift") << QStringLiteral("shift");
        QTest::newRow("payouts") << QStringLiteral("payouts");
        QTest::newRow("transparency") << QStringLiteral("transparency");
    }

    void exportsEqualTheBuildersOnTheReplayedJournal()
    {
        QFETCH(QString, report);
        const QString file = m_home.filePath(report + QStringLiteral(".csv"));
        const Run r = runRelais(withData({QStringLiteral("export"), report, QStringLiteral("--from"),
                                          QStringLiteral("2024-03-01T00:00:00+01:00"), QStringLiteral("--to"),
                                          QStringLiteral("2024-03-02T00:00:00+01:00"), QStringLiteral("--utc"),
                                          QStringLiteral("--out"), file}));
        QVERIFY2(r.code == 0, r.err.constData());
        ReportFormat format; // English defaults: ",", no BOM, no names
        format.timeZone = QTimeZone::utc();
        const ReportPeriod day{ExportScenario::dayStart(), ExportScenario::dayEnd()};
        // The costs prorated on UTC days, as --utc asks.
        const QList<QStringList> expected =
            report == QLatin1String("shift") ? Reports::shiftTable(m_replayed, day, format)
            : report == QLatin1String("payouts")
                ? Reports::payoutTable(m_replayed, day, format)
                : Reports::transparencyTable(m_replayed, day, ExportScenario::costs(), format);
        QCOMPARE(readFile(file), CsvWriter::toBytes(expected, format.csvOptions()));
    }

    void payoutsAndTransparencyOfADay()
    {
        // A day named by its date, in the system's time zone (Paris: UTC+01:00 on 1 March).
        const Run payouts =
            runRelais(withData({QStringLiteral("export"), QStringLiteral("payouts"), QStringLiteral("--from"),
                                QStringLiteral("2024-03-01"), QStringLiteral("--to"), QStringLiteral("2024-03-01")}),
                      QStringLiteral("Europe/Paris"));
        QVERIFY2(payouts.code == 0, payouts.err.constData());
        const QList<CsvReader::Record> p = parsed(payouts.out, QLatin1Char(','));
        QCOMPARE(p.size(), 3);
        const auto h1 = rowWhere(p, QStringLiteral("helper_id"), QStringLiteral("h1"));
        QCOMPARE(h1.value(QStringLiteral("period_from")), QStringLiteral("2024-03-01T00:00:00+01:00"));
        QCOMPARE(h1.value(QStringLiteral("period_to")), QStringLiteral("2024-03-02T00:00:00+01:00"));
        QCOMPARE(h1.value(QStringLiteral("missions")), QStringLiteral("2"));
        QCOMPARE(h1.value(QStringLiteral("total")), QStringLiteral("25.00"));
        QCOMPARE(h1.value(QStringLiteral("helper_name")), QString());
        QCOMPARE(rowWhere(p, QStringLiteral("helper_id"), QStringLiteral("h2")).value(QStringLiteral("total")),
                 QStringLiteral("5.00"));

        // French: ";" by default.
        const Run transparency =
            runRelais(withData({QStringLiteral("export"), QStringLiteral("transparency"), QStringLiteral("--from"),
                                QStringLiteral("2024-03-01"), QStringLiteral("--to"), QStringLiteral("2024-03-01"),
                                QStringLiteral("--lang"), QStringLiteral("fr")}),
                      QStringLiteral("Europe/Paris"));
        QVERIFY2(transparency.code == 0, transparency.err.constData());
        QVERIFY(transparency.out.startsWith("period_from;period_to;metric;key;value;unit\r\n"));
        const QList<CsvReader::Record> t = parsed(transparency.out, QLatin1Char(';'));
        QCOMPARE(metric(t, QStringLiteral("alarms"), QStringLiteral("total")), QStringLiteral("6"));
        QCOMPARE(metric(t, QStringLiteral("false_alarm_rate")), QStringLiteral("0.5000"));
        QCOMPARE(metric(t, QStringLiteral("median_total_s")), QStringLiteral("750"));
        QCOMPARE(metric(t, QStringLiteral("paid_to_helpers")), QStringLiteral("30.00"));
        QCOMPARE(metric(t, QStringLiteral("running_cost"), QStringLiteral("Phone line; \"pro\"")),
                 QStringLiteral("1.00"));
        QCOMPARE(metric(t, QStringLiteral("running_cost"), QStringLiteral("Insurance")), QStringLiteral("1.00"));
        QCOMPARE(metric(t, QStringLiteral("total_costs")), QStringLiteral("32.00"));
        QCOMPARE(metric(t, QStringLiteral("running_costs_share"), QStringLiteral("EUR")), QStringLiteral("0.0625"));
        QVERIFY(!transparency.out.contains("Dupont"));
        QVERIFY(!transparency.out.contains("B-001"));
    }

    void costsAreListed()
    {
        const Run r = runRelais(withData({QStringLiteral("costs"), QStringLiteral("list")}));
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<CsvReader::Record> records = parsed(r.out, QLatin1Char(','));
        QCOMPARE(records.size(), 4);
        QCOMPARE(records.at(1).fields,
                 (QStringList{QStringLiteral("2024-03-01"), QStringLiteral("2024-03-31"),
                              QStringLiteral("Phone line; \"pro\""), QStringLiteral("31.00"), QStringLiteral("EUR")}));
    }

    // A console running on the folder does not stop an export; it does stop `costs add`.
    void whileAConsoleHoldsTheFolder()
    {
        Store console;
        QVERIFY2(console.open(m_dataDir), qPrintable(console.errorString()));
        const Run exported = runRelais(withData({QStringLiteral("export"), QStringLiteral("payouts"),
                                                 QStringLiteral("--from"), QStringLiteral("2024-03-01")}));
        QVERIFY2(exported.code == 0, exported.err.constData());
        QVERIFY(exported.out.contains("h1"));
        const Run added = runRelais(withData(
            {QStringLiteral("costs"), QStringLiteral("add"), QStringLiteral("--from"), QStringLiteral("2024-04-01"),
             QStringLiteral("--to"), QStringLiteral("2024-04-30"), QStringLiteral("--label"), QStringLiteral("Rent"),
             QStringLiteral("--amount"), QStringLiteral("100")}));
        QCOMPARE(added.code, 1);
        QVERIFY(added.err.startsWith("relais costs add: "));
    }

    void errorsGoToStderrWithAnExitCode_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::newRow("no report") << QStringList{QStringLiteral("export")} << 2;
        QTest::newRow("unknown report") << QStringList{QStringLiteral("export"), QStringLiteral("salaries"),
                                                       QStringLiteral("--from"), QStringLiteral("2024-03-01")}
                                        << 2;
        QTest::newRow("no period") << QStringList{QStringLiteral("export"), QStringLiteral("payouts")} << 2;
        QTest::newRow("bad time") << QStringList{QStringLiteral("export"), QStringLiteral("payouts"),
                                                 QStringLiteral("--from"), QStringLiteral("March")}
                                  << 2;
        QTest::newRow("backwards") << QStringList{QStringLiteral("export"), QStringLiteral("payouts"),
                                                  QStringLiteral("--from"), QStringLiteral("2024-03-02"),
                                                  QStringLiteral("--to"),   QStringLiteral("2024-03-01")}
                                   << 2;
        QTest::newRow("shift and period")
            << QStringList{QStringLiteral("export"), QStringLiteral("shift"),  QStringLiteral("--shift"),
                           QStringLiteral("1"),      QStringLiteral("--from"), QStringLiteral("2024-03-01")}
            << 2;
        QTest::newRow("bad separator") << QStringList{QStringLiteral("export"),      QStringLiteral("shift"),
                                                      QStringLiteral("--shift"),     QStringLiteral("1"),
                                                      QStringLiteral("--separator"), QStringLiteral("|")}
                                       << 2;
        QTest::newRow("unknown option") << QStringList{QStringLiteral("export"), QStringLiteral("shift"),
                                                       QStringLiteral("--colour")}
                                        << 2;
        QTest::newRow("unknown shift") << QStringList{QStringLiteral("export"), QStringLiteral("shift"),
                                                      QStringLiteral("--shift"), QStringLiteral("99")}
                                       << 1;
        QTest::newRow("costs without label")
            << QStringList{QStringLiteral("costs"),      QStringLiteral("add"),  QStringLiteral("--from"),
                           QStringLiteral("2024-03-01"), QStringLiteral("--to"), QStringLiteral("2024-03-31"),
                           QStringLiteral("--amount"),   QStringLiteral("5")}
            << 2;
        QTest::newRow("costs bad amount")
            << QStringList{QStringLiteral("costs"),      QStringLiteral("add"),  QStringLiteral("--from"),
                           QStringLiteral("2024-03-01"), QStringLiteral("--to"), QStringLiteral("2024-03-31"),
                           QStringLiteral("--label"),    QStringLiteral("x"),    QStringLiteral("--amount"),
                           QStringLiteral("five")}
            << 2;
        QTest::newRow("costs backwards") << QStringList{
            QStringLiteral("costs"),      QStringLiteral("add"),  QStringLiteral("--from"),
            QStringLiteral("2024-03-31"), QStringLiteral("--to"), QStringLiteral("2024-03-01"),
            QStringLiteral("--label"),    QStringLiteral("x"),    QStringLiteral("--amount"),
            QStringLiteral("5")} << 2;
        QTest::newRow("costs what") << QStringList{QStringLiteral("costs"), QStringLiteral("remove")} << 2;
    }

    void errorsGoToStderrWithAnExitCode()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        const Run r = runRelais(withData(arguments));
        QCOMPARE(r.code, code);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith("relais export: ") || r.err.startsWith("relais costs"), r.err.constData());
    }

    void failuresLeaveNoFile()
    {
        // No journal in the folder named.
        const Run none = runRelais({QStringLiteral("export"), QStringLiteral("payouts"), QStringLiteral("--from"),
                                    QStringLiteral("2024-03-01"), QStringLiteral("--data-dir"),
                                    m_home.filePath(QStringLiteral("empty"))});
        QCOMPARE(none.code, 1);
        QVERIFY(none.err.contains("no journal"));
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("empty/relais.sqlite"))));

        // A folder that does not exist for the output.
        const QString file = m_home.filePath(QStringLiteral("missing/folder/out.csv"));
        const Run unwritable =
            runRelais(withData({QStringLiteral("export"), QStringLiteral("payouts"), QStringLiteral("--from"),
                                QStringLiteral("2024-03-01"), QStringLiteral("--out"), file}));
        QCOMPARE(unwritable.code, 1);
        QVERIFY(unwritable.err.startsWith("relais export: cannot write"));
        QVERIFY(!QFileInfo::exists(file));
    }

    void helpNeedsNoDisplay()
    {
        const Run r = runRelais({QStringLiteral("export"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("--with-names"));
        QVERIFY(r.out.contains("shift|payouts|transparency"));
        const Run costs = runRelais({QStringLiteral("costs"), QStringLiteral("--help")});
        QCOMPARE(costs.code, 0);
        QVERIFY(costs.out.contains("--amount"));
    }
};

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
