// SqlDialect: the SQLite-only statements (schema version, integrity check, types).

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
};

QTEST_GUILESS_MAIN(TestSqlDialect)
#include "tst_sqldialect.moc"
