#pragma once

#include "feechange.h"
#include "feeschedule.h"
#include "missionkind.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace relais {

// The settings dialog's Fees page: the fixed fee paid to a helper per mission kind. Fees are
// not settings but journal entries (fees.set): the page shows the current schedule and gives
// the fees changed; DeskCommands makes their entries, which the dialog submits. A fee is an amount such as 10, 10.50
// or 10,50 in the schedule's currency; never a floating-point number.
class FeesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeesPage)

public:
    explicit FeesPage(QWidget *parent = nullptr);

    void load(const FeeSchedule &fees);
    // Without a journal (no ActionSink): shown, not editable.
    void setReadOnly(const QString &why);
    QString check() const;
    // The fees changed, in MissionKinds::all() order; empty when none changed.
    QList<FeeChange> changedFees() const;
    // The entries were stored: the values shown are the schedule now.
    void markSaved();
    // Where the page's messages go (the journal's refusals).
    void showMessage(const QString &text, bool error);

    // The amount typed for a kind ("10.50"), for tests.
    QLineEdit *field(MissionKind kind) const { return m_fields.value(kind); }

private:
    bool parsed(MissionKind kind, Money *out) const;

    FeeSchedule m_fees;
    QHash<MissionKind, QLineEdit *> m_fields;
    QHash<MissionKind, QLabel *> m_currencies;
    QLabel *m_message = nullptr;
};

} // namespace relais
