#include "deskcommands.h"
#include "dispatchstate.h"
#include "handover.h"
#include "journalbuilder.h"
#include "shiftdialogs.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace relais;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);

template<typename W>
W *child(QWidget *dialog, const char *name)
{
    auto *w = dialog->findChild<W *>(QLatin1StringView(name));
    if (!w)
        qFatal("no widget %s", name);
    return w;
}

QPushButton *ok(QWidget *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

bool messageShown(QWidget *dialog, const QString &part)
{
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->isVisible() && label->text().contains(part))
            return true;
    }
    return false;
}

// Every visible label whole, inside the dialog at its size hint: its text neither clipped nor
// squeezed. RELAIS_GRAB_DIR=<dir> saves a picture to look at.
void checkNoLabelCutOff(QDialog *dialog, const QString &what)
{
    dialog->resize(dialog->sizeHint());
    dialog->layout()->activate();
    const QImage image = dialog->grab().toImage();
    QVERIFY(!image.isNull());
    if (const QByteArray dir = qgetenv("RELAIS_GRAB_DIR"); !dir.isEmpty())
        QVERIFY(image.save(QStringLiteral("%1/%2.png").arg(QString::fromLocal8Bit(dir), what)));
    int checked = 0;
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        ++checked;
        const QRect in(label->mapTo(dialog, QPoint(0, 0)), label->size());
        QVERIFY2(dialog->rect().contains(in), qPrintable(label->text()));
        if (label->wordWrap())
            QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
        else
            QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
    }
    QVERIFY(checked >= 3);
    QPushButton *button = ok(dialog);
    QVERIFY(button->width() >= button->sizeHint().width());
}

void show(QWidget *dialog)
{
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
}

} // namespace

class TestShiftDialogs final : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void startIsPrefilledWithTheLastName();
    void startWithoutANameSaysSo();
    void startRefusesAnEmptyName();
    void startEntryStartsTheShift();
    void endShowsTheRunningShiftAndItsHandover();
    void endHandoverIsReadOnlyUntilEdited();
    void endEntryEndsTheShift();
    void endWithoutARunningShift();
    void endRefusesAnOverlongHandover();
    void noLabelCutOffAtSizeHint();

private:
    // The entries the window submits for the dialogs' values (DeskCommands).
    static JournalEntry entry(const StartShiftDialog &dialog, const QDateTime &at)
    {
        const Result<QList<JournalEntry>> r = DeskCommands::startShift(dialog.operatorName(), at);
        return r ? r.value().constFirst() : JournalEntry();
    }
    static JournalEntry entry(const EndShiftDialog &dialog, const QDateTime &at)
    {
        const Result<QList<JournalEntry>> r = DeskCommands::endShift(dialog.shift(), dialog.handover(), at);
        return r ? r.value().constFirst() : JournalEntry();
    }
    void commit(const QList<JournalEntry> &entries) { QCOMPARE(m_journal->commit(*m_state, entries), QString()); }
    JournalEntry startShift(const QString &name)
    {
        return m_journal->entry(EntryKind::ShiftStarted, {{QStringLiteral("operator"), name}},
                                Actor::operatorNamed(name));
    }

    std::unique_ptr<JournalBuilder> m_journal;
    std::unique_ptr<DispatchState> m_state;
};

void TestShiftDialogs::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_journal = std::make_unique<JournalBuilder>(kStart);
    m_state = std::make_unique<DispatchState>();
}

void TestShiftDialogs::startIsPrefilledWithTheLastName()
{
    QCOMPARE(StartShiftDialog::lastOperatorName(*m_state), QString());
    commit({startShift(QStringLiteral("Claire Martin"))});
    m_journal->advance(8 * 3600);
    commit({m_journal->entry(EntryKind::ShiftEnded,
                             {{QStringLiteral("shift"), 1}, {QStringLiteral("handover"), QStringLiteral("Calm.")}}),
            startShift(QStringLiteral("Bruno Petit"))});
    m_journal->advance(8 * 3600);
    commit({m_journal->entry(EntryKind::ShiftEnded, {{QStringLiteral("shift"), 2}})});
    // The last one, even when the shift has ended.
    QCOMPARE(StartShiftDialog::lastOperatorName(*m_state), QStringLiteral("Bruno Petit"));

    StartShiftDialog dialog(StartShiftDialog::lastOperatorName(*m_state));
    show(&dialog);
    auto *name = child<QLineEdit>(&dialog, "operatorNameEdit");
    QCOMPARE(name->text(), QStringLiteral("Bruno Petit"));
    // Selected: the next operator types over it.
    QCOMPARE(name->selectedText(), QStringLiteral("Bruno Petit"));
    QVERIFY(dialog.isValid());
    QVERIFY(ok(&dialog)->isEnabled());
    QCOMPARE(ok(&dialog)->text(), QStringLiteral("&Start Shift"));
    QCOMPARE(dialog.problemText(), QString());

    name->setFocus();
    QTest::keyClicks(name, QStringLiteral("Zoe Bernard"));
    QCOMPARE(dialog.operatorName(), QStringLiteral("Zoe Bernard"));
}

void TestShiftDialogs::startWithoutANameSaysSo()
{
    StartShiftDialog dialog;
    show(&dialog);
    QCOMPARE(child<QLineEdit>(&dialog, "operatorNameEdit")->text(), QString());
    QVERIFY(!dialog.isValid());
    QVERIFY(!ok(&dialog)->isEnabled());
    // Nothing typed yet: no red under the field, the status line says what is needed.
    QCOMPARE(dialog.problemText(), QStringLiteral("Enter your name to start the shift."));
    QVERIFY(messageShown(&dialog, QStringLiteral("Enter your name")));
    QVERIFY(child<QLabel>(&dialog, "statusLabel")->isVisible());
}

void TestShiftDialogs::startRefusesAnEmptyName()
{
    StartShiftDialog dialog(QStringLiteral("Claire"));
    show(&dialog);
    QSignalSpy validity(&dialog, &StartShiftDialog::validityChanged);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    auto *name = child<QLineEdit>(&dialog, "operatorNameEdit");
    name->setFocus();
    name->selectAll();
    QTest::keyClick(name, Qt::Key_Delete);
    QVERIFY(!dialog.isValid());
    QVERIFY(!ok(&dialog)->isEnabled());
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.first().first().toBool(), false);
    // Said under the field, once it was edited.
    QCOMPARE(dialog.problemText(), QStringLiteral("Enter your name to start the shift."));
    QVERIFY(messageShown(&dialog, QStringLiteral("Enter your name")));
    QCOMPARE(child<QLabel>(&dialog, "statusLabel")->text(), QString());
    // Return does not start a nameless shift.
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(accepted.size(), 0);
    QVERIFY(dialog.isVisible());

    // Blanks are no name.
    QTest::keyClicks(name, QStringLiteral("   "));
    QVERIFY(!ok(&dialog)->isEnabled());
    QTest::keyClicks(name, QStringLiteral("Zoe "));
    QVERIFY(ok(&dialog)->isEnabled());
    QVERIFY(!messageShown(&dialog, QStringLiteral("Enter your name")));
    QCOMPARE(dialog.operatorName(), QStringLiteral("Zoe"));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(accepted.size(), 1);
}

void TestShiftDialogs::startEntryStartsTheShift()
{
    StartShiftDialog dialog(QStringLiteral(" Claire Martin "));
    const QDateTime at = kStart.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/Paris")));
    const JournalEntry e = entry(dialog, at);
    QCOMPARE(e.kind, QString(EntryKind::ShiftStarted));
    QCOMPARE(e.source, QStringLiteral("ui"));
    QCOMPARE(e.time, kStart);
    QCOMPARE(e.time.timeSpec(), Qt::UTC);
    QCOMPARE(e.actor, Actor::operatorNamed(QStringLiteral("Claire Martin")));
    QCOMPARE(e.seq, 0);
    QCOMPARE(e.payload, (QJsonObject{{QStringLiteral("operator"), QStringLiteral("Claire Martin")}}));

    // The reducer reads it as it is: a running shift, hers.
    commit({e});
    const Shift *running = m_state->runningShift();
    QVERIFY(running);
    QCOMPARE(running->op.name, QStringLiteral("Claire Martin"));
    QCOMPARE(running->startedAt, kStart);
}

void TestShiftDialogs::endShowsTheRunningShiftAndItsHandover()
{
    JournalBuilder &j = *m_journal;
    commit({startShift(QStringLiteral("Claire Martin")),
            j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-101"), QStringLiteral("12 rue des Lilas"), 45.76,
                             4.83)});
    j.advance(6 * 3600);
    commit({j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))});
    const QDateTime now = j.now().addSecs(5 * 60);

    EndShiftDialog dialog(*m_state, now);
    show(&dialog);
    QCOMPARE(dialog.shift().id, 1);
    QCOMPARE(child<QLabel>(&dialog, "operatorLabel")->text(), QStringLiteral("Claire Martin"));
    const QString started = child<QLabel>(&dialog, "startedLabel")->text();
    QVERIFY2(started.contains(QStringLiteral("6 h 05 ago")), qPrintable(started));
    QVERIFY2(started.contains(QLocale().toString(kStart.toLocalTime().time(), QLocale::ShortFormat)),
             qPrintable(started));

    auto *handover = child<QPlainTextEdit>(&dialog, "handoverEdit");
    const QString summary = Handover::summary(*m_state, now);
    QVERIFY(summary.contains(QStringLiteral("12 rue des Lilas · 5 min")));
    QCOMPARE(handover->toPlainText(), summary);
    QCOMPARE(dialog.handover(), summary);
    QVERIFY(dialog.isValid());
    QVERIFY(ok(&dialog)->isEnabled());
    QCOMPARE(ok(&dialog)->text(), QStringLiteral("&End Shift"));
    QCOMPARE(dialog.problemText(), QString());
}

void TestShiftDialogs::endHandoverIsReadOnlyUntilEdited()
{
    commit({startShift(QStringLiteral("Claire Martin"))});
    EndShiftDialog dialog(*m_state, kStart.addSecs(3600));
    show(&dialog);
    auto *handover = child<QPlainTextEdit>(&dialog, "handoverEdit");
    auto *edit = child<QPushButton>(&dialog, "editHandoverButton");
    QCOMPARE(handover->toPlainText(), QStringLiteral("Nothing open."));
    QVERIFY(handover->isReadOnly());
    QVERIFY(!dialog.isEditing());

    // A stray key changes nothing.
    handover->setFocus();
    QTest::keyClicks(handover, QStringLiteral("oops"));
    QCOMPARE(handover->toPlainText(), QStringLiteral("Nothing open."));

    QTest::mouseClick(edit, Qt::LeftButton);
    QVERIFY(dialog.isEditing());
    QVERIFY(!handover->isReadOnly());
    QVERIFY(!edit->isEnabled());
    QVERIFY(handover->hasFocus());
    // The cursor waits at the end, where the operator adds what the list cannot know.
    QTest::keyClick(handover, Qt::Key_Return);
    QTest::keyClicks(handover, QStringLiteral("Mme Roux's keys are at the desk."));
    QCOMPARE(dialog.handover(), QStringLiteral("Nothing open.\nMme Roux's keys are at the desk."));
    QCOMPARE(entry(dialog, QDateTime::currentDateTimeUtc()).payload.value(QLatin1String("handover")).toString(),
             QStringLiteral("Nothing open.\nMme Roux's keys are at the desk."));
}

void TestShiftDialogs::endEntryEndsTheShift()
{
    JournalBuilder &j = *m_journal;
    commit({startShift(QStringLiteral("Claire Martin"))});
    j.advance(60);
    commit({j.entry(EntryKind::AlarmManual, {{QStringLiteral("kind"), QStringLiteral("smoke")},
                                             {QStringLiteral("address"), QStringLiteral("3 place Bellecour")}})});
    const QDateTime at = kStart.addSecs(8 * 3600);
    EndShiftDialog dialog(*m_state, at);
    dialog.startEditing();
    auto *handover = child<QPlainTextEdit>(&dialog, "handoverEdit");
    handover->setPlainText(handover->toPlainText() + QStringLiteral("\n\nFire brigade on site.\n\n"));

    const JournalEntry e = entry(dialog, at);
    QCOMPARE(e.kind, QString(EntryKind::ShiftEnded));
    QCOMPARE(e.source, QStringLiteral("ui"));
    QCOMPARE(e.time, at);
    QCOMPARE(e.actor, Actor::operatorNamed(QStringLiteral("Claire Martin")));
    const QString text = Handover::summary(*m_state, at) + QStringLiteral("\n\nFire brigade on site.");
    QCOMPARE(e.payload, (QJsonObject{{QStringLiteral("shift"), 1}, {QStringLiteral("handover"), text}}));

    // The reducer reads it as it is: the shift ends with its handover.
    commit({e});
    QCOMPARE(m_state->runningShift(), nullptr);
    const Shift &ended = m_state->shifts().value(1);
    QCOMPARE(ended.endedAt, at);
    QCOMPARE(ended.handover, text);
}

void TestShiftDialogs::endWithoutARunningShift()
{
    EndShiftDialog dialog(*m_state, kStart);
    show(&dialog);
    QCOMPARE(dialog.shift().id, 0);
    QVERIFY(!dialog.isValid());
    QVERIFY(!ok(&dialog)->isEnabled());
    QCOMPARE(child<QLabel>(&dialog, "operatorLabel")->text(), QStringLiteral("No shift is running."));
    QCOMPARE(dialog.problemText(), QStringLiteral("No shift is running: there is nothing to end."));
    // An ended shift is not running either.
    commit({startShift(QStringLiteral("Claire")),
            m_journal->entry(EntryKind::ShiftEnded, {{QStringLiteral("shift"), 1}})});
    EndShiftDialog after(*m_state, kStart);
    QVERIFY(!after.isValid());
}

void TestShiftDialogs::endRefusesAnOverlongHandover()
{
    commit({startShift(QStringLiteral("Claire"))});
    EndShiftDialog dialog(*m_state, kStart);
    show(&dialog);
    QSignalSpy validity(&dialog, &EndShiftDialog::validityChanged);
    dialog.startEditing();
    auto *handover = child<QPlainTextEdit>(&dialog, "handoverEdit");
    handover->setPlainText(QString(20001, QLatin1Char('x')));
    QVERIFY(!dialog.isValid());
    QVERIFY(!ok(&dialog)->isEnabled());
    QCOMPARE(validity.size(), 1);
    QVERIFY(messageShown(&dialog, QStringLiteral("The handover is too long")));
    handover->setPlainText(QString(20000, QLatin1Char('x')));
    QVERIFY(dialog.isValid());
    QVERIFY(!messageShown(&dialog, QStringLiteral("The handover is too long")));
}

void TestShiftDialogs::noLabelCutOffAtSizeHint()
{
    StartShiftDialog start;
    show(&start);
    checkNoLabelCutOff(&start, QStringLiteral("startshift-empty"));
    auto *name = child<QLineEdit>(&start, "operatorNameEdit");
    QTest::keyClicks(name, QStringLiteral("x"));
    QTest::keyClick(name, Qt::Key_Backspace);
    QVERIFY(messageShown(&start, QStringLiteral("Enter your name")));
    checkNoLabelCutOff(&start, QStringLiteral("startshift-error"));

    JournalBuilder &j = *m_journal;
    commit({startShift(QStringLiteral("Claire Martin")),
            j.entry(EntryKind::AlarmManual, {{QStringLiteral("kind"), QStringLiteral("smoke")},
                                             {QStringLiteral("address"), QStringLiteral("3 place Bellecour")}})});
    EndShiftDialog end(*m_state, kStart.addSecs(6 * 3600));
    show(&end);
    checkNoLabelCutOff(&end, QStringLiteral("endshift"));
}

QTEST_MAIN(TestShiftDialogs)
#include "tst_shiftdialogs.moc"
