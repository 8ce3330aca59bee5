#pragma once

#include "dispatchstate.h"
#include "journalentry.h"

#include <QList>
#include <QRandomGenerator>

namespace relais::test {

// Journal entries for tests: a scripted desk day touching every entry kind and state table,
// and seeded random walks guided by a DispatchState (mostly legal actions, some refused
// ones, some malformed device messages). Entries carry no seq; times are UTC, in ms.
class Scenario final
{
public:
    explicit Scenario(quint32 seed = 1);

    QList<JournalEntry> scripted();
    QList<JournalEntry> randomWalk(int steps);

    // Builders (each call advances the scenario clock).
    JournalEntry action(QLatin1StringView kind, const QJsonObject &payload,
                        const Actor &by = Actor::operatorNamed(QStringLiteral("Claire")));
    JournalEntry deviceMessage(QLatin1StringView kind, const QJsonObject &payload, const QString &messageId,
                               const QByteArray &raw = {});
    JournalEntry heartbeat(const QString &device, int battery, const QString &messageId);
    JournalEntry registerDevice(const QString &device, double lat, double lon);

    // Replays entries (with their seq) through a fresh reducer, refusals skipped: what the
    // state tables must hold once these entries are the journal.
    static DispatchState replay(const QList<JournalEntry> &journal);

    static QString gatewaySource() { return QStringLiteral("gateway:test"); }

private:
    QDateTime tick();
    void step(DispatchState &sim, QList<JournalEntry> &out);
    QString pick(const QStringList &from);
    qint64 pickId(QList<qint64> from);

    QRandomGenerator m_random;
    QDateTime m_clock;
    int m_counter = 0;
};

} // namespace relais::test
