#pragma once

#include <QObject>

#include <array>

class QDockWidget;
class QMainWindow;

namespace relais {

// The window's docks around the map: each made around its content, with its View menu toggle
// named and given its shortcut (Ctrl+1 to Ctrl+7); placed where they stand at first start and
// after View > Reset Layout, and given their default sizes once the window has its own.
//
// The window's geometry and dock layout are kept in the settings ("ui/geometry", "ui/state")
// when the application has an organisation name, and not at all otherwise. A child of the
// window.
class DockLayout final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DockLayout)

public:
    // In the View menu's order.
    enum class Dock { Alarms, Helpers, Missions, Devices, Gateways, AlarmDetail, Log };

    explicit DockLayout(QMainWindow *window);
    ~DockLayout() override;

    // The dock around content, in the window (placed by place()).
    QDockWidget *addDock(Dock which, QWidget *content);
    QDockWidget *dock(Dock which) const;
    // Every dock, in the View menu's order (all must have been added).
    QList<QDockWidget *> docks() const;

    // Docks back where they are at first start, all shown; their sizes wait for the window's
    // first show, when it has its own.
    void place();
    // Docks back where they were at first start, with their default sizes now.
    void reset();
    // The default sizes, if still to be given (the window's showEvent).
    void windowShown();

    // The window's geometry and layout from the settings, or a default size for the screen.
    void restore();
    void save() const;

private:
    static QString title(Dock which);
    void applyDefaultSizes();

    QMainWindow *m_window;
    std::array<QDockWidget *, 7> m_docks{};
    bool m_defaultSizesPending = false;
};

} // namespace relais
