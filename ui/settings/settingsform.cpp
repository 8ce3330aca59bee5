#include "settingsform.h"

#include "uicolors.h"

#include <QLabel>

namespace relais::SettingsForm {

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    // Dim, as the forms' hints (FormDialog): readable, but under the fields.
    QPalette palette = label->palette();
    QColor colour = palette.color(QPalette::WindowText);
    colour.setAlphaF(0.7f);
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
    return label;
}

QLabel *messageLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

void setMessage(QLabel *label, const QString &text, bool error)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     error ? UiColors::attentionText() : label->parentWidget()->palette().color(QPalette::WindowText));
    label->setPalette(palette);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace relais::SettingsForm
