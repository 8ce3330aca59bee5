#pragma once

#include "logging/logsink.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QString>

namespace relais {

// The log file (docs/logging.md): <data folder>/logs/relais.log, one line per record
// ("2026-12-08T09:30:00.123Z warning relais.store: …", time in UTC). When the next line would
// take the file past maxBytes it becomes relais.log.1 (the older ones .2, .3, … up to keep, the
// oldest dropped) and a new relais.log is begun; the folder never holds much more than
// (keep + 1) × maxBytes. Reopening appends. Warnings and worse are flushed at once, info lines
// at most a second later (with the next record) or when the sink is flushed or destroyed.
//
// Takes the records Logging::isForTheLog accepts. Control characters in a text are escaped
// (\n, \r, \t, \u001b…): one record is one line, and a peer's text cannot forge another.
class RotatingFileSink final : public LogSink
{
public:
    static constexpr qint64 kDefaultMaxBytes = 1024 * 1024;
    static constexpr int kDefaultKeep = 4;
    // Longer texts are cut (with "…"), and a smaller bound is raised to kMinMaxBytes: a line
    // always fits in a file.
    static constexpr qsizetype kMaxTextChars = 4000;
    static constexpr qint64 kMinMaxBytes = 16 * 1024;

    // directory: where relais.log lives (directoryIn(dataDir)); made by open() if missing.
    explicit RotatingFileSink(QString directory, qint64 maxBytes = kDefaultMaxBytes, int keep = kDefaultKeep);
    ~RotatingFileSink() override; // flushes and closes
    Q_DISABLE_COPY_MOVE(RotatingFileSink)

    static QString fileName() { return QStringLiteral("relais.log"); }
    // <dataDir>/logs
    static QString directoryIn(const QString &dataDir);

    // Makes the folder and opens relais.log for appending. False: errorString().
    bool open();
    QString errorString() const;
    QString filePath() const { return m_path; }

    bool accepts(const LogRecord &record) const override;
    void write(const LogRecord &record) override;
    void flush() override;

    // The line written for a record, with its '\n'.
    static QByteArray line(const LogRecord &record);

private:
    bool openFile();        // m_mutex held
    bool rotate();          // m_mutex held
    void fail(QString why); // m_mutex held

    const QString m_directory;
    const QString m_path;
    const qint64 m_maxBytes;
    const int m_keep;
    mutable QMutex m_mutex;
    QFile m_file;
    qint64 m_size = 0;
    QElapsedTimer m_sinceFlush;
    QString m_error;
};

} // namespace relais
