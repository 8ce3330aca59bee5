#include "migrations.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace relais {

namespace {

// v1: the append-only journal and the state tables derived from it.
QStringList version1(const SqlDialect &d)
{
    const QString keyed = d.keyedTableOptions();
    return {
        QStringLiteral("CREATE TABLE journal ("
                       "seq %1, time_ms BIGINT NOT NULL, source TEXT NOT NULL, message_id TEXT NOT NULL, "
                       "kind TEXT NOT NULL, actor TEXT NOT NULL, payload TEXT NOT NULL, raw %2 NOT NULL)")
            .arg(d.journalKeyType(), d.blobType()),
        QStringLiteral("CREATE TABLE devices ("
                       "id TEXT PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL, beneficiary_ref TEXT NOT NULL, "
                       "address TEXT NOT NULL, lat DOUBLE PRECISION, lon DOUBLE PRECISION, "
                       "report_interval_s INTEGER NOT NULL, last_seen_ms BIGINT, battery_percent INTEGER NOT NULL)%1")
            .arg(keyed),
        QStringLiteral("CREATE TABLE alarms ("
                       "id BIGINT PRIMARY KEY, device_id TEXT NOT NULL, kind TEXT NOT NULL, severity TEXT NOT NULL, "
                       "state TEXT NOT NULL, repeat_count INTEGER NOT NULL, raised_ms BIGINT NOT NULL, "
                       "last_seen_ms BIGINT NOT NULL, outcome TEXT, escalation_stage INTEGER NOT NULL, "
                       "lat DOUBLE PRECISION, lon DOUBLE PRECISION, address TEXT NOT NULL, details TEXT NOT NULL, "
                       "beneficiary_ref TEXT NOT NULL, unregistered_device INTEGER NOT NULL, "
                       "mission_id BIGINT NOT NULL, helper_id TEXT NOT NULL, cancel_reason TEXT NOT NULL)%1")
            .arg(keyed),
        QStringLiteral("CREATE TABLE alarm_transitions ("
                       "alarm_id BIGINT NOT NULL, pos INTEGER NOT NULL, state TEXT NOT NULL, at_ms BIGINT, "
                       "actor TEXT NOT NULL, note TEXT NOT NULL, PRIMARY KEY (alarm_id, pos))%1")
            .arg(keyed),
        QStringLiteral("CREATE TABLE alarm_notes ("
                       "alarm_id BIGINT NOT NULL, pos INTEGER NOT NULL, note TEXT NOT NULL, "
                       "PRIMARY KEY (alarm_id, pos))%1")
            .arg(keyed),
        QStringLiteral("CREATE TABLE helpers ("
                       "id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL, skills TEXT NOT NULL, "
                       "mission_id BIGINT NOT NULL, availability TEXT NOT NULL, lat DOUBLE PRECISION, "
                       "lon DOUBLE PRECISION, position_ms BIGINT, changed_state TEXT NOT NULL, changed_ms BIGINT, "
                       "changed_by TEXT NOT NULL, changed_note TEXT NOT NULL)%1")
            .arg(keyed),
        QStringLiteral("CREATE TABLE missions ("
                       "id BIGINT PRIMARY KEY, kind TEXT NOT NULL, alarm_id BIGINT NOT NULL, "
                       "fee_cents BIGINT NOT NULL, fee_currency TEXT NOT NULL, state TEXT NOT NULL, "
                       "assignee TEXT NOT NULL, outcome TEXT, payout_cents BIGINT NOT NULL, "
                       "payout_currency TEXT NOT NULL, redispatches INTEGER NOT NULL, note TEXT NOT NULL)%1")
            .arg(keyed),
        QStringLiteral("CREATE TABLE mission_offers ("
                       "mission_id BIGINT NOT NULL, pos INTEGER NOT NULL, helper_id TEXT NOT NULL, "
                       "distance_m DOUBLE PRECISION NOT NULL, sent_ms BIGINT, answer TEXT NOT NULL, "
                       "answered_ms BIGINT, PRIMARY KEY (mission_id, pos))%1")
            .arg(keyed),
        QStringLiteral("CREATE TABLE mission_transitions ("
                       "mission_id BIGINT NOT NULL, pos INTEGER NOT NULL, state TEXT NOT NULL, at_ms BIGINT, "
                       "actor TEXT NOT NULL, note TEXT NOT NULL, PRIMARY KEY (mission_id, pos))%1")
            .arg(keyed),
        QStringLiteral("CREATE TABLE shifts ("
                       "id BIGINT PRIMARY KEY, operator_name TEXT NOT NULL, started_ms BIGINT NOT NULL, "
                       "ended_ms BIGINT, handover TEXT NOT NULL)%1")
            .arg(keyed),
        QStringLiteral("CREATE TABLE fees ("
                       "mission_kind TEXT PRIMARY KEY, fee_cents BIGINT NOT NULL, currency TEXT NOT NULL)%1")
            .arg(keyed),
    };
}

// v2: deduplication of gateway retransmissions. One row per (source, message id) ever
// journaled, pointing at the entry that carried it first. Kept apart from the journal so
// that journals written by v1 (which could hold a retransmitted message twice) migrate
// without touching a journal row: the first occurrence wins.
QStringList version2(const SqlDialect &d)
{
    return {
        QStringLiteral("CREATE TABLE journal_dedupe ("
                       "source TEXT NOT NULL, message_id TEXT NOT NULL, seq BIGINT NOT NULL, "
                       "PRIMARY KEY (source, message_id))%1")
            .arg(d.keyedTableOptions()),
        QStringLiteral("INSERT INTO journal_dedupe (source, message_id, seq) "
                       "SELECT source, message_id, MIN(seq) FROM journal WHERE message_id <> '' "
                       "GROUP BY source, message_id"),
    };
}

// v3: devices become a rowid table (SQLite; other engines: nothing to do). Same columns and
// rows; the writer updates a device's last seen and battery in place by its rowid instead of
// deleting and reinserting the row in the key's B-tree on every device message.
QStringList version3(const SqlDialect &d)
{
    return d.rebuildAsRowidTable(
        QStringLiteral("devices"),
        QStringLiteral("id TEXT PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL, beneficiary_ref TEXT NOT NULL, "
                       "address TEXT NOT NULL, lat DOUBLE PRECISION, lon DOUBLE PRECISION, "
                       "report_interval_s INTEGER NOT NULL, last_seen_ms BIGINT, battery_percent INTEGER NOT NULL"),
        QStringLiteral("id, kind, label, beneficiary_ref, address, lat, lon, report_interval_s, last_seen_ms, "
                       "battery_percent"));
}

// v4: a device's liveness (last seen, battery) moves to a narrow table of its own, one row per
// device. Every device message rewrote the wide device row (kind, label, address, position…)
// for two numbers; now it rewrites a row of three columns, and the registry's row changes only
// when the registry does. On SQLite the table has a rowid (no WITHOUT ROWID), so the writer
// updates a row where it is, by its rowid.
QStringList version4(const SqlDialect &)
{
    return {
        QStringLiteral("CREATE TABLE device_liveness ("
                       "device_id TEXT PRIMARY KEY, last_seen_ms BIGINT, battery_percent INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO device_liveness (device_id, last_seen_ms, battery_percent) "
                       "SELECT id, last_seen_ms, battery_percent FROM devices"),
        QStringLiteral("ALTER TABLE devices DROP COLUMN last_seen_ms"),
        QStringLiteral("ALTER TABLE devices DROP COLUMN battery_percent"),
    };
}

// v5: the dedupe claims keyed by (message_id, source) instead of (source, message_id): the
// same rows, the same uniqueness. Every claim seeks its key in this B-tree; with the message id
// first, the keys of one gateway (one source) differ in their first column, which SQLite
// compares on a fast path, instead of all being equal there and compared column by column.
QStringList version5(const SqlDialect &d)
{
    QStringList statements{
        QStringLiteral("CREATE TABLE journal_dedupe_next ("
                       "message_id TEXT NOT NULL, source TEXT NOT NULL, seq BIGINT NOT NULL, "
                       "PRIMARY KEY (message_id, source))%1")
            .arg(d.keyedTableOptions()),
        QStringLiteral("INSERT INTO journal_dedupe_next (message_id, source, seq) "
                       "SELECT message_id, source, seq FROM journal_dedupe"),
        QStringLiteral("DROP TABLE journal_dedupe"),
    };
    return statements + d.renameReplacement(QStringLiteral("journal_dedupe_next"), QStringLiteral("journal_dedupe"));
}

// v6: when an alarm's personal details were purged (docs/privacy.md); null: kept.
QStringList version6(const SqlDialect &)
{
    return {QStringLiteral("ALTER TABLE alarms ADD COLUMN purged_ms BIGINT")};
}

} // namespace

const QList<Migrations::Step> &Migrations::steps()
{
    static const QList<Step> all{
        {1, "journal and state tables", &version1},
        {2, "deduplication of (source, message_id)", &version2},
        {3, "devices as a rowid table (in-place updates of last seen and battery)", &version3},
        {4, "device liveness (last seen, battery) in a narrow table of its own", &version4},
        {5, "dedupe claims keyed by (message_id, source)", &version5},
        {6, "when an alarm's personal details were purged", &version6},
    };
    return all;
}

int Migrations::latestVersion()
{
    return steps().constLast().version;
}

Status Migrations::migrate(QSqlDatabase &db, const SqlDialect &dialect, int targetVersion)
{
    const int latest = latestVersion();
    if (targetVersion < 0)
        targetVersion = latest;
    Q_ASSERT(targetVersion <= latest);

    const Result<int> current = dialect.schemaVersion(db);
    if (!current)
        return current.error();
    if (current.value() > latest) {
        return Error{QStringLiteral("schema_too_new"),
                     tr("The journal database %1 has schema version %2, but this version of Relais only knows "
                        "versions up to %3: it was written by a newer Relais. Install that newer version, "
                        "or choose another data folder. The database was left untouched.")
                         .arg(db.databaseName())
                         .arg(current.value())
                         .arg(latest)};
    }

    for (const Step &step : steps()) {
        if (step.version <= current.value() || step.version > targetVersion)
            continue;
        auto fail = [&](const QString &why) -> Status {
            db.rollback();
            return Error{QStringLiteral("migration_failed"),
                         tr("Cannot upgrade the journal database %1 to schema version %2: %3")
                             .arg(db.databaseName())
                             .arg(step.version)
                             .arg(why)};
        };
        if (!db.transaction())
            return fail(db.lastError().text());
        QSqlQuery q(db);
        const QStringList statements = step.statements(dialect);
        for (const QString &sql : statements) {
            if (!q.exec(sql))
                return fail(q.lastError().text());
        }
        q.finish();
        if (Status s = dialect.setSchemaVersion(db, step.version); !s)
            return fail(s.errorString());
        if (!db.commit())
            return fail(db.lastError().text());
    }
    return {};
}

} // namespace relais
