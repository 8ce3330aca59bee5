#include "mainwindow.h"

#include "actionsink.h"
#include "alarmcommands.h"
#include "alarmdetailpane.h"
#include "alarmqueue.h"
#include "alarmsounds.h"
#include "alarmtablemodel.h"
#include "attentionmonitor.h"
#include "clock.h"
#include "deskforms.h"
#include "deskstatusbar.h"
#include "devicepanel.h"
#include "devicetablemodel.h"
#include "displayformat.h"
#include "docklayout.h"
#include "eventlog.h"
#include "gatewaytablemodel.h"
#include "helpertablemodel.h"
#include "helptexts.h"
#include "itemroles.h"
#include "livestate.h"
#include "logging/log.h"
#include "mapwidget.h"
#include "missiontablemodel.h"
#include "settings.h"
#include "settingsdialog.h"
#include "tablecolumns.h"
#include "tableproxymodel.h"
#include "tablesetup.h"
#include "tableview.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QGeoCoordinate>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

#include <functional>

#include <chrono>

namespace relais {

namespace {

constexpr int kErrorTimeoutMs = 30000;
constexpr int kMessageTimeoutMs = 10000;

// An action of the window's menus, named (tests find it by its name), with its shortcut.
QAction *newAction(QObject *parent, const QString &text, const char *name, const QKeySequence &key,
                   QAction::MenuRole role = QAction::TextHeuristicRole)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(QLatin1StringView(name));
    action->setShortcut(key);
    action->setMenuRole(role);
    return action;
}

} // namespace

MainWindow::MainWindow(LiveState *state, const QString &dataDir, QWidget *parent)
    : QMainWindow(parent), m_state(state), m_dataDir(dataDir)
{
    setWindowTitle(tr("Relais"));
    setObjectName(QStringLiteral("mainWindow"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);
    // The alarm queue and the missions share the bottom, full width; the helpers stand on the
    // right of the map, which keeps the largest area.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);

    m_map = new MapWidget(this);
    m_map->setObjectName(QStringLiteral("map"));
    m_map->setLiveState(m_state);
    setCentralWidget(m_map);
    m_map->fitMarkers(); // the devices and alarms: followed until the map is moved
    createModels();
    createDocks();
    createActions();
    createMenus();
    createStatusBar();
    m_docks->place();
    connectMap();
    // The banner above the map, the tray, the "nobody accepted" told once per return.
    m_attention = new AttentionMonitor(m_state, this);
    connect(m_attention, &AttentionMonitor::told, this, &MainWindow::showError);
    m_docks->restore();
    m_alarmTable->setFocus();
}

MainWindow::~MainWindow() = default;

QString MainWindow::aboutText()
{
    return HelpTexts::about();
}

QString MainWindow::shortenedPath(const QString &path)
{
    return DeskStatusBar::shortenedPath(path);
}

DeviceTableModel *MainWindow::deviceModel() const
{
    return m_devicePanel->model();
}

void MainWindow::setActionSink(ActionSink *sink)
{
    m_devicePanel->setActionSink(sink);
    m_commands->setActionSink(sink);
    m_forms->setActionSink(sink);
}

ActionSink *MainWindow::actionSink() const
{
    return m_devicePanel->actionSink();
}

void MainWindow::setOperatorName(const QString &name)
{
    m_devicePanel->setOperatorName(name);
}

void MainWindow::setOfferSettings(const OfferSettings *offers)
{
    m_commands->setOfferSettings(offers);
}

void MainWindow::applySettings(const Settings &settings)
{
    m_sounds->setEnabled(settings.soundsEnabled());
}

void MainWindow::setSettingsServices(const SettingsServices &services)
{
    m_settingsServices = services;
}

void MainWindow::showSettingsDialog()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    if (!m_settings)
        m_settings = std::make_unique<Settings>();
    auto *dialog = new SettingsDialog(m_settings.get(), m_settingsServices, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setJournal(m_state->state().fees(), actionSink(), currentActor(), [this] { return now(); });
    connect(dialog, &SettingsDialog::applied, this, [this] { applySettings(*m_settings); });
    m_settingsDialog = dialog;
    // Not modal: alarms keep coming and the window stays usable meanwhile.
    dialog->show();
}

void MainWindow::setClock(const Clock *clock)
{
    m_clock = clock;
    m_commands->setClock(clock);
    m_forms->setClock(clock);
}

QDateTime MainWindow::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

QString MainWindow::operatorName() const
{
    return m_devicePanel->operatorName();
}

void MainWindow::setOnlineTileSource(TileSource *source)
{
    m_map->setOnlineTileSource(source);
}

bool MainWindow::loadBasemap(const QString &path)
{
    if (m_map->loadBasemap(path)) {
        m_map->fitMarkers(); // the devices and alarms, or else the town
        return true;
    }
    showError(m_map->basemapError());
    return false;
}

QString MainWindow::basemapError() const
{
    return m_map->basemapError();
}

void MainWindow::connectMap()
{
    // Selection kept in step both ways: a row chosen in a list is highlighted on the map, a
    // marker clicked on the map selects its row (and brings its list forward).
    connect(m_alarmTable->selectionModel(), &QItemSelectionModel::currentRowChanged, m_map,
            [this](const QModelIndex &current) {
                m_map->setSelectedAlarm(current.isValid() ? current.data(ItemRoles::IdRole).toLongLong() : 0);
            });
    connect(m_alarmTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::updateAlarmActions);
    connect(m_alarmTable->selectionModel(), &QItemSelectionModel::currentRowChanged, m_detailPane,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_detailPane->setAlarm(current.data(ItemRoles::IdRole).toLongLong());
            });
    connect(m_detailPane, &AlarmDetailPane::noteEntered, m_commands, &AlarmCommands::addNote);
    // An alarm arriving while none is chosen is chosen (AlarmQueue), alarms already open too.
    m_alarmQueue->chooseFirstIfNone();
    connect(m_alarmProxy, &QAbstractItemModel::dataChanged, this, &MainWindow::updateAlarmActions);
    updateAlarmActions();
    // The helpers' distances are to the alarm chosen.
    connect(m_alarmTable->selectionModel(), &QItemSelectionModel::currentRowChanged, m_helperModel,
            [this](const QModelIndex &current) {
                m_helperModel->setReferenceAlarm(current.isValid() ? current.data(ItemRoles::IdRole).toLongLong() : 0);
            });
    connect(m_helperTable->selectionModel(), &QItemSelectionModel::currentRowChanged, m_map,
            [this](const QModelIndex &current) {
                m_map->setSelectedHelper(current.isValid() ? current.data(ItemRoles::IdRole).toString() : QString());
            });
    connect(m_map, &MapWidget::alarmSelected, this, [this](qint64 id) { selectAlarm(id); });
    connect(m_map, &MapWidget::helperSelected, this, [this](const QString &id) {
        const QModelIndex row = m_helperProxy->mapFromSource(m_helperModel->indexOf(id));
        if (!row.isValid())
            return;
        m_helpersDock->raise();
        m_helperTable->setCurrentIndex(row);
        m_helperTable->scrollTo(row);
    });
    // The map's context menu: the shared alarm commands (the same actions as the Alarm menu and
    // the pane), and "create an alarm here" elsewhere.
    m_map->setContextMenuFiller(std::bind_front(&AlarmCommands::fillMapMenu, m_commands));
    connect(m_commands, &AlarmCommands::createAlarmRequested, m_forms, &DeskForms::createManualAlarm);
}

QString MainWindow::attentionText() const
{
    return m_attention->attentionText();
}

qint64 MainWindow::currentAlarm() const
{
    return m_alarmQueue->currentAlarm();
}

void MainWindow::updateAlarmActions()
{
    m_commands->updateActions();
    const Alarm *a = m_state->state().alarm(currentAlarm());
    m_centreAlarmAction->setEnabled(a && a->isOpen() && a->position.isValid());
}

void MainWindow::selectAlarm(qint64 alarmId, bool centre)
{
    const QModelIndex row = m_alarmQueue->rowOf(alarmId);
    if (!row.isValid())
        return;
    m_alarmsDock->raise();
    m_alarmTable->setCurrentIndex(row);
    m_alarmTable->scrollTo(row);
    m_detailPane->setAlarm(alarmId);
    if (m_detailDock->toggleViewAction()->isChecked())
        m_detailDock->raise();
    if (centre)
        m_map->centreOnAlarm(alarmId);
}

void MainWindow::setAlarmFilter(AlarmFilter filter)
{
    m_alarmQueue->setFilter(filter);
}

Actor MainWindow::currentActor() const
{
    return Actor::operatorNamed(operatorName());
}

void MainWindow::setGatewayBoard(GatewayStatusBoard *board)
{
    m_gatewayModel->setBoard(board); // the status bar's count follows the model's reset
}

void MainWindow::showStoreStatus(const QString &text, const QString &details)
{
    m_statusBar->showStoreStatus(text, details);
}

void MainWindow::showError(const QString &text)
{
    qCWarning(lcUi).noquote() << text;
    statusBar()->showMessage(text, kErrorTimeoutMs);
}

void MainWindow::resetLayout()
{
    m_docks->reset();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("About Relais"), aboutText(), QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString MainWindow::shortcutsText() const
{
    return HelpTexts::shortcuts(menuBar());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_docks->save();
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    m_docks->windowShown();
}

void MainWindow::createModels()
{
    // The queue's model first, as before the queue had a class of its own.
    m_alarmQueue = new AlarmQueue(
        m_state, [this] { return currentActor(); }, this);
    m_alarmModel = m_alarmQueue->model();
    m_alarmProxy = m_alarmQueue->proxy();
    m_alarmTable = m_alarmQueue->table();

    m_helperModel = new HelperTableModel(m_state, this);
    m_helperProxy = new TableProxyModel(this);
    m_helperProxy->setObjectName(QStringLiteral("helperProxy"));
    m_helperProxy->setSourceModel(m_helperModel);

    m_missionModel = new MissionTableModel(m_state, this);
    m_missionProxy = new TableProxyModel(this);
    m_missionProxy->setObjectName(QStringLiteral("missionProxy"));
    m_missionProxy->setSourceModel(m_missionModel);
    m_missionProxy->setOpenOnly(true);

    m_gatewayModel = new GatewayTableModel(this);
    m_gatewayProxy = new TableProxyModel(this);
    m_gatewayProxy->setObjectName(QStringLiteral("gatewayProxy"));
    m_gatewayProxy->setSourceModel(m_gatewayModel);
}

void MainWindow::createDocks()
{
    using Dock = DockLayout::Dock;
    m_docks = new DockLayout(this);
    m_alarmsDock = m_docks->addDock(Dock::Alarms, m_alarmQueue);

    m_detailPane = new AlarmDetailPane(m_state, this);
    m_detailPane->setObjectName(QStringLiteral("alarmDetailPane"));
    m_detailDock = m_docks->addDock(Dock::AlarmDetail, m_detailPane);

    m_eventLog = new EventLog(m_state, this);
    m_eventLog->setObjectName(QStringLiteral("eventLog"));
    m_docks->addDock(Dock::Log, m_eventLog);

    m_helperTable = new TableView(this);
    m_helperTable->setPlaceholderText(tr("No helpers registered"));
    m_helperTable->setObjectName(QStringLiteral("helperTable"));
    TableSetup::setup(m_helperTable, m_helperProxy);
    TableColumns::setUpHelpers(m_helperTable);
    m_helpersDock = m_docks->addDock(Dock::Helpers, m_helperTable);

    m_missionTable = new TableView(this);
    m_missionTable->setPlaceholderText(tr("No missions under way"));
    m_missionTable->setObjectName(QStringLiteral("missionTable"));
    TableSetup::setup(m_missionTable, m_missionProxy);
    TableColumns::setUpMissions(m_missionTable);
    m_docks->addDock(Dock::Missions, m_missionTable);

    m_devicePanel = new DevicePanel(m_state, this);
    m_devicesDock = m_docks->addDock(Dock::Devices, m_devicePanel);
    connect(m_devicePanel, &DevicePanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kMessageTimeoutMs); });

    m_gatewayTable = new TableView(this);
    m_gatewayTable->setPlaceholderText(tr("No gateway configured"));
    m_gatewayTable->setObjectName(QStringLiteral("gatewayTable"));
    TableSetup::setup(m_gatewayTable, m_gatewayProxy);
    TableColumns::setUpGateways(m_gatewayTable, *m_gatewayModel);
    m_docks->addDock(Dock::Gateways, m_gatewayTable);
}

void MainWindow::createActions()
{
    // The forms that write to the journal: a manual alarm, the shift, the export.
    m_forms = new DeskForms(
        m_state, [this] { return currentActor(); }, this);
    connect(m_forms, &DeskForms::failed, this, &MainWindow::showError);
    connect(m_forms, &DeskForms::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kMessageTimeoutMs); });
    m_newAlarmAction =
        newAction(this, tr("&New Alarm (Phone Call)…"), "newAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(m_newAlarmAction, &QAction::triggered, m_forms, [this] { m_forms->createManualAlarm(QGeoCoordinate()); });

    // The dispatcher's commands on the alarm chosen in the list; refusals in the status bar.
    m_commands = new AlarmCommands(
        m_state, [this] { return currentAlarm(); }, [this] { return currentActor(); }, this);
    m_commands->setMenuAnchor(m_alarmTable->viewport());
    connect(m_commands, &AlarmCommands::failed, this, &MainWindow::showError);
    connect(m_commands, &AlarmCommands::noteRequested, this, [this] {
        m_detailDock->show();
        m_detailDock->raise();
        if (auto *edit = m_detailPane->findChild<QWidget *>(QStringLiteral("alarmNoteEdit")))
            edit->setFocus(Qt::ShortcutFocusReason);
    });
    m_detailPane->setActions(m_commands->paneActions());
    m_centreAlarmAction =
        newAction(this, tr("&Centre on the Map"), "centreAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_centreAlarmAction, &QAction::triggered, this, [this] {
        if (const qint64 id = currentAlarm())
            m_map->centreOnAlarm(id);
    });
    // The alarm sounds (docs/sounds.md), silenced for five minutes at most from here.
    m_sounds = new AlarmSounds(m_state, nullptr, this);
    m_muteAction = newAction(this, tr("&Mute Sounds for 5 Minutes"), "muteSoundsAction",
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_muteAction->setCheckable(true);
    connect(m_muteAction, &QAction::triggered, m_sounds, [this](bool on) {
        if (on)
            m_sounds->muteFor(std::chrono::minutes(5));
        else
            m_sounds->unmute();
    });
    connect(m_sounds, &AlarmSounds::muteChanged, m_muteAction,
            [this] { m_muteAction->setChecked(m_sounds->isMuted()); });

    m_exportAction =
        newAction(this, tr("&Export a Report…"), "exportReportAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    connect(m_exportAction, &QAction::triggered, m_forms, &DeskForms::showExportDialog);
    m_settingsAction = newAction(this, tr("Se&ttings…"), "settingsAction", QKeySequence(Qt::CTRL | Qt::Key_Comma),
                                 QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettingsDialog);

    m_startShiftAction =
        newAction(this, tr("&Start Shift…"), "startShiftAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_startShiftAction, &QAction::triggered, m_forms, &DeskForms::startShift);
    m_endShiftAction = newAction(this, tr("&End Shift and Hand Over…"), "endShiftAction",
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_endShiftAction, &QAction::triggered, m_forms, &DeskForms::endShift);

    m_quitAction = newAction(this, tr("&Quit"), "quitAction", QKeySequence(Qt::CTRL | Qt::Key_Q), QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_showFinishedMissionsAction = newAction(this, tr("Show &Finished Missions"), "showFinishedMissionsAction",
                                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_showFinishedMissionsAction->setCheckable(true);
    connect(m_showFinishedMissionsAction, &QAction::toggled, m_missionProxy, [this](bool show) {
        m_missionProxy->setOpenOnly(!show);
        m_missionTable->setPlaceholderText(show ? tr("No missions") : tr("No missions under way"));
    });

    m_resetLayoutAction =
        newAction(this, tr("&Reset Layout"), "resetLayoutAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);

    // The map's device layer at every zoom (else only from street zoom).
    m_showDevicesOnMapAction = newAction(this, tr("Show All &Devices on the Map"), "showDevicesOnMapAction",
                                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_showDevicesOnMapAction->setCheckable(true);
    connect(m_showDevicesOnMapAction, &QAction::toggled, m_map, &MapWidget::setShowDevices);

    m_fitOpenAlarmsAction = newAction(this, tr("&Fit Open Alarms on the Map"), "fitOpenAlarmsAction",
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_fitOpenAlarmsAction, &QAction::triggered, m_map, [this] { m_map->fitOpenAlarms(); });

    m_shortcutsAction =
        newAction(this, tr("&Keyboard Shortcuts"), "shortcutsAction", QKeySequence(Qt::CTRL | Qt::Key_F1));
    connect(m_shortcutsAction, &QAction::triggered, this, [this] {
        auto *box =
            new QMessageBox(QMessageBox::NoIcon, tr("Keyboard Shortcuts"), shortcutsText(), QMessageBox::Close, this);
        box->setObjectName(QStringLiteral("shortcutsBox"));
        box->setTextFormat(Qt::RichText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    m_aboutAction = newAction(this, tr("&About Relais"), "aboutAction", QKeySequence(Qt::Key_F1), QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_aboutQtAction =
        newAction(this, tr("About &Qt"), "aboutQtAction", QKeySequence(Qt::SHIFT | Qt::Key_F1), QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, this, [this] { QMessageBox::aboutQt(this, tr("About Qt")); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAlarmAction);
    file->addSeparator();
    file->addActions({m_startShiftAction, m_endShiftAction});
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : m_docks->docks())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addActions({m_fitOpenAlarmsAction, m_showDevicesOnMapAction});
    view->addSeparator();
    view->addActions(m_alarmQueue->filterActions());
    view->addAction(m_showFinishedMissionsAction);
    view->addSeparator();
    view->addAction(m_resetLayoutAction);

    QMenu *alarm = menuBar()->addMenu(tr("A&larm"));
    alarm->setObjectName(QStringLiteral("alarmMenu"));
    alarm->addActions({m_commands->acknowledgeAction(), m_commands->assignNearestAction(),
                       m_commands->offerNearbyAction(), m_commands->assignToAction(),
                       m_commands->cancelOffersAction()});
    alarm->addSeparator();
    alarm->addActions({m_commands->enRouteAction(), m_commands->onSceneAction(), m_commands->outcomeAction(),
                       m_commands->closeAction()});
    alarm->addSeparator();
    alarm->addActions({m_commands->noteAction(), m_commands->cancelAction()});
    alarm->addSeparator();
    alarm->addAction(m_muteAction);
    alarm->addSeparator();
    alarm->addAction(m_centreAlarmAction);
    alarm->addSeparator();
    alarm->addAction(m_newAlarmAction);

    QMenu *devices = menuBar()->addMenu(tr("&Devices"));
    devices->setObjectName(QStringLiteral("devicesMenu"));
    devices->addActions(
        {m_devicePanel->addDeviceAction(), m_devicePanel->editDeviceAction(), m_devicePanel->removeDeviceAction()});
    devices->addSeparator();
    devices->addAction(m_devicePanel->importDevicesAction());
    // Opening the menu shows the devices the actions apply to.
    connect(devices, &QMenu::aboutToShow, this, [this] {
        m_devicesDock->show();
        m_devicesDock->raise();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addActions({m_aboutAction, m_aboutQtAction});
}

void MainWindow::createStatusBar()
{
    m_statusBar = new DeskStatusBar({m_alarmModel, m_helperModel, m_gatewayModel, m_map, m_sounds}, m_dataDir, this);
    setStatusBar(m_statusBar);
    connect(m_alarmModel, &AlarmTableModel::openCountChanged, this, &MainWindow::raiseAlarmsOnNewAlarm);
    raiseAlarmsOnNewAlarm();
    // The running shift names the operator of every action; "today" moves at midnight.
    connect(m_state, &LiveState::changed, this, [this](const DispatchState::Changes &changes) {
        if (!changes.shifts.isEmpty())
            updateShift();
    });
    connect(m_state, &LiveState::wasReset, this, &MainWindow::updateShift);
    m_minuteTimer = new QTimer(this);
    m_minuteTimer->setInterval(60000);
    connect(m_minuteTimer, &QTimer::timeout, this, [this] {
        m_helperModel->setNow(now());
        updateShift();
    });
    m_minuteTimer->start();
    updateShift();
}

void MainWindow::updateShift()
{
    const Shift *shift = m_state->state().runningShift();
    if (shift)
        setOperatorName(shift->op.name);
    m_startShiftAction->setEnabled(!shift);
    m_endShiftAction->setEnabled(shift != nullptr);
    // The operator on shift in the title bar (the status bar has no room to spare); a reminder
    // in the status bar while nobody has started one.
    setWindowTitle(
        shift ? tr("Relais — Shift: %1 since %2").arg(shift->op.name, DisplayFormat::moment(shift->startedAt, now()))
              : tr("Relais"));
    m_statusBar->setShiftStarted(shift != nullptr);
}

void MainWindow::setRunningCostsProvider(std::function<QList<RunningCost>()> provider)
{
    m_forms->setRunningCostsProvider(std::move(provider));
}

bool MainWindow::exportReport(ReportKind report, const ReportPeriod &period, const ReportFormat &format,
                              const QString &path, QString *error)
{
    return m_forms->exportReport(report, period, format, path, error);
}

void MainWindow::raiseAlarmsOnNewAlarm()
{
    // A new alarm while the queue is behind another tab (the gateways): the queue comes to the
    // front, never left unseen. A dock the operator closed stays closed (its count still shows).
    const int open = m_alarmModel->openCount();
    if (open > m_lastOpenAlarms && m_alarmsDock->toggleViewAction()->isChecked()
        && !tabifiedDockWidgets(m_alarmsDock).isEmpty())
        m_alarmsDock->raise();
    m_lastOpenAlarms = open;
}

} // namespace relais
