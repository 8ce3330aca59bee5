#pragma once

#include "dispatchstate.h"
#include "journalentry.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace relais {

// The retention of personal data (docs/privacy.md). After the retention period:
// - a closed or cancelled alarm loses its personal details: address, device or caller text,
//   notes, reasons typed by people, the completion note of its missions; its position is
//   rounded to the neighbourhood (Redaction::coarse()). What reports need stays: kind, severity, times,
//   outcome, helper, fee, the beneficiary's pseudonymous reference;
// - the journal entries that carried those details are redacted in place (redacted()): the
//   same fields removed or rounded, raw device bytes emptied, "purged": true in the payload;
// - helpers' positions older than the period are forgotten, in the state and in the journal;
// - the raw bytes of device messages refused before the period are emptied (their reason stays);
// - a device's earlier description (label, address, position) that was replaced or removed
//   before the period is redacted the same way once no alarm that still keeps its details
//   took them from it.
// A purge is one journal entry, privacy.purged (before, retention_days, alarms, entries),
// applied by DispatchState like any other (the state) and by the store (the entries it names).
// The reducer accepts redacted entries on replay, so state tables rebuilt from a purged
// journal equal the purged state.
class PrivacyPurge final
{
public:
    static constexpr int kDefaultRetentionDays = 365;

    // The entry with its personal details removed and "purged": true; nullopt when it has
    // none (its kind carries none, or it is redacted already).
    static std::optional<JournalEntry> redacted(const JournalEntry &entry);

    // The cut-off: details of what ended before it go.
    static QDateTime cutoff(const QDateTime &now, int retentionDays);

    // Collects, from a replay of the whole journal in order (each entry with the changes
    // the reducer reported and the state after it), what a purge at cutoff would redact.
    class Planner final
    {
    public:
        explicit Planner(const QDateTime &cutoff) : m_cutoff(cutoff) {}

        void feed(const JournalEntry &entry, const DispatchState::Changes &changes, const DispatchState &after);

        // How much one privacy.purged entry takes on: the store's writer applies an entry in
        // the transaction of a batch, which device messages wait for; a long backlog (the first
        // purge of a year-old journal) is cut into entries that each take milliseconds.
        struct Limits
        {
            int alarmsPerEntry = 500;
            int entriesPerEntry = 5000; // helpers' positions and refused messages, alone
        };

        // The privacy.purged entries for state (the state after the last entry fed), stamped
        // now, to apply in order; none when there is nothing to purge. Each is valid on its
        // own once those before it are applied.
        QList<JournalEntry> plan(const DispatchState &state, const QDateTime &now, int retentionDays,
                                 const Limits &limits) const;
        QList<JournalEntry> plan(const DispatchState &state, const QDateTime &now, int retentionDays) const
        {
            return plan(state, now, retentionDays, Limits{});
        }

    private:
        struct Touching
        {
            qint64 seq;
            QList<qint64> alarms;
        };
        struct Description
        {
            qint64 seq;
            QDateTime replacedAt; // null while current
            QList<qint64> usedBy; // alarms that took their address or position from it
        };

        QDateTime m_cutoff;
        QSet<qint64> m_knownAlarms;
        QList<Touching> m_touching;               // entries with details of alarms
        QList<Description> m_descriptions;        // device descriptions with details
        QHash<QString, qsizetype> m_currentDescr; // device → its description in m_descriptions
        QList<qint64> m_beforeCutoff;             // helpers' positions, refused messages' bytes
    };
};

} // namespace relais
