// The dispatcher's job end to end: the real main window (offscreen) on a real desk (SQLite
// journal in a temporary folder, gateways on 127.0.0.1), fed by the simulator's gateway link
// in-process, which also plays the helpers' handsets (their answers and reports, the offers
// and cancels they receive). Time is a manual clock: offers time out and alarms escalate
// when the test says so.

#include "actionsink.h"
#include "alarmcommands.h"
#include "alarmdetailpane.h"
#include "alarmtablemodel.h"
#include "desk.h"
#include "earnings.h"
#include "gatewayhost.h"
#include "gatewaylink.h"
#include "helpertablemodel.h"
#include "journalbuilder.h"
#include "journalreader.h"
#include "jsonlinewriter.h"
#include "mainwindow.h"
#include "manualclock.h"
#include "serverline.h"
#include "sqlconnection.h"
#include "store.h"

#include <QAction>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace relais;

namespace {

const QString kGateway = QStringLiteral("gw-e2e");
const QString kToken = QStringLiteral("e2e-token-0123456789");
// Around Place Bellecour, Lyon. The helpers stand north of the devices at ~110, 220, 330,
// 440 m (all within the 500 m radius) and one at ~1.1 km.
constexpr double kLat = 45.7578, kLon = 4.8320;
constexpr double kMetreLat = 1.0 / 111195.0;

} // namespace

class TestDispatchFlow final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Desk> m_desk;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<sim::GatewayLink> m_link;
    QList<sim::ServerLine> m_downlinks; // offers and cancels the handsets received
    int m_deviceCount = 0;

    const DispatchState &state() { return m_desk->state().state(); }

    // Submits entries as the window would and waits until they are stored; their errors.
    QString submit(const QList<JournalEntry> &entries, ActionSink::Mode mode = ActionSink::Mode::AllOrNothing)
    {
        bool done = false;
        QStringList errors;
        m_desk->actions().submit(entries, mode, [&](const QList<Status> &r) {
            for (const Status &s : r) {
                if (!s.ok())
                    errors.append(s.errorString());
            }
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            return QStringLiteral("no answer from the store");
        return errors.join(QLatin1Char('\n'));
    }

    // One event from the gateway: {"type": type, "id": ..., "time": ..., <fields>}.
    void send(const QString &type, QJsonObject fields)
    {
        const QByteArray id = m_link->nextId();
        fields.insert(QStringLiteral("type"), type);
        fields.insert(QStringLiteral("id"), QString::fromLatin1(id));
        fields.insert(QStringLiteral("time"), m_clock->now().toString(Qt::ISODateWithMs));
        m_link->enqueue(id, QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n');
    }
    void sendHelper(const QString &type, const QString &helper, qint64 mission, QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("helper"), helper);
        if (mission)
            extra.insert(QStringLiteral("mission"), mission);
        send(type, extra);
    }
    // Waits until the gateway's events so far are all acknowledged.
    bool settled()
    {
        return QTest::qWaitFor([this] { return m_link->idle(); }, 10000);
    }

    // A new device alarm; returns the alarm's id once the window's state has it.
    qint64 deviceAlarm(const QString &kind)
    {
        const QString device = QStringLiteral("d%1").arg(++m_deviceCount);
        JournalBuilder b(m_clock->now());
        if (!submit({b.registerDevice(device, QStringLiteral("B-%1").arg(m_deviceCount),
                                      QStringLiteral("%1 place Bellecour, Lyon").arg(m_deviceCount), kLat, kLon)})
                 .isEmpty())
            return 0;
        const qsizetype before = state().alarms().size();
        send(QStringLiteral("device.alarm"), {{QStringLiteral("device"), device}, {QStringLiteral("alarm"), kind}});
        if (!QTest::qWaitFor([&] { return state().alarms().size() > before; }, 10000))
            return 0;
        for (const Alarm &a : state().alarms()) {
            if (a.deviceId() == device)
                return a.id();
        }
        return 0;
    }

    QAction *action(const char *name) { return m_window->findChild<QAction *>(QLatin1StringView(name)); }
    // Chooses the alarm in the window and runs one of the Alarm menu's commands on it.
    void command(qint64 alarmId, const char *name)
    {
        m_window->selectAlarm(alarmId);
        QAction *a = action(name);
        QVERIFY2(a, name);
        QVERIFY2(a->isEnabled(), name);
        a->trigger();
    }

    QStringList downlinksTo(sim::ServerLine::Type type, qint64 mission)
    {
        QStringList helpers;
        for (const sim::ServerLine &l : std::as_const(m_downlinks)) {
            if (l.type == type && l.mission == mission)
                helpers.append(l.helper);
        }
        helpers.sort();
        return helpers;
    }

    // The journal as stored, read on a connection of the test's own.
    QList<JournalEntry> journal()
    {
        SqlConnection c(QStringLiteral("e2e-check"));
        if (!c.open(m_desk->store().databasePath()))
            return {};
        const Result<QList<JournalEntry>> all = JournalReader(c.database()).read(0, 1000000);
        return all ? all.value() : QList<JournalEntry>{};
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
        m_desk = std::make_unique<Desk>(m_clock.get());
        QVERIFY2(m_desk->open(m_dir->path()), qPrintable(m_desk->errorString()));
        GatewayConfig config;
        config.tcp.append(TcpListenConfig{}); // 127.0.0.1, any free port
        config.gateways.append(GatewayAccount{kGateway, kToken, {}});
        QCOMPARE(m_desk->startGateways(config), QStringList());
        const quint16 port = m_desk->gateways().ports().value(0);
        QVERIFY(port != 0);

        m_window = std::make_unique<MainWindow>(&m_desk->state(), m_dir->path());
        m_window->setActionSink(&m_desk->actions());
        m_window->setOperatorName(QStringLiteral("Léa"));
        m_window->setClock(m_clock.get());
        m_window->show();

        // Five helpers, registered by the coordinator.
        JournalBuilder b(m_clock->now());
        QList<JournalEntry> seed;
        for (int i = 1; i <= 5; ++i)
            seed.append(b.registerHelper(QStringLiteral("h%1").arg(i), QStringLiteral("Helper %1").arg(i)));
        QCOMPARE(submit(seed), QString());

        sim::LinkConfig link;
        link.host = QStringLiteral("127.0.0.1");
        link.port = port;
        link.gatewayId = kGateway;
        link.token = kToken;
        link.agent = QStringLiteral("tst_dispatchflow");
        m_link = std::make_unique<sim::GatewayLink>(link);
        m_downlinks.clear();
        m_link->setDownlinkHandler([this](const sim::ServerLine &l) {
            m_downlinks.append(l);
            return sim::GatewayLink::DownlinkVerdict{};
        });
        QSignalSpy opened(m_link.get(), &sim::GatewayLink::sessionOpened);
        m_link->start();
        QVERIFY(opened.wait(10000));
        // Their handsets go on duty through the gateway (downlinks find them there), north of
        // the devices.
        const int metres[] = {110, 220, 330, 440, 1100};
        for (int i = 0; i < 5; ++i) {
            const QString h = QStringLiteral("h%1").arg(i + 1);
            sendHelper(QStringLiteral("helper.on_duty"), h, 0);
            sendHelper(QStringLiteral("helper.position"), h, 0,
                       {{QStringLiteral("lat"), kLat + metres[i] * kMetreLat}, {QStringLiteral("lon"), kLon}});
        }
        QVERIFY(settled());
        QTRY_COMPARE(state().helper(QStringLiteral("h5"))->availability(), Helper::Availability::Available);
        QVERIFY(state().helper(QStringLiteral("h5"))->position().isValid());
        m_deviceCount = 0;
    }

    void cleanup()
    {
        m_link.reset();
        m_window.reset();
        m_desk.reset();
        m_clock.reset();
        m_dir.reset();
    }

    void alarmToClosedThroughOffers()
    {
        const qint64 id = deviceAlarm(QStringLiteral("fall"));
        QVERIFY(id);
        QCOMPARE(state().alarm(id)->state(), Alarm::State::New);

        command(id, "acknowledgeAlarmAction");
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Acknowledged);
        m_clock->advance(5000);
        command(id, "offerNearbyAlarmAction");
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Dispatching);
        const qint64 missionId = state().alarm(id)->missionId;
        // The three nearest within 500 m, on their handsets.
        const QStringList offered{QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3")};
        QTRY_COMPARE(downlinksTo(sim::ServerLine::Type::Offer, missionId), offered);

        // h2 accepts; h1 and h3 are told the offer is withdrawn.
        m_clock->advance(20000);
        sendHelper(QStringLiteral("helper.answer"), QStringLiteral("h2"), missionId,
                   {{QStringLiteral("answer"), QStringLiteral("accept")}});
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Assigned);
        QCOMPARE(state().mission(missionId)->assignee(), QStringLiteral("h2"));
        QTRY_COMPARE(downlinksTo(sim::ServerLine::Type::Cancel, missionId),
                     (QStringList{QStringLiteral("h1"), QStringLiteral("h3")}));

        m_clock->advance(30000);
        sendHelper(QStringLiteral("helper.en_route"), QStringLiteral("h2"), missionId);
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::EnRoute);
        m_clock->advance(240000);
        sendHelper(QStringLiteral("helper.on_scene"), QStringLiteral("h2"), missionId);
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::OnScene);
        m_clock->advance(600000);
        sendHelper(QStringLiteral("helper.report"), QStringLiteral("h2"), missionId,
                   {{QStringLiteral("outcome"), QStringLiteral("false_alarm")},
                    {QStringLiteral("note"), QStringLiteral("Pendentif appuyé par erreur ; tout va bien.")}});
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Resolved);
        QVERIFY(settled());

        m_clock->advance(10000);
        command(id, "closeAlarmAction");
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Closed);

        // The alarm's life, as journaled, in order and with its actors.
        const Alarm &a = *state().alarm(id);
        QCOMPARE(a.outcome(), Outcome::FalseAlarm);
        const Mission &m = *state().mission(missionId);
        QCOMPARE(m.state(), Mission::State::Completed);
        QCOMPARE(m.payout(), m.fee());
        QVERIFY(m.fee().cents() > 0);
        QCOMPARE(m.note, QStringLiteral("Pendentif appuyé par erreur ; tout va bien."));
        QStringList kinds;
        for (const JournalEntry &e : journal()) {
            const QJsonObject &p = e.payload;
            if (p.value(QStringLiteral("alarm")).toInteger() == id
                || p.value(QStringLiteral("mission")).toInteger() == missionId
                || (e.kind == EntryKind::DeviceAlarm && p.value(QStringLiteral("device")) == QStringLiteral("d1")))
                kinds.append(e.kind + QLatin1Char('/') + e.actor.toString());
        }
        const QStringList expected{
            QStringLiteral("device.alarm/device:d1"),       QStringLiteral("alarm.acknowledged/operator:Léa"),
            QStringLiteral("mission.created/operator:Léa"), QStringLiteral("mission.offered/operator:Léa"),
            QStringLiteral("mission.offered/operator:Léa"), QStringLiteral("mission.offered/operator:Léa"),
            QStringLiteral("mission.answered/helper:h2"),   QStringLiteral("mission.en_route/helper:h2"),
            QStringLiteral("mission.on_scene/helper:h2"),   QStringLiteral("mission.completed/helper:h2"),
            QStringLiteral("alarm.closed/operator:Léa"),
        };
        QCOMPARE(kinds, expected);
        // Times: the transitions carry the clock's times (durations come from them).
        QCOMPARE(a.enteredAt(Alarm::State::OnScene).secsTo(a.enteredAt(Alarm::State::Resolved)), 600);
        // The helpers are free again; h2 earned the fee.
        for (int i = 1; i <= 3; ++i)
            QCOMPARE(state().helper(QStringLiteral("h%1").arg(i))->availability(), Helper::Availability::Available);
        // h2's earnings: this mission's fee, today (the day of the manual clock), in the
        // helpers list too; the others earned nothing.
        const Earnings today = Earnings::of(state(), QStringLiteral("h2"), Earnings::today(m_clock->now()));
        QCOMPARE(today.missions(), 1);
        QCOMPARE(today.amount(m.fee().currency()), m.fee());
        QCOMPARE(Earnings::of(state(), QStringLiteral("h1"), Earnings::today(m_clock->now())).missions(), 0);
        m_window->helperModel()->setNow(m_clock->now());
        const QModelIndex h2Today = m_window->helperModel()->index(
            m_window->helperModel()->indexOf(QStringLiteral("h2")).row(), HelperTableModel::TodayColumn);
        QVERIFY2(h2Today.data().toString().startsWith(QStringLiteral("1 · ")), qPrintable(h2Today.data().toString()));

        // The state tables equal the window's state: a fresh store on the same folder loads
        // the same desk.
        const DispatchState live = state();
        m_link.reset();
        m_window.reset();
        m_desk.reset();
        Store reopened;
        QVERIFY2(reopened.open(m_dir->path()), qPrintable(reopened.errorString()));
        QCOMPARE(reopened.snapshot().alarms(), live.alarms());
        QCOMPARE(reopened.snapshot().missions(), live.missions());
        QCOMPARE(reopened.snapshot().helpers(), live.helpers());
        QVERIFY(reopened.snapshot() == live);
    }

    void declinesAndTimeoutsMoveToTheNextHelper()
    {
        const qint64 id = deviceAlarm(QStringLiteral("panic"));
        QVERIFY(id);
        command(id, "offerNearbyAlarmAction"); // acknowledges and offers at once
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Dispatching);
        const qint64 missionId = state().alarm(id)->missionId;
        QTRY_COMPARE(downlinksTo(sim::ServerLine::Type::Offer, missionId).size(), 3);

        // h1 declines: the next nearest (h4, 440 m) gets the offer.
        sendHelper(QStringLiteral("helper.answer"), QStringLiteral("h1"), missionId,
                   {{QStringLiteral("answer"), QStringLiteral("decline")}});
        QTRY_COMPARE(state().mission(missionId)->pendingOfferHelpers().size(), 2);
        m_clock->advance(1000);
        QVERIFY(m_desk->followUpOffersNow());
        QTRY_VERIFY(state().mission(missionId)->pendingOfferHelpers().contains(QStringLiteral("h4")));
        QTRY_VERIFY(downlinksTo(sim::ServerLine::Type::Offer, missionId).contains(QStringLiteral("h4")));

        // Nobody answers for a minute: the offers time out; nobody else is within 500 m (h5 is
        // 1.1 km away), so the alarm goes back to the dispatcher, who is told at once.
        m_clock->advance(61000);
        QVERIFY(QTest::qWaitFor([this] { return m_desk->followUpOffersNow(); }));
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Acknowledged);
        const Mission &m = *state().mission(missionId);
        int timedOut = 0, declined = 0;
        for (const Offer &o : m.offers()) {
            timedOut += o.answer == Offer::Answer::TimedOut;
            declined += o.answer == Offer::Answer::Declined;
        }
        QCOMPARE(declined, 1);
        QCOMPARE(timedOut, 3);
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("no helper accepted")));

        // The dispatcher sends h5 from the ranked list: counted as a re-dispatch.
        m_window->alarmCommands()->assignHelper(id, QStringLiteral("h5"));
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Assigned);
        QCOMPARE(state().mission(missionId)->assignee(), QStringLiteral("h5"));
        QCOMPARE(state().mission(missionId)->redispatchCount(), 1);
    }

    void simultaneousAcceptancesHaveOneWinner()
    {
        // Both acceptances in the same write, five times over: exactly one wins each time.
        for (int round = 0; round < 5; ++round) {
            const qint64 id = deviceAlarm(QStringLiteral("smoke"));
            QVERIFY(id);
            command(id, "offerNearbyAlarmAction");
            QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Dispatching);
            const qint64 missionId = state().alarm(id)->missionId;
            const QString first = round % 2 ? QStringLiteral("h3") : QStringLiteral("h1");
            const QString second = round % 2 ? QStringLiteral("h1") : QStringLiteral("h3");
            sendHelper(QStringLiteral("helper.answer"), first, missionId,
                       {{QStringLiteral("answer"), QStringLiteral("accept")}});
            sendHelper(QStringLiteral("helper.answer"), second, missionId,
                       {{QStringLiteral("answer"), QStringLiteral("accept")}});
            QVERIFY(settled());
            QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Assigned);
            const Mission &m = *state().mission(missionId);
            QCOMPARE(m.assignee(), first);
            int accepted = 0;
            for (const Offer &o : m.offers())
                accepted += o.answer == Offer::Answer::Accepted;
            QCOMPARE(accepted, 1);
            QCOMPARE(state().helper(second)->availability(), Helper::Availability::Available);
            QTRY_VERIFY(downlinksTo(sim::ServerLine::Type::Cancel, missionId).contains(second));
            // Free the winner for the next round: the dispatcher cancels the alarm.
            m_window->alarmCommands()->cancelAlarmBecause(id, QStringLiteral("exercice"));
            QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Cancelled);
            QTRY_COMPARE(state().helper(first)->availability(), Helper::Availability::Available);
        }
    }

    void restoreBeforeArrivalCancelsTheAlarm()
    {
        const qint64 id = deviceAlarm(QStringLiteral("water_leak"));
        QVERIFY(id);
        m_window->alarmCommands()->assignNearest(id);
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Assigned);
        const qint64 missionId = state().alarm(id)->missionId;
        const QString helper = state().mission(missionId)->assignee();
        send(QStringLiteral("device.restore"), {{QStringLiteral("device"), state().alarm(id)->deviceId()},
                                                {QStringLiteral("alarm"), QStringLiteral("water_leak")}});
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Cancelled);
        QCOMPARE(state().alarm(id)->cancelReason, QStringLiteral("device_restore"));
        QCOMPARE(state().mission(missionId)->state(), Mission::State::Cancelled);
        QCOMPARE(state().helper(helper)->availability(), Helper::Availability::Available);
        // The helper on the way is told.
        QTRY_COMPARE(downlinksTo(sim::ServerLine::Type::Cancel, missionId), QStringList{helper});
    }

    void escalationStagesFireWithTheClock()
    {
        const qint64 id = deviceAlarm(QStringLiteral("fall")); // critical: 1, 5, 15 minutes
        QVERIFY(id);
        // Nothing was chosen: the new alarm is, and the detail pane shows it.
        QTRY_COMPARE(m_window->findChild<AlarmDetailPane *>()->alarmId(), id);
        m_desk->escalateNow(); // not yet: nothing is due
        QTest::qWait(100);
        QCOMPARE(state().alarm(id)->escalationStage(), 0);
        m_clock->advance(61000);
        QVERIFY(m_desk->escalateNow());
        QTRY_COMPARE(state().alarm(id)->escalationStage(), 1);
        QVERIFY(m_window->attentionText().isEmpty()); // stage 1: sound and flashing, no banner
        QVERIFY(m_window->alarmModel()->isFlashing(id));
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("waiting to be acknowledged")));

        command(id, "acknowledgeAlarmAction");
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Acknowledged);
        QVERIFY(!m_window->alarmModel()->isFlashing(id));
        m_clock->advance(5 * 60000);
        QVERIFY(QTest::qWaitFor([this] { return m_desk->escalateNow(); }));
        QTRY_COMPARE(state().alarm(id)->escalationStage(), 2);
        QVERIFY(m_window->attentionText().contains(QStringLiteral("112")));

        m_window->alarmCommands()->assignNearest(id);
        QTRY_COMPARE(state().alarm(id)->state(), Alarm::State::Assigned);
        m_clock->advance(15 * 60000);
        QVERIFY(QTest::qWaitFor([this] { return m_desk->escalateNow(); }));
        QTRY_COMPARE(state().alarm(id)->escalationStage(), 3);
        QVERIFY(m_window->attentionText().contains(QStringLiteral("nobody on scene")));
        // Each stage is in the alarm's timeline, recorded by Relais.
        int stages = 0;
        for (const Transition &t : state().alarm(id)->timeline())
            stages += t.note.startsWith(QLatin1String("escalation:")) && t.by == Actor::system();
        QCOMPARE(stages, 3);
    }
};

QTEST_MAIN(TestDispatchFlow)
#include "tst_dispatchflow.moc"
