#pragma once

// CPU time of this process's threads, by name, for the benchmarks' "where did the time go"
// figures (Linux: /proc/self/task/*/schedstat; elsewhere nothing is found).

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QMap>

namespace relais::bench {

// CPU ns of every thread of this process, summed by thread name (as the kernel cuts it,
// 15 characters). Empty when /proc cannot be read.
inline QMap<QByteArray, qint64> threadCpuNs()
{
    QMap<QByteArray, qint64> out;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    const QStringList tids = tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tids) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        QFile stat(tasks.filePath(tid + QStringLiteral("/schedstat")));
        if (!comm.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly))
            continue;
        bool ok = false;
        const qint64 ns = stat.readAll().split(' ').value(0).toLongLong(&ok);
        if (ok)
            out[comm.readAll().trimmed()] += ns;
    }
    return out;
}

// CPU ns of the thread(s) named name; -1 if there is none.
inline qint64 threadCpuNs(const QByteArray &name)
{
    const QMap<QByteArray, qint64> all = threadCpuNs();
    return all.value(name, -1);
}

} // namespace relais::bench
