// Full-repaint time of the live map, offscreen, with 100,000 devices, 2,000 helpers on duty
// and 500 open alarms spread over 20 km x 20 km around the demo town (whose offline vector
// basemap is drawn under them, its tiles rendered and cached first). Devices are shown at
// every zoom (the worst case: normally only from zoom 16). Prints the median and p95 of a
// full repaint of a 1280 x 800 map at a city zoom (14) and a country zoom (6) (when nothing
// changed since the last one, as when the halos pulse, and when the device clusters must be made
// anew, as for the first frame at a new zoom), the time of a pan frame (move by 8 px, then
// repaint), and of a hit-test under the cursor. Then the marker layer alone, without a widget
// or a basemap: a MarkerLayer on the same LiveState drawn into a 1280 x 800 image through a
// MapViewport at the same two zooms (the layers' own share of a repaint).
//   bench_map              the figures above
//   bench_map <repaints>   more or fewer repaints per figure (default 60)
//   BENCH_NO_DEVICES=1     devices drawn only from zoom 16, as normally

#include "alarm.h"
#include "device.h"
#include "dispatchstate.h"
#include "geo/basemapdata.h"
#include "geo/webmercator.h"
#include "helper.h"
#include "livestate.h"
#include "mapviewport.h"
#include "mapwidget.h"
#include "markerlayer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace relais;

namespace {

constexpr double kLat = 41.9450, kLon = -85.6250; // the demo town
constexpr double kSpanDeg = 0.18;                 // about 20 km north-south

struct Figures
{
    double median = 0, p95 = 0;
};

Figures figures(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

DispatchState makeDesk(int devices, int helpers, int alarms)
{
    QRandomGenerator rng(20250301);
    const auto place = [&rng] {
        // Denser in the middle, as a town is: the sum of two uniforms.
        const double y = (rng.generateDouble() + rng.generateDouble() - 1.0) * kSpanDeg / 2;
        const double x = (rng.generateDouble() + rng.generateDouble() - 1.0) * kSpanDeg / 2 * 1.35;
        return QGeoCoordinate(kLat + y, kLon + x);
    };
    DispatchState s;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QString> deviceIds;
    for (int i = 0; i < devices; ++i) {
        Device d;
        d.id = QStringLiteral("D%1").arg(i);
        d.kind = QStringLiteral("panic_button");
        d.position = place();
        s.loadDevice(d);
        deviceIds.append(d.id);
    }
    const Helper::Availability availabilities[] = {Helper::Availability::Available, Helper::Availability::Available,
                                                   Helper::Availability::Offered, Helper::Availability::Busy};
    for (int i = 0; i < helpers; ++i) {
        Helper h(QStringLiteral("H%1").arg(i), QStringLiteral("Helper %1").arg(i));
        h.restore(availabilities[i % 4], place(), now, {});
        s.loadHelper(h);
    }
    const QList<AlarmKind> kinds = AlarmKinds::all();
    const QList<Severity> severities = Severities::all();
    for (int i = 0; i < alarms; ++i) {
        Alarm a(i + 1, deviceIds.at(i * 97 % devices), kinds.at(i % kinds.size()), severities.at(i % severities.size()),
                now, Actor::device(deviceIds.at(i)));
        a.position = s.device(a.deviceId())->position;
        if (i % 3 == 0)
            a.restore(Alarm::State::Acknowledged, 1 + i % 4, now, std::nullopt, 0, {});
        s.loadAlarm(a);
    }
    return s;
}

// Draws into the image n times; milliseconds per draw. before(i), when given, runs first each
// time, untimed; timed(), when given, runs within the timing, before the draw.
std::vector<double> timedDraws(QImage &target, int n, const std::function<void(int)> &before,
                               const std::function<void()> &timed, const std::function<void(QPainter &)> &draw)
{
    std::vector<double> ms;
    QElapsedTimer t;
    for (int i = 0; i < n; ++i) {
        if (before)
            before(i);
        t.start();
        if (timed)
            timed();
        target.fill(Qt::transparent);
        QPainter p(&target);
        draw(p);
        p.end();
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    return ms;
}

// Repaints the whole map into an image, n times; milliseconds per repaint.
// before(i), when given, runs first each time; pan: move the map by 8 px, timed with the repaint.
std::vector<double> repaints(MapWidget &map, QImage &target, int n, const std::function<void(int)> &before = {},
                             bool pan = true)
{
    std::function<void()> move;
    if (before && pan)
        move = [&map] {
            map.setCenter(map.toCoordinate(QPointF(640 + 8, 400)));
        }; // the pan itself counts
    return timedDraws(target, n, before, move, [&map](QPainter &p) { map.render(&p); });
}

// The marker layer alone drawn into the image, n times; milliseconds per repaint. before(i),
// when given, runs first each time (untimed): it may change the viewport.
std::vector<double> layerRepaints(const MarkerLayer &layer, MapViewport &view, QImage &target, int n,
                                  const std::function<void(int)> &before = {})
{
    return timedDraws(target, n, before, {}, [&](QPainter &p) { layer.draw(p, view, view.rect()); });
}

void waitForTiles(MapWidget &map)
{
    QElapsedTimer t;
    t.start();
    while (!map.requestedTiles().isEmpty() && t.elapsed() < 20000)
        QTest::qWait(10);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int n = argc > 1 ? std::max(5, QString::fromLocal8Bit(argv[1]).toInt()) : 60;
    const int devices = 100000, helpers = 2000, alarms = 500;

    QElapsedTimer setup;
    setup.start();
    LiveState state;
    state.reset(makeDesk(devices, helpers, alarms));
    MapWidget map;
    map.resize(1280, 800);
    BasemapData town;
    if (!town.load(QStringLiteral(":/demo/town.geojson"))) {
        std::fprintf(stderr, "bench_map: %s\n", qPrintable(town.errorString()));
        return 1;
    }
    map.setBasemap(town);
    map.setLiveState(&state);
    map.setShowDevices(!qEnvironmentVariableIsSet("BENCH_NO_DEVICES"));
    map.show();
    std::printf("bench_map: %d devices, %d helpers on duty, %d open alarms, 1280 x 800, devices %s; "
                "set up in %lld ms\n",
                devices, helpers, alarms, map.showDevices() ? "shown at every zoom" : "from zoom 16", setup.elapsed());

    QImage target(map.size() * map.devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    target.setDevicePixelRatio(map.devicePixelRatioF());
    for (double zoom : {14.0, 6.0}) {
        map.setView(QGeoCoordinate(kLat, kLon), zoom);
        waitForTiles(map);
        repaints(map, target, 3); // warm the sprite caches
        const Figures f = figures(repaints(map, target, n));
        std::printf("full repaint at zoom %2.0f: median %6.2f ms, p95 %6.2f ms (%s clusters)\n", zoom, f.median, f.p95,
                    map.clustersAlarms() ? "alarm" : "no alarm");
        // The same, with nothing reused from the repaint before: a zoom that differs by a
        // millionth each time makes the map cluster the devices again (the first frame at a
        // new zoom).
        const Figures cold = figures(repaints(
            map, target, n, [&map, zoom](int i) { map.setZoom(zoom + (i % 2) * 1e-6); }, false));
        std::printf("full repaint at zoom %2.0f, clusters made anew: median %6.2f ms, p95 %6.2f ms\n", zoom,
                    cold.median, cold.p95);
    }

    // Panning at zoom 14: move by 8 px, repaint; the tiles are cached (a dispatcher's pan).
    map.setView(QGeoCoordinate(kLat, kLon), 14);
    waitForTiles(map);
    for (int i = 0; i < n; ++i)
        map.setCenter(map.toCoordinate(QPointF(640 + 8, 400)));
    waitForTiles(map);
    map.setView(QGeoCoordinate(kLat, kLon), 14);
    const Figures pan = figures(repaints(map, target, n, [](int) {}));
    std::printf("pan frame at zoom 14 (8 px + repaint): median %6.2f ms, p95 %6.2f ms\n", pan.median, pan.p95);

    // Hit-tests under random cursor positions, at both zooms.
    QRandomGenerator rng(7);
    for (double zoom : {14.0, 6.0}) {
        map.setView(QGeoCoordinate(kLat, kLon), zoom);
        std::vector<double> us;
        QElapsedTimer t;
        int hits = 0;
        for (int i = 0; i < 2000; ++i) {
            const QPointF at(rng.bounded(1280.0), rng.bounded(800.0));
            t.start();
            hits += map.hitTest(at).kind != MapWidget::Hit::Kind::None ? 1 : 0;
            us.push_back(t.nsecsElapsed() / 1e3);
        }
        const Figures h = figures(us);
        std::printf("hit-test at zoom %2.0f: median %6.1f us, p95 %6.1f us (%d of 2000 points on a marker)\n", zoom,
                    h.median, h.p95, hits);
    }

    // The marker layer alone: no widget, no basemap, the same state and image.
    MarkerLayer layer;
    layer.setLiveState(&state);
    layer.setShowDevices(map.showDevices());
    const QPointF centre0 = WebMercator::toWorld(kLat, kLon, 0);
    for (double zoom : {14.0, 6.0}) {
        MapViewport view(centre0, zoom, QSize(1280, 800), target.devicePixelRatio());
        layerRepaints(layer, view, target, 3); // warm the sprite caches
        const Figures f = figures(layerRepaints(layer, view, target, n));
        std::printf("marker layer alone at zoom %2.0f: median %6.2f ms, p95 %6.2f ms\n", zoom, f.median, f.p95);
        // A zoom that differs by a millionth each time: the device clusters are made anew.
        const Figures cold = figures(layerRepaints(layer, view, target, n, [&](int i) {
            view = MapViewport(centre0, zoom + (i % 2) * 1e-6, QSize(1280, 800), target.devicePixelRatio());
        }));
        std::printf("marker layer alone at zoom %2.0f, clusters made anew: median %6.2f ms, p95 %6.2f ms\n", zoom,
                    cold.median, cold.p95);
    }
    return 0;
}
