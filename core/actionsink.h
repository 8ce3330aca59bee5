#pragma once

#include "journalentry.h"
#include "result.h"

#include <QList>

#include <functional>

namespace relais {

// The port through which the desk's own actions (the registry, the dispatcher's commands,
// the supervision timer) reach the journal. The composition root implements it on the store;
// views and timers only know this interface.
class ActionSink
{
public:
    enum class Mode {
        EachOnItsOwn, // every entry is judged alone: some may be stored and others refused
        AllOrNothing, // stored together in one transaction, or none of them (an import)
    };

    // One Status per submitted entry, in order: ok once durably stored; otherwise why not
    // (the reducer's refusal, or the store's failure). In AllOrNothing mode, when one entry is
    // refused every entry reports an error and nothing is stored.
    using Done = std::function<void(const QList<Status> &results)>;

    virtual ~ActionSink() = default;

    // entries: kind, actor, payload and time set by the caller (source and message id may be
    // left empty). done is called exactly once, on the caller's thread, after the commit.
    virtual void submit(const QList<JournalEntry> &entries, Mode mode, Done done) = 0;

protected:
    ActionSink() = default;
    ActionSink(const ActionSink &) = default;
    ActionSink &operator=(const ActionSink &) = default;
};

} // namespace relais
