#pragma once

#include <QGeoCoordinate>
#include <QString>

namespace relais {

// A device as the registry's form (or a line of the device import) gives it: typed values,
// which RegistryCommands turns into device.registered / device.updated entries.
struct DeviceForm
{
    QString id;
    QString kind; // a DeviceKinds key, or what the operator typed
    QString label;
    QString beneficiary; // the pseudonymous reference, never a name
    QString address;
    QGeoCoordinate position; // invalid: none given
    qint64 intervalS = 0;    // the expected report interval

    friend bool operator==(const DeviceForm &, const DeviceForm &) = default;
};

} // namespace relais
