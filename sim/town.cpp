#include "town.h"

#include "csvreader.h"
#include "wire.h"

#include <QFile>
#include <QHash>
#include <QSet>

#include <cmath>

namespace relais::sim::Town {

namespace {

using namespace Qt::StringLiterals;

Error invalid(const QString &source, int line, const QString &what)
{
    return Error{QStringLiteral("invalid_csv"), QStringLiteral("%1, line %2: %3").arg(source).arg(line).arg(what)};
}

// Header name -> column, or an error naming the missing required columns.
Result<QHash<QString, int>> columns(const CsvReader::Record &header, const QStringList &required, const QString &source)
{
    QHash<QString, int> out;
    for (int i = 0; i < header.fields.size(); ++i)
        out.insert(header.fields.at(i).trimmed().toLower(), i);
    QStringList missing;
    for (const QString &name : required) {
        if (!out.contains(name))
            missing.append(name);
    }
    if (!missing.isEmpty())
        return invalid(source, header.line, QStringLiteral("missing column(s): %1").arg(missing.join(", "_L1)));
    return out;
}

QString field(const CsvReader::Record &r, const QHash<QString, int> &cols, const QString &name)
{
    const int i = cols.value(name, -1);
    return i >= 0 && i < r.fields.size() ? r.fields.at(i).trimmed() : QString();
}

bool number(QString text, double *out)
{
    text.replace(u',', u'.');
    bool ok = false;
    *out = text.toDouble(&ok);
    return ok && std::isfinite(*out);
}

Result<QList<CsvReader::Record>> records(const QByteArray &csv, const QString &source)
{
    Result<QList<CsvReader::Record>> parsed = CsvReader::parse(csv);
    if (!parsed)
        return Error{QStringLiteral("invalid_csv"), QStringLiteral("%1: %2").arg(source, parsed.errorString())};
    if (parsed.value().isEmpty())
        return Error{QStringLiteral("invalid_csv"), QStringLiteral("%1: the file is empty").arg(source)};
    return parsed;
}

bool blank(const CsvReader::Record &r)
{
    for (const QString &f : r.fields) {
        if (!f.trimmed().isEmpty())
            return false;
    }
    return true;
}

} // namespace

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("unreadable"), QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    return file.readAll();
}

Result<QList<SimDevice>> parseDevices(const QByteArray &csv, const QString &source)
{
    const auto parsed = records(csv, source);
    if (!parsed)
        return parsed.error();
    const QList<CsvReader::Record> &rows = parsed.value();
    const auto cols = columns(
        rows.first(), {u"device_id"_s, u"kind"_s, u"latitude"_s, u"longitude"_s, u"report_interval_s"_s}, source);
    if (!cols)
        return cols.error();
    QList<SimDevice> out;
    QSet<QString> ids;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const CsvReader::Record &r = rows.at(i);
        if (blank(r))
            continue;
        SimDevice d;
        d.id = field(r, cols.value(), u"device_id"_s);
        d.kind = field(r, cols.value(), u"kind"_s);
        d.label = field(r, cols.value(), u"label"_s);
        d.address = field(r, cols.value(), u"address"_s);
        if (!Wire::isValidId(d.id))
            return invalid(source, r.line, QStringLiteral("device_id must have 1 to 64 characters"));
        if (ids.contains(d.id))
            return invalid(source, r.line, QStringLiteral("device %1 appears twice").arg(d.id));
        ids.insert(d.id);
        if (d.kind.isEmpty())
            return invalid(source, r.line, QStringLiteral("device %1 has no kind").arg(d.id));
        if (!number(field(r, cols.value(), u"latitude"_s), &d.lat) || std::fabs(d.lat) > 90
            || !number(field(r, cols.value(), u"longitude"_s), &d.lon) || std::fabs(d.lon) > 180)
            return invalid(source, r.line, QStringLiteral("device %1 has no valid latitude/longitude").arg(d.id));
        bool ok = false;
        d.reportIntervalS = field(r, cols.value(), u"report_interval_s"_s).toInt(&ok);
        if (!ok || d.reportIntervalS <= 0)
            return invalid(source, r.line,
                           QStringLiteral("device %1: report_interval_s must be a positive number of "
                                          "seconds")
                               .arg(d.id));
        if (d.label.isEmpty())
            d.label = d.kind;
        out.append(d);
    }
    if (out.isEmpty())
        return Error{QStringLiteral("invalid_csv"), QStringLiteral("%1: no device").arg(source)};
    return out;
}

Result<QList<SimHelper>> parseHelpers(const QByteArray &csv, const QString &source)
{
    const auto parsed = records(csv, source);
    if (!parsed)
        return parsed.error();
    const QList<CsvReader::Record> &rows = parsed.value();
    const auto cols = columns(rows.first(), {u"helper_id"_s, u"home_latitude"_s, u"home_longitude"_s}, source);
    if (!cols)
        return cols.error();
    QList<SimHelper> out;
    QSet<QString> ids;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const CsvReader::Record &r = rows.at(i);
        if (blank(r))
            continue;
        SimHelper h;
        h.id = field(r, cols.value(), u"helper_id"_s);
        h.name = field(r, cols.value(), u"name"_s);
        const QString skills = field(r, cols.value(), u"skills"_s);
        h.skills = skills.split(u';', Qt::SkipEmptyParts);
        if (!Wire::isValidId(h.id))
            return invalid(source, r.line, QStringLiteral("helper_id must have 1 to 64 characters"));
        if (ids.contains(h.id))
            return invalid(source, r.line, QStringLiteral("helper %1 appears twice").arg(h.id));
        ids.insert(h.id);
        if (!number(field(r, cols.value(), u"home_latitude"_s), &h.homeLat) || std::fabs(h.homeLat) > 90
            || !number(field(r, cols.value(), u"home_longitude"_s), &h.homeLon) || std::fabs(h.homeLon) > 180)
            return invalid(source, r.line, QStringLiteral("helper %1 has no valid home position").arg(h.id));
        out.append(h);
    }
    return out;
}

AlarmKind alarmKindFor(const QString &deviceKind)
{
    const QString k = deviceKind.toLower();
    static const QHash<QString, AlarmKind> byKind{
        {u"panic_button"_s, AlarmKind::Panic},
        {u"panic"_s, AlarmKind::Panic},
        {u"fall_detector"_s, AlarmKind::Fall},
        {u"fall"_s, AlarmKind::Fall},
        {u"smoke"_s, AlarmKind::Smoke},
        {u"smoke_detector"_s, AlarmKind::Smoke},
        {u"door"_s, AlarmKind::Door},
        {u"door_contact"_s, AlarmKind::Door},
        {u"water_leak"_s, AlarmKind::WaterLeak},
        {u"water"_s, AlarmKind::WaterLeak},
        {u"intrusion"_s, AlarmKind::Intrusion},
        {u"motion"_s, AlarmKind::Intrusion},
        {u"gas"_s, AlarmKind::Gas},
        {u"co"_s, AlarmKind::Gas},
        {u"medical"_s, AlarmKind::Medical},
        {u"tamper"_s, AlarmKind::Tamper},
    };
    return byKind.value(k, AlarmKind::Other);
}

bool restores(AlarmKind kind)
{
    return kind == AlarmKind::Smoke || kind == AlarmKind::WaterLeak || kind == AlarmKind::Door
           || kind == AlarmKind::Gas;
}

} // namespace relais::sim::Town
