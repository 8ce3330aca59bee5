#include "deskcommands.h"
#include "dispatchstate.h"
#include "shift.h"

#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace relais;

// The desk's entries, field by field as the manual alarm dialog, the shift dialogs and the
// settings' Fees page wrote them before the command layer (source "ui", time in UTC).
class TestDeskCommands final : public QObject
{
    Q_OBJECT

private:
    const QDateTime at = QDateTime(QDate(2026, 3, 2), QTime(8, 1), Qt::UTC);
    const Actor claire = Actor::operatorNamed(QStringLiteral("Claire"));

private slots:
    void createsAManualAlarm()
    {
        const ManualAlarm call{AlarmKind::Fall,
                               Severity::Major,
                               QGeoCoordinate(45.76012, 4.83569),
                               QStringLiteral(" 12 rue des Lilas, Lyon "),
                               QStringLiteral("Mme Roux, 06 12 34 56 78"),
                               QStringLiteral("Her neighbour fell on the stairs.")};
        const Result<QList<JournalEntry>> r =
            DeskCommands::createManualAlarm(call, claire, at.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/Paris"))));
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 1);
        const JournalEntry &e = r->constFirst();
        QCOMPARE(e.kind, QString(EntryKind::AlarmManual));
        QCOMPARE(e.source, QStringLiteral("ui"));
        QCOMPARE(e.time, at);
        QCOMPARE(e.time.timeSpec(), Qt::UTC);
        QCOMPARE(e.actor, claire);
        QCOMPARE(e.seq, 0);
        QVERIFY(e.raw.isEmpty());
        const QJsonObject expected{
            {QStringLiteral("kind"), QStringLiteral("fall")},
            {QStringLiteral("severity"), QStringLiteral("major")},
            {QStringLiteral("lat"), 45.76012},
            {QStringLiteral("lon"), 4.83569},
            {QStringLiteral("address"), QStringLiteral("12 rue des Lilas, Lyon")},
            {QStringLiteral("caller"), QStringLiteral("Mme Roux, 06 12 34 56 78")},
            {QStringLiteral("note"), QStringLiteral("Her neighbour fell on the stairs.")},
        };
        QCOMPARE(e.payload, expected);
        DispatchState state;
        QVERIFY(state.apply(e).ok());
    }

    void leavesOutWhatIsNotGiven()
    {
        // Address only, nobody named, no note: kind, severity and address.
        ManualAlarm call;
        call.kind = AlarmKind::Door;
        call.address = QStringLiteral("3 place Bellecour");
        call.caller = QStringLiteral("  ");
        const Result<QList<JournalEntry>> r = DeskCommands::createManualAlarm(call, claire, at);
        QVERIFY(r.ok());
        QCOMPARE(r->constFirst().payload,
                 (QJsonObject{{QStringLiteral("kind"), QStringLiteral("door")},
                              {QStringLiteral("severity"), QStringLiteral("major")},
                              {QStringLiteral("address"), QStringLiteral("3 place Bellecour")}}));
        // Nowhere at all: the reducer is the one to refuse it, with its reason.
        const Result<QList<JournalEntry>> nowhere = DeskCommands::createManualAlarm(ManualAlarm(), claire, at);
        QVERIFY(nowhere.ok());
        DispatchState state;
        QVERIFY(!state.apply(nowhere->constFirst()).ok());
    }

    void startsAndEndsAShift()
    {
        const Result<QList<JournalEntry>> started = DeskCommands::startShift(QStringLiteral(" Claire Martin "), at);
        QVERIFY(started.ok());
        const JournalEntry &s = started->constFirst();
        QCOMPARE(s.kind, QString(EntryKind::ShiftStarted));
        QCOMPARE(s.source, QStringLiteral("ui"));
        QCOMPARE(s.time, at);
        QCOMPARE(s.actor, Actor::operatorNamed(QStringLiteral("Claire Martin")));
        QCOMPARE(s.payload, (QJsonObject{{QStringLiteral("operator"), QStringLiteral("Claire Martin")}}));
        QVERIFY(!DeskCommands::startShift(QStringLiteral("  "), at).ok());

        DispatchState state;
        JournalEntry committed = s;
        committed.seq = 1;
        QVERIFY(state.apply(committed).ok());
        const Shift running = *state.runningShift();
        const QDateTime later = at.addSecs(8 * 3600);
        const Result<QList<JournalEntry>> ended =
            DeskCommands::endShift(running, QStringLiteral("Nothing open."), later);
        QVERIFY(ended.ok());
        const JournalEntry &e = ended->constFirst();
        QCOMPARE(e.kind, QString(EntryKind::ShiftEnded));
        QCOMPARE(e.source, QStringLiteral("ui"));
        QCOMPARE(e.time, later);
        // By the shift's operator, whoever ends it.
        QCOMPARE(e.actor, Actor::operatorNamed(QStringLiteral("Claire Martin")));
        QCOMPARE(e.payload, (QJsonObject{{QStringLiteral("shift"), running.id},
                                         {QStringLiteral("handover"), QStringLiteral("Nothing open.")}}));
        QVERIFY(state.apply(e).ok());
        QVERIFY(!state.runningShift());
        const Result<QList<JournalEntry>> none = DeskCommands::endShift(Shift(), QString(), later);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, QStringLiteral("no_shift"));
    }

    void setsFees()
    {
        const QList<FeeChange> fees{{MissionKind::Verification, Money::euros(1250)},
                                    {MissionKind::Other, Money(800, QStringLiteral("CHF"))}};
        const Result<QList<JournalEntry>> r = DeskCommands::setFees(fees, claire, at);
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 2);
        const JournalEntry &e = r->constFirst();
        QCOMPARE(e.kind, QString(EntryKind::FeeSet));
        QCOMPARE(e.source, QStringLiteral("ui"));
        QCOMPARE(e.actor, claire);
        QCOMPARE(e.time, at);
        QCOMPARE(e.payload, (QJsonObject{{QStringLiteral("kind"), QStringLiteral("verification")},
                                         {QStringLiteral("fee_cents"), 1250},
                                         {QStringLiteral("currency"), QStringLiteral("EUR")}}));
        QCOMPARE(r->at(1).payload.value(QLatin1String("kind")).toString(), QStringLiteral("other"));
        QCOMPARE(r->at(1).payload.value(QLatin1String("currency")).toString(), QStringLiteral("CHF"));
        QVERIFY(DeskCommands::setFees({}, claire, at)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeskCommands)
#include "tst_deskcommands.moc"
