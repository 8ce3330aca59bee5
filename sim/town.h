#pragma once

#include "alarmkind.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace relais::sim {

// A device of the town, as in the registry's CSV (docs/demo-town.md).
struct SimDevice
{
    QString id;
    QString kind; // panic_button, fall_detector, smoke, water_leak, door, intrusion, ...
    QString label;
    QString address;
    double lat = 0;
    double lon = 0;
    int reportIntervalS = 3600;
};

// A helper of the town, as in helpers.csv.
struct SimHelper
{
    QString id;
    QString name;
    QStringList skills;
    double homeLat = 0;
    double homeLon = 0;
};

namespace Town {
// Parse the CSV files (header names in any order; "," or ";"; decimal comma with ";").
// Required columns: device_id, kind, latitude, longitude, report_interval_s (label and
// address optional) / helper_id, home_latitude, home_longitude (name, skills optional).
// source names the file in error messages.
Result<QList<SimDevice>> parseDevices(const QByteArray &csv, const QString &source);
Result<QList<SimHelper>> parseHelpers(const QByteArray &csv, const QString &source);
// Reads a file or a Qt resource (":/demo/devices.csv").
Result<QByteArray> readFile(const QString &path);

// The alarm a device of this kind raises (panic_button -> panic, smoke -> smoke, ...);
// Other for a kind it does not know.
AlarmKind alarmKindFor(const QString &deviceKind);
// Whether the condition of that alarm ends by itself and the device says so (device.restore):
// smoke cleared, leak dry, door closed, gas gone.
bool restores(AlarmKind kind);
} // namespace Town

} // namespace relais::sim
