#pragma once

#include "journalentry.h"
#include "privacypurge.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace relais {

// Plans a privacy purge (core/privacypurge.h, docs/privacy.md) by replaying the journal of
// relais.sqlite on a connection of its own: blocking, for a worker thread. The plan is the
// privacy.purged entries to submit to the store one after the other (none: nothing is due),
// or an error.
// It names only entries already committed, and alarms that stay closed: a plan made while
// the console keeps writing is still right when it is applied.
class PrivacyPlanner final
{
    Q_DECLARE_TR_FUNCTIONS(relais::PrivacyPlanner)

public:
    struct Plan
    {
        QList<JournalEntry> entries;
        qint64 replayed = 0; // journal entries read
    };
    static Result<Plan> plan(const QString &databasePath, const QDateTime &now, int retentionDays,
                             const PrivacyPurge::Planner::Limits &limits = {});
};

} // namespace relais
