#include "livestate.h"

namespace relais {

LiveState::LiveState(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<relais::DispatchState::Changes>();
    qRegisterMetaType<QList<relais::JournalEntry>>();
}

void LiveState::reset(const DispatchState &state)
{
    emit aboutToReset();
    m_state = state;
    emit wasReset();
}

void LiveState::applyCommitted(const QList<JournalEntry> &entries)
{
    DispatchState::Changes all;
    QList<JournalEntry> done;
    for (const JournalEntry &e : entries) {
        if (e.seq != 0 && e.seq <= m_state.lastSeq())
            continue; // already applied (loaded with the snapshot)
        Result<DispatchState::Changes> r = m_state.apply(e);
        if (!r) {
            emit diverged(e.seq, r.errorString());
            continue;
        }
        all.merge(r.value());
        done.append(e);
    }
    if (!all.isEmpty())
        emit changed(all);
    if (!done.isEmpty())
        emit applied(done);
}

} // namespace relais
