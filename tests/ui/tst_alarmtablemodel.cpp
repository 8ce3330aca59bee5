#include "alarmtablemodel.h"
#include "itemroles.h"
#include "journalbuilder.h"
#include "manualclock.h"
#include "tableproxymodel.h"
#include "uicolors.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace relais;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);

// The ids of the alarms as the proxy shows them, top to bottom.
QList<qint64> idsInOrder(const QAbstractItemModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(ItemRoles::IdRole).toLongLong());
    return ids;
}

int proxyRowOf(const QAbstractItemModel &model, qint64 id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(ItemRoles::IdRole).toLongLong() == id)
            return row;
    }
    return -1;
}

} // namespace

class TestAlarmTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsEveryAlarmWithItsTexts();
    void marksUnacknowledgedAlarms();
    void sortsCriticalFirstThenOldest();
    void sortsByOtherColumnsOnRawKeys();
    void insertsNewAlarmsIncrementally();
    void refreshesChangedRowsInPlace();
    void foldsRepeatsIntoTheSameRow();
    void hidesAlarmsThatAreNoLongerOpen();
    void showsTheAssignedHelperAndFollowsRenames();
    void refreshesTheAgeColumnOnly();
    void resetsWithTheLiveState();

private:
    void commit(const QList<JournalEntry> &entries) { QCOMPARE(JournalBuilder::commit(*m_state, entries), QString()); }
    QString text(qint64 id, int column) const { return m_model->indexOf(id, column).data(Qt::DisplayRole).toString(); }

    std::unique_ptr<JournalBuilder> m_journal;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LiveState> m_state;
    std::unique_ptr<AlarmTableModel> m_model;
    std::unique_ptr<TableProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestAlarmTableModel::init()
{
    m_journal = std::make_unique<JournalBuilder>(kStart);
    m_clock = std::make_unique<ManualClock>(kStart.addSecs(600));
    m_state = std::make_unique<LiveState>();
    JournalBuilder &j = *m_journal;
    commit({
        j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-101"), QStringLiteral("12 rue des Lilas"), 45.76,
                         4.83),
        j.registerDevice(QStringLiteral("d2"), QStringLiteral("B-202"), QStringLiteral("3 place du Marché"), 45.75,
                         4.84),
        j.registerDevice(QStringLiteral("d3"), QStringLiteral("B-303"), QString(), 45.77, 4.85),
        j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("door")),                    // 1: minor
        j.advance(60).deviceAlarm(QStringLiteral("d2"), QStringLiteral("fall")),        // 2: critical
        j.advance(60).deviceAlarm(QStringLiteral("d3"), QStringLiteral("smoke")),       // 3: critical
        j.advance(60).deviceAlarm(QStringLiteral("ghost"), QStringLiteral("panic")),    // 4: critical, unregistered
        j.advance(60).deviceAlarm(QStringLiteral("d1"), QStringLiteral("low_battery")), // 5: warning
    });

    m_model = std::make_unique<AlarmTableModel>(m_state.get());
    m_model->setClock(m_clock.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy = std::make_unique<TableProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_proxy->setOpenOnly(true);
    m_proxy->sort(AlarmTableModel::SeverityColumn, Qt::AscendingOrder);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestAlarmTableModel::cleanup()
{
    m_proxyTester.reset();
    m_proxy.reset();
    m_modelTester.reset();
    m_model.reset();
    m_state.reset();
}

void TestAlarmTableModel::showsEveryAlarmWithItsTexts()
{
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->columnCount(), int(AlarmTableModel::ColumnCount));
    QCOMPARE(m_proxy->rowCount(), 5);
    QCOMPARE(m_model->openCount(), 5);

    QCOMPARE(text(2, AlarmTableModel::SeverityColumn), QStringLiteral("Critical"));
    QCOMPARE(text(2, AlarmTableModel::KindColumn), QStringLiteral("Fall"));
    QCOMPARE(text(2, AlarmTableModel::PlaceColumn), QStringLiteral("3 place du Marché"));
    QCOMPARE(text(2, AlarmTableModel::StateColumn), QStringLiteral("New"));
    QCOMPARE(text(2, AlarmTableModel::AgeColumn), QStringLiteral("9 min")); // raised at +60 s, now +600 s
    QCOMPARE(text(2, AlarmTableModel::CountColumn), QStringLiteral("1"));
    QCOMPARE(text(2, AlarmTableModel::HelperColumn), QString());
    QCOMPARE(m_model->indexOf(2).data(ItemRoles::IdRole).toLongLong(), 2);

    // No address: the beneficiary reference; unknown device: its id, marked.
    QCOMPARE(text(3, AlarmTableModel::PlaceColumn), QStringLiteral("B-303"));
    QCOMPARE(text(4, AlarmTableModel::PlaceColumn), QStringLiteral("ghost (unregistered)"));
    QVERIFY(m_model->indexOf(4, AlarmTableModel::PlaceColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("not registered")));
    QCOMPARE(text(5, AlarmTableModel::KindColumn), QStringLiteral("Low battery"));
    QCOMPARE(text(5, AlarmTableModel::SeverityColumn), QStringLiteral("Warning"));

    QCOMPARE(m_model->headerData(AlarmTableModel::AgeColumn, Qt::Horizontal).toString(), QStringLiteral("Age"));
}

void TestAlarmTableModel::marksUnacknowledgedAlarms()
{
    const QModelIndex severity = m_model->indexOf(2, AlarmTableModel::SeverityColumn);
    QCOMPARE(severity.data(Qt::DecorationRole).value<QColor>(), UiColors::severity(Severity::Critical));
    QCOMPARE(m_model->indexOf(1, AlarmTableModel::SeverityColumn).data(Qt::DecorationRole).value<QColor>(),
             UiColors::severity(Severity::Minor));
    QVERIFY(m_model->indexOf(2, AlarmTableModel::PlaceColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(m_model->indexOf(2, AlarmTableModel::PlaceColumn).data(Qt::FontRole).value<QFont>().bold());
    // The kind: the map's marker, small; a different kind or severity, another picture.
    const QPixmap kind2 = m_model->indexOf(2, AlarmTableModel::KindColumn).data(Qt::DecorationRole).value<QPixmap>();
    const QPixmap kind1 = m_model->indexOf(1, AlarmTableModel::KindColumn).data(Qt::DecorationRole).value<QPixmap>();
    QVERIFY(!kind2.isNull());
    QCOMPARE(kind2.deviceIndependentSize().toSize(), QSize(16, 16));
    QVERIFY(kind1.toImage() != kind2.toImage());

    commit({m_journal->alarmAction(EntryKind::AlarmAcknowledged, 2)});
    QVERIFY(!m_model->indexOf(2, AlarmTableModel::PlaceColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(!m_model->indexOf(2, AlarmTableModel::PlaceColumn).data(Qt::FontRole).isValid());
    QVERIFY(m_model->indexOf(3, AlarmTableModel::PlaceColumn).data(Qt::BackgroundRole).isValid());
}

void TestAlarmTableModel::sortsCriticalFirstThenOldest()
{
    // Critical ones oldest first (2, 3, 4), then minor (1), then warning (5).
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{2, 3, 4, 1, 5}));

    // Descending severity: least urgent first, still oldest first within a severity.
    m_proxy->sort(AlarmTableModel::SeverityColumn, Qt::DescendingOrder);
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{5, 1, 2, 3, 4}));
}

void TestAlarmTableModel::sortsByOtherColumnsOnRawKeys()
{
    // Age ascending: youngest first. Ages are texts ("9 min", "10 min") that sort wrongly as text.
    m_proxy->sort(AlarmTableModel::AgeColumn, Qt::AscendingOrder);
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{5, 4, 3, 2, 1}));
    m_proxy->sort(AlarmTableModel::AgeColumn, Qt::DescendingOrder);
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{1, 2, 3, 4, 5}));

    // State follows the lifecycle, not the alphabet ("Acknowledged" < "New" either way here, so
    // move one alarm further: dispatching comes after new).
    commit({m_journal->alarmAction(EntryKind::AlarmAcknowledged, 4)});
    m_proxy->sort(AlarmTableModel::StateColumn, Qt::AscendingOrder);
    QCOMPARE(idsInOrder(*m_proxy).constLast(), 4);
    QCOMPARE(m_proxy->index(0, AlarmTableModel::StateColumn).data(ItemRoles::SortRole).toInt(), int(Alarm::State::New));
}

void TestAlarmTableModel::insertsNewAlarmsIncrementally()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy proxyInserted(m_proxy.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy openCount(m_model.get(), &AlarmTableModel::openCountChanged);

    commit({m_journal->advance(30).deviceAlarm(QStringLiteral("d2"), QStringLiteral("intrusion"))}); // 6: major

    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 5); // appended: stable rows
    QCOMPARE(inserted.at(0).at(2).toInt(), 5);
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(proxyInserted.count(), 1);
    // Major: after the critical ones, before minor.
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{2, 3, 4, 6, 1, 5}));
    QCOMPARE(openCount.count(), 1);
    QCOMPARE(openCount.at(0).at(0).toInt(), 6);

    // Several in one batch: one insertion of two rows, in id order.
    inserted.clear();
    commit({m_journal->deviceAlarm(QStringLiteral("d3"), QStringLiteral("water_leak")),
            m_journal->deviceAlarm(QStringLiteral("d3"), QStringLiteral("gas"))});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 6);
    QCOMPARE(inserted.at(0).at(2).toInt(), 7);
    QCOMPARE(m_model->keyAt(6), 7);
    QCOMPARE(m_model->keyAt(7), 8);
    QCOMPARE(reset.count(), 0);
}

void TestAlarmTableModel::refreshesChangedRowsInPlace()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    commit({m_journal->alarmAction(EntryKind::AlarmAcknowledged, 3)});

    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), m_model->rowOf(3));
    QCOMPARE(bottomRight.row(), m_model->rowOf(3));
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.column(), AlarmTableModel::ColumnCount - 1);
    QCOMPARE(text(3, AlarmTableModel::StateColumn), QStringLiteral("Acknowledged"));
}

void TestAlarmTableModel::foldsRepeatsIntoTheSameRow()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    commit({m_journal->advance(10).deviceAlarm(QStringLiteral("d1"), QStringLiteral("door")),
            m_journal->advance(10).deviceAlarm(QStringLiteral("d1"), QStringLiteral("door"))});
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(text(1, AlarmTableModel::CountColumn), QStringLiteral("3"));
    QCOMPARE(m_model->indexOf(1, AlarmTableModel::CountColumn).data(ItemRoles::SortRole).toInt(), 3);
}

void TestAlarmTableModel::hidesAlarmsThatAreNoLongerOpen()
{
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy proxyRemoved(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy openCount(m_model.get(), &AlarmTableModel::openCountChanged);
    const int proxyRow = proxyRowOf(*m_proxy, 1);
    QVERIFY(proxyRow >= 0);

    // Resolved over the phone, then closed.
    commit({m_journal->alarmAction(EntryKind::AlarmAcknowledged, 1),
            m_journal->alarmAction(EntryKind::AlarmResolved, 1,
                                   {{QStringLiteral("outcome"), QStringLiteral("false_alarm")}}),
            m_journal->alarmAction(EntryKind::AlarmClosed, 1)});

    QCOMPARE(removed.count(), 0); // the model keeps the row: history
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(text(1, AlarmTableModel::StateColumn), QStringLiteral("Closed"));
    QCOMPARE(proxyRemoved.count(), 1);
    QCOMPARE(proxyRemoved.at(0).at(1).toInt(), proxyRow);
    QCOMPARE(m_proxy->rowCount(), 4);
    QCOMPARE(proxyRowOf(*m_proxy, 1), -1);
    QCOMPARE(m_model->openCount(), 4);
    QCOMPARE(openCount.count(), 1);

    // The device says the smoke is gone: the alarm is cancelled and leaves the queue too.
    commit({m_journal->deviceRestore(QStringLiteral("d3"), QStringLiteral("smoke"))});
    QCOMPARE(proxyRowOf(*m_proxy, 3), -1);
    QCOMPARE(m_model->openCount(), 3);
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{2, 4, 5}));

    // A closed alarm's age stops at its end: it reads as its duration (raised +0, closed +240 s).
    QCOMPARE(text(1, AlarmTableModel::AgeColumn), QStringLiteral("4 min"));

    // Showing closed alarms again: all rows, in the same order rules.
    m_proxy->setOpenOnly(false);
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{2, 3, 4, 1, 5}));
}

void TestAlarmTableModel::showsTheAssignedHelperAndFollowsRenames()
{
    JournalBuilder &j = *m_journal;
    commit({j.registerHelper(QStringLiteral("h1"), QStringLiteral("Jeanne Morel")),
            j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h1")),
            j.alarmAction(EntryKind::AlarmAcknowledged, 2), j.createMission(2), j.offer(1, QStringLiteral("h1"), 350),
            j.answer(1, QStringLiteral("h1"), QStringLiteral("accepted"))});
    QCOMPARE(text(2, AlarmTableModel::HelperColumn), QStringLiteral("Jeanne Morel"));
    QCOMPARE(text(2, AlarmTableModel::StateColumn), QStringLiteral("Assigned"));

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    commit({j.entry(EntryKind::HelperUpdated, {{QStringLiteral("helper"), QStringLiteral("h1")},
                                               {QStringLiteral("name"), QStringLiteral("Jeanne Morel-Petit")}})});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->indexOf(2, AlarmTableModel::HelperColumn));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->indexOf(2, AlarmTableModel::HelperColumn));
    QCOMPARE(text(2, AlarmTableModel::HelperColumn), QStringLiteral("Jeanne Morel-Petit"));

    // A helper moving around touches no alarm row.
    changed.clear();
    commit({j.helperAction(EntryKind::HelperPosition, QStringLiteral("h1"),
                           {{QStringLiteral("lat"), 45.7}, {QStringLiteral("lon"), 4.8}})});
    QCOMPARE(changed.count(), 0);
}

void TestAlarmTableModel::refreshesTheAgeColumnOnly()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_clock->advance(3600 * 1000);
    QVERIFY(changed.wait(2000)); // the 1 s timer
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.column(), int(AlarmTableModel::AgeColumn));
    QCOMPARE(bottomRight.column(), int(AlarmTableModel::AgeColumn));
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(bottomRight.row(), m_model->rowCount() - 1);
    QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int>{Qt::DisplayRole});
    QCOMPARE(text(2, AlarmTableModel::AgeColumn), QStringLiteral("1 h 09"));

    // The proxy keeps its order: nothing it sorts or filters on moved.
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{2, 3, 4, 1, 5}));

    // A closed alarm no longer ages: its row is left out of the tick.
    commit({m_journal->deviceRestore(QStringLiteral("d3"), QStringLiteral("smoke"))}); // alarm 3, row 2
    changed.clear();
    m_model->refreshAges();
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(0, AlarmTableModel::AgeColumn));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(1, AlarmTableModel::AgeColumn));
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), m_model->index(3, AlarmTableModel::AgeColumn));
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>(), m_model->index(4, AlarmTableModel::AgeColumn));
}

void TestAlarmTableModel::resetsWithTheLiveState()
{
    QSignalSpy aboutToReset(m_model.get(), &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy openCount(m_model.get(), &AlarmTableModel::openCountChanged);

    JournalBuilder other(kStart);
    DispatchState snapshot;
    QVERIFY(snapshot.apply(other.deviceAlarm(QStringLiteral("x"), QStringLiteral("medical"))).ok());
    QVERIFY(snapshot.apply(other.deviceAlarm(QStringLiteral("y"), QStringLiteral("gas"))).ok());
    m_state->reset(snapshot);

    QCOMPARE(aboutToReset.count(), 1);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_proxy->rowCount(), 2);
    QCOMPARE(m_model->openCount(), 2);
    QCOMPARE(openCount.constLast().at(0).toInt(), 2);
    QCOMPARE(text(1, AlarmTableModel::KindColumn), QStringLiteral("Medical"));
}

QTEST_MAIN(TestAlarmTableModel)
#include "tst_alarmtablemodel.moc"
