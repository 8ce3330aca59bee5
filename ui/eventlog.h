#pragma once

#include "journalentry.h"

#include <QTreeWidget>

namespace relais {

class LiveState;

// The window's log: what happened at the desk, newest first, in words (an alarm received,
// acknowledged by whom, offered to whom, answered, on scene, resolved; helpers going on and
// off duty; shifts; the registry). Heartbeats and positions are left out: they are many
// and say nothing to the dispatcher. The last 1,000 lines are kept; the journal keeps all.
class EventLog final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLog)

public:
    explicit EventLog(const LiveState *state, QWidget *parent = nullptr);

    static constexpr int kMaxLines = 1000;
    // The line for an entry, as the state is after it; empty for entries left out.
    QString describe(const JournalEntry &entry) const;

private:
    void append(const QList<JournalEntry> &entries);
    QString helperName(const QString &id) const;
    QString actorName(const Actor &actor) const;

    const LiveState *m_state;
};

} // namespace relais
