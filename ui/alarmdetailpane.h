#pragma once

#include "transition.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QToolBar;
class QTreeWidget;

namespace relais {

class Alarm;
class LiveState;

// The alarm chosen in the queue, whole: what and where, the device and the beneficiary's
// reference, the helper and the mission with its offers, the timeline (every transition,
// when and by whom), the notes, and the dispatcher's commands on it. It follows the desk
// state by itself; the commands are the window's actions (their shortcuts work everywhere).
class AlarmDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlarmDetailPane)

public:
    explicit AlarmDetailPane(const LiveState *state, QWidget *parent = nullptr);

    qint64 alarmId() const { return m_alarmId; }
    void setAlarm(qint64 id);
    // The commands shown above the details (nullptr: a separator).
    void setActions(const QList<QAction *> &actions);

    // One line of the timeline: when, what, by whom.
    struct Event
    {
        QDateTime at;
        QString what;
        QString by;
    };
    // The alarm's life and its mission's, oldest first (public for tests).
    QList<Event> timeline() const;

signals:
    // The operator typed a note and pressed Enter.
    void noteEntered(qint64 alarmId, const QString &text);

private:
    void refresh();
    QString actorName(const Actor &actor) const;
    QString transitionText(const Alarm &alarm, const Transition &t) const;

    const LiveState *m_state;
    qint64 m_alarmId = 0;
    QLabel *m_title = nullptr;
    QLabel *m_facts = nullptr;
    QWidget *m_commands = nullptr;
    QTreeWidget *m_timeline = nullptr;
    QLabel *m_notes = nullptr;
    QLineEdit *m_noteEdit = nullptr;
};

} // namespace relais
