#include "displayformat.h"
#include "helpertablemodel.h"
#include "itemroles.h"
#include "journalbuilder.h"
#include "tableproxymodel.h"
#include "uicolors.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace relais;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
const QTimeZone kParis(QByteArrayLiteral("Europe/Paris"));

QDateTime utc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Qt::UTC);
}

QStringList namesInOrder(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, HelperTableModel::NameColumn).data().toString());
    return names;
}

} // namespace

class TestHelperTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsEveryHelperWithItsTexts();
    void listsOffDutyHelpersLast();
    void countsHelpersOnDuty();
    void updatesRowsInPlace();
    void insertsAndRemovesHelpers();
    void showsTheCurrentMission();
    void resetsWithTheLiveState();
    void showsDistancesToTheChosenAlarm();
    void showsTodaysMissionsAndEarnings();
    void followsCompletedMissions();
    void rollsOverAtLocalMidnight();
    void sortsByTodaysEarnings();

private:
    // A manual alarm at `from`, its mission assigned to the helper and completed at `to`
    // (fee_cents and currency in fee, if any); returns the mission id.
    qint64 completeMission(const QString &helper, const QDateTime &from, const QDateTime &to,
                           const QJsonObject &fee = {});
    void commit(const QList<JournalEntry> &entries) { QCOMPARE(JournalBuilder::commit(*m_state, entries), QString()); }
    QString text(const QString &id, int column) const { return m_model->indexOf(id, column).data().toString(); }

    std::unique_ptr<JournalBuilder> m_journal;
    std::unique_ptr<LiveState> m_state;
    std::unique_ptr<HelperTableModel> m_model;
    std::unique_ptr<TableProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestHelperTableModel::init()
{
    m_journal = std::make_unique<JournalBuilder>(kStart);
    m_state = std::make_unique<LiveState>();
    JournalBuilder &j = *m_journal;
    commit({
        j.registerHelper(QStringLiteral("h1"), QStringLiteral("Claire Martin"),
                         {QStringLiteral("first_aid"), QStringLiteral("keys")}),
        j.registerHelper(QStringLiteral("h2"), QStringLiteral("Bruno Petit")),
        j.registerHelper(QStringLiteral("h3"), QStringLiteral("Amélie Roux"), {QStringLiteral("ladder")}),
        j.registerHelper(QStringLiteral("h4"), QStringLiteral("Zoé Bernard")),
        j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h1")),
        j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h3")),
    });

    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_model = std::make_unique<HelperTableModel>(m_state.get());
    m_model->setTimeZone(kParis);
    m_model->setNow(kStart);
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy = std::make_unique<TableProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_proxy->sort(HelperTableModel::AvailabilityColumn, Qt::AscendingOrder);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestHelperTableModel::cleanup()
{
    m_proxyTester.reset();
    m_proxy.reset();
    m_modelTester.reset();
    m_model.reset();
    m_state.reset();
}

void TestHelperTableModel::showsEveryHelperWithItsTexts()
{
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->columnCount(), int(HelperTableModel::ColumnCount));
    QCOMPARE(m_proxy->rowCount(), 4);

    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::NameColumn), QStringLiteral("Claire Martin"));
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::AvailabilityColumn), QStringLiteral("Available"));
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::MissionColumn), QString());
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::SkillsColumn), QStringLiteral("First aid, Keys"));
    QCOMPARE(text(QStringLiteral("h3"), HelperTableModel::SkillsColumn), QStringLiteral("ladder")); // unknown key
    QCOMPARE(HelperTableModel::skillLabel(QStringLiteral("maintenance")), QStringLiteral("Maintenance"));
    QCOMPARE(text(QStringLiteral("h2"), HelperTableModel::AvailabilityColumn), QStringLiteral("Off duty"));
    QCOMPARE(m_model->indexOf(QStringLiteral("h2")).data(ItemRoles::IdRole).toString(), QStringLiteral("h2"));

    QCOMPARE(m_model->indexOf(QStringLiteral("h1"), HelperTableModel::AvailabilityColumn)
                 .data(Qt::DecorationRole)
                 .value<QColor>(),
             UiColors::availability(Helper::Availability::Available));
    QCOMPARE(m_model->indexOf(QStringLiteral("h2"), HelperTableModel::AvailabilityColumn)
                 .data(Qt::DecorationRole)
                 .value<QColor>(),
             UiColors::availability(Helper::Availability::OffDuty));
    // Off duty rows are dimmed, on duty ones use the view's colours.
    QVERIFY(m_model->indexOf(QStringLiteral("h2")).data(Qt::ForegroundRole).isValid());
    QVERIFY(!m_model->indexOf(QStringLiteral("h1")).data(Qt::ForegroundRole).isValid());
    QVERIFY(m_model->indexOf(QStringLiteral("h1")).data(Qt::ToolTipRole).toString().contains(QStringLiteral("+33")));
}

void TestHelperTableModel::listsOffDutyHelpersLast()
{
    // By availability (available first), names breaking ties; off duty last.
    QCOMPARE(namesInOrder(*m_proxy), (QStringList{QStringLiteral("Amélie Roux"), QStringLiteral("Claire Martin"),
                                                  QStringLiteral("Bruno Petit"), QStringLiteral("Zoé Bernard")}));

    // By name, both ways: on duty still first.
    m_proxy->sort(HelperTableModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(namesInOrder(*m_proxy), (QStringList{QStringLiteral("Amélie Roux"), QStringLiteral("Claire Martin"),
                                                  QStringLiteral("Bruno Petit"), QStringLiteral("Zoé Bernard")}));
    m_proxy->sort(HelperTableModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(namesInOrder(*m_proxy), (QStringList{QStringLiteral("Claire Martin"), QStringLiteral("Amélie Roux"),
                                                  QStringLiteral("Zoé Bernard"), QStringLiteral("Bruno Petit")}));
}

void TestHelperTableModel::countsHelpersOnDuty()
{
    QCOMPARE(m_model->onDutyCount(), 2);
    QCOMPARE(m_model->availableCount(), 2);
    QSignalSpy counts(m_model.get(), &HelperTableModel::countsChanged);

    commit({m_journal->helperAction(EntryKind::HelperOnDuty, QStringLiteral("h4"))});
    QCOMPARE(counts.count(), 1);
    QCOMPARE(counts.at(0).at(0).toInt(), 3);
    QCOMPARE(counts.at(0).at(1).toInt(), 3);

    // A position update changes no count: no signal.
    commit({m_journal->helperAction(EntryKind::HelperPosition, QStringLiteral("h4"),
                                    {{QStringLiteral("lat"), 45.7}, {QStringLiteral("lon"), 4.8}})});
    QCOMPARE(counts.count(), 1);
}

void TestHelperTableModel::updatesRowsInPlace()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    commit({m_journal->helperAction(EntryKind::HelperOnDuty, QStringLiteral("h2"))});

    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->indexOf(QStringLiteral("h2"), 0));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(),
             m_model->indexOf(QStringLiteral("h2"), HelperTableModel::ColumnCount - 1));
    QCOMPARE(text(QStringLiteral("h2"), HelperTableModel::AvailabilityColumn), QStringLiteral("Available"));
    // Bruno is on duty now: among the available ones, by name.
    QCOMPARE(namesInOrder(*m_proxy), (QStringList{QStringLiteral("Amélie Roux"), QStringLiteral("Bruno Petit"),
                                                  QStringLiteral("Claire Martin"), QStringLiteral("Zoé Bernard")}));
}

void TestHelperTableModel::insertsAndRemovesHelpers()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);

    commit({m_journal->registerHelper(QStringLiteral("h5"), QStringLiteral("Yves Durand"))});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 4);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->keyAt(4), QStringLiteral("h5"));

    const int row = m_model->rowOf(QStringLiteral("h2"));
    commit({m_journal->entry(EntryKind::HelperRemoved, {{QStringLiteral("helper"), QStringLiteral("h2")}})});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), row);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->rowOf(QStringLiteral("h2")), -1);
    QCOMPARE(m_model->rowOf(QStringLiteral("h5")), 3); // rows after the removed one moved up
    QCOMPARE(text(QStringLiteral("h5"), HelperTableModel::NameColumn), QStringLiteral("Yves Durand"));
    QCOMPARE(reset.count(), 0);
}

void TestHelperTableModel::showsTheCurrentMission()
{
    JournalBuilder &j = *m_journal;
    commit({j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-101"), QStringLiteral("12 rue des Lilas"), 45.76,
                             4.83),
            j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall")), j.alarmAction(EntryKind::AlarmAcknowledged, 1),
            j.createMission(1), j.offer(1, QStringLiteral("h1"), 420)});
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::AvailabilityColumn), QStringLiteral("Offer pending"));
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::MissionColumn), QStringLiteral("#1"));
    QCOMPARE(m_model->onDutyCount(), 2);
    QCOMPARE(m_model->availableCount(), 1);
    // Amélie is the one available now: first.
    QCOMPARE(namesInOrder(*m_proxy).constFirst(), QStringLiteral("Amélie Roux"));

    commit(
        {j.answer(1, QStringLiteral("h1"), QStringLiteral("accepted")), j.missionAction(EntryKind::MissionEnRoute, 1)});
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::AvailabilityColumn), QStringLiteral("On mission"));
    QVERIFY(m_model->indexOf(QStringLiteral("h1"), HelperTableModel::MissionColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Verification")));
}

void TestHelperTableModel::resetsWithTheLiveState()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy counts(m_model.get(), &HelperTableModel::countsChanged);
    JournalBuilder other(kStart);
    DispatchState snapshot;
    QVERIFY(snapshot.apply(other.registerHelper(QStringLiteral("x"), QStringLiteral("Xavier"))).ok());
    m_state->reset(snapshot);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(m_model->onDutyCount(), 0);
    QCOMPARE(counts.count(), 1);
}

void TestHelperTableModel::showsDistancesToTheChosenAlarm()
{
    JournalBuilder &j = *m_journal;
    commit({j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-1"), QStringLiteral("1 place Bellecour"), 45.758,
                             4.832),
            j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall")),
            j.helperAction(EntryKind::HelperPosition, QStringLiteral("h1"),
                           {{QStringLiteral("lat"), 45.7610}, {QStringLiteral("lon"), 4.832}}),
            j.helperAction(EntryKind::HelperPosition, QStringLiteral("h3"),
                           {{QStringLiteral("lat"), 45.7780}, {QStringLiteral("lon"), 4.832}})});
    const qint64 alarm = m_state->state().alarms().constBegin()->id();
    // No alarm chosen: nothing to measure.
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::DistanceColumn), QString());

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setReferenceAlarm(alarm);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::DistanceColumn), QStringLiteral("330 m")); // 333.6 m
    QCOMPARE(text(QStringLiteral("h3"), HelperTableModel::DistanceColumn), QStringLiteral("2.2 km"));
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France)); // a decimal comma in French
    QCOMPARE(text(QStringLiteral("h3"), HelperTableModel::DistanceColumn), QStringLiteral("2,2 km"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    // Off duty or without a position: nothing.
    QCOMPARE(text(QStringLiteral("h2"), HelperTableModel::DistanceColumn), QString());
    // The tooltip gives the time on foot (5 km/h) and by bicycle (15 km/h).
    const QString tip =
        m_model->indexOf(QStringLiteral("h1"), HelperTableModel::DistanceColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("5 min on foot")) && tip.contains(QLatin1String("2 min by bicycle")),
             qPrintable(tip));
    // Sorted by distance, the nearer first and the unknown last.
    m_proxy->sort(HelperTableModel::DistanceColumn, Qt::AscendingOrder);
    QCOMPARE(m_proxy->index(0, 0).data(ItemRoles::IdRole).toString(), QStringLiteral("h1"));
    QCOMPARE(m_proxy->index(1, 0).data(ItemRoles::IdRole).toString(), QStringLiteral("h3"));

    // She moves: her distance follows.
    commit({j.helperAction(EntryKind::HelperPosition, QStringLiteral("h1"),
                           {{QStringLiteral("lat"), 45.7590}, {QStringLiteral("lon"), 4.832}})});
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::DistanceColumn), QStringLiteral("110 m"));
    // The alarm closes: the distances go.
    commit({j.alarmAction(EntryKind::AlarmCancelled, alarm, {{QStringLiteral("reason"), QStringLiteral("test")}})});
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::DistanceColumn), QString());
}

qint64 TestHelperTableModel::completeMission(const QString &helper, const QDateTime &from, const QDateTime &to,
                                             const QJsonObject &fee)
{
    JournalBuilder &j = *m_journal;
    j.at(from);
    commit({j.manualAlarm()});
    const qint64 alarm = JournalBuilder::newestAlarm(m_state->state());
    commit(j.sendOnScene(alarm, helper, fee));
    const qint64 mission = m_state->state().alarm(alarm)->missionId;
    j.at(to);
    commit({j.missionAction(EntryKind::MissionCompleted, mission,
                            {{QStringLiteral("outcome"), QStringLiteral("false_alarm")}})});
    return mission;
}

void TestHelperTableModel::showsTodaysMissionsAndEarnings()
{
    QCOMPARE(HelperTableModel::TodayColumn, 5);
    QCOMPARE(m_model->headerData(HelperTableModel::TodayColumn, Qt::Horizontal).toString(), QStringLiteral("Today"));
    QCOMPARE(m_model->timeZone(), kParis);
    QCOMPARE(m_model->now(), kStart);
    // Nobody did anything yet: nothing shown.
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::TodayColumn), QString());

    // Claire: one on 20 February, one on the 28th, one taken before midnight and completed
    // after (23:50 → 00:20 in Paris), one this morning.
    completeMission(QStringLiteral("h1"), utc(2, 20, 10), utc(2, 20, 10, 30));
    completeMission(QStringLiteral("h1"), utc(2, 28, 20), utc(2, 28, 20, 30));
    completeMission(QStringLiteral("h1"), utc(3, 1, 22, 50), utc(3, 1, 23, 20));
    completeMission(QStringLiteral("h1"), utc(3, 2, 7), utc(3, 2, 7, 30));

    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::TodayColumn), QStringLiteral("2 · €20.00"));
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::TodayColumn),
             QStringLiteral("2 · ") + DisplayFormat::money(Money::euros(2000)));
    QCOMPARE(m_model->earningsToday(QStringLiteral("h1")).missions(), 2);
    QCOMPARE(m_model->earningsLastDays(QStringLiteral("h1")).missions(), 3);
    QCOMPARE(m_model->earningsThisMonth(QStringLiteral("h1")).missions(), 2);
    const QString tip =
        m_model->indexOf(QStringLiteral("h1"), HelperTableModel::TodayColumn).data(Qt::ToolTipRole).toString();
    QCOMPARE(tip, QStringLiteral("Completed missions · earnings\nToday: 2 · €20.00\nLast 7 days: 3 · €30.00\n"
                                 "This month: 2 · €20.00"));
    // Amélie did nothing.
    QCOMPARE(text(QStringLiteral("h3"), HelperTableModel::TodayColumn), QString());
    QCOMPARE(m_model->indexOf(QStringLiteral("h3"), HelperTableModel::TodayColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Completed missions · earnings\nToday: none\nLast 7 days: none\nThis month: none"));

    // In French, as the dispatcher reads it.
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    const QString french = text(QStringLiteral("h1"), HelperTableModel::TodayColumn);
    QVERIFY2(french.startsWith(QStringLiteral("2 · 20,00")) && french.endsWith(QStringLiteral("€")),
             qPrintable(french));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    // A model made later reads the same from the state.
    HelperTableModel later(m_state.get());
    later.setTimeZone(kParis);
    later.setNow(kStart);
    QCOMPARE(later.indexOf(QStringLiteral("h1"), HelperTableModel::TodayColumn).data().toString(),
             text(QStringLiteral("h1"), HelperTableModel::TodayColumn));
}

void TestHelperTableModel::followsCompletedMissions()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    auto todayChanges = [&changed, this](const QString &id) {
        int n = 0;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto from = args.at(0).value<QModelIndex>(), to = args.at(1).value<QModelIndex>();
            if (from.column() == HelperTableModel::TodayColumn && to.column() == HelperTableModel::TodayColumn
                && from.row() <= m_model->rowOf(id) && m_model->rowOf(id) <= to.row())
                ++n;
        }
        return n;
    };
    completeMission(QStringLiteral("h3"), utc(3, 2, 7), utc(3, 2, 7, 30));
    QCOMPARE(text(QStringLiteral("h3"), HelperTableModel::TodayColumn),
             QStringLiteral("1 · ") + DisplayFormat::money(Money::euros(1000)));
    QCOMPARE(todayChanges(QStringLiteral("h3")), 1);
    QCOMPARE(todayChanges(QStringLiteral("h1")), 0); // hers only

    // Work under way earns nothing yet, and changes nobody's figures; nor does a cancellation.
    changed.clear();
    JournalBuilder &j = *m_journal;
    j.at(utc(3, 2, 8));
    commit({j.manualAlarm(QStringLiteral("smoke"), QStringLiteral("3 place Bellecour"))});
    const qint64 alarm = JournalBuilder::newestAlarm(m_state->state());
    commit({j.alarmAction(EntryKind::AlarmAcknowledged, alarm), j.createMission(alarm),
            j.entry(EntryKind::MissionAssigned,
                    {{QStringLiteral("alarm"), alarm}, {QStringLiteral("helper"), QStringLiteral("h1")}})});
    commit({j.entry(EntryKind::MissionCancelled,
                    {{QStringLiteral("alarm"), alarm}, {QStringLiteral("reason"), QStringLiteral("restored")}})});
    QVERIFY(!changed.isEmpty()); // h1's row: her availability
    QCOMPARE(todayChanges(QStringLiteral("h1")), 0);
    QCOMPARE(todayChanges(QStringLiteral("h3")), 0);
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::TodayColumn), QString());

    // Another currency is summed apart, never mixed.
    completeMission(QStringLiteral("h3"), utc(3, 2, 9), utc(3, 2, 9, 30),
                    {{QStringLiteral("fee_cents"), 1250}, {QStringLiteral("currency"), QStringLiteral("CHF")}});
    QCOMPARE(
        text(QStringLiteral("h3"), HelperTableModel::TodayColumn),
        QStringLiteral("2 · %1 + %2")
            .arg(DisplayFormat::money(Money(1250, QStringLiteral("CHF"))), DisplayFormat::money(Money::euros(1000))));
}

void TestHelperTableModel::rollsOverAtLocalMidnight()
{
    completeMission(QStringLiteral("h1"), utc(3, 1, 22, 50), utc(3, 1, 23, 20)); // 00:20 in Paris
    completeMission(QStringLiteral("h1"), utc(3, 2, 20), utc(3, 2, 20, 30));
    const QString two = QStringLiteral("2 · ") + DisplayFormat::money(Money::euros(2000));
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::TodayColumn), two);

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    // 23:59 in Paris: still today, nothing to redo.
    m_model->setNow(utc(3, 2, 22, 59));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::TodayColumn), two);
    // Midnight in Paris: a new day, nothing done yet.
    m_model->setNow(utc(3, 2, 23, 0));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(),
             m_model->indexOf(QStringLiteral("h1"), HelperTableModel::TodayColumn));
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::TodayColumn), QString());
    QVERIFY(m_model->indexOf(QStringLiteral("h1"), HelperTableModel::TodayColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Last 7 days: ") + two));
    // In April, March is over too.
    m_model->setNow(utc(4, 2, 10));
    QVERIFY(m_model->earningsThisMonth(QStringLiteral("h1")).isEmpty());
    QVERIFY(m_model->earningsLastDays(QStringLiteral("h1")).isEmpty());

    // In UTC, the mission completed at 23:20 UTC on 1 March belongs to the 1st.
    m_model->setNow(utc(3, 2, 10));
    m_model->setTimeZone(QTimeZone::utc());
    QCOMPARE(text(QStringLiteral("h1"), HelperTableModel::TodayColumn),
             QStringLiteral("1 · ") + DisplayFormat::money(Money::euros(1000)));
    // An invalid moment is ignored.
    m_model->setNow(QDateTime());
    QCOMPARE(m_model->now(), utc(3, 2, 10));
}

void TestHelperTableModel::sortsByTodaysEarnings()
{
    commit({m_journal->helperAction(EntryKind::HelperOnDuty, QStringLiteral("h4"))});
    // Claire: two missions (€20); Amélie: one that pays €15; Zoé: none.
    completeMission(QStringLiteral("h1"), utc(3, 2, 6), utc(3, 2, 6, 30));
    completeMission(QStringLiteral("h1"), utc(3, 2, 7), utc(3, 2, 7, 30));
    completeMission(QStringLiteral("h3"), utc(3, 2, 7), utc(3, 2, 7, 30),
                    {{QStringLiteral("fee_cents"), 1500}, {QStringLiteral("currency"), QStringLiteral("EUR")}});
    m_proxy->sort(HelperTableModel::TodayColumn, Qt::DescendingOrder);
    QCOMPARE(namesInOrder(*m_proxy), (QStringList{QStringLiteral("Claire Martin"), QStringLiteral("Amélie Roux"),
                                                  QStringLiteral("Zoé Bernard"), QStringLiteral("Bruno Petit")}));
    m_proxy->sort(HelperTableModel::TodayColumn, Qt::AscendingOrder);
    QCOMPARE(namesInOrder(*m_proxy), (QStringList{QStringLiteral("Zoé Bernard"), QStringLiteral("Amélie Roux"),
                                                  QStringLiteral("Claire Martin"), QStringLiteral("Bruno Petit")}));
    // A mission that pays nothing still counts for more than none.
    completeMission(QStringLiteral("h4"), utc(3, 2, 8), utc(3, 2, 8, 30),
                    {{QStringLiteral("fee_cents"), 0}, {QStringLiteral("currency"), QStringLiteral("EUR")}});
    QVERIFY(
        m_model->indexOf(QStringLiteral("h4"), HelperTableModel::TodayColumn).data(ItemRoles::SortRole).toLongLong()
        > m_model->indexOf(QStringLiteral("h2"), HelperTableModel::TodayColumn).data(ItemRoles::SortRole).toLongLong());
}

QTEST_MAIN(TestHelperTableModel)
#include "tst_helpertablemodel.moc"
