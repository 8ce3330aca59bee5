#include "geo/webmercator.h"
#include "journalbuilder.h"
#include "livestate.h"
#include "mapmarkers.h"
#include "mapviewport.h"
#include "markerlayer.h"
#include "markerpainter.h"
#include "uicolors.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace relais;

namespace {

const QGeoCoordinate kPanic(41.9440, -85.6330);
const QGeoCoordinate kHelper(41.9465, -85.6300);

bool near(const QColor &a, const QColor &b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
           && std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

// The marker layer alone, as bench_map uses it: no widget, drawn into an image for a viewport.
class TestMarkerLayer final : public QObject
{
    Q_OBJECT

private slots:
    void drawsAndHitsWithoutAWidget();
    void saysWhatToDrawAgain();

private:
    void buildDesk(LiveState &state);
};

void TestMarkerLayer::buildDesk(LiveState &state)
{
    JournalBuilder j(QDateTime::currentDateTimeUtc().addSecs(-600));
    QCOMPARE(JournalBuilder::commit(
                 state, {j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-1"), QStringLiteral("1 Main St"),
                                          kPanic.latitude(), kPanic.longitude()),
                         j.registerHelper(QStringLiteral("h1"), QStringLiteral("Ann Lee")),
                         j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h1")),
                         j.helperAction(EntryKind::HelperPosition, QStringLiteral("h1"),
                                        {{QStringLiteral("lat"), kHelper.latitude()},
                                         {QStringLiteral("lon"), kHelper.longitude()}}),
                         j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("panic"), QStringLiteral("critical"))}),
             QString());
}

void TestMarkerLayer::drawsAndHitsWithoutAWidget()
{
    LiveState state;
    buildDesk(state);
    MarkerLayer layer;
    layer.setLiveState(&state);
    const MapViewport view(WebMercator::toWorld(41.9450, -85.6310, 0), 16, QSize(400, 300));
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    layer.draw(p, view, view.rect());
    p.end();

    // The critical alarm in its colour where the viewport puts it, the helper in green.
    const QPointF alarmAt = view.toScreen(kPanic);
    const QColor critical = UiColors::severity(Severity::Critical);
    for (const QPointF offset : {QPointF(-7, 0), QPointF(7, 0)})
        QVERIFY(near(image.pixelColor((alarmAt + offset).toPoint()), critical, 6));
    QVERIFY(near(image.pixelColor((view.toScreen(kHelper) + QPointF(-5, 0)).toPoint()),
                 UiColors::availability(Helper::Availability::Available), 14));
    QCOMPARE(image.pixelColor(QPoint(390, 290)), QColor(Qt::white));

    // What is drawn is what is hit, with its tooltip.
    const MarkerLayer::Hit alarm = layer.hitTest(alarmAt + QPointF(6, 5), view);
    QCOMPARE(alarm.kind, MarkerLayer::Hit::Kind::Alarm);
    QCOMPARE(alarm.alarmId, 1);
    QVERIFY(QLineF(alarm.screen, alarmAt).length() < 1e-6);
    QVERIFY(!layer.toolTip(alarm).isEmpty());
    const MarkerLayer::Hit helper = layer.hitTest(view.toScreen(kHelper), view);
    QCOMPARE(helper.kind, MarkerLayer::Hit::Kind::Helper);
    QCOMPARE(helper.id, QStringLiteral("h1"));
    QVERIFY(layer.toolTip(helper).contains(QStringLiteral("Ann Lee")));
    QCOMPARE(layer.hitTest(QPointF(390, 290), view).kind, MarkerLayer::Hit::Kind::None);
    // Devices from zoom 16, or when asked.
    QVERIFY(layer.drawsDevices(16));
    QVERIFY(!layer.drawsDevices(13));
    layer.setShowDevices(true);
    QVERIFY(layer.drawsDevices(13));
    QVERIFY(MarkerLayer::clustersAlarms(12) && !MarkerLayer::clustersAlarms(14));
}

void TestMarkerLayer::saysWhatToDrawAgain()
{
    LiveState state;
    MarkerLayer layer;
    QSignalSpy changed(&layer, &MarkerLayer::changed);
    QSignalSpy markersChanged(&layer, &MarkerLayer::markersChanged);
    // A selection repaints all; the same selection again, nothing.
    layer.setSelectedAlarm(1);
    QCOMPARE(changed.size(), 1);
    QVERIFY(changed.first().first().toRect().isNull());
    layer.setSelectedAlarm(1);
    layer.setSelectedHelper(QString());
    QCOMPARE(changed.size(), 1);
    QVERIFY(markersChanged.isEmpty());

    // New markers: first markersChanged (a view that follows them moves), then changed; an
    // unacknowledged alarm in view pulses, its halo alone drawn again.
    layer.setViewport(MapViewport(WebMercator::toWorld(kPanic, 0), 16, QSize(400, 300)));
    QList<QString> order;
    connect(&layer, &MarkerLayer::markersChanged, this, [&order] { order.append(QStringLiteral("markers")); });
    connect(&layer, &MarkerLayer::changed, this, [&order](const QRect &dirty) {
        order.append(dirty.isNull() ? QStringLiteral("all") : QStringLiteral("part"));
    });
    layer.setLiveState(&state);
    buildDesk(state);
    layer.markers()->flush();
    QVERIFY2(order.size() >= 2, qPrintable(order.join(QLatin1Char(','))));
    QCOMPARE(order.mid(order.lastIndexOf(QStringLiteral("markers")), 2),
             (QList<QString>{QStringLiteral("markers"), QStringLiteral("all")}));
    order.clear();
    QTRY_VERIFY(order.contains(QStringLiteral("part")));
    const int r = int(MarkerPainter::kAlarmRadius + 14);
    bool halo = false;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QRect dirty = args.first().toRect();
        halo = halo || dirty == QRect(QPoint(200, 150) - QPoint(r, r), QSize(2 * r, 2 * r));
    }
    QVERIFY(halo);
}

QTEST_MAIN(TestMarkerLayer)
#include "tst_markerlayer.moc"
