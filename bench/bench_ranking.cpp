// Ranking the helpers for an alarm (HelperRanker::rank) among 10,000 helpers spread at random
// (seeded) over a 20 km x 20 km town, for 1,000 alarms at random places in it, cycling through
// the alarm kinds. Prints the median and p95 of one ranking, in microseconds, for
//   (a) the offer: the top 3 available within 500 m,
//   (b) the full ranked list of every available helper (no radius, no count),
//   (c) for comparison, (b) done naively: QGeoCoordinate::distanceTo per helper and a full sort,
// with a realistic mix (half available, the rest offered, busy or off duty) and then with all
// 10,000 available (the worst case for (b)). Target (docs/DESIGN.md): <= 1 ms.
//   bench_ranking                       the figures above
//   bench_ranking <helpers> <queries>   other sizes

#include "alarmkind.h"
#include "helper.h"
#include "helperranker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace relais;

namespace {

constexpr double kLat = 41.9450, kLon = -85.6250;    // the demo town
constexpr double kSpanLatDeg = 20000.0 / 111195.0;   // 20 km north-south
constexpr double kSpanLonDeg = kSpanLatDeg / 0.7440; // 20 km east-west at 41.9 degrees (cos = 0.744)

struct Figures
{
    double median = 0, p95 = 0;
};

Figures figures(std::vector<double> us)
{
    std::sort(us.begin(), us.end());
    return {us[us.size() / 2], us[std::min(us.size() - 1, us.size() * 95 / 100)]};
}

QGeoCoordinate randomPlace(QRandomGenerator &rng)
{
    return {kLat + (rng.generateDouble() - 0.5) * kSpanLatDeg, kLon + (rng.generateDouble() - 0.5) * kSpanLonDeg};
}

QHash<QString, Helper> makeHelpers(int count, bool allAvailable)
{
    QRandomGenerator rng(20250302);
    const Helper::Availability mix[] = {Helper::Availability::Available, Helper::Availability::Available,
                                        Helper::Availability::Offered,   Helper::Availability::Busy,
                                        Helper::Availability::OffDuty,   Helper::Availability::Available};
    const QStringList skills[] = {{},
                                  {QStringLiteral("first_aid")},
                                  {QStringLiteral("keys")},
                                  {QStringLiteral("first_aid"), QStringLiteral("keys")},
                                  {QStringLiteral("maintenance")}};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QHash<QString, Helper> helpers;
    helpers.reserve(count);
    for (int i = 0; i < count; ++i) {
        Helper h(QStringLiteral("H%1").arg(i, 5, 10, QLatin1Char('0')), QStringLiteral("Helper %1").arg(i));
        const Helper::Availability a = allAvailable ? Helper::Availability::Available : mix[rng.bounded(6)];
        h.restore(a, a == Helper::Availability::OffDuty ? QGeoCoordinate() : randomPlace(rng), now, {});
        h.skills = skills[rng.bounded(5)];
        helpers.insert(h.id(), h);
    }
    return helpers;
}

// What a first version would write: Qt's distance for every helper, then sort everything.
QList<HelperRanker::Candidate> naive(const QHash<QString, Helper> &helpers, const QGeoCoordinate &where, AlarmKind kind)
{
    const QStringList needed = HelperRanker::neededSkills(kind);
    QList<HelperRanker::Candidate> out;
    for (const Helper &h : helpers) {
        if (h.availability() != Helper::Availability::Available || !h.position().isValid())
            continue;
        const double d = where.distanceTo(h.position());
        const bool has =
            std::all_of(needed.cbegin(), needed.cend(), [&h](const QString &s) { return h.skills.contains(s); });
        out.append({h.id(), d, HelperRanker::etaSeconds(d, HelperRanker::walkingKmh),
                    HelperRanker::etaSeconds(d, HelperRanker::cyclingKmh), has});
    }
    std::sort(out.begin(), out.end(), [](const HelperRanker::Candidate &a, const HelperRanker::Candidate &b) {
        const double ba = std::floor(a.distanceM / HelperRanker::skillBandM);
        const double bb = std::floor(b.distanceM / HelperRanker::skillBandM);
        if (ba != bb)
            return ba < bb;
        if (a.hasNeededSkills != b.hasNeededSkills)
            return a.hasNeededSkills;
        if (a.distanceM != b.distanceM)
            return a.distanceM < b.distanceM;
        return a.helperId < b.helperId;
    });
    return out;
}

template<typename F>
Figures timeQueries(const std::vector<QGeoCoordinate> &places, F &&rankOne, qint64 &results)
{
    const QList<AlarmKind> kinds = AlarmKinds::all();
    std::vector<double> us;
    us.reserve(places.size());
    // One untimed round to warm the caches and the allocator.
    for (size_t i = 0; i < std::min<size_t>(places.size(), 20); ++i)
        results += rankOne(places[i], kinds.at(qsizetype(i) % kinds.size())).size();
    QElapsedTimer timer;
    for (size_t i = 0; i < places.size(); ++i) {
        timer.start();
        const auto ranked = rankOne(places[i], kinds.at(qsizetype(i) % kinds.size()));
        us.push_back(double(timer.nsecsElapsed()) / 1000.0);
        results += ranked.size();
    }
    return figures(std::move(us));
}

void run(int helperCount, int queries, bool allAvailable)
{
    const QHash<QString, Helper> helpers = makeHelpers(helperCount, allAvailable);
    int available = 0;
    for (const Helper &h : helpers)
        available += h.availability() == Helper::Availability::Available ? 1 : 0;

    QRandomGenerator rng(99);
    std::vector<QGeoCoordinate> places;
    places.reserve(size_t(queries));
    for (int i = 0; i < queries; ++i)
        places.push_back(randomPlace(rng));

    qint64 offered = 0, listed = 0, naiveListed = 0;
    const HelperRanker::Options offer = HelperRanker::offerDefaults();
    const Figures a = timeQueries(
        places, [&](const QGeoCoordinate &w, AlarmKind k) { return HelperRanker::rank(helpers, w, k, offer); },
        offered);
    const Figures b = timeQueries(
        places, [&](const QGeoCoordinate &w, AlarmKind k) { return HelperRanker::rank(helpers, w, k, {}); }, listed);
    const Figures c = timeQueries(
        places, [&](const QGeoCoordinate &w, AlarmKind k) { return naive(helpers, w, k); }, naiveListed);

    std::printf("bench_ranking: %d helpers (%d available) over 20 km x 20 km, %d alarms at random places\n",
                helperCount, available, queries);
    std::printf("  (a) top %d within %.0f m:        median %7.1f us, p95 %7.1f us (%.2f helpers offered per alarm)\n",
                offer.maxCount, offer.radiusM, a.median, a.p95, double(offered) / (queries + 20));
    std::printf("  (b) full ranked list:            median %7.1f us, p95 %7.1f us (%lld per list)\n", b.median, b.p95,
                static_cast<long long>(listed / (queries + 20)));
    std::printf("  (c) naive distanceTo + sort all: median %7.1f us, p95 %7.1f us (%lld per list, for comparison)\n",
                c.median, c.p95, static_cast<long long>(naiveListed / (queries + 20)));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int helperCount = args.size() > 1 ? args.at(1).toInt() : 10000;
    const int queries = args.size() > 2 ? args.at(2).toInt() : 1000;
    if (helperCount <= 0 || queries <= 0) {
        std::fprintf(stderr, "usage: bench_ranking [helpers queries]\n");
        return 2;
    }
    run(helperCount, queries, false);
    run(helperCount, queries, true);
    return 0;
}
