#pragma once

#include <QCoreApplication>

#include <QLockFile>
#include <QString>

namespace relais {

// Keeps a data folder for one running Relais: relais.lock in the folder, held while the
// store is open. A lock left by a process that no longer runs (a crash, a power cut) is
// recognised by its process id and taken over.
class DataDirLock final
{
    Q_DECLARE_TR_FUNCTIONS(relais::DataDirLock)

    Q_DISABLE_COPY_MOVE(DataDirLock)

public:
    explicit DataDirLock(const QString &dataDir);
    ~DataDirLock();

    static QString fileName() { return QStringLiteral("relais.lock"); }

    bool tryLock();
    void unlock();
    bool isLocked() const { return m_file.isLocked(); }
    QString lockFilePath() const { return m_path; }
    // Why tryLock() failed; names the process holding the folder when it is known.
    QString errorString() const { return m_error; }

private:
    QString m_dir;
    QString m_path;
    QLockFile m_file;
    QString m_error;
};

} // namespace relais
