#include "actionsink.h"
#include "alarmcommands.h"
#include "alarmdetailpane.h"
#include "alarmtablemodel.h"
#include "devicepanel.h"
#include "devicetablemodel.h"
#include "gatewaytablemodel.h"
#include "itemroles.h"
#include "journalbuilder.h"
#include "mainwindow.h"
#include "manualalarmdialog.h"
#include "mapmarkers.h"
#include "mapwidget.h"
#include "reportformat.h"
#include "reportperiod.h"
#include "tableview.h"

#include <QAction>
#include <QDialog>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace relais;

namespace {

// The window ages alarms with the system clock: a journal that started 25 minutes ago.
QDateTime start()
{
    return QDateTime::currentDateTimeUtc().addSecs(-25 * 60);
}

} // namespace

namespace {

// An ActionSink that judges the entries as the store does (all of them on a copy of the state;
// in either mode here, all or nothing) and commits them into the live state, numbered.
struct StoreLikeSink final : ActionSink
{
    explicit StoreLikeSink(LiveState *live) : state(live) {}
    LiveState *state;
    QList<JournalEntry> submitted; // what was committed
    qint64 seq = 1000;
    void submit(const QList<JournalEntry> &entries, Mode, Done done) override
    {
        QList<JournalEntry> committed = entries;
        DispatchState trial = state->state();
        QList<Status> results;
        for (JournalEntry &e : committed) {
            e.seq = ++seq;
            const Result<DispatchState::Changes> r = trial.apply(e);
            results.append(r.ok() ? Status() : Status(r.error()));
        }
        if (std::all_of(results.cbegin(), results.cend(), [](const Status &st) { return st.ok(); })) {
            submitted += committed;
            state->applyCommitted(committed);
        }
        done(results);
    }
};

// An action shown in a menu, by name: the menu's own or one it shares (the window's Alarm
// commands are not the menu's children, so findChild would miss them).
QAction *menuAction(const QMenu &menu, const QString &name)
{
    const QList<QAction *> actions = menu.actions();
    const auto it =
        std::find_if(actions.cbegin(), actions.cend(), [&name](const QAction *a) { return a->objectName() == name; });
    return it == actions.cend() ? nullptr : *it;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheDocksAndTheirRows();
    void showsDevicesAndGatewaysBehindTabs();
    void showsGatewayLinks();
    void bringsTheQueueForwardOnANewAlarm();
    void hasMenusWithShortcuts();
    void choosesTheMostUrgentAlarmWhenNoneIsChosen();
    void exportsReportsFromTheFileMenu();
    void aboutNamesVersionLicencesAndMapData();
    void showsCountsAndStatusInTheStatusBar();
    void followsLiveChanges();
    void resetsTheLayout();
    void quitClosesTheWindow();
    void paintsSomethingLegible();
    void keepsLayoutOnlyWithAnOrganisation();
    void shortensTheDataDir();
    void mapAndAlarmListShareTheSelection();
    void acknowledgesFromTheMap();
    void viewMenuDrivesTheMap();
    void dispatchesFromTheMap();
    void createsAManualAlarmFromTheMap();
    void fillsTheMapMenuWithTheSharedCommands();
    void alarmMenuActsOnTheChosenAlarm();
    void escalatedAlarmsAskForACall();

private:
    std::unique_ptr<JournalBuilder> m_journal;
    std::unique_ptr<LiveState> m_state;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QString());
}

void TestMainWindow::init()
{
    m_journal = std::make_unique<JournalBuilder>(start());
    m_state = std::make_unique<LiveState>();
    JournalBuilder &j = *m_journal;
    DispatchState snapshot;
    const QList<JournalEntry> entries{
        j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-101"), QStringLiteral("12 rue des Lilas, Lyon"), 45.76,
                         4.83),
        j.registerDevice(QStringLiteral("d2"), QStringLiteral("B-202"), QStringLiteral("3 place du Marché, Lyon"),
                         45.75, 4.84),
        j.registerHelper(QStringLiteral("h1"), QStringLiteral("Claire Martin"), {QStringLiteral("first_aid")}),
        j.registerHelper(QStringLiteral("h2"), QStringLiteral("Bruno Petit"), {QStringLiteral("keys")}),
        j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h1")),
        j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("door")),
        j.advance(90).deviceAlarm(QStringLiteral("d2"), QStringLiteral("fall")),
        j.advance(90).deviceAlarm(QStringLiteral("ghost"), QStringLiteral("smoke")),
        j.alarmAction(EntryKind::AlarmAcknowledged, 2),
        j.createMission(2),
    };
    for (const JournalEntry &e : entries)
        QVERIFY2(snapshot.apply(e).ok(), qPrintable(e.kind));
    m_state->reset(snapshot);
    m_window = std::make_unique<MainWindow>(m_state.get(), QDir::homePath() + QStringLiteral("/relais/data"));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_state.reset();
}

void TestMainWindow::showsTheDocksAndTheirRows()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Relais"));
    QVERIFY(qobject_cast<MapWidget *>(m_window->centralWidget()));

    const struct
    {
        const char *dock;
        const char *table;
        QString title;
        int rows;
    } expected[] = {
        {"alarmsDock", "alarmTable", QStringLiteral("Alarms"), 3},
        {"helpersDock", "helperTable", QStringLiteral("Helpers"), 2},
        {"missionsDock", "missionTable", QStringLiteral("Missions"), 1},
    };
    for (const auto &e : expected) {
        auto *dock = m_window->findChild<QDockWidget *>(QLatin1StringView(e.dock));
        QVERIFY2(dock, e.dock);
        QVERIFY(dock->isVisible());
        QCOMPARE(dock->windowTitle(), e.title);
        auto *table = dock->findChild<QTableView *>(QLatin1StringView(e.table));
        QVERIFY2(table, e.table);
        QCOMPARE(table->model()->rowCount(), e.rows);
        QVERIFY(table->isSortingEnabled());
        QVERIFY(table->visualRect(table->model()->index(e.rows - 1, 0)).isValid());
    }

    // The queue: critical first (the fall, then the smoke raised later), the door last.
    auto *alarms = m_window->findChild<QTableView *>(QStringLiteral("alarmTable"));
    QCOMPARE(alarms->model()->index(0, AlarmTableModel::KindColumn).data().toString(), QStringLiteral("Fall"));
    QCOMPARE(alarms->model()->index(1, AlarmTableModel::KindColumn).data().toString(), QStringLiteral("Smoke / fire"));
    QCOMPARE(alarms->model()->index(2, AlarmTableModel::KindColumn).data().toString(),
             QStringLiteral("Door / contact"));
    QCOMPARE(alarms->model()->index(1, AlarmTableModel::PlaceColumn).data().toString(),
             QStringLiteral("ghost (unregistered)"));
    QCOMPARE(alarms->horizontalHeader()->sortIndicatorSection(), int(AlarmTableModel::SeverityColumn));
}

void TestMainWindow::showsDevicesAndGatewaysBehindTabs()
{
    auto *helpers = m_window->findChild<QDockWidget *>(QStringLiteral("helpersDock"));
    auto *alarms = m_window->findChild<QDockWidget *>(QStringLiteral("alarmsDock"));
    auto *devices = m_window->findChild<QDockWidget *>(QStringLiteral("devicesDock"));
    auto *gateways = m_window->findChild<QDockWidget *>(QStringLiteral("gatewaysDock"));
    QVERIFY(devices && gateways);
    QCOMPARE(devices->windowTitle(), QStringLiteral("Devices"));
    QCOMPARE(gateways->windowTitle(), QStringLiteral("Gateways"));
    QCOMPARE(m_window->dockWidgetArea(devices), Qt::RightDockWidgetArea);
    QCOMPARE(m_window->dockWidgetArea(gateways), Qt::BottomDockWidgetArea);
    QVERIFY(m_window->tabifiedDockWidgets(helpers).contains(devices));
    QVERIFY(m_window->tabifiedDockWidgets(alarms).contains(gateways));
    // The docks read all the time are the ones in front.
    QVERIFY(helpers->isVisible() && alarms->isVisible());
    QVERIFY(!helpers->visibleRegion().isEmpty());
    QVERIFY(!alarms->visibleRegion().isEmpty());

    // The registry shows every device, from LiveState.
    auto *table = devices->findChild<QTableView *>(QStringLiteral("deviceTable"));
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(m_window->deviceModel()->rowCount(), 2);
    QVERIFY(table->isSortingEnabled());
    QCOMPARE(m_window->devicePanel()->table(), table);
    // Raised by its toggle's shortcut... or by opening the Devices menu.
    devices->raise();
    QTRY_VERIFY(!devices->visibleRegion().isEmpty());
    QVERIFY(table->visualRect(table->model()->index(1, 0)).isValid());
    QCOMPARE(table->model()->index(0, DeviceTableModel::IdColumn).data().toString(), QStringLiteral("d1"));

    // The filter keeps the rows whose texts contain what is typed.
    auto *filter = devices->findChild<QLineEdit *>(QStringLiteral("deviceFilter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("PLACE du"));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, DeviceTableModel::IdColumn).data().toString(), QStringLiteral("d2"));
    filter->clear();
    QCOMPARE(table->model()->rowCount(), 2);

    // No board: the gateways table says so, and the status bar says nothing of gateways.
    auto *gatewayTable = qobject_cast<TableView *>(gateways->findChild<QTableView *>(QStringLiteral("gatewayTable")));
    QVERIFY(gatewayTable);
    QCOMPARE(gatewayTable->model()->rowCount(), 0);
    QCOMPARE(gatewayTable->placeholderText(), QStringLiteral("No gateway configured"));
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("gatewayCountLabel"))->isVisible());
}

void TestMainWindow::showsGatewayLinks()
{
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("gatewayCountLabel"));
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("gatewayTable"));
    GatewayStatusBoard board;
    m_window->setGatewayBoard(&board);
    QCOMPARE(m_window->gatewayModel()->board(), &board);
    QVERIFY(!label->isVisible());

    GatewayStatus north;
    north.key = QStringLiteral("gateway:gw-north");
    north.gatewayId = QStringLiteral("gw-north");
    north.transport = QStringLiteral("tcp");
    north.peer = QStringLiteral("127.0.0.1:50312");
    north.link = GatewayStatus::Link::Connected;
    north.since = QDateTime::currentDateTimeUtc();
    GatewayStatus usb;
    usb.key = QStringLiteral("serial:/dev/ttyUSB0");
    usb.transport = QStringLiteral("serial");
    usb.peer = QStringLiteral("/dev/ttyUSB0");
    usb.link = GatewayStatus::Link::Connecting;
    usb.retryInS = 4;
    GatewayStatus south = north;
    south.key = QStringLiteral("gateway:gw-south");
    south.gatewayId = QStringLiteral("gw-south");
    board.publish(north);
    board.publish(usb);
    board.publish(south);
    QCOMPARE(table->model()->rowCount(), 3);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), QStringLiteral("Gateways: 2/3 connected"));
    QVERIFY(label->toolTip().contains(QStringLiteral("/dev/ttyUSB0: Connecting — retry in 4 s")));
    // Links in trouble first.
    QCOMPARE(table->model()->index(0, GatewayTableModel::GatewayColumn).data().toString(),
             QStringLiteral("/dev/ttyUSB0"));

    south.link = GatewayStatus::Link::Disconnected;
    south.lastError = QStringLiteral("Connection reset by peer");
    board.publish(south);
    QCOMPARE(label->text(), QStringLiteral("Gateways: 1/3 connected"));
    QVERIFY(label->toolTip().contains(QStringLiteral("gw-south: Disconnected since")));
    QCOMPARE(table->model()->index(0, GatewayTableModel::GatewayColumn).data().toString(), QStringLiteral("gw-south"));

    m_window->setGatewayBoard(nullptr);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(!label->isVisible());
}

void TestMainWindow::bringsTheQueueForwardOnANewAlarm()
{
    auto *alarms = m_window->findChild<QDockWidget *>(QStringLiteral("alarmsDock"));
    auto *gateways = m_window->findChild<QDockWidget *>(QStringLiteral("gatewaysDock"));
    // Docks behind a tab are moved out of sight, not hidden: what is seen is what is not covered.
    const auto inFront = [](const QDockWidget *dock) {
        return !dock->visibleRegion().isEmpty();
    };
    gateways->raise();
    QTRY_VERIFY(inFront(gateways));
    QVERIFY(!inFront(alarms));

    // A change that is not a new alarm leaves the operator where they are.
    JournalBuilder &j = *m_journal;
    QCOMPARE(JournalBuilder::commit(*m_state, {j.alarmAction(EntryKind::AlarmAcknowledged, 1)}), QString());
    QTest::qWait(50);
    QVERIFY(!inFront(alarms));

    QCOMPARE(
        JournalBuilder::commit(*m_state, {j.advance(10).deviceAlarm(QStringLiteral("d2"), QStringLiteral("panic"))}),
        QString());
    QTRY_VERIFY(inFront(alarms));
    QVERIFY(!inFront(gateways));

    // A queue the operator closed stays closed.
    alarms->close();
    QCOMPARE(
        JournalBuilder::commit(*m_state, {j.advance(10).deviceAlarm(QStringLiteral("d1"), QStringLiteral("panic"))}),
        QString());
    QTest::qWait(50);
    QVERIFY(!alarms->isVisible());
}

void TestMainWindow::hasMenusWithShortcuts()
{
    const struct
    {
        const char *name;
        QKeySequence shortcut;
    } expected[] = {
        {"quitAction", QKeySequence(Qt::CTRL | Qt::Key_Q)},
        {"toggleAlarmsAction", QKeySequence(Qt::CTRL | Qt::Key_1)},
        {"toggleHelpersAction", QKeySequence(Qt::CTRL | Qt::Key_2)},
        {"toggleMissionsAction", QKeySequence(Qt::CTRL | Qt::Key_3)},
        {"toggleDevicesAction", QKeySequence(Qt::CTRL | Qt::Key_4)},
        {"toggleGatewaysAction", QKeySequence(Qt::CTRL | Qt::Key_5)},
        {"removeDeviceAction", QKeySequence(QKeySequence::Delete)},
        {"toggleAlarmDetailAction", QKeySequence(Qt::CTRL | Qt::Key_6)},
        {"toggleLogAction", QKeySequence(Qt::CTRL | Qt::Key_7)},
        {"filterOpenAlarmsAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_1)},
        {"filterAllAlarmsAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
        {"filterMyAlarmsAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y)},
        {"assignToAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_T)},
        {"cancelOffersAlarmAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)},
        {"enRouteAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_E)},
        {"onSceneAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_G)},
        {"outcomeAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_I)},
        {"closeAlarmAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
        {"cancelAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_Delete)},
        {"noteAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_M)},
        {"muteSoundsAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)},
        {"startShiftAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
        {"endShiftAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
        {"exportReportAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X)},
        {"settingsAction", QKeySequence(Qt::CTRL | Qt::Key_Comma)},
        {"showFinishedMissionsAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)},
        {"resetLayoutAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
        {"fitOpenAlarmsAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)},
        {"showDevicesOnMapAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)},
        {"newAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_N)},
        {"acknowledgeAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_Return)},
        {"assignNearestAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_D)},
        {"offerNearbyAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_O)},
        {"centreAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_L)},
        {"shortcutsAction", QKeySequence(Qt::CTRL | Qt::Key_F1)},
        {"aboutAction", QKeySequence(Qt::Key_F1)},
        {"aboutQtAction", QKeySequence(Qt::SHIFT | Qt::Key_F1)},
    };
    QSet<QKeySequence> seen;
    const QString listed = m_window->shortcutsText();
    for (const auto &e : expected) {
        // Help lists every shortcut.
        QVERIFY2(listed.contains(e.shortcut.toString(QKeySequence::NativeText).toHtmlEscaped()), e.name);
        auto *action = m_window->findChild<QAction *>(QLatin1StringView(e.name));
        QVERIFY2(action, e.name);
        QCOMPARE(action->shortcut(), e.shortcut);
        QVERIFY2(!seen.contains(e.shortcut), e.name);
        seen.insert(e.shortcut);
        QVERIFY2(!action->text().isEmpty(), e.name);
        // Every action is reachable from a menu.
        QVERIFY2(!action->associatedObjects().isEmpty(), e.name);
    }

    QStringList menus;
    const QList<QAction *> top = m_window->menuBar()->actions();
    for (const QAction *a : top)
        menus.append(a->text());
    QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("A&larm"),
                                 QStringLiteral("&Devices"), QStringLiteral("&Help")}));
    // The registry's actions are in the Devices menu, disabled while no ActionSink is set.
    for (const char *name : {"addDeviceAction", "editDeviceAction", "removeDeviceAction", "importDevicesAction"}) {
        auto *action = m_window->findChild<QAction *>(QLatin1StringView(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->text().isEmpty(), name);
        QVERIFY2(action->text().endsWith(QStringLiteral("…")), name); // each opens a dialog
        QVERIFY2(!action->isEnabled(), name);
        QVERIFY2(!action->associatedObjects().isEmpty(), name);
    }

    // The dock toggles really toggle.
    auto *toggle = m_window->findChild<QAction *>(QStringLiteral("toggleHelpersAction"));
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("helpersDock"));
    toggle->trigger();
    QVERIFY(!dock->isVisible());
    toggle->trigger();
    QVERIFY(dock->isVisible());

    // Closed alarms on demand.
    auto *alarms = m_window->findChild<QTableView *>(QStringLiteral("alarmTable"));
    QVERIFY(JournalBuilder::commit(*m_state, {m_journal->deviceRestore(QStringLiteral("d1"), QStringLiteral("door"))})
                .isEmpty());
    QCOMPARE(alarms->model()->rowCount(), 2);
    m_window->findChild<QAction *>(QStringLiteral("filterAllAlarmsAction"))->trigger();
    QCOMPARE(alarms->model()->rowCount(), 3);
    QCOMPARE(qobject_cast<TableView *>(alarms)->placeholderText(), QStringLiteral("No alarms"));
    // Mine: the alarms this operator did something on (none yet, then the one acknowledged).
    m_window->findChild<QAction *>(QStringLiteral("filterMyAlarmsAction"))->trigger();
    QCOMPARE(m_window->alarmFilter(), MainWindow::AlarmFilter::Mine);
    QCOMPARE(alarms->model()->rowCount(), 0);
    qint64 someAlarm = 0;
    for (const Alarm &a : m_state->state().alarms()) {
        if (a.state() == Alarm::State::New)
            someAlarm = a.id();
    }
    QVERIFY(someAlarm);
    QVERIFY(JournalBuilder::commit(
                *m_state, {m_journal->entry(EntryKind::AlarmAcknowledged, {{QStringLiteral("alarm"), someAlarm}},
                                            Actor::operatorNamed(m_window->operatorName()))})
                .isEmpty());
    QCOMPARE(alarms->model()->rowCount(), 1);
    QCOMPARE(alarms->model()->index(0, 0).data(ItemRoles::IdRole).toLongLong(), someAlarm);
    m_window->findChild<QAction *>(QStringLiteral("filterOpenAlarmsAction"))->trigger();
    QCOMPARE(alarms->model()->rowCount(), 2);
    QCOMPARE(qobject_cast<TableView *>(alarms)->placeholderText(), QStringLiteral("No open alarms"));
}

void TestMainWindow::choosesTheMostUrgentAlarmWhenNoneIsChosen()
{
    // A window opened on a desk with open alarms shows the most urgent one whole at once.
    QVERIFY(m_state->state().alarms().size() >= 2);
    MainWindow window(m_state.get(), QDir::homePath() + QStringLiteral("/relais/data"));
    auto *pane = window.findChild<AlarmDetailPane *>();
    QVERIFY(pane);
    const QModelIndex first = window.findChild<QTableView *>(QStringLiteral("alarmTable"))->model()->index(0, 0);
    QVERIFY(first.isValid());
    QCOMPARE(pane->alarmId(), first.data(ItemRoles::IdRole).toLongLong());
}

void TestMainWindow::exportsReportsFromTheFileMenu()
{
    // The File menu's export writes the core's reports, atomically, where it is told.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("shift.csv"));
    ReportFormat format = ReportFormat::forLocale(QLocale(QLocale::French));
    const ReportPeriod all{QDateTime(), QDateTime()};
    QString error;
    QVERIFY2(m_window->exportReport(ReportKind::Shift, all, format, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QVERIFY(csv.startsWith("\xEF\xBB\xBF")); // the byte-order mark for spreadsheets, in French
    const QList<QByteArray> lines = csv.mid(3).split('\n');
    QVERIFY(lines.first().startsWith("alarm_id;kind;severity"));
    QCOMPARE(lines.size() - 2, m_state->state().alarms().size()); // a row per alarm, then the final CRLF
    // A folder that does not exist: refused with the reason, nothing written.
    QVERIFY(!m_window->exportReport(ReportKind::Transparency, all, format,
                                    dir.filePath(QStringLiteral("no/such/dir/t.csv")), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("exportReportAction")));
}

void TestMainWindow::aboutNamesVersionLicencesAndMapData()
{
    const QString text = MainWindow::aboutText();
    QVERIFY(text.contains(QStringLiteral(RELAIS_VERSION)));
    QVERIFY(text.contains(QLatin1StringView(qVersion())));
    QVERIFY(text.contains(QStringLiteral("GPL-3.0-or-later")));
    QVERIFY(text.contains(QStringLiteral("LGPLv3")));
    QVERIFY(text.contains(QStringLiteral("OpenStreetMap")));
    QVERIFY(text.contains(QStringLiteral("ODbL")));

    // The box opens without blocking, parented to the window.
    m_window->findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("aboutBox"));
    QVERIFY(box);
    QVERIFY(QTest::qWaitForWindowExposed(box));
    QVERIFY(box->text().contains(QStringLiteral(RELAIS_VERSION)));
    QVERIFY(box->text().contains(QStringLiteral("OpenStreetMap")));
    QCOMPARE(box->windowTitle(), QStringLiteral("About Relais"));
    box->close();
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("aboutBox")));
}

void TestMainWindow::showsCountsAndStatusInTheStatusBar()
{
    auto *alarms = m_window->findChild<QLabel *>(QStringLiteral("alarmCountLabel"));
    auto *helpers = m_window->findChild<QLabel *>(QStringLiteral("helperCountLabel"));
    auto *store = m_window->findChild<QLabel *>(QStringLiteral("storeStatusLabel"));
    auto *dataDir = m_window->findChild<QLabel *>(QStringLiteral("dataDirLabel"));
    QVERIFY(alarms && helpers && store && dataDir);
    QCOMPARE(alarms->text(), QStringLiteral("Open alarms: 3"));
    QCOMPARE(helpers->text(), QStringLiteral("Helpers on duty: 1 (1 available)"));
    QVERIFY2(dataDir->text().contains(QStringLiteral("~/relais/data")), qPrintable(dataDir->text()));
    QCOMPARE(dataDir->toolTip(), QDir::toNativeSeparators(QDir::homePath() + QStringLiteral("/relais/data")));

    QVERIFY(!store->isVisible());
    m_window->showStoreStatus(QStringLiteral("Journal: relais.sqlite"), QStringLiteral("/srv/relais/relais.sqlite"));
    QCOMPARE(store->text(), QStringLiteral("Journal: relais.sqlite"));
    QCOMPARE(store->toolTip(), QStringLiteral("/srv/relais/relais.sqlite"));
    QVERIFY(store->isVisible());

    m_window->showError(QStringLiteral("Gateway lora-1: connection refused"));
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Gateway lora-1: connection refused"));
    QVERIFY(QApplication::activeModalWidget() == nullptr); // never a dialog
    QVERIFY(alarms->isVisible());                          // the counts stay in view while a message shows
}

void TestMainWindow::followsLiveChanges()
{
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("alarmTable"));
    auto *count = m_window->findChild<QLabel *>(QStringLiteral("alarmCountLabel"));
    JournalBuilder &j = *m_journal;
    QCOMPARE(JournalBuilder::commit(*m_state, {j.advance(30).deviceAlarm(QStringLiteral("d1"), QStringLiteral("panic")),
                                               j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h2"))}),
             QString());
    QCOMPARE(table->model()->rowCount(), 4);
    QCOMPARE(table->model()->index(2, AlarmTableModel::KindColumn).data().toString(),
             QStringLiteral("Personal emergency"));
    QCOMPARE(count->text(), QStringLiteral("Open alarms: 4"));
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("helperCountLabel"))->text(),
             QStringLiteral("Helpers on duty: 2 (2 available)"));
}

void TestMainWindow::resetsTheLayout()
{
    auto *helpers = m_window->findChild<QDockWidget *>(QStringLiteral("helpersDock"));
    auto *alarms = m_window->findChild<QDockWidget *>(QStringLiteral("alarmsDock"));
    helpers->hide();
    alarms->setFloating(true);
    m_window->addDockWidget(Qt::LeftDockWidgetArea, m_window->findChild<QDockWidget *>(QStringLiteral("missionsDock")));

    m_window->findChild<QAction *>(QStringLiteral("resetLayoutAction"))->trigger();
    QVERIFY(helpers->isVisible());
    QVERIFY(!alarms->isFloating());
    QCOMPARE(m_window->dockWidgetArea(alarms), Qt::BottomDockWidgetArea);
    QCOMPARE(m_window->dockWidgetArea(helpers), Qt::RightDockWidgetArea);
    QCOMPARE(m_window->dockWidgetArea(m_window->findChild<QDockWidget *>(QStringLiteral("missionsDock"))),
             Qt::RightDockWidgetArea);
    // The alarm queue spans the whole width under the map and the right-hand column.
    QCOMPARE(m_window->corner(Qt::BottomRightCorner), Qt::BottomDockWidgetArea);
    // The registry behind the helpers, the gateways behind the alarms.
    auto *devices = m_window->findChild<QDockWidget *>(QStringLiteral("devicesDock"));
    auto *gateways = m_window->findChild<QDockWidget *>(QStringLiteral("gatewaysDock"));
    QVERIFY(m_window->tabifiedDockWidgets(helpers).contains(devices));
    QVERIFY(m_window->tabifiedDockWidgets(alarms).contains(gateways));
}

void TestMainWindow::quitClosesTheWindow()
{
    m_window->findChild<QAction *>(QStringLiteral("quitAction"))->trigger();
    QVERIFY(!m_window->isVisible());
}

void TestMainWindow::paintsSomethingLegible()
{
    // A busier desk than the other tests need, closer to what a dispatcher sees.
    JournalBuilder &j = *m_journal;
    QList<JournalEntry> more{
        j.registerDevice(QStringLiteral("d3"), QStringLiteral("B-303"), QString(), 45.77, 4.85),
        j.registerDevice(QStringLiteral("d4"), QStringLiteral("B-404"), QStringLiteral("Gymnase Jean Macé"), 45.74,
                         4.84),
        j.registerHelper(QStringLiteral("h3"), QStringLiteral("Amélie Roux"),
                         {QStringLiteral("first_aid"), QStringLiteral("keys")}),
        j.registerHelper(QStringLiteral("h4"), QStringLiteral("Yves Durand")),
        j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h3")),
        j.helperAction(EntryKind::HelperOnDuty, QStringLiteral("h4")),
        j.advance(120).deviceAlarm(QStringLiteral("d3"), QStringLiteral("low_battery")),
        j.advance(60).deviceAlarm(QStringLiteral("d4"), QStringLiteral("intrusion")),
        j.deviceAlarm(QStringLiteral("d4"), QStringLiteral("intrusion")),
        j.advance(200).deviceAlarm(QStringLiteral("d1"), QStringLiteral("panic")),
        j.offer(1, QStringLiteral("h1"), 350),
        j.offer(1, QStringLiteral("h3"), 800),
        j.answer(1, QStringLiteral("h3"), QStringLiteral("accepted")),
        j.missionAction(EntryKind::MissionEnRoute, 1),
        j.alarmAction(EntryKind::AlarmAcknowledged, 4),
        j.createMission(4, QStringLiteral("maintenance")),
    };
    QCOMPARE(JournalBuilder::commit(*m_state, more), QString());
    m_window->showStoreStatus(QStringLiteral("Journal OK"));
    QTest::qWait(50);

    const QImage image = m_window->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());

    // Not blank: many colours (text, swatches, tints), and no single colour covering almost everything.
    QHash<QRgb, int> histogram;
    for (int y = 0; y < image.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); x += 2)
            ++histogram[line[x]];
    }
    int samples = 0;
    int largest = 0;
    for (int n : std::as_const(histogram)) {
        samples += n;
        largest = std::max(largest, n);
    }
    QVERIFY2(histogram.size() > 50, qPrintable(QString::number(histogram.size())));
    QVERIFY(largest < samples * 9 / 10);

    // The severity colour of the critical alarm is on screen (its swatch).
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("alarmTable"));
    const QImage tableImage = table->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QRgb red = QColor(0xd3, 0x2f, 0x2f).rgb();
    bool found = false;
    for (int y = 0; y < tableImage.height() && !found; ++y) {
        for (int x = 0; x < tableImage.width() && !found; ++x)
            found = tableImage.pixel(x, y) == red;
    }
    QVERIFY(found);

    // For people who review the look: RELAIS_SCREENSHOT=/tmp/relais.png saves the window.
    if (const QString path = qEnvironmentVariable("RELAIS_SCREENSHOT"); !path.isEmpty())
        QVERIFY(image.save(path));
}

void TestMainWindow::keepsLayoutOnlyWithAnOrganisation()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());

    // No organisation: nothing written.
    m_window->close();
    QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());

    QCoreApplication::setOrganizationName(QStringLiteral("RelaisTest"));
    auto restoreOrganisation = qScopeGuard([] { QCoreApplication::setOrganizationName(QString()); });
    {
        MainWindow first(m_state.get(), dir.path());
        first.resize(1000, 700);
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.findChild<QDockWidget *>(QStringLiteral("missionsDock"))->hide();
        first.close();
    }
    {
        const QSettings settings;
        QVERIFY(settings.contains(QStringLiteral("ui/geometry")));
        QVERIFY(settings.contains(QStringLiteral("ui/state")));
        QVERIFY2(settings.fileName().startsWith(dir.path()), qPrintable(settings.fileName()));
    }
    MainWindow second(m_state.get(), dir.path());
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QCOMPARE(second.size(), QSize(1000, 700));
    QVERIFY(!second.findChild<QDockWidget *>(QStringLiteral("missionsDock"))->isVisible());
    QVERIFY(second.findChild<QDockWidget *>(QStringLiteral("alarmsDock"))->isVisible());
}

void TestMainWindow::shortensTheDataDir()
{
    const QString home = QDir::homePath();
    QCOMPARE(MainWindow::shortenedPath(home + QStringLiteral("/relais")), QStringLiteral("~/relais"));
    QCOMPARE(MainWindow::shortenedPath(QStringLiteral("/var/lib/relais")), QStringLiteral("/var/lib/relais"));
    QCOMPARE(MainWindow::shortenedPath(QStringLiteral("/srv/associations/quartier-nord/relais/desk-2/data")),
             QStringLiteral("…/desk-2/data"));
    QCOMPARE(MainWindow::shortenedPath(QStringLiteral("/tmp/shot/data/Relais/relais/demo")),
             QStringLiteral("…/relais/demo"));
    // A sibling of the home directory is not under it.
    QCOMPARE(MainWindow::shortenedPath(home + QStringLiteral("x/data")), home + QStringLiteral("x/data"));
}

void TestMainWindow::mapAndAlarmListShareTheSelection()
{
    auto *map = m_window->findChild<MapWidget *>(QStringLiteral("map"));
    QVERIFY(map);
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("alarmTable"));
    // The list chooses: the map highlights.
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const qint64 id = table->model()->index(row, 0).data(ItemRoles::IdRole).toLongLong();
        table->setCurrentIndex(table->model()->index(row, 1));
        QCOMPARE(map->selectedAlarm(), id);
    }
    // The map chooses (a click on a marker): the list follows.
    map->setCenter(QGeoCoordinate(45.76, 4.83));
    map->setZoom(16);
    QTest::mouseClick(map, Qt::LeftButton, Qt::NoModifier, map->toScreen(QGeoCoordinate(45.76, 4.83)).toPoint());
    QCOMPARE(map->selectedAlarm(), 1);
    QCOMPARE(table->currentIndex().data(ItemRoles::IdRole).toLongLong(), 1);

    auto *helpers = m_window->findChild<QTableView *>(QStringLiteral("helperTable"));
    helpers->setCurrentIndex(helpers->model()->index(0, 0));
    QCOMPARE(map->selectedHelper(), helpers->model()->index(0, 0).data(ItemRoles::IdRole).toString());
}

void TestMainWindow::acknowledgesFromTheMap()
{
    StoreLikeSink sink(m_state.get());
    auto *map = m_window->findChild<MapWidget *>(QStringLiteral("map"));
    map->setView(QGeoCoordinate(45.76, 4.83), 16);
    const QPointF alarmAt = map->toScreen(QGeoCoordinate(45.76, 4.83));

    // Read-only window: no acknowledge entry would work, none is offered... the entry is
    // there (the window handles it) and says why it cannot.
    m_window->setActionSink(&sink);
    std::unique_ptr<QMenu> menu(map->createContextMenu(alarmAt));
    QAction *ack = menuAction(*menu, QStringLiteral("acknowledgeAlarmAction"));
    QVERIFY(ack);
    // Dispatching is there too (dispatchesFromTheMap).
    QVERIFY(menuAction(*menu, QStringLiteral("assignNearestAlarmAction")));
    QVERIFY(menuAction(*menu, QStringLiteral("offerNearbyAlarmAction")));
    ack->trigger();
    QCOMPARE(sink.submitted.size(), 1);
    QCOMPARE(sink.submitted.first().kind, QString(EntryKind::AlarmAcknowledged));
    QCOMPARE(sink.submitted.first().payload.value(QStringLiteral("alarm")).toInteger(), 1);
    QCOMPARE(m_state->state().alarm(1)->state(), Alarm::State::Acknowledged);
    // Acknowledged: no more entry for it.
    map->markers()->flush();
    menu.reset(map->createContextMenu(alarmAt));
    QVERIFY(!menuAction(*menu, QStringLiteral("acknowledgeAlarmAction")));
    m_window->setActionSink(nullptr);
}

QTEST_MAIN(TestMainWindow)
void TestMainWindow::viewMenuDrivesTheMap()
{
    auto *map = m_window->findChild<MapWidget *>(QStringLiteral("map"));
    auto *devices = m_window->findChild<QAction *>(QStringLiteral("showDevicesOnMapAction"));
    auto *fit = m_window->findChild<QAction *>(QStringLiteral("fitOpenAlarmsAction"));
    QVERIFY(map && devices && fit);
    QVERIFY(!map->showDevices());
    devices->trigger();
    QVERIFY(map->showDevices());
    devices->trigger();
    QVERIFY(!map->showDevices());

    // Far away and far out: fitting brings every open alarm into view.
    map->setView(QGeoCoordinate(48.85, 2.35), 5);
    fit->trigger();
    const QRectF inside = QRectF(map->rect()).adjusted(10, 10, -10, -10);
    int open = 0;
    for (const Alarm &a : m_state->state().alarms()) {
        if (!a.isOpen() || !a.position.isValid())
            continue;
        ++open;
        QVERIFY2(inside.contains(map->toScreen(a.position)), qPrintable(QString::number(a.id())));
    }
    QVERIFY(open > 0);
}

void TestMainWindow::dispatchesFromTheMap()
{
    StoreLikeSink sink(m_state.get());
    m_window->setActionSink(&sink);
    auto *map = m_window->findChild<MapWidget *>(QStringLiteral("map"));
    map->setView(QGeoCoordinate(45.76, 4.83), 16);
    const QPointF doorAt = map->toScreen(QGeoCoordinate(45.76, 4.83)); // alarm 1, new

    // Claire is on duty but has sent no position yet: nobody to send, said in the status bar.
    std::unique_ptr<QMenu> menu(map->createContextMenu(doorAt));
    menuAction(*menu, QStringLiteral("assignNearestAlarmAction"))->trigger();
    QVERIFY(sink.submitted.isEmpty());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("No helper is available")),
             qPrintable(m_window->statusBar()->currentMessage()));

    // 200 m away now: she is the nearest; the alarm is acknowledged, its mission made and hers.
    m_state->applyCommitted(
        {m_journal->helperAction(EntryKind::HelperPosition, QStringLiteral("h1"),
                                 {{QStringLiteral("lat"), 45.7618}, {QStringLiteral("lon"), 4.83}})});
    menu.reset(map->createContextMenu(doorAt));
    menuAction(*menu, QStringLiteral("assignNearestAlarmAction"))->trigger();
    QStringList kinds;
    for (const JournalEntry &e : std::as_const(sink.submitted))
        kinds.append(e.kind);
    QCOMPARE(kinds, (QStringList{EntryKind::AlarmAcknowledged, EntryKind::MissionCreated, EntryKind::MissionAssigned}));
    const Alarm *door = m_state->state().alarm(1);
    QCOMPARE(door->state(), Alarm::State::Assigned);
    QCOMPARE(m_state->state().mission(door->missionId)->assignee(), QStringLiteral("h1"));
    QCOMPARE(sink.submitted.last().actor.kind, Actor::Kind::Operator);

    // Nobody else is free: an offer for the fall (alarm 2, whose mission exists) is refused
    // with the reason, and nothing is submitted.
    sink.submitted.clear();
    m_window->alarmCommands()->offerToNearby(2);
    QVERIFY(sink.submitted.isEmpty());
    QVERIFY(!m_window->statusBar()->currentMessage().isEmpty());
    m_window->setActionSink(nullptr);
}

void TestMainWindow::createsAManualAlarmFromTheMap()
{
    StoreLikeSink sink(m_state.get());
    m_window->setActionSink(&sink);
    auto *map = m_window->findChild<MapWidget *>(QStringLiteral("map"));
    map->setView(QGeoCoordinate(45.70, 4.80), 15); // nothing there
    const QPointF empty(100, 100);
    const QGeoCoordinate where = map->toCoordinate(empty);

    std::unique_ptr<QMenu> menu(map->createContextMenu(empty));
    QAction *create = menuAction(*menu, QStringLiteral("createAlarmAction"));
    QVERIFY(create);
    create->trigger();
    auto *dialog = m_window->findChild<QDialog *>(QStringLiteral("manualAlarmDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // The position is there: confirming creates the alarm where the operator clicked.
    auto *caller = dialog->findChild<QLineEdit *>(QStringLiteral("callerEdit"));
    QVERIFY(caller);
    caller->setText(QStringLiteral("Mme Dupont, voisine"));
    dialog->accept();
    QCOMPARE(sink.submitted.size(), 1);
    const JournalEntry &e = sink.submitted.first();
    QCOMPARE(e.kind, QString(EntryKind::AlarmManual));
    QCOMPARE(e.actor.kind, Actor::Kind::Operator);
    const Alarm *alarm = m_state->state().alarm(JournalBuilder::newestAlarm(m_state->state()));
    QVERIFY(alarm && alarm->isOpen() && alarm->deviceId().isEmpty());
    QVERIFY2(alarm->position.distanceTo(where) < 1.0, qPrintable(QString::number(alarm->position.distanceTo(where))));
    QVERIFY(alarm->notes.join(QLatin1Char(' ')).contains(QLatin1String("Mme Dupont")));

    // The File menu opens the same form, empty.
    auto *fromMenu = m_window->findChild<QAction *>(QStringLiteral("newAlarmAction"));
    QVERIFY(fromMenu);
    QCOMPARE(fromMenu->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the first form is gone
    QVERIFY(!m_window->findChild<QDialog *>(QStringLiteral("manualAlarmDialog")));
    fromMenu->trigger();
    auto *second = m_window->findChild<QDialog *>(QStringLiteral("manualAlarmDialog"));
    QTRY_VERIFY(second && second->isVisible());
    QVERIFY(second->findChild<QLineEdit *>(QStringLiteral("latitudeEdit"))->text().isEmpty());
    second->reject();
    QCOMPARE(sink.submitted.size(), 1);
    m_window->setActionSink(nullptr);
}

void TestMainWindow::fillsTheMapMenuWithTheSharedCommands()
{
    // What MapWidget::setContextMenuFiller will call: the Alarm menu's own actions, not copies.
    StoreLikeSink sink(m_state.get());
    m_window->setActionSink(&sink);
    AlarmCommands *commands = m_window->alarmCommands();
    QVERIFY(commands);
    MapWidget::Hit door;
    door.kind = MapWidget::Hit::Kind::Alarm;
    door.alarmId = 1;         // new, at 45.76 4.83
    m_window->selectAlarm(1); // as the map does before it asks
    QMenu menu;
    commands->fillMapMenu(&menu, door, QGeoCoordinate(45.76, 4.83));
    auto *ack = m_window->findChild<QAction *>(QStringLiteral("acknowledgeAlarmAction"));
    QCOMPARE(menuAction(menu, QStringLiteral("acknowledgeAlarmAction")), ack);
    QCOMPARE(menuAction(menu, QStringLiteral("assignNearestAlarmAction")),
             m_window->findChild<QAction *>(QStringLiteral("assignNearestAlarmAction")));
    QCOMPARE(menuAction(menu, QStringLiteral("offerNearbyAlarmAction")),
             m_window->findChild<QAction *>(QStringLiteral("offerNearbyAlarmAction")));
    QVERIFY(!menuAction(menu, QStringLiteral("createAlarmAction")));
    ack->trigger();
    QCOMPARE(sink.submitted.size(), 1);
    QCOMPARE(sink.submitted.first().kind, QString(EntryKind::AlarmAcknowledged));
    QCOMPARE(sink.submitted.first().payload.value(QStringLiteral("alarm")).toInteger(), 1);
    // Acknowledged: no more acknowledge for it.
    QMenu again;
    commands->fillMapMenu(&again, door, QGeoCoordinate(45.76, 4.83));
    QVERIFY(!menuAction(again, QStringLiteral("acknowledgeAlarmAction")));
    QVERIFY(menuAction(again, QStringLiteral("assignNearestAlarmAction")));

    // An empty place: "Create an Alarm Here", which opens the form at that place.
    MapWidget::Hit nothing;
    const QGeoCoordinate where(45.70, 4.80);
    QMenu place;
    commands->fillMapMenu(&place, nothing, where);
    QCOMPARE(place.actions().size(), 1);
    QAction *create = place.findChild<QAction *>(QStringLiteral("createAlarmAction"));
    QVERIFY(create);
    QCOMPARE(create->text(), QStringLiteral("Create an Alarm &Here…"));
    create->trigger();
    auto *dialog = m_window->findChild<ManualAlarmDialog *>(QStringLiteral("manualAlarmDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->alarm().position.distanceTo(where) < 1.0);
    dialog->reject();
    m_window->setActionSink(nullptr);
}

void TestMainWindow::alarmMenuActsOnTheChosenAlarm()
{
    StoreLikeSink sink(m_state.get());
    m_window->setActionSink(&sink);
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("alarmTable"));
    auto *ack = m_window->findChild<QAction *>(QStringLiteral("acknowledgeAlarmAction"));
    auto *assign = m_window->findChild<QAction *>(QStringLiteral("assignNearestAlarmAction"));
    auto *offer = m_window->findChild<QAction *>(QStringLiteral("offerNearbyAlarmAction"));
    auto *centre = m_window->findChild<QAction *>(QStringLiteral("centreAlarmAction"));
    QVERIFY(ack && assign && offer && centre);
    QCOMPARE(ack->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    QCOMPARE(assign->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
    QCOMPARE(offer->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_O));
    QCOMPARE(centre->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));

    // The door (alarm 1, new, at 45.76 4.83) chosen in the list.
    const auto choose = [table](qint64 id) {
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data(ItemRoles::IdRole).toLongLong() == id) {
                table->setCurrentIndex(table->model()->index(row, 1));
                return true;
            }
        }
        return false;
    };
    QVERIFY(choose(1));
    QVERIFY(ack->isEnabled() && assign->isEnabled() && offer->isEnabled() && centre->isEnabled());
    auto *map = m_window->findChild<MapWidget *>(QStringLiteral("map"));
    map->setView(QGeoCoordinate(48.85, 2.35), 8);
    centre->trigger();
    QVERIFY(map->center().distanceTo(QGeoCoordinate(45.76, 4.83)) < 1.0);
    ack->trigger();
    QCOMPARE(sink.submitted.size(), 1);
    QCOMPARE(sink.submitted.first().kind, QString(EntryKind::AlarmAcknowledged));
    QCOMPARE(m_state->state().alarm(1)->state(), Alarm::State::Acknowledged);
    QVERIFY(!ack->isEnabled()); // acknowledged: nothing more to acknowledge
    QVERIFY(assign->isEnabled());

    // The ghost smoke alarm (no position): nothing can be sent there from the keyboard.
    qint64 ghost = 0;
    for (const Alarm &a : m_state->state().alarms()) {
        if (!a.position.isValid())
            ghost = a.id();
    }
    QVERIFY(ghost && choose(ghost));
    QVERIFY(!assign->isEnabled() && !offer->isEnabled() && !centre->isEnabled());
    m_window->setActionSink(nullptr);
}

void TestMainWindow::escalatedAlarmsAskForACall()
{
    auto *bar = m_window->findChild<QToolBar *>(QStringLiteral("attentionBar"));
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("attentionLabel"));
    QVERIFY(bar && label);
    QVERIFY(!bar->isVisible());
    JournalBuilder &j = *m_journal;
    // Stage 1 (not acknowledged) is for the sound and the flashing, not for a call.
    QVERIFY(
        JournalBuilder::commit(*m_state, {j.alarmAction(EntryKind::AlarmEscalated, 1, {{QStringLiteral("stage"), 1}})})
            .isEmpty());
    QVERIFY(!bar->isVisible());
    // Stage 2 on the fall (acknowledged, nobody accepted): the banner asks for a call, with the numbers.
    QVERIFY(
        JournalBuilder::commit(*m_state, {j.alarmAction(EntryKind::AlarmEscalated, 2, {{QStringLiteral("stage"), 2}})})
            .isEmpty());
    QVERIFY(bar->isVisible());
    QVERIFY2(label->text().contains(QLatin1String("Alarm 2")) && label->text().contains(QLatin1String("112"))
                 && label->text().contains(QStringLiteral("3 place du Marché")),
             qPrintable(label->text()));
    QVERIFY(!label->text().contains(QLatin1String("Alarm 1 ")));
    // It stands out: a pale red band, with a red edge on its left.
    const QImage band = label->grab().toImage();
    const QColor back = band.pixelColor(band.width() - 3 * int(band.devicePixelRatio()), band.height() / 2);
    QVERIFY2(back.red() > 240 && back.green() < 245 && back.blue() < 245 && back.red() - back.blue() > 10,
             qPrintable(back.name()));
    const QColor edge = band.pixelColor(1, band.height() / 2);
    QVERIFY2(edge.red() > 150 && edge.green() < 60 && edge.blue() < 60, qPrintable(edge.name()));
    QVERIFY(QApplication::activeModalWidget() == nullptr); // never a dialog
    // Cancelled: nothing more to call about.
    QVERIFY(JournalBuilder::commit(*m_state, {j.alarmAction(EntryKind::AlarmCancelled, 2,
                                                            {{QStringLiteral("reason"), QStringLiteral("test")}})})
                .isEmpty());
    QVERIFY(!bar->isVisible());
    QVERIFY(m_window->attentionText().isEmpty());
}

#include "tst_mainwindow.moc"
