#pragma once

#include "journalentry.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <functional>
#include <optional>

class QSqlQuery;

namespace relais {

// Reads the journal on the caller's own connection (a SqlConnection opened on the reading
// thread): ranges in seq order, a streaming walk for replays, counts, lookups by message id.
// In WAL mode readers see only committed entries and never block the writer.
class JournalReader final
{
public:
    explicit JournalReader(const QSqlDatabase &db) : m_db(db) {}

    Result<qint64> lastSeq() const;
    Result<qint64> count() const;
    Result<QHash<QString, qint64>> countsByKind() const;

    // Up to limit entries with seq > afterSeq, in seq order.
    Result<QList<JournalEntry>> read(qint64 afterSeq, int limit) const;
    // Every entry with seq > afterSeq in seq order, without holding them all in memory;
    // stops early when visit returns false.
    Status forEach(const std::function<bool(const JournalEntry &)> &visit, qint64 afterSeq = 0) const;
    // The entry that carried (source, messageId) first, if any.
    Result<std::optional<JournalEntry>> findByMessageId(const QString &source, const QString &messageId) const;

    // The columns entryFrom() expects, in order, for SELECTs on the journal table.
    static QString columns();
    static JournalEntry entryFrom(const QSqlQuery &q);

private:
    QSqlDatabase m_db;
};

} // namespace relais
