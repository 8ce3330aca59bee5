#include "helper.h"

#include <QCoreApplication>

namespace relais {

using A = Helper::Availability;

Helper::Helper(QString id, QString displayName) : name(std::move(displayName)), m_id(std::move(id))
{}

QString Helper::availabilityKey(Availability a)
{
    switch (a) {
    case A::OffDuty:
        return QStringLiteral("off_duty");
    case A::Available:
        return QStringLiteral("available");
    case A::Offered:
        return QStringLiteral("offered");
    case A::Assigned:
        return QStringLiteral("assigned");
    case A::Busy:
        break;
    }
    return QStringLiteral("busy");
}

std::optional<Helper::Availability> Helper::availabilityFromKey(const QString &key)
{
    for (A a : {A::OffDuty, A::Available, A::Offered, A::Assigned, A::Busy}) {
        if (availabilityKey(a) == key)
            return a;
    }
    return std::nullopt;
}

QString Helper::availabilityLabel(Availability a)
{
    switch (a) {
    case A::OffDuty:
        return QCoreApplication::translate("relais::Helper", "Off duty");
    case A::Available:
        return QCoreApplication::translate("relais::Helper", "Available");
    case A::Offered:
        return QCoreApplication::translate("relais::Helper", "Offer pending");
    case A::Assigned:
        return QCoreApplication::translate("relais::Helper", "Assigned");
    case A::Busy:
        break;
    }
    return QCoreApplication::translate("relais::Helper", "On mission");
}

int Helper::availabilityRank(Availability a)
{
    switch (a) {
    case Availability::Available:
        return 0;
    case Availability::Offered:
        return 1;
    case Availability::Assigned:
        return 2;
    case Availability::Busy:
        return 3;
    case Availability::OffDuty:
        break;
    }
    return 4;
}

bool Helper::canTransition(Availability from, Availability to)
{
    switch (from) {
    case A::OffDuty:
        return to == A::Available;
    case A::Available:
        return to == A::OffDuty || to == A::Offered || to == A::Assigned;
    case A::Offered:
        return to == A::Available || to == A::Assigned;
    case A::Assigned:
        return to == A::Busy || to == A::Available;
    case A::Busy:
        return to == A::Available;
    }
    return false;
}

Status Helper::moveTo(Availability to, const QDateTime &at, const Actor &by)
{
    if (!canTransition(m_availability, to)) {
        return Error{QStringLiteral("illegal_transition"),
                     QCoreApplication::translate("relais::Helper", "Helper %1 cannot go from “%2” to “%3”.")
                         .arg(name.isEmpty() ? m_id : name, availabilityLabel(m_availability), availabilityLabel(to))};
    }
    m_availability = to;
    m_lastChange = {static_cast<int>(to), at, by, {}};
    return {};
}

Status Helper::goOnDuty(const QDateTime &at, const Actor &by)
{
    // Only from off duty: "on duty" again while offered or assigned must not free them.
    if (m_availability != A::OffDuty) {
        return Error{QStringLiteral("already_on_duty"),
                     QCoreApplication::translate("relais::Helper", "Helper %1 is already on duty.")
                         .arg(name.isEmpty() ? m_id : name)};
    }
    return moveTo(A::Available, at, by);
}

Status Helper::goOffDuty(const QDateTime &at, const Actor &by)
{
    Status s = moveTo(A::OffDuty, at, by);
    if (s) {
        m_position = {};
        m_positionAt = {};
    }
    return s;
}

Status Helper::offer(qint64 mission, const QDateTime &at, const Actor &by)
{
    Status s = moveTo(A::Offered, at, by);
    if (s)
        missionId = mission;
    return s;
}

Status Helper::assign(qint64 mission, const QDateTime &at, const Actor &by)
{
    if (m_availability == A::Offered && missionId != mission) {
        return Error{QStringLiteral("offer_mismatch"),
                     QCoreApplication::translate("relais::Helper", "Helper %1 has an offer for another mission.")
                         .arg(name.isEmpty() ? m_id : name)};
    }
    Status s = moveTo(A::Assigned, at, by);
    if (s)
        missionId = mission;
    return s;
}

Status Helper::startWork(const QDateTime &at, const Actor &by)
{
    if (m_availability == A::Busy) // en route then on scene: already busy
        return {};
    return moveTo(A::Busy, at, by);
}

Status Helper::release(const QDateTime &at, const Actor &by)
{
    // Only from an offer or a mission: releasing must never put an off-duty helper on duty.
    if (m_availability == A::OffDuty) {
        return Error{
            QStringLiteral("off_duty"),
            QCoreApplication::translate("relais::Helper", "Helper %1 is off duty.").arg(name.isEmpty() ? m_id : name)};
    }
    Status s = moveTo(A::Available, at, by);
    if (s)
        missionId = 0;
    return s;
}

Status Helper::updatePosition(const QGeoCoordinate &where, const QDateTime &at)
{
    if (!isOnDuty()) {
        return Error{
            QStringLiteral("off_duty_position"),
            QCoreApplication::translate("relais::Helper", "Helper %1 is off duty: their position is not recorded.")
                .arg(name.isEmpty() ? m_id : name)};
    }
    if (!where.isValid()) {
        return Error{QStringLiteral("bad_position"),
                     QCoreApplication::translate("relais::Helper", "Invalid position.")};
    }
    m_position = where;
    m_positionAt = at;
    return {};
}

void Helper::restore(Availability availability, const QGeoCoordinate &position, const QDateTime &positionAt,
                     const Transition &lastChange)
{
    m_availability = availability;
    m_position = position;
    m_positionAt = positionAt;
    m_lastChange = lastChange;
}

} // namespace relais
