#include "attentionmonitor.h"

#include "livestate.h"
#include "uicolors.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QSystemTrayIcon>
#include <QToolBar>

#include <algorithm>

namespace relais {

AttentionMonitor::AttentionMonitor(LiveState *state, QMainWindow *window)
    : QObject(window), m_state(state), m_window(window)
{
    setObjectName(QStringLiteral("attentionMonitor"));
    // Above the map, only while an escalated alarm needs a phone call: never a dialog.
    m_bar = new QToolBar(tr("Attention"), window);
    m_bar->setObjectName(QStringLiteral("attentionBar"));
    m_bar->setMovable(false);
    m_bar->setFloatable(false);
    m_bar->toggleViewAction()->setVisible(false);
    m_label = new QLabel(m_bar);
    m_label->setObjectName(QStringLiteral("attentionLabel"));
    // No word wrap: a wrapped label asks for the height of its narrowest width, leaving blank
    // lines that take rows from the alarm queue.
    m_label->setWordWrap(false);
    m_label->setContentsMargins(10, 4, 8, 4);
    // A style sheet, not a palette: the tool bar's style would paint over a palette's colours.
    m_label->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: %1; border-left: 4px solid %1; }")
                               .arg(UiColors::attentionText().name()));
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_bar->addWidget(m_label);
    window->addToolBar(Qt::TopToolBarArea, m_bar);
    m_bar->hide();
    connect(m_state, &LiveState::changed, this, &AttentionMonitor::updateBanner);
    connect(m_state, &LiveState::changed, this,
            [this](const DispatchState::Changes &changes) { noticeChanges(changes.alarms); });
    connect(m_state, &LiveState::wasReset, this, &AttentionMonitor::updateBanner);
    updateBanner();
}

AttentionMonitor::~AttentionMonitor() = default;

QString AttentionMonitor::attentionText() const
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

void AttentionMonitor::updateBanner()
{
    const QString text = attentionText();
    if (text != m_label->text())
        m_label->setText(text);
    m_bar->setVisible(!text.isEmpty());
}

void AttentionMonitor::notifyTray(const QString &text)
{
    // Seen even when the window is behind another.
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(m_window->windowIcon(), m_window);
        m_tray->setObjectName(QStringLiteral("trayIcon"));
        m_tray->setToolTip(tr("Relais"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, m_window, [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        });
        m_tray->show();
    }
    m_tray->showMessage(tr("Alarm waiting"), text, QSystemTrayIcon::Warning, 10000);
}

void AttentionMonitor::noticeChanges(const QSet<qint64> &alarms)
{
    for (qint64 id : alarms) {
        const Alarm *a = m_state->state().alarm(id);
        if (a && a->state() == Alarm::State::New && a->escalationStage() >= 1 && !m_toldUnacknowledged.contains(id)) {
            // Not acknowledged in time: a notification from the system tray, and the status bar.
            m_toldUnacknowledged.insert(id);
            const QString text = tr("Alarm %1 (%2, %3) is waiting to be acknowledged.")
                                     .arg(id)
                                     .arg(AlarmKinds::label(a->kind()), Severities::label(a->severity()));
            notifyTray(text);
            emit told(text);
        }
        if (!a || a->state() != Alarm::State::Acknowledged || a->timeline().isEmpty()
            || a->timeline().last().note != QLatin1String("offers_exhausted"))
            continue;
        // Once per return to the dispatcher (the timeline's length tells them apart).
        if (m_toldExhausted.value(id, -1) == a->timeline().size())
            continue;
        m_toldExhausted.insert(id, a->timeline().size());
        emit told(tr("Alarm %1: no helper accepted and nobody else is near enough. Choose a helper, or call.").arg(id));
    }
}

} // namespace relais
