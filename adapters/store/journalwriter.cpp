#include "journalwriter.h"

#include "journalreader.h"
#include "logging/log.h"
#include "privacypurge.h"
#include "sqlconnection.h"
#include "sqlitenative.h"
#include "sqlvalues.h"
#include "stateloader.h"
#include "statewriter.h"

#include <QJsonArray>
#include <QSqlError>

namespace relais {

using namespace SqlValues;

namespace {

// Changes::merge, without touching the containers an entry left empty: a device message
// (the bulk of the traffic) names one device and nothing else, most often its actor
// (deviceHint), which is then looked up rather than found by walking the set (a QSet walks
// every bucket of its table, 128 for one element).
void mergeChanges(DispatchState::Changes &into, const DispatchState::Changes &c, const QString &deviceHint)
{
    if (c.helpers.isEmpty() && c.alarms.isEmpty() && c.missions.isEmpty() && c.shifts.isEmpty() && !c.fees
        && c.cancelsToSend.isEmpty() && c.removedDevices.isEmpty() && c.removedHelpers.isEmpty()) {
        if (c.devices.size() == 1 && !deviceHint.isEmpty() && c.devices.contains(deviceHint)) {
            into.devices.insert(deviceHint);
            if (!into.removedDevices.isEmpty())
                into.removedDevices.remove(deviceHint);
            return;
        }
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

// "INSERT INTO journal_dedupe (…) VALUES (?, ?, ?), … ON CONFLICT … DO NOTHING" with rows rows.
QByteArray claimSql(int rows)
{
    QByteArray sql = "INSERT INTO journal_dedupe (source, message_id, seq) VALUES ";
    for (int i = 0; i < rows; ++i)
        sql += i ? ", (?, ?, ?)" : "(?, ?, ?)";
    return sql + " ON CONFLICT (source, message_id) DO NOTHING";
}

// Statements of 64, 32, …, 1 rows: slot 0 holds 64.
constexpr int journalStatementRows(int slot)
{
    return JournalWriter::rowsPerInsert >> slot;
}
constexpr int singleRowSlot = 6;
static_assert(journalStatementRows(singleRowSlot) == 1);

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

std::shared_ptr<const JournalWriter::EncodedTexts> JournalWriter::encodeTexts(const QList<JournalEntry> &items)
{
    auto out = std::make_shared<EncodedTexts>();
    out->utf8.reserve(items.size() * 128);
    out->offsets.reserve(items.size() * textsPerRow + 1);
    QByteArray &utf8 = out->utf8;
    for (const JournalEntry &e : items) {
        out->offsets.append(utf8.size());
        appendUtf8(utf8, e.source);
        out->offsets.append(utf8.size());
        appendUtf8(utf8, e.messageId);
        out->offsets.append(utf8.size());
        appendUtf8(utf8, e.kind);
        out->offsets.append(utf8.size());
        appendUtf8(utf8, e.actor.toString());
        out->offsets.append(utf8.size());
        appendJson(utf8, e.payload);
    }
    out->offsets.append(utf8.size());
    return out;
}

void JournalWriter::submit(quint64 ticket, const QList<JournalEntry> &items, bool allOrNothing)
{
    if (items.isEmpty())
        return;
    // On the caller's thread, before taking the lock.
    std::shared_ptr<const EncodedTexts> texts;
    if (m_encodeOnSubmit.load(std::memory_order_relaxed))
        texts = encodeTexts(items);
    {
        QMutexLocker lock(&m_mutex);
        m_queue.push_back(Slice{ticket, items, 0, items.size(), allOrNothing, std::move(texts)});
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
    m_moveDedupe.emplace(db);
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
        {&*m_moveDedupe, QStringLiteral("UPDATE journal_dedupe SET seq = :p0 "
                                        "WHERE source = :p1 AND message_id = :p2 AND seq = :p3")},
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
            for (int slot = 0; slot < int(m_insertJournalNative.size()); ++slot) {
                auto &claim = m_claimNative[slot];
                claim = std::make_unique<SqliteStatement>();
                if (!claim->prepare(native, claimSql(journalStatementRows(slot))))
                    return fail(*claim);
                auto &st = m_insertJournalNative[slot];
                st = std::make_unique<SqliteStatement>();
                if (!st->prepare(native, insertJournalSql(journalStatementRows(slot))))
                    return fail(*st);
            }
            m_native = native;
            m_encodeOnSubmit.store(true);
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
    m_encodeOnSubmit.store(false);
    for (auto &st : m_claimNative)
        st.reset();
    for (auto &st : m_insertJournalNative)
        st.reset();
    m_stateWriter.reset(); // statements first, then their connection
    m_insertJournal.reset();
    m_insertDedupe.reset();
    m_findDuplicate.reset();
    m_deleteDedupe.reset();
    m_moveDedupe.reset();
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
            batch.append(Slice{front.ticket, front.items, front.begin, front.begin + n, false, front.texts});
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
    if (m_purgeInBatch) {
        m_purgeInBatch = false;
        QSqlQuery q(m_connection->database());
        (void)q.exec(QStringLiteral("PRAGMA secure_delete = 0"));
    }
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
    // The reason's first line only: PostgreSQL's DETAIL may quote the failing row.
    qCWarning(lcStore).noquote() << tr("None of the last %n entries was stored: %1", nullptr, int(results.size()))
                                        .arg(Logging::firstLine(message));
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
    out.texts.reserve(size);
    for (const Slice &slice : batch) {
        if (!(slice.allOrNothing ? processAllOrNothing(slice, out) : processSlice(slice, out))) {
            failBatch(batch, m_error);
            return;
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
        m_purgeInBatch = false;
        failBatch(batch, tr("Cannot commit: %1").arg(db.lastError().text()));
        return;
    }
    ++m_transactions;
    if (m_purgeInBatch) {
        // Best effort: a reader holding an old snapshot keeps the WAL from being truncated
        // now; the next checkpoint overwrites it then.
        m_purgeInBatch = false;
        QSqlQuery q(db);
        (void)q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        (void)q.exec(QStringLiteral("PRAGMA secure_delete = 0"));
    }

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

bool JournalWriter::redactEntries(const JournalEntry &purge)
{
    QSqlDatabase &db = m_connection->database();
    if (m_connection->dialect().kind() == SqlDialect::Kind::Sqlite && !m_purgeInBatch) {
        if (!execSql(QStringLiteral("PRAGMA secure_delete = 1")))
            return false;
        m_purgeInBatch = true;
    }
    QSqlQuery select(db);
    QSqlQuery update(db);
    if (!select.prepare(QStringLiteral("SELECT %1 FROM journal WHERE seq = :p0").arg(JournalReader::columns()))
        || !update.prepare(QStringLiteral("UPDATE journal SET payload = :p0, raw = :p1 WHERE seq = :p2"))) {
        m_error = tr("Cannot redact the journal: %1")
                      .arg((select.lastError().isValid() ? select : update).lastError().text());
        return false;
    }
    const QJsonArray seqs = purge.payload.value(QLatin1String("entries")).toArray();
    for (const QJsonValue &v : seqs) {
        const qint64 seq = v.toInteger(0);
        if (seq <= 0 || seq >= purge.seq)
            continue; // only entries before the purge; the reducer's state does not depend on them
        select.bindValue(placeholder(0), seq);
        if (!exec(select))
            return false;
        if (!select.next())
            continue;
        const std::optional<JournalEntry> redacted = PrivacyPurge::redacted(JournalReader::entryFrom(select));
        select.finish();
        if (!redacted)
            continue; // redacted already
        update.bindValue(placeholder(0), json(redacted->payload));
        update.bindValue(placeholder(1), blob(redacted->raw));
        update.bindValue(placeholder(2), seq);
        if (!exec(update))
            return false;
    }
    return true;
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
            if (!processItem(slice.ticket, int(i), slice.items.at(i), out, true, 0, slice.textsOf(i)))
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
    out.texts.resize(storedBefore);
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

bool JournalWriter::processSlice(const Slice &slice, Batch &out)
{
    PreClaims pre;
    for (qsizetype i = slice.begin; i < slice.end; ++i) {
        if (m_native && i >= pre.end && !preClaim(slice, i, pre))
            return false;
        const qint64 claimedAs = pre.claimed ? pre.firstSeq + (i - pre.begin) : 0;
        if (!processItem(slice.ticket, int(i), slice.items.at(i), out, false, claimedAs, slice.textsOf(i)))
            return false;
    }
    return true;
}

bool JournalWriter::preClaim(const Slice &slice, qsizetype from, PreClaims &pre)
{
    pre = PreClaims{from, std::min(slice.end, from + rowsPerInsert), m_nextSeq, false};
    // Each message id with its source, as UTF-8: from what submit() encoded, or encoded here
    // into m_claimText (offsets until it stops growing, pointers then).
    struct Bound
    {
        qsizetype item;
        const char *utf8; // null: offsets into m_claimText
        qsizetype source, sourceSize, id, idSize;
    };
    std::array<Bound, rowsPerInsert> bound;
    int ids = 0;
    m_claimText.resize(0);
    const QString *source = nullptr;
    qsizetype sourceAt = 0, sourceSize = 0;
    for (qsizetype i = pre.begin; i < pre.end; ++i) {
        const JournalEntry &e = slice.items.at(i);
        if (e.messageId.isEmpty())
            continue;
        if (const RowTexts t = slice.textsOf(i); t.utf8) {
            bound[ids++] =
                Bound{i, t.utf8, t.offsets[0], t.offsets[1] - t.offsets[0], t.offsets[1], t.offsets[2] - t.offsets[1]};
            continue;
        }
        if (!source || e.source != *source) { // written again only when it changes
            source = &e.source;
            sourceAt = m_claimText.size();
            appendUtf8(m_claimText, e.source);
            sourceSize = m_claimText.size() - sourceAt;
        }
        const qsizetype idAt = m_claimText.size();
        appendUtf8(m_claimText, e.messageId);
        bound[ids++] = Bound{i, nullptr, sourceAt, sourceSize, idAt, m_claimText.size() - idAt};
    }
    if (ids < 2)
        return true; // nothing to share: claimed one by one

    qint64 changed = 0;
    for (int slot = 0, done = 0; done < ids; ++slot) {
        const int rows = journalStatementRows(slot);
        if (rows > ids - done)
            continue;
        SqliteStatement &st = *m_claimNative[slot];
        for (int row = 0; row < rows; ++row) {
            const Bound &b = bound[done + row];
            const char *utf8 = b.utf8 ? b.utf8 : m_claimText.constData();
            st.bindText(row * 3 + 1, utf8 + b.source, b.sourceSize);
            st.bindText(row * 3 + 2, utf8 + b.id, b.idSize);
            st.bindInt64(row * 3 + 3, pre.firstSeq + (b.item - pre.begin));
        }
        if (!st.exec()) {
            m_error = tr("Cannot write to the journal: %1").arg(st.errorString());
            return false;
        }
        changed += st.changes();
        done += rows;
    }
    if (changed == ids) {
        pre.claimed = true;
        return true;
    }
    // One of them was claimed before (a retransmission, or twice in the group): take back
    // what this group claimed, and let each item claim its own.
    for (int k = 0; k < ids; ++k) {
        JournalEntry e = slice.items.at(bound[k].item);
        e.seq = pre.firstSeq + (bound[k].item - pre.begin);
        if (!releaseClaim(e))
            return false;
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
        SqliteStatement &st = *m_claimNative[singleRowSlot];
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

bool JournalWriter::moveClaim(const JournalEntry &e, qint64 from)
{
    QSqlQuery &q = *m_moveDedupe;
    q.bindValue(placeholder(0), e.seq);
    q.bindValue(placeholder(1), text(e.source));
    q.bindValue(placeholder(2), e.messageId);
    q.bindValue(placeholder(3), from);
    if (!exec(q))
        return false;
    if (q.numRowsAffected() == 1)
        return true;
    m_error = tr("The claim of message %1 was not found.").arg(e.messageId);
    return false;
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

bool JournalWriter::processItem(quint64 ticket, int index, const JournalEntry &in, Batch &out, bool asAction,
                                qint64 claimedAs, RowTexts texts)
{
    WriteResult r{ticket, index, WriteResult::Status::Stored, 0, {}};
    JournalEntry e = in;
    e.seq = m_nextSeq;
    if (e.time.timeSpec() != Qt::UTC || !e.time.isValid())
        e.time = utc(e.time);

    // (a) dedupe: claim (source, message id) for this seq; a conflict means it was journaled.
    const bool hasMessageId = !e.messageId.isEmpty();
    if (hasMessageId && claimedAs > 0) {
        if (claimedAs != e.seq && !moveClaim(e, claimedAs))
            return false;
    } else if (hasMessageId) {
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
        mergeChanges(out.changes, applied.value(), e.actor.id);
        if (e.kind == EntryKind::PrivacyPurged && !redactEntries(e))
            return false;
    } else if (!asAction && isDeviceMessage(e.kind)) {
        r.status = WriteResult::Status::Rejected;
        r.error = applied.error();
        e = rejectedEntry(e, applied.error());
        texts = {}; // another kind and payload
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
    out.texts.append(texts);
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
    while (out.inserted < out.stored.size()) {
        const qsizetype left = out.stored.size() - out.inserted;
        int slot = 0;
        while (journalStatementRows(slot) > left)
            ++slot;
        const int rows = journalStatementRows(slot);
        if (!full && rows < rowsPerInsert)
            return true; // the rest with the next rows

        // The texts submit() did not encode first (m_text does not move while they are bound):
        // textsPerRow + 1 offsets for each such row, then the binds.
        m_text.resize(0);
        m_textOffsets.resize(0);
        for (int row = 0; row < rows; ++row) {
            if (out.texts.at(out.inserted + row).utf8)
                continue;
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
            m_textOffsets.append(m_text.size());
        }

        SqliteStatement &st = *m_insertJournalNative[slot];
        qsizetype own = 0; // the next row's offsets in m_textOffsets
        for (int row = 0; row < rows; ++row) {
            const JournalEntry &e = out.stored.at(out.inserted + row);
            RowTexts texts = out.texts.at(out.inserted + row);
            if (!texts.utf8) {
                texts = RowTexts{m_text.constData(), m_textOffsets.constData() + own};
                own += textsPerRow + 1;
            }
            const int p = row * 8;
            st.bindInt64(p + 1, e.seq);
            if (e.time.isValid())
                st.bindInt64(p + 2, e.time.toMSecsSinceEpoch());
            else
                st.bindNull(p + 2);
            for (int t = 0; t < textsPerRow; ++t)
                st.bindText(p + 3 + t, texts.utf8 + texts.offsets[t], texts.offsets[t + 1] - texts.offsets[t]);
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
