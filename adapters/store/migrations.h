#pragma once

#include <QCoreApplication>

#include "result.h"
#include "sqldialect.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace relais {

// The schema of the journal database as a list of steps; the version reached is kept in
// the database (SqlDialect::schemaVersion). Each step runs in its own transaction together
// with its version number, so a crash leaves the database at one version or the next.
// Steps are only ever appended: a released step is never edited.
class Migrations final
{
    Q_DECLARE_TR_FUNCTIONS(relais::Migrations)

public:
    struct Step
    {
        int version;
        const char *description; // for people reading the code and docs/store.md
        QStringList (*statements)(const SqlDialect &dialect);
    };

    static const QList<Step> &steps();
    static int latestVersion();

    // Brings the database to targetVersion (the latest by default). A database newer than
    // this program knows is refused with a message saying so, and left untouched.
    static Status migrate(QSqlDatabase &db, const SqlDialect &dialect, int targetVersion = -1);
};

} // namespace relais
