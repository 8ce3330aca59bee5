#pragma once

#include "formdialog.h"
#include "shift.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace relais {

class DispatchState;

// Starts an operator's shift: the operator types their name (prefilled with the last one
// used), which every action of the shift then carries. An empty name is refused, said on the
// status line and, once the field was edited, under it; "Start Shift" stays disabled. The
// dialog only gives the name: DeskCommands::startShift makes the entry, the caller submits it.
class StartShiftDialog final : public FormDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartShiftDialog)

public:
    explicit StartShiftDialog(const QString &lastName = QString(), QWidget *parent = nullptr);

    // The name of the operator of the shift started last (running or not); empty if none.
    static QString lastOperatorName(const DispatchState &state);

    // A name is given: "Start Shift" is enabled.
    bool isValid() const { return m_valid; }
    // The name typed, trimmed.
    QString operatorName() const;

signals:
    void validityChanged(bool valid);

private:
    void validate();

    bool m_valid = false;
    bool m_touched = false;
    QLineEdit *m_name = nullptr;
    QLabel *m_error = nullptr;
};

// Ends the running shift with its handover: shows who holds the shift and since when, and
// the summary of what is still open (core's Handover) to hand over. The summary is read-only
// until the operator chooses to edit it ("Edit"): then it is theirs to complete. The dialog
// only gives the shift and the handover: DeskCommands::endShift makes the entry.
class EndShiftDialog final : public FormDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndShiftDialog)

public:
    // The running shift of state and its handover summary at now. Without a running shift,
    // "End Shift" stays disabled.
    EndShiftDialog(const DispatchState &state, const QDateTime &now, QWidget *parent = nullptr);

    // A shift is running and the handover is not too long.
    bool isValid() const { return m_valid; }
    // The shift being ended (id 0: none).
    const Shift &shift() const { return m_shift; }
    // The handover as it stands, surrounding blank lines trimmed.
    QString handover() const;
    bool isEditing() const;
    // Makes the handover editable and gives it the focus ("Edit").
    void startEditing();

signals:
    void validityChanged(bool valid);

private:
    void validate();

    bool m_valid = false;
    Shift m_shift;
    QLabel *m_operator = nullptr;
    QLabel *m_started = nullptr;
    QPlainTextEdit *m_handover = nullptr;
    QPushButton *m_edit = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace relais
