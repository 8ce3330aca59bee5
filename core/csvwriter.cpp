#include "csvwriter.h"

#include <QIODevice>

namespace relais {

namespace {

const QByteArray kBom("\xEF\xBB\xBF");
const QLatin1StringView kCrlf("\r\n");

} // namespace

CsvWriter::CsvWriter(QIODevice *out, Options options) : m_out(out), m_options(options)
{}

QString CsvWriter::escapeField(const QString &field, QChar separator)
{
    // A leading U+FEFF is quoted too: at the start of a file without a byte-order mark, a reader
    // would take it for one and drop it.
    bool quote =
        !field.isEmpty()
        && (field.front() == QLatin1Char(' ') || field.back() == QLatin1Char(' ') || field.front() == QChar(0xfeff));
    for (const QChar c : field) {
        if (c == separator || c == QLatin1Char('"') || c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            quote = true;
            break;
        }
    }
    if (!quote)
        return field;
    QString out;
    out.reserve(field.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : field) {
        if (c == QLatin1Char('"'))
            out += QLatin1Char('"');
        out += c;
    }
    out += QLatin1Char('"');
    return out;
}

QString CsvWriter::formatRecord(const QStringList &fields, QChar separator)
{
    // A lone empty field would make an empty line, which readers skip: it is quoted.
    if (fields.size() == 1 && fields.constFirst().isEmpty())
        return QStringLiteral("\"\"") + kCrlf;
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += separator;
        line += escapeField(fields.at(i), separator);
    }
    line += kCrlf;
    return line;
}

QByteArray CsvWriter::toBytes(const QList<QStringList> &records, Options options)
{
    QByteArray out;
    if (options.byteOrderMark)
        out += kBom;
    for (const QStringList &r : records)
        out += formatRecord(r, options.separator).toUtf8();
    return out;
}

bool CsvWriter::write(const QByteArray &bytes)
{
    if (!ok())
        return false;
    if (!m_out || !m_out->isWritable()) {
        m_error = QStringLiteral("the output is not open for writing");
        return false;
    }
    if (m_out->write(bytes) != bytes.size()) {
        m_error = m_out->errorString().isEmpty() ? QStringLiteral("write failed") : m_out->errorString();
        return false;
    }
    return true;
}

bool CsvWriter::writeRecord(const QStringList &fields)
{
    if (!m_started) {
        m_started = true;
        if (m_options.byteOrderMark && !write(kBom))
            return false;
    }
    return write(formatRecord(fields, m_options.separator).toUtf8());
}

} // namespace relais
