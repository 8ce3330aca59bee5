// SqlConnection: the single way the store opens a database, so the durable settings
// read back here are those of the writer's, the readers' and the start-up connection.

#include "sqlconnection.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace relais;

namespace {

QVariant pragma(QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
        return {};
    return q.value(0);
}

} // namespace

class TestSqlConnection final : public QObject
{
    Q_OBJECT

private slots:
    void opensWithDurableSettings()
    {
        QTemporaryDir dir;
        SqlConnection c(QStringLiteral("writer"));
        QVERIFY2(c.open(dir.filePath(QStringLiteral("relais.sqlite"))), qPrintable(c.errorString()));
        QVERIFY(c.isOpen());
        QCOMPARE(pragma(c.database(), QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(pragma(c.database(), QStringLiteral("synchronous")).toInt(), 2); // FULL
        QCOMPARE(pragma(c.database(), QStringLiteral("busy_timeout")).toInt(), SqlDialect::busyTimeoutMs);
        QVERIFY(c.name().startsWith(QLatin1String("relais.writer.")));
    }

    void eachConnectionHasItsOwnNameAndGoesAway()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("relais.sqlite"));
        QString name;
        {
            SqlConnection a(QStringLiteral("reader"));
            SqlConnection b(QStringLiteral("reader"));
            QVERIFY(a.open(path));
            QVERIFY(b.open(path));
            QVERIFY(a.name() != b.name());
            QVERIFY(QSqlDatabase::contains(a.name()));
            name = a.name();

            // A connection made on another thread is named after that thread.
            QString other;
            QThread *t = QThread::create([&] {
                SqlConnection c(QStringLiteral("reader"));
                if (c.open(path))
                    other = c.name();
            });
            t->start();
            t->wait();
            delete t;
            QVERIFY(!other.isEmpty());
            QCOMPARE(other.section(QLatin1Char('.'), 0, 1), a.name().section(QLatin1Char('.'), 0, 1));
            QVERIFY(other.section(QLatin1Char('.'), 2, 2) != a.name().section(QLatin1Char('.'), 2, 2));
        }
        QVERIFY(!QSqlDatabase::contains(name));
    }

    void reportsAnUnopenableFile()
    {
        QTemporaryDir dir;
        SqlConnection c(QStringLiteral("writer"));
        const QString path = dir.filePath(QStringLiteral("missing/folder/relais.sqlite"));
        QVERIFY(!c.open(path));
        QVERIFY(!c.isOpen());
        QVERIFY2(c.errorString().contains(path), qPrintable(c.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestSqlConnection)
#include "tst_sqlconnection.moc"
