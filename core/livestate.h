#pragma once

#include "dispatchstate.h"

#include <QObject>

namespace relais {

// The GUI thread's replica of the desk state. It is fed only with entries the store has
// durably committed, applies them with the same reducer, and tells views what changed.
class LiveState final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveState)

public:
    explicit LiveState(QObject *parent = nullptr);

    const DispatchState &state() const { return m_state; }

    // Replaces the whole state (start-up load, rebuild): views reset.
    void reset(const DispatchState &state);

public slots:
    // Entries committed by the store, in journal order. An entry the replica refuses means
    // the replica diverged from the store: it is reported, never silently skipped.
    void applyCommitted(const QList<relais::JournalEntry> &entries);

signals:
    void aboutToReset();
    void wasReset();
    void changed(const relais::DispatchState::Changes &changes);
    // The entries just applied, in journal order (after changed()): for the window's log.
    void applied(const QList<relais::JournalEntry> &entries);
    void diverged(qint64 seq, const QString &reason);

private:
    DispatchState m_state;
};

} // namespace relais

Q_DECLARE_METATYPE(relais::DispatchState::Changes)
