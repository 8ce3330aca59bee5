#pragma once

#include "alarmkind.h"
#include "money.h"

#include <QDateTime>
#include <QGeoCoordinate>
#include <QString>

#include <optional>

namespace relais {

// A mission offered to one helper through a gateway (docs/protocol.md, §4.4, "offer").
// Only what the helper needs to go there: never the beneficiary's name or notes.
struct DownlinkOffer
{
    QString id;     // downlink message id, unique per gateway ("rl-000001")
    QString helper; // helper id
    qint64 mission = 0;
    AlarmKind alarm = AlarmKind::Other;
    QGeoCoordinate position;         // omitted when invalid
    QString address;                 // omitted when empty
    std::optional<qint64> distanceM; // omitted when unknown
    Money fee;                       // fee_cents + currency
    QDateTime expires;               // omitted when invalid; sent in UTC
};

} // namespace relais
