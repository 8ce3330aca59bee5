#include "tabledump.h"

#include "statewriter.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace relais::test {

QStringList TableDump::rows(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QStringList out;
    if (!q.exec(QStringLiteral("SELECT * FROM ") + table)) {
        out.append(QStringLiteral("<error: %1>").arg(q.lastError().text()));
        return out;
    }
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i) {
            const QVariant v = q.value(i);
            if (v.isNull())
                cells.append(QStringLiteral("<null>"));
            else if (v.typeId() == QMetaType::Double)
                cells.append(QString::number(v.toDouble(), 'g', 17));
            else if (v.typeId() == QMetaType::QByteArray)
                cells.append(QStringLiteral("x'%1'").arg(QString::fromLatin1(v.toByteArray().toHex())));
            else
                cells.append(v.toString());
        }
        out.append(cells.join(QLatin1Char('|')));
    }
    out.sort();
    return out;
}

QMap<QString, QStringList> TableDump::stateTables(const QSqlDatabase &db)
{
    QMap<QString, QStringList> out;
    for (const QString &table : StateWriter::tables())
        out.insert(table, rows(db, table));
    return out;
}

QStringList TableDump::schema(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    QStringList out;
    q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"));
    while (q.next())
        out.append(
            QStringLiteral("%1 %2: %3").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
    out.sort();
    return out;
}

qint64 TableDump::scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace relais::test
