// DataDirLock: one running Relais per data folder. The other holder is a real process.

#include "datadirlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

namespace {

// Starts the child holding dataDir and waits until it has the lock.
bool startHolder(QProcess &child, const QString &dataDir)
{
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(RELAIS_STORE_CHILD), {QStringLiteral("hold"), dataDir});
    if (!child.waitForStarted(10000))
        return false;
    while (!child.canReadLine()) {
        if (!child.waitForReadyRead(10000))
            return false;
    }
    return child.readLine().startsWith("locked ");
}

} // namespace

class TestDataDirLock final : public QObject
{
    Q_OBJECT

private slots:
    void locksAndUnlocks()
    {
        QTemporaryDir dir;
        DataDirLock lock(dir.path());
        QCOMPARE(lock.lockFilePath(), QDir(dir.path()).filePath(QStringLiteral("relais.lock")));
        QVERIFY(lock.tryLock());
        QVERIFY(lock.isLocked());
        QVERIFY(QFile::exists(lock.lockFilePath()));
        QVERIFY(lock.tryLock()); // already ours
        lock.unlock();
        QVERIFY(!lock.isLocked());
        QVERIFY(!QFile::exists(lock.lockFilePath()));
    }

    void aFolderHeldByAnotherProcessIsRefusedWithItsName()
    {
        QTemporaryDir dir;
        QProcess child;
        QVERIFY(startHolder(child, dir.path()));

        DataDirLock lock(dir.path());
        QVERIFY(!lock.tryLock());
        QVERIFY(!lock.isLocked());
        const QString why = lock.errorString();
        QVERIFY2(why.contains(QString::number(child.processId())), qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("relais_store_child")), qPrintable(why));
        QVERIFY2(why.contains(QSysInfo::machineHostName()), qPrintable(why));
        QVERIFY2(why.contains(QDir::toNativeSeparators(QDir(dir.path()).absolutePath())), qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("Close it first")), qPrintable(why)); // says what to do

        // Once the other process closes its store, the folder is free.
        child.closeWriteChannel();
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitCode(), 0);
        QVERIFY(!QFile::exists(lock.lockFilePath()));
        QVERIFY2(lock.tryLock(), qPrintable(lock.errorString()));
    }

    void aLockLeftByAKilledProcessIsRecovered()
    {
        QTemporaryDir dir;
        QProcess child;
        QVERIFY(startHolder(child, dir.path()));
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        const QString lockFile = QDir(dir.path()).filePath(DataDirLock::fileName());
        QVERIFY(QFile::exists(lockFile)); // the dead process could not remove it

        DataDirLock lock(dir.path());
        QVERIFY2(lock.tryLock(), qPrintable(lock.errorString()));
        QFile f(lockFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readLine().trimmed().toLongLong(), QCoreApplication::applicationPid());
    }

    void aFreshLockIsNotStaleByAge()
    {
        // Stale time 0: a lock is only taken over when its process is gone, however old.
        QTemporaryDir dir;
        QProcess child;
        QVERIFY(startHolder(child, dir.path()));
        const QString lockFile = QDir(dir.path()).filePath(DataDirLock::fileName());
        {
            QFile f(lockFile);
            QVERIFY(f.open(QIODevice::Append));
            QVERIFY(f.setFileTime(QDateTime::currentDateTime().addDays(-3), QFileDevice::FileModificationTime));
        }
        QVERIFY(QFileInfo(lockFile).lastModified() < QDateTime::currentDateTime().addDays(-2));
        DataDirLock lock(dir.path());
        QVERIFY(!lock.tryLock());
        QVERIFY(lock.errorString().contains(QString::number(child.processId())));
        child.closeWriteChannel();
        QVERIFY(child.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestDataDirLock)
#include "tst_datadirlock.moc"
