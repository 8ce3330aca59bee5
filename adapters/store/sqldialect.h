#pragma once

#include <QCoreApplication>

#include "result.h"

#include <QSqlDatabase>
#include <QString>

namespace relais {

// Everything that differs between the SQL engines the store runs on. All other SQL in
// the store is portable (SQLite ≥ 3.24 and PostgreSQL ≥ 9.5: INSERT … ON CONFLICT … DO
// UPDATE, excluded.*, BIGINT, DOUBLE PRECISION, TEXT). Only SQLite is exercised today; the
// PostgreSQL branches are the known differences, kept here so they stay in one place.
class SqlDialect final
{
    Q_DECLARE_TR_FUNCTIONS(relais::SqlDialect)

public:
    enum class Kind { Sqlite, PostgreSql };

    explicit SqlDialect(Kind kind = Kind::Sqlite) : m_kind(kind) {}

    Kind kind() const { return m_kind; }
    QString driverName() const;

    // DDL types. The journal key: in SQLite exactly "INTEGER PRIMARY KEY" makes it the rowid
    // (appends are cheap); the store assigns seq itself, so no autoincrement is needed.
    QString journalKeyType() const;
    QString blobType() const;
    // Appended to CREATE TABLE of tables keyed by their primary key (state tables, dedupe
    // claims): SQLite stores them in the key's B-tree ("WITHOUT ROWID"), so an upsert or a
    // claim touches one B-tree instead of two.
    QString keyedTableOptions() const;

    // A table whose rows are updated in place very often, by a key that never changes
    // (devices: last seen and battery on every device message). SQLite keeps a keyed table
    // in its key's B-tree (keyedTableOptions), where such an update deletes and reinserts
    // the row; as a rowid table (the key in an index of its own) the writer can update the
    // row where it is, by its rowid. These statements rebuild table (whose rows have the
    // given column list) as a rowid table with the same columns and rows; other engines
    // update in place anyway and need nothing.
    QStringList rebuildAsRowidTable(const QString &table, const QString &createColumns,
                                    const QString &columnNames) const;

    // Renames a table that replaced another (created as `from`, the old one dropped): on
    // PostgreSQL its primary key index, named after the table it was created as, is renamed
    // too, so that the schema reads as if it had been created under its name.
    QStringList renameReplacement(const QString &from, const QString &to) const;

    // Per-connection settings: durable commits (SQLite: WAL + synchronous=FULL, checked by
    // reading them back) and a busy timeout. Run on every connection the store opens.
    Status configure(QSqlDatabase &db) const;
    // The writer's connection in addition: a page cache large enough for the pages a batch
    // touches (device rows of a large desk, the dedupe index), so that they stay in memory;
    // and checkpoints (which the committing connection runs, syncing the database file) when
    // the WAL holds writerCheckpointPages rather than SQLite's 1,000: fewer syncs, and a
    // device page rewritten by many batches is copied back once.
    Status configureWriter(QSqlDatabase &db) const;
    static constexpr int writerCacheKiB = 64 * 1024;
    static constexpr int writerCheckpointPages = 8192; // 32 MiB of 4 KiB pages

    // The schema version (SQLite: PRAGMA user_version). Setting it inside the migration's
    // transaction makes the step and its version number commit together.
    Result<int> schemaVersion(QSqlDatabase &db) const;
    Status setSchemaVersion(QSqlDatabase &db, int version) const;

    // SQLite's own consistency check: "ok" when the file is sound.
    Result<QString> integrityCheck(QSqlDatabase &db) const;

    static constexpr int busyTimeoutMs = 5000;

private:
    Kind m_kind;
};

} // namespace relais
