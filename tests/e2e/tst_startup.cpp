// Starts the real relais executable with a throwaway data folder, as a user would.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestStartup final : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment environment(const QString &home)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
        return env;
    }

private slots:
    void versionNeedsNoDisplay()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(RELAIS_EXE), {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardOutput().trimmed(), QByteArray("relais " RELAIS_VERSION));
    }

    void badOptionIsAnErrorOnStderr()
    {
        QProcess p;
        p.start(QStringLiteral(RELAIS_EXE), {QStringLiteral("--lang"), QStringLiteral("xx")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("xx"));
    }

    void startsOnAFreshDataDirAndQuits()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString dataDir = home.filePath(QStringLiteral("desk"));
        QProcess p;
        p.setProcessEnvironment(environment(home.path()));
        p.start(QStringLiteral(RELAIS_EXE), {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--quit-after"),
                                             QStringLiteral("1"), QStringLiteral("--lang"), QStringLiteral("fr")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        // The embedded default: an SQLite journal in the data folder, created on first start.
        const QStringList dbs = QDir(dataDir).entryList({QStringLiteral("*.sqlite")}, QDir::Files);
        QCOMPARE(dbs.size(), 1);
        QVERIFY(QFileInfo(QDir(dataDir).filePath(dbs.first())).size() > 0);
    }

    void secondInstanceOnSameDataDirIsRefused()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString dataDir = home.filePath(QStringLiteral("desk"));
        QProcess first;
        first.setProcessEnvironment(environment(home.path()));
        first.start(QStringLiteral(RELAIS_EXE),
                    {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--quit-after"), QStringLiteral("30")});
        QVERIFY(first.waitForStarted());
        // Wait until the first instance holds its data folder (the journal exists).
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(dataDir).entryList({QStringLiteral("*.sqlite")}, QDir::Files).isEmpty(), 30000);

        QProcess second;
        second.setProcessEnvironment(environment(home.path()));
        second.start(QStringLiteral(RELAIS_EXE),
                     {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--quit-after"), QStringLiteral("1")});
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 1);
        const QString err = QString::fromUtf8(second.readAllStandardError());
        QVERIFY2(err.contains(QString::number(first.processId())), qPrintable(err));

        first.terminate();
        QVERIFY(first.waitForFinished(30000));
    }
};

QTEST_GUILESS_MAIN(TestStartup)
#include "tst_startup.moc"
