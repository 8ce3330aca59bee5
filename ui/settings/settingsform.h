#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace relais::SettingsForm {

// A wrapped, dim sentence under a group of fields: what a setting does, when it takes effect.
QLabel *note(const QString &text, QWidget *parent);
// A wrapped message in the attention colour, hidden while empty (setMessage).
QLabel *messageLabel(QWidget *parent);
// Shows text in a messageLabel, or hides it when text is empty.
void setMessage(QLabel *label, const QString &text, bool error = true);

} // namespace relais::SettingsForm
