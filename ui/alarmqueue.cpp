#include "alarmqueue.h"

#include "alarmtablemodel.h"
#include "itemroles.h"
#include "livestate.h"
#include "tablecolumns.h"
#include "tableproxymodel.h"
#include "tablesetup.h"
#include "tableview.h"

#include <QAction>
#include <QActionGroup>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace relais {

AlarmQueue::AlarmQueue(LiveState *state, std::function<Actor()> actor, QWidget *parent)
    : QWidget(parent), m_state(state), m_actor(std::move(actor))
{
    setObjectName(QStringLiteral("alarmQueue"));
    m_model = new AlarmTableModel(m_state, this);
    m_proxy = new TableProxyModel(this);
    m_proxy->setObjectName(QStringLiteral("alarmProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setOpenOnly(true);

    m_table = new TableView(this);
    m_table->setPlaceholderText(tr("No open alarms"));
    m_table->setObjectName(QStringLiteral("alarmTable"));
    TableSetup::setup(m_table, m_proxy);
    TableColumns::setUpAlarms(m_table);

    // The queue's filter above it: open alarms (the default), all, or those this operator handled.
    auto *group = new QActionGroup(this);
    m_filterActions = {addFilterAction(tr("&Open Alarms"), "filterOpenAlarmsAction",
                                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_1), AlarmFilter::Open),
                       addFilterAction(tr("&All Alarms"), "filterAllAlarmsAction",
                                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), AlarmFilter::All),
                       addFilterAction(tr("&My Alarms"), "filterMyAlarmsAction",
                                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y), AlarmFilter::Mine)};
    const QString iconTexts[] = {tr("Open"), tr("All"), tr("Mine")};
    for (qsizetype i = 0; i < m_filterActions.size(); ++i) {
        group->addAction(m_filterActions.at(i));
        m_filterActions.at(i)->setIconText(iconTexts[i]);
    }
    m_filterActions.constFirst()->setChecked(true);
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("alarmFilterBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->setIconSize(QSize(12, 12));
    bar->addActions(m_filterActions);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(bar);
    column->addWidget(m_table);

    // Its details and commands at hand at once. Nothing else moves; a choice already made stays.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AlarmQueue::chooseFirstIfNone);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AlarmQueue::chooseFirstIfNone);
}

AlarmQueue::~AlarmQueue() = default;

QAction *AlarmQueue::addFilterAction(const QString &text, const char *name, const QKeySequence &key, AlarmFilter filter)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QLatin1StringView(name));
    action->setCheckable(true);
    action->setShortcut(key);
    connect(action, &QAction::triggered, this, [this, filter] { setFilter(filter); });
    return action;
}

QList<QAction *> AlarmQueue::filterActions() const
{
    return m_filterActions;
}

void AlarmQueue::chooseFirstIfNone()
{
    if (!m_table->selectionModel()->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

qint64 AlarmQueue::currentAlarm() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ItemRoles::IdRole).toLongLong() : 0;
}

QModelIndex AlarmQueue::rowOf(qint64 alarmId)
{
    QModelIndex row = m_proxy->mapFromSource(m_model->indexOf(alarmId));
    if (!row.isValid() && m_state->state().alarm(alarmId)) {
        // Hidden by the filter: show them all rather than lose the choice.
        setFilter(AlarmFilter::All);
        row = m_proxy->mapFromSource(m_model->indexOf(alarmId));
    }
    return row;
}

void AlarmQueue::setFilter(AlarmFilter filter)
{
    m_filter = filter;
    QAction *checked = m_filterActions.at(filter == AlarmFilter::Open ? 0 : filter == AlarmFilter::All ? 1 : 2);
    if (!checked->isChecked())
        checked->setChecked(true);
    m_proxy->setOpenOnly(filter == AlarmFilter::Open);
    if (filter == AlarmFilter::Mine) {
        // The alarms this operator acknowledged, dispatched or recorded anything on, open or not.
        m_proxy->setRowFilter([this](const QModelIndex &index) {
            const Alarm *a = m_state->state().alarm(index.data(ItemRoles::IdRole).toLongLong());
            if (!a)
                return false;
            const Actor me = m_actor();
            return std::any_of(a->timeline().cbegin(), a->timeline().cend(),
                               [&me](const Transition &t) { return t.by == me; });
        });
    } else {
        m_proxy->setRowFilter({});
    }
    m_table->setPlaceholderText(filter == AlarmFilter::Open  ? tr("No open alarms")
                                : filter == AlarmFilter::All ? tr("No alarms")
                                                             : tr("No alarms handled by you"));
}

} // namespace relais
