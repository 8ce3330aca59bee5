#pragma once

#include "dispatchstate.h"
#include "result.h"
#include "runningcost.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

class QSqlDatabase;

namespace relais {

// `relais export shift|payouts|transparency …` and `relais costs add|list …`: the CSV exports
// (docs/exports.md) and the running costs from the command line, for scheduled jobs. They run
// on a QCoreApplication only (no display, no widget), print errors on stderr and exit with 0
// (done), 1 (failed: no journal, unknown shift, cannot write) or 2 (bad command line).
//
// An export reads the journal database without taking the data folder (a console may be running
// on it): one read transaction over the state tables and the costs.recorded entries.
// `costs add` journals an entry, so it opens the store like the console does (and is refused
// while a console holds the folder).
class ExportCommand final
{
public:
    // Whether argv asks for one of these commands (argv[1] is "export" or "costs").
    static bool handles(int argc, char *argv[]);
    // Creates the QCoreApplication and runs the command; returns the exit code.
    static int run(int argc, char *argv[]);
    // The same with an application already created (arguments as QCoreApplication::arguments()).
    static int run(const QStringList &arguments);

    // What an export reads, from one read transaction.
    struct Snapshot
    {
        DispatchState state;
        QList<RunningCost> costs;
    };
    // Reads the journal database at databasePath (relais.sqlite) without locking the data folder.
    // For the console's File menu too: the costs are only in the journal.
    static Result<Snapshot> read(const QString &databasePath);
    // The running costs journaled (costs.recorded), in journal order, on an open connection.
    static Result<QList<RunningCost>> readCosts(const QSqlDatabase &db);
    // The same on a connection of its own (the calling thread's), for the console's
    // transparency export: the GUI's LiveState has the rest.
    static Result<QList<RunningCost>> readCosts(const QString &databasePath);

    // A --from / --to value: a date ("2024-03-01": the start of that day in zone, or with
    // endOfDay the start of the next day, so that --to includes the day named) or an ISO 8601
    // date and time, with an offset ("…T08:00:00+01:00", "…Z") or without (then in zone).
    static Result<QDateTime> parseMoment(const QString &text, const QTimeZone &zone, bool endOfDay);
};

} // namespace relais
