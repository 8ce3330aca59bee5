#pragma once

#include "dispatchstate.h"
#include "journalentry.h"
#include "writeresult.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QSqlQuery>

#include <array>
#include <atomic>
#include <deque>
#include <memory>
#include <optional>

struct sqlite3;

namespace relais {

class SqlConnection;
class SqliteStatement;
class StateWriter;

// The store's single writer. Lives on a thread of its own (owned by Store) with its own
// connection and its own replica of the desk state. Callers submit entries from any thread;
// the writer drains everything queued into one transaction per batch: for each entry
// dedupe → DispatchState::apply → journal row, then the changed state rows once per batch.
// Results and the committed entries are signalled only after COMMIT has returned; a batch
// that cannot be committed is rolled back, the replica reloaded, and every entry of it
// reported Failed. An all-or-nothing submission is judged as a whole inside its batch
// (never split across batches): stored entirely, or not at all and every entry Refused.
// On SQLite the hot statements use the C API (SqliteNative); other dialects, and SQLite
// when that is not possible, use the portable QSqlQuery statements.
class JournalWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JournalWriter)

public:
    static constexpr int defaultMaxBatchSize = 5000;

    // replica: the state as loaded from databasePath (the writer takes it over).
    JournalWriter(QString databasePath, DispatchState replica, QObject *parent = nullptr);
    ~JournalWriter() override;

    // Journal rows per INSERT statement on the SQLite fast path.
    static constexpr int rowsPerInsert = 64;

    // Thread-safe: queues the entries; results arrive as itemsProcessed. allOrNothing: the
    // entries are stored together in one transaction if the reducer accepts every one
    // (device messages included, judged like actions); if it refuses any, none is stored,
    // the replica and the tables are as before, and every entry is reported Refused (the
    // refused ones with the reducer's error, the others with "group_refused").
    void submit(quint64 ticket, const QList<JournalEntry> &items, bool allOrNothing = false);
    // Thread-safe. Takes effect from the next batch.
    void setMaxBatchSize(int items);
    quint64 committedTransactions() const { return m_transactions.load(); }
    qsizetype pendingItems() const;

    // The following run on the writer's thread only.
    bool open();  // connection + prepared statements
    void close(); // processes what is queued, then closes the connection
    void drainAll();
    // Processes what is queued, then clears the state tables and rewrites them by replaying
    // the whole journal through a fresh DispatchState, in one transaction.
    bool rebuildFromJournal();
    const DispatchState &replica() const { return m_replica; }
    // Whether the hot statements go through the SQLite C API (SqliteNative).
    bool usesSqliteApi() const { return m_native != nullptr; }
    QString errorString() const { return m_error; }

    // A message from a device or gateway (journaled as device.rejected when refused), as
    // opposed to the registry's device.registered/updated/removed actions.
    static bool isDeviceMessage(const QString &kind);
    // The device.rejected entry that records a refused device message.
    static JournalEntry rejectedEntry(const JournalEntry &original, const Error &why);

signals:
    void committed(const QList<relais::JournalEntry> &entries);
    void itemsProcessed(const QList<relais::WriteResult> &results);
    void failed(const QString &message);

private:
    // The text columns of the journal rows of a submission (source, message id, kind, actor,
    // payload JSON) as UTF-8, encoded by submit() on the caller's thread when the writer uses
    // the SQLite C API: the writer's thread, the store's bottleneck, then only binds them.
    // Item i's texts start at offsets[textsPerRow * i + t]; the next offset ends each one.
    static constexpr int textsPerRow = 5;
    struct EncodedTexts
    {
        QByteArray utf8;
        QList<qsizetype> offsets; // textsPerRow per item, and the end
    };
    // One journal row's texts: textsPerRow + 1 offsets into utf8 (null: not encoded yet).
    struct RowTexts
    {
        const char *utf8 = nullptr;
        const qsizetype *offsets = nullptr;
    };
    static std::shared_ptr<const EncodedTexts> encodeTexts(const QList<JournalEntry> &items);

    // Part of one submission: items [begin, end) of the caller's list (shared, not copied).
    struct Slice
    {
        quint64 ticket = 0;
        QList<JournalEntry> items;
        qsizetype begin = 0;
        qsizetype end = 0;
        bool allOrNothing = false;                 // never split: begin = 0, end = items.size()
        std::shared_ptr<const EncodedTexts> texts; // null: encoded by the writer
        RowTexts textsOf(qsizetype item) const
        {
            return texts ? RowTexts{texts->utf8.constData(), texts->offsets.constData() + textsPerRow * item}
                         : RowTexts{};
        }
    };

    // On the SQLite fast path the message ids of the next items of a slice (up to
    // rowsPerInsert) are claimed together, in one statement per power of two, before those
    // items are processed: item begin + k is claimed for seq firstSeq + k, the seq it gets if
    // every item before it is stored. Either every message id of [begin, end) is claimed
    // (claimed), or none is (one was claimed already, maybe by an item of the same group):
    // then each item claims its own, as on the portable path.
    struct PreClaims
    {
        qsizetype begin = 0;
        qsizetype end = 0;
        qint64 firstSeq = 0;
        bool claimed = false;
    };

    // What a batch produced so far.
    struct Batch
    {
        QList<WriteResult> results;
        QList<JournalEntry> stored; // the journal rows, in seq order
        QList<RowTexts> texts;      // their texts, when encoded by submit()
        qsizetype inserted = 0;     // stored[0, inserted) are in the journal table already
        DispatchState::Changes changes;
    };

    void drain();
    QList<Slice> takeBatch(bool *more);
    void process(const QList<Slice> &batch);
    // false: a statement failed (m_error), the batch must be rolled back. asAction: a
    // refused device message is Refused, not journaled as device.rejected. claimedAs: the
    // entry's message id was claimed already (preClaim), for that seq (0: not yet). texts:
    // what submit() encoded of its row, if anything.
    bool processItem(quint64 ticket, int index, const JournalEntry &entry, Batch &out, bool asAction, qint64 claimedAs,
                     RowTexts texts);
    bool processSlice(const Slice &slice, Batch &out);
    // Claims the message ids of items [from, from + rowsPerInsert) of slice (fewer at its end).
    bool preClaim(const Slice &slice, qsizetype from, PreClaims &pre);
    bool processAllOrNothing(const Slice &slice, Batch &out);
    // Dedupe claims: *claimed is false when (source, messageId) was claimed already.
    bool claim(const JournalEntry &e, bool *claimed);
    bool releaseClaim(const JournalEntry &e);
    // The claim made for seq `from` now points at e.seq (an entry before e was not stored).
    bool moveClaim(const JournalEntry &e, qint64 from);
    bool findDuplicate(const JournalEntry &e, Batch &out, WriteResult &r);
    // Inserts the journal rows not inserted yet (all of them, or only whole multi-row
    // statements when full is false).
    bool insertJournalRows(Batch &out, bool full = true);
    bool insertJournalRowsNative(Batch &out, bool full);
    bool execSql(const QString &sql);
    // A privacy.purged entry: redacts in place the earlier journal entries it names
    // (PrivacyPurge::redacted), in the batch's transaction.
    bool redactEntries(const JournalEntry &purge);
    void failBatch(const QList<Slice> &batch, const QString &message);
    bool exec(QSqlQuery &q);
    bool reloadReplica();
    void release(); // statements and connection, without processing what is queued

    const QString m_path;
    std::unique_ptr<SqlConnection> m_connection; // destroyed after the statements below
    std::unique_ptr<StateWriter> m_stateWriter;
    std::optional<QSqlQuery> m_insertJournal;
    std::optional<QSqlQuery> m_insertDedupe;
    std::optional<QSqlQuery> m_findDuplicate;
    std::optional<QSqlQuery> m_deleteDedupe;
    std::optional<QSqlQuery> m_moveDedupe;
    // The SQLite fast path (null when the portable statements above are used).
    sqlite3 *m_native = nullptr;
    // Claims of 64, 32, …, 1 message ids (the last one: an item's own claim).
    std::array<std::unique_ptr<SqliteStatement>, 7> m_claimNative;
    // INSERT INTO journal with 64, 32, …, 1 rows.
    std::array<std::unique_ptr<SqliteStatement>, 7> m_insertJournalNative;
    QByteArray m_claimText;         // UTF-8 of the message ids bound to the claims statement being run
    QByteArray m_text;              // UTF-8 of the values bound to the statement being run
    QList<qsizetype> m_textOffsets; // where each value starts in m_text
    QString m_lastSource;           // the source of the last claim, and its UTF-8
    QByteArray m_lastSourceUtf8;

    DispatchState m_replica;
    qint64 m_nextSeq = 1;
    bool m_replicaValid = true;
    // A purge in the batch: on SQLite, deleted content is overwritten (secure_delete) and the
    // WAL is checkpointed and truncated after the commit, so no copy of it stays in the files.
    bool m_purgeInBatch = false;
    QString m_error;

    mutable QMutex m_mutex; // guards m_queue, m_queuedItems, m_drainScheduled
    std::deque<Slice> m_queue;
    qsizetype m_queuedItems = 0;
    bool m_drainScheduled = false;
    std::atomic<int> m_maxBatchSize{defaultMaxBatchSize};
    std::atomic<bool> m_encodeOnSubmit{false}; // the SQLite C API path is in use
    std::atomic<quint64> m_transactions{0};
};

} // namespace relais
