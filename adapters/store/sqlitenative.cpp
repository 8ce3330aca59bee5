#include "sqlitenative.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <atomic>

#if defined(Q_OS_LINUX)
#include <dlfcn.h>
#include <link.h>
#endif

namespace relais {

namespace {

std::atomic<bool> s_enabled{true};

#if defined(Q_OS_LINUX)
// The file name of the loaded Qt SQLite driver plugin (libqsqlite.so), if any.
int findDriverPlugin(struct dl_phdr_info *info, size_t, void *data)
{
    const QByteArray name(info->dlpi_name);
    if (!name.contains("libqsqlite"))
        return 0;
    *static_cast<QByteArray *>(data) = name;
    return 1;
}
#endif

} // namespace

bool SqliteNative::driverSharesLibrary()
{
#if defined(Q_OS_LINUX)
    // 1: shares it, 0: does not; decided once the driver is loaded.
    static std::atomic<int> known{-1};
    if (const int k = known.load(); k >= 0)
        return k == 1;
    QByteArray plugin;
    dl_iterate_phdr(&findDriverPlugin, &plugin);
    if (plugin.isEmpty())
        return false; // not loaded yet (no QSQLITE connection was opened)
    void *module = dlopen(plugin.constData(), RTLD_LAZY | RTLD_NOLOAD);
    if (!module)
        return false;
    // The SQLite the driver resolves (its own copy, or the shared library it needs) must
    // be the one this program calls.
    void *theirs = dlsym(module, "sqlite3_libversion_number");
    dlclose(module);
    const bool shared = theirs == reinterpret_cast<void *>(&sqlite3_libversion_number);
    known.store(shared ? 1 : 0);
    return shared;
#else
    return false;
#endif
}

void SqliteNative::setEnabled(bool enabled)
{
    s_enabled.store(enabled);
}

bool SqliteNative::isEnabled()
{
    return s_enabled.load();
}

sqlite3 *SqliteNative::handle(const QSqlDatabase &db)
{
    if (!isEnabled() || !db.isOpen() || db.driverName() != QLatin1String("QSQLITE") || !driverSharesLibrary())
        return nullptr;
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

SqliteStatement::~SqliteStatement()
{
    finalize();
}

void SqliteStatement::finalize()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
}

bool SqliteStatement::prepare(sqlite3 *db, const QByteArray &sql)
{
    finalize();
    m_db = db;
    m_error.clear();
    if (sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
        != SQLITE_OK) {
        m_error = QStringLiteral("%1 (%2)").arg(QString::fromUtf8(sqlite3_errmsg(db)), QString::fromUtf8(sql));
        finalize();
        return false;
    }
    return true;
}

void SqliteStatement::bindInt64(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void SqliteStatement::bindText(int index, const char *utf8, qsizetype size)
{
    // Never NULL for an empty text: the text columns are NOT NULL, as on the portable path.
    sqlite3_bind_text64(m_stmt, index, utf8 ? utf8 : "", sqlite3_uint64(size), nullptr, SQLITE_UTF8);
}

void SqliteStatement::bindBlob(int index, const QByteArray &bytes)
{
    // A zero-length blob, not NULL, for empty raw bytes (BLOB NOT NULL).
    if (bytes.isEmpty())
        sqlite3_bind_zeroblob(m_stmt, index, 0);
    else
        sqlite3_bind_blob64(m_stmt, index, bytes.constData(), sqlite3_uint64(bytes.size()), nullptr);
}

void SqliteStatement::fail()
{
    m_failed = true;
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    if (const char *sql = sqlite3_sql(m_stmt)) {
        QString text = QString::fromUtf8(sql);
        if (text.size() > 200)
            text = text.left(200) + QStringLiteral("…");
        m_error += QStringLiteral(" (%1)").arg(text);
    }
}

bool SqliteStatement::exec()
{
    m_failed = false;
    int rc = sqlite3_step(m_stmt);
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(m_stmt);
    if (rc != SQLITE_DONE) {
        fail();
        sqlite3_reset(m_stmt);
        return false;
    }
    sqlite3_reset(m_stmt);
    return true;
}

bool SqliteStatement::next()
{
    m_failed = false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        fail();
    return false;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QByteArray SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArray(text, sqlite3_column_bytes(m_stmt, column));
}

qint64 SqliteStatement::changes() const
{
    return sqlite3_changes64(m_db);
}

void appendUtf8(QByteArray &out, QStringView text)
{
    const qsizetype n = text.size();
    const char16_t *s = text.utf16();
    qsizetype i = 0;
    while (i < n && s[i] < 0x80)
        ++i;
    if (i == n) {
        const qsizetype at = out.size();
        out.resize(at + n);
        char *d = out.data() + at;
        for (qsizetype k = 0; k < n; ++k)
            d[k] = char(s[k]);
        return;
    }
    out += text.toUtf8();
}

} // namespace relais
