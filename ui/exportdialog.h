#pragma once

#include "formdialog.h"
#include "reportexport.h"
#include "reportformat.h"
#include "reportperiod.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;

namespace relais {

class DispatchState;

// File > Export: which report (shift report, helper payouts, transparency report), for which
// period (a shift, or from/to), with or without personal details, and the CSV options
// (separator, byte-order mark). The caller asks where to save and writes (core/reports).
class ExportDialog final : public FormDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    ExportDialog(const DispatchState &state, const QDateTime &now, QWidget *parent = nullptr);

    ReportKind report() const;
    ReportPeriod period() const;
    ReportFormat format() const;
    // "relais-shift-2026-11-23.csv": a file name for the save dialog.
    QString suggestedFileName() const;

private:
    void update();

    QComboBox *m_report = nullptr;
    QComboBox *m_shift = nullptr; // the shifts, newest first, then "a period"
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QCheckBox *m_names = nullptr;
    QComboBox *m_separator = nullptr;
    QCheckBox *m_bom = nullptr;
    QList<Shift> m_shifts;
};

} // namespace relais
