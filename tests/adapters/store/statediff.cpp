#include "statediff.h"

#include <QStringList>

#include <algorithm>

namespace relais::test {

namespace {

template<typename Key, typename Value>
void compareHashes(const QString &what, const QHash<Key, Value> &actual, const QHash<Key, Value> &expected,
                   QStringList &out)
{
    QList<Key> keys = actual.keys() + expected.keys();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const Key &k : keys) {
        auto a = actual.constFind(k);
        auto e = expected.constFind(k);
        const QString id = QVariant::fromValue(k).toString();
        if (a == actual.cend())
            out.append(QStringLiteral("%1 %2 missing").arg(what, id));
        else if (e == expected.cend())
            out.append(QStringLiteral("%1 %2 unexpected").arg(what, id));
        else if (!(*a == *e))
            out.append(QStringLiteral("%1 %2 differs").arg(what, id));
    }
}

} // namespace

QString StateDiff::describe(const DispatchState &actual, const DispatchState &expected)
{
    if (actual == expected)
        return {};
    QStringList out;
    compareHashes(QStringLiteral("device"), actual.devices(), expected.devices(), out);
    compareHashes(QStringLiteral("alarm"), actual.alarms(), expected.alarms(), out);
    compareHashes(QStringLiteral("helper"), actual.helpers(), expected.helpers(), out);
    compareHashes(QStringLiteral("mission"), actual.missions(), expected.missions(), out);
    compareHashes(QStringLiteral("shift"), actual.shifts(), expected.shifts(), out);
    if (!(actual.fees() == expected.fees()))
        out.append(QStringLiteral("fees differ"));
    if (actual.lastSeq() != expected.lastSeq())
        out.append(QStringLiteral("lastSeq %1 instead of %2").arg(actual.lastSeq()).arg(expected.lastSeq()));
    for (const Alarm &a : expected.alarms()) {
        if (a.isOpen() && !a.deviceId().isEmpty() && actual.openAlarmFor(a.deviceId(), a.kind()) == nullptr)
            out.append(QStringLiteral("open alarm %1 not indexed").arg(a.id()));
    }
    if (out.isEmpty())
        out.append(QStringLiteral("internal indexes or counters differ"));
    if (out.size() > 10)
        out = out.mid(0, 10) << QStringLiteral("…");
    return out.join(QStringLiteral("; "));
}

} // namespace relais::test
