#include "csvreader.h"

#include <QStringDecoder>

namespace relais {

namespace {

QChar detectSeparator(const QString &text)
{
    int commas = 0;
    int semicolons = 0;
    bool quoted = false;
    for (QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && (c == QLatin1Char('\n') || c == QLatin1Char('\r')))
            break;
        else if (!quoted && c == QLatin1Char(','))
            ++commas;
        else if (!quoted && c == QLatin1Char(';'))
            ++semicolons;
    }
    return semicolons > commas ? QLatin1Char(';') : QLatin1Char(',');
}

} // namespace

Result<QList<CsvReader::Record>> CsvReader::parse(const QByteArray &data, QChar separator)
{
    // One byte-order mark is dropped, here, not by the decoder as well: a U+FEFF after it is the
    // first field's own (found by fuzz_csvreader: CsvWriter's BOM and such a field read back
    // without it).
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(data);
    if (decoder.hasError())
        return Error{QStringLiteral("invalid_utf8"), tr("The file is not valid UTF-8 text. Save it as “CSV UTF-8”.")};
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    if (separator.isNull())
        separator = detectSeparator(text);

    QList<Record> records;
    Record current;
    QString field;
    int line = 1;
    current.line = 1;
    bool quoted = false;
    bool fieldWasQuoted = false;
    bool recordHasContent = false;
    const qsizetype n = text.size();

    auto endField = [&] {
        current.fields.append(field);
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        if (recordHasContent || current.fields.size() > 1 || !current.fields.constFirst().isEmpty())
            records.append(current);
        current = Record{};
        recordHasContent = false;
    };

    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || fieldWasQuoted) {
                return Error{QStringLiteral("bad_quote"),
                             tr("Line %1: a quote in the middle of a field; quote the whole field and double the "
                                "quotes inside it.")
                                 .arg(line)};
            }
            quoted = true;
            fieldWasQuoted = true;
            recordHasContent = true;
        } else if (c == separator) {
            endField();
            recordHasContent = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
            ++line;
            current.line = line;
        } else {
            if (fieldWasQuoted) {
                return Error{QStringLiteral("bad_quote"),
                             tr("Line %1: text after the closing quote of a field.").arg(line)};
            }
            field += c;
            recordHasContent = true;
        }
    }
    if (quoted) {
        return Error{QStringLiteral("unterminated_quote"),
                     tr("Line %1: a quoted field is never closed.").arg(current.line)};
    }
    if (recordHasContent || !field.isEmpty())
        endRecord();
    return records;
}

} // namespace relais
