#pragma once

#include <QList>
#include <QWidget>

#include <functional>

class QAction;

namespace relais {

class AlarmTableModel;
class LiveState;
class TableProxyModel;
class TableView;
struct Actor;

// The alarm queue's filter: open alarms, all of them, or those this operator handled.
enum class AlarmFilter { Open, All, Mine };

// The alarm queue: the alarms, most urgent first, under their filter's bar (open, all, mine).
// An alarm arriving while none is chosen is chosen. The window puts it in its Alarms dock and
// keeps the selection in step with the map and the alarm pane.
class AlarmQueue final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlarmQueue)

public:
    // actor: who "mine" is, asked whenever the filter looks at a row.
    AlarmQueue(LiveState *state, std::function<Actor()> actor, QWidget *parent = nullptr);
    ~AlarmQueue() override;

    AlarmTableModel *model() const { return m_model; }
    TableProxyModel *proxy() const { return m_proxy; }
    TableView *table() const { return m_table; }
    // The filter's actions (checkable, exclusive, with their shortcuts), for the View menu.
    QList<QAction *> filterActions() const;

    AlarmFilter filter() const { return m_filter; }
    // The alarm chosen (0: none).
    qint64 currentAlarm() const;
    // The alarm's row in the table, showing all alarms if the filter hides it; invalid when it
    // has none.
    QModelIndex rowOf(qint64 alarmId);

public slots:
    void setFilter(relais::AlarmFilter filter);
    // The most urgent alarm is chosen if none is (done whenever alarms arrive).
    void chooseFirstIfNone();

private:
    QAction *addFilterAction(const QString &text, const char *name, const QKeySequence &key, AlarmFilter filter);

    LiveState *m_state;
    std::function<Actor()> m_actor;
    AlarmTableModel *m_model = nullptr;
    TableProxyModel *m_proxy = nullptr;
    TableView *m_table = nullptr;
    QList<QAction *> m_filterActions; // open, all, mine
    AlarmFilter m_filter = AlarmFilter::Open;
};

} // namespace relais
