#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

class QLabel;
class QMainWindow;
class QSystemTrayIcon;
class QToolBar;

namespace relais {

class LiveState;

// What must reach the dispatcher at once, without a dialog: the attention banner above the map
// while an escalated alarm needs a phone call (stage 2: nobody accepted; stage 3: nobody on
// scene), a tray notification for an alarm not acknowledged in time (stage 1), and "nobody
// accepted" once per return of an alarm to the dispatcher. Sentences for the status bar come
// out of told(). A child of the window, whose top tool bar area holds the banner.
class AttentionMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttentionMonitor)

public:
    AttentionMonitor(LiveState *state, QMainWindow *window);
    ~AttentionMonitor() override;

    // What the banner says now (empty: hidden).
    QString attentionText() const;

signals:
    // Something the dispatcher must know now (the window's status bar).
    void told(const QString &text);

private:
    void updateBanner();
    // Tells the dispatcher at once what needs them: offers that found nobody, alarms left
    // unacknowledged.
    void noticeChanges(const QSet<qint64> &alarms);
    void notifyTray(const QString &text);

    LiveState *m_state;
    QMainWindow *m_window;
    QToolBar *m_bar = nullptr;
    QLabel *m_label = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QSet<qint64> m_toldUnacknowledged; // alarms whose stage 1 was notified
    // Alarms whose "nobody accepted" was told, with their timeline's length then: a later
    // return to the dispatcher (a longer timeline) is told again.
    QHash<qint64, qsizetype> m_toldExhausted;
};

} // namespace relais
