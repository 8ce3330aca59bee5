#pragma once

#include "journalentry.h"

#include <QTreeWidget>

namespace relais {

class LiveState;
class LogRecord;

// The window's log: what happened at the desk, newest first, in words (an alarm received,
// acknowledged by whom, offered to whom, answered, on scene, resolved; helpers going on and
// off duty; shifts; the registry). Heartbeats and positions are left out: they are many
// and say nothing to the dispatcher. The last 1,000 lines are kept; the journal keeps all.
// It is also a sink of the logger (docs/logging.md): the records Logging::isForTheLog takes
// (store failures, gateways, purges, the keychain…) come from LogHub::instance(), queued, and
// are shown in the same list, "By" naming where they come from.
class EventLog final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLog)

public:
    explicit EventLog(const LiveState *state, QWidget *parent = nullptr);

    static constexpr int kMaxLines = 1000;
    // The line for an entry, as the state is after it; empty for entries left out.
    QString describe(const JournalEntry &entry) const;
    // The "By" column of a log record: where it comes from, in words.
    static QString source(const QString &category);

private:
    void append(const QList<JournalEntry> &entries);
    void appendRecord(const LogRecord &record);
    void insert(QList<QTreeWidgetItem *> items);
    QString helperName(const QString &id) const;
    QString actorName(const Actor &actor) const;

    const LiveState *m_state;
};

} // namespace relais
