// SqlDialect: the engine-specific statements (schema version, integrity check, types, renames).

#include "sqlconnection.h"
#include "sqldialect.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

class TestSqlDialect final : public QObject
{
    Q_OBJECT

private slots:
    void schemaVersionRoundTripsAndIsTransactional()
    {
        QTemporaryDir dir;
        SqlConnection c(QStringLiteral("test"));
        QVERIFY(c.open(dir.filePath(QStringLiteral("x.sqlite"))));
        const SqlDialect &d = c.dialect();
        QCOMPARE(d.schemaVersion(c.database()).value(), 0);
        QVERIFY(d.setSchemaVersion(c.database(), 7));
        QCOMPARE(d.schemaVersion(c.database()).value(), 7);
        // Set inside a transaction that rolls back: the version goes back with it, which is
        // what makes a migration step and its version number atomic.
        QVERIFY(c.database().transaction());
        QVERIFY(d.setSchemaVersion(c.database(), 8));
        QVERIFY(c.database().rollback());
        QCOMPARE(d.schemaVersion(c.database()).value(), 7);
    }

    void integrityCheckSaysOk()
    {
        QTemporaryDir dir;
        SqlConnection c(QStringLiteral("test"));
        QVERIFY(c.open(dir.filePath(QStringLiteral("x.sqlite"))));
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (a INTEGER)")));
        const Result<QString> r = c.dialect().integrityCheck(c.database());
        QVERIFY(r.ok());
        QCOMPARE(r.value(), QStringLiteral("ok"));
    }

    void journalKeyIsTheRowid()
    {
        // "INTEGER PRIMARY KEY" aliases the rowid in SQLite (cheap appends); other engines differ.
        QTemporaryDir dir;
        SqlConnection c(QStringLiteral("test"));
        QVERIFY(c.open(dir.filePath(QStringLiteral("x.sqlite"))));
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE j (seq %1, raw %2 NOT NULL)")
                           .arg(c.dialect().journalKeyType(), c.dialect().blobType())));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO j (seq, raw) VALUES (41, x'00ff')")));
        QVERIFY(q.exec(QStringLiteral("SELECT rowid, typeof(raw) FROM j")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(41));
        QCOMPARE(q.value(1).toString(), QStringLiteral("blob"));

        const SqlDialect pg(SqlDialect::Kind::PostgreSql);
        QCOMPARE(pg.driverName(), QStringLiteral("QPSQL"));
        QCOMPARE(pg.blobType(), QStringLiteral("BYTEA"));
        QCOMPARE(pg.journalKeyType(), QStringLiteral("BIGINT PRIMARY KEY"));
    }

    void aReplacementTableTakesTheNameOfTheOld()
    {
        QTemporaryDir dir;
        SqlConnection c(QStringLiteral("test"));
        QVERIFY(c.open(dir.filePath(QStringLiteral("x.sqlite"))));
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t_next (k TEXT PRIMARY KEY, v INTEGER)%1")
                           .arg(c.dialect().keyedTableOptions())));
        for (const QString &sql : c.dialect().renameReplacement(QStringLiteral("t_next"), QStringLiteral("t")))
            QVERIFY2(q.exec(sql), qPrintable(sql));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (k, v) VALUES ('a', 1)")));

        // PostgreSQL names a primary key's index after the table it was created with.
        const SqlDialect pg(SqlDialect::Kind::PostgreSql);
        QCOMPARE(pg.renameReplacement(QStringLiteral("t_next"), QStringLiteral("t")),
                 (QStringList{QStringLiteral("ALTER TABLE t_next RENAME TO t"),
                              QStringLiteral("ALTER INDEX t_next_pkey RENAME TO t_pkey")}));
    }
};

QTEST_GUILESS_MAIN(TestSqlDialect)
#include "tst_sqldialect.moc"
