#pragma once

#include "alarmkind.h"
#include "helper.h"

#include <QGeoCoordinate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace relais {

// Ranks the helpers who could go to an alarm: for "assign to one helper from a ranked list"
// and "offer to the nearest N within R", and for the helpers panel's distance and ETA.
// Pure and stateless: no clock, no I/O, no Qt Widgets.
//
// Who appears:
//  - never a helper who is off duty or whose position is not valid (no position off duty);
//  - with Options::availableOnly (the default), only Helper::Availability::Available; without
//    it, every helper on duty (available, offered, assigned, busy), for the helpers panel;
//  - only within Options::radiusM of the alarm (distance <= radius), when the radius is > 0;
//  - at most Options::maxCount of them, the first in the order below, when it is > 0.
//  An alarm position that is not valid gives an empty list.
//
// The order: distance first. Distances fall into fixed bands of skillBandM (50 m: [0, 50),
// [50, 100), ...); within one band the helpers who have every skill the alarm kind needs
// come first, then the nearer one, then the lower helper id, so equal distances always come
// out in the same order. Fixed bands (rather than "within 50 m of each other") keep the order
// a strict weak ordering: a sort gives the same answer whatever the input order. A kind that
// needs no skill ranks by distance and id only.
//
// Distance: great-circle (haversine) on a sphere of earthRadiusM, as QGeoCoordinate::distanceTo.
// ETA: straight line at walkingKmh and cyclingKmh, rounded up to whole seconds (ignoring the
// last microsecond, which is only rounding noise in the distance).
class HelperRanker final
{
public:
    struct Options
    {
        int maxCount = 0;          // at most this many candidates; 0: all
        double radiusM = 0;        // only helpers within this distance (metres, inclusive); 0: no limit
        bool availableOnly = true; // only Available helpers; false: every helper on duty
    };

    struct Candidate
    {
        QString helperId;
        double distanceM = 0;         // great-circle distance to the alarm, metres
        int etaWalkS = 0;             // straight-line walking time, whole seconds rounded up
        int etaCycleS = 0;            // straight-line cycling time, whole seconds rounded up
        bool hasNeededSkills = false; // has every skill of neededSkills(kind) (true when none is needed)

        friend bool operator==(const Candidate &, const Candidate &) = default;
    };

    static constexpr double walkingKmh = 5.0;
    static constexpr double cyclingKmh = 15.0;
    static constexpr double skillBandM = 50.0;
    static constexpr double earthRadiusM = 6371007.2; // the radius QGeoCoordinate::distanceTo uses (Qt 6.4)

    // The issue's defaults for "offer to the nearest N within R".
    static constexpr int defaultOfferCount = 3;
    static constexpr double defaultOfferRadiusM = 500.0;
    static Options offerDefaults() { return {defaultOfferCount, defaultOfferRadiusM, true}; }

    // The skills (Helper::skills keys, as in resources/demo/helpers.csv) an alarm kind needs:
    //   Panic, Fall, Medical               -> "first_aid"
    //   Intrusion, Door                    -> "keys" (holds the beneficiary's keys)
    //   Tamper, LowBattery, DeviceSilent   -> "maintenance"
    //   Smoke, WaterLeak, Gas, Other       -> none (anyone can check; emergency services do the rest)
    static QStringList neededSkills(AlarmKind kind);

    static QList<Candidate> rank(const QHash<QString, Helper> &helpers, const QGeoCoordinate &where, AlarmKind kind,
                                 const Options &opts);

    // Great-circle distance in metres between two valid positions given in degrees.
    static double distanceM(double lat1, double lon1, double lat2, double lon2);
    // Straight-line travel time at speedKmh, whole seconds rounded up.
    static int etaSeconds(double distanceM, double speedKmh);
};

} // namespace relais
