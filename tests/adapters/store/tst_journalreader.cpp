// JournalReader: entries come back exactly as committed; ranges, walks, counts, lookups;
// a reader never blocks the writer and sees only committed entries.

#include "journalreader.h"
#include "journalwriter.h"
#include "migrations.h"
#include "scenario.h"
#include "sqlconnection.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using relais::test::Scenario;

namespace {

class Fixture final
{
public:
    Fixture()
    {
        path = dir.filePath(QStringLiteral("relais.sqlite"));
        {
            SqlConnection c(QStringLiteral("setup"));
            ok = c.open(path) && Migrations::migrate(c.database(), c.dialect()).ok();
        }
        writer = std::make_unique<JournalWriter>(path, DispatchState());
        QObject::connect(writer.get(), &JournalWriter::committed, writer.get(),
                         [this](const QList<JournalEntry> &e) { committed += e; });
        ok = ok && writer->open() && reader.open(path);
    }

    void write(const QList<JournalEntry> &entries)
    {
        writer->submit(1, entries);
        writer->drainAll();
    }

    QTemporaryDir dir;
    QString path;
    bool ok = false;
    std::unique_ptr<JournalWriter> writer;
    SqlConnection reader{QStringLiteral("reader")};
    QList<JournalEntry> committed;
};

} // namespace

class TestJournalReader final : public QObject
{
    Q_OBJECT

private slots:
    void entriesComeBackExactly()
    {
        Fixture f;
        QVERIFY(f.ok);
        Scenario s;
        JournalEntry odd = s.deviceMessage(EntryKind::DeviceHeartbeat,
                                           {{"device", "d-é✓"},
                                            {"battery", 12},
                                            {"big", qint64(1) << 40},
                                            {"ratio", 0.1},
                                            {"flag", true},
                                            {"nothing", QJsonValue::Null},
                                            {"list", QJsonArray{1, "deux", 3.5, QJsonObject{{"k", "v"}}}},
                                            {"nested", QJsonObject{{"a", QJsonObject{{"b", "c"}}}}}},
                                           QStringLiteral("id with spaces ✓"), QByteArray("\x00\x01\x02\xff\x00", 5));
        JournalEntry quiet = s.action(EntryKind::ShiftStarted, {{"operator", "Zoë"}}, Actor::system());
        JournalEntry byHelper = s.action(EntryKind::HelperRegistered, {{"helper", "h1"}, {"name", "Ana"}},
                                         Actor::helper(QStringLiteral("h1")));
        f.write({odd, quiet, byHelper, Scenario(2).scripted().first()});
        QCOMPARE(f.committed.size(), 4);

        JournalReader reader(f.reader.database());
        const Result<QList<JournalEntry>> all = reader.read(0, 100);
        QVERIFY(all.ok());
        QCOMPARE(all.value(), f.committed);
        QCOMPARE(all.value().first().raw, odd.raw);
        QCOMPARE(all.value().first().payload, odd.payload);
        QCOMPARE(all.value().first().messageId, odd.messageId);
        QCOMPARE(all.value().at(1).actor, Actor::system());
        QCOMPARE(all.value().at(2).actor, Actor::helper(QStringLiteral("h1")));
    }

    void readsRangesAndWalksInSeqOrder()
    {
        Fixture f;
        QVERIFY(f.ok);
        Scenario s;
        QList<JournalEntry> beats;
        for (int i = 0; i < 50; ++i)
            beats.append(s.heartbeat(QStringLiteral("d1"), i, QStringLiteral("m%1").arg(i)));
        f.write(beats);
        JournalReader reader(f.reader.database());
        QCOMPARE(reader.lastSeq().value(), qint64(50));
        QCOMPARE(reader.count().value(), qint64(50));

        const QList<JournalEntry> page = reader.read(10, 5).value();
        QCOMPARE(page.size(), 5);
        QCOMPARE(page.first().seq, qint64(11));
        QCOMPARE(page.last().seq, qint64(15));
        QCOMPARE(page, f.committed.mid(10, 5));
        QVERIFY(reader.read(50, 10).value().isEmpty());

        QList<qint64> walked;
        QVERIFY(reader.forEach(
            [&](const JournalEntry &e) {
                walked.append(e.seq);
                return e.seq < 45;
            },
            40));
        QCOMPARE(walked, (QList<qint64>{41, 42, 43, 44, 45}));
    }

    void countsKindsAndFindsMessageIds()
    {
        Fixture f;
        QVERIFY(f.ok);
        Scenario s;
        f.write(s.scripted());
        JournalReader reader(f.reader.database());
        const QHash<QString, qint64> kinds = reader.countsByKind().value();
        QCOMPARE(kinds.value(EntryKind::HelperRegistered), qint64(4));
        QCOMPARE(kinds.value(EntryKind::DeviceRejected), qint64(1));
        QCOMPARE(kinds.value(EntryKind::AlarmAcknowledged), qint64(3)); // the 4th was refused
        qint64 sum = 0;
        for (qint64 n : kinds)
            sum += n;
        QCOMPARE(sum, reader.count().value());

        const JournalEntry &withId = *std::find_if(f.committed.cbegin(), f.committed.cend(),
                                                   [](const JournalEntry &e) { return !e.messageId.isEmpty(); });
        const auto found = reader.findByMessageId(withId.source, withId.messageId);
        QVERIFY(found.ok());
        QVERIFY(found.value().has_value());
        QCOMPARE(*found.value(), withId);
        QVERIFY(!reader.findByMessageId(QStringLiteral("gateway:nobody"), withId.messageId).value().has_value());
    }

    void aReaderSeesOnlyCommittedEntriesAndNeverBlocksTheWriter()
    {
        Fixture f;
        QVERIFY(f.ok);
        Scenario s;
        f.write({s.heartbeat(QStringLiteral("d1"), 1, QStringLiteral("a"))});
        QSqlDatabase &db = f.reader.database();
        QVERIFY(db.transaction()); // a long read, e.g. an export
        JournalReader reader(db);
        QCOMPARE(reader.count().value(), qint64(1));
        f.write({s.heartbeat(QStringLiteral("d1"), 2, QStringLiteral("b")),
                 s.heartbeat(QStringLiteral("d1"), 3, QStringLiteral("c"))});
        QCOMPARE(f.committed.size(), 3);             // the writer committed meanwhile
        QCOMPARE(reader.count().value(), qint64(1)); // the reader keeps its snapshot
        QVERIFY(db.commit());
        QCOMPARE(reader.count().value(), qint64(3));
    }
};

QTEST_GUILESS_MAIN(TestJournalReader)
#include "tst_journalreader.moc"
