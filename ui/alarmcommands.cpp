#include "alarmcommands.h"

#include "actionsink.h"
#include "clock.h"
#include "dispatchactions.h"
#include "helperranker.h"
#include "livestate.h"
#include "offersettings.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QPointer>
#include <QToolButton>

#include <algorithm>

namespace relais {

AlarmCommands::AlarmCommands(LiveState *state, std::function<qint64()> currentAlarm, std::function<Actor()> actor,
                             QWidget *window)
    : QObject(window),
      m_state(state),
      m_currentAlarm(std::move(currentAlarm)),
      m_actor(std::move(actor)),
      m_window(window)
{
    setObjectName(QStringLiteral("alarmCommands"));
    m_acknowledge = makeAction(tr("&Acknowledge"), "acknowledgeAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_Return),
                               [this](qint64 id) { acknowledge(id); });
    m_assignNearest = makeAction(tr("Assign the Nearest &Helper"), "assignNearestAlarmAction",
                                 QKeySequence(Qt::CTRL | Qt::Key_D), [this](qint64 id) { assignNearest(id); });
    m_offerNearby = makeAction(tr("&Offer to Nearby Helpers"), "offerNearbyAlarmAction",
                               QKeySequence(Qt::CTRL | Qt::Key_O), [this](qint64 id) { offerToNearby(id); });
    // Choosing the helper or the outcome: a menu under the command's button.
    m_assignMenu = new QMenu(window);
    m_assignMenu->setObjectName(QStringLiteral("assignMenu"));
    m_assignTo =
        makeAction(tr("Assign &To…"), "assignToAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_T), [this](qint64) {
            fillAssignMenu();
            popUpMenu(m_assignMenu, m_assignTo);
        });
    m_cancelOffers =
        makeAction(tr("&Withdraw the Offers"), "cancelOffersAlarmAction",
                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this](qint64 id) { cancelOffers(id); });
    m_enRoute = makeAction(tr("Helper &En Route"), "enRouteAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_E),
                           [this](qint64 id) { recordEnRoute(id); });
    m_onScene = makeAction(tr("Helper On &Scene"), "onSceneAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_G),
                           [this](qint64 id) { recordOnScene(id); });
    m_outcomeMenu = new QMenu(window);
    m_outcomeMenu->setObjectName(QStringLiteral("outcomeMenu"));
    m_outcome = makeAction(tr("O&utcome…"), "outcomeAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_I), [this](qint64) {
        fillOutcomeMenu();
        popUpMenu(m_outcomeMenu, m_outcome);
    });
    m_close = makeAction(tr("Clo&se"), "closeAlarmAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                         [this](qint64 id) { closeAlarm(id); });
    m_cancel = makeAction(tr("Cancel the Alarm…"), "cancelAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_Delete),
                          [this](qint64 id) { cancelAlarm(id); });
    m_note = makeAction(tr("Add a &Note"), "noteAlarmAction", QKeySequence(Qt::CTRL | Qt::Key_M),
                        [this](qint64) { emit noteRequested(); });
    // Short labels on the pane's buttons; the menus keep the full ones.
    const struct
    {
        QAction *action;
        QString label;
    } shortLabels[] = {
        {m_acknowledge, tr("Acknowledge")}, {m_assignNearest, tr("Nearest")}, {m_offerNearby, tr("Offer")},
        {m_assignTo, tr("Assign…")},        {m_cancelOffers, tr("Withdraw")}, {m_enRoute, tr("En route")},
        {m_onScene, tr("On scene")},        {m_outcome, tr("Outcome…")},      {m_close, tr("Close")},
        {m_cancel, tr("Cancel…")},
    };
    for (const auto &l : shortLabels) {
        l.action->setIconText(l.label);
        l.action->setToolTip(QStringLiteral("%1 (%2)").arg(QString(l.action->text()).remove(QLatin1Char('&')),
                                                           l.action->shortcut().toString(QKeySequence::NativeText)));
    }
}

AlarmCommands::~AlarmCommands() = default;

QAction *AlarmCommands::makeAction(const QString &text, const char *name, const QKeySequence &key,
                                   const std::function<void(qint64)> &run)
{
    // A command on the alarm chosen in the list, from the keyboard too.
    auto *action = new QAction(text, this);
    action->setObjectName(QLatin1StringView(name));
    action->setShortcut(key);
    connect(action, &QAction::triggered, this, [this, run] {
        if (const qint64 id = m_currentAlarm())
            run(id);
    });
    return action;
}

QList<QAction *> AlarmCommands::paneActions() const
{
    return {m_acknowledge, m_assignNearest, m_offerNearby, m_assignTo, m_cancelOffers, nullptr,
            m_enRoute,     m_onScene,       m_outcome,     m_close,    m_cancel};
}

void AlarmCommands::fillMapMenu(QMenu *menu, const MapWidget::Hit &hit, const QGeoCoordinate &where)
{
    using K = MapWidget::Hit::Kind;
    if (hit.kind == K::Alarm) {
        const Alarm *a = m_state->state().alarm(hit.alarmId);
        if (a && a->state() == Alarm::State::New)
            menu->addAction(m_acknowledge);
        menu->addAction(m_assignNearest);
        menu->addAction(m_offerNearby);
    } else if (hit.kind == K::Device || hit.kind == K::None) {
        // Its own action: the place is the menu's.
        menu->addAction(tr("Create an Alarm &Here…"), this, [this, where] { emit createAlarmRequested(where); })
            ->setObjectName(QStringLiteral("createAlarmAction"));
    }
}

QDateTime AlarmCommands::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

void AlarmCommands::updateActions()
{
    using S = Alarm::State;
    const Alarm *a = m_state->state().alarm(m_currentAlarm());
    const bool open = a && a->isOpen();
    const bool waiting = open && (a->state() == S::New || a->state() == S::Acknowledged);
    m_acknowledge->setEnabled(open && a->state() == S::New);
    m_assignNearest->setEnabled(waiting && a->position.isValid());
    m_offerNearby->setEnabled(waiting && a->position.isValid());
    const Mission *m = a && a->missionId ? m_state->state().mission(a->missionId) : nullptr;
    const bool assigned = m && m->state() == Mission::State::Assigned;
    m_assignTo->setEnabled(open && a->state() != S::OnScene);
    m_cancelOffers->setEnabled(open && m && m->state() == Mission::State::Offering);
    m_enRoute->setEnabled(open && assigned && a->state() == S::Assigned);
    m_onScene->setEnabled(open && assigned && (a->state() == S::Assigned || a->state() == S::EnRoute));
    m_outcome->setEnabled(open && (!assigned || a->state() == S::OnScene));
    m_close->setEnabled(a && a->state() == S::Resolved);
    m_cancel->setEnabled(open);
    m_note->setEnabled(a != nullptr);
}

void AlarmCommands::popUpMenu(QMenu *menu, QAction *action)
{
    QWidget *button = nullptr;
    const QList<QObject *> users = action->associatedObjects();
    for (QObject *o : users) {
        auto *w = qobject_cast<QToolButton *>(o);
        if (w && w->isVisible()) {
            button = w;
            break;
        }
    }
    QPoint where;
    if (button)
        where = button->mapToGlobal(QPoint(0, button->height()));
    else if (m_anchor)
        where = m_anchor->mapToGlobal(QPoint(20, 20));
    menu->popup(where);
}

void AlarmCommands::fillAssignMenu()
{
    m_assignMenu->clear();
    const qint64 id = m_currentAlarm();
    const DispatchState &s = m_state->state();
    const Alarm *a = s.alarm(id);
    if (!a)
        return;
    // Available helpers, nearest first (skills break near ties); without a position, by name.
    QList<HelperRanker::Candidate> ranked;
    if (a->position.isValid()) {
        ranked = HelperRanker::rank(s.helpers(), a->position, a->kind(), {8, 0, true});
    } else {
        for (const Helper &h : s.helpers()) {
            if (h.availability() == Helper::Availability::Available)
                ranked.append({h.id(), -1, 0});
        }
        std::sort(ranked.begin(), ranked.end(), [&s](const auto &x, const auto &y) {
            return QString::localeAwareCompare(s.helper(x.helperId)->name, s.helper(y.helperId)->name) < 0;
        });
        ranked = ranked.mid(0, 8);
    }
    if (ranked.isEmpty()) {
        m_assignMenu->addAction(tr("No helper is available"))->setEnabled(false);
        return;
    }
    for (const HelperRanker::Candidate &c : ranked) {
        const Helper *h = s.helper(c.helperId);
        const QString text = c.distanceM >= 0 ? tr("%1 — %2 m").arg(h->name).arg(qRound(c.distanceM)) : h->name;
        QAction *choice = m_assignMenu->addAction(text);
        choice->setObjectName(QStringLiteral("assignTo_") + c.helperId);
        connect(choice, &QAction::triggered, this, [this, id, helper = c.helperId] { assignHelper(id, helper); });
    }
}

void AlarmCommands::fillOutcomeMenu()
{
    m_outcomeMenu->clear();
    const qint64 id = m_currentAlarm();
    for (Outcome o : Outcomes::all()) {
        if (o == Outcome::Cancelled)
            continue;
        QAction *choice = m_outcomeMenu->addAction(Outcomes::label(o));
        choice->setObjectName(QStringLiteral("outcome_") + Outcomes::key(o));
        connect(choice, &QAction::triggered, this, [this, id, o] { recordOutcome(id, o); });
    }
}

void AlarmCommands::acknowledge(qint64 id)
{
    if (!m_sink) {
        emit failed(tr("Alarm %1 cannot be acknowledged: this window is read-only.").arg(id));
        return;
    }
    m_sink->submit(DispatchActions::acknowledge(id, m_actor(), now()).value(), ActionSink::Mode::EachOnItsOwn,
                   [self = QPointer<AlarmCommands>(this), id](const QList<Status> &r) {
                       if (self && !r.isEmpty() && !r.first().ok())
                           emit self->failed(
                               tr("Alarm %1 was not acknowledged: %2").arg(id).arg(r.first().errorString()));
                   });
}

void AlarmCommands::assignNearest(qint64 alarmId)
{
    submitDispatch(alarmId, DispatchActions::assignNearest(m_state->state(), alarmId, m_actor(), now()));
}

void AlarmCommands::offerToNearby(qint64 alarmId)
{
    const OfferSettings offers = m_offers ? *m_offers : OfferSettings{};
    submitDispatch(alarmId, DispatchActions::offerToNearby(m_state->state(), alarmId, offers.count, offers.radiusM,
                                                           m_actor(), now()));
}

void AlarmCommands::submitDispatch(qint64 alarmId, const Result<QList<JournalEntry>> &entries)
{
    if (!entries) {
        emit failed(tr("Alarm %1: %2").arg(alarmId).arg(entries.errorString()));
        return;
    }
    if (!m_sink) {
        emit failed(tr("Alarm %1 cannot be dispatched: this window is read-only.").arg(alarmId));
        return;
    }
    // Together or not at all: the mission and what is done with it.
    m_sink->submit(entries.value(), ActionSink::Mode::AllOrNothing,
                   [self = QPointer<AlarmCommands>(this), alarmId](const QList<Status> &r) {
                       for (const Status &s : r) {
                           if (self && !s.ok()) {
                               emit self->failed(
                                   tr("Alarm %1 was not dispatched: %2").arg(alarmId).arg(s.errorString()));
                               return;
                           }
                       }
                   });
}

void AlarmCommands::assignHelper(qint64 alarmId, const QString &helperId)
{
    submitCommand(alarmId, DispatchActions::assignTo(m_state->state(), alarmId, helperId, m_actor(), now()),
                  tr("Alarm %1 was not assigned").arg(alarmId));
}

void AlarmCommands::cancelOffers(qint64 alarmId)
{
    submitCommand(alarmId, DispatchActions::cancelOffers(m_state->state(), alarmId, m_actor(), now()),
                  tr("The offers of alarm %1 were not withdrawn").arg(alarmId));
}

void AlarmCommands::recordEnRoute(qint64 alarmId)
{
    submitCommand(alarmId,
                  DispatchActions::recordProgress(m_state->state(), alarmId, DispatchActions::Progress::EnRoute,
                                                  m_actor(), now()),
                  tr("Alarm %1: “en route” was not recorded").arg(alarmId));
}

void AlarmCommands::recordOnScene(qint64 alarmId)
{
    submitCommand(alarmId,
                  DispatchActions::recordProgress(m_state->state(), alarmId, DispatchActions::Progress::OnScene,
                                                  m_actor(), now()),
                  tr("Alarm %1: “on scene” was not recorded").arg(alarmId));
}

void AlarmCommands::recordOutcome(qint64 alarmId, Outcome outcome)
{
    submitCommand(alarmId,
                  DispatchActions::recordOutcome(m_state->state(), alarmId, outcome, QString(), m_actor(), now()),
                  tr("Alarm %1: the outcome was not recorded").arg(alarmId));
}

void AlarmCommands::closeAlarm(qint64 alarmId)
{
    submitCommand(alarmId, DispatchActions::close(m_state->state(), alarmId, m_actor(), now()),
                  tr("Alarm %1 was not closed").arg(alarmId));
}

void AlarmCommands::cancelAlarm(qint64 alarmId)
{
    auto *dialog = new QInputDialog(m_window);
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

void AlarmCommands::cancelAlarmBecause(qint64 alarmId, const QString &reason)
{
    submitCommand(alarmId, DispatchActions::cancelAlarm(m_state->state(), alarmId, reason, m_actor(), now()),
                  tr("Alarm %1 was not cancelled").arg(alarmId));
}

void AlarmCommands::addNote(qint64 alarmId, const QString &text)
{
    submitCommand(alarmId, DispatchActions::addNote(m_state->state(), alarmId, text, m_actor(), now()),
                  tr("The note on alarm %1 was not kept").arg(alarmId));
}

void AlarmCommands::submitCommand(qint64 alarmId, const Result<QList<JournalEntry>> &entries, const QString &failure)
{
    if (!entries) {
        emit failed(QStringLiteral("%1: %2").arg(failure, entries.errorString()));
        return;
    }
    if (!m_sink) {
        emit failed(tr("Alarm %1: nothing can be changed, this window is read-only.").arg(alarmId));
        return;
    }
    m_sink->submit(entries.value(), ActionSink::Mode::AllOrNothing,
                   [self = QPointer<AlarmCommands>(this), failure](const QList<Status> &r) {
                       for (const Status &s : r) {
                           if (self && !s.ok()) {
                               emit self->failed(QStringLiteral("%1: %2").arg(failure, s.errorString()));
                               return;
                           }
                       }
                   });
}

} // namespace relais
