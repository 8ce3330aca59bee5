// RotatingFileSink on a temporary folder: the line's shape, rotation at the bound, how many
// files are kept, reopening appends, warnings on disk at once, and nothing but relais.* records.
#include "logging/logrecord.h"
#include "logging/rotatingfilesink.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace relais;

namespace {

LogRecord record(const QString &text, QtMsgType level = QtInfoMsg,
                 const QString &category = QStringLiteral("relais.store"))
{
    LogRecord r;
    r.time = QDateTime(QDate(2026, 12, 8), QTime(9, 30, 0, 123), Qt::UTC);
    r.level = level;
    r.category = category;
    r.text = text;
    return r;
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList logFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("relais.log*")}, QDir::Files, QDir::Name);
}

} // namespace

class TestRotatingFileSink final : public QObject
{
    Q_OBJECT

private slots:
    void writesOneLinePerRecordInUtc()
    {
        QTemporaryDir home;
        const QString dir = RotatingFileSink::directoryIn(home.path());
        QCOMPARE(dir, home.filePath(QStringLiteral("logs")));
        {
            RotatingFileSink sink(dir);
            QVERIFY2(sink.open(), qPrintable(sink.errorString())); // makes the folder
            QCOMPARE(sink.filePath(), QDir(dir).filePath(QStringLiteral("relais.log")));
            sink.write(record(QStringLiteral("Gateway gw-1 refused from 10.0.0.7: wrong token."), QtWarningMsg,
                              QStringLiteral("relais.devices")));
            LogRecord local = record(QStringLiteral("purged"), QtInfoMsg, QStringLiteral("relais.privacy"));
            local.time = QDateTime(QDate(2026, 12, 8), QTime(10, 30), QTimeZone(3600)); // 09:30 UTC
            sink.write(local);
        }
        QCOMPARE(contents(QDir(dir).filePath(QStringLiteral("relais.log"))),
                 QByteArray("2026-12-08T09:30:00.123Z warning relais.devices: Gateway gw-1 refused from 10.0.0.7: "
                            "wrong token.\n"
                            "2026-12-08T09:30:00.000Z info relais.privacy: purged\n"));
    }

    void escapesLineBreaksSoThatAPeerCannotForgeALine()
    {
        const QByteArray line = RotatingFileSink::line(
            record(QStringLiteral("Gateway gw\n2026-12-08T09:30:00.000Z info relais.app: forged\r\tx\x1b[0m")));
        QCOMPARE(line, QByteArray("2026-12-08T09:30:00.123Z info relais.store: Gateway gw\\n2026-12-08T09:30:00.000Z "
                                  "info relais.app: forged\\r\\tx\\u001b[0m\n"));
        QCOMPARE(line.count('\n'), 1);
        // Very long texts are cut: a line always fits in one file.
        const QByteArray longLine = RotatingFileSink::line(record(QString(10000, QLatin1Char('x'))));
        QVERIFY(longLine.size() < RotatingFileSink::kMinMaxBytes);
        QVERIFY(longLine.endsWith(QStringLiteral("x\u2026\n").toUtf8()));
    }

    void takesInfoAndAboveOfRelaisCategoriesButNotTheWindowsOwn()
    {
        RotatingFileSink sink(QStringLiteral("/nonexistent"));
        QVERIFY(sink.accepts(record(QStringLiteral("x"), QtInfoMsg, QStringLiteral("relais.store"))));
        QVERIFY(sink.accepts(record(QStringLiteral("x"), QtCriticalMsg, QStringLiteral("relais.app"))));
        QVERIFY(sink.accepts(record(QStringLiteral("x"), QtWarningMsg, QStringLiteral("relais.sound"))));
        QVERIFY(!sink.accepts(record(QStringLiteral("x"), QtDebugMsg, QStringLiteral("relais.store"))));
        QVERIFY(!sink.accepts(record(QStringLiteral("x"), QtWarningMsg, QStringLiteral("relais.ui"))));
        QVERIFY(!sink.accepts(record(QStringLiteral("x"), QtWarningMsg, QStringLiteral("default"))));
        QVERIFY(!sink.accepts(record(QStringLiteral("x"), QtWarningMsg, QStringLiteral("qt.network.ssl"))));
        QVERIFY(!sink.accepts(record(QStringLiteral("x"), QtWarningMsg, QStringLiteral("relaisx.store"))));
    }

    void rotatesAtTheBoundAndKeepsAFewFiles()
    {
        QTemporaryDir home;
        const qint64 bound = RotatingFileSink::kMinMaxBytes; // 16 KiB: many lines per file
        const int keep = 3;
        RotatingFileSink sink(home.path(), bound, keep);
        QVERIFY(sink.open());
        const qint64 lineSize =
            RotatingFileSink::line(record(QStringLiteral("line 00000 ") + QString(80, u'.'))).size();
        const int perFile = int(bound / lineSize);
        const int total = perFile * (keep + 3) + 5; // more than the files kept can hold
        for (int i = 0; i < total; ++i)
            sink.write(record(QStringLiteral("line %1 ").arg(i, 5, 10, QLatin1Char('0')) + QString(80, u'.')));
        sink.flush();

        QCOMPARE(logFiles(home.path()), QStringList({QStringLiteral("relais.log"), QStringLiteral("relais.log.1"),
                                                     QStringLiteral("relais.log.2"), QStringLiteral("relais.log.3")}));
        // Every file within the bound; the rotated ones full, in order, oldest the highest number.
        qint64 previousFirst = std::numeric_limits<qint64>::max();
        for (const QString &name : {QStringLiteral("relais.log"), QStringLiteral("relais.log.1"),
                                    QStringLiteral("relais.log.2"), QStringLiteral("relais.log.3")}) {
            const QByteArray bytes = contents(home.filePath(name));
            QVERIFY2(bytes.size() <= bound, qPrintable(name));
            if (name != QLatin1String("relais.log"))
                QVERIFY2(bytes.size() > bound - lineSize, qPrintable(name));
            const QList<QByteArray> lines = bytes.trimmed().split('\n');
            const qint64 first = lines.first().mid(lines.first().indexOf("line ") + 5, 5).toLongLong();
            QVERIFY2(first < previousFirst, qPrintable(name));
            previousFirst = first;
        }
        // The newest line is at the end of relais.log; the oldest ones were dropped.
        const QByteArray current = contents(home.filePath(QStringLiteral("relais.log")));
        QVERIFY(current.trimmed().endsWith(
            (QStringLiteral("line %1 ").arg(total - 1, 5, 10, QLatin1Char('0')) + QString(80, u'.')).toUtf8()));
        QVERIFY(!contents(home.filePath(QStringLiteral("relais.log.3"))).contains("line 00000 "));
    }

    void keepingNoneOnlyEmptiesTheFile()
    {
        QTemporaryDir home;
        RotatingFileSink sink(home.path(), RotatingFileSink::kMinMaxBytes, 0);
        QVERIFY(sink.open());
        for (int i = 0; i < 400; ++i)
            sink.write(record(QString(100, u'z')));
        sink.flush();
        QCOMPARE(logFiles(home.path()), QStringList{QStringLiteral("relais.log")});
        QVERIFY(QFileInfo(home.filePath(QStringLiteral("relais.log"))).size() <= RotatingFileSink::kMinMaxBytes);
    }

    void reopeningAppendsAndRotatesAFileLeftFull()
    {
        QTemporaryDir home;
        {
            RotatingFileSink sink(home.path());
            QVERIFY(sink.open());
            sink.write(record(QStringLiteral("first run")));
        }
        {
            RotatingFileSink sink(home.path());
            QVERIFY(sink.open());
            sink.write(record(QStringLiteral("second run")));
        }
        const QByteArray both = contents(home.filePath(QStringLiteral("relais.log")));
        QVERIFY2(both.contains("first run\n") && both.endsWith("second run\n"), both.constData());
        QCOMPARE(logFiles(home.path()).size(), 1);

        // A file over the bound (a larger bound before, or written by hand) is rotated at open.
        QFile big(home.filePath(QStringLiteral("relais.log")));
        QVERIFY(big.open(QIODevice::Append));
        big.write(QByteArray(RotatingFileSink::kMinMaxBytes, 'x'));
        big.close();
        RotatingFileSink sink(home.path(), RotatingFileSink::kMinMaxBytes);
        QVERIFY(sink.open());
        sink.write(record(QStringLiteral("third run")));
        sink.flush();
        QCOMPARE(contents(home.filePath(QStringLiteral("relais.log"))),
                 RotatingFileSink::line(record(QStringLiteral("third run"))));
        QVERIFY(contents(home.filePath(QStringLiteral("relais.log.1"))).startsWith(both));
    }

    void warningsAreOnDiskAtOnce()
    {
        QTemporaryDir home;
        RotatingFileSink sink(home.path());
        QVERIFY(sink.open());
        sink.write(record(QStringLiteral("The journal could not be written"), QtWarningMsg));
        // Read by another handle while the sink is still open, nothing flushed by hand.
        QVERIFY(contents(sink.filePath()).contains("The journal could not be written"));
        sink.write(record(QStringLiteral("an info line")));
        sink.flush();
        QVERIFY(contents(sink.filePath()).contains("an info line"));
    }

    void aFolderThatCannotBeMadeIsAnError()
    {
        QTemporaryDir home;
        QFile blocker(home.filePath(QStringLiteral("logs")));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
        blocker.close();
        RotatingFileSink sink(RotatingFileSink::directoryIn(home.path()));
        QVERIFY(!sink.open());
        QVERIFY(!sink.errorString().isEmpty());
        sink.write(record(QStringLiteral("dropped"))); // not open: nothing happens
    }
};

QTEST_GUILESS_MAIN(TestRotatingFileSink)
#include "tst_rotatingfilesink.moc"
