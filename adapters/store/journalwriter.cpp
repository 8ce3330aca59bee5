#include "journalwriter.h"

#include "journalreader.h"
#include "sqlconnection.h"
#include "sqlvalues.h"
#include "stateloader.h"
#include "statewriter.h"

#include <QSqlError>

namespace relais {

using namespace SqlValues;

JournalWriter::JournalWriter(QString databasePath, DispatchState replica, QObject *parent)
    : QObject(parent), m_path(std::move(databasePath)), m_replica(std::move(replica))
{
    m_nextSeq = m_replica.lastSeq() + 1;
}

JournalWriter::~JournalWriter()
{
    // close() normally ran on the writer's thread; this only frees what is left.
    m_stateWriter.reset();
    m_insertJournal.reset();
    m_insertDedupe.reset();
    m_findDuplicate.reset();
    m_deleteDedupe.reset();
    m_connection.reset();
}

bool JournalWriter::isDeviceMessage(const QString &kind)
{
    return kind.startsWith(QLatin1String("device.")) && kind != EntryKind::DeviceRegistered
           && kind != EntryKind::DeviceUpdated && kind != EntryKind::DeviceRemoved;
}

JournalEntry JournalWriter::rejectedEntry(const JournalEntry &original, const Error &why)
{
    JournalEntry e = original;
    if (!e.time.isValid())
        e.time = utc(QDateTime::currentDateTimeUtc()); // when Relais recorded it
    e.kind = EntryKind::DeviceRejected;
    e.payload = QJsonObject{{QStringLiteral("reason"), why.message},
                            {QStringLiteral("code"), why.code},
                            {QStringLiteral("original_kind"), original.kind},
                            {QStringLiteral("original_payload"), original.payload}};
    return e; // raw bytes kept for audit
}

void JournalWriter::submit(quint64 ticket, const QList<JournalEntry> &items)
{
    if (items.isEmpty())
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_queue.reserve(m_queue.size() + items.size());
        for (qsizetype i = 0; i < items.size(); ++i)
            m_queue.append(Pending{ticket, int(i), items.at(i)});
        if (m_drainScheduled)
            return;
        m_drainScheduled = true;
    }
    QMetaObject::invokeMethod(this, &JournalWriter::drain, Qt::QueuedConnection);
}

void JournalWriter::setMaxBatchSize(int items)
{
    m_maxBatchSize.store(std::max(1, items));
}

qsizetype JournalWriter::pendingItems() const
{
    QMutexLocker lock(&m_mutex);
    return m_queue.size();
}

bool JournalWriter::open()
{
    m_error.clear();
    m_connection = std::make_unique<SqlConnection>(QStringLiteral("writer"));
    if (!m_connection->open(m_path)) {
        m_error = m_connection->errorString();
        m_connection.reset();
        return false;
    }
    QSqlDatabase &db = m_connection->database();
    m_stateWriter = std::make_unique<StateWriter>(db);
    m_insertJournal.emplace(db);
    m_insertDedupe.emplace(db);
    m_findDuplicate.emplace(db);
    m_deleteDedupe.emplace(db);
    const bool prepared =
        m_insertJournal->prepare(
            QStringLiteral("INSERT INTO journal (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").arg(JournalReader::columns()))
        && m_insertDedupe->prepare(QStringLiteral("INSERT INTO journal_dedupe (source, message_id, seq) "
                                                  "VALUES (?, ?, ?) ON CONFLICT (source, message_id) DO NOTHING"))
        && m_findDuplicate->prepare(QStringLiteral("SELECT d.seq, j.kind, j.payload FROM journal_dedupe d "
                                                   "LEFT JOIN journal j ON j.seq = d.seq "
                                                   "WHERE d.source = ? AND d.message_id = ?"))
        && m_deleteDedupe->prepare(
            QStringLiteral("DELETE FROM journal_dedupe WHERE source = ? AND message_id = ? AND seq = ?"));
    Status states = m_stateWriter->prepare();
    if (!prepared || !states) {
        m_error =
            !states ? states.errorString() : tr("Cannot prepare the journal statements: %1").arg(db.lastError().text());
        close();
        return false;
    }
    return true;
}

void JournalWriter::close()
{
    if (m_connection)
        drainAll();
    m_stateWriter.reset();
    m_insertJournal.reset();
    m_insertDedupe.reset();
    m_findDuplicate.reset();
    m_deleteDedupe.reset();
    m_connection.reset();
}

QList<JournalWriter::Pending> JournalWriter::takeBatch(bool *more)
{
    QMutexLocker lock(&m_mutex);
    const qsizetype cap = m_maxBatchSize.load();
    QList<Pending> batch;
    if (m_queue.size() <= cap) {
        batch.swap(m_queue);
    } else {
        batch = m_queue.first(cap);
        m_queue.remove(0, cap);
    }
    *more = !m_queue.isEmpty();
    if (!*more)
        m_drainScheduled = false;
    return batch;
}

void JournalWriter::drain()
{
    bool more = false;
    QList<Pending> batch = takeBatch(&more);
    if (!batch.isEmpty())
        process(batch);
    // One batch per event: close() and rebuilds queued meanwhile get their turn.
    if (more)
        QMetaObject::invokeMethod(this, &JournalWriter::drain, Qt::QueuedConnection);
}

void JournalWriter::drainAll()
{
    bool more = true;
    while (more) {
        QList<Pending> batch = takeBatch(&more);
        if (batch.isEmpty())
            break;
        process(batch);
    }
}

bool JournalWriter::exec(QSqlQuery &q)
{
    if (q.exec())
        return true;
    m_error = tr("Cannot write to the journal: %1").arg(q.lastError().text());
    return false;
}

bool JournalWriter::reloadReplica()
{
    Result<DispatchState> loaded = StateLoader::load(m_connection->database());
    if (!loaded) {
        m_replicaValid = false;
        m_error = loaded.errorString();
        return false;
    }
    m_replica = std::move(loaded.value());
    m_nextSeq = m_replica.lastSeq() + 1;
    m_replicaValid = true;
    return true;
}

void JournalWriter::failBatch(const QList<Pending> &batch, const QString &message)
{
    if (m_connection) {
        m_connection->database().rollback();
        // Entries of the batch were applied to the replica: go back to what is committed.
        reloadReplica();
    }
    const QString text = tr("Nothing of the last %n entries was stored: %1", nullptr, int(batch.size())).arg(message);
    QList<WriteResult> results;
    results.reserve(batch.size());
    for (const Pending &p : batch)
        results.append(WriteResult{p.ticket, p.index, WriteResult::Status::Failed, 0,
                                   Error{QStringLiteral("store_failed"), message}});
    emit itemsProcessed(results);
    emit failed(text);
}

void JournalWriter::process(QList<Pending> &batch)
{
    if (!m_connection) {
        failBatch(batch, tr("The journal is not open."));
        return;
    }
    if (!m_replicaValid && !reloadReplica()) {
        failBatch(batch, m_error);
        return;
    }
    QSqlDatabase &db = m_connection->database();
    if (!db.transaction()) {
        failBatch(batch, tr("Cannot begin a transaction: %1").arg(db.lastError().text()));
        return;
    }

    QList<WriteResult> results;
    results.reserve(batch.size());
    QList<JournalEntry> stored;
    stored.reserve(batch.size());
    DispatchState::Changes changes;
    QSqlQuery &insertJournal = *m_insertJournal;
    QSqlQuery &insertDedupe = *m_insertDedupe;

    for (Pending &p : batch) {
        WriteResult r{p.ticket, p.index, WriteResult::Status::Stored, 0, {}};
        JournalEntry e = std::move(p.entry);
        e.seq = m_nextSeq;
        e.time = utc(e.time);

        // (a) dedupe: claim (source, message id) for this seq; a conflict means it was journaled.
        const bool hasMessageId = !e.messageId.isEmpty();
        if (hasMessageId) {
            insertDedupe.bindValue(0, text(e.source));
            insertDedupe.bindValue(1, e.messageId);
            insertDedupe.bindValue(2, e.seq);
            if (!exec(insertDedupe)) {
                failBatch(batch, m_error);
                return;
            }
            if (insertDedupe.numRowsAffected() == 0) {
                QSqlQuery &find = *m_findDuplicate;
                find.bindValue(0, text(e.source));
                find.bindValue(1, e.messageId);
                if (!exec(find) || !find.next()) {
                    failBatch(batch, m_error);
                    return;
                }
                r.status = WriteResult::Status::Duplicate;
                r.seq = find.value(0).toLongLong();
                if (find.value(1).toString() == EntryKind::DeviceRejected) {
                    const QJsonObject why = jsonObjectFrom(find.value(2).toString());
                    r.error = Error{why.value(QLatin1String("code")).toString(),
                                    why.value(QLatin1String("reason")).toString()};
                }
                find.finish();
                results.append(r);
                continue;
            }
        }

        // (b) validate and apply on the replica; a refusal changes nothing there.
        Result<DispatchState::Changes> applied = m_replica.apply(e);
        if (applied) {
            changes.merge(applied.value());
        } else if (isDeviceMessage(e.kind)) {
            r.status = WriteResult::Status::Rejected;
            r.error = applied.error();
            e = rejectedEntry(e, applied.error());
            if (Result<DispatchState::Changes> kept = m_replica.apply(e); !kept) {
                failBatch(batch, kept.errorString());
                return;
            }
        } else {
            r.status = WriteResult::Status::Refused;
            r.error = applied.error();
            if (hasMessageId) { // give the claim back: nothing was journaled for it
                QSqlQuery &release = *m_deleteDedupe;
                release.bindValue(0, text(e.source));
                release.bindValue(1, e.messageId);
                release.bindValue(2, e.seq);
                if (!exec(release)) {
                    failBatch(batch, m_error);
                    return;
                }
            }
            results.append(r);
            continue;
        }

        // (c) the journal row.
        insertJournal.bindValue(0, e.seq);
        insertJournal.bindValue(1, time(e.time));
        insertJournal.bindValue(2, text(e.source));
        insertJournal.bindValue(3, text(e.messageId));
        insertJournal.bindValue(4, text(e.kind));
        insertJournal.bindValue(5, e.actor.toString());
        insertJournal.bindValue(6, json(e.payload));
        insertJournal.bindValue(7, blob(e.raw));
        if (!exec(insertJournal)) {
            failBatch(batch, m_error);
            return;
        }
        r.seq = e.seq;
        ++m_nextSeq;
        results.append(r);
        stored.append(std::move(e));
    }

    // The state rows, once per batch: each changed row is written as it is at the end.
    if (!stored.isEmpty()) {
        if (Status s = m_stateWriter->write(m_replica, changes); !s) {
            failBatch(batch, s.errorString());
            return;
        }
    }
    if (!db.commit()) {
        failBatch(batch, tr("Cannot commit: %1").arg(db.lastError().text()));
        return;
    }
    ++m_transactions;

    // Durable now: only from here on may anyone hear about these entries.
    if (!stored.isEmpty())
        emit committed(stored);
    emit itemsProcessed(results);
}

bool JournalWriter::rebuildFromJournal()
{
    if (!m_connection) {
        m_error = tr("The journal is not open.");
        return false;
    }
    drainAll();
    QSqlDatabase &db = m_connection->database();
    auto fail = [&](const QString &why) {
        db.rollback();
        m_error = tr("Cannot rebuild the state tables from the journal: %1").arg(why);
        reloadReplica();
        return false;
    };
    if (!db.transaction())
        return fail(db.lastError().text());
    if (Status s = m_stateWriter->clear(); !s)
        return fail(s.errorString());

    DispatchState fresh;
    DispatchState::Changes all;
    QString refusal;
    const Status walked = JournalReader(db).forEach([&](const JournalEntry &e) {
        Result<DispatchState::Changes> r = fresh.apply(e);
        if (!r) {
            refusal = tr("entry %1 (%2) is refused on replay: %3").arg(e.seq).arg(e.kind, r.errorString());
            return false;
        }
        all.merge(r.value());
        all.cancelsToSend.clear(); // downlink notices are not state
        return true;
    });
    if (!walked)
        return fail(walked.errorString());
    if (!refusal.isEmpty())
        return fail(refusal);
    if (Status s = m_stateWriter->write(fresh, all); !s)
        return fail(s.errorString());
    if (!db.commit())
        return fail(db.lastError().text());
    ++m_transactions;
    m_replica = std::move(fresh);
    m_nextSeq = m_replica.lastSeq() + 1;
    m_replicaValid = true;
    return true;
}

} // namespace relais
