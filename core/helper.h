#pragma once

#include "result.h"
#include "transition.h"

#include <QGeoCoordinate>
#include <QStringList>

#include <optional>

namespace relais {

// A neighbour who checks on site for a fixed fee. Their position is known only while
// on duty: going off duty forgets it (no tracking off duty).
class Helper final
{
public:
    enum class Availability { OffDuty, Available, Offered, Assigned, Busy };

    Helper() = default;
    Helper(QString id, QString name);

    static QString availabilityKey(Availability a);
    static std::optional<Availability> availabilityFromKey(const QString &key);
    static QString availabilityLabel(Availability a);
    static bool canTransition(Availability from, Availability to);
    // Available first, then offered, assigned, busy, off duty: the order a dispatcher looks
    // for someone to send in (lists, map clusters).
    static int availabilityRank(Availability a);

    const QString &id() const { return m_id; }
    Availability availability() const { return m_availability; }
    bool isOnDuty() const { return m_availability != Availability::OffDuty; }
    const QGeoCoordinate &position() const { return m_position; }
    const QDateTime &positionAt() const { return m_positionAt; }
    const Transition &lastChange() const { return m_lastChange; }

    QString name;
    QString phone;
    QStringList skills; // e.g. "first_aid", "keys" (holds the beneficiary's keys)
    qint64 missionId = 0;

    Status goOnDuty(const QDateTime &at, const Actor &by);
    Status goOffDuty(const QDateTime &at, const Actor &by);
    Status offer(qint64 mission, const QDateTime &at, const Actor &by);
    Status assign(qint64 mission, const QDateTime &at, const Actor &by);
    Status startWork(const QDateTime &at, const Actor &by); // en route or on scene
    Status release(const QDateTime &at, const Actor &by);   // offer over, mission done or withdrawn
    Status updatePosition(const QGeoCoordinate &where, const QDateTime &at);

    void restore(Availability availability, const QGeoCoordinate &position, const QDateTime &positionAt,
                 const Transition &lastChange);

    friend bool operator==(const Helper &, const Helper &) = default;

private:
    Status moveTo(Availability to, const QDateTime &at, const Actor &by);

    QString m_id;
    Availability m_availability = Availability::OffDuty;
    QGeoCoordinate m_position;
    QDateTime m_positionAt;
    Transition m_lastChange;
};

} // namespace relais
