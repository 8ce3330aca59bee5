#pragma once

#include "actor.h"
#include "deviceform.h"
#include "journalentry.h"
#include "result.h"

#include <QDateTime>
#include <QList>

namespace relais {

// The journal entries of the registry's commands (devices now; helpers next), built from the
// forms' typed values: the UI never writes a payload. Pure, as DispatchActions: no clock, no
// I/O. The reducer judges the entries when they are submitted (an id already taken, an unknown
// device); these refuse only what cannot be an entry at all.
namespace RegistryCommands {

// device.registered: device, kind, label, beneficiary, address, interval_s, and lat and lon
// when the form has a position. From source "ui" (the form) or "import" (the device import).
Result<QList<JournalEntry>> registerDevice(const DeviceForm &device, const Actor &by, const QDateTime &at,
                                           const QString &source = QStringLiteral("ui"));
// device.updated: the same payload, for a device registered already.
Result<QList<JournalEntry>> updateDevice(const DeviceForm &device, const Actor &by, const QDateTime &at);
// device.removed: {device}.
Result<QList<JournalEntry>> removeDevice(const QString &deviceId, const Actor &by, const QDateTime &at);
// The device import's entries: one device.registered per device, from source "import", to
// submit all or nothing.
Result<QList<JournalEntry>> importDevices(const QList<DeviceForm> &devices, const Actor &by, const QDateTime &at);

} // namespace RegistryCommands

} // namespace relais
