#pragma once

#include "alarmkind.h"

#include <QGeoCoordinate>
#include <QString>

namespace relais {

// An alarm nobody's device raised (someone phoned), as the manual alarm form gives it:
// DeskCommands turns it into alarm.manual. Empty texts and an invalid position are left out.
struct ManualAlarm
{
    AlarmKind kind = AlarmKind::Other;
    Severity severity = Severity::Major;
    QGeoCoordinate position;
    QString address;
    QString caller;
    QString note;

    friend bool operator==(const ManualAlarm &, const ManualAlarm &) = default;
};

} // namespace relais
