#include "storeactionsink.h"

#include "store.h"

#include <QCoreApplication>

namespace relais {

StoreActionSink::StoreActionSink(Store *store, QObject *parent) : QObject(parent), m_store(store)
{
    connect(store, &Store::itemsProcessed, this, &StoreActionSink::onProcessed);
}

StoreActionSink::~StoreActionSink() = default;

void StoreActionSink::submit(const QList<JournalEntry> &entries, Mode mode, Done done)
{
    if (entries.isEmpty()) {
        if (done)
            done({});
        return;
    }
    const quint64 ticket = Store::newTicket();
    Pending p;
    p.done = std::move(done);
    p.results.resize(entries.size(), Status(Error{QStringLiteral("no_answer"),
                                                  QCoreApplication::translate("relais::StoreActionSink",
                                                                              "No answer from the journal.")}));
    m_pending.insert(ticket, std::move(p));
    m_store->submit(ticket, entries,
                    mode == Mode::AllOrNothing ? Store::SubmitMode::AllOrNothing : Store::SubmitMode::EachOnItsOwn);
}

void StoreActionSink::onProcessed(const QList<WriteResult> &results)
{
    for (const WriteResult &r : results) {
        auto it = m_pending.find(r.ticket);
        if (it == m_pending.end())
            continue; // another client's submission
        if (r.index < 0 || r.index >= it->results.size())
            continue;
        it->results[r.index] = r.status == WriteResult::Status::Stored ? Status::success() : Status(r.error);
        if (++it->answered < it->results.size())
            continue;
        Pending done = std::move(*it);
        m_pending.erase(it);
        if (done.done)
            done.done(done.results);
    }
}

} // namespace relais
