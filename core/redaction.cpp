#include "redaction.h"

#include "alarm.h"

#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace relais {

double Redaction::coarse(double degrees)
{
    return std::round(degrees * 100.0) / 100.0;
}

QGeoCoordinate Redaction::coarse(const QGeoCoordinate &c)
{
    if (!c.isValid())
        return c;
    return QGeoCoordinate(coarse(c.latitude()), coarse(c.longitude()));
}

bool Redaction::isSystemKey(const QString &reason)
{
    // Relais's keys are lower-case words joined by underscores; the few single words it
    // uses are listed. A person's "dupont" or "Fausse manip" is text.
    static const QRegularExpression shape(QStringLiteral("^[a-z]+(_[a-z0-9]+)*$"));
    static const QStringList words{QStringLiteral("operator"),  QStringLiteral("reassigned"),
                                   QStringLiteral("declined"),  QStringLiteral("timeout"),
                                   QStringLiteral("withdrawn"), QStringLiteral("accepted"),
                                   QStringLiteral("pending"),   purgedText()};
    if (!shape.match(reason).hasMatch())
        return false;
    return reason.contains(QLatin1Char('_')) || words.contains(reason);
}

QString Redaction::keyOrPurged(const QString &reason)
{
    return reason.isEmpty() || isSystemKey(reason) ? reason : purgedText();
}

bool Redaction::isRedacted(const QJsonObject &payload)
{
    return payload.value(QLatin1String("purged")).toBool();
}

QDateTime Redaction::endedAt(const Alarm &alarm)
{
    if (alarm.isOpen() || alarm.timeline().isEmpty())
        return {};
    return alarm.timeline().constLast().at;
}

} // namespace relais
