#include "devicetablemodel.h"
#include "itemroles.h"
#include "journalbuilder.h"
#include "manualclock.h"
#include "tableproxymodel.h"
#include "uicolors.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace relais;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);

QStringList idsInOrder(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, DeviceTableModel::IdColumn).data().toString());
    return ids;
}

} // namespace

class TestDeviceTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsEveryDeviceWithItsTexts();
    void followsRegistrationsUpdatesAndRemovals();
    void showsLastSeenAndBattery();
    void marksSilentDevicesAsTimePasses();
    void sortsAndFilters();
    void resetsWithTheLiveState();

private:
    void commit(const QList<JournalEntry> &entries) { QCOMPARE(JournalBuilder::commit(*m_state, entries), QString()); }
    QString text(const QString &id, int column) const { return m_model->indexOf(id, column).data().toString(); }
    JournalEntry update(const QString &id, const QJsonObject &changes)
    {
        QJsonObject p{{QStringLiteral("device"), id},
                      {QStringLiteral("kind"), QStringLiteral("smoke")},
                      {QStringLiteral("label"), QStringLiteral("Kitchen")},
                      {QStringLiteral("beneficiary"), QStringLiteral("B-9")},
                      {QStringLiteral("address"), QStringLiteral("9 quai Perrache")},
                      {QStringLiteral("interval_s"), 21600}};
        for (auto it = changes.begin(); it != changes.end(); ++it)
            p.insert(it.key(), it.value());
        return m_journal->entry(EntryKind::DeviceUpdated, p);
    }

    std::unique_ptr<JournalBuilder> m_journal;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LiveState> m_state;
    std::unique_ptr<DeviceTableModel> m_model;
    std::unique_ptr<TableProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestDeviceTableModel::init()
{
    m_journal = std::make_unique<JournalBuilder>(kStart);
    m_clock = std::make_unique<ManualClock>(kStart);
    m_state = std::make_unique<LiveState>();
    JournalBuilder &j = *m_journal;
    commit({
        j.registerDevice(QStringLiteral("d2"), QStringLiteral("B-202"), QStringLiteral("3 place du Marché, Lyon"),
                         45.75, 4.84),
        j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-101"), QStringLiteral("12 rue des Lilas, Lyon"), 45.76,
                         4.83),
        j.registerDevice(QStringLiteral("d3"), QStringLiteral("B-303"), QString(), 45.77, 4.85),
    });

    m_model = std::make_unique<DeviceTableModel>(m_state.get());
    m_model->setClock(m_clock.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy = std::make_unique<TableProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->sort(DeviceTableModel::IdColumn, Qt::AscendingOrder);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestDeviceTableModel::cleanup()
{
    m_proxyTester.reset();
    m_proxy.reset();
    m_modelTester.reset();
    m_model.reset();
    m_state.reset();
}

void TestDeviceTableModel::showsEveryDeviceWithItsTexts()
{
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(DeviceTableModel::ColumnCount));
    for (int c = 0; c < DeviceTableModel::ColumnCount; ++c)
        QVERIFY2(!m_model->headerData(c, Qt::Horizontal).toString().isEmpty(), qPrintable(QString::number(c)));

    const QString d1 = QStringLiteral("d1");
    QCOMPARE(text(d1, DeviceTableModel::IdColumn), d1);
    QCOMPARE(text(d1, DeviceTableModel::KindColumn), QStringLiteral("Panic button"));
    QCOMPARE(m_model->indexOf(d1, DeviceTableModel::KindColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("panic_button"));
    QCOMPARE(text(d1, DeviceTableModel::LabelColumn), QStringLiteral("Pendant d1"));
    QCOMPARE(text(d1, DeviceTableModel::BeneficiaryColumn), QStringLiteral("B-101"));
    QCOMPARE(text(d1, DeviceTableModel::AddressColumn), QStringLiteral("12 rue des Lilas, Lyon"));
    QCOMPARE(text(d1, DeviceTableModel::IntervalColumn), QStringLiteral("1 h"));
    QCOMPARE(text(d1, DeviceTableModel::LastSeenColumn), QStringLiteral("Never"));
    QCOMPARE(text(d1, DeviceTableModel::BatteryColumn), QString());
    QCOMPARE(m_model->indexOf(d1).data(ItemRoles::IdRole).toString(), d1);
    QCOMPARE(m_model->indexOf(d1, DeviceTableModel::IntervalColumn).data(ItemRoles::SortRole).toInt(), 3600);
    // Never heard from: dimmed.
    QVERIFY(m_model->indexOf(d1, DeviceTableModel::LastSeenColumn).data(Qt::ForegroundRole).isValid());
    // No address: the position instead.
    QCOMPARE(text(QStringLiteral("d3"), DeviceTableModel::AddressColumn), QStringLiteral("45.77000°, 4.85000°"));
    QVERIFY(m_model->indexOf(d1, DeviceTableModel::AddressColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("45.76000°")));
}

void TestDeviceTableModel::followsRegistrationsUpdatesAndRemovals()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy count(m_model.get(), &DeviceTableModel::countChanged);
    JournalBuilder &j = *m_journal;

    commit({j.registerDevice(QStringLiteral("d0"), QStringLiteral("B-000"), QStringLiteral("1 rue Neuve"), 45.7, 4.8)});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->rowOf(QStringLiteral("d0")), 3); // appended: rows keep their place
    QCOMPARE(count.size(), 1);
    QCOMPARE(count.constLast().constFirst().toInt(), 4);

    commit({update(QStringLiteral("d2"), {})});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), m_model->rowOf(QStringLiteral("d2")));
    QCOMPARE(text(QStringLiteral("d2"), DeviceTableModel::KindColumn), QStringLiteral("Smoke detector"));
    QCOMPARE(text(QStringLiteral("d2"), DeviceTableModel::LabelColumn), QStringLiteral("Kitchen"));
    QCOMPARE(text(QStringLiteral("d2"), DeviceTableModel::BeneficiaryColumn), QStringLiteral("B-9"));
    QCOMPARE(text(QStringLiteral("d2"), DeviceTableModel::AddressColumn), QStringLiteral("9 quai Perrache"));
    QCOMPARE(text(QStringLiteral("d2"), DeviceTableModel::IntervalColumn), QStringLiteral("6 h"));
    // An unknown kind is shown as it is.
    commit({update(QStringLiteral("d2"),
                   {{QStringLiteral("kind"), QStringLiteral("co_detector")}, {QStringLiteral("interval_s"), 90}})});
    QCOMPARE(text(QStringLiteral("d2"), DeviceTableModel::KindColumn), QStringLiteral("co_detector"));
    QCOMPARE(text(QStringLiteral("d2"), DeviceTableModel::IntervalColumn), QStringLiteral("90 s"));

    commit({j.entry(EntryKind::DeviceRemoved, {{QStringLiteral("device"), QStringLiteral("d1")}})});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->rowOf(QStringLiteral("d1")), -1);
    QCOMPARE(count.constLast().constFirst().toInt(), 3);
    QCOMPARE(reset.size(), 0);

    // Entries about other things leave the rows alone.
    changed.clear();
    commit({j.registerHelper(QStringLiteral("h1"), QStringLiteral("Claire Martin"))});
    QCOMPARE(changed.size(), 0);
    QCOMPARE(count.size(), 2);
}

void TestDeviceTableModel::showsLastSeenAndBattery()
{
    JournalBuilder &j = *m_journal;
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    j.advance(600);
    m_clock->set(j.now());
    commit({j.entry(EntryKind::DeviceHeartbeat,
                    {{QStringLiteral("device"), QStringLiteral("d1")}, {QStringLiteral("battery"), 88}},
                    Actor::device(QStringLiteral("d1")))});
    QCOMPARE(changed.size(), 1);
    const QString d1 = QStringLiteral("d1");
    QCOMPARE(text(d1, DeviceTableModel::BatteryColumn), QStringLiteral("88%")); // English: no space
    QCOMPARE(m_model->indexOf(d1, DeviceTableModel::BatteryColumn).data(ItemRoles::SortRole).toInt(), 88);
    QVERIFY(!m_model->indexOf(d1, DeviceTableModel::BatteryColumn).data(Qt::ForegroundRole).isValid());
    // Today: the time alone, in local time.
    QCOMPARE(text(d1, DeviceTableModel::LastSeenColumn),
             QLocale().toString(j.now().toLocalTime().time(), QLocale::ShortFormat));
    QCOMPARE(m_model->indexOf(d1, DeviceTableModel::LastSeenColumn).data(ItemRoles::SortRole).toLongLong(),
             j.now().toMSecsSinceEpoch());
    QVERIFY(!m_model->indexOf(d1, DeviceTableModel::LastSeenColumn).data(Qt::ForegroundRole).isValid());

    // A low battery stands out, and says why.
    commit({j.entry(EntryKind::DeviceHeartbeat,
                    {{QStringLiteral("device"), QStringLiteral("d1")}, {QStringLiteral("battery"), 9}},
                    Actor::device(QStringLiteral("d1")))});
    QCOMPARE(text(d1, DeviceTableModel::BatteryColumn), QStringLiteral("9%"));
    QCOMPARE(m_model->indexOf(d1, DeviceTableModel::BatteryColumn).data(Qt::ForegroundRole).value<QColor>(),
             UiColors::attentionText());
    QVERIFY(m_model->indexOf(d1, DeviceTableModel::BatteryColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Low battery")));
}

void TestDeviceTableModel::marksSilentDevicesAsTimePasses()
{
    JournalBuilder &j = *m_journal;
    commit({j.entry(EntryKind::DeviceHeartbeat, {{QStringLiteral("device"), QStringLiteral("d1")}},
                    Actor::device(QStringLiteral("d1")))});
    const QModelIndex lastSeen = m_model->indexOf(QStringLiteral("d1"), DeviceTableModel::LastSeenColumn);
    QVERIFY(!lastSeen.data(Qt::ForegroundRole).isValid());

    // 2.5 hours for an hourly device: silent. The view is told without any entry.
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_clock->advance((2 * 3600 + 31 * 60) * 1000LL);
    m_model->refreshLastSeen();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().column(), int(DeviceTableModel::LastSeenColumn));
    QCOMPARE(changed.constFirst().at(1).toModelIndex().row(), m_model->rowCount() - 1);
    QCOMPARE(lastSeen.data(Qt::ForegroundRole).value<QColor>(), UiColors::attentionText());
    QVERIFY2(lastSeen.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Silent for 2 h 31")),
             qPrintable(lastSeen.data(Qt::ToolTipRole).toString()));

    // Another day: the date too.
    m_clock->advance(2 * 86400 * 1000LL);
    m_model->refreshLastSeen();
    QVERIFY2(lastSeen.data().toString().size() > 8, qPrintable(lastSeen.data().toString()));
}

void TestDeviceTableModel::sortsAndFilters()
{
    QCOMPARE(idsInOrder(*m_proxy), (QStringList{QStringLiteral("d1"), QStringLiteral("d2"), QStringLiteral("d3")}));
    m_proxy->sort(DeviceTableModel::BeneficiaryColumn, Qt::DescendingOrder);
    QCOMPARE(idsInOrder(*m_proxy), (QStringList{QStringLiteral("d3"), QStringLiteral("d2"), QStringLiteral("d1")}));

    // Any text shown: the address, the beneficiary, the kind's label.
    m_proxy->setFilterFixedString(QStringLiteral("lilas"));
    QCOMPARE(idsInOrder(*m_proxy), QStringList{QStringLiteral("d1")});
    m_proxy->setFilterFixedString(QStringLiteral("B-30"));
    QCOMPARE(idsInOrder(*m_proxy), QStringList{QStringLiteral("d3")});
    m_proxy->setFilterFixedString(QStringLiteral("panic"));
    QCOMPARE(m_proxy->rowCount(), 3);
    m_proxy->setFilterFixedString(QString());
    QCOMPARE(m_proxy->rowCount(), 3);
}

void TestDeviceTableModel::resetsWithTheLiveState()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy count(m_model.get(), &DeviceTableModel::countChanged);
    DispatchState empty;
    m_state->reset(empty);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(count.constLast().constFirst().toInt(), 0);
    commit({m_journal->registerDevice(QStringLiteral("d9"), QStringLiteral("B-9"), QStringLiteral("x"), 1, 2)});
    QCOMPARE(idsInOrder(*m_model), QStringList{QStringLiteral("d9")});
}

QTEST_MAIN(TestDeviceTableModel)
#include "tst_devicetablemodel.moc"
