#include "docklayout.h"

#include "settings.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QScreen>

namespace relais {

namespace {

// Bump when the docks change so that an old saved layout is ignored.
constexpr int kLayoutVersion = 6;

bool settingsEnabled()
{
    return !QCoreApplication::organizationName().isEmpty();
}

// Each dock's object name, its toggle's and the toggle's shortcut (with Ctrl), by Dock.
struct DockName
{
    const char *dock;
    const char *toggle;
    Qt::Key key;
};
constexpr std::array<DockName, 7> kNames{{
    {"alarmsDock", "toggleAlarmsAction", Qt::Key_1},
    {"helpersDock", "toggleHelpersAction", Qt::Key_2},
    {"missionsDock", "toggleMissionsAction", Qt::Key_3},
    {"devicesDock", "toggleDevicesAction", Qt::Key_4},
    {"gatewaysDock", "toggleGatewaysAction", Qt::Key_5},
    {"alarmDetailDock", "toggleAlarmDetailAction", Qt::Key_6},
    {"logDock", "toggleLogAction", Qt::Key_7},
}};

} // namespace

DockLayout::DockLayout(QMainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("dockLayout"));
}

DockLayout::~DockLayout() = default;

QString DockLayout::title(Dock which)
{
    switch (which) {
    case Dock::Alarms:
        return tr("Alarms");
    case Dock::Helpers:
        return tr("Helpers");
    case Dock::Missions:
        return tr("Missions");
    case Dock::Devices:
        return tr("Devices");
    case Dock::Gateways:
        return tr("Gateways");
    case Dock::AlarmDetail:
        return tr("Alarm");
    case Dock::Log:
        return tr("Log");
    }
    return {};
}

QDockWidget *DockLayout::addDock(Dock which, QWidget *content)
{
    const auto index = static_cast<std::size_t>(which);
    const DockName &names = kNames.at(index);
    auto *added = new QDockWidget(title(which), m_window);
    added->setObjectName(QLatin1StringView(names.dock));
    added->setWidget(content);
    // The View menu's toggle, named (tests find it by its name), with its shortcut.
    QAction *toggle = added->toggleViewAction();
    toggle->setObjectName(QLatin1StringView(names.toggle));
    toggle->setShortcut(QKeySequence(Qt::CTRL | names.key));
    m_docks.at(index) = added;
    return added;
}

QList<QDockWidget *> DockLayout::docks() const
{
    return {m_docks.begin(), m_docks.end()};
}

QDockWidget *DockLayout::dock(Dock which) const
{
    return m_docks.at(static_cast<std::size_t>(which));
}

void DockLayout::place()
{
    for (QDockWidget *each : m_docks) {
        each->setFloating(false);
        each->show();
    }
    QDockWidget *alarms = dock(Dock::Alarms);
    QDockWidget *helpers = dock(Dock::Helpers);
    QDockWidget *missions = dock(Dock::Missions);
    QDockWidget *detail = dock(Dock::AlarmDetail);
    // The alarm queue is what the dispatcher reads most: it gets the whole width under the
    // map, so that the place column stays readable in French too. Helpers and missions
    // share the right-hand column, next to the map.
    m_window->setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    m_window->setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, alarms);
    m_window->addDockWidget(Qt::RightDockWidgetArea, helpers);
    m_window->splitDockWidget(helpers, missions, Qt::Vertical);
    // The registry and the gateway links are looked at now and then: each shares a place
    // with a dock read all the time, behind its tab.
    m_window->tabifyDockWidget(helpers, dock(Dock::Devices));
    m_window->tabifyDockWidget(alarms, dock(Dock::Gateways));
    m_window->tabifyDockWidget(alarms, dock(Dock::Log));
    // The chosen alarm, whole, shares the place of the missions board (raised when an alarm
    // is chosen).
    m_window->tabifyDockWidget(missions, detail);
    helpers->raise();
    detail->raise();
    alarms->raise();
    m_defaultSizesPending = true;
}

void DockLayout::reset()
{
    place();
    applyDefaultSizes();
}

void DockLayout::windowShown()
{
    if (m_defaultSizesPending) {
        m_defaultSizesPending = false;
        applyDefaultSizes();
    }
}

void DockLayout::applyDefaultSizes()
{
    QDockWidget *helpers = dock(Dock::Helpers);
    // The map keeps most of the room; the alarm queue gets enough height for a dozen rows
    // and enough width for its columns.
    const QSize area = m_window->size();
    m_window->resizeDocks({dock(Dock::Alarms)}, {area.height() * 3 / 10}, Qt::Vertical);
    m_window->resizeDocks({helpers}, {area.width() * 2 / 5}, Qt::Horizontal);
    // The chosen alarm (sharing the missions' place) needs more height than the helpers.
    m_window->resizeDocks({helpers, dock(Dock::Missions)}, {2, 3}, Qt::Vertical);
}

void DockLayout::restore()
{
    bool geometryRestored = false;
    if (settingsEnabled()) {
        const Settings settings;
        geometryRestored = m_window->restoreGeometry(settings.windowGeometry());
        if (m_window->restoreState(settings.windowState(), kLayoutVersion))
            m_defaultSizesPending = false;
    }
    if (!geometryRestored) {
        QSize preferred(1280, 800);
        if (const QScreen *s = m_window->screen())
            preferred = preferred.boundedTo(s->availableSize() * 9 / 10);
        m_window->resize(preferred);
    }
}

void DockLayout::save() const
{
    if (!settingsEnabled())
        return;
    Settings settings;
    settings.setWindowGeometry(m_window->saveGeometry());
    settings.setWindowState(m_window->saveState(kLayoutVersion));
}

} // namespace relais
