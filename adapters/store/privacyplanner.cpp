#include "privacyplanner.h"

#include "dispatchstate.h"
#include "journalreader.h"
#include "privacypurge.h"
#include "sqlconnection.h"

namespace relais {

Result<PrivacyPlanner::Plan> PrivacyPlanner::plan(const QString &databasePath, const QDateTime &now, int retentionDays,
                                                  const PrivacyPurge::Planner::Limits &limits)
{
    SqlConnection connection(QStringLiteral("privacy"));
    if (!connection.open(databasePath))
        return Error{QStringLiteral("store_failed"), connection.errorString()};
    QSqlDatabase &db = connection.database();
    // One read transaction: the replay sees one committed state of the journal.
    if (!db.transaction())
        return Error{QStringLiteral("store_failed"), tr("Cannot read the journal to plan a purge.")};

    const QDateTime cutoff = PrivacyPurge::cutoff(now, retentionDays);
    PrivacyPurge::Planner planner(cutoff);
    DispatchState state;
    Plan out;
    QString refusal;
    const Status walked = JournalReader(db).forEach([&](const JournalEntry &e) {
        ++out.replayed;
        Result<DispatchState::Changes> changes = state.apply(e);
        if (!changes) {
            refusal = tr("entry %1 (%2) is refused on replay: %3").arg(e.seq).arg(e.kind, changes.errorString());
            return false;
        }
        planner.feed(e, changes.value(), state);
        return true;
    });
    db.rollback();
    if (!walked)
        return walked.error();
    if (!refusal.isEmpty())
        return Error{QStringLiteral("store_failed"), tr("Cannot plan a purge: %1").arg(refusal)};
    out.entries = planner.plan(state, now, retentionDays, limits);
    return out;
}

} // namespace relais
