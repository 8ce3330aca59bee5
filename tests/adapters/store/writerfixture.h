#pragma once

// A migrated database in a temporary folder, a JournalWriter on it running on the test's
// thread, and everything it reported. Shared by the writer's tests.

#include "journalwriter.h"
#include "migrations.h"
#include "sqlconnection.h"
#include "tabledump.h"

#include <QTemporaryDir>

#include <algorithm>
#include <memory>

namespace relais::test {

class WriterFixture final
{
public:
    WriterFixture()
    {
        path = dir.filePath(QStringLiteral("relais.sqlite"));
        SqlConnection c(QStringLiteral("setup"));
        if (c.open(path))
            migrated = Migrations::migrate(c.database(), c.dialect()).ok();
    }

    bool open()
    {
        writer = std::make_unique<JournalWriter>(path, DispatchState());
        QObject::connect(writer.get(), &JournalWriter::itemsProcessed, writer.get(),
                         [this](const QList<WriteResult> &r) { results += r; });
        QObject::connect(writer.get(), &JournalWriter::committed, writer.get(), [this](const QList<JournalEntry> &e) {
            committed += e;
            ++committedSignals;
        });
        QObject::connect(writer.get(), &JournalWriter::failed, writer.get(),
                         [this](const QString &m) { failures.append(m); });
        return migrated && writer->open();
    }

    // Submits and processes at once (one batch if below the batch size).
    QList<WriteResult> write(const QList<JournalEntry> &entries, quint64 ticket = 1, bool allOrNothing = false)
    {
        const qsizetype before = results.size();
        writer->submit(ticket, entries, allOrNothing);
        writer->drainAll();
        return results.mid(before);
    }

    // The results of one ticket, in index order.
    QList<WriteResult> of(quint64 ticket) const
    {
        QList<WriteResult> out;
        for (const WriteResult &r : results) {
            if (r.ticket == ticket)
                out.append(r);
        }
        std::sort(out.begin(), out.end(), [](const WriteResult &a, const WriteResult &b) { return a.index < b.index; });
        return out;
    }

    // Journal, dedupe claims and every state table, as text.
    QMap<QString, QStringList> tables() const
    {
        SqlConnection c(QStringLiteral("dump"));
        if (!c.open(path))
            return {};
        QMap<QString, QStringList> all = TableDump::stateTables(c.database());
        all.insert(QStringLiteral("journal"), TableDump::rows(c.database(), QStringLiteral("journal")));
        all.insert(QStringLiteral("journal_dedupe"), TableDump::rows(c.database(), QStringLiteral("journal_dedupe")));
        return all;
    }

    QTemporaryDir dir;
    QString path;
    bool migrated = false;
    std::unique_ptr<JournalWriter> writer;
    QList<WriteResult> results;
    QList<JournalEntry> committed;
    int committedSignals = 0;
    QStringList failures;
};

} // namespace relais::test
