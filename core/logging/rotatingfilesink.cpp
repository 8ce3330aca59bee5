#include "logging/rotatingfilesink.h"

#include "logging/log.h"
#include "logging/logrecord.h"

#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace relais {

namespace {

constexpr qint64 kInfoFlushMs = 1000;

// One record, one line: line breaks and other control characters become escapes.
QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n')
            out += QLatin1String("\\n");
        else if (u == u'\r')
            out += QLatin1String("\\r");
        else if (u == u'\t')
            out += QLatin1String("\\t");
        else if (u < 0x20 || u == 0x7f || u == 0x2028 || u == 0x2029)
            out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace

RotatingFileSink::RotatingFileSink(QString directory, qint64 maxBytes, int keep)
    : m_directory(std::move(directory)),
      m_path(QDir(m_directory).filePath(fileName())),
      m_maxBytes(std::max(maxBytes, kMinMaxBytes)),
      m_keep(std::max(keep, 0))
{}

RotatingFileSink::~RotatingFileSink()
{
    QMutexLocker lock(&m_mutex);
    m_file.close(); // flushes
}

QString RotatingFileSink::directoryIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("logs"));
}

bool RotatingFileSink::open()
{
    QMutexLocker lock(&m_mutex);
    if (!QDir().mkpath(m_directory)) {
        m_error = QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(m_directory));
        return false;
    }
    if (!openFile())
        return false;
    // A file left over the bound by an earlier run is rotated before anything is added.
    if (m_size >= m_maxBytes)
        return rotate();
    return true;
}

bool RotatingFileSink::openFile()
{
    m_file.close();
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        m_error = m_file.errorString();
        return false;
    }
    m_size = m_file.size();
    m_error.clear();
    m_sinceFlush.start();
    return true;
}

// relais.log → .1 → .2 … → .<keep>, the oldest dropped; then a new relais.log.
bool RotatingFileSink::rotate()
{
    m_file.close();
    const auto numbered = [this](int n) -> QString {
        return m_path + QLatin1Char('.') + QString::number(n);
    };
    if (m_keep == 0) {
        QFile::remove(m_path);
    } else {
        QFile::remove(numbered(m_keep));
        for (int n = m_keep - 1; n >= 1; --n) {
            if (QFileInfo::exists(numbered(n)))
                QFile::rename(numbered(n), numbered(n + 1));
        }
        // A file that cannot be moved aside (in use elsewhere) is emptied rather than let grow.
        if (!QFile::rename(m_path, numbered(1)))
            QFile::remove(m_path);
    }
    if (!openFile())
        return false;
    if (m_size > 0) { // neither moved nor removed: start it again
        m_file.close();
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_error = m_file.errorString();
            return false;
        }
        m_size = 0;
    }
    return true;
}

QString RotatingFileSink::errorString() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

bool RotatingFileSink::accepts(const LogRecord &record) const
{
    return Logging::isForTheLog(record);
}

QByteArray RotatingFileSink::line(const LogRecord &record)
{
    QString text = record.text;
    if (text.size() > kMaxTextChars)
        text = text.left(kMaxTextChars) + QChar(0x2026);
    const QString out = record.time.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(' ')
                        + LogRecord::levelName(record.level) + QLatin1Char(' ') + escaped(record.category)
                        + QLatin1String(": ") + escaped(text) + QLatin1Char('\n');
    return out.toUtf8();
}

void RotatingFileSink::write(const LogRecord &record)
{
    const QByteArray bytes = line(record);
    QString failure;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_file.isOpen())
            return; // not opened, or failed before (said then)
        if (m_size > 0 && m_size + bytes.size() > m_maxBytes && !rotate()) {
            fail(m_error);
            failure = m_error;
        } else if (m_file.write(bytes) != bytes.size()) {
            fail(m_file.errorString());
            failure = m_error;
        } else {
            m_size += bytes.size();
            const bool serious = LogRecord::severity(record.level) >= LogRecord::severity(QtWarningMsg);
            if (serious || m_sinceFlush.elapsed() >= kInfoFlushMs) {
                m_file.flush();
                m_sinceFlush.start();
            }
        }
    }
    // Outside the lock, on standard error: logging it would only come back here.
    if (!failure.isEmpty()) {
        std::fprintf(stderr, "relais: the log file %s cannot be written: %s\n",
                     qPrintable(QDir::toNativeSeparators(m_path)), qPrintable(failure));
    }
}

// Closed for good: write() then drops records, so the failure is said once.
void RotatingFileSink::fail(QString why)
{
    m_error = std::move(why);
    m_file.close();
}

void RotatingFileSink::flush()
{
    QMutexLocker lock(&m_mutex);
    if (m_file.isOpen())
        m_file.flush();
    m_sinceFlush.start();
}

} // namespace relais
