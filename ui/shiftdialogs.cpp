#include "shiftdialogs.h"

#include "dispatchstate.h"
#include "displayformat.h"
#include "handover.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

#include <cmath>

namespace relais {

namespace {

constexpr int kMaxNameLength = 80;
// A long shift's handover, with the operator's notes, is far shorter.
constexpr int kMaxHandoverLength = 20000;
constexpr int kHandoverLines = 14;

} // namespace

// --- StartShiftDialog ---

StartShiftDialog::StartShiftDialog(const QString &lastName, QWidget *parent) : FormDialog(parent)
{
    setObjectName(QStringLiteral("startShiftDialog"));
    setWindowTitle(tr("Start a Shift"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("operatorNameEdit"));
    m_name->setMaxLength(kMaxNameLength);
    m_name->setPlaceholderText(tr("Your name, e.g. Claire Martin"));
    m_name->setText(lastName.trimmed());
    m_name->selectAll();

    addField(tr("&Operator:"), m_name);
    m_error = addErrorRow();
    addHint(tr("Every action of the shift is recorded under this name."));
    finishLayout(tr("&Start Shift"));

    connect(m_name, &QLineEdit::textEdited, this, [this] {
        m_touched = true;
        validate();
    });
    connect(m_name, &QLineEdit::textChanged, this, &StartShiftDialog::validate);

    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    validate();
}

QString StartShiftDialog::lastOperatorName(const DispatchState &state)
{
    const Shift *last = nullptr;
    for (const Shift &s : state.shifts()) {
        if (!last || s.id > last->id)
            last = &s;
    }
    return last ? last->op.name : QString();
}

QString StartShiftDialog::operatorName() const
{
    return m_name->text().trimmed();
}

void StartShiftDialog::validate()
{
    const QString error = operatorName().isEmpty() ? tr("Enter your name to start the shift.") : QString();
    const bool valid = showErrors({{m_error, error, m_touched}});
    m_ok->setEnabled(valid);
    if (valid != m_valid) {
        m_valid = valid;
        emit validityChanged(valid);
    }
}

// --- EndShiftDialog ---

EndShiftDialog::EndShiftDialog(const DispatchState &state, const QDateTime &now, QWidget *parent) : FormDialog(parent)
{
    setObjectName(QStringLiteral("endShiftDialog"));
    setWindowTitle(tr("End the Shift"));
    if (const Shift *running = state.runningShift())
        m_shift = *running;

    m_operator = new QLabel(this);
    m_operator->setObjectName(QStringLiteral("operatorLabel"));
    m_operator->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_started = new QLabel(this);
    m_started->setObjectName(QStringLiteral("startedLabel"));
    m_started->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (m_shift.id != 0) {
        m_operator->setText(m_shift.op.name);
        m_started->setText(
            tr("%1, %2 ago", "shift start: moment, duration")
                .arg(DisplayFormat::moment(m_shift.startedAt, now), DisplayFormat::age(m_shift.startedAt.secsTo(now))));
    } else {
        m_operator->setText(tr("No shift is running."));
    }

    m_handover = new QPlainTextEdit(this);
    m_handover->setObjectName(QStringLiteral("handoverEdit"));
    m_handover->setTabChangesFocus(true);
    m_handover->setReadOnly(true);
    m_handover->setPlainText(Handover::summary(state, now));
    const int frame = 2 * (m_handover->frameWidth() + int(std::ceil(m_handover->document()->documentMargin())));
    m_handover->setMinimumHeight(m_handover->fontMetrics().lineSpacing() * kHandoverLines + frame);

    m_edit = new QPushButton(tr("&Edit"), this);
    m_edit->setObjectName(QStringLiteral("editHandoverButton"));
    m_edit->setToolTip(tr("Add to the handover what the list cannot know"));
    m_edit->setAutoDefault(false);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_edit);
    buttonRow->addStretch(1);
    auto *handoverColumn = new QVBoxLayout;
    handoverColumn->addWidget(m_handover);
    handoverColumn->addLayout(buttonRow);

    addField(tr("Operator:"), m_operator);
    addField(tr("Started:"), m_started);
    addField(tr("&Handover:"), m_handover, handoverColumn);
    m_error = addErrorRow();
    addHint(tr("What is still open, for the next operator. It is kept in the journal with the end of the shift."));
    finishLayout(tr("&End Shift"));

    connect(m_edit, &QPushButton::clicked, this, &EndShiftDialog::startEditing);
    connect(m_handover, &QPlainTextEdit::textChanged, this, &EndShiftDialog::validate);

    setMinimumWidth(fontMetrics().averageCharWidth() * 90);
    validate();
}

QString EndShiftDialog::handover() const
{
    return m_handover->toPlainText().trimmed();
}

bool EndShiftDialog::isEditing() const
{
    return !m_handover->isReadOnly();
}

void EndShiftDialog::startEditing()
{
    m_handover->setReadOnly(false);
    m_handover->moveCursor(QTextCursor::End);
    m_handover->setFocus(Qt::OtherFocusReason);
    m_edit->setEnabled(false);
}

void EndShiftDialog::validate()
{
    const QString error = handover().size() > kMaxHandoverLength
                              ? tr("The handover is too long: %1 characters at most.").arg(kMaxHandoverLength)
                              : QString();
    const bool valid = showErrors({{m_error, error, true}},
                                  m_shift.id == 0 ? tr("No shift is running: there is nothing to end.") : QString());
    m_ok->setEnabled(valid);
    if (valid != m_valid) {
        m_valid = valid;
        emit validityChanged(valid);
    }
}

} // namespace relais
