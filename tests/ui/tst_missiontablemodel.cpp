#include "itemroles.h"
#include "journalbuilder.h"
#include "missiontablemodel.h"
#include "tableproxymodel.h"
#include "uicolors.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace relais;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);

QList<qint64> idsInOrder(const QAbstractItemModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(ItemRoles::IdRole).toLongLong());
    return ids;
}

} // namespace

class TestMissionTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsEveryMissionWithItsTexts();
    void formatsTheFeeWithTheLocale();
    void countsPendingOffers();
    void followsTheAssignee();
    void hidesFinishedMissions();
    void sortsOnRawKeys();
    void insertsNewMissionsIncrementally();

private:
    void commit(const QList<JournalEntry> &entries) { QCOMPARE(JournalBuilder::commit(*m_state, entries), QString()); }
    QString text(qint64 id, int column) const { return m_model->indexOf(id, column).data().toString(); }

    std::unique_ptr<JournalBuilder> m_journal;
    std::unique_ptr<LiveState> m_state;
    std::unique_ptr<MissionTableModel> m_model;
    std::unique_ptr<TableProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestMissionTableModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_journal = std::make_unique<JournalBuilder>(kStart);
    m_state = std::make_unique<LiveState>();
    JournalBuilder &j = *m_journal;
    commit({
        j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-101"), QStringLiteral("12 rue des Lilas"), 45.76,
                         4.83),
        j.registerDevice(QStringLiteral("d2"), QStringLiteral("B-202"), QStringLiteral("3 place du Marché"), 45.75,
                         4.84),
        j.registerHelper(QStringLiteral("h1"), QStringLiteral("Claire Martin")),
        j.registerHelper(QStringLiteral("h2"), QStringLiteral("Bruno Petit")),
        j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h1")),
        j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h2")),
        j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall")),        // alarm 1
        j.deviceAlarm(QStringLiteral("d2"), QStringLiteral("low_battery")), // alarm 2
        j.alarmAction(EntryKind::AlarmAcknowledged, 1), j.alarmAction(EntryKind::AlarmAcknowledged, 2),
        j.createMission(1),                                // mission 1: verification, 10 EUR
        j.createMission(2, QStringLiteral("maintenance")), // mission 2: maintenance, 5 EUR
    });

    m_model = std::make_unique<MissionTableModel>(m_state.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy = std::make_unique<TableProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_proxy->setOpenOnly(true);
    m_proxy->sort(MissionTableModel::IdColumn, Qt::AscendingOrder);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMissionTableModel::cleanup()
{
    m_proxyTester.reset();
    m_proxy.reset();
    m_modelTester.reset();
    m_model.reset();
    m_state.reset();
    QLocale::setDefault(QLocale::c());
}

void TestMissionTableModel::showsEveryMissionWithItsTexts()
{
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), int(MissionTableModel::ColumnCount));
    QCOMPARE(m_proxy->rowCount(), 2);

    QCOMPARE(text(1, MissionTableModel::IdColumn), QStringLiteral("1"));
    QCOMPARE(text(1, MissionTableModel::KindColumn), QStringLiteral("Verification"));
    QCOMPARE(text(1, MissionTableModel::AlarmColumn), QStringLiteral("#1"));
    QCOMPARE(text(1, MissionTableModel::StateColumn), QStringLiteral("Open"));
    QCOMPARE(text(1, MissionTableModel::AssigneeColumn), QString());
    QCOMPARE(text(1, MissionTableModel::FeeColumn), QStringLiteral("€10.00"));
    QCOMPARE(text(1, MissionTableModel::PendingOffersColumn), QString()); // none: left blank
    QCOMPARE(text(2, MissionTableModel::KindColumn), QStringLiteral("Maintenance"));
    QCOMPARE(text(2, MissionTableModel::FeeColumn), QStringLiteral("€5.00"));
    QCOMPARE(m_model->indexOf(2).data(ItemRoles::IdRole).toLongLong(), 2);
    QCOMPARE(m_model->indexOf(1, MissionTableModel::AlarmColumn).data(Qt::DecorationRole).value<QColor>(),
             UiColors::severity(Severity::Critical));
    QCOMPARE(m_model->indexOf(1, MissionTableModel::AlarmColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Fall, 12 rue des Lilas"));
}

void TestMissionTableModel::formatsTheFeeWithTheLocale()
{
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    const QString fee = text(1, MissionTableModel::FeeColumn);
    QCOMPARE(fee, QLocale().toCurrencyString(10.0, QStringLiteral("€"), 2));
    QCOMPARE(fee, QStringLiteral("10,00\u00a0€")); // Qt 6.4: a no-break space before the sign
    QVERIFY2(fee.startsWith(QStringLiteral("10,00")) && fee.endsWith(QStringLiteral("€")), qPrintable(fee));

    // A currency the locale does not use: its ISO code, the locale's number format.
    commit({m_journal->entry(EntryKind::FeeSet, {{QStringLiteral("kind"), QStringLiteral("other")},
                                                 {QStringLiteral("fee_cents"), 1250},
                                                 {QStringLiteral("currency"), QStringLiteral("CHF")}}),
            m_journal->deviceAlarm(QStringLiteral("d1"), QStringLiteral("other")),
            m_journal->alarmAction(EntryKind::AlarmAcknowledged, 3),
            m_journal->createMission(3, QStringLiteral("other"))});
    const QString chf = text(3, MissionTableModel::FeeColumn);
    QVERIFY2(chf.contains(QStringLiteral("12,50")) && chf.contains(QStringLiteral("CHF")), qPrintable(chf));
    QCOMPARE(m_model->indexOf(3, MissionTableModel::FeeColumn).data(ItemRoles::SortRole).toLongLong(), 1250);
}

void TestMissionTableModel::countsPendingOffers()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    commit({m_journal->offer(1, QStringLiteral("h1"), 300), m_journal->offer(1, QStringLiteral("h2"), 900)});
    QCOMPARE(reset.count(), 0);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.constLast().at(0).value<QModelIndex>().row(), m_model->rowOf(1));
    QCOMPARE(text(1, MissionTableModel::PendingOffersColumn), QStringLiteral("2"));
    QCOMPARE(text(1, MissionTableModel::StateColumn), QStringLiteral("Offers out"));
    QCOMPARE(m_model->indexOf(1, MissionTableModel::PendingOffersColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Claire Martin, Bruno Petit"));

    commit({m_journal->answer(1, QStringLiteral("h2"), QStringLiteral("declined"))});
    QCOMPARE(text(1, MissionTableModel::PendingOffersColumn), QStringLiteral("1"));
}

void TestMissionTableModel::followsTheAssignee()
{
    commit({m_journal->offer(1, QStringLiteral("h1"), 300), m_journal->offer(1, QStringLiteral("h2"), 900),
            m_journal->answer(1, QStringLiteral("h1"), QStringLiteral("accepted"))});
    QCOMPARE(text(1, MissionTableModel::StateColumn), QStringLiteral("Assigned"));
    QCOMPARE(text(1, MissionTableModel::AssigneeColumn), QStringLiteral("Claire Martin"));
    QCOMPARE(text(1, MissionTableModel::PendingOffersColumn), QString()); // the other offer was withdrawn

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    commit({m_journal->entry(EntryKind::HelperUpdated, {{QStringLiteral("helper"), QStringLiteral("h1")},
                                                        {QStringLiteral("name"), QStringLiteral("Claire Dubois")}})});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->indexOf(1, MissionTableModel::AssigneeColumn));
    QCOMPARE(text(1, MissionTableModel::AssigneeColumn), QStringLiteral("Claire Dubois"));
}

void TestMissionTableModel::hidesFinishedMissions()
{
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy proxyRemoved(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
    JournalBuilder &j = *m_journal;
    commit({j.missionAction(EntryKind::MissionAssigned, 1, {{QStringLiteral("helper"), QStringLiteral("h1")}}),
            j.missionAction(EntryKind::MissionEnRoute, 1), j.missionAction(EntryKind::MissionOnScene, 1),
            j.missionAction(EntryKind::MissionCompleted, 1,
                            {{QStringLiteral("outcome"), QStringLiteral("false_alarm")}})});
    QCOMPARE(text(1, MissionTableModel::StateColumn), QStringLiteral("Completed"));
    QVERIFY(m_model->indexOf(1, MissionTableModel::FeeColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("10.00")));
    QCOMPARE(removed.count(), 0);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(proxyRemoved.count(), 1);
    QCOMPARE(idsInOrder(*m_proxy), QList<qint64>{2});

    commit(
        {j.missionAction(EntryKind::MissionCancelled, 2, {{QStringLiteral("reason"), QStringLiteral("duplicate")}})});
    QCOMPARE(m_proxy->rowCount(), 0);

    m_proxy->setOpenOnly(false);
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{1, 2}));
}

void TestMissionTableModel::sortsOnRawKeys()
{
    // Fee: 5.00 before 10.00 (as text "€10.00" < "€5.00").
    m_proxy->sort(MissionTableModel::FeeColumn, Qt::AscendingOrder);
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{2, 1}));
    m_proxy->sort(MissionTableModel::IdColumn, Qt::DescendingOrder);
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{2, 1}));
    commit({m_journal->offer(2, QStringLiteral("h2"), 200)});
    m_proxy->sort(MissionTableModel::StateColumn, Qt::AscendingOrder); // open, then offering
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{1, 2}));
}

void TestMissionTableModel::insertsNewMissionsIncrementally()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    commit({m_journal->deviceAlarm(QStringLiteral("d2"), QStringLiteral("smoke")),
            m_journal->alarmAction(EntryKind::AlarmAcknowledged, 3), m_journal->createMission(3)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(text(3, MissionTableModel::AlarmColumn), QStringLiteral("#3"));
    QCOMPARE(idsInOrder(*m_proxy), (QList<qint64>{1, 2, 3}));
}

QTEST_MAIN(TestMissionTableModel)
#include "tst_missiontablemodel.moc"
