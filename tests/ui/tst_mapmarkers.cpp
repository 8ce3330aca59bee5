#include "geo/webmercator.h"
#include "journalbuilder.h"
#include "livestate.h"
#include "mapmarkers.h"

#include <QSignalSpy>
#include <QTest>

using namespace relais;

namespace {

QJsonObject at(double lat, double lon)
{
    return {{QStringLiteral("lat"), lat}, {QStringLiteral("lon"), lon}};
}

// Every grid entry points at the marker of its slot, at that marker's position.
template<typename List>
bool gridMatches(const SpatialGrid &grid, const List &list)
{
    const auto entries = grid.entriesIn(QRectF(-1, -1, 258, 258));
    if (entries.size() != list.size())
        return false;
    for (const auto &e : entries) {
        if (e.id >= quint32(list.size()) || list.at(e.id).world0 != e.position)
            return false;
    }
    return true;
}

} // namespace

class TestMapMarkers final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void loadsWhatTheMapShows();
    void coalescesPositionUpdates();
    void followsRemovalsAndClosedAlarms();
    void missionsAndOffers();

private:
    std::unique_ptr<LiveState> m_state;
    std::unique_ptr<JournalBuilder> m_journal;
};

void TestMapMarkers::init()
{
    m_state = std::make_unique<LiveState>();
    m_journal = std::make_unique<JournalBuilder>(QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC));
    JournalBuilder &j = *m_journal;
    QCOMPARE(
        JournalBuilder::commit(*m_state,
                               {
                                   j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-1"),
                                                    QStringLiteral("1 Main St"), 41.94, -85.63),
                                   j.registerDevice(QStringLiteral("d2"), QStringLiteral("B-2"),
                                                    QStringLiteral("2 Main St"), 41.95, -85.62),
                                   j.registerDevice(QStringLiteral("d3"), QStringLiteral("B-3"),
                                                    QStringLiteral("3 Main St"), 41.96, -85.61),
                                   j.registerHelper(QStringLiteral("h1"), QStringLiteral("Ann")),
                                   j.registerHelper(QStringLiteral("h2"), QStringLiteral("Bob")),
                                   j.registerHelper(QStringLiteral("h3"), QStringLiteral("Cy")),
                                   j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h1")),
                                   j.helperAction(EntryKind::HelperPosition, QStringLiteral("h1"), at(41.941, -85.631)),
                                   j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h2")),
                                   j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("panic")),
                                   j.deviceAlarm(QStringLiteral("d2"), QStringLiteral("smoke")),
                                   j.deviceAlarm(QStringLiteral("d2"), QStringLiteral("smoke")),
                               }),
        QString());
}

void TestMapMarkers::loadsWhatTheMapShows()
{
    MapMarkers markers;
    markers.setLiveState(m_state.get());
    QCOMPARE(markers.devices().size(), 3);
    QCOMPARE(markers.alarms().size(), 2);
    // h2 is on duty but has not said where: not drawn; h3 is off duty: never drawn.
    QCOMPARE(markers.helpers().size(), 1);
    QCOMPARE(markers.helpers().first().name, QStringLiteral("Ann"));
    QVERIFY(std::isnan(markers.helpers().first().heading));
    const MapMarkers::AlarmMarker *smoke = markers.alarm(2);
    QVERIFY(smoke);
    QCOMPARE(smoke->kind, AlarmKind::Smoke);
    QCOMPARE(smoke->count, 2);
    QCOMPARE(smoke->state, Alarm::State::New);
    QCOMPARE(smoke->world0, WebMercator::toWorld(41.95, -85.62, 0));
    QVERIFY(gridMatches(markers.alarmGrid(), markers.alarms()));
    QVERIFY(gridMatches(markers.deviceGrid(), markers.devices()));
    QVERIFY(gridMatches(markers.helperGrid(), markers.helpers()));
}

void TestMapMarkers::coalescesPositionUpdates()
{
    MapMarkers markers;
    markers.setLiveState(m_state.get());
    QSignalSpy changed(&markers, &MapMarkers::changed);
    JournalBuilder &j = *m_journal;
    // Ten positions walking north within a few milliseconds: one update, at the last one.
    for (int i = 1; i <= 10; ++i) {
        QCOMPARE(
            JournalBuilder::commit(*m_state, {j.advance(1).helperAction(EntryKind::HelperPosition, QStringLiteral("h1"),
                                                                        at(41.941 + i * 0.0002, -85.631))}),
            QString());
    }
    QVERIFY(markers.hasPendingChanges());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(markers.helper(QStringLiteral("h1"))->world0, WebMercator::toWorld(41.941, -85.631, 0));
    QTRY_COMPARE(changed.size(), 1);
    QTest::qWait(MapMarkers::kCoalesceMs + 50);
    QCOMPARE(changed.size(), 1);
    const MapMarkers::HelperMarker *h = markers.helper(QStringLiteral("h1"));
    QCOMPARE(h->world0, WebMercator::toWorld(41.943, -85.631, 0));
    QVERIFY2(h->heading < 1.0 || h->heading > 359.0, qPrintable(QString::number(h->heading))); // north
    QVERIFY(gridMatches(markers.helperGrid(), markers.helpers()));

    // Heading east next.
    QCOMPARE(JournalBuilder::commit(*m_state, {j.advance(1).helperAction(EntryKind::HelperPosition,
                                                                         QStringLiteral("h1"), at(41.943, -85.630))}),
             QString());
    markers.flush();
    QVERIFY(qAbs(markers.helper(QStringLiteral("h1"))->heading - 90.0) < 1.0);
    // The same place again: standing still, no heading.
    QCOMPARE(JournalBuilder::commit(*m_state, {j.advance(1).helperAction(EntryKind::HelperPosition,
                                                                         QStringLiteral("h1"), at(41.943, -85.630))}),
             QString());
    markers.flush();
    QVERIFY(std::isnan(markers.helper(QStringLiteral("h1"))->heading));
}

void TestMapMarkers::followsRemovalsAndClosedAlarms()
{
    MapMarkers markers;
    markers.setLiveState(m_state.get());
    JournalBuilder &j = *m_journal;
    QCOMPARE(JournalBuilder::commit(
                 *m_state,
                 {
                     j.entry(EntryKind::DeviceRemoved, {{QStringLiteral("device"), QStringLiteral("d1")}}),
                     j.alarmAction(EntryKind::AlarmCancelled, 2, {{QStringLiteral("reason"), QStringLiteral("test")}}),
                     j.helperAction(EntryKind::HelperOffDuty, QStringLiteral("h1")),
                 }),
             QString());
    markers.flush();
    QCOMPARE(markers.devices().size(), 2);
    QVERIFY(!markers.device(QStringLiteral("d1")));
    QVERIFY(markers.device(QStringLiteral("d3")));
    QVERIFY(gridMatches(markers.deviceGrid(), markers.devices()));
    QCOMPARE(markers.alarms().size(), 1);
    QVERIFY(!markers.alarm(2));
    QVERIFY(gridMatches(markers.alarmGrid(), markers.alarms()));
    QVERIFY(markers.helpers().isEmpty());
    QVERIFY(markers.helperGrid().isEmpty());

    // A reset of the state rebuilds everything at once.
    LiveState other;
    m_state->reset(other.state());
    QVERIFY(markers.devices().isEmpty());
    QVERIFY(markers.alarms().isEmpty());
}

void TestMapMarkers::missionsAndOffers()
{
    MapMarkers markers;
    markers.setLiveState(m_state.get());
    JournalBuilder &j = *m_journal;
    QCOMPARE(
        JournalBuilder::commit(*m_state,
                               {
                                   j.helperAction(EntryKind::HelperPosition, QStringLiteral("h2"), at(41.95, -85.63)),
                                   j.alarmAction(EntryKind::AlarmAcknowledged, 1),
                                   j.createMission(1),
                                   j.offer(1, QStringLiteral("h1"), 350),
                                   j.offer(1, QStringLiteral("h2"), 900),
                               }),
        QString());
    markers.flush();
    QCOMPARE(markers.missions().size(), 1);
    MapMarkers::MissionMarker m = markers.missions().value(1);
    QCOMPARE(m.alarmId, 1);
    QCOMPARE(m.pendingOffers, 2);
    QCOMPARE(m.broadcastM, 900.0);
    QVERIFY(m.assignee.isEmpty());
    QCOMPARE(markers.alarm(1)->state, Alarm::State::Dispatching);

    QCOMPARE(JournalBuilder::commit(*m_state, {j.answer(1, QStringLiteral("h1"), QStringLiteral("accepted"))}),
             QString());
    markers.flush();
    m = markers.missions().value(1);
    QCOMPARE(m.assignee, QStringLiteral("h1"));
    QCOMPARE(m.pendingOffers, 0);
    QCOMPARE(markers.helper(QStringLiteral("h1"))->availability, Helper::Availability::Assigned);
}

QTEST_MAIN(TestMapMarkers)
#include "tst_mapmarkers.moc"
