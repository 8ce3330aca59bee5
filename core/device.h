#pragma once

#include <QDateTime>
#include <QGeoCoordinate>
#include <QString>

namespace relais {

// A connected device in someone's home or a public building.
struct Device
{
    static constexpr int kLowBatteryPercent = 15;       // below: a "low battery" maintenance alarm
    static constexpr int kBatteryRecoveredPercent = 30; // at or above: that alarm ends (new battery)

    QString id;             // unique, as sent by the gateway
    QString kind;           // "panic_button", "fall_detector", "smoke", ... (free text, catalogued by the registry)
    QString label;          // "Pendentif Mme R.", "Détecteur cuisine"
    QString beneficiaryRef; // pseudonymous reference, never a name
    QString address;
    QGeoCoordinate position;
    int reportIntervalS = 3600; // expected heartbeat interval
    QDateTime lastSeen;
    int batteryPercent = -1; // -1: unknown

    friend bool operator==(const Device &, const Device &) = default;
};

} // namespace relais
