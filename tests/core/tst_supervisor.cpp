#include "dispatchstate.h"
#include "supervisor.h"

#include <QTest>

using namespace relais;

namespace {

const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000, Qt::UTC);

JournalEntry entry(QLatin1StringView kind, const QJsonObject &payload, const QDateTime &at)
{
    JournalEntry e;
    e.time = at;
    e.kind = kind;
    e.payload = payload;
    return e;
}

void must(DispatchState &s, const JournalEntry &e)
{
    const auto r = s.apply(e);
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
}

} // namespace

class TestSupervisor final : public QObject
{
    Q_OBJECT

private slots:
    void silentAfterTwoAndAHalfIntervalsThenEndsWhenTheDeviceReports()
    {
        DispatchState s;
        for (const char *id : {"d-1", "d-2", "d-never"}) {
            must(s,
                 entry(EntryKind::DeviceRegistered,
                       {{QStringLiteral("device"), QLatin1StringView(id)}, {QStringLiteral("interval_s"), 600}}, t0));
        }
        must(s, entry(EntryKind::DeviceHeartbeat, {{QStringLiteral("device"), QStringLiteral("d-1")}}, t0));
        must(s,
             entry(EntryKind::DeviceHeartbeat, {{QStringLiteral("device"), QStringLiteral("d-2")}}, t0.addSecs(600)));

        // 2.5 × 600 s = 1,500 s after its last report: not a second before.
        QVERIFY(Supervisor::silentDevices(s, t0.addSecs(1499)).isEmpty());
        const QList<JournalEntry> due = Supervisor::silentDevices(s, t0.addSecs(1500));
        QCOMPARE(due.size(), 1);
        const JournalEntry &e = due.first();
        QCOMPARE(e.kind, QString(EntryKind::DeviceAlarm));
        QCOMPARE(e.actor, Actor::system());
        QCOMPARE(e.payload.value(QLatin1String("device")).toString(), QStringLiteral("d-1"));
        QCOMPARE(e.payload.value(QLatin1String("alarm")).toString(), QStringLiteral("device_silent"));

        must(s, e);
        const Alarm *silent = s.openAlarmFor(QStringLiteral("d-1"), AlarmKind::DeviceSilent);
        QVERIFY(silent);
        QCOMPARE(silent->severity(), Severity::Minor);
        QVERIFY(silent->isMaintenance());
        // Raised once: while it is open the device is not reported again.
        QVERIFY(Supervisor::silentDevices(s, t0.addSecs(1600)).isEmpty());

        // Both silent later: sorted by device id, d-1 still skipped.
        QCOMPARE(Supervisor::silentDevices(s, t0.addSecs(2100)).size(), 1);
        QCOMPARE(Supervisor::silentDevices(s, t0.addSecs(2100)).first().payload.value(QLatin1String("device")),
                 QJsonValue(QStringLiteral("d-2")));

        // The device reports: the alarm ends by itself.
        const qint64 id = silent->id();
        must(s,
             entry(EntryKind::DeviceHeartbeat, {{QStringLiteral("device"), QStringLiteral("d-1")}}, t0.addSecs(1700)));
        QCOMPARE(s.alarm(id)->state(), Alarm::State::Cancelled);
        QVERIFY(!s.openAlarmFor(QStringLiteral("d-1"), AlarmKind::DeviceSilent));
    }
};

QTEST_GUILESS_MAIN(TestSupervisor)
#include "tst_supervisor.moc"
