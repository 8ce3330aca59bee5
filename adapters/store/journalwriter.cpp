#include "journalwriter.h"

#include "journalreader.h"
#include "sqlconnection.h"
#include "sqlitenative.h"
#include "sqlvalues.h"
#include "stateloader.h"
#include "statewriter.h"

#include <QSqlError>

namespace relais {

using namespace SqlValues;

namespace {

// Changes::merge, without touching the containers an entry left empty: a device message
// (the bulk of the traffic) names one device and nothing else.
void mergeChanges(DispatchState::Changes &into, const DispatchState::Changes &c)
{
    if (c.helpers.isEmpty() && c.alarms.isEmpty() && c.missions.isEmpty() && c.shifts.isEmpty() && !c.fees
        && c.cancelsToSend.isEmpty() && c.removedDevices.isEmpty() && c.removedHelpers.isEmpty()) {
        for (const QString &id : c.devices) {
            into.devices.insert(id);
            if (!into.removedDevices.isEmpty())
                into.removedDevices.remove(id);
        }
        return;
    }
    into.merge(c);
}

// "INSERT INTO journal (…) VALUES (?, …), (?, …), …" with rows rows.
QByteArray insertJournalSql(int rows)
{
    QByteArray sql = "INSERT INTO journal (" + JournalReader::columns().toLatin1() + ") VALUES ";
    for (int i = 0; i < rows; ++i)
        sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?)";
    return sql;
}

constexpr int journalStatementRows(int slot)
{
    return JournalWriter::rowsPerInsert >> slot;
}

} // namespace

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

void JournalWriter::submit(quint64 ticket, const QList<JournalEntry> &items, bool allOrNothing)
{
    if (items.isEmpty())
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_queue.push_back(Slice{ticket, items, 0, items.size(), allOrNothing});
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
    if (Status s = m_connection->dialect().configureWriter(db); !s) {
        m_error = s.errorString();
        m_connection.reset();
        return false;
    }
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

    // The SQLite fast path: the same statements through the C API.
    if (m_connection->dialect().kind() == SqlDialect::Kind::Sqlite) {
        if (sqlite3 *native = SqliteNative::handle(db)) {
            auto fail = [this](const SqliteStatement &st) {
                m_error = tr("Cannot prepare the journal statements: %1").arg(st.errorString());
                release();
                return false;
            };
            m_claimNative = std::make_unique<SqliteStatement>();
            if (!m_claimNative->prepare(native, "INSERT INTO journal_dedupe (source, message_id, seq) VALUES (?, ?, ?) "
                                                "ON CONFLICT (source, message_id) DO NOTHING"))
                return fail(*m_claimNative);
            for (int slot = 0; slot < int(m_insertJournalNative.size()); ++slot) {
                auto &st = m_insertJournalNative[slot];
                st = std::make_unique<SqliteStatement>();
                if (!st->prepare(native, insertJournalSql(journalStatementRows(slot))))
                    return fail(*st);
            }
            m_native = native;
        }
    }
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
    m_native = nullptr;
    m_claimNative.reset();
    for (auto &st : m_insertJournalNative)
        st.reset();
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
        if (front.allOrNothing && front.end - front.begin > room) {
            if (!batch.isEmpty())
                break;                      // in a batch of its own, next
            room = front.end - front.begin; // larger than a batch: it goes whole all the same
        }
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
        if (slice.allOrNothing) {
            if (!processAllOrNothing(slice, out)) {
                failBatch(batch, m_error);
                return;
            }
            continue;
        }
        for (qsizetype i = slice.begin; i < slice.end; ++i) {
            if (!processItem(slice.ticket, int(i), slice.items.at(i), out)) {
                failBatch(batch, m_error);
                return;
            }
        }
    }
    if (!insertJournalRows(out)) {
        failBatch(batch, m_error);
        return;
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

bool JournalWriter::execSql(const QString &sql)
{
    QSqlQuery q(m_connection->database());
    if (q.exec(sql))
        return true;
    m_error = tr("Cannot write to the journal: %1 (%2)").arg(q.lastError().text(), sql);
    return false;
}

bool JournalWriter::processAllOrNothing(const Slice &slice, Batch &out)
{
    // Whatever the group writes can be taken back: its rows behind a savepoint, the rest
    // (replica, next seq, the batch so far) as it was before the group.
    if (!insertJournalRows(out) || !execSql(QStringLiteral("SAVEPOINT relais_group")))
        return false;
    const DispatchState replicaBefore = m_replica; // shared until the group changes it
    const qint64 nextSeqBefore = m_nextSeq;
    const DispatchState::Changes changesBefore = out.changes;
    const qsizetype resultsBefore = out.results.size();
    const qsizetype storedBefore = out.stored.size();

    qsizetype firstRefused = -1;
    QList<bool> refusedByReducer(slice.end - slice.begin, false);
    for (qsizetype i = slice.begin; i < slice.end; ++i) {
        if (firstRefused < 0) {
            if (!processItem(slice.ticket, int(i), slice.items.at(i), out, true))
                return false;
            if (out.results.constLast().status == WriteResult::Status::Refused) {
                firstRefused = i;
                refusedByReducer[i - slice.begin] = true;
            }
            continue;
        }
        // Refused already: the rest is only judged (on the replica, restored below), so that
        // every entry the reducer refuses says why.
        JournalEntry e = slice.items.at(i);
        e.time = utc(e.time);
        WriteResult r{slice.ticket, int(i), WriteResult::Status::Refused, 0, {}};
        if (Result<DispatchState::Changes> judged = m_replica.apply(e); !judged) {
            r.error = judged.error();
            refusedByReducer[i - slice.begin] = true;
        }
        out.results.append(r);
    }
    if (firstRefused < 0)
        return execSql(QStringLiteral("RELEASE SAVEPOINT relais_group"));

    if (!execSql(QStringLiteral("ROLLBACK TO SAVEPOINT relais_group"))
        || !execSql(QStringLiteral("RELEASE SAVEPOINT relais_group")))
        return false;
    m_replica = replicaBefore;
    m_nextSeq = nextSeqBefore;
    out.changes = changesBefore;
    out.stored.resize(storedBefore);
    out.inserted = std::min(out.inserted, storedBefore);
    const Error &why = out.results.at(resultsBefore + (firstRefused - slice.begin)).error;
    const Error groupRefused{
        QStringLiteral("group_refused"),
        tr("Not stored: these entries are stored together or not at all, and entry %1 was refused: %2")
            .arg(firstRefused + 1)
            .arg(why.message)};
    for (qsizetype i = slice.begin; i < slice.end; ++i) {
        WriteResult &r = out.results[resultsBefore + (i - slice.begin)];
        r.status = WriteResult::Status::Refused;
        r.seq = 0;
        if (!refusedByReducer.at(i - slice.begin))
            r.error = groupRefused;
    }
    return true;
}

bool JournalWriter::claim(const JournalEntry &e, bool *claimed)
{
    if (m_native) {
        if (e.source != m_lastSource) { // a batch mostly comes from a few sources
            m_lastSource = e.source;
            m_lastSourceUtf8.resize(0);
            appendUtf8(m_lastSourceUtf8, e.source);
        }
        m_text.resize(0);
        appendUtf8(m_text, e.messageId);
        SqliteStatement &st = *m_claimNative;
        st.bindText(1, m_lastSourceUtf8);
        st.bindText(2, m_text);
        st.bindInt64(3, e.seq);
        if (!st.exec()) {
            m_error = tr("Cannot write to the journal: %1").arg(st.errorString());
            return false;
        }
        *claimed = st.changes() == 1;
        return true;
    }
    QSqlQuery &q = *m_insertDedupe;
    q.bindValue(placeholder(0), text(e.source));
    q.bindValue(placeholder(1), e.messageId);
    q.bindValue(placeholder(2), e.seq);
    if (!exec(q))
        return false;
    *claimed = q.numRowsAffected() != 0;
    return true;
}

bool JournalWriter::releaseClaim(const JournalEntry &e)
{
    QSqlQuery &q = *m_deleteDedupe;
    q.bindValue(placeholder(0), text(e.source));
    q.bindValue(placeholder(1), e.messageId);
    q.bindValue(placeholder(2), e.seq);
    return exec(q);
}

bool JournalWriter::findDuplicate(const JournalEntry &e, Batch &out, WriteResult &r)
{
    // The original may be an entry of this very batch whose row is not inserted yet.
    if (!insertJournalRows(out))
        return false;
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
        r.error = Error{why.value(QLatin1String("code")).toString(), why.value(QLatin1String("reason")).toString()};
    }
    find.finish();
    return true;
}

bool JournalWriter::processItem(quint64 ticket, int index, const JournalEntry &in, Batch &out, bool asAction)
{
    WriteResult r{ticket, index, WriteResult::Status::Stored, 0, {}};
    JournalEntry e = in;
    e.seq = m_nextSeq;
    if (e.time.timeSpec() != Qt::UTC || !e.time.isValid())
        e.time = utc(e.time);

    // (a) dedupe: claim (source, message id) for this seq; a conflict means it was journaled.
    const bool hasMessageId = !e.messageId.isEmpty();
    if (hasMessageId) {
        bool claimed = false;
        if (!claim(e, &claimed))
            return false;
        if (!claimed) {
            if (!findDuplicate(e, out, r))
                return false;
            out.results.append(r);
            return true;
        }
    }

    // (b) validate and apply on the replica; a refusal changes nothing there.
    Result<DispatchState::Changes> applied = m_replica.apply(e);
    if (applied) {
        mergeChanges(out.changes, applied.value());
    } else if (!asAction && isDeviceMessage(e.kind)) {
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
        if (hasMessageId && !releaseClaim(e)) // give the claim back: nothing was journaled for it
            return false;
        out.results.append(r);
        return true;
    }

    // (c) the journal row, inserted with the next ones (several rows per statement).
    r.seq = e.seq;
    ++m_nextSeq;
    out.results.append(r);
    out.stored.append(std::move(e));
    if (out.stored.size() - out.inserted >= rowsPerInsert)
        return insertJournalRows(out, false);
    return true;
}

bool JournalWriter::insertJournalRows(Batch &out, bool full)
{
    if (m_native)
        return insertJournalRowsNative(out, full);
    if (!full)
        return true; // one row per statement: all at the end
    QSqlQuery &insert = *m_insertJournal;
    for (; out.inserted < out.stored.size(); ++out.inserted) {
        const JournalEntry &e = out.stored.at(out.inserted);
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
    }
    return true;
}

bool JournalWriter::insertJournalRowsNative(Batch &out, bool full)
{
    constexpr int textsPerRow = 5; // source, message id, kind, actor, payload
    while (out.inserted < out.stored.size()) {
        const qsizetype left = out.stored.size() - out.inserted;
        int slot = 0;
        while (journalStatementRows(slot) > left)
            ++slot;
        const int rows = journalStatementRows(slot);
        if (!full && rows < rowsPerInsert)
            return true; // the rest with the next rows

        // The UTF-8 values first (m_text does not move while they are bound), then the binds.
        m_text.resize(0);
        m_textOffsets.resize(0);
        for (int row = 0; row < rows; ++row) {
            const JournalEntry &e = out.stored.at(out.inserted + row);
            m_textOffsets.append(m_text.size());
            appendUtf8(m_text, e.source);
            m_textOffsets.append(m_text.size());
            appendUtf8(m_text, e.messageId);
            m_textOffsets.append(m_text.size());
            appendUtf8(m_text, e.kind);
            m_textOffsets.append(m_text.size());
            appendUtf8(m_text, e.actor.toString());
            m_textOffsets.append(m_text.size());
            appendJson(m_text, e.payload);
        }
        m_textOffsets.append(m_text.size());

        SqliteStatement &st = *m_insertJournalNative[slot];
        for (int row = 0; row < rows; ++row) {
            const JournalEntry &e = out.stored.at(out.inserted + row);
            const int p = row * 8;
            st.bindInt64(p + 1, e.seq);
            if (e.time.isValid())
                st.bindInt64(p + 2, e.time.toMSecsSinceEpoch());
            else
                st.bindNull(p + 2);
            for (int t = 0; t < textsPerRow; ++t) {
                const qsizetype from = m_textOffsets.at(row * textsPerRow + t);
                const qsizetype to = m_textOffsets.at(row * textsPerRow + t + 1);
                st.bindText(p + 3 + t, m_text.constData() + from, to - from);
            }
            st.bindBlob(p + 8, e.raw);
        }
        if (!st.exec()) {
            m_error = tr("Cannot write to the journal: %1").arg(st.errorString());
            return false;
        }
        out.inserted += rows;
    }
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
