#pragma once

#include <QDialog>
#include <QList>

#include <optional>
#include <utility>

class QDialogButtonBox;
class QGridLayout;
class QLabel;
class QLayout;
class QPushButton;

namespace relais {

// The frame of Relais's forms (the device registry, the manual alarm): labelled fields in a
// grid, dim hints and red error rows under the fields, a status line saying what is still
// needed, OK and Cancel, and a height that follows the wrapped messages as they come and go.
// A grid rather than a QFormLayout: its rows take the height wrapped messages need at the
// width they really get, so messages neither overlap nor float in blank space.
class FormDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormDialog)

public:
    // A coordinate as the operator typed it, with a point or a decimal comma; nothing
    // outside [min, max], nothing that is not a finite number.
    static std::optional<double> parseCoordinate(const QString &text, double min, double max);
    // A coordinate as the operator would type it back: the locale's decimal separator, no
    // group separator, the fewest digits that read back the same value ("45,76012" in
    // French, "45.76012" in English; never an exponent). parseCoordinate() reads it exactly.
    static QString coordinateText(double value);
    // What is wrong with a latitude and a longitude typed as text (both or neither, each a
    // number in range): the latitude's message, then the longitude's; empty when right.
    static std::pair<QString, QString> coordinateErrors(const QString &latitude, const QString &longitude);

    // The messages shown under the fields, then the status line's, one a line: what the form
    // says is wrong or still needed.
    QString problemText() const;

protected:
    explicit FormDialog(QWidget *parent = nullptr);

    // A row: the label (its mnemonic goes to buddy) and the field, or a layout holding it. A
    // label beside a multi-line field stands at its first line.
    void addField(const QString &label, QWidget *buddy, QLayout *field = nullptr);
    QLabel *addHint(const QString &text);
    // A message row under the field above it, hidden until it has something to say.
    QLabel *addErrorRow();
    // Puts the form, the status line and the buttons together, OK saying okText (which only
    // accepts while enabled). Once, after the fields.
    void finishLayout(const QString &okText);
    // The window takes the height its wrapped messages need at its width.
    void fitHeight();

    // One field's message (empty: none) for its error row, shown once the field was touched.
    struct FieldError
    {
        QLabel *row = nullptr;
        QString text;
        bool touched = false;
    };
    // Shows the messages of touched fields under them; the first message of an untouched
    // field, and then `missing` when every field is right but something is still needed,
    // goes to the status line, once. Fits the height when a message came, went or changed.
    // True when there is no message at all.
    bool showErrors(const QList<FieldError> &fields, const QString &missing = QString());
    void showEvent(QShowEvent *event) override;

    QGridLayout *m_form = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_ok = nullptr;

private:
    QList<QLabel *> m_errorRows;
};

} // namespace relais
