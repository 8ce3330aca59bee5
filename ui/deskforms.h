#pragma once

#include "reportexport.h"
#include "runningcost.h"

#include <QObject>

#include <functional>

class QGeoCoordinate;
class QWidget;

namespace relais {

class ActionSink;
class Clock;
class LiveState;
struct Actor;
struct JournalEntry;
struct ReportFormat;
struct ReportPeriod;
template<typename T>
class Result;

// The window's forms beside the alarm commands: a manual alarm (a phone call), the operator's
// shift (start, end with the handover), File > Export. Each opens without blocking over the
// window; what the operator confirms becomes entries through DeskCommands, submitted to the
// ActionSink. Failures come out of failed(), a report written out of message().
class DeskForms final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeskForms)

public:
    // actor: who acts now, asked when a form is confirmed.
    DeskForms(LiveState *state, std::function<Actor()> actor, QWidget *window);
    ~DeskForms() override;

    // Where the entries go (not owned; nullptr: read-only, the forms say so).
    void setActionSink(ActionSink *sink) { m_sink = sink; }
    // The time of the entries and of the forms (not owned; the system's clock when none is set).
    void setClock(const Clock *clock) { m_clock = clock; }
    // The running costs for the transparency report; without a provider it counts none.
    void setRunningCostsProvider(std::function<QList<RunningCost>()> provider) { m_costs = std::move(provider); }
    // Writes a report to path, atomically (ReportExport). False, with the reason in *error.
    bool exportReport(ReportKind report, const ReportPeriod &period, const ReportFormat &format, const QString &path,
                      QString *error = nullptr);

public slots:
    // The manual alarm form, prefilled with a position when given (the map's "create an alarm
    // here"); submitted when the operator confirms it.
    void createManualAlarm(const QGeoCoordinate &where);
    // The start form (the operator's name), the end form (the handover summary).
    void startShift();
    void endShift();
    // The report, its period and format, then where to save it.
    void showExportDialog();

signals:
    // A form's entries refused or not stored, in a sentence (the window's status bar).
    void failed(const QString &text);
    // Something done, for the status bar ("Report written: ...").
    void message(const QString &text);

private:
    QDateTime now() const;
    // Submits a shift form's entries, each on its own; failures read "<failure>: <why>".
    void submitShift(const Result<QList<JournalEntry>> &entries, const QString &failure);

    LiveState *m_state;
    std::function<Actor()> m_actor;
    QWidget *m_window;
    ActionSink *m_sink = nullptr;
    const Clock *m_clock = nullptr;
    std::function<QList<RunningCost>()> m_costs;
};

} // namespace relais
