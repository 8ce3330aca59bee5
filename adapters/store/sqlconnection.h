#pragma once

#include <QCoreApplication>

#include "sqldialect.h"

#include <QSqlDatabase>
#include <QString>

namespace relais {

// One named QSqlDatabase connection, opened, configured (SqlDialect::configure) and used on
// the thread that creates it, and removed when this object goes. Each thread of the store
// (writer, readers, start-up) has its own. Queries on it must be destroyed first.
class SqlConnection final
{
    Q_DECLARE_TR_FUNCTIONS(relais::SqlConnection)

    Q_DISABLE_COPY_MOVE(SqlConnection)

public:
    // purpose: a word for the connection name ("writer", "reader", ...).
    explicit SqlConnection(const QString &purpose, SqlDialect dialect = SqlDialect());
    ~SqlConnection();

    bool open(const QString &databasePath);
    void close();
    bool isOpen() const;

    QSqlDatabase &database() { return m_db; }
    const SqlDialect &dialect() const { return m_dialect; }
    QString name() const { return m_name; }
    QString errorString() const { return m_error; }

private:
    SqlDialect m_dialect;
    QString m_name;
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace relais
