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

    // Per-connection settings: durable commits (SQLite: WAL + synchronous=FULL, checked by
    // reading them back) and a busy timeout. Run on every connection the store opens.
    Status configure(QSqlDatabase &db) const;

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
