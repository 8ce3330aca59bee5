#pragma once

#include "deviceform.h"
#include "journalentry.h"

#include <QCoreApplication>
#include <QStringList>

namespace relais {

class DispatchState;

// Reads a coordinator's CSV of devices into device.registered entries, all or nothing:
// any bad line and nothing is imported, every problem is listed with its line number.
// Columns (header names, any order): device_id, kind, label, beneficiary_ref, address,
// latitude, longitude, report_interval_s. Separator "," or ";"; with ";" a decimal comma
// is accepted in coordinates.
class DeviceImport final
{
    Q_DECLARE_TR_FUNCTIONS(relais::DeviceImport)

public:
    struct Report
    {
        QList<DeviceForm> devices;   // the file's devices, in order; empty unless errors is empty
        QList<JournalEntry> entries; // their device.registered (RegistryCommands::importDevices)
        QStringList errors;          // "Line 12: ..." sentences, in file order
        bool ok() const { return errors.isEmpty(); }
    };

    static QStringList columns();
    static Report fromCsv(const QByteArray &data, const DispatchState &state, const QDateTime &at, const Actor &by);
};

} // namespace relais
