#pragma once

#include <QDateTime>
#include <QGeoCoordinate>
#include <QJsonObject>
#include <QString>

namespace relais {

class Alarm;

// What a purge leaves of personal details (docs/privacy.md): the few rules the reducer applies
// when it replays or applies a privacy.purged entry, and PrivacyPurge when it redacts journal
// entries. Apart from both, so that the reducer does not depend on the purge's planner.
class Redaction final
{
public:
    // Rounded to 0.01° (about 1.1 km north–south, 0.75 km east–west at 47°): the
    // neighbourhood, not the door. Idempotent.
    static QGeoCoordinate coarse(const QGeoCoordinate &c);
    static double coarse(double degrees);
    // What replaces a reason or note typed by someone.
    static QString purgedText() { return QStringLiteral("purged"); }
    // Whether a reason is one of Relais's own keys ("operator", "device_reported", ...) and
    // not text typed by someone: keys stay, text goes.
    static bool isSystemKey(const QString &reason);
    static QString keyOrPurged(const QString &reason);
    // Whether a journal entry's payload was redacted ("purged": true).
    static bool isRedacted(const QJsonObject &payload);
    // When a closed or cancelled alarm ended (its last transition); null while open.
    static QDateTime endedAt(const Alarm &alarm);
};

} // namespace relais
