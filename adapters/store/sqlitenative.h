#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>

struct sqlite3;
struct sqlite3_stmt;

namespace relais {

// The SQLite C API under a Qt connection, for the writer's hot statements only (dedupe
// claims, journal rows, device last-seen updates): no QVariant per value, no lookup of
// named placeholders, UTF-8 text bound as it is, several journal rows per statement.
// Everything else, and every other dialect, goes through QSqlQuery (the portable path,
// which these statements mirror exactly: same SQL semantics, same values).
//
// Used only when the connection is QSQLITE and Qt's SQLite driver runs on the very
// libsqlite3 this program links (checked once per process: a Qt whose driver bundles its
// own SQLite gets the portable path, never a handle from another library).
class SqliteNative final
{
public:
    // The connection's sqlite3 handle, or nullptr: use the portable path.
    static sqlite3 *handle(const QSqlDatabase &db);
    // On by default; tests turn it off to run the portable path on SQLite. Takes effect for
    // connections prepared afterwards.
    static void setEnabled(bool enabled);
    static bool isEnabled();
    // Whether Qt's SQLite driver uses the libsqlite3 linked here (false when it cannot tell).
    static bool driverSharesLibrary();
};

// One prepared statement on a native handle; finalized when destroyed. Text and blob
// values are bound without a copy: they must stay alive and unchanged until the next
// step() or reset().
class SqliteStatement final
{
    Q_DISABLE_COPY_MOVE(SqliteStatement)

public:
    SqliteStatement() = default;
    ~SqliteStatement();

    bool prepare(sqlite3 *db, const QByteArray &sql);
    bool isPrepared() const { return m_stmt != nullptr; }
    void finalize();

    void bindInt64(int index, qint64 value); // index from 1, as in SQLite
    void bindNull(int index);
    void bindText(int index, const char *utf8, qsizetype size);
    void bindText(int index, const QByteArray &utf8) { bindText(index, utf8.constData(), utf8.size()); }
    void bindBlob(int index, const QByteArray &bytes);

    // Runs the statement to its end and resets it (bindings are kept). false: see errorString().
    bool exec();
    // One step: true with a row (read it with column*), false at the end or on an error
    // (then failed() and errorString()). reset() afterwards.
    bool next();
    bool failed() const { return m_failed; }
    void reset();
    qint64 columnInt64(int column) const; // from 0
    bool columnIsNull(int column) const;
    QByteArray columnText(int column) const;

    // Rows changed by the last exec() (sqlite3_changes).
    qint64 changes() const;
    QString errorString() const { return m_error; }

private:
    void fail();

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_failed = false; // the last exec() or next()
    QString m_error;
};

// Appends the UTF-8 form of text to out: ASCII copied as is (the usual case for ids, kinds
// and sources), anything else through QString::toUtf8.
void appendUtf8(QByteArray &out, QStringView text);

} // namespace relais
