// The alarm pane after the privacy purge (docs/privacy.md): it says the details were purged,
// when, and shows what is left; a reason typed by someone reads as purged.

#include "alarmdetailpane.h"
#include "journalbuilder.h"
#include "livestate.h"

#include <QLabel>
#include <QTest>

using namespace relais;

class TestAlarmDetailPane final : public QObject
{
    Q_OBJECT

private slots:
    void saysWhenPersonalDetailsWerePurged()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        LiveState state;
        AlarmDetailPane pane(&state);
        const QDateTime start(QDate(2025, 1, 5), QTime(3, 0), Qt::UTC);
        JournalBuilder b(start);
        JournalEntry call = b.manualAlarm(QStringLiteral("fall"), QStringLiteral("8 rue des Glycines"));
        call.payload.insert(QStringLiteral("caller"), QStringLiteral("Voisin Durand"));
        QVERIFY(JournalBuilder::commit(state, {call}).isEmpty());
        const qint64 alarm = state.state().alarms().begin().key();
        QVERIFY(JournalBuilder::commit(state, {b.alarmAction(EntryKind::AlarmCancelled, alarm,
                                                             {{QStringLiteral("reason"), QStringLiteral("Doublon")}})})
                    .isEmpty());
        pane.setAlarm(alarm);
        auto *facts = pane.findChild<QLabel *>(QStringLiteral("alarmFacts"));
        QVERIFY(facts);
        QVERIFY(facts->text().contains(QStringLiteral("Glycines")));
        QVERIFY(facts->text().contains(QStringLiteral("Doublon")));
        QVERIFY(!facts->text().contains(QStringLiteral("purged")));
        auto *notes = pane.findChild<QLabel *>(QStringLiteral("alarmNotes"));
        QVERIFY(notes);
        QVERIFY(notes->text().contains(QStringLiteral("Durand")));

        const QDateTime purgedAt(QDate(2026, 2, 7), QTime(10, 0), Qt::UTC);
        b.at(purgedAt);
        QVERIFY(JournalBuilder::commit(state, {b.privacyPurge(start.addDays(1), 365, {alarm})}).isEmpty());
        const QString text = facts->text();
        QLocale::setDefault(QLocale::c());
        QVERIFY2(!text.contains(QStringLiteral("Glycines")), qPrintable(text));
        QVERIFY2(!notes->text().contains(QStringLiteral("Durand")), qPrintable(notes->text()));
        QVERIFY2(!text.contains(QStringLiteral("Doublon")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("reason purged after the retention period")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Address, notes and exact position purged on 2/7/26")), qPrintable(text));
    }
};

QTEST_MAIN(TestAlarmDetailPane)
#include "tst_alarmdetailpane.moc"
