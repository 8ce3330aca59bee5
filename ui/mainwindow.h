#pragma once

#include "actor.h"
#include "alarmqueue.h"
#include "reportexport.h"
#include "runningcost.h"
#include "settingsservices.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QMenu;
class QTimer;
class QGeoCoordinate;
class QDockWidget;

namespace relais {

class ActionSink;
class AlarmCommands;
class AttentionMonitor;
class Clock;
class DeskForms;
class DeskStatusBar;
class DockLayout;
class AlarmDetailPane;
class AlarmSounds;
class AlarmTableModel;
class DevicePanel;
class EventLog;
class DeviceTableModel;
class GatewayStatusBoard;
class GatewayTableModel;
class HelperTableModel;
class LiveState;
class MapWidget;
class MissionTableModel;
class Settings;
class SettingsDialog;
class TableProxyModel;
class TableView;
class TileSource;
struct OfferSettings;
struct ReportFormat;
struct ReportPeriod;

// The dispatcher's window: the live map in the middle, the alarm queue,
// the helpers, the missions, the device registry and the gateway links in docks, counts and
// the store's status in the status bar. It reads the desk state only through LiveState,
// which must outlive it, and changes it only through an ActionSink (the device registry);
// without one the window is read-only.
//
// The window's geometry and dock layout are kept in the settings ("ui/geometry", "ui/state")
// when the application has an organisation name, and not at all otherwise.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(LiveState *state, const QString &dataDir, QWidget *parent = nullptr);
    ~MainWindow() override;

    AlarmTableModel *alarmModel() const { return m_alarmModel; }
    AlarmSounds *sounds() const { return m_sounds; }
    HelperTableModel *helperModel() const { return m_helperModel; }
    MissionTableModel *missionModel() const { return m_missionModel; }
    DeviceTableModel *deviceModel() const;
    GatewayTableModel *gatewayModel() const { return m_gatewayModel; }
    DevicePanel *devicePanel() const { return m_devicePanel; }
    MapWidget *map() const { return m_map; }
    // The dispatcher's commands on the alarm chosen, with their actions (shared by the Alarm
    // menu, the alarm pane and the map's context menu).
    AlarmCommands *alarmCommands() const { return m_commands; }

    // The map's online basemap (XYZ over HTTP, MBTiles), not owned; must outlive the window
    // or be reset to nullptr first. Without one the map draws the offline vector basemap.
    void setOnlineTileSource(TileSource *source);
    // The offline vector basemap (a town's GeoJSON): the map shows it whole until it is moved,
    // unless devices or alarms are there to show. False, with the map unchanged and the
    // reason in basemapError() and the status bar, when the file cannot be read.
    bool loadBasemap(const QString &path);
    QString basemapError() const;

    // Where the operator's actions go (not owned; must outlive the window, or be reset to
    // nullptr first). Without one, the registry's actions are disabled.
    void setActionSink(ActionSink *sink);
    ActionSink *actionSink() const;
    // The operator recorded as the actor of the window's entries. Empty: the OS user name
    // ($USER), or "operator".
    void setOperatorName(const QString &name);
    QString operatorName() const;
    // The running costs for the transparency report (kept in the journal, which the window
    // cannot read itself); without a provider the report counts none.
    void setRunningCostsProvider(std::function<QList<RunningCost>()> provider);
    // Writes a report to path, atomically (ReportExport). False, with the reason in *error,
    // when it could not be written.
    bool exportReport(ReportKind report, const ReportPeriod &period, const ReportFormat &format, const QString &path,
                      QString *error = nullptr);
    // The offers' count and radius (not owned: the desk's, which must outlive the window, or be
    // reset to nullptr first); without them, OfferSettings' defaults (3 within 500 m).
    void setOfferSettings(const OfferSettings *offers);
    // What applies at once from the settings (docs/settings.md): alarm sounds on or off (the
    // offers are the desk's). main.cpp applies them at start, the settings dialog on OK / Apply.
    void applySettings(const Settings &settings);
    // What the settings dialog needs from the composition root (keychain, gateways file, map
    // source check, what the desk applies at once); without it those parts say they are missing.
    void setSettingsServices(const SettingsServices &services);
    // The time of the window's entries and of the ages it shows (not owned; the system's
    // clock when none is set).
    void setClock(const Clock *clock);
    // The gateway links to show (not owned; forgotten if destroyed). Without a board the
    // Gateways dock says that no gateway is configured.
    void setGatewayBoard(GatewayStatusBoard *board);

    // The About box's text (rich text): version, Qt version, licences, map data attribution.
    static QString aboutText();
    // The Help menu's list of keyboard shortcuts (rich text): every menu's actions that have
    // one, then the map's own keys.
    QString shortcutsText() const;
    // What the attention banner says now (empty: hidden).
    QString attentionText() const;
    // "~/relais/data" for a path under the home directory; paths longer than 24 characters keep
    // their last two parts ("…/relais/demo").
    static QString shortenedPath(const QString &path);

    // The alarm queue's filter: open alarms, all of them, or those this operator handled.
    using AlarmFilter = relais::AlarmFilter;
    AlarmFilter alarmFilter() const { return m_alarmQueue->filter(); }

public slots:
    // File > Settings (Ctrl+,): the settings dialog, without blocking; raised if already open.
    void showSettingsDialog();
    void setAlarmFilter(relais::AlarmFilter filter);
    // Selects the alarm everywhere (queue, map, detail pane); centres the map when asked.
    void selectAlarm(qint64 alarmId, bool centre = false);
    // The store's state in a few words ("Journal: relais.sqlite", "Store: disk full"), in the
    // status bar; details (a full path) in its tooltip.
    void showStoreStatus(const QString &text, const QString &details = {});
    // An error nobody asked for (a device, a gateway, the store): shown in the status bar and
    // logged, never in a dialog.
    void showError(const QString &text);
    // Docks back where they were at first start, all visible.
    void resetLayout();
    // Opens the About box without blocking.
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    Actor currentActor() const;
    void updateShift();
    void createModels();
    void createDocks();
    void createActions();
    void createMenus();
    void createStatusBar();
    // The alarm queue brought to the front when an alarm arrives.
    void raiseAlarmsOnNewAlarm();
    void connectMap();
    // The alarm chosen in the list (0: none).
    qint64 currentAlarm() const;
    void updateAlarmActions();

    QDateTime now() const;

    LiveState *m_state;
    QString m_dataDir;
    const Clock *m_clock = nullptr;
    MapWidget *m_map = nullptr;
    AlarmCommands *m_commands = nullptr;
    AttentionMonitor *m_attention = nullptr;
    DeskForms *m_forms = nullptr; // a manual alarm, the shift, the export

    AlarmQueue *m_alarmQueue = nullptr;
    AlarmTableModel *m_alarmModel = nullptr;
    TableProxyModel *m_alarmProxy = nullptr;
    HelperTableModel *m_helperModel = nullptr;
    TableProxyModel *m_helperProxy = nullptr;
    MissionTableModel *m_missionModel = nullptr;
    TableProxyModel *m_missionProxy = nullptr;

    TableView *m_alarmTable = nullptr;
    TableView *m_helperTable = nullptr;
    TableView *m_missionTable = nullptr;
    DevicePanel *m_devicePanel = nullptr;
    GatewayTableModel *m_gatewayModel = nullptr;
    TableProxyModel *m_gatewayProxy = nullptr;
    TableView *m_gatewayTable = nullptr;
    AlarmDetailPane *m_detailPane = nullptr;
    EventLog *m_eventLog = nullptr;
    DockLayout *m_docks = nullptr; // every dock; the window raises these four itself
    QDockWidget *m_alarmsDock = nullptr;
    QDockWidget *m_helpersDock = nullptr;
    QDockWidget *m_devicesDock = nullptr;
    QDockWidget *m_detailDock = nullptr;

    QAction *m_quitAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_startShiftAction = nullptr;
    QAction *m_endShiftAction = nullptr;
    QAction *m_newAlarmAction = nullptr;
    QAction *m_centreAlarmAction = nullptr; // on the alarm chosen in the list
    QAction *m_muteAction = nullptr;
    QAction *m_showFinishedMissionsAction = nullptr;
    QAction *m_resetLayoutAction = nullptr;
    QAction *m_showDevicesOnMapAction = nullptr;
    QAction *m_fitOpenAlarmsAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;

    DeskStatusBar *m_statusBar = nullptr;
    AlarmSounds *m_sounds = nullptr;
    QTimer *m_minuteTimer = nullptr;

    SettingsServices m_settingsServices;
    std::unique_ptr<Settings> m_settings; // the settings dialog's, made when it first opens
    QPointer<SettingsDialog> m_settingsDialog;
    int m_lastOpenAlarms = 0;
};

} // namespace relais
