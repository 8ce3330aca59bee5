#include "sqldialect.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace relais {

namespace {

Error sqlError(const QSqlQuery &q, const QString &what)
{
    return Error{QStringLiteral("sql_error"),
                 SqlDialect::tr("%1 (%2): %3").arg(what, q.lastQuery(), q.lastError().text())};
}

} // namespace

QString SqlDialect::driverName() const
{
    return m_kind == Kind::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString SqlDialect::journalKeyType() const
{
    return m_kind == Kind::Sqlite ? QStringLiteral("INTEGER PRIMARY KEY") : QStringLiteral("BIGINT PRIMARY KEY");
}

QString SqlDialect::blobType() const
{
    return m_kind == Kind::Sqlite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA");
}

QString SqlDialect::keyedTableOptions() const
{
    return m_kind == Kind::Sqlite ? QStringLiteral(" WITHOUT ROWID") : QString();
}

QStringList SqlDialect::rebuildAsRowidTable(const QString &table, const QString &createColumns,
                                            const QString &columnNames) const
{
    if (m_kind != Kind::Sqlite)
        return {};
    const QString old = table + QStringLiteral("_keyed");
    return {
        QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(table, old),
        QStringLiteral("CREATE TABLE %1 (%2)").arg(table, createColumns),
        QStringLiteral("INSERT INTO %1 (%3) SELECT %3 FROM %2").arg(table, old, columnNames),
        QStringLiteral("DROP TABLE %1").arg(old),
    };
}

QStringList SqlDialect::renameReplacement(const QString &from, const QString &to) const
{
    QStringList out{QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(from, to)};
    if (m_kind == Kind::PostgreSql)
        out.append(QStringLiteral("ALTER INDEX %1_pkey RENAME TO %2_pkey").arg(from, to));
    return out;
}

Status SqlDialect::configureWriter(QSqlDatabase &db) const
{
    if (m_kind != Kind::Sqlite)
        return {};
    QSqlQuery q(db);
    // Negative: in KiB rather than pages.
    if (!q.exec(QStringLiteral("PRAGMA cache_size=-%1").arg(writerCacheKiB)))
        return sqlError(q, tr("Cannot size the page cache"));
    if (!q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(writerCheckpointPages)))
        return sqlError(q, tr("Cannot set the checkpoint interval"));
    q.finish();
    return {};
}

Status SqlDialect::configure(QSqlDatabase &db) const
{
    QSqlQuery q(db);
    if (m_kind == Kind::PostgreSql) {
        if (!q.exec(QStringLiteral("SET synchronous_commit TO on")))
            return sqlError(q, tr("Cannot make commits durable"));
        return {};
    }
    // WAL: readers never block the writer; the mode is persistent in the file.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
        return sqlError(q, tr("Cannot switch the journal database to write-ahead logging"));
    const QString mode = q.value(0).toString().toLower();
    q.finish();
    if (mode != QLatin1String("wal")) {
        return Error{QStringLiteral("no_wal"),
                     tr("The journal database %1 cannot use write-ahead logging (journal mode is “%2”). "
                        "Put the data folder on a local disk.")
                         .arg(db.databaseName(), mode)};
    }
    // FULL: with WAL, every commit is synced to disk before it returns.
    if (!q.exec(QStringLiteral("PRAGMA synchronous=FULL")))
        return sqlError(q, tr("Cannot make commits durable"));
    if (!q.exec(QStringLiteral("PRAGMA synchronous")) || !q.next() || q.value(0).toInt() != 2)
        return sqlError(q, tr("Cannot make commits durable"));
    q.finish();
    if (!q.exec(QStringLiteral("PRAGMA busy_timeout=%1").arg(busyTimeoutMs)))
        return sqlError(q, tr("Cannot set the busy timeout"));
    q.finish();
    return {};
}

Result<int> SqlDialect::schemaVersion(QSqlDatabase &db) const
{
    QSqlQuery q(db);
    if (m_kind == Kind::PostgreSql) {
        if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS relais_schema (version INTEGER NOT NULL)")))
            return sqlError(q, tr("Cannot read the schema version"));
        if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM relais_schema")) || !q.next())
            return sqlError(q, tr("Cannot read the schema version"));
        return q.value(0).toInt();
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError(q, tr("Cannot read the schema version"));
    return q.value(0).toInt();
}

Status SqlDialect::setSchemaVersion(QSqlDatabase &db, int version) const
{
    QSqlQuery q(db);
    if (m_kind == Kind::PostgreSql) {
        if (!q.exec(QStringLiteral("DELETE FROM relais_schema"))
            || !q.exec(QStringLiteral("INSERT INTO relais_schema (version) VALUES (%1)").arg(version)))
            return sqlError(q, tr("Cannot write the schema version"));
        return {};
    }
    // PRAGMA takes no bound parameters; version is an int we format ourselves.
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
        return sqlError(q, tr("Cannot write the schema version"));
    return {};
}

Result<QString> SqlDialect::integrityCheck(QSqlDatabase &db) const
{
    if (m_kind == Kind::PostgreSql)
        return QStringLiteral("ok"); // the server keeps its own files consistent
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return sqlError(q, tr("Cannot check the journal database"));
    QStringList lines;
    while (q.next())
        lines.append(q.value(0).toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace relais
