#include "datadirlock.h"

#include <QCoreApplication>
#include <QDir>

namespace relais {

DataDirLock::DataDirLock(const QString &dataDir)
    : m_dir(QDir(dataDir).absolutePath()), m_path(QDir(m_dir).filePath(fileName())), m_file(m_path)
{
    // 0: never stale by age. A lock is stale only when the process that wrote it is gone
    // (QLockFile checks the process id and name on this host).
    m_file.setStaleLockTime(0);
}

DataDirLock::~DataDirLock()
{
    unlock();
}

bool DataDirLock::tryLock()
{
    m_error.clear();
    if (m_file.isLocked())
        return true;
    if (m_file.tryLock(0))
        return true;
    switch (m_file.error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host;
        QString app;
        if (m_file.getLockInfo(&pid, &host, &app)) {
            m_error = tr("The data folder %1 is already in use by %2 (process %3 on %4). "
                         "Close it first, or start Relais with another data folder.")
                          .arg(QDir::toNativeSeparators(m_dir), app.isEmpty() ? tr("another program") : app)
                          .arg(pid)
                          .arg(host.isEmpty() ? tr("this computer") : host);
        } else {
            m_error = tr("The data folder %1 is already in use by another Relais. "
                         "Close it first, or start Relais with another data folder.")
                          .arg(QDir::toNativeSeparators(m_dir));
        }
        break;
    }
    case QLockFile::PermissionError:
        m_error = tr("Cannot create the lock file %1: check that the data folder is writable.")
                      .arg(QDir::toNativeSeparators(m_path));
        break;
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        m_error = tr("Cannot lock the data folder %1 (lock file %2).")
                      .arg(QDir::toNativeSeparators(m_dir), QDir::toNativeSeparators(m_path));
        break;
    }
    return false;
}

void DataDirLock::unlock()
{
    if (m_file.isLocked())
        m_file.unlock();
}

} // namespace relais
