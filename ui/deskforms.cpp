#include "deskforms.h"

#include "actionsink.h"
#include "clock.h"
#include "deskcommands.h"
#include "exportdialog.h"
#include "livestate.h"
#include "manualalarmdialog.h"
#include "reportformat.h"
#include "reportperiod.h"
#include "shiftdialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QGeoCoordinate>
#include <QMessageBox>
#include <QPointer>

namespace relais {

DeskForms::DeskForms(LiveState *state, std::function<Actor()> actor, QWidget *window)
    : QObject(window), m_state(state), m_actor(std::move(actor)), m_window(window)
{
    setObjectName(QStringLiteral("deskForms"));
}

DeskForms::~DeskForms() = default;

QDateTime DeskForms::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

void DeskForms::createManualAlarm(const QGeoCoordinate &where)
{
    if (!m_sink) {
        emit failed(tr("No alarm can be created: this window is read-only."));
        return;
    }
    auto *dialog = new ManualAlarmDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("manualAlarmDialog"));
    if (where.isValid())
        dialog->setPosition(where);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_sink)
            return;
        const Result<QList<JournalEntry>> entries = DeskCommands::createManualAlarm(dialog->alarm(), m_actor(), now());
        if (!entries) {
            emit failed(tr("The alarm was not created: %1").arg(entries.errorString()));
            return;
        }
        m_sink->submit(entries.value(), ActionSink::Mode::EachOnItsOwn,
                       [self = QPointer<DeskForms>(this)](const QList<Status> &r) {
                           if (self && !r.isEmpty() && !r.first().ok())
                               emit self->failed(tr("The alarm was not created: %1").arg(r.first().errorString()));
                       });
    });
    dialog->open();
}

bool DeskForms::exportReport(ReportKind report, const ReportPeriod &period, const ReportFormat &format,
                             const QString &path, QString *error)
{
    // The running costs are read from the journal only for the report that publishes them.
    const QList<RunningCost> costs = report == ReportKind::Transparency && m_costs ? m_costs() : QList<RunningCost>{};
    return ReportExport::writeFile(report, m_state->state(), costs, period, format, path, error);
}

void DeskForms::showExportDialog()
{
    auto *dialog = new ExportDialog(m_state->state(), now(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("exportDialog"));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // The operator's own command: a save dialog, then a message box if it failed.
        const QString path = QFileDialog::getSaveFileName(m_window, tr("Export a Report"), dialog->suggestedFileName(),
                                                          tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        QString error;
        if (exportReport(dialog->report(), dialog->period(), dialog->format(), path, &error))
            emit message(tr("Report written: %1").arg(QDir::toNativeSeparators(path)));
        else
            QMessageBox::warning(m_window, tr("Export a Report"), tr("The report was not written: %1").arg(error));
    });
    dialog->open();
}

void DeskForms::startShift()
{
    auto *dialog = new StartShiftDialog(StartShiftDialog::lastOperatorName(m_state->state()), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("startShiftDialog"));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        submitShift(DeskCommands::startShift(dialog->operatorName(), now()), tr("The shift was not started"));
    });
    dialog->open();
}

void DeskForms::endShift()
{
    auto *dialog = new EndShiftDialog(m_state->state(), now(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("endShiftDialog"));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        submitShift(DeskCommands::endShift(dialog->shift(), dialog->handover(), now()), tr("The shift was not ended"));
    });
    dialog->open();
}

void DeskForms::submitShift(const Result<QList<JournalEntry>> &entries, const QString &failure)
{
    if (!m_sink) {
        emit failed(tr("%1: this window is read-only.").arg(failure));
        return;
    }
    if (!entries) {
        emit failed(QStringLiteral("%1: %2").arg(failure, entries.errorString()));
        return;
    }
    m_sink->submit(entries.value(), ActionSink::Mode::EachOnItsOwn,
                   [self = QPointer<DeskForms>(this), failure](const QList<Status> &r) {
                       if (self && !r.isEmpty() && !r.first().ok())
                           emit self->failed(QStringLiteral("%1: %2").arg(failure, r.first().errorString()));
                   });
}

} // namespace relais
