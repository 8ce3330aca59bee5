#include "feespage.h"

#include "displayformat.h"
#include "settingsform.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace relais {

FeesPage::FeesPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *box = new QGroupBox(tr("Fee paid to the helper per mission"), this);
    auto *form = new QFormLayout(box);
    for (MissionKind kind : MissionKinds::all()) {
        auto *edit = new QLineEdit(box);
        edit->setObjectName(QStringLiteral("feeEdit:%1").arg(MissionKinds::key(kind)));
        edit->setMaximumWidth(edit->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 14);
        auto *currency = new QLabel(box);
        auto *row = new QHBoxLayout;
        row->addWidget(edit);
        row->addWidget(currency);
        row->addStretch(1);
        form->addRow(tr("%1:").arg(MissionKinds::label(kind)), row);
        m_fields.insert(kind, edit);
        m_currencies.insert(kind, currency);
    }
    layout->addWidget(box);
    m_message = SettingsForm::messageLabel(this);
    m_message->setObjectName(QStringLiteral("feesMessage"));
    layout->addWidget(m_message);
    layout->addWidget(SettingsForm::note(
        tr("Fees are published and recorded in the journal with who changed them and when. A new fee applies to "
           "missions created from then on; missions already created keep theirs."),
        this));
    layout->addStretch(1);
    load(FeeSchedule::defaults());
}

void FeesPage::load(const FeeSchedule &fees)
{
    m_fees = fees;
    for (MissionKind kind : MissionKinds::all()) {
        const Money fee = fees.feeFor(kind);
        m_fields.value(kind)->setText(DisplayFormat::amountField(fee));
        m_currencies.value(kind)->setText(fee.currency());
    }
}

void FeesPage::setReadOnly(const QString &why)
{
    for (QLineEdit *edit : std::as_const(m_fields))
        edit->setReadOnly(true);
    showMessage(why, false);
}

bool FeesPage::parsed(MissionKind kind, Money *out) const
{
    const QString currency = m_fees.feeFor(kind).currency();
    return Money::parse(m_fields.value(kind)->text().trimmed(), out, currency) && out->cents() >= 0
           && out->currency() == currency;
}

QString FeesPage::check() const
{
    for (MissionKind kind : MissionKinds::all()) {
        Money m;
        if (!parsed(kind, &m)) {
            return tr("The fee for %1 must be an amount in %2, such as 10 or 10.50.")
                .arg(MissionKinds::label(kind).toLower(), m_fees.feeFor(kind).currency());
        }
    }
    return {};
}

QList<FeeChange> FeesPage::changedFees() const
{
    QList<FeeChange> out;
    for (MissionKind kind : MissionKinds::all()) {
        Money m;
        if (parsed(kind, &m) && m != m_fees.feeFor(kind))
            out.append({kind, m});
    }
    return out;
}

void FeesPage::markSaved()
{
    for (MissionKind kind : MissionKinds::all()) {
        Money m;
        if (parsed(kind, &m))
            m_fees.setFee(kind, m);
    }
    load(m_fees);
}

void FeesPage::showMessage(const QString &text, bool error)
{
    SettingsForm::setMessage(m_message, text, error);
}

} // namespace relais
