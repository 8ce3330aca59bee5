#include "deviceimport.h"

#include "csvreader.h"
#include "dispatchstate.h"
#include "registrycommands.h"

#include <QGeoCoordinate>
#include <QHash>
#include <QSet>

namespace relais {

namespace {

constexpr int kMaxErrors = 50;

bool parseCoordinate(QString text, bool decimalComma, double min, double max, double *out)
{
    text = text.trimmed();
    if (decimalComma)
        text.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || v < min || v > max)
        return false;
    *out = v;
    return true;
}

} // namespace

QStringList DeviceImport::columns()
{
    return {QStringLiteral("device_id"), QStringLiteral("kind"),
            QStringLiteral("label"),     QStringLiteral("beneficiary_ref"),
            QStringLiteral("address"),   QStringLiteral("latitude"),
            QStringLiteral("longitude"), QStringLiteral("report_interval_s")};
}

DeviceImport::Report DeviceImport::fromCsv(const QByteArray &data, const DispatchState &state, const QDateTime &at,
                                           const Actor &by)
{
    Report report;
    const bool semicolons = [&] {
        const qsizetype eol = data.indexOf('\n');
        const QByteArray first = data.left(eol < 0 ? data.size() : eol);
        return first.count(';') > first.count(',');
    }();
    const Result<QList<CsvReader::Record>> parsed = CsvReader::parse(data);
    if (!parsed) {
        report.errors.append(parsed.errorString());
        return report;
    }
    const QList<CsvReader::Record> &records = parsed.value();
    if (records.isEmpty()) {
        report.errors.append(tr("The file is empty: it needs a header line and one line per device."));
        return report;
    }

    // Header: every column required, in any order, names compared without case or spaces.
    QHash<QString, int> columnOf;
    const QStringList &header = records.constFirst().fields;
    for (int i = 0; i < header.size(); ++i)
        columnOf.insert(header.at(i).trimmed().toLower(), i);
    QStringList missing;
    for (const QString &c : columns()) {
        if (!columnOf.contains(c))
            missing.append(c);
    }
    if (!missing.isEmpty()) {
        report.errors.append(tr("Line %1: these columns are missing: %2. Expected: %3.")
                                 .arg(records.constFirst().line)
                                 .arg(missing.join(QLatin1String(", ")), columns().join(QLatin1String(", "))));
        return report;
    }

    QSet<QString> seen;
    QList<DeviceForm> devices;
    for (qsizetype r = 1; r < records.size() && report.errors.size() < kMaxErrors; ++r) {
        const CsvReader::Record &rec = records.at(r);
        auto field = [&](const char *name) {
            const int i = columnOf.value(QLatin1StringView(name));
            return i < rec.fields.size() ? rec.fields.at(i).trimmed() : QString();
        };
        QStringList problems;
        if (rec.fields.size() != header.size())
            problems.append(tr("the line has %1 fields, the header %2").arg(rec.fields.size()).arg(header.size()));
        const QString id = field("device_id");
        if (id.isEmpty())
            problems.append(tr("the device id is empty"));
        else if (seen.contains(id))
            problems.append(tr("device %1 appears twice in the file").arg(id));
        else if (state.device(id))
            problems.append(tr("device %1 is already registered").arg(id));
        seen.insert(id);
        double lat = 0;
        double lon = 0;
        if (!parseCoordinate(field("latitude"), semicolons, -90, 90, &lat))
            problems.append(tr("latitude “%1” is not a number between -90 and 90").arg(field("latitude")));
        if (!parseCoordinate(field("longitude"), semicolons, -180, 180, &lon))
            problems.append(tr("longitude “%1” is not a number between -180 and 180").arg(field("longitude")));
        bool intervalOk = false;
        const int interval = field("report_interval_s").toInt(&intervalOk);
        if (!intervalOk || interval <= 0) {
            problems.append(
                tr("report interval “%1” is not a positive whole number of seconds").arg(field("report_interval_s")));
        }
        if (!problems.isEmpty()) {
            report.errors.append(tr("Line %1: %2.")
                                     .arg(rec.line)
                                     .arg(problems.join(tr("; ", "between the problems found on one line"))));
            continue;
        }
        devices.append({id, field("kind"), field("label"), field("beneficiary_ref"), field("address"),
                        QGeoCoordinate(lat, lon), interval});
    }
    if (report.errors.size() >= kMaxErrors)
        report.errors.append(tr("Stopped after %1 errors.").arg(kMaxErrors));
    if (report.errors.isEmpty() && devices.isEmpty())
        report.errors.append(tr("The file has a header but no device."));
    if (!report.errors.isEmpty())
        return report;
    const Result<QList<JournalEntry>> entries = RegistryCommands::importDevices(devices, by, at);
    if (!entries) {
        report.errors.append(entries.errorString());
        return report;
    }
    report.devices = devices;
    report.entries = entries.value();
    return report;
}

} // namespace relais
