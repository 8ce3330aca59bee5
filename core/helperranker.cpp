#include "helperranker.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace relais {

namespace {

constexpr double kRadPerDeg = std::numbers::pi / 180.0;
// Slack on the bounding-box pre-filter (radians, about 6 mm on the ground) so that rounding
// never rejects a helper the exact distance would keep: the pre-filter only skips work.
constexpr double kBoxSlackRad = 1e-9;
constexpr double kEtaSlackS = 1e-6;

constexpr size_t kPrefetchAhead = 16;

inline void prefetch(const void *p)
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    Q_UNUSED(p);
#endif
}

// One helper that passed the filters, with its sort key: the 50 m band and the skills folded
// into one integer (2 x band, + 1 without the skills), then the distance, then the id.
struct Ranked
{
    qint64 bandAndSkills;
    double distanceM;
    const Helper *helper;

    bool hasSkills() const { return (bandAndSkills & 1) == 0; }
};

struct RankedBefore
{
    bool operator()(const Ranked &a, const Ranked &b) const
    {
        if (a.bandAndSkills != b.bandAndSkills)
            return a.bandAndSkills < b.bandAndSkills;
        if (a.distanceM != b.distanceM)
            return a.distanceM < b.distanceM;
        return a.helper->id() < b.helper->id();
    }
};

bool hasAll(const QStringList &skills, const QStringList &needed)
{
    return std::all_of(needed.cbegin(), needed.cend(), [&skills](const QString &s) { return skills.contains(s); });
}

// The longitude difference folded into [-180, 180].
double lonDelta(double lon, double lon0)
{
    double d = lon - lon0;
    if (d > 180.0)
        d -= 360.0;
    else if (d < -180.0)
        d += 360.0;
    return d;
}

} // namespace

QStringList HelperRanker::neededSkills(AlarmKind kind)
{
    switch (kind) {
    case AlarmKind::Panic:
    case AlarmKind::Fall:
    case AlarmKind::Medical:
        return {QStringLiteral("first_aid")};
    case AlarmKind::Intrusion:
    case AlarmKind::Door:
        return {QStringLiteral("keys")};
    case AlarmKind::Tamper:
    case AlarmKind::LowBattery:
    case AlarmKind::DeviceSilent:
        return {QStringLiteral("maintenance")};
    case AlarmKind::Smoke:
    case AlarmKind::WaterLeak:
    case AlarmKind::Gas:
    case AlarmKind::Other:
        break;
    }
    return {};
}

double HelperRanker::distanceM(double lat1, double lon1, double lat2, double lon2)
{
    const double phi1 = lat1 * kRadPerDeg;
    const double phi2 = lat2 * kRadPerDeg;
    const double sinDLat = std::sin((phi2 - phi1) / 2.0);
    const double sinDLon = std::sin(lonDelta(lon2, lon1) * kRadPerDeg / 2.0);
    const double a = sinDLat * sinDLat + std::cos(phi1) * std::cos(phi2) * sinDLon * sinDLon;
    return 2.0 * earthRadiusM * std::asin(std::sqrt(std::min(1.0, a)));
}

int HelperRanker::etaSeconds(double distanceM, double speedKmh)
{
    // metres * 3600 / (km/h * 1000): exact for whole metres, so 100 m at 5 km/h is 72 s, not 73.
    // A microsecond of slack keeps rounding noise in a distance (800.000000001 m) from adding a second.
    return int(std::ceil(distanceM * 3600.0 / (speedKmh * 1000.0) - kEtaSlackS));
}

QList<HelperRanker::Candidate> HelperRanker::rank(const QHash<QString, Helper> &helpers, const QGeoCoordinate &where,
                                                  AlarmKind kind, const Options &opts)
{
    if (!where.isValid() || helpers.isEmpty())
        return {};

    const double lat0 = where.latitude();
    const double lon0 = where.longitude();
    const double phi0 = lat0 * kRadPerDeg;
    const double cosPhi0 = std::cos(phi0);
    const QStringList needed = neededSkills(kind);

    // An exact bounding box of the circle of radius R on the sphere: a point outside it is
    // farther than R, so it needs no trigonometry. The latitude bound is |dphi| <= R / earth;
    // the longitude bound asin(sin(R / earth) / cos(phi0)) holds unless the circle reaches a pole.
    const bool useRadius = opts.radiusM > 0;
    const double angular = opts.radiusM / earthRadiusM;
    const bool boxLat = useRadius && angular < std::numbers::pi;
    const double maxDLatDeg = (angular + kBoxSlackRad) / kRadPerDeg;
    const bool boxLon = boxLat && phi0 + angular < std::numbers::pi / 2 && phi0 - angular > -std::numbers::pi / 2;
    const double maxDLonDeg =
        boxLon ? (std::asin(std::min(1.0, std::sin(angular) / cosPhi0)) + kBoxSlackRad) / kRadPerDeg : 360.0;

    std::vector<Ranked> ranked;
    ranked.reserve(size_t(useRadius ? std::min<qsizetype>(helpers.size(), 64) : helpers.size()));
    for (auto it = helpers.cbegin(); it != helpers.cend(); ++it) {
        const Helper &h = it.value();
        const Helper::Availability av = h.availability();
        if (av == Helper::Availability::OffDuty || (opts.availableOnly && av != Helper::Availability::Available))
            continue;
        // The same test as QGeoCoordinate::isValid (NaN fails it too), without its out-of-line
        // type() call per helper.
        const QGeoCoordinate &p = h.position();
        const double lat = p.latitude();
        const double lon = p.longitude();
        if (!(lat >= -90.0 && lat <= 90.0 && lon >= -180.0 && lon <= 180.0))
            continue;
        if (boxLat && std::abs(lat - lat0) > maxDLatDeg)
            continue;
        if (boxLon && std::abs(lonDelta(lon, lon0)) > maxDLonDeg)
            continue;

        // Haversine, with cos(phi0) computed once per query.
        const double phi = lat * kRadPerDeg;
        const double sinDLat = std::sin((phi - phi0) / 2.0);
        const double sinDLon = std::sin(lonDelta(lon, lon0) * kRadPerDeg / 2.0);
        const double a = sinDLat * sinDLat + cosPhi0 * std::cos(phi) * sinDLon * sinDLon;
        const double d = 2.0 * earthRadiusM * std::asin(std::sqrt(std::min(1.0, a)));
        if (useRadius && d > opts.radiusM)
            continue;
        const auto band = qint64(d / skillBandM); // d >= 0: truncation is the floor
        ranked.push_back({2 * band + (hasAll(h.skills, needed) ? 0 : 1), d, &h});
    }

    const auto count = qsizetype(ranked.size());
    const qsizetype keep = opts.maxCount > 0 ? std::min<qsizetype>(opts.maxCount, count) : count;
    if (keep < count) {
        std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(), RankedBefore{});
        ranked.resize(size_t(keep));
    } else {
        std::sort(ranked.begin(), ranked.end(), RankedBefore{});
    }

    // In ranked order the helpers are scattered in memory: copying each id is two cache misses
    // (the helper, then the string's reference count), most of a long list's time. Fetch them
    // ahead: the helper kPrefetchAhead places ahead, its id's data half as far ahead.
    QList<Candidate> out;
    out.reserve(keep);
    const size_t n = ranked.size();
    for (size_t i = 0; i < n; ++i) {
        if (i + kPrefetchAhead < n)
            prefetch(ranked[i + kPrefetchAhead].helper);
        if (i + kPrefetchAhead / 2 < n)
            prefetch(ranked[i + kPrefetchAhead / 2].helper->id().constData());
        const Ranked &r = ranked[i];
        out.append({r.helper->id(), r.distanceM, etaSeconds(r.distanceM, walkingKmh),
                    etaSeconds(r.distanceM, cyclingKmh), r.hasSkills()});
    }
    return out;
}

} // namespace relais
