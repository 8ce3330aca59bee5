#pragma once

#include <QCoreApplication>

#include "dispatchstate.h"
#include "result.h"

#include <QSqlDatabase>

namespace relais {

// Reads every state table into a DispatchState (the snapshot at start-up, the writer's
// replica after a failed batch). The reducer is bypassed: DispatchState::load* and the
// entities' restore() set what only transitions set, and lastSeq is the journal's last seq.
// What StateWriter wrote is read back exactly, so loading equals replaying the journal.
class StateLoader final
{
    Q_DECLARE_TR_FUNCTIONS(relais::StateLoader)

public:
    static Result<DispatchState> load(const QSqlDatabase &db);
};

} // namespace relais
