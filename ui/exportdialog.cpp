#include "exportdialog.h"

#include "dispatchstate.h"
#include "displayformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include <algorithm>

namespace relais {

ExportDialog::ExportDialog(const DispatchState &state, const QDateTime &now, QWidget *parent) : FormDialog(parent)
{
    setWindowTitle(tr("Export a Report"));

    m_report = new QComboBox(this);
    m_report->setObjectName(QStringLiteral("reportCombo"));
    m_report->addItem(tr("Shift report (one row per alarm)"), int(ReportKind::Shift));
    m_report->addItem(tr("Helper payouts"), int(ReportKind::Payouts));
    m_report->addItem(tr("Transparency report (no personal data)"), int(ReportKind::Transparency));
    addField(tr("&Report:"), m_report);

    // The shifts, newest first; the running one says so.
    for (const Shift &s : state.shifts())
        m_shifts.append(s);
    std::sort(m_shifts.begin(), m_shifts.end(), [](const Shift &x, const Shift &y) { return x.id > y.id; });
    m_shift = new QComboBox(this);
    m_shift->setObjectName(QStringLiteral("shiftCombo"));
    for (const Shift &s : std::as_const(m_shifts)) {
        const QString when = DisplayFormat::moment(s.startedAt, now);
        m_shift->addItem(s.isRunning()
                             ? tr("Shift of %1 since %2 (running)").arg(s.op.name, when)
                             : tr("Shift of %1, %2 – %3").arg(s.op.name, when, DisplayFormat::moment(s.endedAt, now)),
                         s.id);
    }
    m_shift->addItem(tr("The period below"), 0);
    addField(tr("&Period:"), m_shift);

    m_from = new QDateTimeEdit(this);
    m_from->setObjectName(QStringLiteral("fromEdit"));
    m_to = new QDateTimeEdit(this);
    m_to->setObjectName(QStringLiteral("toEdit"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    }
    // By default the month so far.
    const QDateTime local = now.toLocalTime();
    m_from->setDateTime(QDateTime(QDate(local.date().year(), local.date().month(), 1), QTime(0, 0)));
    m_to->setDateTime(local);
    auto *range = new QHBoxLayout;
    range->addWidget(m_from, 1);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to, 1);
    addField(tr("&From:"), m_from, range);

    m_names = new QCheckBox(tr("Include names and addresses (personal data: keep the file safe)"), this);
    m_names->setObjectName(QStringLiteral("namesCheck"));
    addField(QString(), m_names);

    const ReportFormat defaults = ReportFormat::forLocale(QLocale());
    m_separator = new QComboBox(this);
    m_separator->setObjectName(QStringLiteral("separatorCombo"));
    m_separator->addItem(tr("Semicolon ;"), QStringLiteral(";"));
    m_separator->addItem(tr("Comma ,"), QStringLiteral(","));
    m_separator->setCurrentIndex(defaults.separator == QLatin1Char(';') ? 0 : 1);
    addField(tr("&Separator:"), m_separator);
    m_bom = new QCheckBox(tr("Byte-order mark, for spreadsheet programs"), this);
    m_bom->setObjectName(QStringLiteral("bomCheck"));
    m_bom->setChecked(defaults.byteOrderMark);
    addField(QString(), m_bom);

    finishLayout(tr("&Export…"));
    connect(m_report, &QComboBox::currentIndexChanged, this, &ExportDialog::update);
    connect(m_shift, &QComboBox::currentIndexChanged, this, &ExportDialog::update);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &ExportDialog::update);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &ExportDialog::update);
    // A shift report of the shift under way by default; the other reports over a period.
    update();
}

ReportKind ExportDialog::report() const
{
    return static_cast<ReportKind>(m_report->currentData().toInt());
}

ReportPeriod ExportDialog::period() const
{
    const qint64 shiftId = m_shift->currentData().toLongLong();
    for (const Shift &s : m_shifts) {
        if (s.id == shiftId)
            return ReportPeriod::ofShift(s);
    }
    return {m_from->dateTime().toUTC(), m_to->dateTime().toUTC()};
}

ReportFormat ExportDialog::format() const
{
    ReportFormat f = ReportFormat::forLocale(QLocale());
    f.separator = m_separator->currentData().toString().at(0);
    f.byteOrderMark = m_bom->isChecked();
    // The transparency report never carries personal data, whatever the box says.
    f.withNames = report() != ReportKind::Transparency && m_names->isChecked();
    return f;
}

QString ExportDialog::suggestedFileName() const
{
    const QString kind = ReportExport::key(report());
    const ReportPeriod p = period();
    const QDate day = (p.from.isValid() ? p.from : QDateTime::currentDateTimeUtc()).toLocalTime().date();
    return QStringLiteral("relais-%1-%2.csv").arg(kind, day.toString(Qt::ISODate));
}

void ExportDialog::update()
{
    const bool byPeriod = m_shift->currentData().toLongLong() == 0;
    m_from->setEnabled(byPeriod);
    m_to->setEnabled(byPeriod);
    m_names->setEnabled(report() != ReportKind::Transparency);
    const bool ordered = !byPeriod || m_from->dateTime() < m_to->dateTime();
    m_ok->setEnabled(ordered);
    showErrors({}, ordered ? QString() : tr("The period must end after it starts."));
}

} // namespace relais
