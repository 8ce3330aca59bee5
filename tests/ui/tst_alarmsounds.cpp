#include "alarmsounds.h"
#include "journalbuilder.h"
#include "livestate.h"
#include "manualclock.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QtEndian>
#include <QTest>

using namespace relais;
using namespace std::chrono_literals;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);

// Messages of the "relais.sound" category, caught while a test wants them.
struct SoundLog
{
    QtMsgType type;
    QString text;
};
QList<SoundLog> g_soundLog;
QtMessageHandler g_previousHandler = nullptr;

void catchSoundLog(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (context.category && qstrcmp(context.category, "relais.sound") == 0)
        g_soundLog.append({type, text});
    if (g_previousHandler)
        g_previousHandler(type, context, text);
}

// The runs of sound in a WAV's samples separated by at least 20 ms of silence: its beeps.
int beepsIn(const QByteArray &wav, int *peak)
{
    const int rate = qFromLittleEndian<quint32>(wav.constData() + 24);
    const qsizetype samples = (wav.size() - 44) / 2;
    int beeps = 0;
    int silentRun = rate; // silence before the start
    *peak = 0;
    for (qsizetype i = 0; i < samples; ++i) {
        const int v = std::abs(int(qFromLittleEndian<qint16>(wav.constData() + 44 + 2 * i)));
        *peak = std::max(*peak, v);
        if (v > 300) {
            if (silentRun >= rate / 50)
                ++beeps;
            silentRun = 0;
        } else {
            ++silentRun;
        }
    }
    return beeps;
}

} // namespace

class TestAlarmSounds final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newAlarmPlaysOnceWithItsSeverity();
    void alarmsArrivingTogetherPlayTheMostSevereOnce();
    void maintenanceAlarmsAndWarningsAreSilent();
    void repeatsAtTheSeverityPeriodOnceEscalated_data();
    void repeatsAtTheSeverityPeriodOnceEscalated();
    void acknowledgingStopsTheRepeatAtOnce();
    void cancellingStopsTheRepeatAtOnce();
    void theMostSevereWaitingAlarmDecides();
    void muteSilencesEverythingAndEndsByItself();
    void unmuteResumesAtOnce();
    void muteIsNeverUnlimited();
    void disabledPlaysNothing();
    void alarmsWaitingAtStartRepeatWithoutAnArrivalSound();
    void resetIsNotAnArrival();
    void fallbackIsLoggedOnce();
    void systemBellOnRequestIsLoggedOnce();
    void eachSeverityHasItsOwnSound();

private:
    void commit(const QList<JournalEntry> &entries) { QCOMPARE(JournalBuilder::commit(*m_state, entries), QString()); }
    // Moves the journal and the clock on by this many seconds, ticking every second as the timer does.
    void advance(int seconds)
    {
        for (int i = 0; i < seconds; ++i) {
            m_journal->advance(1);
            m_clock->advance(1000);
            m_sounds->tick();
        }
    }
    JournalEntry escalate(qint64 alarm, int stage = 1)
    {
        return m_journal->entry(EntryKind::AlarmEscalated,
                                {{QStringLiteral("alarm"), alarm}, {QStringLiteral("stage"), stage}}, Actor::system());
    }
    JournalEntry acknowledge(qint64 alarm) { return m_journal->alarmAction(EntryKind::AlarmAcknowledged, alarm); }
    // The severities played since the spy started.
    QList<Severity> playedSeverities() const
    {
        QList<Severity> out;
        for (const QList<QVariant> &args : *m_played)
            out.append(args.at(0).value<Severity>());
        return out;
    }

    std::unique_ptr<JournalBuilder> m_journal;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LiveState> m_state;
    std::unique_ptr<AlarmSounds> m_sounds;
    std::unique_ptr<QSignalSpy> m_played;
};

void TestAlarmSounds::init()
{
    m_journal = std::make_unique<JournalBuilder>(kStart);
    m_clock = std::make_unique<ManualClock>(kStart);
    m_state = std::make_unique<LiveState>();
    JournalBuilder &j = *m_journal;
    commit({
        j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-101"), QStringLiteral("12 rue des Lilas"), 45.76,
                         4.83),
        j.registerDevice(QStringLiteral("d2"), QStringLiteral("B-202"), QStringLiteral("3 place du Marché"), 45.75,
                         4.84),
        j.registerDevice(QStringLiteral("d3"), QStringLiteral("B-303"), QStringLiteral("8 quai Nord"), 45.77, 4.85),
    });
    m_sounds = std::make_unique<AlarmSounds>(m_state.get(), m_clock.get());
    m_played = std::make_unique<QSignalSpy>(m_sounds.get(), &AlarmSounds::played);
    QVERIFY(m_played->isValid());
}

void TestAlarmSounds::cleanup()
{
    m_played.reset();
    m_sounds.reset();
    m_state.reset();
    m_clock.reset();
    m_journal.reset();
}

void TestAlarmSounds::newAlarmPlaysOnceWithItsSeverity()
{
    JournalBuilder &j = *m_journal;
    commit({j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))}); // 1: critical
    QCOMPARE(playedSeverities(), QList<Severity>{Severity::Critical});

    // Repeats of the same open alarm fold into it: no new sound. Time passing before T1: none either.
    commit({j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))});
    QCOMPARE(m_state->state().alarm(1)->count(), 2);
    advance(50);
    QCOMPARE(m_played->count(), 1);

    commit({j.deviceAlarm(QStringLiteral("d2"), QStringLiteral("door"))});      // 2: minor
    commit({j.deviceAlarm(QStringLiteral("d3"), QStringLiteral("intrusion"))}); // 3: major
    QCOMPARE(playedSeverities(), (QList<Severity>{Severity::Critical, Severity::Minor, Severity::Major}));

    // Acknowledging is not an arrival; a manual alarm (a phone call) is.
    commit({acknowledge(2)});
    QCOMPARE(m_played->count(), 3);
    commit({j.entry(EntryKind::AlarmManual, {{QStringLiteral("kind"), QStringLiteral("medical")},
                                             {QStringLiteral("address"), QStringLiteral("1 rue Haute")}})});
    QCOMPARE(playedSeverities().size(), 4);
    QCOMPARE(playedSeverities().last(), Severity::Critical);
}

void TestAlarmSounds::alarmsArrivingTogetherPlayTheMostSevereOnce()
{
    JournalBuilder &j = *m_journal;
    commit({
        j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("door")),       // minor
        j.deviceAlarm(QStringLiteral("d2"), QStringLiteral("water_leak")), // major
        j.deviceAlarm(QStringLiteral("d3"), QStringLiteral("smoke")),      // critical
    });
    // One batch committed together (LiveState tells it as one change): one sound, the most severe.
    QCOMPARE(playedSeverities(), QList<Severity>{Severity::Critical});
}

void TestAlarmSounds::maintenanceAlarmsAndWarningsAreSilent()
{
    JournalBuilder &j = *m_journal;
    commit({
        j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("low_battery")),   // warning, maintenance
        j.deviceAlarm(QStringLiteral("d2"), QStringLiteral("device_silent")), // minor, maintenance
        j.deviceAlarm(QStringLiteral("d3"), QStringLiteral("tamper")),        // minor, maintenance
        j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("door"), QStringLiteral("warning")),
    });
    QCOMPARE(m_state->state().alarms().size(), 4);
    // Escalated by hand (the monitor never escalates maintenance alarms): still silent.
    commit({escalate(4)});
    advance(120);
    QCOMPARE(m_played->count(), 0);
}

void TestAlarmSounds::repeatsAtTheSeverityPeriodOnceEscalated_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<int>("period");
    QTest::newRow("critical") << QStringLiteral("fall") << Severity::Critical << 4;
    QTest::newRow("major") << QStringLiteral("intrusion") << Severity::Major << 8;
    QTest::newRow("minor") << QStringLiteral("door") << Severity::Minor << 15;
}

void TestAlarmSounds::repeatsAtTheSeverityPeriodOnceEscalated()
{
    QFETCH(QString, kind);
    QFETCH(Severity, severity);
    QFETCH(int, period);
    QCOMPARE(AlarmSounds::repeatPeriod(severity), std::chrono::seconds(period));

    commit({m_journal->deviceAlarm(QStringLiteral("d1"), kind)});
    QCOMPARE(m_played->count(), 1); // the arrival
    advance(60);
    QCOMPARE(m_played->count(), 1); // not escalated: no repeat

    // Stage 1 (not acknowledged within T1): the sound repeats at once, then every period.
    commit({escalate(1)});
    QCOMPARE(m_played->count(), 2);
    advance(period - 1);
    QCOMPARE(m_played->count(), 2);
    advance(1);
    QCOMPARE(m_played->count(), 3);
    advance(period * 4);
    QCOMPARE(m_played->count(), 7);
    QCOMPARE(playedSeverities(), QList<Severity>(7, severity));

    // Later stages change nothing while the alarm is still new.
    commit({escalate(1, 2)});
    advance(period);
    QCOMPARE(m_played->count(), 8);
}

void TestAlarmSounds::acknowledgingStopsTheRepeatAtOnce()
{
    commit({m_journal->deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))});
    advance(60);
    commit({escalate(1)});
    advance(9); // repeats at +0, +4, +8
    QCOMPARE(m_played->count(), 4);

    advance(2); // +11: the next one is due at +12
    commit({acknowledge(1)});
    advance(120);
    QCOMPARE(m_played->count(), 4);
}

void TestAlarmSounds::cancellingStopsTheRepeatAtOnce()
{
    commit({m_journal->deviceAlarm(QStringLiteral("d1"), QStringLiteral("smoke"))});
    commit({escalate(1)});
    advance(4);
    QCOMPARE(m_played->count(), 3);
    commit({m_journal->deviceRestore(QStringLiteral("d1"), QStringLiteral("smoke"))});
    QVERIFY(!m_state->state().alarm(1)->isOpen());
    advance(60);
    QCOMPARE(m_played->count(), 3);
}

void TestAlarmSounds::theMostSevereWaitingAlarmDecides()
{
    JournalBuilder &j = *m_journal;
    commit({j.deviceAlarm(QStringLiteral("d1"), QStringLiteral("door"))}); // 1: minor
    commit({j.deviceAlarm(QStringLiteral("d2"), QStringLiteral("fall"))}); // 2: critical
    commit({escalate(1)});
    m_played->clear();
    advance(15); // the minor alarm alone: every 15 s
    QCOMPARE(playedSeverities(), QList<Severity>{Severity::Minor});

    commit({escalate(2)}); // the critical one waits too: it decides, every 4 s
    advance(12);
    QCOMPARE(playedSeverities(), (QList<Severity>{Severity::Minor, Severity::Critical, Severity::Critical,
                                                  Severity::Critical, Severity::Critical}));

    commit({acknowledge(2)}); // the minor one is left: back to 15 s
    m_played->clear();
    advance(14);
    QCOMPARE(m_played->count(), 0);
    advance(1);
    QCOMPARE(playedSeverities(), QList<Severity>{Severity::Minor});
}

void TestAlarmSounds::muteSilencesEverythingAndEndsByItself()
{
    QSignalSpy muteChanged(m_sounds.get(), &AlarmSounds::muteChanged);
    QSignalSpy statusChanged(m_sounds.get(), &AlarmSounds::statusChanged);
    commit({m_journal->deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))});
    commit({escalate(1)});
    QCOMPARE(m_played->count(), 2);
    QVERIFY(!m_sounds->isMuted());
    QVERIFY(m_sounds->mutedUntil().isNull());
    QVERIFY(m_sounds->statusText().isEmpty());

    m_sounds->muteFor(5min);
    QCOMPARE(muteChanged.count(), 1);
    QVERIFY(m_sounds->isMuted());
    QCOMPARE(m_sounds->mutedUntil(), m_clock->now().addSecs(300));
    QVERIFY(m_sounds->statusText().startsWith(QStringLiteral("Alarm sounds muted until ")));

    advance(120);
    QCOMPARE(m_played->count(), 2);
    // A new critical alarm during the mute: silenced too, but counted for the status bar.
    statusChanged.clear();
    commit({m_journal->deviceAlarm(QStringLiteral("d2"), QStringLiteral("panic"))});
    QCOMPARE(m_played->count(), 2);
    QCOMPARE(m_sounds->silencedDuringMute(), 1);
    QCOMPARE(statusChanged.count(), 1);
    QVERIFY2(m_sounds->statusText().endsWith(QStringLiteral(" (new alarms meanwhile: 1)")),
             qPrintable(m_sounds->statusText()));

    advance(179); // 299 s muted
    QCOMPARE(m_played->count(), 2);
    QVERIFY(m_sounds->isMuted());
    QCOMPARE(muteChanged.count(), 1);

    advance(1); // the time limit: the mute ends by itself, and the waiting alarm sounds at once
    QVERIFY(!m_sounds->isMuted());
    QCOMPARE(muteChanged.count(), 2);
    QCOMPARE(m_sounds->silencedDuringMute(), 0);
    QVERIFY(m_sounds->statusText().isEmpty());
    QCOMPARE(m_played->count(), 3);
    advance(4);
    QCOMPARE(m_played->count(), 4);
}

void TestAlarmSounds::unmuteResumesAtOnce()
{
    QSignalSpy muteChanged(m_sounds.get(), &AlarmSounds::muteChanged);
    m_sounds->muteFor(5min);
    commit({m_journal->deviceAlarm(QStringLiteral("d1"), QStringLiteral("intrusion"))});
    commit({escalate(1)});
    advance(30);
    QCOMPARE(m_played->count(), 0);

    m_sounds->unmute();
    QVERIFY(!m_sounds->isMuted());
    QCOMPARE(muteChanged.count(), 2);
    QCOMPARE(playedSeverities(), QList<Severity>{Severity::Major});
    advance(8);
    QCOMPARE(m_played->count(), 2);
    m_sounds->unmute(); // not muted: nothing happens
    QCOMPARE(muteChanged.count(), 2);
}

void TestAlarmSounds::muteIsNeverUnlimited()
{
    QSignalSpy muteChanged(m_sounds.get(), &AlarmSounds::muteChanged);
    m_sounds->muteFor(24h);
    QCOMPARE(m_sounds->mutedUntil(), m_clock->now().addSecs(30 * 60));
    QCOMPARE(AlarmSounds::maxMute(), 30min);

    // Muting again starts the limit again, from now.
    advance(60);
    m_sounds->muteFor(5min);
    QCOMPARE(m_sounds->mutedUntil(), m_clock->now().addSecs(300));
    QCOMPARE(muteChanged.count(), 2);

    // The clock set back an hour: the mute still ends within its limit of now.
    m_clock->advance(-3600 * 1000);
    m_sounds->tick();
    QVERIFY(m_sounds->mutedUntil() <= m_clock->now().addSecs(30 * 60));

    m_sounds->muteFor(0s);
    QVERIFY(!m_sounds->isMuted());
    QCOMPARE(muteChanged.count(), 3);
}

void TestAlarmSounds::disabledPlaysNothing()
{
    QSignalSpy statusChanged(m_sounds.get(), &AlarmSounds::statusChanged);
    m_sounds->setEnabled(false);
    QVERIFY(!m_sounds->isEnabled());
    QCOMPARE(statusChanged.count(), 1);
    QCOMPARE(m_sounds->statusText(), QStringLiteral("Alarm sounds off"));

    commit({m_journal->deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))});
    commit({escalate(1)});
    advance(60);
    QCOMPARE(m_played->count(), 0);

    m_sounds->setEnabled(true); // the alarm still waits: it sounds at once
    QVERIFY(m_sounds->statusText().isEmpty());
    QCOMPARE(playedSeverities(), QList<Severity>{Severity::Critical});
}

void TestAlarmSounds::alarmsWaitingAtStartRepeatWithoutAnArrivalSound()
{
    m_played.reset();
    m_sounds.reset();
    commit({m_journal->deviceAlarm(QStringLiteral("d1"), QStringLiteral("door"))}); // 1: waiting
    commit({escalate(1)});
    commit({m_journal->deviceAlarm(QStringLiteral("d2"), QStringLiteral("fall"))}); // 2: new, not escalated

    AlarmSounds sounds(m_state.get(), m_clock.get());
    QSignalSpy played(&sounds, &AlarmSounds::played);
    QCOMPARE(played.count(), 0);     // nothing from the constructor
    QTRY_COMPARE(played.count(), 1); // from the event loop: the waiting minor alarm
    QCOMPARE(played.at(0).at(0).value<Severity>(), Severity::Minor);
    sounds.tick();
    QCOMPARE(played.count(), 1);
    // An alarm known at start is not new when it changes.
    commit({m_journal->deviceAlarm(QStringLiteral("d2"), QStringLiteral("fall"))});
    QCOMPARE(played.count(), 1);
}

void TestAlarmSounds::resetIsNotAnArrival()
{
    DispatchState loaded = m_state->state();
    QCOMPARE(m_journal->commit(loaded, {m_journal->deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))}),
             QString());
    m_state->reset(loaded);
    QCOMPARE(m_played->count(), 0);
    commit({m_journal->deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))}); // a repeat
    QCOMPARE(m_played->count(), 0);
    commit({m_journal->deviceAlarm(QStringLiteral("d2"), QStringLiteral("fall"))}); // new
    QCOMPARE(m_played->count(), 1);
}

void TestAlarmSounds::fallbackIsLoggedOnce()
{
    m_played.reset();
    m_sounds.reset();
    g_soundLog.clear();
    g_previousHandler = qInstallMessageHandler(catchSoundLog);
    const auto restore = qScopeGuard([] { qInstallMessageHandler(g_previousHandler); });

    AlarmSounds sounds(m_state.get(), m_clock.get());
    QSignalSpy played(&sounds, &AlarmSounds::played);
    commit({m_journal->deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))});
    commit({escalate(1)});
    for (int i = 0; i < 10; ++i) {
        m_clock->advance(4000);
        sounds.tick();
    }
    QCOMPARE(played.count(), 12); // played through whichever backend
    QCOMPARE(g_soundLog.size(), 1);

    if (sounds.usesMultimedia()) {
        // A machine with an audio output and Qt Multimedia.
        QVERIFY(AlarmSounds::builtWithMultimedia());
        QCOMPARE(sounds.backendDescription(), QStringLiteral("Qt Multimedia"));
        QCOMPARE(g_soundLog.at(0).type, QtInfoMsg);
        QVERIFY2(g_soundLog.at(0).text.startsWith(QStringLiteral("Alarm sounds play through Qt Multimedia")),
                 qPrintable(g_soundLog.at(0).text));
    } else if (AlarmSounds::builtWithMultimedia()) {
        // Qt Multimedia but no audio output (CI, offscreen): the bell.
        QCOMPARE(sounds.backendDescription(), QStringLiteral("system bell (no audio output)"));
        QCOMPARE(g_soundLog.at(0).type, QtWarningMsg);
        QCOMPARE(g_soundLog.at(0).text, QStringLiteral("No audio output: alarm sounds fall back to the system bell"));
    } else {
        QCOMPARE(sounds.backendDescription(), QStringLiteral("system bell (Qt Multimedia not available)"));
        QCOMPARE(g_soundLog.at(0).type, QtWarningMsg);
        QCOMPARE(g_soundLog.at(0).text, QStringLiteral("Qt Multimedia is not available in this build: alarm sounds "
                                                       "fall back to the system bell"));
    }
}

void TestAlarmSounds::systemBellOnRequestIsLoggedOnce()
{
    m_played.reset();
    m_sounds.reset();
    g_soundLog.clear();
    g_previousHandler = qInstallMessageHandler(catchSoundLog);
    const auto restore = qScopeGuard([] { qInstallMessageHandler(g_previousHandler); });

    AlarmSounds sounds(m_state.get(), m_clock.get(), AlarmSounds::Backend::SystemBell);
    QSignalSpy played(&sounds, &AlarmSounds::played);
    QVERIFY(!sounds.usesMultimedia());
    QCOMPARE(sounds.backendDescription(), QStringLiteral("system bell"));
    commit({m_journal->deviceAlarm(QStringLiteral("d1"), QStringLiteral("fall"))});
    commit({m_journal->deviceAlarm(QStringLiteral("d2"), QStringLiteral("door"))});
    QCOMPARE(played.count(), 2);
    QCOMPARE(g_soundLog.size(), 1);
    QCOMPARE(g_soundLog.at(0).type, QtInfoMsg);
    QCOMPARE(g_soundLog.at(0).text, QStringLiteral("Alarm sounds use the system bell, as configured"));
}

void TestAlarmSounds::eachSeverityHasItsOwnSound()
{
    struct Expected
    {
        Severity severity;
        int beeps;
    };
    int lastPeak = 0;
    QList<QByteArray> files;
    for (const Expected &e :
         {Expected{Severity::Critical, 3}, Expected{Severity::Major, 2}, Expected{Severity::Minor, 1}}) {
        const QByteArray wav = AlarmSounds::waveFile(e.severity);
        QVERIFY(wav.size() > 44 + 22050 / 10); // at least a tenth of a second
        QCOMPARE(wav.left(4), QByteArray("RIFF"));
        QCOMPARE(qFromLittleEndian<quint32>(wav.constData() + 4), quint32(wav.size() - 8));
        QCOMPARE(wav.mid(8, 8), QByteArray("WAVEfmt "));
        QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 20), quint16(1));     // PCM
        QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 22), quint16(1));     // mono
        QCOMPARE(qFromLittleEndian<quint32>(wav.constData() + 24), quint32(22050)); // rate
        QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 34), quint16(16));    // bits
        QCOMPARE(wav.mid(36, 4), QByteArray("data"));
        QCOMPARE(qFromLittleEndian<quint32>(wav.constData() + 40), quint32(wav.size() - 44));
        int peak = 0;
        QCOMPARE(beepsIn(wav, &peak), e.beeps);
        // Less severe, softer; never clipped.
        QVERIFY(peak < 32767);
        if (lastPeak)
            QVERIFY2(peak < lastPeak, qPrintable(QString::number(peak)));
        lastPeak = peak;
        QVERIFY(!files.contains(wav));
        files.append(wav);
    }
    QVERIFY(AlarmSounds::waveFile(Severity::Warning).isEmpty());
    QCOMPARE(AlarmSounds::repeatPeriod(Severity::Warning), 0s);
}

QTEST_MAIN(TestAlarmSounds)
#include "tst_alarmsounds.moc"
