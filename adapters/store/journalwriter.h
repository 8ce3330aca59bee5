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
    // Part of one submission: items [begin, end) of the caller's list (shared, not copied).
    struct Slice
    {
        quint64 ticket = 0;
        QList<JournalEntry> items;
        qsizetype begin = 0;
        qsizetype end = 0;
        bool allOrNothing = false; // never split: begin = 0, end = items.size()
    };

    // What a batch produced so far.
    struct Batch
    {
        QList<WriteResult> results;
        QList<JournalEntry> stored; // the journal rows, in seq order
        qsizetype inserted = 0;     // stored[0, inserted) are in the journal table already
        DispatchState::Changes changes;
    };

    void drain();
    QList<Slice> takeBatch(bool *more);
    void process(const QList<Slice> &batch);
    // false: a statement failed (m_error), the batch must be rolled back. asAction: a
    // refused device message is Refused, not journaled as device.rejected.
    bool processItem(quint64 ticket, int index, const JournalEntry &entry, Batch &out, bool asAction = false);
    bool processAllOrNothing(const Slice &slice, Batch &out);
    // Dedupe claims: *claimed is false when (source, messageId) was claimed already.
    bool claim(const JournalEntry &e, bool *claimed);
    bool releaseClaim(const JournalEntry &e);
    bool findDuplicate(const JournalEntry &e, Batch &out, WriteResult &r);
    // Inserts the journal rows not inserted yet (all of them, or only whole multi-row
    // statements when full is false).
    bool insertJournalRows(Batch &out, bool full = true);
    bool insertJournalRowsNative(Batch &out, bool full);
    bool execSql(const QString &sql);
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
    // The SQLite fast path (null when the portable statements above are used).
    sqlite3 *m_native = nullptr;
    std::unique_ptr<SqliteStatement> m_claimNative;
    // INSERT INTO journal with 64, 32, …, 1 rows.
    std::array<std::unique_ptr<SqliteStatement>, 7> m_insertJournalNative;
    QByteArray m_text;              // UTF-8 of the values bound to the statement being run
    QList<qsizetype> m_textOffsets; // where each value starts in m_text
    QString m_lastSource;           // the source of the last claim, and its UTF-8
    QByteArray m_lastSourceUtf8;

    DispatchState m_replica;
    qint64 m_nextSeq = 1;
    bool m_replicaValid = true;
    QString m_error;

    mutable QMutex m_mutex; // guards m_queue, m_queuedItems, m_drainScheduled
    std::deque<Slice> m_queue;
    qsizetype m_queuedItems = 0;
    bool m_drainScheduled = false;
    std::atomic<int> m_maxBatchSize{defaultMaxBatchSize};
    std::atomic<quint64> m_transactions{0};
};

} // namespace relais
