#include "formdialog.h"

#include "uicolors.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace relais {

namespace {

void dim(QLabel *label)
{
    QPalette palette = label->palette();
    QColor colour = palette.color(QPalette::WindowText);
    colour.setAlphaF(0.7f);
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

} // namespace

FormDialog::FormDialog(QWidget *parent) : QDialog(parent)
{
    m_form = new QGridLayout;
    m_form->setColumnStretch(1, 1);
}

std::optional<double> FormDialog::parseCoordinate(const QString &text, double min, double max)
{
    QString t = text.trimmed();
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = QLocale::c().toDouble(t, &ok);
    if (!ok || !std::isfinite(v) || v < min || v > max)
        return std::nullopt;
    return v;
}

QString FormDialog::coordinateText(double value)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(value == 0 ? 0.0 : value, 'f', QLocale::FloatingPointShortest); // never "-0"
}

std::pair<QString, QString> FormDialog::coordinateErrors(const QString &latitude, const QString &longitude)
{
    const QString lat = latitude.trimmed(), lon = longitude.trimmed();
    QString latError, lonError;
    if (!lat.isEmpty() && !parseCoordinate(lat, -90, 90))
        latError = tr("The latitude is a number of degrees between -90 and 90.");
    else if (lat.isEmpty() && !lon.isEmpty())
        latError = tr("Enter the latitude too, or clear the longitude.");
    if (!lon.isEmpty() && !parseCoordinate(lon, -180, 180))
        lonError = tr("The longitude is a number of degrees between -180 and 180.");
    else if (lon.isEmpty() && !lat.isEmpty())
        lonError = tr("Enter the longitude too, or clear the latitude.");
    return {latError, lonError};
}

bool FormDialog::showErrors(const QList<FieldError> &fields, const QString &missing)
{
    QString pending;
    bool valid = true;
    bool rowsChanged = false;
    for (const FieldError &f : fields) {
        const bool show = !f.text.isEmpty() && f.touched;
        rowsChanged = rowsChanged || show == f.row->isHidden() || (show && f.row->text() != f.text);
        f.row->setText(show ? f.text : QString());
        f.row->setVisible(show);
        if (!f.text.isEmpty()) {
            valid = false;
            if (!show && pending.isEmpty())
                pending = f.text;
        }
    }
    if (valid && !missing.isEmpty()) {
        valid = false;
        pending = missing;
    }
    if (m_status->text() != pending) {
        rowsChanged = true;
        m_status->setText(pending);
    }
    if (rowsChanged)
        fitHeight();
    return valid;
}

void FormDialog::addField(const QString &label, QWidget *buddy, QLayout *field)
{
    const int row = m_form->rowCount();
    auto *text = new QLabel(label, this);
    text->setBuddy(buddy);
    const Qt::Alignment vertical = qobject_cast<QPlainTextEdit *>(buddy) ? Qt::AlignTop : Qt::AlignVCenter;
    m_form->addWidget(text, row, 0, Qt::AlignLeft | vertical);
    if (field)
        m_form->addLayout(field, row, 1);
    else
        m_form->addWidget(buddy, row, 1);
}

QLabel *FormDialog::addHint(const QString &text)
{
    auto *hint = new QLabel(text, this);
    hint->setWordWrap(true);
    QFont font = hint->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    hint->setFont(font);
    dim(hint);
    m_form->addWidget(hint, m_form->rowCount(), 1);
    return hint;
}

QLabel *FormDialog::addErrorRow()
{
    auto *error = new QLabel(this);
    error->setWordWrap(true);
    QPalette palette = error->palette();
    palette.setColor(QPalette::WindowText, UiColors::attentionText());
    error->setPalette(palette);
    error->hide();
    m_form->addWidget(error, m_form->rowCount(), 1);
    m_errorRows.append(error);
    return error;
}

QString FormDialog::problemText() const
{
    QStringList texts;
    for (const QLabel *error : m_errorRows) {
        if (!error->isHidden())
            texts.append(error->text());
    }
    if (!m_status->text().isEmpty())
        texts.append(m_status->text());
    return texts.join(QLatin1Char('\n'));
}

void FormDialog::finishLayout(const QString &okText)
{
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    dim(m_status);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = m_buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(okText);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_ok->isEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addSpacing(6);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
}

void FormDialog::fitHeight()
{
    // The layout alone would squeeze wrapped messages: its minimum ignores word wrapping.
    if (!isVisible())
        return;
    layout()->activate();
    const int height =
        layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : layout()->totalSizeHint().height();
    if (height > 0 && height != this->height())
        resize(width(), height);
}

void FormDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeight();
}

} // namespace relais
