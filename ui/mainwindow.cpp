#include "mainwindow.h"

#include "alarmtablemodel.h"
#include "displayformat.h"
#include "helpertablemodel.h"
#include "livestate.h"
#include "mapplaceholder.h"
#include "missiontablemodel.h"
#include "tableproxymodel.h"
#include "tableview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>

namespace relais {

namespace {

Q_LOGGING_CATEGORY(lcUi, "relais.ui")

// QSettings keys: to move into the typed settings wrapper when it exists.
constexpr QLatin1StringView kGeometryKey{"ui/geometry"};
constexpr QLatin1StringView kStateKey{"ui/state"};
// Bump when the docks change so that an old saved layout is ignored.
constexpr int kLayoutVersion = 2;
constexpr int kErrorTimeoutMs = 30000;

bool settingsEnabled()
{
    return !QCoreApplication::organizationName().isEmpty();
}

void setupTable(QTableView *view, QAbstractItemModel *model)
{
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->setCornerButtonEnabled(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    QHeaderView *header = view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setMinimumSectionSize(view->fontMetrics().averageCharWidth() * 3);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

// Sizes a column to its header (with room for the sort arrow) and to the widest of the texts
// it shows, computed from the labels themselves so that translations fit too.
void fitColumn(QTableView *view, int column, const QStringList &samples, bool decorated = false, bool bold = false)
{
    const QString header = view->model()->headerData(column, Qt::Horizontal).toString();
    int width = view->horizontalHeader()->fontMetrics().horizontalAdvance(header) + 28;
    QFont font = view->font();
    font.setBold(bold);
    const QFontMetrics metrics(font);
    for (const QString &sample : samples)
        width = std::max(width, metrics.horizontalAdvance(sample) + (decorated ? 36 : 16));
    view->setColumnWidth(column, width);
}

template<typename T, typename F>
QStringList labels(const QList<T> &values, F label)
{
    QStringList out;
    for (const T &v : values)
        out.append(label(v));
    return out;
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

    setCentralWidget(new MapPlaceholder(this));
    createModels();
    createDocks();
    createActions();
    createMenus();
    createStatusBar();
    placeDocks();
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
    if (clean.size() > 40 && parts.size() > 2)
        clean = QStringLiteral("…/") + parts.mid(parts.size() - 2).join(QLatin1Char('/'));
    return QDir::toNativeSeparators(clean);
}

void MainWindow::showStoreStatus(const QString &text)
{
    m_storeLabel->setText(text);
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
}

void MainWindow::createDocks()
{
    m_alarmTable = new TableView(this);
    m_alarmTable->setPlaceholderText(tr("No open alarms"));
    m_alarmTable->setObjectName(QStringLiteral("alarmTable"));
    setupTable(m_alarmTable, m_alarmProxy);
    // Most urgent first, then oldest first (the proxy's tie-break on raise time).
    m_alarmTable->sortByColumn(AlarmTableModel::SeverityColumn, Qt::AscendingOrder);
    using A = Alarm::State;
    const QList<A> alarmStates{A::New, A::Acknowledged, A::Dispatching, A::Assigned, A::EnRoute, A::OnScene};
    const QString nameSample = QStringLiteral("Claire Martin"); // a typical name, never shown
    fitColumn(m_alarmTable, AlarmTableModel::SeverityColumn, labels(Severities::all(), Severities::label), true, true);
    fitColumn(m_alarmTable, AlarmTableModel::KindColumn, labels(AlarmKinds::all(), AlarmKinds::label), false, true);
    fitColumn(m_alarmTable, AlarmTableModel::StateColumn, labels(alarmStates, Alarm::stateLabel), false, true);
    fitColumn(m_alarmTable, AlarmTableModel::AgeColumn, {DisplayFormat::age(23 * 3600 + 59 * 60)}, false, true);
    fitColumn(m_alarmTable, AlarmTableModel::CountColumn, {QStringLiteral("99")}, false, true);
    fitColumn(m_alarmTable, AlarmTableModel::HelperColumn, {nameSample});
    // The place takes what is left: it is what the dispatcher reads first.
    m_alarmTable->horizontalHeader()->setStretchLastSection(false);
    m_alarmTable->horizontalHeader()->setSectionResizeMode(AlarmTableModel::PlaceColumn, QHeaderView::Stretch);
    m_alarmsDock = createTableDock(tr("Alarms"), QStringLiteral("alarmsDock"), m_alarmTable);

    m_helperTable = new TableView(this);
    m_helperTable->setPlaceholderText(tr("No helpers registered"));
    m_helperTable->setObjectName(QStringLiteral("helperTable"));
    setupTable(m_helperTable, m_helperProxy);
    // Available first; off-duty helpers always last (their group).
    m_helperTable->sortByColumn(HelperTableModel::AvailabilityColumn, Qt::AscendingOrder);
    using H = Helper::Availability;
    const QList<H> availabilities{H::OffDuty, H::Available, H::Offered, H::Assigned, H::Busy};
    fitColumn(m_helperTable, HelperTableModel::NameColumn, {nameSample});
    fitColumn(m_helperTable, HelperTableModel::AvailabilityColumn, labels(availabilities, Helper::availabilityLabel),
              true);
    fitColumn(m_helperTable, HelperTableModel::MissionColumn, {QStringLiteral("#9999")});
    m_helpersDock = createTableDock(tr("Helpers"), QStringLiteral("helpersDock"), m_helperTable);

    m_missionTable = new TableView(this);
    m_missionTable->setPlaceholderText(tr("No missions under way"));
    m_missionTable->setObjectName(QStringLiteral("missionTable"));
    setupTable(m_missionTable, m_missionProxy);
    m_missionTable->sortByColumn(MissionTableModel::IdColumn, Qt::AscendingOrder);
    using M = Mission::State;
    const QList<M> missionStates{M::Open, M::Offering, M::Assigned, M::Completed, M::Cancelled};
    fitColumn(m_missionTable, MissionTableModel::IdColumn, {QStringLiteral("9999")});
    fitColumn(m_missionTable, MissionTableModel::KindColumn, labels(MissionKinds::all(), MissionKinds::label));
    fitColumn(m_missionTable, MissionTableModel::AlarmColumn, {QStringLiteral("#9999")}, true);
    fitColumn(m_missionTable, MissionTableModel::StateColumn, labels(missionStates, Mission::stateLabel));
    fitColumn(m_missionTable, MissionTableModel::FeeColumn, {DisplayFormat::money(Money::euros(1000))});
    fitColumn(m_missionTable, MissionTableModel::PendingOffersColumn, {QStringLiteral("9")});
    // The helper's name takes what is left.
    m_missionTable->horizontalHeader()->setStretchLastSection(false);
    m_missionTable->horizontalHeader()->setSectionResizeMode(MissionTableModel::AssigneeColumn, QHeaderView::Stretch);
    m_missionsDock = createTableDock(tr("Missions"), QStringLiteral("missionsDock"), m_missionTable);
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
    };
    for (const auto &t : toggles) {
        QAction *toggle = t.dock->toggleViewAction();
        toggle->setObjectName(QLatin1StringView(t.name));
        toggle->setShortcut(t.shortcut);
    }

    m_showClosedAlarmsAction = new QAction(tr("Show &Closed Alarms"), this);
    m_showClosedAlarmsAction->setObjectName(QStringLiteral("showClosedAlarmsAction"));
    m_showClosedAlarmsAction->setCheckable(true);
    m_showClosedAlarmsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_showClosedAlarmsAction, &QAction::toggled, m_alarmProxy, [this](bool show) {
        m_alarmProxy->setOpenOnly(!show);
        m_alarmTable->setPlaceholderText(show ? tr("No alarms") : tr("No open alarms"));
    });

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
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_alarmsDock->toggleViewAction());
    view->addAction(m_helpersDock->toggleViewAction());
    view->addAction(m_missionsDock->toggleViewAction());
    view->addSeparator();
    view->addAction(m_showClosedAlarmsAction);
    view->addAction(m_showFinishedMissionsAction);
    view->addSeparator();
    view->addAction(m_resetLayoutAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createStatusBar()
{
    m_storeLabel = statusLabel(this, "storeStatusLabel");
    m_storeLabel->hide();
    m_alarmCountLabel = statusLabel(this, "alarmCountLabel");
    m_helperCountLabel = statusLabel(this, "helperCountLabel");
    m_dataDirLabel = statusLabel(this, "dataDirLabel");
    m_dataDirLabel->setText(tr("Data: %1").arg(shortenedPath(m_dataDir)));
    m_dataDirLabel->setToolTip(QDir::toNativeSeparators(m_dataDir));

    statusBar()->addPermanentWidget(m_alarmCountLabel);
    statusBar()->addPermanentWidget(m_helperCountLabel);
    statusBar()->addPermanentWidget(m_storeLabel);
    statusBar()->addPermanentWidget(m_dataDirLabel);

    connect(m_alarmModel, &AlarmTableModel::openCountChanged, this, &MainWindow::updateAlarmCount);
    connect(m_helperModel, &HelperTableModel::countsChanged, this, &MainWindow::updateHelperCount);
    updateAlarmCount();
    updateHelperCount();
}

void MainWindow::placeDocks()
{
    for (QDockWidget *dock : {m_alarmsDock, m_helpersDock, m_missionsDock}) {
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
    m_defaultSizesPending = true;
}

void MainWindow::applyDefaultDockSizes()
{
    // The map keeps most of the room; the alarm queue gets enough height for a dozen rows
    // and enough width for its columns.
    const QSize area = size();
    resizeDocks({m_alarmsDock}, {area.height() * 3 / 8}, Qt::Vertical);
    resizeDocks({m_helpersDock}, {area.width() * 2 / 5}, Qt::Horizontal);
    resizeDocks({m_helpersDock, m_missionsDock}, {1, 1}, Qt::Vertical);
}

void MainWindow::restoreSettings()
{
    bool geometryRestored = false;
    if (settingsEnabled()) {
        const QSettings settings;
        geometryRestored = restoreGeometry(settings.value(kGeometryKey).toByteArray());
        if (restoreState(settings.value(kStateKey).toByteArray(), kLayoutVersion))
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
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState(kLayoutVersion));
}

void MainWindow::updateAlarmCount()
{
    m_alarmCountLabel->setText(tr("Open alarms: %1").arg(m_alarmModel->openCount()));
}

void MainWindow::updateHelperCount()
{
    m_helperCountLabel->setText(tr("Helpers on duty: %1 (%2 available)")
                                    .arg(m_helperModel->onDutyCount())
                                    .arg(m_helperModel->availableCount()));
}

} // namespace relais
