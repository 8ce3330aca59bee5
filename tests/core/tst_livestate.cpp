#include "livestate.h"

#include <QSignalSpy>
#include <QTest>

using namespace relais;

using Changes = DispatchState::Changes;

namespace {

const QDateTime t0(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC);
const Actor kClaire = Actor::operatorNamed(QStringLiteral("Claire"));

JournalEntry entry(qint64 seq, QLatin1StringView kind, const Actor &by, const QJsonObject &payload)
{
    JournalEntry e;
    e.seq = seq;
    e.time = t0.addSecs(seq * 10);
    e.source = QStringLiteral("test");
    e.kind = kind;
    e.actor = by;
    e.payload = payload;
    return e;
}

JournalEntry registerHelper(qint64 seq, const QString &id)
{
    return entry(seq, EntryKind::HelperRegistered, kClaire,
                 {{QStringLiteral("helper"), id}, {QStringLiteral("name"), id.toUpper()}});
}

JournalEntry onDuty(qint64 seq, const QString &id)
{
    return entry(seq, EntryKind::HelperOnDuty, Actor::helper(id), {{QStringLiteral("helper"), id}});
}

JournalEntry panic(qint64 seq, const QString &device)
{
    return entry(seq, EntryKind::DeviceAlarm, Actor::device(device),
                 {{QStringLiteral("device"), device}, {QStringLiteral("alarm"), QStringLiteral("panic")}});
}

Changes changesAt(const QSignalSpy &spy, qsizetype i)
{
    return qvariant_cast<Changes>(spy.at(i).at(0));
}

} // namespace

class TestLiveState final : public QObject
{
    Q_OBJECT

private slots:
    void startsEmpty();
    void appliesAndMergesChanges();
    void skipsWhatTheSnapshotHolds();
    void refusedEntryDiverges();
    void nothingChangedNothingEmitted();
    void reset();
};

void TestLiveState::startsEmpty()
{
    LiveState live;
    QVERIFY(live.state() == DispatchState());
    QCOMPARE(live.state().lastSeq(), 0);
}

void TestLiveState::appliesAndMergesChanges()
{
    LiveState live;
    QSignalSpy changed(&live, &LiveState::changed);
    QSignalSpy diverged(&live, &LiveState::diverged);

    const QList<JournalEntry> batch{registerHelper(1, QStringLiteral("h1")), registerHelper(2, QStringLiteral("h2")),
                                    onDuty(3, QStringLiteral("h1")),         panic(4, QStringLiteral("d-1")),
                                    panic(5, QStringLiteral("d-1")),         panic(6, QStringLiteral("d-2"))};
    live.applyCommitted(batch);

    QCOMPARE(diverged.count(), 0);
    QCOMPARE(changed.count(), 1); // one notification per batch
    const Changes c = changesAt(changed, 0);
    QCOMPARE(c.helpers, (QSet<QString>{QStringLiteral("h1"), QStringLiteral("h2")}));
    QCOMPARE(c.alarms, (QSet<qint64>{1, 2}));
    QVERIFY(c.devices.isEmpty()); // unregistered devices have no row
    QVERIFY(c.missions.isEmpty());

    // The replica is the reducer's state for the same entries.
    DispatchState expected;
    for (const JournalEntry &e : batch)
        QVERIFY(expected.apply(e).ok());
    QVERIFY(live.state() == expected);
    QCOMPARE(live.state().lastSeq(), 6);
    QCOMPARE(live.state().alarm(1)->count(), 2);
    QCOMPARE(live.state().helper(QStringLiteral("h1"))->availability(), Helper::Availability::Available);

    // The next batch is notified on its own.
    live.applyCommitted({onDuty(7, QStringLiteral("h2"))});
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changesAt(changed, 1).helpers, QSet<QString>{QStringLiteral("h2")});
    QVERIFY(changesAt(changed, 1).alarms.isEmpty());
}

void TestLiveState::skipsWhatTheSnapshotHolds()
{
    // The snapshot was taken after entry 3; the store then replays 2..5 to the GUI.
    DispatchState snapshot;
    const QList<JournalEntry> all{registerHelper(1, QStringLiteral("h1")), registerHelper(2, QStringLiteral("h2")),
                                  onDuty(3, QStringLiteral("h1")), onDuty(4, QStringLiteral("h2")),
                                  panic(5, QStringLiteral("d-1"))};
    for (qsizetype i = 0; i < 3; ++i)
        QVERIFY(snapshot.apply(all.at(i)).ok());
    QCOMPARE(snapshot.lastSeq(), 3);

    LiveState live;
    live.reset(snapshot);
    QSignalSpy changed(&live, &LiveState::changed);
    QSignalSpy diverged(&live, &LiveState::diverged);
    live.applyCommitted(all.mid(1)); // 2 and 3 again would be refused (duplicate, already on duty)

    QCOMPARE(diverged.count(), 0);
    QCOMPARE(changed.count(), 1);
    const Changes c = changesAt(changed, 0);
    QCOMPARE(c.helpers, QSet<QString>{QStringLiteral("h2")});
    QCOMPARE(c.alarms, QSet<qint64>{1});
    QCOMPARE(live.state().lastSeq(), 5);

    DispatchState expected;
    for (const JournalEntry &e : all)
        QVERIFY(expected.apply(e).ok());
    QVERIFY(live.state() == expected);

    // A batch entirely already applied: nothing to say.
    live.applyCommitted(all);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(diverged.count(), 0);
    QVERIFY(live.state() == expected);
}

void TestLiveState::refusedEntryDiverges()
{
    LiveState live;
    live.applyCommitted({registerHelper(1, QStringLiteral("h1"))});
    QSignalSpy changed(&live, &LiveState::changed);
    QSignalSpy diverged(&live, &LiveState::diverged);
    QSignalSpy applied(&live, &LiveState::applied);
    const DispatchState before = live.state();

    // The store committed entries this replica refuses: it has diverged, and says so.
    JournalEntry offDuty = entry(2, EntryKind::HelperOffDuty, Actor::helper(QStringLiteral("h1")),
                                 {{QStringLiteral("helper"), QStringLiteral("h1")}});
    live.applyCommitted({offDuty, onDuty(3, QStringLiteral("h1")), registerHelper(4, QStringLiteral("h1"))});

    QCOMPARE(diverged.count(), 2);
    QCOMPARE(diverged.at(0).at(0).toLongLong(), 2);
    QVERIFY(!diverged.at(0).at(1).toString().isEmpty());
    QCOMPARE(diverged.at(1).at(0).toLongLong(), 4);
    QVERIFY(!diverged.at(1).at(1).toString().isEmpty());

    // The good entry in between is still applied and notified; the log hears of it alone.
    QCOMPARE(changed.count(), 1);
    QCOMPARE(applied.count(), 1);
    const auto appliedEntries = applied.at(0).at(0).value<QList<JournalEntry>>();
    QCOMPARE(appliedEntries.size(), 1);
    QCOMPARE(appliedEntries.first().seq, 3);
    QCOMPARE(changesAt(changed, 0).helpers, QSet<QString>{QStringLiteral("h1")});
    QCOMPARE(live.state().helper(QStringLiteral("h1"))->availability(), Helper::Availability::Available);
    QCOMPARE(live.state().lastSeq(), 3);
    QVERIFY(!(live.state() == before));

    // Only refusals: diverged, and no change notification.
    live.applyCommitted({registerHelper(5, QStringLiteral("h1"))});
    QCOMPARE(diverged.count(), 3);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(applied.count(), 1);
}

void TestLiveState::nothingChangedNothingEmitted()
{
    LiveState live;
    QSignalSpy changed(&live, &LiveState::changed);
    QSignalSpy diverged(&live, &LiveState::diverged);
    live.applyCommitted({});
    // A rejected device message is journalled for audit and changes no state.
    live.applyCommitted({entry(1, EntryKind::DeviceRejected, Actor::device(QStringLiteral("d-1")),
                               {{QStringLiteral("reason"), QStringLiteral("bad frame")}})});
    QCOMPARE(changed.count(), 0);
    QCOMPARE(diverged.count(), 0);
    QCOMPARE(live.state().lastSeq(), 1);
}

void TestLiveState::reset()
{
    LiveState live;
    live.applyCommitted({registerHelper(1, QStringLiteral("h1"))});

    DispatchState other;
    QVERIFY(other.apply(registerHelper(1, QStringLiteral("h7"))).ok());
    QVERIFY(other.apply(panic(2, QStringLiteral("d-9"))).ok());

    QStringList order;
    connect(&live, &LiveState::aboutToReset, this, [&] {
        order.append(QStringLiteral("about"));
        QVERIFY(live.state().helper(QStringLiteral("h1"))); // still the old state
    });
    connect(&live, &LiveState::wasReset, this, [&] {
        order.append(QStringLiteral("was"));
        QVERIFY(live.state() == other);
    });
    QSignalSpy changed(&live, &LiveState::changed);
    live.reset(other);
    QCOMPARE(order, (QStringList{QStringLiteral("about"), QStringLiteral("was")}));
    QVERIFY(live.state() == other);
    QCOMPARE(live.state().helper(QStringLiteral("h1")), nullptr);
    QCOMPARE(changed.count(), 0); // views reset, they are not sent changes
}

QTEST_GUILESS_MAIN(TestLiveState)
#include "tst_livestate.moc"
