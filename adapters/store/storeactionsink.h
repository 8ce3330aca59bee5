#pragma once

#include "actionsink.h"
#include "writeresult.h"

#include <QHash>
#include <QObject>

namespace relais {

class Store;

// ActionSink on the store: each submission gets a ticket of its own; its results are
// gathered from Store::itemsProcessed (possibly over several batches) and handed to the
// callback, on this object's thread, once every entry has an answer.
class StoreActionSink final : public QObject, public ActionSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreActionSink)

public:
    explicit StoreActionSink(Store *store, QObject *parent = nullptr);
    ~StoreActionSink() override;

    void submit(const QList<JournalEntry> &entries, Mode mode, Done done) override;

    // Submissions still waiting for their answer.
    qsizetype pending() const { return m_pending.size(); }

private:
    struct Pending
    {
        Done done;
        QList<Status> results;
        qsizetype answered = 0;
    };

    void onProcessed(const QList<relais::WriteResult> &results);

    Store *m_store;
    QHash<quint64, Pending> m_pending;
};

} // namespace relais
