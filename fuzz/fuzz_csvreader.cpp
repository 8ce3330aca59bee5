// libFuzzer target: CsvReader, which reads the CSV files coordinators export from spreadsheets.
#include "csvreader.h"
#include "csvwriter.h"
#include "fuzzcheck.h"

#include <cstddef>
#include <cstdint>

using namespace relais;

namespace {

void checkRecords(const QList<CsvReader::Record> &records)
{
    int previousLine = 0;
    for (const CsvReader::Record &r : records) {
        RELAIS_FUZZ_CHECK(r.line > previousLine);
        RELAIS_FUZZ_CHECK(!r.fields.isEmpty());
        previousLine = r.line;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // A copy, as QFile::readAll gives it to the importers.
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // The separator detected, as DeviceImport reads.
    const Result<QList<CsvReader::Record>> detected = CsvReader::parse(bytes);
    if (detected)
        checkRecords(detected.value());
    else
        RELAIS_FUZZ_CHECK(!detected.error().code.isEmpty() && !detected.errorString().isEmpty());

    // CsvWriter promises that what it writes reads back field for field: write what was read,
    // with and without its byte-order mark.
    const Result<QList<CsvReader::Record>> commas = CsvReader::parse(bytes, QLatin1Char(','));
    if (!commas)
        return 0;
    checkRecords(commas.value());
    QList<QStringList> fields;
    for (const CsvReader::Record &r : commas.value())
        fields.append(r.fields);
    for (const bool bom : {true, false}) {
        const QByteArray written = CsvWriter::toBytes(fields, {QLatin1Char(','), bom});
        const Result<QList<CsvReader::Record>> reread = CsvReader::parse(written, QLatin1Char(','));
        RELAIS_FUZZ_CHECK(reread.ok());
        RELAIS_FUZZ_CHECK(reread.value().size() == fields.size());
        for (qsizetype i = 0; i < fields.size(); ++i)
            RELAIS_FUZZ_CHECK(reread.value().at(i).fields == fields.at(i));
    }
    return 0;
}
