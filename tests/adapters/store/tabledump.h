#pragma once

#include <QMap>
#include <QSqlDatabase>
#include <QStringList>

namespace relais::test {

// The contents and schema of a database as sorted text, for exact comparisons.
class TableDump final
{
public:
    // Every row of table as "v1|v2|…" (NULL as <null>, doubles with 17 digits, blobs in hex), sorted.
    static QStringList rows(const QSqlDatabase &db, const QString &table);
    // rows() of every state table (StateWriter::tables()).
    static QMap<QString, QStringList> stateTables(const QSqlDatabase &db);
    // Every table and index: "type name: sql", sorted.
    static QStringList schema(const QSqlDatabase &db);
    static qint64 scalar(const QSqlDatabase &db, const QString &sql);
};

} // namespace relais::test
