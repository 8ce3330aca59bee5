#pragma once

#include "alarmkind.h"
#include "money.h"

#include <QDateTime>
#include <QGeoCoordinate>
#include <QMetaType>
#include <QString>

#include <optional>

namespace relais {

// Something Relais tells one helper, whatever the channel that carries it (DESIGN.md, "Two
// families of adapters"): a mission offered, an offer or assignment withdrawn, and later a
// confirmation or a reminder. Only what the helper needs to go there: never the beneficiary's
// name, reference or notes. A channel gives it its own wire form (docs/protocol.md §4.4 for
// the handsets).
struct HelperNotice
{
    enum class Kind {
        Offer,        // the mission is offered to the helper, until expires
        Cancel,       // no longer theirs: reason says why
        Confirmation, // the mission is theirs (not sent yet: a later channel's)
        Reminder,     // an offer or a mission still waiting for them (not sent yet)
    };

    Kind kind = Kind::Offer;
    QString helper; // helper id
    qint64 mission = 0;
    // Offer, Confirmation, Reminder
    AlarmKind alarm = AlarmKind::Other;
    QGeoCoordinate position;         // invalid when unknown
    QString address;                 // empty when unknown
    std::optional<qint64> distanceM; // from the helper when offered, if known
    Money fee;
    QDateTime expires; // Offer: until when it stands (invalid: no limit)
    // Cancel: taken, mission_cancelled, unassigned
    QString reason;

    friend bool operator==(const HelperNotice &, const HelperNotice &) = default;
};

} // namespace relais

Q_DECLARE_METATYPE(relais::HelperNotice)
