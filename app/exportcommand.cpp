#include "exportcommand.h"

#include "journalreader.h"
#include "migrations.h"
#include "reportexport.h"
#include "reports.h"
#include "sqlconnection.h"
#include "stateloader.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <cstdio>
#include <cstring>
#include <functional>

namespace relais {

namespace {

// Exit codes.
constexpr int kDone = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

// Scripts read these: plain English on stderr (docs/exports.md).
int fail(const QString &command, const QString &message, int code = kFailed)
{
    std::fprintf(stderr, "relais %s: %s\n", qPrintable(command), qPrintable(message));
    return code;
}

void print(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stdout);
    std::fflush(stdout);
}

// The data folder, chosen as the console does (main.cpp): --data-dir, else the platform's
// application data folder, with /demo for --demo.
QString dataDirFrom(const QString &option, bool demo)
{
    if (!option.isEmpty())
        return QDir(option).absolutePath();
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (demo)
        dir += QStringLiteral("/demo");
    return QDir(dir).absolutePath();
}

struct CommonOptions
{
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help and exit.")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               QStringLiteral("The data folder holding relais.sqlite (default: the console's)."),
                               QStringLiteral("dir")};
    QCommandLineOption demo{QStringLiteral("demo"), QStringLiteral("The demo's data folder.")};
    QCommandLineOption from{QStringLiteral("from"),
                            QStringLiteral("Start of the period: YYYY-MM-DD (that day's start) or an ISO 8601 "
                                           "date and time, with or without an offset."),
                            QStringLiteral("time")};
    QCommandLineOption to{QStringLiteral("to"),
                          QStringLiteral("End of the period, excluded; YYYY-MM-DD includes that day "
                                         "(default: now)."),
                          QStringLiteral("time")};
    QCommandLineOption out{{QStringLiteral("o"), QStringLiteral("out")},
                           QStringLiteral("Write to <file>, replaced atomically (default or -: standard output)."),
                           QStringLiteral("file")};
    QCommandLineOption utc{QStringLiteral("utc"),
                           QStringLiteral("Dates and times in UTC (default: the system's time zone).")};

    QTimeZone zone(const QCommandLineParser &p) const
    {
        return p.isSet(utc) ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    }
};

// Writes what `write` produces to --out (QSaveFile: all or nothing) or to stdout.
bool writeOutput(const QString &path, const std::function<bool(QIODevice *, QString *)> &write, QString *error)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write to standard output: %1").arg(out.errorString());
            return false;
        }
        const bool ok = write(&out, error);
        out.flush();
        return ok;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QString why;
    if (!write(&file, &why)) {
        file.cancelWriting();
        *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), why);
        return false;
    }
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

Result<QDateTime> periodBound(const QCommandLineParser &p, const QCommandLineOption &option, const QTimeZone &zone,
                              bool end)
{
    const Result<QDateTime> t = ExportCommand::parseMoment(p.value(option), zone, end);
    if (!t)
        return Error{t.error().code, QStringLiteral("--%1: %2").arg(option.names().constLast(), t.errorString())};
    return t;
}

// ---- relais export ----

int runExport(const QStringList &arguments)
{
    const QString command = QStringLiteral("export");
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Writes a CSV export of the journal (docs/exports.md): shift (one row per alarm handled in "
                       "a shift or period), payouts (per helper: missions and fees) or transparency (aggregates "
                       "only, no personal data)."));
    p.addPositionalArgument(QStringLiteral("report"), QStringLiteral("shift, payouts or transparency."),
                            QStringLiteral("export <shift|payouts|transparency>"));
    CommonOptions c;
    const QCommandLineOption shift(QStringLiteral("shift"),
                                   QStringLiteral("shift report: the period of shift <id> (or last: the latest "
                                                  "shift), instead of --from/--to."),
                                   QStringLiteral("id"));
    const QCommandLineOption separator(QStringLiteral("separator"),
                                       QStringLiteral("Field separator: , or ; (default: ; in French, , otherwise)."),
                                       QStringLiteral("char"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("fr or en: the default separator (default: the system's language)."),
                                  QStringLiteral("lang"));
    const QCommandLineOption bom(QStringLiteral("bom"),
                                 QStringLiteral("Start with a UTF-8 byte-order mark (for spreadsheet programs)."));
    const QCommandLineOption withNames(
        QStringLiteral("with-names"),
        QStringLiteral("Include personal details: helper names, device labels, addresses and exact coordinates "
                       "(default: ids and beneficiary references only)."));
    p.addOptions({c.help, c.dataDir, c.demo, c.from, c.to, shift, c.out, separator, lang, bom, withNames, c.utc});

    if (!p.parse(QStringList{arguments.value(0)} + arguments.mid(2)))
        return fail(command, p.errorText(), kUsage);
    if (p.isSet(c.help)) {
        print(p.helpText());
        return kDone;
    }
    const QStringList positional = p.positionalArguments();
    const std::optional<ReportKind> report =
        positional.size() == 1 ? ReportExport::fromKey(positional.constFirst()) : std::nullopt;
    if (!report) {
        return fail(command,
                    positional.isEmpty() ? QStringLiteral("which report? shift, payouts or transparency (see --help)")
                                         : QStringLiteral("unknown report “%1”: shift, payouts or transparency")
                                               .arg(positional.join(QLatin1Char(' '))),
                    kUsage);
    }
    const bool shiftReport = *report == ReportKind::Shift;

    ReportFormat format;
    format.timeZone = c.zone(p);
    format.byteOrderMark = p.isSet(bom);
    format.withNames = p.isSet(withNames);
    QLocale locale = QLocale::system();
    if (p.isSet(lang)) {
        const QString l = p.value(lang);
        if (l != QLatin1String("fr") && l != QLatin1String("en"))
            return fail(command, QStringLiteral("--lang: fr or en, not “%1”").arg(l), kUsage);
        locale = QLocale(l);
    }
    format.separator = ReportFormat::defaultSeparator(locale);
    if (p.isSet(separator)) {
        const QString s = p.value(separator);
        if (s == QLatin1String(",") || s == QLatin1String("comma"))
            format.separator = QLatin1Char(',');
        else if (s == QLatin1String(";") || s == QLatin1String("semicolon"))
            format.separator = QLatin1Char(';');
        else
            return fail(command, QStringLiteral("--separator: , or ;, not “%1”").arg(s), kUsage);
    }

    // The period, checked before the journal is read.
    if (p.isSet(shift) && !shiftReport)
        return fail(command, QStringLiteral("--shift is for the shift report; use --from and --to"), kUsage);
    if (p.isSet(shift) && (p.isSet(c.from) || p.isSet(c.to)))
        return fail(command, QStringLiteral("give either --shift or --from/--to, not both"), kUsage);
    if (!p.isSet(shift) && !p.isSet(c.from))
        return fail(command,
                    shiftReport ? QStringLiteral("give --shift <id> or --from (and --to)")
                                : QStringLiteral("give the period: --from (and --to)"),
                    kUsage);
    ReportPeriod period;
    if (p.isSet(c.from)) {
        const Result<QDateTime> from = periodBound(p, c.from, format.timeZone, false);
        if (!from)
            return fail(command, from.errorString(), kUsage);
        period.from = from.value();
        period.to = QDateTime::currentDateTimeUtc();
        if (p.isSet(c.to)) {
            const Result<QDateTime> to = periodBound(p, c.to, format.timeZone, true);
            if (!to)
                return fail(command, to.errorString(), kUsage);
            period.to = to.value();
        }
        if (period.to <= period.from)
            return fail(command, QStringLiteral("the period ends before it starts (--from, --to)"), kUsage);
    }
    qint64 shiftId = 0;
    if (p.isSet(shift) && p.value(shift) != QLatin1String("last")) {
        bool ok = false;
        shiftId = p.value(shift).toLongLong(&ok);
        if (!ok || shiftId <= 0)
            return fail(command, QStringLiteral("--shift: a shift number or last, not “%1”").arg(p.value(shift)),
                        kUsage);
    }

    const QString dir = dataDirFrom(p.value(c.dataDir), p.isSet(c.demo));
    const Result<ExportCommand::Snapshot> read = ExportCommand::read(QDir(dir).filePath(Store::databaseFileName()));
    if (!read)
        return fail(command, read.errorString());
    const ExportCommand::Snapshot &data = read.value();

    if (p.isSet(shift)) {
        if (shiftId == 0) { // last: the latest shift, running or ended
            for (auto it = data.state.shifts().cbegin(); it != data.state.shifts().cend(); ++it)
                shiftId = std::max(shiftId, it.key());
            if (shiftId == 0)
                return fail(command,
                            QStringLiteral("no shift in the journal of %1").arg(QDir::toNativeSeparators(dir)));
        }
        if (!data.state.shifts().contains(shiftId))
            return fail(
                command,
                QStringLiteral("no shift %1 in the journal of %2").arg(shiftId).arg(QDir::toNativeSeparators(dir)));
        period = ReportPeriod::ofShift(data.state.shifts().value(shiftId));
    }

    QString error;
    const bool written = writeOutput(
        p.value(c.out),
        [&](QIODevice *out, QString *why) {
            return ReportExport::write(*report, data.state, data.costs, period, format, out, why);
        },
        &error);
    return written ? kDone : fail(command, error);
}

// ---- relais costs ----

QString loginName()
{
    for (const char *var : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(var).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("coordinator");
}

int runCostsAdd(const QCommandLineParser &p, const CommonOptions &c, const QCommandLineOption &label,
                const QCommandLineOption &amount, const QCommandLineOption &currency, const QCommandLineOption &by)
{
    const QString command = QStringLiteral("costs add");
    for (const QCommandLineOption *required : {&c.from, &c.to, &label, &amount}) {
        if (!p.isSet(*required))
            return fail(command, QStringLiteral("--%1 is required").arg(required->names().constLast()), kUsage);
    }
    static const QRegularExpression day(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    RunningCost cost;
    cost.from = QDate::fromString(p.value(c.from), Qt::ISODate);
    cost.to = QDate::fromString(p.value(c.to), Qt::ISODate);
    if (!day.match(p.value(c.from)).hasMatch() || !cost.from.isValid() || !day.match(p.value(c.to)).hasMatch()
        || !cost.to.isValid())
        return fail(command, QStringLiteral("--from and --to are days: YYYY-MM-DD (both included)"), kUsage);
    cost.label = p.value(label).trimmed();
    const QString code = p.isSet(currency) ? p.value(currency).toUpper() : QStringLiteral("EUR");
    if (!Money::parse(p.value(amount), &cost.amount, code))
        return fail(command,
                    QStringLiteral("--amount: a decimal amount such as 90 or 90.50, not “%1”").arg(p.value(amount)),
                    kUsage);
    const QString who = p.isSet(by) ? p.value(by).trimmed() : loginName();
    const JournalEntry entry =
        cost.toEntry(QDateTime::currentDateTimeUtc(), Actor::operatorNamed(who), QStringLiteral("cli"));
    // The reducer's checks, before the data folder is taken.
    if (const Result<RunningCost> checked = RunningCost::fromPayload(entry.payload); !checked)
        return fail(command, checked.errorString(), kUsage);

    const QString dir = dataDirFrom(p.value(c.dataDir), p.isSet(c.demo));
    if (!QFileInfo::exists(QDir(dir).filePath(Store::databaseFileName())))
        return fail(command, QStringLiteral("no journal in %1 (see --data-dir)").arg(QDir::toNativeSeparators(dir)));
    Store store;
    if (!store.open(dir))
        return fail(command, store.errorString());
    WriteResult result;
    QEventLoop loop;
    const quint64 ticket = Store::newTicket();
    QObject::connect(&store, &Store::itemsProcessed, &loop, [&](const QList<WriteResult> &results) {
        for (const WriteResult &r : results) {
            if (r.ticket == ticket) {
                result = r;
                loop.quit();
            }
        }
    });
    store.submit(ticket, {entry});
    loop.exec();
    store.close();
    if (result.status != WriteResult::Status::Stored)
        return fail(command,
                    result.error.message.isEmpty() ? WriteResult::statusKey(result.status) : result.error.message);
    print(QStringLiteral("Recorded running cost “%1”: %2 %3 from %4 to %5 (journal entry %6).")
              .arg(cost.label, Reports::formatAmount(cost.amount.cents()), cost.amount.currency(),
                   cost.from.toString(Qt::ISODate), cost.to.toString(Qt::ISODate))
              .arg(result.seq));
    return kDone;
}

int runCostsList(const QCommandLineParser &p, const CommonOptions &c)
{
    const QString command = QStringLiteral("costs list");
    const QString dir = dataDirFrom(p.value(c.dataDir), p.isSet(c.demo));
    const Result<ExportCommand::Snapshot> read = ExportCommand::read(QDir(dir).filePath(Store::databaseFileName()));
    if (!read)
        return fail(command, read.errorString());
    QList<QStringList> table{{QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("label"),
                              QStringLiteral("amount"), QStringLiteral("currency")}};
    for (const RunningCost &cost : read->costs) {
        table.append({cost.from.toString(Qt::ISODate), cost.to.toString(Qt::ISODate), cost.label,
                      Reports::formatAmount(cost.amount.cents()), cost.amount.currency()});
    }
    QString error;
    const bool written = writeOutput(
        p.value(c.out),
        [&table](QIODevice *out, QString *why) {
            CsvWriter writer(out, {});
            for (const QStringList &record : table) {
                if (!writer.writeRecord(record)) {
                    *why = writer.errorString();
                    return false;
                }
            }
            return true;
        },
        &error);
    return written ? kDone : fail(command, error);
}

int runCosts(const QStringList &arguments)
{
    const QString command = QStringLiteral("costs");
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("The organisation's running costs, published in the transparency report (docs/exports.md). "
                       "add journals one (a correction is another one with a negative amount); list writes them "
                       "as CSV."));
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add or list."),
                            QStringLiteral("costs <add|list>"));
    CommonOptions c;
    c.from.setDescription(QStringLiteral("add: the first day the cost covers, YYYY-MM-DD."));
    c.to.setDescription(QStringLiteral("add: the last day the cost covers (included), YYYY-MM-DD."));
    const QCommandLineOption label(QStringLiteral("label"), QStringLiteral("add: what it is (published)."),
                                   QStringLiteral("text"));
    const QCommandLineOption amount(QStringLiteral("amount"), QStringLiteral("add: the amount, e.g. 90.50."),
                                    QStringLiteral("amount"));
    const QCommandLineOption currency(QStringLiteral("currency"), QStringLiteral("add: ISO 4217 code (default EUR)."),
                                      QStringLiteral("code"));
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("add: who records it (default: the login name)."),
                                QStringLiteral("name"));
    p.addOptions({c.help, c.dataDir, c.demo, c.from, c.to, label, amount, currency, by, c.out});
    if (!p.parse(QStringList{arguments.value(0)} + arguments.mid(2)))
        return fail(command, p.errorText(), kUsage);
    if (p.isSet(c.help)) {
        print(p.helpText());
        return kDone;
    }
    const QStringList positional = p.positionalArguments();
    if (positional == QStringList{QStringLiteral("add")})
        return runCostsAdd(p, c, label, amount, currency, by);
    if (positional == QStringList{QStringLiteral("list")})
        return runCostsList(p, c);
    return fail(command, QStringLiteral("add or list (see --help)"), kUsage);
}

} // namespace

bool ExportCommand::handles(int argc, char *argv[])
{
    return argc > 1 && (std::strcmp(argv[1], "export") == 0 || std::strcmp(argv[1], "costs") == 0);
}

int ExportCommand::run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The console's identity (main.cpp), so that the default data folder is the same.
    QCoreApplication::setOrganizationName(QStringLiteral("Relais"));
    QCoreApplication::setApplicationName(QStringLiteral("relais"));
    return run(QCoreApplication::arguments());
}

int ExportCommand::run(const QStringList &arguments)
{
    if (arguments.value(1) == QLatin1String("costs"))
        return runCosts(arguments);
    return runExport(arguments);
}

Result<QDateTime> ExportCommand::parseMoment(const QString &text, const QTimeZone &zone, bool endOfDay)
{
    static const QRegularExpression dayOnly(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    const QString t = text.trimmed();
    if (dayOnly.match(t).hasMatch()) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (d.isValid())
            return (endOfDay ? d.addDays(1) : d).startOfDay(zone);
    } else if (t.contains(QLatin1Char('T'))) {
        QDateTime moment = QDateTime::fromString(t, Qt::ISODate);
        if (moment.isValid()) {
            if (moment.timeSpec() == Qt::LocalTime) // no offset written: the report's zone
                moment = QDateTime(moment.date(), moment.time(), zone);
            return moment;
        }
    }
    return Error{QStringLiteral("bad_time"),
                 QStringLiteral("“%1” is not a date (YYYY-MM-DD) nor an ISO 8601 date and time "
                                "(YYYY-MM-DDTHH:MM[:SS][+HH:MM|Z])")
                     .arg(text)};
}

Result<QList<RunningCost>> ExportCommand::readCosts(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(
            QStringLiteral("SELECT %1 FROM journal WHERE kind = :kind ORDER BY seq").arg(JournalReader::columns()))) {
        return Error{QStringLiteral("sql_error"),
                     QStringLiteral("cannot read the journal: %1").arg(q.lastError().text())};
    }
    q.bindValue(QStringLiteral(":kind"), QString(EntryKind::CostsRecorded));
    if (!q.exec())
        return Error{QStringLiteral("sql_error"),
                     QStringLiteral("cannot read the journal: %1").arg(q.lastError().text())};
    QList<RunningCost> costs;
    while (q.next()) {
        const JournalEntry e = JournalReader::entryFrom(q);
        const Result<RunningCost> cost = RunningCost::fromPayload(e.payload);
        if (!cost) { // the reducer checked it when it was journaled
            return Error{QStringLiteral("corrupt_entry"),
                         QStringLiteral("journal entry %1: %2").arg(e.seq).arg(cost.errorString())};
        }
        costs.append(cost.value());
    }
    return costs;
}

Result<QList<RunningCost>> ExportCommand::readCosts(const QString &databasePath)
{
    if (!QFileInfo(databasePath).isFile()) {
        return Error{QStringLiteral("no_journal"),
                     QStringLiteral("no journal at %1").arg(QDir::toNativeSeparators(databasePath))};
    }
    SqlConnection connection(QStringLiteral("costs"));
    if (!connection.open(databasePath))
        return Error{QStringLiteral("cannot_open"), connection.errorString()};
    return readCosts(connection.database());
}

Result<ExportCommand::Snapshot> ExportCommand::read(const QString &databasePath)
{
    if (!QFileInfo(databasePath).isFile()) {
        return Error{
            QStringLiteral("no_journal"),
            QStringLiteral("no journal at %1 (see --data-dir, --demo)").arg(QDir::toNativeSeparators(databasePath))};
    }
    SqlConnection connection(QStringLiteral("export"));
    if (!connection.open(databasePath))
        return Error{QStringLiteral("cannot_open"), connection.errorString()};
    QSqlDatabase &db = connection.database();
    const Result<int> version = connection.dialect().schemaVersion(db);
    if (!version)
        return version.error();
    if (version.value() != Migrations::latestVersion()) {
        return Error{QStringLiteral("schema_version"),
                     version.value() < Migrations::latestVersion()
                         ? QStringLiteral("the journal %1 has schema version %2 and this Relais reads version %3: "
                                          "start the console on it once to upgrade it")
                               .arg(QDir::toNativeSeparators(databasePath))
                               .arg(version.value())
                               .arg(Migrations::latestVersion())
                         : QStringLiteral("the journal %1 has schema version %2, written by a newer Relais (this one "
                                          "reads version %3): use the newer Relais")
                               .arg(QDir::toNativeSeparators(databasePath))
                               .arg(version.value())
                               .arg(Migrations::latestVersion())};
    }
    // One read transaction: the state tables and the costs as of the same commit.
    if (!db.transaction()) {
        return Error{QStringLiteral("sql_error"),
                     QStringLiteral("cannot read the journal: %1").arg(db.lastError().text())};
    }
    Result<DispatchState> state = StateLoader::load(db);
    Result<QList<RunningCost>> costs = state ? readCosts(db) : Result<QList<RunningCost>>(QList<RunningCost>{});
    db.rollback(); // nothing was written
    if (!state)
        return state.error();
    if (!costs)
        return costs.error();
    return Snapshot{std::move(state.value()), std::move(costs.value())};
}

} // namespace relais
