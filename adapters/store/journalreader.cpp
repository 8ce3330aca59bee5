#include "journalreader.h"

#include "sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace relais {

namespace {

Error sqlError(const QSqlQuery &q)
{
    return Error{QStringLiteral("sql_error"),
                 QCoreApplication::translate("relais::JournalReader", "Cannot read the journal: %1 (%2)")
                     .arg(q.lastError().text(), q.lastQuery())};
}

Result<qint64> scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return sqlError(q);
    return q.value(0).toLongLong();
}

} // namespace

QString JournalReader::columns()
{
    return QStringLiteral("seq, time_ms, source, message_id, kind, actor, payload, raw");
}

JournalEntry JournalReader::entryFrom(const QSqlQuery &q)
{
    JournalEntry e;
    e.seq = q.value(0).toLongLong();
    e.time = SqlValues::timeFrom(q.value(1));
    e.source = q.value(2).toString();
    e.messageId = q.value(3).toString();
    e.kind = q.value(4).toString();
    e.actor = Actor::fromString(q.value(5).toString());
    e.payload = SqlValues::jsonObjectFrom(q.value(6).toString());
    e.raw = q.value(7).toByteArray();
    return e;
}

Result<qint64> JournalReader::lastSeq() const
{
    return scalar(m_db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM journal"));
}

Result<qint64> JournalReader::count() const
{
    return scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM journal"));
}

Result<QHash<QString, qint64>> JournalReader::countsByKind() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT kind, COUNT(*) FROM journal GROUP BY kind")))
        return sqlError(q);
    QHash<QString, qint64> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

Result<QList<JournalEntry>> JournalReader::read(qint64 afterSeq, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT %1 FROM journal WHERE seq > ? ORDER BY seq LIMIT ?").arg(columns())))
        return sqlError(q);
    q.bindValue(0, afterSeq);
    q.bindValue(1, limit);
    if (!q.exec())
        return sqlError(q);
    QList<JournalEntry> out;
    while (q.next())
        out.append(entryFrom(q));
    return out;
}

Status JournalReader::forEach(const std::function<bool(const JournalEntry &)> &visit, qint64 afterSeq) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT %1 FROM journal WHERE seq > ? ORDER BY seq").arg(columns())))
        return sqlError(q);
    q.bindValue(0, afterSeq);
    if (!q.exec())
        return sqlError(q);
    while (q.next()) {
        if (!visit(entryFrom(q)))
            break;
    }
    if (q.lastError().isValid())
        return sqlError(q);
    return {};
}

Result<std::optional<JournalEntry>> JournalReader::findByMessageId(const QString &source,
                                                                   const QString &messageId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT %1 FROM journal WHERE seq = "
                                  "(SELECT seq FROM journal_dedupe WHERE source = ? AND message_id = ?)")
                       .arg(columns())))
        return sqlError(q);
    q.bindValue(0, source);
    q.bindValue(1, messageId);
    if (!q.exec())
        return sqlError(q);
    if (!q.next())
        return std::optional<JournalEntry>();
    return std::optional<JournalEntry>(entryFrom(q));
}

} // namespace relais
