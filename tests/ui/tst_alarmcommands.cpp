#include "actionsink.h"
#include "alarmcommands.h"
#include "journalbuilder.h"
#include "offersettings.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using namespace relais;

namespace {

// Records what is submitted and commits it into the live state, as the store would.
struct RecordingSink final : ActionSink
{
    explicit RecordingSink(LiveState *live) : state(live) {}
    LiveState *state;
    QList<QList<JournalEntry>> submissions;
    QList<Mode> modes;
    qint64 seq = 1000;
    void submit(const QList<JournalEntry> &entries, Mode mode, Done done) override
    {
        submissions.append(entries);
        modes.append(mode);
        QList<JournalEntry> committed = entries;
        for (JournalEntry &e : committed)
            e.seq = ++seq;
        state->applyCommitted(committed);
        done(QList<Status>(entries.size()));
    }
};

} // namespace

// The alarm commands on their own: a window (a bare widget here), a live state, the alarm
// chosen given by a function, as MainWindow gives it.
class TestAlarmCommands final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<JournalBuilder> m_journal;
    std::unique_ptr<LiveState> m_state;
    std::unique_ptr<QWidget> m_window;
    AlarmCommands *m_commands = nullptr;
    qint64 m_current = 0;
    const Actor lea = Actor::operatorNamed(QStringLiteral("Léa"));

    QList<QAction *> enabled() const
    {
        QList<QAction *> out;
        for (QAction *a : m_commands->paneActions() + QList<QAction *>{m_commands->noteAction()}) {
            if (a && a->isEnabled())
                out.append(a);
        }
        return out;
    }

private slots:
    void init()
    {
        m_journal = std::make_unique<JournalBuilder>(QDateTime::currentDateTimeUtc().addSecs(-600));
        m_state = std::make_unique<LiveState>();
        JournalBuilder &j = *m_journal;
        QCOMPARE(JournalBuilder::commit(*m_state, j.helperAt(QStringLiteral("h1"), 45.7590, 4.8320)), QString());
        QCOMPARE(JournalBuilder::commit(
                     *m_state, {j.deviceAlarmAt(QStringLiteral("d1"), QStringLiteral("smoke"), 45.7580, 4.8320)}),
                 QString());
        m_window = std::make_unique<QWidget>();
        m_current = 0;
        m_commands = new AlarmCommands(
            m_state.get(), [this] { return m_current; }, [this] { return lea; }, m_window.get());
    }

    void cleanup()
    {
        m_window.reset();
        m_state.reset();
    }

    void ownsNamedActionsWithTheirShortcuts()
    {
        QCOMPARE(m_commands->parent(), m_window.get());
        QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("acknowledgeAlarmAction")),
                 m_commands->acknowledgeAction());
        QCOMPARE(m_commands->acknowledgeAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QCOMPARE(m_commands->offerNearbyAction()->iconText(), QStringLiteral("Offer"));
        QCOMPARE(m_commands->offerNearbyAction()->toolTip(), QStringLiteral("Offer to Nearby Helpers (Ctrl+O)"));
        QCOMPARE(m_commands->paneActions().size(), 11);
        QVERIFY(m_window->findChild<QMenu *>(QStringLiteral("assignMenu")));
        QVERIFY(m_window->findChild<QMenu *>(QStringLiteral("outcomeMenu")));
    }

    void enablesWhatTheChosenAlarmAllows()
    {
        m_commands->updateActions();
        QVERIFY(enabled().isEmpty()); // nothing chosen
        m_current = JournalBuilder::newestAlarm(m_state->state());
        m_commands->updateActions();
        QCOMPARE(enabled(),
                 (QList<QAction *>{m_commands->acknowledgeAction(), m_commands->assignNearestAction(),
                                   m_commands->offerNearbyAction(), m_commands->assignToAction(),
                                   m_commands->outcomeAction(), m_commands->cancelAction(), m_commands->noteAction()}));
    }

    void readOnlySaysSo()
    {
        m_current = JournalBuilder::newestAlarm(m_state->state());
        QSignalSpy failed(m_commands, &AlarmCommands::failed);
        m_commands->acknowledgeAction()->setEnabled(true);
        m_commands->acknowledgeAction()->trigger();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(),
                 QStringLiteral("Alarm %1 cannot be acknowledged: this window is read-only.").arg(m_current));
    }

    void submitsTheCommandsEntries()
    {
        RecordingSink sink(m_state.get());
        m_commands->setActionSink(&sink);
        const OfferSettings offers{1, 500, 60};
        m_commands->setOfferSettings(&offers);
        m_current = JournalBuilder::newestAlarm(m_state->state());
        QSignalSpy failed(m_commands, &AlarmCommands::failed);
        m_commands->offerToNearby(m_current);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(sink.submissions.size(), 1);
        QCOMPARE(sink.modes.first(), ActionSink::Mode::AllOrNothing);
        QStringList kinds;
        for (const JournalEntry &e : sink.submissions.first()) {
            kinds.append(e.kind);
            QCOMPARE(e.actor, lea);
        }
        QCOMPARE(kinds,
                 (QStringList{EntryKind::AlarmAcknowledged, EntryKind::MissionCreated, EntryKind::MissionOffered}));
        // A command that no longer applies: refused with the reason, nothing submitted.
        m_commands->closeAlarm(m_current);
        QCOMPARE(sink.submissions.size(), 1);
        QCOMPARE(failed.size(), 1);
        QVERIFY(
            failed.first().first().toString().startsWith(QStringLiteral("Alarm %1 was not closed: ").arg(m_current)));
        m_commands->setActionSink(nullptr);
    }
};

QTEST_MAIN(TestAlarmCommands)
#include "tst_alarmcommands.moc"
