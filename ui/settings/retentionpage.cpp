#include "retentionpage.h"

#include "settings.h"
#include "settingsform.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace relais {

RetentionPage::RetentionPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *box = new QGroupBox(tr("Personal data"), this);
    auto *form = new QFormLayout(box);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_days = new QSpinBox(box);
    m_days->setObjectName(QStringLiteral("retentionDaysSpin"));
    m_days->setRange(Settings::retentionRange.minimum, Settings::retentionRange.maximum);
    m_days->setSuffix(tr(" days"));
    m_days->setValue(Settings::retentionRange.fallback);
    m_days->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    form->addRow(tr("&Keep personal data for:"), m_days);
    form->addRow(SettingsForm::note(
        tr("When an alarm has been closed or cancelled for this long, its personal details are purged: the "
           "address, the notes, what the caller said and the caller's name; its position is rounded to the "
           "neighbourhood. Helpers' positions older than this are forgotten too. Reports keep pseudonymised "
           "records: counts, times, outcomes and fees, without names or addresses. Default: 365 days."),
        box));
    layout->addWidget(box);
    layout->addStretch(1);
}

void RetentionPage::load(const Settings &settings)
{
    m_days->setValue(settings.retentionDays());
}

void RetentionPage::save(Settings &settings) const
{
    settings.setRetentionDays(m_days->value());
}

} // namespace relais
