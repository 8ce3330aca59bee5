#pragma once

#include "alarmkind.h"
#include "mapwidget.h"

#include <QList>
#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace relais {

class ActionSink;
class Clock;
class LiveState;
struct Actor;
struct JournalEntry;
struct OfferSettings;
template<typename T>
class Result;

// The dispatcher's commands on the alarm chosen (DispatchActions): acknowledge, the nearest
// helper, an offer to the nearest few, a helper chosen from a menu, withdraw the offers, en
// route, on scene, the outcome, close, cancel, a note. It owns their QActions (named, with
// their shortcuts, enabled as the chosen alarm allows) and the two menus they open; the
// window's Alarm menu, the alarm pane and the map's context menu share these actions. The
// entries go to the ActionSink all or nothing; refusals and failures come out of failed().
// A child of the window: dialogs and menus open over it, and the window's findChild finds
// the actions.
class AlarmCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlarmCommands)

public:
    // currentAlarm: the alarm chosen (0: none); actor: who acts now. Both asked when a
    // command runs or the actions are updated.
    AlarmCommands(LiveState *state, std::function<qint64()> currentAlarm, std::function<Actor()> actor,
                  QWidget *window);
    ~AlarmCommands() override;

    // Where the entries go (not owned; nullptr: read-only, every command says so).
    void setActionSink(ActionSink *sink) { m_sink = sink; }
    // The time of the entries (not owned; the system's clock when none is set).
    void setClock(const Clock *clock) { m_clock = clock; }
    // The offers' count and radius (not owned: the desk's); the defaults when none is set.
    void setOfferSettings(const OfferSettings *offers) { m_offers = offers; }
    // Where the assign and outcome menus open when the command has no visible button.
    void setMenuAnchor(QWidget *anchor) { m_anchor = anchor; }

    QAction *acknowledgeAction() const { return m_acknowledge; }
    QAction *assignNearestAction() const { return m_assignNearest; }
    QAction *offerNearbyAction() const { return m_offerNearby; }
    QAction *assignToAction() const { return m_assignTo; }
    QAction *cancelOffersAction() const { return m_cancelOffers; }
    QAction *enRouteAction() const { return m_enRoute; }
    QAction *onSceneAction() const { return m_onScene; }
    QAction *outcomeAction() const { return m_outcome; }
    QAction *closeAction() const { return m_close; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *noteAction() const { return m_note; }
    // The alarm pane's buttons, in order (nullptr: a separator).
    QList<QAction *> paneActions() const;

    // The map's context menu (MapWidget::setContextMenuFiller), before the map's own entries:
    // on an alarm (chosen by then), acknowledge while it is new, the nearest helper and an
    // offer; on a device or an empty place, "Create an Alarm Here" at where.
    void fillMapMenu(QMenu *menu, const MapWidget::Hit &hit, const QGeoCoordinate &where);

public slots:
    // Enables each action as the chosen alarm allows.
    void updateActions();
    void acknowledge(qint64 alarmId);
    // The nearest available helper, or an offer to the nearest few (OfferSettings).
    void assignNearest(qint64 alarmId);
    void offerToNearby(qint64 alarmId);
    // Progress and outcomes are recorded on the helper's behalf.
    void assignHelper(qint64 alarmId, const QString &helperId);
    void cancelOffers(qint64 alarmId);
    void recordEnRoute(qint64 alarmId);
    void recordOnScene(qint64 alarmId);
    void recordOutcome(qint64 alarmId, relais::Outcome outcome);
    void closeAlarm(qint64 alarmId);
    // Asks for the reason (the operator's own command: a dialog is fine here).
    void cancelAlarm(qint64 alarmId);
    void cancelAlarmBecause(qint64 alarmId, const QString &reason);
    void addNote(qint64 alarmId, const QString &text);

signals:
    // A command refused or not stored, in a sentence (the window's status bar).
    void failed(const QString &text);
    // "Add a Note": the note field is wanted (the window shows the alarm pane).
    void noteRequested();
    // "Create an Alarm Here" from the map: the manual alarm form, at where.
    void createAlarmRequested(const QGeoCoordinate &where);

private:
    QAction *makeAction(const QString &text, const char *name, const QKeySequence &key,
                        const std::function<void(qint64)> &run);
    QDateTime now() const;
    // Submits a command's entries all or nothing; failures read "<failure>: <why>".
    void submitCommand(qint64 alarmId, const Result<QList<JournalEntry>> &entries, const QString &failure);
    void submitDispatch(qint64 alarmId, const Result<QList<JournalEntry>> &entries);
    // Opens a command's menu under its button in the alarm pane, or at the anchor.
    void popUpMenu(QMenu *menu, QAction *action);
    void fillAssignMenu();
    void fillOutcomeMenu();

    LiveState *m_state;
    std::function<qint64()> m_currentAlarm;
    std::function<Actor()> m_actor;
    QWidget *m_window;
    QWidget *m_anchor = nullptr;
    ActionSink *m_sink = nullptr;
    const Clock *m_clock = nullptr;
    const OfferSettings *m_offers = nullptr;

    QAction *m_acknowledge = nullptr;
    QAction *m_assignNearest = nullptr;
    QAction *m_offerNearby = nullptr;
    QAction *m_assignTo = nullptr;
    QMenu *m_assignMenu = nullptr;
    QAction *m_cancelOffers = nullptr;
    QAction *m_enRoute = nullptr;
    QAction *m_onScene = nullptr;
    QAction *m_outcome = nullptr;
    QMenu *m_outcomeMenu = nullptr;
    QAction *m_close = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_note = nullptr;
};

} // namespace relais
