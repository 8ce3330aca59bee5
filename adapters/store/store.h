#pragma once

#include "dispatchstate.h"
#include "journalentry.h"
#include "writeresult.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <memory>

class QThread;

namespace relais {

class DataDirLock;
class JournalWriter;

// The durable store of one desk, as the composition root uses it: a data folder holding
// relais.sqlite (journal + state tables, WAL, synchronous=FULL) and relais.lock. open()
// takes the folder, migrates the schema, loads the snapshot and starts the writer thread;
// entries submitted from any thread are journaled in batches, and their results and the
// committed entries are signalled only once durably committed. Readers open their own
// connection on databasePath() (SqlConnection + JournalReader).
class Store final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Store)

public:
    explicit Store(QObject *parent = nullptr);
    ~Store() override; // processes what was submitted, then stops the writer thread

    static QString databaseFileName() { return QStringLiteral("relais.sqlite"); }

    // At most this many entries per transaction (default 5,000); set before open().
    void setMaxBatchSize(int items);

    bool open(const QString &dataDir);
    void close();
    bool isOpen() const;
    QString errorString() const { return m_error; }
    QString dataDir() const { return m_dataDir; }
    QString databasePath() const { return m_databasePath; }

    // The state as loaded at open() (or as last rebuilt by rebuildFromJournal()).
    const DispatchState &snapshot() const { return m_snapshot; }

    enum class SubmitMode {
        EachOnItsOwn, // every entry judged alone (device messages, most actions)
        AllOrNothing, // all entries stored in one transaction, or none (imports)
    };

    // Thread-safe. A ticket unique in this process, to tell one's own results apart.
    static quint64 newTicket();

    // Thread-safe. Results come as itemsProcessed (one WriteResult per entry, with ticket
    // and index), stored entries as committed, both after the commit.
    void submit(quint64 ticket, const QList<JournalEntry> &items, SubmitMode mode = SubmitMode::EachOnItsOwn);

    // Processes what is queued, then rewrites every state table by replaying the journal,
    // on the writer thread; blocks the caller until done. snapshot() is the rebuilt state.
    bool rebuildFromJournal();

    // Transactions committed by the writer since open() (batches and rebuilds).
    quint64 committedTransactions() const;

signals:
    void committed(const QList<relais::JournalEntry> &entries);
    void itemsProcessed(const QList<relais::WriteResult> &results);
    // A batch could not be stored (its entries are reported Failed too).
    void failed(const QString &message);

private:
    QString m_dataDir;
    QString m_databasePath;
    QString m_error;
    int m_maxBatchSize;
    DispatchState m_snapshot;
    std::unique_ptr<DataDirLock> m_lock;
    std::unique_ptr<QThread> m_thread;
    mutable QMutex m_writerMutex;      // guards m_writer against submit() from other threads
    JournalWriter *m_writer = nullptr; // lives on m_thread while open
};

} // namespace relais
