#include "mainwindow.h"

#include "actionsink.h"
#include "alarmdetailpane.h"
#include "alarmsounds.h"
#include "alarmtablemodel.h"
#include "clock.h"
#include "devicepanel.h"
#include "devicetablemodel.h"
#include "dispatchactions.h"
#include "displayformat.h"
#include "eventlog.h"
#include "exportdialog.h"
#include "gatewaytablemodel.h"
#include "helperranker.h"
#include "helpertablemodel.h"
#include "itemroles.h"
#include "livestate.h"
#include "manualalarmdialog.h"
#include "mapwidget.h"
#include "missiontablemodel.h"
#include "reports.h"
#include "settings.h"
#include "settingsdialog.h"
#include "shiftdialogs.h"
#include "tableproxymodel.h"
#include "tablesetup.h"
#include "tableview.h"
#include "uicolors.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QGeoCoordinate>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSaveFile>
#include <QScreen>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>
#include <functional>

namespace relais {

namespace {

Q_LOGGING_CATEGORY(lcUi, "relais.ui")

// Bump when the docks change so that an old saved layout is ignored.
constexpr int kLayoutVersion = 6;
constexpr int kErrorTimeoutMs = 30000;
constexpr int kMessageTimeoutMs = 10000;

bool settingsEnabled()
{
    return !QCoreApplication::organizationName().isEmpty();
}

QLabel *statusLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1StringView(objectName));
    label->setContentsMargins(8, 0, 8, 0);
    return label;
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
    placeDocks();
    connectMap();
    createAttentionBar();
    restoreSettings();
    m_alarmTable->setFocus();
}

MainWindow::~MainWindow() = default;

QString MainWindow::aboutText()
{
    const QString version = QStringLiteral(RELAIS_VERSION);
    const auto paragraph = [](const QString &text) {
        return QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
    };
    QString html = QStringLiteral("<h3>%1</h3>").arg(tr("Relais %1").arg(version).toHtmlEscaped());
    html += paragraph(tr("Dispatcher console for neighbourhood alarm verification."));
    html += paragraph(tr("Built with Qt %1, running on Qt %2.")
                          .arg(QLatin1StringView(QT_VERSION_STR), QLatin1StringView(qVersion())));
    html += paragraph(tr("Relais is free software, licensed under the GNU General Public License, "
                         "version 3 or later (GPL-3.0-or-later)."));
    html += paragraph(tr("It uses Qt, licensed under the GNU Lesser General Public License, version 3 (LGPLv3)."));
    html += QStringLiteral("<p><a href=\"https://www.openstreetmap.org/copyright\">%1</a></p>")
                .arg(tr("Map data © OpenStreetMap contributors, ODbL").toHtmlEscaped());
    return html;
}

QString MainWindow::shortenedPath(const QString &path)
{
    QString clean = QDir::cleanPath(path);
    const QString home = QDir::cleanPath(QDir::homePath());
    if (!home.isEmpty() && home != QLatin1String("/") && (clean == home || clean.startsWith(home + QLatin1Char('/'))))
        clean = QLatin1Char('~') + clean.mid(home.size());
    const QStringList parts = clean.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (clean.size() > 24 && parts.size() > 2)
        clean = QStringLiteral("…/") + parts.mid(parts.size() - 2).join(QLatin1Char('/'));
    return QDir::toNativeSeparators(clean);
}

DeviceTableModel *MainWindow::deviceModel() const
{
    return m_devicePanel->model();
}

void MainWindow::setActionSink(ActionSink *sink)
{
    m_devicePanel->setActionSink(sink);
}

ActionSink *MainWindow::actionSink() const
{
    return m_devicePanel->actionSink();
}

void MainWindow::setOperatorName(const QString &name)
{
    m_devicePanel->setOperatorName(name);
}

void MainWindow::setOfferSettings(int count, double radiusM)
{
    m_offerCount = std::max(count, 1);
    m_offerRadiusM = radiusM;
}

void MainWindow::applySettings(const Settings &settings)
{
    m_sounds->setEnabled(settings.soundsEnabled());
    setOfferSettings(settings.offerCount(), settings.offerRadiusM());
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
    connect(m_detailPane, &AlarmDetailPane::noteEntered, this, &MainWindow::addNote);
    // An alarm arriving while none is chosen is chosen (the most urgent): its details and
    // commands are at hand at once. Nothing else moves; a choice already made stays.
    const auto chooseFirstIfNone = [this] {
        if (!m_alarmTable->selectionModel()->currentIndex().isValid() && m_alarmProxy->rowCount() > 0)
            m_alarmTable->selectionModel()->setCurrentIndex(
                m_alarmProxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    };
    connect(m_alarmProxy, &QAbstractItemModel::rowsInserted, this, chooseFirstIfNone);
    connect(m_alarmProxy, &QAbstractItemModel::modelReset, this, chooseFirstIfNone);
    chooseFirstIfNone(); // alarms already open at start-up
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
    // What the window can do from the map's context menu, before the map's own entries (the
    // strings keep the map's translation context until these become the window's shared actions).
    m_map->setContextMenuFiller([this](QMenu *menu, const MapWidget::Hit &hit, const QGeoCoordinate &where) {
        if (hit.kind != MapWidget::Hit::Kind::Alarm) {
            menu->addAction(MapWidget::tr("Create an Alarm &Here…"), this, [this, where] { createManualAlarm(where); })
                ->setObjectName(QStringLiteral("createAlarmAction"));
            return;
        }
        const qint64 id = hit.alarmId;
        const Alarm *alarm = m_state->state().alarm(id);
        if (alarm && alarm->state() == Alarm::State::New)
            menu->addAction(MapWidget::tr("&Acknowledge"), this, [this, id] { acknowledgeAlarm(id); })
                ->setObjectName(QStringLiteral("acknowledgeAction"));
        menu->addAction(MapWidget::tr("Assign the &Nearest Helper"), this, [this, id] { assignNearestHelper(id); })
            ->setObjectName(QStringLiteral("assignNearestAction"));
        menu->addAction(MapWidget::tr("&Offer to Nearby Helpers"), this, [this, id] { offerToNearbyHelpers(id); })
            ->setObjectName(QStringLiteral("offerNearbyAction"));
    });
}

void MainWindow::createManualAlarm(const QGeoCoordinate &where)
{
    ActionSink *sink = actionSink();
    if (!sink) {
        showError(tr("No alarm can be created: this window is read-only."));
        return;
    }
    auto *dialog = new ManualAlarmDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("manualAlarmDialog"));
    if (where.isValid())
        dialog->setPosition(where);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        ActionSink *target = actionSink();
        if (!target)
            return;
        const JournalEntry e = dialog->entry(Actor::operatorNamed(operatorName()), now());
        target->submit({e}, ActionSink::Mode::EachOnItsOwn,
                       [self = QPointer<MainWindow>(this)](const QList<Status> &r) {
                           if (self && !r.isEmpty() && !r.first().ok())
                               self->showError(tr("The alarm was not created: %1").arg(r.first().errorString()));
                       });
    });
    dialog->open();
}

void MainWindow::createAttentionBar()
{
    // Above the map, only while an escalated alarm needs a phone call: never a dialog.
    m_attentionBar = new QToolBar(tr("Attention"), this);
    m_attentionBar->setObjectName(QStringLiteral("attentionBar"));
    m_attentionBar->setMovable(false);
    m_attentionBar->setFloatable(false);
    m_attentionBar->toggleViewAction()->setVisible(false);
    m_attentionLabel = new QLabel(m_attentionBar);
    m_attentionLabel->setObjectName(QStringLiteral("attentionLabel"));
    // No word wrap: a wrapped label asks for the height of its narrowest width, leaving blank
    // lines that take rows from the alarm queue.
    m_attentionLabel->setWordWrap(false);
    m_attentionLabel->setContentsMargins(10, 4, 8, 4);
    // A style sheet, not a palette: the tool bar's style would paint over a palette's colours.
    m_attentionLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: %1; border-left: 4px solid %1; }")
            .arg(UiColors::attentionText().name()));
    m_attentionLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_attentionBar->addWidget(m_attentionLabel);
    addToolBar(Qt::TopToolBarArea, m_attentionBar);
    m_attentionBar->hide();
    connect(m_state, &LiveState::changed, this, &MainWindow::updateAttention);
    connect(m_state, &LiveState::changed, this,
            [this](const DispatchState::Changes &changes) { noticeChanges(changes.alarms); });
    connect(m_state, &LiveState::wasReset, this, &MainWindow::updateAttention);
    updateAttention();
}

QString MainWindow::attentionText() const
{
    QList<const Alarm *> calls;
    for (const Alarm &a : m_state->state().alarms()) {
        using S = Alarm::State;
        const bool noHelper = a.escalationStage() >= 2
                              && (a.state() == S::New || a.state() == S::Acknowledged || a.state() == S::Dispatching);
        const bool notThere = a.escalationStage() >= 3 && (a.state() == S::Assigned || a.state() == S::EnRoute);
        if (a.isOpen() && (noHelper || notThere))
            calls.append(&a);
    }
    if (calls.isEmpty())
        return {};
    // The most severe first, then the oldest.
    std::sort(calls.begin(), calls.end(), [](const Alarm *x, const Alarm *y) {
        const int rx = Severities::rank(x->severity()), ry = Severities::rank(y->severity());
        return rx != ry ? rx < ry : x->id() < y->id();
    });
    QStringList lines;
    for (qsizetype i = 0; i < std::min<qsizetype>(calls.size(), 3); ++i) {
        const Alarm &a = *calls.at(i);
        const QString where = a.address.isEmpty() ? AlarmKinds::label(a.kind())
                                                  : AlarmKinds::label(a.kind()) + QStringLiteral(", ") + a.address;
        lines.append(a.state() == Alarm::State::Assigned || a.state() == Alarm::State::EnRoute
                         ? tr("Alarm %1 (%2): nobody on scene yet. Call the helper, or the emergency services.")
                               .arg(a.id())
                               .arg(where)
                         : tr("Alarm %1 (%2): no helper has accepted. Call the beneficiary's contacts or the "
                              "emergency services.")
                               .arg(a.id())
                               .arg(where));
    }
    if (calls.size() > 3)
        lines.append(tr("And %n more alarm(s) waiting.", nullptr, int(calls.size() - 3)));
    lines.append(tr("Emergency numbers: 15 (medical), 18 (fire), 112 (any emergency), 17 (police)."));
    return lines.join(QLatin1Char('\n'));
}

void MainWindow::noticeChanges(const QSet<qint64> &alarms)
{
    for (qint64 id : alarms) {
        const Alarm *a = m_state->state().alarm(id);
        if (a && a->state() == Alarm::State::New && a->escalationStage() >= 1 && !m_toldUnacknowledged.contains(id)) {
            // Not acknowledged in time: a notification from the system tray (seen even when
            // the window is behind another), and the status bar.
            m_toldUnacknowledged.insert(id);
            const QString text = tr("Alarm %1 (%2, %3) is waiting to be acknowledged.")
                                     .arg(id)
                                     .arg(AlarmKinds::label(a->kind()), Severities::label(a->severity()));
            if (QSystemTrayIcon::isSystemTrayAvailable()) {
                if (!m_tray) {
                    m_tray = new QSystemTrayIcon(windowIcon(), this);
                    m_tray->setObjectName(QStringLiteral("trayIcon"));
                    m_tray->setToolTip(tr("Relais"));
                    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
                        showNormal();
                        raise();
                        activateWindow();
                    });
                    m_tray->show();
                }
                m_tray->showMessage(tr("Alarm waiting"), text, QSystemTrayIcon::Warning, 10000);
            }
            showError(text);
        }
        if (!a || a->state() != Alarm::State::Acknowledged || a->timeline().isEmpty()
            || a->timeline().last().note != QLatin1String("offers_exhausted"))
            continue;
        // Once per return to the dispatcher (the timeline's length tells them apart).
        if (m_toldExhausted.value(id, -1) == a->timeline().size())
            continue;
        m_toldExhausted.insert(id, a->timeline().size());
        showError(tr("Alarm %1: no helper accepted and nobody else is near enough. Choose a helper, or call.").arg(id));
    }
}

void MainWindow::updateAttention()
{
    const QString text = attentionText();
    if (text != m_attentionLabel->text())
        m_attentionLabel->setText(text);
    m_attentionBar->setVisible(!text.isEmpty());
}

qint64 MainWindow::currentAlarm() const
{
    const QModelIndex current = m_alarmTable->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ItemRoles::IdRole).toLongLong() : 0;
}

void MainWindow::updateAlarmActions()
{
    const Alarm *a = m_state->state().alarm(currentAlarm());
    const bool open = a && a->isOpen();
    const bool waiting = open && (a->state() == Alarm::State::New || a->state() == Alarm::State::Acknowledged);
    m_acknowledgeAction->setEnabled(open && a->state() == Alarm::State::New);
    m_assignNearestAction->setEnabled(waiting && a->position.isValid());
    m_offerNearbyAction->setEnabled(waiting && a->position.isValid());
    m_centreAlarmAction->setEnabled(open && a->position.isValid());
    using S = Alarm::State;
    const Mission *m = a && a->missionId ? m_state->state().mission(a->missionId) : nullptr;
    const bool assigned = m && m->state() == Mission::State::Assigned;
    m_assignToAction->setEnabled(open && a->state() != S::OnScene);
    m_cancelOffersAction->setEnabled(open && m && m->state() == Mission::State::Offering);
    m_enRouteAction->setEnabled(open && assigned && a->state() == S::Assigned);
    m_onSceneAction->setEnabled(open && assigned && (a->state() == S::Assigned || a->state() == S::EnRoute));
    m_outcomeAction->setEnabled(open && (!assigned || a->state() == S::OnScene));
    m_closeAlarmAction->setEnabled(a && a->state() == S::Resolved);
    m_cancelAlarmAction->setEnabled(open);
    m_noteAction->setEnabled(a != nullptr);
}

void MainWindow::selectAlarm(qint64 alarmId, bool centre)
{
    QModelIndex row = m_alarmProxy->mapFromSource(m_alarmModel->indexOf(alarmId));
    if (!row.isValid() && m_state->state().alarm(alarmId)) {
        // Hidden by the queue's filter: show them all rather than lose the choice.
        setAlarmFilter(AlarmFilter::All);
        row = m_alarmProxy->mapFromSource(m_alarmModel->indexOf(alarmId));
    }
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
    m_alarmFilter = filter;
    QAction *checked = filter == AlarmFilter::Open  ? m_filterOpenAction
                       : filter == AlarmFilter::All ? m_filterAllAction
                                                    : m_filterMineAction;
    if (!checked->isChecked())
        checked->setChecked(true);
    m_alarmProxy->setOpenOnly(filter == AlarmFilter::Open);
    if (filter == AlarmFilter::Mine) {
        // The alarms this operator acknowledged, dispatched or recorded anything on, open or not.
        m_alarmProxy->setRowFilter([this](const QModelIndex &index) {
            const Alarm *a = m_state->state().alarm(index.data(ItemRoles::IdRole).toLongLong());
            if (!a)
                return false;
            const Actor me = currentActor();
            return std::any_of(a->timeline().cbegin(), a->timeline().cend(),
                               [&me](const Transition &t) { return t.by == me; });
        });
    } else {
        m_alarmProxy->setRowFilter({});
    }
    m_alarmTable->setPlaceholderText(filter == AlarmFilter::Open  ? tr("No open alarms")
                                     : filter == AlarmFilter::All ? tr("No alarms")
                                                                  : tr("No alarms handled by you"));
}

Actor MainWindow::currentActor() const
{
    return Actor::operatorNamed(operatorName());
}

void MainWindow::popUpMenu(QMenu *menu, QAction *action)
{
    QPoint where;
    QWidget *button = nullptr;
    const QList<QObject *> users = action->associatedObjects();
    for (QObject *o : users) {
        auto *w = qobject_cast<QToolButton *>(o);
        if (w && w->isVisible()) {
            button = w;
            break;
        }
    }
    if (button)
        where = button->mapToGlobal(QPoint(0, button->height()));
    else
        where = m_alarmTable->viewport()->mapToGlobal(QPoint(20, 20));
    menu->popup(where);
}

void MainWindow::fillAssignMenu()
{
    m_assignMenu->clear();
    const qint64 id = currentAlarm();
    const Alarm *a = m_state->state().alarm(id);
    if (!a)
        return;
    // Available helpers, nearest first (skills break near ties); without a position, by name.
    QList<HelperRanker::Candidate> ranked;
    if (a->position.isValid()) {
        ranked = HelperRanker::rank(m_state->state().helpers(), a->position, a->kind(), {8, 0, true});
    } else {
        for (const Helper &h : m_state->state().helpers()) {
            if (h.availability() == Helper::Availability::Available)
                ranked.append({h.id(), -1, 0});
        }
        std::sort(ranked.begin(), ranked.end(), [this](const auto &x, const auto &y) {
            return QString::localeAwareCompare(m_state->state().helper(x.helperId)->name,
                                               m_state->state().helper(y.helperId)->name)
                   < 0;
        });
        ranked = ranked.mid(0, 8);
    }
    if (ranked.isEmpty()) {
        m_assignMenu->addAction(tr("No helper is available"))->setEnabled(false);
        return;
    }
    for (const HelperRanker::Candidate &c : ranked) {
        const Helper *h = m_state->state().helper(c.helperId);
        const QString text = c.distanceM >= 0 ? tr("%1 — %2 m").arg(h->name).arg(qRound(c.distanceM)) : h->name;
        QAction *choice = m_assignMenu->addAction(text);
        choice->setObjectName(QStringLiteral("assignTo_") + c.helperId);
        connect(choice, &QAction::triggered, this, [this, id, helper = c.helperId] { assignHelper(id, helper); });
    }
}

void MainWindow::fillOutcomeMenu()
{
    m_outcomeMenu->clear();
    const qint64 id = currentAlarm();
    for (Outcome o : Outcomes::all()) {
        if (o == Outcome::Cancelled)
            continue;
        QAction *choice = m_outcomeMenu->addAction(Outcomes::label(o));
        choice->setObjectName(QStringLiteral("outcome_") + Outcomes::key(o));
        connect(choice, &QAction::triggered, this, [this, id, o] { recordOutcome(id, o); });
    }
}

void MainWindow::assignHelper(qint64 alarmId, const QString &helperId)
{
    submitCommand(alarmId, DispatchActions::assignTo(m_state->state(), alarmId, helperId, currentActor(), now()),
                  tr("Alarm %1 was not assigned").arg(alarmId));
}

void MainWindow::cancelOffers(qint64 alarmId)
{
    submitCommand(alarmId, DispatchActions::cancelOffers(m_state->state(), alarmId, currentActor(), now()),
                  tr("The offers of alarm %1 were not withdrawn").arg(alarmId));
}

void MainWindow::recordEnRoute(qint64 alarmId)
{
    submitCommand(alarmId,
                  DispatchActions::recordProgress(m_state->state(), alarmId, DispatchActions::Progress::EnRoute,
                                                  currentActor(), now()),
                  tr("Alarm %1: “en route” was not recorded").arg(alarmId));
}

void MainWindow::recordOnScene(qint64 alarmId)
{
    submitCommand(alarmId,
                  DispatchActions::recordProgress(m_state->state(), alarmId, DispatchActions::Progress::OnScene,
                                                  currentActor(), now()),
                  tr("Alarm %1: “on scene” was not recorded").arg(alarmId));
}

void MainWindow::recordOutcome(qint64 alarmId, Outcome outcome)
{
    submitCommand(alarmId,
                  DispatchActions::recordOutcome(m_state->state(), alarmId, outcome, QString(), currentActor(), now()),
                  tr("Alarm %1: the outcome was not recorded").arg(alarmId));
}

void MainWindow::closeAlarm(qint64 alarmId)
{
    submitCommand(alarmId, DispatchActions::close(m_state->state(), alarmId, currentActor(), now()),
                  tr("Alarm %1 was not closed").arg(alarmId));
}

void MainWindow::cancelAlarm(qint64 alarmId)
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("cancelAlarmDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Cancel Alarm %1").arg(alarmId));
    dialog->setLabelText(tr("Why is the alarm cancelled? (kept in its timeline)"));
    dialog->setOkButtonText(tr("Cancel the Alarm"));
    dialog->setCancelButtonText(tr("Keep It"));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, alarmId](const QString &reason) { cancelAlarmBecause(alarmId, reason); });
    dialog->open();
}

void MainWindow::cancelAlarmBecause(qint64 alarmId, const QString &reason)
{
    submitCommand(alarmId, DispatchActions::cancelAlarm(m_state->state(), alarmId, reason, currentActor(), now()),
                  tr("Alarm %1 was not cancelled").arg(alarmId));
}

void MainWindow::addNote(qint64 alarmId, const QString &text)
{
    submitCommand(alarmId, DispatchActions::addNote(m_state->state(), alarmId, text, currentActor(), now()),
                  tr("The note on alarm %1 was not kept").arg(alarmId));
}

void MainWindow::submitCommand(qint64 alarmId, const Result<QList<JournalEntry>> &entries, const QString &failure)
{
    if (!entries) {
        showError(QStringLiteral("%1: %2").arg(failure, entries.errorString()));
        return;
    }
    ActionSink *sink = actionSink();
    if (!sink) {
        showError(tr("Alarm %1: nothing can be changed, this window is read-only.").arg(alarmId));
        return;
    }
    sink->submit(entries.value(), ActionSink::Mode::AllOrNothing,
                 [self = QPointer<MainWindow>(this), failure](const QList<Status> &r) {
                     for (const Status &s : r) {
                         if (self && !s.ok()) {
                             self->showError(QStringLiteral("%1: %2").arg(failure, s.errorString()));
                             return;
                         }
                     }
                 });
}

void MainWindow::assignNearestHelper(qint64 alarmId)
{
    submitDispatch(alarmId, DispatchActions::assignNearest(m_state->state(), alarmId,
                                                           Actor::operatorNamed(operatorName()), now()));
}

void MainWindow::offerToNearbyHelpers(qint64 alarmId)
{
    submitDispatch(alarmId, DispatchActions::offerToNearby(m_state->state(), alarmId, m_offerCount, m_offerRadiusM,
                                                           Actor::operatorNamed(operatorName()), now()));
}

void MainWindow::submitDispatch(qint64 alarmId, const Result<QList<JournalEntry>> &entries)
{
    if (!entries) {
        showError(tr("Alarm %1: %2").arg(alarmId).arg(entries.errorString()));
        return;
    }
    ActionSink *sink = actionSink();
    if (!sink) {
        showError(tr("Alarm %1 cannot be dispatched: this window is read-only.").arg(alarmId));
        return;
    }
    // Together or not at all: the mission and what is done with it.
    sink->submit(entries.value(), ActionSink::Mode::AllOrNothing,
                 [self = QPointer<MainWindow>(this), alarmId](const QList<Status> &r) {
                     for (const Status &s : r) {
                         if (self && !s.ok()) {
                             self->showError(tr("Alarm %1 was not dispatched: %2").arg(alarmId).arg(s.errorString()));
                             return;
                         }
                     }
                 });
}

void MainWindow::acknowledgeAlarm(qint64 id)
{
    ActionSink *sink = actionSink();
    if (!sink) {
        showError(tr("Alarm %1 cannot be acknowledged: this window is read-only.").arg(id));
        return;
    }
    JournalEntry e =
        JournalEntry::make(now(), QStringLiteral("ui"), EntryKind::AlarmAcknowledged,
                           Actor::operatorNamed(operatorName()), QJsonObject{{QStringLiteral("alarm"), id}});
    sink->submit({e}, ActionSink::Mode::EachOnItsOwn, [self = QPointer<MainWindow>(this), id](const QList<Status> &r) {
        if (self && !r.isEmpty() && !r.first().ok())
            self->showError(tr("Alarm %1 was not acknowledged: %2").arg(id).arg(r.first().errorString()));
    });
}

void MainWindow::setGatewayBoard(GatewayStatusBoard *board)
{
    m_gatewayModel->setBoard(board);
    updateGatewayCount();
}

void MainWindow::showStoreStatus(const QString &text, const QString &details)
{
    m_storeLabel->setText(text);
    m_storeLabel->setToolTip(details);
    m_storeLabel->setVisible(!text.isEmpty());
}

void MainWindow::showError(const QString &text)
{
    qCWarning(lcUi).noquote() << text;
    statusBar()->showMessage(text, kErrorTimeoutMs);
}

void MainWindow::resetLayout()
{
    placeDocks();
    applyDefaultDockSizes();
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
    const auto row = [](const QString &keys, const QString &what) {
        return QStringLiteral("<tr><td style=\"padding-right:16px\"><b>%1</b></td><td>%2</td></tr>")
            .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    const QList<QAction *> menus = menuBar()->actions();
    for (const QAction *menuAction : menus) {
        const QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        QString rows;
        const QList<QAction *> actions = menu->actions();
        for (const QAction *a : actions) {
            if (!a->shortcut().isEmpty()) {
                rows += row(a->shortcut().toString(QKeySequence::NativeText),
                            QString(a->text()).remove(QLatin1Char('&')).remove(QStringLiteral("…")));
            }
        }
        if (!rows.isEmpty()) {
            html += QStringLiteral("<tr><td colspan=\"2\"><br><i>%1</i></td></tr>")
                        .arg(QString(menuAction->text()).remove(QLatin1Char('&')).toHtmlEscaped())
                    + rows;
        }
    }
    html += QStringLiteral("<tr><td colspan=\"2\"><br><i>%1</i></td></tr>").arg(tr("On the map").toHtmlEscaped());
    html += row(QStringLiteral("+ / −"), tr("Zoom in / out"));
    html += row(tr("Arrows"), tr("Move the map"));
    html += row(QStringLiteral("F"), tr("Fit every open alarm"));
    html += row(tr("Right-click"), tr("What can be done there: acknowledge, send a helper, create an alarm…"));
    html += QStringLiteral("</table>");
    return html;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_defaultSizesPending) {
        m_defaultSizesPending = false;
        applyDefaultDockSizes();
    }
}

void MainWindow::createModels()
{
    m_alarmModel = new AlarmTableModel(m_state, this);
    m_alarmProxy = new TableProxyModel(this);
    m_alarmProxy->setObjectName(QStringLiteral("alarmProxy"));
    m_alarmProxy->setSourceModel(m_alarmModel);
    m_alarmProxy->setOpenOnly(true);

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
    m_alarmTable = new TableView(this);
    m_alarmTable->setPlaceholderText(tr("No open alarms"));
    m_alarmTable->setObjectName(QStringLiteral("alarmTable"));
    TableSetup::setup(m_alarmTable, m_alarmProxy);
    // Most urgent first, then oldest first (the proxy's tie-break on raise time).
    m_alarmTable->sortByColumn(AlarmTableModel::SeverityColumn, Qt::AscendingOrder);
    using A = Alarm::State;
    const QList<A> alarmStates{A::New, A::Acknowledged, A::Dispatching, A::Assigned, A::EnRoute, A::OnScene};
    const QString nameSample = QStringLiteral("Claire Martin"); // a typical name, never shown
    TableSetup::fitColumn(m_alarmTable, AlarmTableModel::SeverityColumn,
                          TableSetup::labels(Severities::all(), Severities::label), true, true);
    TableSetup::fitColumn(m_alarmTable, AlarmTableModel::KindColumn,
                          TableSetup::labels(AlarmKinds::all(), AlarmKinds::label), true, true);
    TableSetup::fitColumn(m_alarmTable, AlarmTableModel::StateColumn,
                          TableSetup::labels(alarmStates, Alarm::stateLabel), false, true);
    TableSetup::fitColumn(m_alarmTable, AlarmTableModel::AgeColumn, {DisplayFormat::age(23 * 3600 + 59 * 60)}, false,
                          true);
    TableSetup::fitColumn(m_alarmTable, AlarmTableModel::CountColumn, {QStringLiteral("99")}, false, true);
    TableSetup::fitColumn(m_alarmTable, AlarmTableModel::HelperColumn, {nameSample});
    // The place takes what is left: it is what the dispatcher reads first.
    m_alarmTable->horizontalHeader()->setStretchLastSection(false);
    m_alarmTable->horizontalHeader()->setSectionResizeMode(AlarmTableModel::PlaceColumn, QHeaderView::Stretch);
    m_alarmsDock = new QDockWidget(tr("Alarms"), this);
    m_alarmsDock->setObjectName(QStringLiteral("alarmsDock"));
    {
        // The queue's filter above it: open, all, mine (the actions join it in createActions).
        auto *box = new QWidget(m_alarmsDock);
        auto *column = new QVBoxLayout(box);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(0);
        auto *bar = new QToolBar(box);
        bar->setObjectName(QStringLiteral("alarmFilterBar"));
        bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->setIconSize(QSize(12, 12));
        column->addWidget(bar);
        column->addWidget(m_alarmTable);
        m_alarmsDock->setWidget(box);
    }

    m_detailPane = new AlarmDetailPane(m_state, this);
    m_detailPane->setObjectName(QStringLiteral("alarmDetailPane"));
    m_detailDock = new QDockWidget(tr("Alarm"), this);
    m_detailDock->setObjectName(QStringLiteral("alarmDetailDock"));
    m_detailDock->setWidget(m_detailPane);

    m_eventLog = new EventLog(m_state, this);
    m_eventLog->setObjectName(QStringLiteral("eventLog"));
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_eventLog);

    m_helperTable = new TableView(this);
    m_helperTable->setPlaceholderText(tr("No helpers registered"));
    m_helperTable->setObjectName(QStringLiteral("helperTable"));
    TableSetup::setup(m_helperTable, m_helperProxy);
    // Available first; off-duty helpers always last (their group).
    m_helperTable->sortByColumn(HelperTableModel::AvailabilityColumn, Qt::AscendingOrder);
    using H = Helper::Availability;
    const QList<H> availabilities{H::OffDuty, H::Available, H::Offered, H::Assigned, H::Busy};
    TableSetup::fitColumn(m_helperTable, HelperTableModel::NameColumn, {nameSample});
    TableSetup::fitColumn(m_helperTable, HelperTableModel::AvailabilityColumn,
                          TableSetup::labels(availabilities, Helper::availabilityLabel), true);
    TableSetup::fitColumn(m_helperTable, HelperTableModel::MissionColumn, {QStringLiteral("#9999")});
    TableSetup::fitColumn(m_helperTable, HelperTableModel::DistanceColumn, {QStringLiteral("88,8 km")});
    TableSetup::fitColumn(m_helperTable, HelperTableModel::TodayColumn,
                          {QStringLiteral("99 · ") + DisplayFormat::money(Money::euros(99900))});
    m_helpersDock = createTableDock(tr("Helpers"), QStringLiteral("helpersDock"), m_helperTable);

    m_missionTable = new TableView(this);
    m_missionTable->setPlaceholderText(tr("No missions under way"));
    m_missionTable->setObjectName(QStringLiteral("missionTable"));
    TableSetup::setup(m_missionTable, m_missionProxy);
    m_missionTable->sortByColumn(MissionTableModel::IdColumn, Qt::AscendingOrder);
    using M = Mission::State;
    const QList<M> missionStates{M::Open, M::Offering, M::Assigned, M::Completed, M::Cancelled};
    TableSetup::fitColumn(m_missionTable, MissionTableModel::IdColumn, {QStringLiteral("9999")});
    TableSetup::fitColumn(m_missionTable, MissionTableModel::KindColumn,
                          TableSetup::labels(MissionKinds::all(), MissionKinds::label));
    TableSetup::fitColumn(m_missionTable, MissionTableModel::AlarmColumn, {QStringLiteral("#9999")}, true);
    TableSetup::fitColumn(m_missionTable, MissionTableModel::StateColumn,
                          TableSetup::labels(missionStates, Mission::stateLabel));
    TableSetup::fitColumn(m_missionTable, MissionTableModel::FeeColumn, {DisplayFormat::money(Money::euros(1000))});
    TableSetup::fitColumn(m_missionTable, MissionTableModel::PendingOffersColumn, {QStringLiteral("9")});
    // The helper's name takes what is left.
    m_missionTable->horizontalHeader()->setStretchLastSection(false);
    m_missionTable->horizontalHeader()->setSectionResizeMode(MissionTableModel::AssigneeColumn, QHeaderView::Stretch);
    m_missionsDock = createTableDock(tr("Missions"), QStringLiteral("missionsDock"), m_missionTable);

    m_devicePanel = new DevicePanel(m_state, this);
    m_devicesDock = new QDockWidget(tr("Devices"), this);
    m_devicesDock->setObjectName(QStringLiteral("devicesDock"));
    m_devicesDock->setWidget(m_devicePanel);
    connect(m_devicePanel, &DevicePanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kMessageTimeoutMs); });

    m_gatewayTable = new TableView(this);
    m_gatewayTable->setPlaceholderText(tr("No gateway configured"));
    m_gatewayTable->setObjectName(QStringLiteral("gatewayTable"));
    TableSetup::setup(m_gatewayTable, m_gatewayProxy);
    // Links in trouble first, then by name.
    m_gatewayTable->sortByColumn(GatewayTableModel::LinkColumn, Qt::AscendingOrder);
    const QDateTime now = QDateTime::currentDateTimeUtc(); // width samples only
    GatewayStatus sample;
    sample.since = now.addDays(-40);
    sample.link = GatewayStatus::Link::Disconnected;
    QStringList linkSamples{m_gatewayModel->linkText(sample)};
    sample.link = GatewayStatus::Link::Connected;
    linkSamples.append(m_gatewayModel->linkText(sample));
    sample.link = GatewayStatus::Link::Connecting;
    sample.retryInS = 30;
    linkSamples.append(m_gatewayModel->linkText(sample));
    sample = {};
    sample.transport = QStringLiteral("tcp");
    sample.peer = QStringLiteral("192.168.100.200:50312");
    const QString counterSample = QLocale().toString(9999999);
    TableSetup::fitColumn(m_gatewayTable, GatewayTableModel::GatewayColumn,
                          {QStringLiteral("gw-north-00"), QStringLiteral("/dev/ttyUSB00")});
    TableSetup::fitColumn(m_gatewayTable, GatewayTableModel::LinkColumn, linkSamples, true);
    TableSetup::fitColumn(m_gatewayTable, GatewayTableModel::TransportColumn,
                          {GatewayTableModel::transportText(sample)});
    TableSetup::fitColumn(m_gatewayTable, GatewayTableModel::LastMessageColumn,
                          {DisplayFormat::moment(now.addDays(-40), now)});
    for (int column :
         {GatewayTableModel::StoredColumn, GatewayTableModel::DuplicateColumn, GatewayTableModel::RejectedColumn})
        TableSetup::fitColumn(m_gatewayTable, column, {counterSample});
    m_gatewaysDock = createTableDock(tr("Gateways"), QStringLiteral("gatewaysDock"), m_gatewayTable);
}

QDockWidget *MainWindow::createTableDock(const QString &title, const QString &objectName, TableView *view)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(view);
    return dock;
}

void MainWindow::createActions()
{
    m_newAlarmAction = new QAction(tr("&New Alarm (Phone Call)…"), this);
    m_newAlarmAction->setObjectName(QStringLiteral("newAlarmAction"));
    m_newAlarmAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(m_newAlarmAction, &QAction::triggered, this, [this] { createManualAlarm(QGeoCoordinate()); });

    // The dispatcher's commands on the alarm chosen in the list, from the keyboard.
    const auto alarmAction = [this](const QString &text, const char *name, const QKeySequence &key,
                                    const std::function<void(qint64)> &run) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1StringView(name));
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, [this, run] {
            if (const qint64 id = currentAlarm())
                run(id);
        });
        return action;
    };
    m_acknowledgeAction =
        alarmAction(tr("&Acknowledge"), "acknowledgeAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_Return),
                    [this](qint64 id) { acknowledgeAlarm(id); });
    m_assignNearestAction =
        alarmAction(tr("Assign the Nearest &Helper"), "assignNearestAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_D),
                    [this](qint64 id) { assignNearestHelper(id); });
    m_offerNearbyAction =
        alarmAction(tr("&Offer to Nearby Helpers"), "offerNearbyAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_O),
                    [this](qint64 id) { offerToNearbyHelpers(id); });
    m_centreAlarmAction = alarmAction(tr("&Centre on the Map"), "centreAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_L),
                                      [this](qint64 id) { m_map->centreOnAlarm(id); });
    // Choosing the helper or the outcome: a menu under the command's button.
    m_assignMenu = new QMenu(this);
    m_assignMenu->setObjectName(QStringLiteral("assignMenu"));
    m_assignToAction =
        alarmAction(tr("Assign &To…"), "assignToAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_T), [this](qint64) {
            fillAssignMenu();
            popUpMenu(m_assignMenu, m_assignToAction);
        });
    m_cancelOffersAction =
        alarmAction(tr("&Withdraw the Offers"), "cancelOffersAlarmAction",
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this](qint64 id) { cancelOffers(id); });
    m_enRouteAction = alarmAction(tr("Helper &En Route"), "enRouteAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_E),
                                  [this](qint64 id) { recordEnRoute(id); });
    m_onSceneAction = alarmAction(tr("Helper On &Scene"), "onSceneAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_G),
                                  [this](qint64 id) { recordOnScene(id); });
    m_outcomeMenu = new QMenu(this);
    m_outcomeMenu->setObjectName(QStringLiteral("outcomeMenu"));
    m_outcomeAction =
        alarmAction(tr("O&utcome…"), "outcomeAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_I), [this](qint64) {
            fillOutcomeMenu();
            popUpMenu(m_outcomeMenu, m_outcomeAction);
        });
    m_closeAlarmAction = alarmAction(tr("Clo&se"), "closeAlarmAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                                     [this](qint64 id) { closeAlarm(id); });
    m_cancelAlarmAction = alarmAction(tr("Cancel the Alarm…"), "cancelAlarmAction",
                                      QKeySequence(Qt::CTRL | Qt::Key_Delete), [this](qint64 id) { cancelAlarm(id); });
    // The alarm sounds (docs/sounds.md), silenced for five minutes at most from here.
    m_sounds = new AlarmSounds(m_state, nullptr, this);
    m_muteAction = new QAction(tr("&Mute Sounds for 5 Minutes"), this);
    m_muteAction->setObjectName(QStringLiteral("muteSoundsAction"));
    m_muteAction->setCheckable(true);
    m_muteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    connect(m_muteAction, &QAction::triggered, m_sounds, [this](bool on) {
        if (on)
            m_sounds->muteFor(std::chrono::minutes(5));
        else
            m_sounds->unmute();
    });
    connect(m_sounds, &AlarmSounds::muteChanged, m_muteAction,
            [this] { m_muteAction->setChecked(m_sounds->isMuted()); });
    m_noteAction =
        alarmAction(tr("Add a &Note"), "noteAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_M), [this](qint64) {
            m_detailDock->show();
            m_detailDock->raise();
            if (auto *edit = m_detailPane->findChild<QWidget *>(QStringLiteral("alarmNoteEdit")))
                edit->setFocus(Qt::ShortcutFocusReason);
        });
    m_detailPane->setActions({m_acknowledgeAction, m_assignNearestAction, m_offerNearbyAction, m_assignToAction,
                              m_cancelOffersAction, nullptr, m_enRouteAction, m_onSceneAction, m_outcomeAction,
                              m_closeAlarmAction, m_cancelAlarmAction});
    // Short labels on the pane's buttons; the menus keep the full ones.
    const struct
    {
        QAction *action;
        QString label;
    } shortLabels[] = {
        {m_acknowledgeAction, tr("Acknowledge")}, {m_assignNearestAction, tr("Nearest")},
        {m_offerNearbyAction, tr("Offer")},       {m_assignToAction, tr("Assign…")},
        {m_cancelOffersAction, tr("Withdraw")},   {m_enRouteAction, tr("En route")},
        {m_onSceneAction, tr("On scene")},        {m_outcomeAction, tr("Outcome…")},
        {m_closeAlarmAction, tr("Close")},        {m_cancelAlarmAction, tr("Cancel…")},
    };
    for (const auto &l : shortLabels) {
        l.action->setIconText(l.label);
        l.action->setToolTip(QStringLiteral("%1 (%2)").arg(QString(l.action->text()).remove(QLatin1Char('&')),
                                                           l.action->shortcut().toString(QKeySequence::NativeText)));
    }

    m_exportAction = new QAction(tr("&Export a Report…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportReportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::showExportDialog);
    m_settingsAction = new QAction(tr("Se&ttings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettingsDialog);

    m_startShiftAction = new QAction(tr("&Start Shift…"), this);
    m_startShiftAction->setObjectName(QStringLiteral("startShiftAction"));
    m_startShiftAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_startShiftAction, &QAction::triggered, this, &MainWindow::startShift);
    m_endShiftAction = new QAction(tr("&End Shift and Hand Over…"), this);
    m_endShiftAction->setObjectName(QStringLiteral("endShiftAction"));
    m_endShiftAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_endShiftAction, &QAction::triggered, this, &MainWindow::endShift);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    const struct
    {
        QDockWidget *dock;
        QKeySequence shortcut;
        const char *name;
    } toggles[] = {
        {m_alarmsDock, QKeySequence(Qt::CTRL | Qt::Key_1), "toggleAlarmsAction"},
        {m_helpersDock, QKeySequence(Qt::CTRL | Qt::Key_2), "toggleHelpersAction"},
        {m_missionsDock, QKeySequence(Qt::CTRL | Qt::Key_3), "toggleMissionsAction"},
        {m_devicesDock, QKeySequence(Qt::CTRL | Qt::Key_4), "toggleDevicesAction"},
        {m_gatewaysDock, QKeySequence(Qt::CTRL | Qt::Key_5), "toggleGatewaysAction"},
        {m_detailDock, QKeySequence(Qt::CTRL | Qt::Key_6), "toggleAlarmDetailAction"},
        {m_logDock, QKeySequence(Qt::CTRL | Qt::Key_7), "toggleLogAction"},
    };
    for (const auto &t : toggles) {
        QAction *toggle = t.dock->toggleViewAction();
        toggle->setObjectName(QLatin1StringView(t.name));
        toggle->setShortcut(t.shortcut);
    }

    // The queue's filter: open alarms (the default), all, or those this operator handled.
    m_alarmFilterGroup = new QActionGroup(this);
    const auto filterAction = [this](const QString &text, const char *name, const QKeySequence &key,
                                     AlarmFilter filter) {
        auto *action = new QAction(text, m_alarmFilterGroup);
        action->setObjectName(QLatin1StringView(name));
        action->setCheckable(true);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, [this, filter] { setAlarmFilter(filter); });
        return action;
    };
    m_filterOpenAction = filterAction(tr("&Open Alarms"), "filterOpenAlarmsAction",
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_1), AlarmFilter::Open);
    m_filterAllAction = filterAction(tr("&All Alarms"), "filterAllAlarmsAction",
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), AlarmFilter::All);
    m_filterMineAction = filterAction(tr("&My Alarms"), "filterMyAlarmsAction",
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y), AlarmFilter::Mine);
    m_filterOpenAction->setChecked(true);
    m_filterOpenAction->setIconText(tr("Open"));
    m_filterAllAction->setIconText(tr("All"));
    m_filterMineAction->setIconText(tr("Mine"));
    if (auto *bar = findChild<QToolBar *>(QStringLiteral("alarmFilterBar")))
        bar->addActions(m_alarmFilterGroup->actions());

    m_showFinishedMissionsAction = new QAction(tr("Show &Finished Missions"), this);
    m_showFinishedMissionsAction->setObjectName(QStringLiteral("showFinishedMissionsAction"));
    m_showFinishedMissionsAction->setCheckable(true);
    m_showFinishedMissionsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_showFinishedMissionsAction, &QAction::toggled, m_missionProxy, [this](bool show) {
        m_missionProxy->setOpenOnly(!show);
        m_missionTable->setPlaceholderText(show ? tr("No missions") : tr("No missions under way"));
    });

    m_resetLayoutAction = new QAction(tr("&Reset Layout"), this);
    m_resetLayoutAction->setObjectName(QStringLiteral("resetLayoutAction"));
    m_resetLayoutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);

    // The map's device layer at every zoom (else only from street zoom).
    m_showDevicesOnMapAction = new QAction(tr("Show All &Devices on the Map"), this);
    m_showDevicesOnMapAction->setObjectName(QStringLiteral("showDevicesOnMapAction"));
    m_showDevicesOnMapAction->setCheckable(true);
    m_showDevicesOnMapAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_showDevicesOnMapAction, &QAction::toggled, m_map, &MapWidget::setShowDevices);

    m_fitOpenAlarmsAction = new QAction(tr("&Fit Open Alarms on the Map"), this);
    m_fitOpenAlarmsAction->setObjectName(QStringLiteral("fitOpenAlarmsAction"));
    m_fitOpenAlarmsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_fitOpenAlarmsAction, &QAction::triggered, m_map, [this] { m_map->fitOpenAlarms(); });

    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F1));
    connect(m_shortcutsAction, &QAction::triggered, this, [this] {
        auto *box =
            new QMessageBox(QMessageBox::NoIcon, tr("Keyboard Shortcuts"), shortcutsText(), QMessageBox::Close, this);
        box->setObjectName(QStringLiteral("shortcutsBox"));
        box->setTextFormat(Qt::RichText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    m_aboutAction = new QAction(tr("&About Relais"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setShortcut(QKeySequence(Qt::Key_F1));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setObjectName(QStringLiteral("aboutQtAction"));
    m_aboutQtAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F1));
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, this, [this] { QMessageBox::aboutQt(this, tr("About Qt")); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAlarmAction);
    file->addSeparator();
    file->addAction(m_startShiftAction);
    file->addAction(m_endShiftAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_alarmsDock->toggleViewAction());
    view->addAction(m_helpersDock->toggleViewAction());
    view->addAction(m_missionsDock->toggleViewAction());
    view->addAction(m_devicesDock->toggleViewAction());
    view->addAction(m_gatewaysDock->toggleViewAction());
    view->addAction(m_detailDock->toggleViewAction());
    view->addAction(m_logDock->toggleViewAction());
    view->addSeparator();
    view->addAction(m_fitOpenAlarmsAction);
    view->addAction(m_showDevicesOnMapAction);
    view->addSeparator();
    view->addActions(m_alarmFilterGroup->actions());
    view->addAction(m_showFinishedMissionsAction);
    view->addSeparator();
    view->addAction(m_resetLayoutAction);

    QMenu *alarm = menuBar()->addMenu(tr("A&larm"));
    alarm->setObjectName(QStringLiteral("alarmMenu"));
    alarm->addAction(m_acknowledgeAction);
    alarm->addAction(m_assignNearestAction);
    alarm->addAction(m_offerNearbyAction);
    alarm->addAction(m_assignToAction);
    alarm->addAction(m_cancelOffersAction);
    alarm->addSeparator();
    alarm->addAction(m_enRouteAction);
    alarm->addAction(m_onSceneAction);
    alarm->addAction(m_outcomeAction);
    alarm->addAction(m_closeAlarmAction);
    alarm->addSeparator();
    alarm->addAction(m_noteAction);
    alarm->addAction(m_cancelAlarmAction);
    alarm->addSeparator();
    alarm->addAction(m_muteAction);
    alarm->addSeparator();
    alarm->addAction(m_centreAlarmAction);
    alarm->addSeparator();
    alarm->addAction(m_newAlarmAction);

    QMenu *devices = menuBar()->addMenu(tr("&Devices"));
    devices->setObjectName(QStringLiteral("devicesMenu"));
    devices->addAction(m_devicePanel->addDeviceAction());
    devices->addAction(m_devicePanel->editDeviceAction());
    devices->addAction(m_devicePanel->removeDeviceAction());
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
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createStatusBar()
{
    m_storeLabel = statusLabel(this, "storeStatusLabel");
    m_storeLabel->hide();
    m_alarmCountLabel = statusLabel(this, "alarmCountLabel");
    m_helperCountLabel = statusLabel(this, "helperCountLabel");
    m_gatewayCountLabel = statusLabel(this, "gatewayCountLabel");
    m_gatewayCountLabel->hide();
    m_mapNoticeLabel = statusLabel(this, "mapNoticeLabel");
    m_mapNoticeLabel->hide();
    // No width reserved for the coordinates: the counts on the right need it on a 1280-pixel
    // screen, and they do not move when the coordinates come and go.
    m_cursorLabel = statusLabel(this, "cursorLabel");
    m_shiftLabel = statusLabel(this, "shiftLabel");
    m_soundLabel = statusLabel(this, "soundLabel");
    m_soundLabel->hide();
    connect(m_sounds, &AlarmSounds::statusChanged, m_soundLabel, [this] {
        m_soundLabel->setText(m_sounds->statusText());
        m_soundLabel->setVisible(!m_soundLabel->text().isEmpty());
    });
    m_dataDirLabel = statusLabel(this, "dataDirLabel");
    m_dataDirLabel->setText(tr("Data: %1").arg(shortenedPath(m_dataDir)));
    m_dataDirLabel->setToolTip(QDir::toNativeSeparators(m_dataDir));

    // The cursor's coordinates on the left, where messages take their place for a while.
    statusBar()->addWidget(m_cursorLabel);
    // A message needs room on the left: while one shows, the labels that never change (the
    // shift, the journal, the data folder) step aside.
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString &message) {
        m_dataDirLabel->setVisible(message.isEmpty());
        m_shiftLabel->setVisible(message.isEmpty() && !m_shiftLabel->text().isEmpty());
        m_storeLabel->setVisible(message.isEmpty() && !m_storeLabel->text().isEmpty());
    });
    statusBar()->addPermanentWidget(m_soundLabel);
    statusBar()->addPermanentWidget(m_shiftLabel);
    statusBar()->addPermanentWidget(m_mapNoticeLabel);
    statusBar()->addPermanentWidget(m_alarmCountLabel);
    statusBar()->addPermanentWidget(m_helperCountLabel);
    statusBar()->addPermanentWidget(m_gatewayCountLabel);
    statusBar()->addPermanentWidget(m_storeLabel);
    statusBar()->addPermanentWidget(m_dataDirLabel);

    connect(m_alarmModel, &AlarmTableModel::openCountChanged, this, &MainWindow::updateAlarmCount);
    connect(m_helperModel, &HelperTableModel::countsChanged, this, &MainWindow::updateHelperCount);
    connect(m_gatewayModel, &GatewayTableModel::countsChanged, this, &MainWindow::updateGatewayCount);
    connect(m_gatewayModel, &QAbstractItemModel::dataChanged, this, &MainWindow::updateGatewayCount);
    connect(m_map, &MapWidget::basemapNoticeChanged, this, [this](const QString &notice) {
        m_mapNoticeLabel->setText(notice);
        m_mapNoticeLabel->setToolTip(m_map->hasVectorBasemap()
                                         ? tr("The online map cannot be reached: the offline street map is shown "
                                              "instead. Relais tries the online map again every minute.")
                                         : tr("The online map cannot be reached. Relais tries again every minute."));
        m_mapNoticeLabel->setVisible(!notice.isEmpty());
    });
    connect(m_map, &MapWidget::cursorCoordinateChanged, this, [this](const QGeoCoordinate &where) {
        m_cursorLabel->setText(where.isValid() ? DisplayFormat::coordinate(where) : QString());
    });
    updateAlarmCount();
    updateHelperCount();
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
    m_shiftLabel->setText(shift ? QString() : tr("No shift started"));
    m_shiftLabel->setToolTip(shift ? QString() : tr("File > Start Shift: your name goes with every action you take."));
    m_shiftLabel->setVisible(!shift && statusBar()->currentMessage().isEmpty());
}

void MainWindow::setRunningCostsProvider(std::function<QList<RunningCost>()> provider)
{
    m_costs = std::move(provider);
}

bool MainWindow::exportReport(int report, const ReportPeriod &period, const ReportFormat &format, const QString &path,
                              QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QString why;
    bool written = false;
    const DispatchState &s = m_state->state();
    if (report == int(ExportDialog::Report::Shift))
        written = Reports::writeShiftReport(s, period, format, &file, &why);
    else if (report == int(ExportDialog::Report::Payouts))
        written = Reports::writePayoutStatement(s, period, format, &file, &why);
    else
        written = Reports::writeTransparencyReport(s, period, m_costs ? m_costs() : QList<RunningCost>{}, format, &file,
                                                   &why);
    if (!written || !file.commit()) {
        file.cancelWriting();
        if (error)
            *error = why.isEmpty() ? file.errorString() : why;
        return false;
    }
    return true;
}

void MainWindow::showExportDialog()
{
    auto *dialog = new ExportDialog(m_state->state(), now(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("exportDialog"));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // The operator's own command: a save dialog, then a message box if it failed.
        const QString path = QFileDialog::getSaveFileName(this, tr("Export a Report"), dialog->suggestedFileName(),
                                                          tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        QString error;
        if (exportReport(int(dialog->report()), dialog->period(), dialog->format(), path, &error))
            statusBar()->showMessage(tr("Report written: %1").arg(QDir::toNativeSeparators(path)), kMessageTimeoutMs);
        else
            QMessageBox::warning(this, tr("Export a Report"), tr("The report was not written: %1").arg(error));
    });
    dialog->open();
}

void MainWindow::startShift()
{
    auto *dialog = new StartShiftDialog(StartShiftDialog::lastOperatorName(m_state->state()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("startShiftDialog"));
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { submitEntry(dialog->entry(now()), tr("The shift was not started")); });
    dialog->open();
}

void MainWindow::endShift()
{
    auto *dialog = new EndShiftDialog(m_state->state(), now(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("endShiftDialog"));
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { submitEntry(dialog->entry(now()), tr("The shift was not ended")); });
    dialog->open();
}

void MainWindow::submitEntry(const JournalEntry &entry, const QString &failure)
{
    ActionSink *sink = actionSink();
    if (!sink) {
        showError(tr("%1: this window is read-only.").arg(failure));
        return;
    }
    sink->submit({entry}, ActionSink::Mode::EachOnItsOwn,
                 [self = QPointer<MainWindow>(this), failure](const QList<Status> &r) {
                     if (self && !r.isEmpty() && !r.first().ok())
                         self->showError(QStringLiteral("%1: %2").arg(failure, r.first().errorString()));
                 });
}

void MainWindow::placeDocks()
{
    for (QDockWidget *dock :
         {m_alarmsDock, m_helpersDock, m_missionsDock, m_devicesDock, m_gatewaysDock, m_detailDock, m_logDock}) {
        dock->setFloating(false);
        dock->show();
    }
    // The alarm queue is what the dispatcher reads most: it gets the whole width under the
    // map, so that the place column stays readable in French too. Helpers and missions
    // share the right-hand column, next to the map.
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_alarmsDock);
    addDockWidget(Qt::RightDockWidgetArea, m_helpersDock);
    splitDockWidget(m_helpersDock, m_missionsDock, Qt::Vertical);
    // The registry and the gateway links are looked at now and then: each shares a place
    // with a dock read all the time, behind its tab.
    tabifyDockWidget(m_helpersDock, m_devicesDock);
    tabifyDockWidget(m_alarmsDock, m_gatewaysDock);
    tabifyDockWidget(m_alarmsDock, m_logDock);
    // The chosen alarm, whole, shares the place of the missions board (raised when an alarm
    // is chosen).
    tabifyDockWidget(m_missionsDock, m_detailDock);
    m_helpersDock->raise();
    m_detailDock->raise();
    m_alarmsDock->raise();
    m_defaultSizesPending = true;
}

void MainWindow::applyDefaultDockSizes()
{
    // The map keeps most of the room; the alarm queue gets enough height for a dozen rows
    // and enough width for its columns.
    const QSize area = size();
    resizeDocks({m_alarmsDock}, {area.height() * 3 / 10}, Qt::Vertical);
    resizeDocks({m_helpersDock}, {area.width() * 2 / 5}, Qt::Horizontal);
    // The chosen alarm (sharing the missions' place) needs more height than the helpers.
    resizeDocks({m_helpersDock, m_missionsDock}, {2, 3}, Qt::Vertical);
}

void MainWindow::restoreSettings()
{
    bool geometryRestored = false;
    if (settingsEnabled()) {
        const Settings settings;
        geometryRestored = restoreGeometry(settings.windowGeometry());
        if (restoreState(settings.windowState(), kLayoutVersion))
            m_defaultSizesPending = false;
    }
    if (!geometryRestored) {
        QSize preferred(1280, 800);
        if (const QScreen *s = screen())
            preferred = preferred.boundedTo(s->availableSize() * 9 / 10);
        resize(preferred);
    }
}

void MainWindow::saveSettings() const
{
    if (!settingsEnabled())
        return;
    Settings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState(kLayoutVersion));
}

void MainWindow::updateAlarmCount()
{
    // A new alarm while the queue is behind another tab (the gateways): the queue comes to the
    // front, never left unseen. A dock the operator closed stays closed (its count still shows).
    const int open = m_alarmModel->openCount();
    if (open > m_lastOpenAlarms && m_alarmsDock->toggleViewAction()->isChecked()
        && !tabifiedDockWidgets(m_alarmsDock).isEmpty())
        m_alarmsDock->raise();
    m_lastOpenAlarms = open;
    m_alarmCountLabel->setText(tr("Open alarms: %1").arg(m_alarmModel->openCount()));
}

void MainWindow::updateGatewayCount()
{
    const int total = m_gatewayModel->rowCount();
    m_gatewayCountLabel->setVisible(total > 0);
    m_gatewayCountLabel->setText(tr("Gateways: %1/%2 connected").arg(m_gatewayModel->connectedCount()).arg(total));
    QStringList down;
    if (const GatewayStatusBoard *board = m_gatewayModel->board()) {
        for (const GatewayStatus &s : board->rows()) {
            if (s.link != GatewayStatus::Link::Connected)
                down.append(
                    QStringLiteral("%1: %2").arg(GatewayTableModel::gatewayName(s), m_gatewayModel->linkText(s)));
        }
    }
    m_gatewayCountLabel->setToolTip(down.join(QLatin1Char('\n')));
}

void MainWindow::updateHelperCount()
{
    m_helperCountLabel->setText(tr("Helpers on duty: %1 (%2 available)")
                                    .arg(m_helperModel->onDutyCount())
                                    .arg(m_helperModel->availableCount()));
}

} // namespace relais
