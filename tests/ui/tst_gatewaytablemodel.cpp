#include "gatewaytablemodel.h"
#include "itemroles.h"
#include "manualclock.h"
#include "tableproxymodel.h"
#include "uicolors.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace relais;

namespace {

const QDateTime kNow(QDate(2026, 3, 2), QTime(14, 0), Qt::UTC);

GatewayStatus tcp(const QString &id, const QString &peer)
{
    GatewayStatus s;
    s.key = QStringLiteral("gateway:") + id;
    s.gatewayId = id;
    s.transport = QStringLiteral("tcp");
    s.peer = peer;
    return s;
}

GatewayStatus serial(const QString &port)
{
    GatewayStatus s;
    s.key = QStringLiteral("serial:") + port;
    s.transport = QStringLiteral("serial");
    s.peer = port;
    return s;
}

QString localTime(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime().time(), QLocale::ShortFormat);
}

} // namespace

class TestGatewayTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void isEmptyWithoutABoard();
    void insertsRowsAsTheBoardPublishes();
    void describesEveryLinkState();
    void updatesRowsInPlaceAndCounts();
    void sortsProblemsFirst();
    void forgetsADestroyedBoard();

private:
    QString text(int row, int column) const { return m_model->index(row, column).data().toString(); }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<GatewayStatusBoard> m_board;
    std::unique_ptr<GatewayTableModel> m_model;
    std::unique_ptr<TableProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestGatewayTableModel::init()
{
    m_clock = std::make_unique<ManualClock>(kNow);
    m_board = std::make_unique<GatewayStatusBoard>();
    m_model = std::make_unique<GatewayTableModel>();
    m_model->setClock(m_clock.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy = std::make_unique<TableProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_proxy->sort(GatewayTableModel::LinkColumn, Qt::AscendingOrder);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestGatewayTableModel::cleanup()
{
    m_proxyTester.reset();
    m_proxy.reset();
    m_modelTester.reset();
    m_model.reset();
    m_board.reset();
}

void TestGatewayTableModel::isEmptyWithoutABoard()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(GatewayTableModel::ColumnCount));
    QCOMPARE(m_model->board(), nullptr);
    for (int c = 0; c < GatewayTableModel::ColumnCount; ++c)
        QVERIFY(!m_model->headerData(c, Qt::Horizontal).toString().isEmpty());
}

void TestGatewayTableModel::insertsRowsAsTheBoardPublishes()
{
    // Rows already on the board come with it.
    m_board->publish(tcp(QStringLiteral("gw-north"), QStringLiteral("127.0.0.1:50312")));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy counts(m_model.get(), &GatewayTableModel::countsChanged);
    m_model->setBoard(m_board.get());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(counts.size(), 1);
    QCOMPARE(counts.constLast(), (QVariantList{0, 1}));

    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_board->publish(serial(QStringLiteral("/dev/ttyUSB0")));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.constFirst().at(1).toInt(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(counts.constLast(), (QVariantList{0, 2}));

    QCOMPARE(text(0, GatewayTableModel::GatewayColumn), QStringLiteral("gw-north"));
    QCOMPARE(text(0, GatewayTableModel::TransportColumn), QStringLiteral("TCP 127.0.0.1:50312"));
    QCOMPARE(m_model->index(0, 0).data(ItemRoles::IdRole).toString(), QStringLiteral("gateway:gw-north"));
    // A serial line is named by its port until the gateway says its name.
    QCOMPARE(text(1, GatewayTableModel::GatewayColumn), QStringLiteral("/dev/ttyUSB0"));
    QCOMPARE(text(1, GatewayTableModel::TransportColumn), QStringLiteral("serial /dev/ttyUSB0"));
    QVERIFY(!m_model->index(1, GatewayTableModel::GatewayColumn).data(Qt::ToolTipRole).toString().isEmpty());
    GatewayStatus tls = tcp(QStringLiteral("gw-south"), QStringLiteral("10.0.0.2:40122"));
    tls.transport = QStringLiteral("tls");
    m_board->publish(tls);
    QCOMPARE(text(2, GatewayTableModel::TransportColumn), QStringLiteral("TLS 10.0.0.2:40122"));
}

void TestGatewayTableModel::describesEveryLinkState()
{
    m_model->setBoard(m_board.get());
    GatewayStatus s = serial(QStringLiteral("/dev/ttyUSB0"));
    m_board->publish(s);
    const QModelIndex link = m_model->index(0, GatewayTableModel::LinkColumn);
    QCOMPARE(link.data().toString(), QStringLiteral("Waiting"));
    QCOMPARE(link.data(Qt::DecorationRole).value<QColor>(), UiColors::gatewayLink(GatewayStatus::Link::Waiting));

    s.link = GatewayStatus::Link::Connecting;
    s.retryInS = 5;
    m_board->publish(s);
    QCOMPARE(link.data().toString(), QStringLiteral("Connecting — retry in 5 s"));
    QCOMPARE(link.data(Qt::DecorationRole).value<QColor>(), UiColors::gatewayLink(GatewayStatus::Link::Connecting));
    s.retryInS = -1;
    m_board->publish(s);
    QCOMPARE(link.data().toString(), QStringLiteral("Connecting…"));

    const QDateTime since = kNow.addSecs(-3600);
    s.link = GatewayStatus::Link::Connected;
    s.since = since;
    s.gatewayId = QStringLiteral("gw-serial");
    s.lastMessage = kNow.addSecs(-5);
    s.stored = 1234;
    s.duplicate = 2;
    s.rejected = 1;
    m_board->publish(s);
    QCOMPARE(link.data().toString(), QStringLiteral("Connected since %1").arg(localTime(since)));
    QCOMPARE(link.data(Qt::DecorationRole).value<QColor>(), UiColors::gatewayLink(GatewayStatus::Link::Connected));
    QCOMPARE(text(0, GatewayTableModel::GatewayColumn), QStringLiteral("gw-serial"));
    QCOMPARE(text(0, GatewayTableModel::LastMessageColumn), localTime(s.lastMessage));
    QCOMPARE(text(0, GatewayTableModel::StoredColumn), QLocale().toString(1234));
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France)); // U+202F between thousands
    QCOMPARE(text(0, GatewayTableModel::StoredColumn), QStringLiteral("1\u202f234"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(text(0, GatewayTableModel::StoredColumn), QStringLiteral("1,234"));
    QLocale::setDefault(before);
    QCOMPARE(m_model->index(0, GatewayTableModel::StoredColumn).data(ItemRoles::SortRole).toULongLong(), 1234u);
    QCOMPARE(text(0, GatewayTableModel::DuplicateColumn), QStringLiteral("2"));
    QCOMPARE(text(0, GatewayTableModel::RejectedColumn), QStringLiteral("1"));

    s.link = GatewayStatus::Link::Disconnected;
    s.since = kNow;
    s.lastError = QStringLiteral("Connection reset by peer");
    m_board->publish(s);
    QCOMPARE(link.data().toString(), QStringLiteral("Disconnected since %1").arg(localTime(kNow)));
    QCOMPARE(link.data(Qt::DecorationRole).value<QColor>(), UiColors::gatewayLink(GatewayStatus::Link::Disconnected));
    QCOMPARE(text(0, GatewayTableModel::ErrorColumn), QStringLiteral("Connection reset by peer"));

    // A day later, the date says it was not today.
    m_clock->advance(86400 * 1000LL);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->refreshTimes();
    QCOMPARE(changed.size(), 2);
    QVERIFY(link.data().toString() != QStringLiteral("Disconnected since %1").arg(localTime(kNow)));
    QVERIFY(link.data().toString().endsWith(localTime(kNow)));
}

void TestGatewayTableModel::updatesRowsInPlaceAndCounts()
{
    m_model->setBoard(m_board.get());
    GatewayStatus a = tcp(QStringLiteral("gw-a"), QStringLiteral("127.0.0.1:1"));
    GatewayStatus b = tcp(QStringLiteral("gw-b"), QStringLiteral("127.0.0.1:2"));
    m_board->publish(a);
    m_board->publish(b);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy counts(m_model.get(), &GatewayTableModel::countsChanged);
    b.link = GatewayStatus::Link::Connected;
    b.since = kNow;
    m_board->publish(b);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex(), m_model->index(1, 0));
    QCOMPARE(changed.constFirst().at(1).toModelIndex(), m_model->index(1, GatewayTableModel::ColumnCount - 1));
    QCOMPARE(m_model->connectedCount(), 1);
    QCOMPARE(counts.constLast(), (QVariantList{1, 2}));

    // Counters moving do not change the counts.
    b.stored = 10;
    m_board->publish(b);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(counts.size(), 1);
    m_board->publish(b); // unchanged: the board says nothing
    QCOMPARE(changed.size(), 2);
}

void TestGatewayTableModel::sortsProblemsFirst()
{
    m_model->setBoard(m_board.get());
    GatewayStatus up = tcp(QStringLiteral("gw-up"), QStringLiteral("127.0.0.1:1"));
    up.link = GatewayStatus::Link::Connected;
    GatewayStatus down = tcp(QStringLiteral("gw-down"), QStringLiteral("127.0.0.1:2"));
    down.link = GatewayStatus::Link::Disconnected;
    GatewayStatus waiting = tcp(QStringLiteral("gw-waiting"), QStringLiteral("127.0.0.1:3"));
    m_board->publish(up);
    m_board->publish(down);
    m_board->publish(waiting);
    QStringList names;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        names.append(m_proxy->index(r, GatewayTableModel::GatewayColumn).data().toString());
    QCOMPARE(names, (QStringList{QStringLiteral("gw-down"), QStringLiteral("gw-waiting"), QStringLiteral("gw-up")}));
}

void TestGatewayTableModel::forgetsADestroyedBoard()
{
    m_model->setBoard(m_board.get());
    m_board->publish(tcp(QStringLiteral("gw-a"), QStringLiteral("127.0.0.1:1")));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy counts(m_model.get(), &GatewayTableModel::countsChanged);
    m_board.reset();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->board(), nullptr);
    QCOMPARE(counts.constLast(), (QVariantList{0, 0}));

    // And a model set back to no board is empty too.
    auto board = std::make_unique<GatewayStatusBoard>();
    board->publish(serial(QStringLiteral("/dev/ttyS0")));
    m_model->setBoard(board.get());
    QCOMPARE(m_model->rowCount(), 1);
    m_model->setBoard(nullptr);
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_MAIN(TestGatewayTableModel)
#include "tst_gatewaytablemodel.moc"
