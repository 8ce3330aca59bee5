#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace relais {

// A strict RFC 4180 reader for what coordinators export from spreadsheets: UTF-8 with or
// without a BOM, "," or ";" separators (detected from the header line when asked), quoted
// fields with doubled quotes and embedded line breaks, CRLF or LF. Every record keeps the
// line number it starts on, for error messages.
class CsvReader final
{
    Q_DECLARE_TR_FUNCTIONS(relais::CsvReader)

public:
    struct Record
    {
        int line = 0; // 1-based line where the record starts
        QStringList fields;
    };

    // separator 0: detect from the first line (";" if it has more ";" than "," outside quotes).
    static Result<QList<Record>> parse(const QByteArray &data, QChar separator = QChar());
};

} // namespace relais
