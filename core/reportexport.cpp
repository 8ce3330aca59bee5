#include "reportexport.h"

#include "reports.h"

#include <QSaveFile>

namespace relais::ReportExport {

QString key(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Shift:
        return QStringLiteral("shift");
    case ReportKind::Payouts:
        return QStringLiteral("payouts");
    case ReportKind::Transparency:
        break;
    }
    return QStringLiteral("transparency");
}

QStringList keys()
{
    return {key(ReportKind::Shift), key(ReportKind::Payouts), key(ReportKind::Transparency)};
}

std::optional<ReportKind> fromKey(const QString &text)
{
    for (ReportKind kind : {ReportKind::Shift, ReportKind::Payouts, ReportKind::Transparency}) {
        if (text == key(kind))
            return kind;
    }
    return std::nullopt;
}

bool write(ReportKind kind, const DispatchState &state, const QList<RunningCost> &costs, const ReportPeriod &period,
           const ReportFormat &format, QIODevice *out, QString *error)
{
    switch (kind) {
    case ReportKind::Shift:
        return Reports::writeShiftReport(state, period, format, out, error);
    case ReportKind::Payouts:
        return Reports::writePayoutStatement(state, period, format, out, error);
    case ReportKind::Transparency:
        break;
    }
    return Reports::writeTransparencyReport(state, period, costs, format, out, error);
}

bool writeFile(ReportKind kind, const DispatchState &state, const QList<RunningCost> &costs, const ReportPeriod &period,
               const ReportFormat &format, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QString why;
    if (!write(kind, state, costs, period, format, &file, &why) || !file.commit()) {
        file.cancelWriting();
        if (error)
            *error = why.isEmpty() ? file.errorString() : why;
        return false;
    }
    return true;
}

} // namespace relais::ReportExport
