// What the store writes to the log (docs/logging.md), through the real hub and the real file:
// a batch that cannot be stored is logged from the writer thread as a relais.store warning, with
// the database's reason and never the entries' personal details.
#include "logging/loghub.h"
#include "logging/rotatingfilesink.h"
#include "scenario.h"
#include "sqlconnection.h"
#include "store.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using relais::test::Scenario;
using S = relais::WriteResult::Status;

namespace {

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestStoreLogging final : public QObject
{
    Q_OBJECT

private slots:
    void aFailedBatchIsLoggedWithoutPersonalDetails()
    {
        QTemporaryDir home;
        LogHub hub;
        auto file = std::make_shared<RotatingFileSink>(RotatingFileSink::directoryIn(home.path()));
        QVERIFY2(file->open(), qPrintable(file->errorString()));
        hub.addSink(file);

        Store store;
        QVERIFY2(store.open(home.path()), qPrintable(store.errorString()));
        {
            // The database refuses any entry that carries this address.
            SqlConnection c(QStringLiteral("trigger"));
            QVERIFY(c.open(store.databasePath()));
            QSqlQuery q(c.database());
            QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER poison BEFORE INSERT ON journal "
                                          "WHEN NEW.payload LIKE '%Planques%' "
                                          "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")));
        }
        const QString address = QStringLiteral("7 impasse des Planques");
        const QString beneficiary = QStringLiteral("Honorine Secretname");
        const QString note = QStringLiteral("clé sous le paillasson bleu");
        Scenario s;
        const JournalEntry entry = s.action(EntryKind::DeviceRegistered, {{"device", "d-planted"},
                                                                          {"kind", "panic_button"},
                                                                          {"label", beneficiary},
                                                                          {"beneficiary", beneficiary},
                                                                          {"address", address},
                                                                          {"notes", note},
                                                                          {"lat", 48.1},
                                                                          {"lon", 2.1},
                                                                          {"interval_s", 900}});
        QList<WriteResult> results;
        QStringList failures;
        connect(&store, &Store::itemsProcessed, this, [&results](const QList<WriteResult> &r) { results += r; });
        connect(&store, &Store::failed, this, [&failures](const QString &m) { failures.append(m); });
        store.submit(Store::newTicket(), {entry, s.registerDevice(QStringLiteral("d-ok"), 48.2, 2.2)},
                     Store::SubmitMode::AllOrNothing);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 30000);
        QCOMPARE(results.first().status, S::Failed);
        QTRY_COMPARE(failures.size(), 1);
        // A batch stored is not logged.
        store.submit(Store::newTicket(), {s.registerDevice(QStringLiteral("d-fine"), 48.3, 2.3)});
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 30000);
        QCOMPARE(results.last().status, S::Stored);
        store.close();
        hub.flush();

        const QByteArray log = contents(file->filePath());
        const QList<QByteArray> lines = log.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(" warning relais.store: None of the last 2 entries was stored: ")
                     && lines.first().contains("refused by the test"),
                 log.constData());
        for (const QString &detail : {address, QStringLiteral("Planques"), beneficiary, QStringLiteral("Secretname"),
                                      note, QStringLiteral("d-planted"), QStringLiteral("d-ok")})
            QVERIFY2(!log.contains(detail.toUtf8()), qPrintable(detail));
    }
};

QTEST_GUILESS_MAIN(TestStoreLogging)
#include "tst_storelogging.moc"
