#include "store.h"

#include "datadirlock.h"
#include "journalwriter.h"
#include "logging/log.h"
#include "migrations.h"
#include "sqlconnection.h"
#include "stateloader.h"

#include <QDir>
#include <QThread>

#include <atomic>

namespace relais {

Store::Store(QObject *parent) : QObject(parent), m_maxBatchSize(JournalWriter::defaultMaxBatchSize)
{
    qRegisterMetaType<relais::JournalEntry>();
    qRegisterMetaType<QList<relais::JournalEntry>>();
    qRegisterMetaType<relais::WriteResult>();
    qRegisterMetaType<QList<relais::WriteResult>>();
}

Store::~Store()
{
    close();
}

void Store::setMaxBatchSize(int items)
{
    m_maxBatchSize = std::max(1, items);
    QMutexLocker lock(&m_writerMutex);
    if (m_writer)
        m_writer->setMaxBatchSize(m_maxBatchSize);
}

bool Store::isOpen() const
{
    QMutexLocker lock(&m_writerMutex);
    return m_writer != nullptr;
}

bool Store::open(const QString &dataDir)
{
    if (isOpen()) {
        m_error = tr("The journal in %1 is already open.").arg(QDir::toNativeSeparators(m_dataDir));
        return false;
    }
    m_error.clear();
    const QString dir = QDir(dataDir).absolutePath();
    if (!QDir().mkpath(dir)) {
        m_error = tr("Cannot create the data folder %1.").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    auto lock = std::make_unique<DataDirLock>(dir);
    if (!lock->tryLock()) {
        m_error = lock->errorString();
        return false;
    }
    const QString path = QDir(dir).filePath(databaseFileName());

    DispatchState snapshot;
    {
        SqlConnection connection(QStringLiteral("open"));
        if (!connection.open(path)) {
            m_error = connection.errorString();
            return false;
        }
        if (Status s = Migrations::migrate(connection.database(), connection.dialect()); !s) {
            m_error = s.errorString();
            return false;
        }
        Result<DispatchState> loaded = StateLoader::load(connection.database());
        if (!loaded) {
            m_error = loaded.errorString();
            return false;
        }
        snapshot = std::move(loaded.value());
    }

    auto thread = std::make_unique<QThread>();
    thread->setObjectName(QStringLiteral("relais-store-writer"));
    auto *writer = new JournalWriter(path, snapshot);
    writer->setMaxBatchSize(m_maxBatchSize);
    writer->moveToThread(thread.get());
    connect(writer, &JournalWriter::committed, this, &Store::committed);
    connect(writer, &JournalWriter::itemsProcessed, this, &Store::itemsProcessed);
    connect(writer, &JournalWriter::failed, this, &Store::failed);
    thread->start();
    bool opened = false;
    QString error;
    QMetaObject::invokeMethod(
        writer,
        [writer, &opened, &error] {
            opened = writer->open();
            if (!opened)
                error = writer->errorString();
        },
        Qt::BlockingQueuedConnection);
    if (!opened) {
        m_error = error;
        thread->quit();
        thread->wait();
        delete writer;
        return false;
    }

    m_dataDir = dir;
    m_databasePath = path;
    m_snapshot = std::move(snapshot);
    m_lock = std::move(lock);
    m_thread = std::move(thread);
    QMutexLocker guard(&m_writerMutex);
    m_writer = writer;
    return true;
}

void Store::close()
{
    JournalWriter *writer = nullptr;
    {
        QMutexLocker lock(&m_writerMutex);
        std::swap(writer, m_writer);
    }
    if (writer) {
        QThread *home = thread();
        // Everything submitted so far is stored (and reported) before the connection closes.
        QMetaObject::invokeMethod(
            writer,
            [writer, home] {
                writer->close();
                writer->moveToThread(home);
            },
            Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
        m_thread.reset();
        delete writer;
    }
    m_lock.reset();
}

quint64 Store::newTicket()
{
    static std::atomic<quint64> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

void Store::submit(quint64 ticket, const QList<JournalEntry> &items, SubmitMode mode)
{
    {
        QMutexLocker lock(&m_writerMutex);
        if (m_writer) {
            m_writer->submit(ticket, items, mode == SubmitMode::AllOrNothing);
            return;
        }
    }
    QList<WriteResult> results;
    const Error notOpen{QStringLiteral("store_closed"), tr("The journal is not open.")};
    for (qsizetype i = 0; i < items.size(); ++i)
        results.append(WriteResult{ticket, int(i), WriteResult::Status::Failed, 0, notOpen});
    QMetaObject::invokeMethod(
        this, [this, results] { emit itemsProcessed(results); }, Qt::QueuedConnection);
}

bool Store::rebuildFromJournal()
{
    QMutexLocker lock(&m_writerMutex);
    JournalWriter *writer = m_writer;
    lock.unlock();
    if (!writer) {
        m_error = tr("The journal is not open.");
        return false;
    }
    bool rebuilt = false;
    DispatchState state;
    QString error;
    QMetaObject::invokeMethod(
        writer,
        [writer, &rebuilt, &state, &error] {
            rebuilt = writer->rebuildFromJournal();
            if (rebuilt)
                state = writer->replica();
            else
                error = writer->errorString();
        },
        Qt::BlockingQueuedConnection);
    if (!rebuilt) {
        m_error = error;
        // The reason's first line only: PostgreSQL's DETAIL may quote a row.
        qCWarning(lcStore).noquote()
            << tr("The state could not be rebuilt from the journal: %1").arg(Logging::firstLine(error));
        return false;
    }
    m_snapshot = std::move(state);
    return true;
}

quint64 Store::committedTransactions() const
{
    QMutexLocker lock(&m_writerMutex);
    return m_writer ? m_writer->committedTransactions() : 0;
}

} // namespace relais
