#include "itemroles.h"
#include "tableproxymodel.h"

#include <QAbstractItemModelTester>
#include <QStandardItemModel>
#include <QTest>

using namespace relais;

namespace {

// One row: a name, a sort key, a group, a tie-break, open or not.
void addRow(QStandardItemModel &model, const QString &name, int key, int group, int tie, bool open)
{
    auto *item = new QStandardItem(name);
    item->setData(key, ItemRoles::SortRole);
    item->setData(group, ItemRoles::GroupRole);
    item->setData(tie, ItemRoles::TieBreakRole);
    item->setData(open, ItemRoles::OpenRole);
    model.appendRow(item);
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, 0).data().toString());
    return out;
}

} // namespace

class TestTableProxyModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void sortsOnTheRawKeyNotTheText();
    void keepsGroupsAndTieBreaksWhateverTheOrder();
    void filtersRowsThatAreNotOpen();
    void sortsMissingKeysLast();
    void filtersByTextOnTopOfOpenOnly();

private:
    QStandardItemModel m_source;
    TableProxyModel m_proxy;
};

void TestTableProxyModel::init()
{
    m_source.clear();
    addRow(m_source, QStringLiteral("b-10"), 10, 0, 2, true);
    addRow(m_source, QStringLiteral("a-9"), 9, 0, 1, false);
    addRow(m_source, QStringLiteral("c-10"), 10, 0, 1, true);
    addRow(m_source, QStringLiteral("d-1-off"), 1, 1, 1, true);
    m_proxy.setSourceModel(&m_source);
    m_proxy.setOpenOnly(false);
}

void TestTableProxyModel::sortsOnTheRawKeyNotTheText()
{
    QAbstractItemModelTester tester(&m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_proxy.sortRole(), int(ItemRoles::SortRole));
    m_proxy.sort(0, Qt::AscendingOrder);
    // 9 before 10 (as text "10" < "9"); equal keys by tie-break: c (1) before b (2); group 1 last.
    QCOMPARE(names(m_proxy), (QStringList{QStringLiteral("a-9"), QStringLiteral("c-10"), QStringLiteral("b-10"),
                                          QStringLiteral("d-1-off")}));
}

void TestTableProxyModel::keepsGroupsAndTieBreaksWhateverTheOrder()
{
    QAbstractItemModelTester tester(&m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy.sort(0, Qt::DescendingOrder);
    // Keys reversed; ties still ascending; group 1 still last.
    QCOMPARE(names(m_proxy), (QStringList{QStringLiteral("c-10"), QStringLiteral("b-10"), QStringLiteral("a-9"),
                                          QStringLiteral("d-1-off")}));
}

void TestTableProxyModel::filtersRowsThatAreNotOpen()
{
    QAbstractItemModelTester tester(&m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy.sort(0, Qt::AscendingOrder);
    m_proxy.setOpenOnly(true);
    QVERIFY(m_proxy.openOnly());
    QCOMPARE(names(m_proxy), (QStringList{QStringLiteral("c-10"), QStringLiteral("b-10"), QStringLiteral("d-1-off")}));

    // A row closing while shown leaves; reopening brings it back (dynamic filter).
    m_source.item(0)->setData(false, ItemRoles::OpenRole);
    QCOMPARE(names(m_proxy), (QStringList{QStringLiteral("c-10"), QStringLiteral("d-1-off")}));
    m_source.item(1)->setData(true, ItemRoles::OpenRole);
    QCOMPARE(names(m_proxy), (QStringList{QStringLiteral("a-9"), QStringLiteral("c-10"), QStringLiteral("d-1-off")}));

    // Rows without the role count as open.
    m_source.appendRow(new QStandardItem(QStringLiteral("e-no-role")));
    QCOMPARE(m_proxy.rowCount(), 4);
}

void TestTableProxyModel::sortsMissingKeysLast()
{
    QAbstractItemModelTester tester(&m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *item = new QStandardItem(QStringLiteral("z-none"));
    item->setData(0, ItemRoles::GroupRole);
    m_source.appendRow(item);
    m_proxy.sort(0, Qt::AscendingOrder);
    QCOMPARE(names(m_proxy).at(3), QStringLiteral("z-none")); // after the keyed rows of group 0
}

void TestTableProxyModel::filtersByTextOnTopOfOpenOnly()
{
    QAbstractItemModelTester tester(&m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy.sort(0, Qt::AscendingOrder);
    m_proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy.setFilterFixedString(QStringLiteral("-10"));
    QCOMPARE(names(m_proxy), (QStringList{QStringLiteral("c-10"), QStringLiteral("b-10")}));
    m_proxy.setFilterFixedString(QStringLiteral("A-"));
    QCOMPARE(names(m_proxy), QStringList{QStringLiteral("a-9")});
    // Both filters: a closed row stays hidden whatever its text.
    m_proxy.setOpenOnly(true);
    QCOMPARE(m_proxy.rowCount(), 0);
    m_proxy.setFilterFixedString(QString());
    QCOMPARE(names(m_proxy), (QStringList{QStringLiteral("c-10"), QStringLiteral("b-10"), QStringLiteral("d-1-off")}));
}

QTEST_MAIN(TestTableProxyModel)
#include "tst_tableproxymodel.moc"
