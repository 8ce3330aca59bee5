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
    release();
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
        m_queue.push_back(Slice{ticket, items, 0, items.size()});
        m_queuedItems += items.size();
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
    return m_queuedItems;
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
    const QList<std::pair<QSqlQuery *, QString>> statements{
        {&*m_insertJournal,
         QStringLiteral("INSERT INTO journal (%1) VALUES (%2)").arg(JournalReader::columns(), placeholders(8))},
        {&*m_insertDedupe, QStringLiteral("INSERT INTO journal_dedupe (source, message_id, seq) "
                                          "VALUES (:p0, :p1, :p2) ON CONFLICT (source, message_id) DO NOTHING")},
        {&*m_findDuplicate, QStringLiteral("SELECT d.seq, j.kind, j.payload FROM journal_dedupe d "
                                           "LEFT JOIN journal j ON j.seq = d.seq "
                                           "WHERE d.source = :p0 AND d.message_id = :p1")},
        {&*m_deleteDedupe,
         QStringLiteral("DELETE FROM journal_dedupe WHERE source = :p0 AND message_id = :p1 AND seq = :p2")},
    };
    for (const auto &[query, sql] : statements) {
        if (!query->prepare(sql)) {
            m_error = tr("Cannot prepare the journal statements: %1 (%2)").arg(query->lastError().text(), sql);
            release();
            return false;
        }
    }
    if (Status s = m_stateWriter->prepare(); !s) {
        m_error = s.errorString();
        release();
        return false;
    }
    m_stateWriter->assumeDevicesWritten(m_replica.devices());
    return true;
}

void JournalWriter::close()
{
    if (m_connection)
        drainAll();
    release();
}

void JournalWriter::release()
{
    m_stateWriter.reset(); // statements first, then their connection
    m_insertJournal.reset();
    m_insertDedupe.reset();
    m_findDuplicate.reset();
    m_deleteDedupe.reset();
    m_connection.reset();
}

QList<JournalWriter::Slice> JournalWriter::takeBatch(bool *more)
{
    QMutexLocker lock(&m_mutex);
    qsizetype room = m_maxBatchSize.load();
    QList<Slice> batch;
    while (room > 0 && !m_queue.empty()) {
        Slice &front = m_queue.front();
        const qsizetype n = std::min(room, front.end - front.begin);
        if (n == front.end - front.begin) {
            batch.append(std::move(front));
            m_queue.pop_front();
        } else { // split a large submission across batches
            batch.append(Slice{front.ticket, front.items, front.begin, front.begin + n});
            front.begin += n;
        }
        room -= n;
        m_queuedItems -= n;
    }
    *more = !m_queue.empty();
    if (!*more)
        m_drainScheduled = false;
    return batch;
}

void JournalWriter::drain()
{
    bool more = false;
    const QList<Slice> batch = takeBatch(&more);
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
        const QList<Slice> batch = takeBatch(&more);
        if (batch.isEmpty())
            break;
        process(batch);
    }
}

bool JournalWriter::exec(QSqlQuery &q)
{
    if (q.exec())
        return true;
    m_error = tr("Cannot write to the journal: %1 (%2)").arg(q.lastError().text(), q.lastQuery());
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
    m_stateWriter->assumeDevicesWritten(m_replica.devices());
    return true;
}

void JournalWriter::failBatch(const QList<Slice> &batch, const QString &message)
{
    if (m_connection) {
        m_connection->database().rollback();
        m_stateWriter->forgetWritten();
        // Entries of the batch were applied to the replica: go back to what is committed.
        reloadReplica();
    }
    QList<WriteResult> results;
    const Error error{QStringLiteral("store_failed"), message};
    for (const Slice &slice : batch) {
        for (qsizetype i = slice.begin; i < slice.end; ++i)
            results.append(WriteResult{slice.ticket, int(i), WriteResult::Status::Failed, 0, error});
    }
    const QString text = tr("None of the last %n entries was stored: %1", nullptr, int(results.size())).arg(message);
    emit itemsProcessed(results);
    emit failed(text);
}

void JournalWriter::process(const QList<Slice> &batch)
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

    qsizetype size = 0;
    for (const Slice &slice : batch)
        size += slice.end - slice.begin;
    Batch out;
    out.results.reserve(size);
    out.stored.reserve(size);
    for (const Slice &slice : batch) {
        for (qsizetype i = slice.begin; i < slice.end; ++i) {
            if (!processItem(slice.ticket, int(i), slice.items.at(i), out)) {
                failBatch(batch, m_error);
                return;
            }
        }
    }

    // The state rows, once per batch: each changed row is written as it is at the end.
    if (!out.stored.isEmpty()) {
        if (Status s = m_stateWriter->write(m_replica, out.changes); !s) {
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
    if (!out.stored.isEmpty())
        emit committed(out.stored);
    emit itemsProcessed(out.results);
}

bool JournalWriter::processItem(quint64 ticket, int index, JournalEntry e, Batch &out)
{
    WriteResult r{ticket, index, WriteResult::Status::Stored, 0, {}};
    e.seq = m_nextSeq;
    e.time = utc(e.time);

    // (a) dedupe: claim (source, message id) for this seq; a conflict means it was journaled.
    const bool hasMessageId = !e.messageId.isEmpty();
    if (hasMessageId) {
        QSqlQuery &claim = *m_insertDedupe;
        claim.bindValue(placeholder(0), text(e.source));
        claim.bindValue(placeholder(1), e.messageId);
        claim.bindValue(placeholder(2), e.seq);
        if (!exec(claim))
            return false;
        if (claim.numRowsAffected() == 0) {
            QSqlQuery &find = *m_findDuplicate;
            find.bindValue(placeholder(0), text(e.source));
            find.bindValue(placeholder(1), e.messageId);
            if (!exec(find))
                return false;
            if (!find.next()) {
                m_error = tr("Message %1 was neither stored nor found as a duplicate.").arg(e.messageId);
                return false;
            }
            r.status = WriteResult::Status::Duplicate;
            r.seq = find.value(0).toLongLong();
            if (find.value(1).toString() == EntryKind::DeviceRejected) {
                const QJsonObject why = jsonObjectFrom(find.value(2).toString());
                r.error =
                    Error{why.value(QLatin1String("code")).toString(), why.value(QLatin1String("reason")).toString()};
            }
            find.finish();
            out.results.append(r);
            return true;
        }
    }

    // (b) validate and apply on the replica; a refusal changes nothing there.
    Result<DispatchState::Changes> applied = m_replica.apply(e);
    if (applied) {
        out.changes.merge(applied.value());
    } else if (isDeviceMessage(e.kind)) {
        r.status = WriteResult::Status::Rejected;
        r.error = applied.error();
        e = rejectedEntry(e, applied.error());
        if (Result<DispatchState::Changes> kept = m_replica.apply(e); !kept) {
            m_error = kept.errorString();
            return false;
        }
    } else {
        r.status = WriteResult::Status::Refused;
        r.error = applied.error();
        if (hasMessageId) { // give the claim back: nothing was journaled for it
            QSqlQuery &release = *m_deleteDedupe;
            release.bindValue(placeholder(0), text(e.source));
            release.bindValue(placeholder(1), e.messageId);
            release.bindValue(placeholder(2), e.seq);
            if (!exec(release))
                return false;
        }
        out.results.append(r);
        return true;
    }

    // (c) the journal row.
    QSqlQuery &insert = *m_insertJournal;
    insert.bindValue(placeholder(0), e.seq);
    insert.bindValue(placeholder(1), time(e.time));
    insert.bindValue(placeholder(2), text(e.source));
    insert.bindValue(placeholder(3), text(e.messageId));
    insert.bindValue(placeholder(4), text(e.kind));
    insert.bindValue(placeholder(5), e.actor.toString());
    insert.bindValue(placeholder(6), json(e.payload));
    insert.bindValue(placeholder(7), blob(e.raw));
    if (!exec(insert))
        return false;
    r.seq = e.seq;
    ++m_nextSeq;
    out.results.append(r);
    out.stored.append(std::move(e));
    return true;
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
        m_stateWriter->forgetWritten();
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
