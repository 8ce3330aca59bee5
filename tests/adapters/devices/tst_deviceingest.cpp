// The shared ingest of the device sources alone (adapters/devices/deviceingest.h): what a
// source submits reaches the store under the ingest's tickets, each entry's answer comes back
// to the source that waits for it, and the answers the source gave are counted on its row.
// The store is a fake that records the submissions; its answers are written by hand.

#include "deviceingest.h"
#include "manualclock.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace relais;

namespace {

JournalEntry message(const QString &messageId, QLatin1StringView kind = EntryKind::DeviceHeartbeat)
{
    JournalEntry e;
    e.source = QStringLiteral("gateway:gw-1");
    e.messageId = messageId;
    e.kind = kind;
    e.actor = Actor::system();
    return e;
}

WriteResult result(quint64 ticket, int index, WriteResult::Status status, const QString &why = {})
{
    WriteResult r;
    r.ticket = ticket;
    r.index = index;
    r.status = status;
    r.error = Error{QStringLiteral("code"), why};
    return r;
}

} // namespace

class TestDeviceIngest final : public QObject
{
    Q_OBJECT

private:
    struct Submitted
    {
        quint64 ticket = 0;
        QList<JournalEntry> entries;
    };

    const QDateTime t0 = QDateTime(QDate(2026, 12, 8), QTime(1, 0), Qt::UTC);
    ManualClock m_clock{t0};
    QList<Submitted> m_submitted;

    std::unique_ptr<DeviceIngest> makeIngest()
    {
        m_submitted.clear();
        return std::make_unique<DeviceIngest>(
            [this](quint64 ticket, const QList<JournalEntry> &entries) {
                m_submitted.append({ticket, entries});
            },
            &m_clock);
    }

private slots:
    void stampsTheTimeOfReceiptAndUsesItsOwnTickets()
    {
        auto ingest = makeIngest();
        QObject source;
        JournalEntry dated = message(QStringLiteral("m-2"));
        dated.time = t0.addSecs(-30); // a time the source set itself is kept
        ingest->submit(QStringLiteral("gateway:gw-1"), {message(QStringLiteral("m-1")), dated}, &source,
                       [](const WriteResult &) { return true; });
        ingest->submit({}, {message(QStringLiteral("m-3"))}, nullptr, {}); // nobody waits
        QCOMPARE(m_submitted.size(), 2);
        QCOMPARE(m_submitted.at(0).entries.at(0).time, t0);
        QCOMPARE(m_submitted.at(0).entries.at(1).time, t0.addSecs(-30));
        QVERIFY(m_submitted.at(0).ticket & DeviceIngest::TicketBit);
        QVERIFY(m_submitted.at(1).ticket & DeviceIngest::TicketBit);
        QVERIFY(m_submitted.at(0).ticket != m_submitted.at(1).ticket);
        QCOMPARE(ingest->pendingTickets(), 1); // only the one somebody waits for
        ingest->submit(QStringLiteral("gateway:gw-1"), {}, &source, [](const WriteResult &) { return true; });
        QCOMPARE(m_submitted.size(), 2); // nothing to journal, nothing sent
    }

    void answersEachEntryOnceAndCountsItOnTheRow()
    {
        auto ingest = makeIngest();
        QObject source;
        QList<WriteResult> answered;
        const QString key = QStringLiteral("gateway:gw-1");
        ingest->submit(key,
                       {message(QStringLiteral("a")), message(QStringLiteral("b")), message(QStringLiteral("c")),
                        message(QStringLiteral("d"), EntryKind::DeviceRejected), message(QStringLiteral("e")),
                        message(QStringLiteral("f"))},
                       &source, [&answered](const WriteResult &r) {
                           answered.append(r);
                           return true;
                       });
        const quint64 ticket = m_submitted.at(0).ticket;
        // Over two batches, with another submitter's results between (no ticket bit): ignored.
        ingest->onProcessed(
            {result(ticket, 0, WriteResult::Status::Stored), result(ticket, 1, WriteResult::Status::Duplicate),
             result(7, 0, WriteResult::Status::Stored), result(ticket, 2, WriteResult::Status::Rejected)});
        QCOMPARE(answered.size(), 3);
        QCOMPARE(ingest->pendingTickets(), 1);
        ingest->onProcessed({result(ticket, 3, WriteResult::Status::Stored), // a refusal, now journaled
                             result(ticket, 4, WriteResult::Status::Refused),
                             result(ticket, 5, WriteResult::Status::Failed, QStringLiteral("disk full"))});
        QCOMPARE(answered.size(), 6);
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(answered.at(i).ticket, ticket);
            QCOMPARE(answered.at(i).index, i);
        }
        QCOMPARE(ingest->pendingTickets(), 0); // forgotten with its last answer
        const GatewayStatus row = ingest->statusRow(key);
        QCOMPARE(row.key, key);
        QCOMPARE(row.stored, 1u);
        QCOMPARE(row.duplicate, 1u);
        QCOMPARE(row.rejected, 4u); // rejected, the journaled refusal, refused, failed
        QCOMPARE(row.lastError, QStringLiteral("disk full"));
    }

    void countsOnlyWhatTheSourceAnswered()
    {
        auto ingest = makeIngest();
        const QString key = QStringLiteral("serial:/dev/ttyUSB0");
        auto gone = std::make_unique<QObject>();
        QObject source;
        int called = 0;
        // The source dropped the first message (its session started over): not counted.
        ingest->submit(key, {message(QStringLiteral("a")), message(QStringLiteral("b"))}, &source,
                       [&called](const WriteResult &r) {
                           ++called;
                           return r.index == 1;
                       });
        // A source that went away is not called at all.
        ingest->submit(key, {message(QStringLiteral("c"))}, gone.get(), [&called](const WriteResult &) {
            ++called;
            return true;
        });
        gone.reset();
        const quint64 first = m_submitted.at(0).ticket;
        const quint64 second = m_submitted.at(1).ticket;
        ingest->onProcessed({result(first, 0, WriteResult::Status::Stored),
                             result(first, 1, WriteResult::Status::Stored),
                             result(second, 0, WriteResult::Status::Stored)});
        QCOMPARE(called, 2);
        QCOMPARE(ingest->statusRow(key).stored, 1u);
        QCOMPARE(ingest->pendingTickets(), 0);
        // Without a row: answered, never counted anywhere.
        ingest->submit({}, {message(QStringLiteral("d"))}, &source, [&called](const WriteResult &) {
            ++called;
            return true;
        });
        ingest->onProcessed({result(m_submitted.at(2).ticket, 0, WriteResult::Status::Stored)});
        QCOMPARE(called, 3);
        QCOMPARE(ingest->statusRows().size(), 1);
    }

    void rowsAreChangedBySourcesAndPublished()
    {
        auto ingest = makeIngest();
        QSignalSpy published(ingest.get(), &DeviceIngest::statusChanged);
        const QString key = QStringLiteral("gateway:gw-1");
        ingest->updateRow(key, [](GatewayStatus &row, const QDateTime &now) {
            row.link = GatewayStatus::Link::Connected;
            row.lastMessage = now;
        });
        m_clock.advance(1500);
        ingest->updateRow(key, [](GatewayStatus &row, const QDateTime &) { row.lastError = QStringLiteral("late"); });
        GatewayStatus row = ingest->statusRow(key);
        QCOMPARE(row.key, key);
        QCOMPARE(row.since, t0); // created then
        QCOMPARE(row.lastMessage, t0);
        QCOMPARE(row.link, GatewayStatus::Link::Connected);
        QCOMPARE(row.lastError, QStringLiteral("late"));
        // Published once for both changes, a few times a second at most.
        QTRY_COMPARE_WITH_TIMEOUT(published.size(), 1, 2000);
        QCOMPARE(published.at(0).at(0).value<GatewayStatus>(), row);
        QTest::qWait(300);
        QCOMPARE(published.size(), 1); // nothing changed since
    }
};

QTEST_GUILESS_MAIN(TestDeviceIngest)
#include "tst_deviceingest.moc"
