#pragma once

#include "dispatchstate.h"
#include "journalentry.h"
#include "writeresult.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QSqlQuery>

#include <atomic>
#include <deque>
#include <memory>
#include <optional>

namespace relais {

class SqlConnection;
class StateWriter;

// The store's single writer. Lives on a thread of its own (owned by Store) with its own
// connection and its own replica of the desk state. Callers submit entries from any thread;
// the writer drains everything queued into one transaction per batch: for each entry
// dedupe → DispatchState::apply → journal row, then the changed state rows once per batch.
// Results and the committed entries are signalled only after COMMIT has returned; a batch
// that cannot be committed is rolled back, the replica reloaded, and every entry of it
// reported Failed.
class JournalWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JournalWriter)

public:
    static constexpr int defaultMaxBatchSize = 5000;

    // replica: the state as loaded from databasePath (the writer takes it over).
    JournalWriter(QString databasePath, DispatchState replica, QObject *parent = nullptr);
    ~JournalWriter() override;

    // Thread-safe: queues the entries; results arrive as itemsProcessed.
    void submit(quint64 ticket, const QList<JournalEntry> &items);
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
    };

    // What a batch produced so far.
    struct Batch
    {
        QList<WriteResult> results;
        QList<JournalEntry> stored;
        DispatchState::Changes changes;
    };

    void drain();
    QList<Slice> takeBatch(bool *more);
    void process(const QList<Slice> &batch);
    // false: a statement failed (m_error), the batch must be rolled back.
    bool processItem(quint64 ticket, int index, JournalEntry entry, Batch &out);
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
