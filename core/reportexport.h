#pragma once

#include "runningcost.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

namespace relais {

class DispatchState;
struct ReportFormat;
struct ReportPeriod;

// The reports Relais exports (docs/exports.md), whether File > Export or `relais export`.
enum class ReportKind { Shift, Payouts, Transparency };

// One dispatch from a report's kind to its writer, for the window and the command line alike.
namespace ReportExport {

// The command line's names: "shift", "payouts", "transparency" (also in suggested file names).
QString key(ReportKind kind);
QStringList keys();
std::optional<ReportKind> fromKey(const QString &key);

// The report's CSV for period in format, from the state and the running costs (only the
// transparency report reads them), written to out (open for writing; not closed). False, with
// the reason in *error, when it could not be written.
bool write(ReportKind kind, const DispatchState &state, const QList<RunningCost> &costs, const ReportPeriod &period,
           const ReportFormat &format, QIODevice *out, QString *error = nullptr);
// The same to the file at path, replaced atomically: nothing changes there when it fails.
bool writeFile(ReportKind kind, const DispatchState &state, const QList<RunningCost> &costs, const ReportPeriod &period,
               const ReportFormat &format, const QString &path, QString *error = nullptr);

} // namespace ReportExport

} // namespace relais
