#include "sqlconnection.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QThread>

#include <atomic>

namespace relais {

namespace {

std::atomic<quint64> s_serial{0};

} // namespace

SqlConnection::SqlConnection(const QString &purpose, SqlDialect dialect)
    : m_dialect(dialect),
      m_name(QStringLiteral("relais.%1.%2.%3")
                 .arg(purpose)
                 .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16)
                 .arg(++s_serial))
{}

SqlConnection::~SqlConnection()
{
    close();
}

bool SqlConnection::open(const QString &databasePath)
{
    close();
    m_error.clear();
    if (!QSqlDatabase::isDriverAvailable(m_dialect.driverName())) {
        m_error = tr("The Qt SQL driver %1 is not installed (Debian: install libqt6sql6-sqlite).")
                      .arg(m_dialect.driverName());
        return false;
    }
    m_db = QSqlDatabase::addDatabase(m_dialect.driverName(), m_name);
    m_db.setDatabaseName(databasePath);
    if (!m_db.open()) {
        m_error = tr("Cannot open the journal database %1: %2").arg(databasePath, m_db.lastError().text());
        close();
        return false;
    }
    if (Status s = m_dialect.configure(m_db); !s) {
        m_error = s.errorString();
        close();
        return false;
    }
    return true;
}

void SqlConnection::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool SqlConnection::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

} // namespace relais
