#include "basemaprenderer.h"
#include "faketilesource.h"
#include "geo/basemapdata.h"
#include "geo/webmercator.h"
#include "journalbuilder.h"
#include "livestate.h"
#include "mapmarkers.h"
#include "mapwidget.h"
#include "markerpainter.h"
#include "tileprovider.h"
#include "uicolors.h"
#include "vectortileprovider.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPaintEvent>
#include <QPolygonF>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace relais;

namespace {

const QString kTown = QStringLiteral(":/demo/town.geojson");

// The colour drawn at a logical position of a grab (HiDPI aware).
QColor colourAt(const QImage &image, QPointF logical)
{
    const qreal dpr = image.devicePixelRatio();
    return image.pixelColor(QPoint(int(logical.x() * dpr), int(logical.y() * dpr)));
}

bool near(const QColor &a, const QColor &b, int tolerance = 12)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
           && std::abs(a.blue() - b.blue()) <= tolerance;
}

QString describe(const QColor &c)
{
    return QStringLiteral("rgb(%1, %2, %3)").arg(c.red()).arg(c.green()).arg(c.blue());
}

// Records the rectangles of the paint events a widget receives.
class PaintRecorder final : public QObject
{
public:
    QList<QRect> rects;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            rects.append(static_cast<QPaintEvent *>(event)->rect());
        return QObject::eventFilter(watched, event);
    }
};

// A point well inside the polygon (the middle of the longest horizontal chord through it).
QPointF insidePoint(const QPolygonF &polygon)
{
    const QRectF box = polygon.boundingRect();
    QPointF best;
    double bestRun = -1;
    for (int row = 1; row < 40; ++row) {
        const double y = box.top() + box.height() * row / 40.0;
        double runStart = 0;
        int run = 0;
        for (int col = 0; col <= 200; ++col) {
            const double x = box.left() + box.width() * col / 200.0;
            if (polygon.containsPoint(QPointF(x, y), Qt::OddEvenFill)) {
                if (run == 0)
                    runStart = x;
                ++run;
                if (run > bestRun) {
                    bestRun = run;
                    best = QPointF((runStart + x) / 2.0, y);
                }
            } else {
                run = 0;
            }
        }
    }
    return best;
}

} // namespace

class TestMapWidget final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void drawsTheVectorBasemap();
    void vectorTilesFollowTheScreenResolution();
    void attributionIsAlwaysLegible();
    void scaleBarAndCursorCoordinates();
    void missingTileShowsItsParent();
    void tileArrivalRepaintsOnlyItsSquare();
    void cancelsTilesThatLeftTheView();
    void notFoundTilesAreNotAskedAgain();
    void fallsBackToTheVectorBasemapWhenUnreachable();
    void saysSoWhenItHasNoBackground();
    void panAndZoomByMouseAndKeyboard();
    void refusesABrokenBasemapAndKeepsTheOldOne();
    void drawsACriticalAlarmWhereItIs();
    void clustersAtLowZoomAndAClickZoomsIn();
    void deviceClustersReusedWhilePanningMatchFreshOnes();
    void clickSelectsAndHitTestsFollowTheDrawing();
    void contextMenusOfferOnlyWhatIsConnected();
    void fitsOpenAlarmsAndDrawsMissions();

private:
    // A small desk: devices in Three Rivers, one critical panic, minor alarms close together.
    void buildDesk(LiveState &state, JournalBuilder *journal = nullptr);
    BasemapData m_town;
};

void TestMapWidget::buildDesk(LiveState &state, JournalBuilder *journal)
{
    JournalBuilder local(QDateTime::currentDateTimeUtc().addSecs(-600));
    JournalBuilder &j = journal ? *journal : local;
    QList<JournalEntry> entries{
        j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-1"), QStringLiteral("1 Main St"), 41.9440, -85.6330),
        j.registerHelper(QStringLiteral("h1"), QStringLiteral("Ann Lee")),
        j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h1")),
        j.helperAction(EntryKind::HelperPosition, QStringLiteral("h1"),
                       {{QStringLiteral("lat"), 41.9465}, {QStringLiteral("lon"), -85.6300}}),
        j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("panic"), QStringLiteral("critical")),
    };
    // Five homes 40 m apart, north-east of the panic, each with a minor water leak.
    for (int i = 0; i < 5; ++i) {
        const QString id = QStringLiteral("w%1").arg(i);
        entries.append(j.registerDevice(id, QStringLiteral("B-W%1").arg(i), QStringLiteral("%1 River Rd").arg(i),
                                        41.9600 + i * 0.0003, -85.6050 + i * 0.0003));
        entries.append(j.deviceAlarm(id, QStringLiteral("water_leak"), QStringLiteral("minor")));
    }
    QCOMPARE(JournalBuilder::commit(state, entries), QString());
}

void TestMapWidget::drawsACriticalAlarmWhereItIs()
{
    LiveState state;
    buildDesk(state);
    MapWidget map;
    map.resize(400, 300);
    map.setLiveState(&state);
    const QGeoCoordinate centre(41.9450, -85.6310);
    map.setView(centre, 16);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    // Where Web Mercator puts the alarm, independently of the widget's own conversions.
    const QPointF expected =
        WebMercator::toWorld(41.9440, -85.6330, 16) - WebMercator::toWorld(centre, 16) + QPointF(200, 150);
    QCOMPARE(map.toScreen(QGeoCoordinate(41.9440, -85.6330)), expected);
    const QImage image = map.grab().toImage();
    const QColor critical = UiColors::severity(Severity::Critical);
    // The disc around the glyph, left and right of the centre, and the white ring at its edge.
    for (const QPointF offset : {QPointF(-7, 0), QPointF(7, 0), QPointF(0, 7)})
        QVERIFY2(near(colourAt(image, expected + offset), critical, 6),
                 qPrintable(describe(colourAt(image, expected + offset))));
    QVERIFY(colourAt(image, expected + QPointF(-MarkerPainter::kAlarmRadius, 0)).lightness() > 200);
    // Nowhere else in red: 40 px away is basemap (no basemap here: the land colour).
    QVERIFY(near(colourAt(image, expected + QPointF(-40, 0)), BasemapRenderer::landColour(), 2));
    // The helper (available: green) where they are.
    const QPointF helperAt = map.toScreen(QGeoCoordinate(41.9465, -85.6300));
    QVERIFY2(
        near(colourAt(image, helperAt + QPointF(-5, 0)), UiColors::availability(Helper::Availability::Available), 14),
        qPrintable(describe(colourAt(image, helperAt + QPointF(-5, 0)))));
}

void TestMapWidget::clustersAtLowZoomAndAClickZoomsIn()
{
    LiveState state;
    buildDesk(state);
    MapWidget map;
    map.resize(400, 300);
    map.setLiveState(&state);
    const QGeoCoordinate leaks(41.9606, -85.6044);
    map.setView(QGeoCoordinate(41.9523, -85.6187), 12);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QVERIFY(map.clustersAlarms());
    // The five leaks are one cluster (they span 170 m, 20 px at zoom 12) unless a cell edge
    // splits them: find the biggest cluster under their middle.
    const MapWidget::Hit hit = map.hitTest(map.toScreen(leaks));
    QCOMPARE(hit.kind, MapWidget::Hit::Kind::AlarmCluster);
    QVERIFY2(hit.count >= 2, qPrintable(QString::number(hit.count)));
    const QImage image = map.grab().toImage();
    QVERIFY2(near(colourAt(image, hit.screen + QPointF(-9, 0)), UiColors::severity(Severity::Minor), 8),
             qPrintable(describe(colourAt(image, hit.screen + QPointF(-9, 0)))));
    // The critical alarm 1.3 km away is its own marker, in its own colour.
    const MapWidget::Hit panic = map.hitTest(map.toScreen(QGeoCoordinate(41.9440, -85.6330)));
    QCOMPARE(panic.kind, MapWidget::Hit::Kind::Alarm);
    QCOMPARE(panic.alarmId, 1);

    // A click on the cluster zooms in until its members are apart.
    const double before = map.zoom();
    QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, hit.screen.toPoint());
    QVERIFY(map.zoom() >= before + 1);
    QVERIFY(map.zoom() >= 14 || map.hitTest(map.toScreen(leaks)).count < hit.count);
    map.setZoom(15);
    map.setCenter(leaks);
    QVERIFY(!map.clustersAlarms());
    QSet<qint64> seen;
    for (int i = 0; i < 5; ++i) {
        const MapWidget::Hit one =
            map.hitTest(map.toScreen(QGeoCoordinate(41.9600 + i * 0.0003, -85.6050 + i * 0.0003)));
        QCOMPARE(one.kind, MapWidget::Hit::Kind::Alarm);
        seen.insert(one.alarmId);
    }
    QCOMPARE(seen.size(), 5);
}

void TestMapWidget::deviceClustersReusedWhilePanningMatchFreshOnes()
{
    // 2,000 devices over 6 km: clustered at zoom 13.
    JournalBuilder j(QDateTime::currentDateTimeUtc().addSecs(-600));
    QList<JournalEntry> entries;
    QRandomGenerator rng(42);
    for (int i = 0; i < 2000; ++i) {
        entries.append(j.registerDevice(QStringLiteral("c%1").arg(i), QStringLiteral("B-C%1").arg(i),
                                        QStringLiteral("%1 Oak St").arg(i), 41.92 + rng.bounded(0.05),
                                        -85.66 + rng.bounded(0.07)));
    }
    LiveState state;
    QCOMPARE(JournalBuilder::commit(state, entries), QString());
    const auto makeMap = [&state](MapWidget &map) {
        map.resize(400, 300);
        map.setLiveState(&state);
        map.setShowDevices(true);
    };
    MapWidget panned;
    makeMap(panned);
    panned.setView(QGeoCoordinate(41.935, -85.65), 13);
    panned.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panned));
    QVERIFY(panned.drawsDevices());
    (void)panned.grab(); // clusters made here, with a margin
    // Short pans, each repainted: the clusters made before are cut to the view.
    // 12 steps go farther than the margin: the clusters are made again on the way.
    for (int step = 0; step < 12; ++step) {
        panned.setCenter(panned.toCoordinate(QPointF(200 + 23, 150 - 11)));
        (void)panned.grab();
    }
    const auto sameAsFresh = [&](const char *when) {
        MapWidget fresh;
        makeMap(fresh);
        fresh.setView(panned.center(), panned.zoom());
        const QImage a = panned.grab().toImage(), b = fresh.grab().toImage();
        QCOMPARE(a.size(), b.size());
        // The same picture, but for a few pixels of rounding (the fresh view's centre went
        // through degrees): a cluster missing or misplaced changes hundreds.
        int differing = 0;
        for (int y = 0; y < a.height(); ++y) {
            for (int x = 0; x < a.width(); ++x)
                differing += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
        }
        QVERIFY2(differing <= 12,
                 qPrintable(QStringLiteral("%1: %2 pixels differ").arg(QLatin1String(when)).arg(differing)));
        QVERIFY2(panned.hitTest(QPointF(200, 150)).count == fresh.hitTest(QPointF(200, 150)).count, when);
    };
    sameAsFresh("after short pans");

    // A device that arrives under the middle is counted at once: the clusters are made again.
    MapWidget::Hit before;
    for (int y = 120; y < 180 && before.kind != MapWidget::Hit::Kind::DeviceCluster; y += 4) {
        for (int x = 160; x < 240 && before.kind != MapWidget::Hit::Kind::DeviceCluster; x += 4)
            before = panned.hitTest(QPointF(x, y));
    }
    QCOMPARE(before.kind, MapWidget::Hit::Kind::DeviceCluster);
    const QGeoCoordinate middle = panned.toCoordinate(before.screen);
    QCOMPARE(JournalBuilder::commit(
                 state, {j.registerDevice(QStringLiteral("new"), QStringLiteral("B-N"), QStringLiteral("1 New St"),
                                          middle.latitude(), middle.longitude())}),
             QString());
    panned.markers()->flush();
    QCOMPARE(panned.hitTest(before.screen).count, before.count + 1);
    sameAsFresh("after a new device");

    // Another zoom: other cells, made again.
    panned.setZoom(12.5);
    sameAsFresh("after zooming out");
}

void TestMapWidget::clickSelectsAndHitTestsFollowTheDrawing()
{
    LiveState state;
    buildDesk(state);
    MapWidget map;
    map.resize(400, 300);
    map.setLiveState(&state);
    map.setView(QGeoCoordinate(41.9450, -85.6310), 16);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QSignalSpy alarms(&map, &MapWidget::alarmSelected);
    QSignalSpy helpers(&map, &MapWidget::helperSelected);

    const QPointF alarmAt = map.toScreen(QGeoCoordinate(41.9440, -85.6330));
    QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, (alarmAt + QPointF(6, 5)).toPoint());
    QCOMPARE(alarms.size(), 1);
    QCOMPARE(alarms.first().first().toLongLong(), 1);
    QCOMPARE(map.selectedAlarm(), 1);
    // Selected: a dark blue ring around the marker.
    const QImage image = map.grab().toImage();
    QVERIFY2(
        near(colourAt(image, alarmAt + QPointF(0, -MarkerPainter::kAlarmRadius - 4.5)), QColor(0x0d, 0x47, 0xa1), 40),
        qPrintable(describe(colourAt(image, alarmAt + QPointF(0, -MarkerPainter::kAlarmRadius - 4.5)))));

    QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, map.toScreen(QGeoCoordinate(41.9465, -85.6300)).toPoint());
    QCOMPARE(helpers.size(), 1);
    QCOMPARE(helpers.first().first().toString(), QStringLiteral("h1"));
    QCOMPARE(map.selectedHelper(), QStringLiteral("h1"));

    // Empty map, and a drag: nothing selected.
    QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, QPoint(390, 290));
    QCOMPARE(map.hitTest(QPointF(390, 290)).kind, MapWidget::Hit::Kind::None);
    QCOMPARE(alarms.size(), 1);
    QCOMPARE(helpers.size(), 1);
    // Setting the selection from outside emits nothing.
    map.setSelectedAlarm(0);
    QCOMPARE(alarms.size(), 1);

    // Devices appear from zoom 16 on, or when asked; at zoom 16 the device under the alarm
    // is hidden by it (alarms are on top).
    QVERIFY(map.drawsDevices());
    QCOMPARE(map.hitTest(alarmAt).kind, MapWidget::Hit::Kind::Alarm);
    map.setZoom(13);
    QVERIFY(!map.drawsDevices());
    map.setShowDevices(true);
    QVERIFY(map.drawsDevices());
}

void TestMapWidget::contextMenusOfferOnlyWhatIsConnected()
{
    LiveState state;
    buildDesk(state);
    MapWidget map;
    map.resize(400, 300);
    map.setLiveState(&state);
    map.setView(QGeoCoordinate(41.9450, -85.6310), 16);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    const QPointF alarmAt = map.toScreen(QGeoCoordinate(41.9440, -85.6330));
    const auto names = [](QMenu *menu) {
        QStringList out;
        for (QAction *a : menu->actions()) {
            if (!a->isSeparator())
                out.append(a->objectName());
        }
        return out;
    };

    // Nothing connected: no dead entries, only what the map does itself.
    std::unique_ptr<QMenu> menu(map.createContextMenu(alarmAt));
    QCOMPARE(names(menu.get()), (QStringList{QStringLiteral("centreAction"), QStringLiteral("fitAlarmsAction")}));
    menu.reset(map.createContextMenu(QPointF(390, 20)));
    QCOMPARE(names(menu.get()), (QStringList{QStringLiteral("centreAction"), QStringLiteral("copyCoordinatesAction"),
                                             QStringLiteral("fitAlarmsAction")}));

    // The application's entries (its shared actions, not owned by the menu, added by a filler):
    // first, for the alarm (acknowledge only while it is new) and for the place clicked; they
    // act on the alarm selected and the coordinate given.
    QAction acknowledge, assignNearest, createAlarm;
    acknowledge.setObjectName(QStringLiteral("acknowledgeAction"));
    assignNearest.setObjectName(QStringLiteral("assignNearestAction"));
    createAlarm.setObjectName(QStringLiteral("createAlarmAction"));
    QList<qint64> ack, assign;
    QList<QGeoCoordinate> create;
    QGeoCoordinate clicked;
    connect(&acknowledge, &QAction::triggered, &map, [&] { ack.append(map.selectedAlarm()); });
    connect(&assignNearest, &QAction::triggered, &map, [&] { assign.append(map.selectedAlarm()); });
    connect(&createAlarm, &QAction::triggered, &map, [&] { create.append(clicked); });
    map.setContextMenuFiller([&](QMenu *m, const MapWidget::Hit &hit, const QGeoCoordinate &where) {
        if (hit.kind == MapWidget::Hit::Kind::Alarm) {
            const MapMarkers::AlarmMarker *a = map.markers()->alarm(hit.alarmId);
            if (a && a->state == Alarm::State::New)
                m->addAction(&acknowledge);
            m->addAction(&assignNearest);
        } else {
            clicked = where;
            m->addAction(&createAlarm);
        }
    });
    const auto action = [](QMenu *m, const QString &name) -> QAction * {
        for (QAction *a : m->actions()) {
            if (a->objectName() == name)
                return a;
        }
        return nullptr;
    };
    map.setSelectedAlarm(0);
    menu.reset(map.createContextMenu(alarmAt));
    QCOMPARE(names(menu.get()), (QStringList{QStringLiteral("acknowledgeAction"), QStringLiteral("assignNearestAction"),
                                             QStringLiteral("centreAction"), QStringLiteral("fitAlarmsAction")}));
    action(menu.get(), QStringLiteral("acknowledgeAction"))->trigger();
    QCOMPARE(ack.size(), 1);
    QCOMPARE(ack.first(), 1);
    QCOMPARE(map.selectedAlarm(), 1); // the menu's alarm is selected
    menu.reset(map.createContextMenu(QPointF(390, 20)));
    action(menu.get(), QStringLiteral("createAlarmAction"))->trigger();
    QCOMPARE(create.size(), 1);
    QVERIFY(create.first().distanceTo(map.toCoordinate(QPointF(390, 20))) < 1);

    // Helper: centre on them.
    menu.reset(map.createContextMenu(map.toScreen(QGeoCoordinate(41.9465, -85.6300))));
    QVERIFY(names(menu.get()).contains(QStringLiteral("centreAction")));
    menu->findChild<QAction *>(QStringLiteral("centreAction"))->trigger();
    QVERIFY(map.center().distanceTo(QGeoCoordinate(41.9465, -85.6300)) < 1);
    QCOMPARE(assign.size(), 0);
}

void TestMapWidget::fitsOpenAlarmsAndDrawsMissions()
{
    LiveState state;
    JournalBuilder j(QDateTime::currentDateTimeUtc().addSecs(-600));
    buildDesk(state, &j);
    MapWidget map;
    map.resize(400, 300);
    map.setLiveState(&state);
    map.setView(QGeoCoordinate(48.85, 2.35), 10);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    map.setFocus();
    QTest::keyClick(&map, Qt::Key_F);
    for (const MapMarkers::AlarmMarker &a : map.markers()->alarms()) {
        const QPointF p = map.toScreen(WebMercator::toCoordinate(a.world0, 0));
        QVERIFY2(QRectF(20, 20, 360, 260).contains(p), qPrintable(QStringLiteral("%1,%2").arg(p.x()).arg(p.y())));
    }

    // Ann is sent to the panic: a dashed line in the assigned colour between them.
    QList<JournalEntry> more{j.alarmAction(EntryKind::AlarmAcknowledged, 1), j.createMission(1),
                             j.entry(EntryKind::MissionAssigned, {{QStringLiteral("mission"), 1},
                                                                  {QStringLiteral("helper"), QStringLiteral("h1")}})};
    QCOMPARE(JournalBuilder::commit(state, more), QString());
    map.markers()->flush();
    QCOMPARE(map.markers()->missions().value(1).assignee, QStringLiteral("h1"));
    map.setView(QGeoCoordinate(41.94525, -85.6315), 17);
    const QPointF a = map.toScreen(QGeoCoordinate(41.9440, -85.6330));
    const QPointF h = map.toScreen(QGeoCoordinate(41.9465, -85.6300));
    const QImage image = map.grab().toImage();
    const QColor assigned = UiColors::availability(Helper::Availability::Assigned);
    int onLine = 0;
    for (int i = 1; i < 20; ++i) {
        const QPointF p = a + (h - a) * (0.3 + 0.4 * i / 20.0);
        onLine += near(colourAt(image, p), assigned, 40) ? 1 : 0;
    }
    QVERIFY2(onLine >= 6, qPrintable(QString::number(onLine))); // dashed: about half of the samples
}

void TestMapWidget::init()
{
    if (m_town.features().isEmpty())
        QVERIFY2(m_town.load(kTown), qPrintable(m_town.errorString()));
}

void TestMapWidget::drawsTheVectorBasemap()
{
    MapWidget map;
    map.resize(400, 300);
    map.setBasemap(m_town);
    QVERIFY(map.activeProvider());
    QCOMPARE(map.attribution(), QStringLiteral("© OpenStreetMap contributors, ODbL 1.0"));

    // The middle of the largest water area (the St. Joseph River) is drawn in water colour.
    const BasemapData::Feature *river = nullptr;
    for (const BasemapData::Feature &f : m_town.features()) {
        if (f.kind == BasemapData::Kind::Water && f.isArea
            && (!river || f.bounds.width() * f.bounds.height() > river->bounds.width() * river->bounds.height()))
            river = &f;
    }
    QVERIFY(river);
    const QPointF inWater = insidePoint(QPolygonF(river->parts.first()));
    map.setView(QGeoCoordinate(inWater.y(), inWater.x()), 17);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QTRY_VERIFY(map.requestedTiles().isEmpty());
    QImage image = map.grab().toImage();
    QColor c = colourAt(image, QPointF(200, 150));
    QVERIFY2(near(c, BasemapRenderer::waterColour()), qPrintable(describe(c)));

    // On Michigan Avenue (a primary road), the street's white fill.
    const auto avenue = std::find_if(m_town.features().cbegin(), m_town.features().cend(), [](const auto &f) {
        return f.name == QLatin1String("Michigan Avenue") && f.highway == QLatin1String("primary");
    });
    QVERIFY(avenue != m_town.features().cend());
    const QList<QPointF> &line = avenue->parts.first();
    const QPointF onRoad = (line.at(0) + line.at(1)) / 2.0;
    map.setView(QGeoCoordinate(onRoad.y(), onRoad.x()), 17);
    QTRY_VERIFY(map.requestedTiles().isEmpty());
    image = map.grab().toImage();
    c = colourAt(image, QPointF(200, 150));
    QVERIFY2(near(c, Qt::white, 8), qPrintable(describe(c)));

    // Far outside the town: plain land.
    map.setView(QGeoCoordinate(45.0, 5.0), 12);
    QTRY_VERIFY(map.requestedTiles().isEmpty());
    image = map.grab().toImage();
    QVERIFY(near(colourAt(image, QPointF(200, 150)), BasemapRenderer::landColour(), 2));
}

void TestMapWidget::vectorTilesFollowTheScreenResolution()
{
    VectorTileProvider provider(m_town);
    QSignalSpy ready(&provider, &TileProvider::tileReady);
    const QPoint t = WebMercator::tileAt(WebMercator::toWorld(41.944, -85.633, 15), 15);
    provider.request(TileKey{15, t.x(), t.y()});
    provider.setDevicePixelRatio(2.0);
    provider.request(TileKey{15, t.x() + 1, t.y()});
    QTRY_COMPARE(ready.size(), 2);
    QCOMPARE(provider.pendingCount(), 0);
    // Drawn in parallel: they may arrive in either order.
    const bool inOrder = ready.at(0).at(0).value<TileKey>().x == t.x();
    const QImage one = ready.at(inOrder ? 0 : 1).at(1).value<QImage>();
    const QImage two = ready.at(inOrder ? 1 : 0).at(1).value<QImage>();
    QCOMPARE(one.size(), QSize(256, 256));
    QCOMPARE(one.devicePixelRatio(), 1.0);
    QCOMPARE(two.size(), QSize(512, 512));
    QCOMPARE(two.devicePixelRatio(), 2.0);

    // A cancelled tile never arrives.
    provider.request(TileKey{15, t.x(), t.y() + 1});
    provider.cancel(TileKey{15, t.x(), t.y() + 1});
    QTest::qWait(200);
    QCOMPARE(ready.size(), 2);
    QCOMPARE(provider.pendingCount(), 0);
}

void TestMapWidget::attributionIsAlwaysLegible()
{
    FakeTileSource source;
    source.colourFor = [](const TileKey &) {
        return QColor(0x20, 0x40, 0x20);
    }; // dark tiles: a hard case
    MapWidget map;
    map.resize(500, 300);
    map.setBasemap(m_town);
    map.setOnlineTileSource(&source);
    QCOMPARE(map.attribution(), source.attribution());
    map.setView(QGeoCoordinate(41.944, -85.633), 14);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QTRY_VERIFY(map.requestedTiles().isEmpty());
    const QImage image = map.grab().toImage();

    // The bottom-right corner is a light plate with dark text on it, wide enough for the
    // whole attribution: light and dark pixels along its whole length, none of the tiles'.
    const QFontMetrics fm(map.font());
    const int textWidth = fm.horizontalAdvance(source.attribution()) * 80 / 100;
    // Every real pixel is looked at (on a 2x screen the strokes are 2x finer in logical terms).
    const qreal dpr = image.devicePixelRatio();
    int light = 0, dark = 0, darkColumns = 0;
    for (int x = int((map.width() - 4) * dpr); x > int((map.width() - textWidth) * dpr); --x) {
        bool darkHere = false;
        for (int y = int((map.height() - fm.height()) * dpr); y < int((map.height() - 1) * dpr); ++y) {
            const QColor c = image.pixelColor(x, y);
            if (c.lightness() > 200)
                ++light;
            else if (c.lightness() < 110 && !near(c, QColor(0x20, 0x40, 0x20), 30)) {
                ++dark;
                darkHere = true;
            }
        }
        darkColumns += darkHere ? 1 : 0;
    }
    darkColumns = int(darkColumns / dpr);
    dark = int(dark / (dpr * dpr));
    QVERIFY2(light > dark && dark > textWidth / 4, qPrintable(QStringLiteral("light %1 dark %2").arg(light).arg(dark)));
    QVERIFY2(darkColumns > textWidth / 3, qPrintable(QString::number(darkColumns)));
    // Above the plate: the tiles themselves.
    QVERIFY(
        near(colourAt(image, QPointF(map.width() - 10, map.height() - fm.height() - 12)), QColor(0x20, 0x40, 0x20), 4));

    // The vector basemap names OpenStreetMap in the same place.
    map.setOnlineTileSource(nullptr);
    QCOMPARE(map.attribution(), QStringLiteral("© OpenStreetMap contributors, ODbL 1.0"));
}

void TestMapWidget::scaleBarAndCursorCoordinates()
{
    MapWidget map;
    map.resize(400, 300);
    map.setView(QGeoCoordinate(41.944, -85.633), 15);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    const QImage image = map.grab().toImage();
    // The scale bar: a dark horizontal line in the bottom-left corner.
    int darkRun = 0, best = 0;
    for (int y = map.height() - 30; y < map.height(); ++y) {
        darkRun = 0;
        for (int x = 0; x < 160; ++x) {
            darkRun = colourAt(image, QPointF(x, y)).lightness() < 90 ? darkRun + 1 : 0;
            best = std::max(best, darkRun);
        }
    }
    QVERIFY2(best >= 40, qPrintable(QString::number(best)));

    QSignalSpy cursor(&map, &MapWidget::cursorCoordinateChanged);
    QTest::mouseMove(&map, QPoint(200, 150));
    QTRY_VERIFY(!cursor.isEmpty());
    const auto where = cursor.last().first().value<QGeoCoordinate>();
    QVERIFY(where.distanceTo(QGeoCoordinate(41.944, -85.633)) < 10);
}

void TestMapWidget::missingTileShowsItsParent()
{
    FakeTileSource source;
    source.colourFor = [](const TileKey &k) {
        return k.z == 10 ? QColor(Qt::red) : QColor(Qt::blue);
    };
    MapWidget map;
    map.resize(300, 200);
    map.setOnlineTileSource(&source);
    map.setView(QGeoCoordinate(48.85, 2.35), 10);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QTRY_VERIFY(map.requestedTiles().isEmpty());
    QVERIFY(near(colourAt(map.grab().toImage(), QPointF(150, 100)), Qt::red, 2));

    // Zoom 12: the tiles are held; their grandparents at zoom 10 are drawn meanwhile.
    source.mode = FakeTileSource::Mode::Hold;
    map.setZoom(12);
    QCOMPARE(map.tileZoom(), 12);
    QVERIFY(!map.requestedTiles().isEmpty());
    QImage image = map.grab().toImage();
    for (QPointF p : {QPointF(5, 5), QPointF(150, 100), QPointF(295, 5), QPointF(5, 150)})
        QVERIFY2(near(colourAt(image, p), Qt::red, 2), qPrintable(describe(colourAt(image, p))));
    source.answerAll();
    QTRY_VERIFY(map.requestedTiles().isEmpty());
    image = map.grab().toImage();
    QVERIFY(near(colourAt(image, QPointF(150, 100)), Qt::blue, 2));

    // At a fractional zoom the scaled tiles meet without seams: every pixel of a row and a
    // column through the view is the tiles' colour.
    map.setZoom(12.37);
    QTRY_VERIFY(map.requestedTiles().isEmpty());
    image = map.grab().toImage();
    for (int x = 0; x < 300; ++x)
        QVERIFY2(near(colourAt(image, QPointF(x, 60)), Qt::blue, 2), qPrintable(QString::number(x)));
    for (int y = 0; y < 170; ++y)
        QVERIFY2(near(colourAt(image, QPointF(200, y)), Qt::blue, 2), qPrintable(QString::number(y)));

    // Without any ancestor in the cache: plain land, not garbage.
    map.setView(QGeoCoordinate(-33.9, 151.2), 12);
    QVERIFY(near(colourAt(map.grab().toImage(), QPointF(150, 100)), BasemapRenderer::landColour(), 2));
}

void TestMapWidget::tileArrivalRepaintsOnlyItsSquare()
{
    FakeTileSource source;
    source.mode = FakeTileSource::Mode::Hold;
    MapWidget map;
    map.resize(600, 400);
    map.setOnlineTileSource(&source);
    map.setView(QGeoCoordinate(48.85, 2.35), 13);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QTRY_VERIFY(source.pending.size() >= 6);
    PaintRecorder recorder;
    map.installEventFilter(&recorder);
    QTest::qWait(50);
    recorder.rects.clear();

    // A tile wholly inside the view arrives: one repaint, of its square only.
    TileKey inner{-1, 0, 0};
    for (const TileKey &k : std::as_const(source.pending)) {
        if (QRectF(map.rect()).contains(map.tileRect(k))) {
            inner = k;
            break;
        }
    }
    QVERIFY(inner.isValid());
    source.answer(inner);
    QTRY_VERIFY(!recorder.rects.isEmpty());
    QTest::qWait(50);
    const QRect square = map.tileRect(inner).toAlignedRect();
    for (const QRect &r : std::as_const(recorder.rects))
        QVERIFY2(square.contains(r),
                 qPrintable(QStringLiteral("%1,%2 %3x%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())));
    QVERIFY(recorder.rects.first() != map.rect());
    QVERIFY(!map.requestedTiles().contains(inner));
    map.removeEventFilter(&recorder);
}

void TestMapWidget::cancelsTilesThatLeftTheView()
{
    FakeTileSource source;
    source.mode = FakeTileSource::Mode::Hold;
    MapWidget map;
    map.resize(400, 300);
    map.setOnlineTileSource(&source);
    map.setView(QGeoCoordinate(48.85, 2.35), 14);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    const QSet<TileKey> before = map.requestedTiles();
    QVERIFY(before.size() >= 4);
    QCOMPARE(before, source.pending); // what the first view (France, zoom 6) asked was cancelled
    source.cancels.clear();

    // A small pan keeps most tiles: only those that left are cancelled.
    map.setCenter(map.toCoordinate(QPointF(200 + 256, 150)));
    const QSet<TileKey> kept = map.requestedTiles() & before;
    QVERIFY(!kept.isEmpty());
    QSet<TileKey> cancelled(source.cancels.cbegin(), source.cancels.cend());
    QCOMPARE(cancelled, before - kept);
    for (const TileKey &k : std::as_const(kept))
        QVERIFY(!cancelled.contains(k));

    // Far away: every request of the old place is cancelled, the new ones asked.
    source.cancels.clear();
    const QSet<TileKey> second = map.requestedTiles();
    map.setCenter(QGeoCoordinate(43.3, 5.37));
    cancelled = QSet<TileKey>(source.cancels.cbegin(), source.cancels.cend());
    QCOMPARE(cancelled, second);
    QCOMPARE(map.requestedTiles(), source.pending);
    QVERIFY((map.requestedTiles() & second).isEmpty());

    // A new zoom level: the old level's requests go too.
    source.cancels.clear();
    const QSet<TileKey> third = map.requestedTiles();
    map.setZoom(16);
    cancelled = QSet<TileKey>(source.cancels.cbegin(), source.cancels.cend());
    QCOMPARE(cancelled, third);
    for (const TileKey &k : map.requestedTiles())
        QCOMPARE(k.z, 16);
}

void TestMapWidget::notFoundTilesAreNotAskedAgain()
{
    FakeTileSource source;
    source.mode = FakeTileSource::Mode::NotFound;
    MapWidget map;
    map.resize(300, 200);
    map.setBasemap(m_town);
    map.setOnlineTileSource(&source);
    QSignalSpy notice(&map, &MapWidget::basemapNoticeChanged);
    map.setView(QGeoCoordinate(48.85, 2.35), 12);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QTRY_VERIFY(map.requestedTiles().isEmpty());
    const qsizetype asked = source.requests.size();
    QVERIFY(asked > 0);
    // Closer within the same tile zoom: the same tiles again, none asked twice.
    map.setZoom(12.3);
    QCOMPARE(map.tileZoom(), 12);
    QTest::qWait(50);
    QCOMPARE(source.requests.size(), asked);
    // Not an outage: no fallback, no notice.
    QVERIFY(!map.isFallingBack());
    QVERIFY(notice.isEmpty());
}

void TestMapWidget::fallsBackToTheVectorBasemapWhenUnreachable()
{
    FakeTileSource source;
    source.mode = FakeTileSource::Mode::Unreachable;
    MapWidget map;
    map.resize(400, 300);
    map.setBasemap(m_town);
    map.setOnlineTileSource(&source);
    map.setOnlineRetryInterval(100);
    QSignalSpy notice(&map, &MapWidget::basemapNoticeChanged);
    map.setView(QGeoCoordinate(41.944, -85.633), 15);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QTRY_VERIFY(map.isFallingBack());
    QCOMPARE(notice.size(), 1);
    QVERIFY(!notice.first().first().toString().isEmpty());
    QVERIFY(qobject_cast<VectorTileProvider *>(map.activeProvider()));
    QCOMPARE(map.attribution(), QStringLiteral("© OpenStreetMap contributors, ODbL 1.0"));
    // The online source's other requests were withdrawn; the offline map is drawn.
    QVERIFY(source.pending.isEmpty());
    QTRY_VERIFY(map.requestedTiles().isEmpty());
    QVERIFY(!near(colourAt(map.grab().toImage(), QPointF(200, 150)), Qt::red, 60));

    // Still down at the next try: no new notice, still offline.
    const qsizetype asked = source.requests.size();
    QTRY_VERIFY(source.requests.size() > asked);
    QTest::qWait(30);
    QVERIFY(map.isFallingBack());
    QCOMPARE(notice.size(), 1);

    // Back: the online tiles return and the notice is cleared.
    source.mode = FakeTileSource::Mode::Serve;
    QTRY_VERIFY(!map.isFallingBack());
    QCOMPARE(notice.size(), 2);
    QVERIFY(notice.last().first().toString().isEmpty());
    QCOMPARE(map.attribution(), source.attribution());
    QTRY_VERIFY(map.requestedTiles().isEmpty());
    QVERIFY(near(colourAt(map.grab().toImage(), QPointF(200, 150)), Qt::red, 2));
}

void TestMapWidget::saysSoWhenItHasNoBackground()
{
    // No source at all: the map says what to set, in its middle.
    MapWidget map;
    map.resize(400, 300);
    map.setView(QGeoCoordinate(41.944, -85.633), 15);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QVERIFY2(map.missingBasemapText().contains(QLatin1String("--basemap")), qPrintable(map.missingBasemapText()));
    const auto darkPixelsInTheMiddle = [&map] {
        const QImage image = map.grab().toImage();
        int dark = 0;
        for (int y = 100; y < 200; ++y) {
            for (int x = 50; x < 350; ++x)
                dark += qGray(image.pixel(QPoint(x, y) * image.devicePixelRatio())) < 140 ? 1 : 0;
        }
        return dark;
    };
    QVERIFY(darkPixelsInTheMiddle() > 50);

    // An online source that cannot be reached and nothing offline: it says both.
    FakeTileSource source;
    source.mode = FakeTileSource::Mode::Unreachable;
    map.setOnlineRetryInterval(60000);
    map.setOnlineTileSource(&source);
    QTRY_VERIFY(map.isFallingBack());
    QVERIFY2(map.missingBasemapText().contains(QLatin1String("online map cannot be reached")),
             qPrintable(map.missingBasemapText()));

    // With the town's street map: nothing to say, nothing drawn over the middle.
    map.setBasemap(m_town);
    QVERIFY(map.missingBasemapText().isEmpty());
    QTRY_VERIFY(map.requestedTiles().isEmpty());
    map.setOnlineTileSource(nullptr);
    QVERIFY(map.missingBasemapText().isEmpty());
}

void TestMapWidget::panAndZoomByMouseAndKeyboard()
{
    MapWidget map;
    map.resize(400, 300);
    map.setView(QGeoCoordinate(41.944, -85.633), 14);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));

    // Wheel: the place under the cursor stays under it.
    const QPointF anchor(100, 80);
    const QGeoCoordinate under = map.toCoordinate(anchor);
    QWheelEvent wheel(anchor, map.mapToGlobal(anchor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(&map, &wheel);
    QCOMPARE(map.zoom(), 15.0);
    QVERIFY(map.toCoordinate(anchor).distanceTo(under) < 0.5);

    // Double-click zooms in around the click, Shift+double-click out.
    QTest::mouseDClick(&map, Qt::LeftButton, Qt::NoModifier, QPoint(300, 200));
    QCOMPARE(map.zoom(), 16.0);
    QTest::mouseDClick(&map, Qt::LeftButton, Qt::ShiftModifier, QPoint(300, 200));
    QCOMPARE(map.zoom(), 15.0);

    // Keys.
    map.setFocus();
    QTest::keyClick(&map, Qt::Key_Plus);
    QCOMPARE(map.zoom(), 16.0);
    QTest::keyClick(&map, Qt::Key_Minus);
    QCOMPARE(map.zoom(), 15.0);
    const QPointF before = map.toScreen(QGeoCoordinate(41.944, -85.633));
    QTest::keyClick(&map, Qt::Key_Right);
    QCOMPARE(map.toScreen(QGeoCoordinate(41.944, -85.633)).x(), before.x() - 75); // a quarter of 300
    QTest::keyClick(&map, Qt::Key_Left);
    QTest::keyClick(&map, Qt::Key_Down);
    QVERIFY(qAbs(map.toScreen(QGeoCoordinate(41.944, -85.633)).y() - (before.y() - 75)) < 1e-6);

    // Drag: the map follows the mouse.
    const QGeoCoordinate grabbed = map.toCoordinate(QPointF(200, 150));
    QTest::mousePress(&map, Qt::LeftButton, Qt::NoModifier, QPoint(200, 150));
    QTest::mouseMove(&map, QPoint(230, 160));
    QTest::mouseMove(&map, QPoint(260, 190));
    QTest::mouseRelease(&map, Qt::LeftButton, Qt::NoModifier, QPoint(260, 190));
    QVERIFY(map.toCoordinate(QPointF(260, 190)).distanceTo(grabbed) < 0.5);

    // Limits.
    map.setZoom(40);
    QCOMPARE(map.zoom(), MapWidget::kMaxZoom);
    map.setZoom(-3);
    QCOMPARE(map.zoom(), MapWidget::kMinZoom);
}

void TestMapWidget::refusesABrokenBasemapAndKeepsTheOldOne()
{
    MapWidget map;
    QVERIFY(!map.hasVectorBasemap());
    QVERIFY(map.loadBasemap(kTown));
    const QRectF bounds = map.basemapBounds();
    QVERIFY(qAbs(bounds.left() - -85.646318) < 1e-6);
    QVERIFY(qAbs(bounds.bottom() - 41.961874) < 1e-6);
    QVERIFY(!map.loadBasemap(QStringLiteral("/nonexistent/town.geojson")));
    QVERIFY(map.basemapError().contains(QStringLiteral("/nonexistent/town.geojson")));
    QCOMPARE(map.basemapBounds(), bounds);
}

QTEST_MAIN(TestMapWidget)
#include "tst_mapwidget.moc"
