#pragma once

#include <QByteArray>
#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace relais {

// Writes RFC 4180 CSV in UTF-8: records end with CRLF; a field is quoted when it holds the
// separator, a double quote, CR or LF (or starts or ends with a space), a quote inside being
// doubled. The separator is "," or ";" (spreadsheets in French expect ";"); an optional
// byte-order mark lets spreadsheet programs recognise UTF-8. What it writes reads back with
// CsvReader field for field. Nothing is changed in the fields (no formula neutralising).
class CsvWriter final
{
public:
    struct Options
    {
        QChar separator = QLatin1Char(',');
        bool byteOrderMark = false; // EF BB BF before the first record
    };

    // Writes to out, which must be open for writing; it is not owned.
    CsvWriter(QIODevice *out, Options options);

    // One record. false when the device refused to write (see errorString()); once failed,
    // every later call fails too.
    bool writeRecord(const QStringList &fields);
    bool ok() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    // One field as it is written: quoted when it has to be.
    static QString escapeField(const QString &field, QChar separator);
    // A record with its CRLF.
    static QString formatRecord(const QStringList &fields, QChar separator);
    // Whole records in memory (with the BOM when asked): for tests and small exports.
    static QByteArray toBytes(const QList<QStringList> &records, Options options);

private:
    bool write(const QByteArray &bytes);

    QIODevice *m_out;
    Options m_options;
    bool m_started = false;
    QString m_error;
};

} // namespace relais
