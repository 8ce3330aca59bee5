#pragma once

#include <QString>
#include <QStringList>

namespace relais {

// The device kinds the registry offers. A device's kind is free text (core/device.h): these
// are the common ones, with a label for people; any other kind is shown as it is.
namespace DeviceKinds {
// panic_button, fall_detector, smoke, intrusion, door, water_leak, gas, other.
QStringList common();
// "Panic button" for "panic_button"; an unknown kind as it is.
QString label(const QString &key);
// The key of a kind typed or picked by someone: a common kind's label or key (any case)
// gives that key; anything else is kept as typed, trimmed.
QString keyFor(const QString &text);
} // namespace DeviceKinds

} // namespace relais
