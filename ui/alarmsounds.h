#pragma once

#include "alarmkind.h"
#include "systemclock.h"

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

class QMediaDevices;
class QTemporaryDir;

namespace relais {

class Alarm;
class Clock;
class LiveState;
class SoundOutput;

// The console's alarm sounds (issue 5, "Escalation and attention"), as docs/sounds.md tells:
// - a new alarm plays its severity's sound once (the most severe of those that arrive together);
// - while an open alarm is still NEW at escalation stage 1 or more (not acknowledged within
//   T1), its severity's sound repeats every repeatPeriod() (critical 4 s, major 8 s, minor
//   15 s; the most severe waiting alarm decides) until none is left waiting;
// - maintenance alarms (device faults) and warnings never sound: they never escalate either;
// - a mute silences everything for a limited time (at most maxMute()); when it ends, by itself
//   or by unmute(), the repeat plays at once if alarms still wait. New alarms that arrive
//   during a mute are counted for the status bar (statusText()), not played.
//
// Time is judged with the Clock given (a ManualClock in tests): tick(), called by an internal
// timer at each deadline (at least every second while something is pending), decides what
// plays and whether the mute has ended, so tests call it by hand after moving their clock.
//
// Sounds play through Qt Multimedia (QSoundEffect, tones generated at start-up into a
// temporary directory) when the build has it and the machine has an audio output; otherwise
// the system bell rings (QApplication::beep()), said once in the "relais.sound" log.
// Nothing here blocks: sounds are played asynchronously by the backend.
class AlarmSounds final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlarmSounds)

public:
    enum class Backend {
        Automatic,  // Qt Multimedia when built with it and an audio output exists, else the system bell
        SystemBell, // always the system bell
    };

    // The state (must outlive this object) and the clock (nullptr: the system clock; not owned,
    // must outlive this object). Nothing plays from the constructor: alarms already waiting
    // start repeating at the first tick, from the event loop.
    explicit AlarmSounds(const LiveState *state, const Clock *clock = nullptr, QObject *parent = nullptr);
    AlarmSounds(const LiveState *state, const Clock *clock, Backend backend, QObject *parent = nullptr);
    ~AlarmSounds() override;

    // Whether this alarm makes sounds at all: not a maintenance alarm, not a warning.
    static bool isAudible(const Alarm &alarm);
    // How often the sound of an alarm left unacknowledged repeats; zero for a warning.
    static std::chrono::seconds repeatPeriod(Severity severity);
    // The longest mute: longer requests are cut to it.
    static constexpr std::chrono::seconds maxMute() { return std::chrono::minutes(30); }
    // The sound of a severity as a WAV file (16-bit PCM, mono, 22050 Hz); empty for a warning.
    // Critical: three rapid high beeps; major: two medium beeps; minor: one low soft tone.
    static QByteArray waveFile(Severity severity);
    // Whether this build has Qt Multimedia (RELAIS_HAVE_MULTIMEDIA).
    static bool builtWithMultimedia();

    // "Qt Multimedia", or "system bell (…)" with the reason: for the About box and the log.
    QString backendDescription() const;
    bool usesMultimedia() const;

    bool isEnabled() const { return m_enabled; }
    bool isMuted() const;
    // When the mute ends (UTC); null when not muted.
    QDateTime mutedUntil() const;
    // New alarms that arrived silenced during the current mute.
    int silencedDuringMute() const { return m_silencedDuringMute; }
    // A line for the status bar: "Alarm sounds muted until 14:05 (new alarms meanwhile: 2)",
    // "Alarm sounds off", or empty when sounds play normally.
    QString statusText() const;

public slots:
    // Off: nothing plays (the settings' "sounds on/off"). Back on, waiting alarms sound at once.
    void setEnabled(bool enabled);
    // Silences every sound for this long, from now (cut to maxMute(); zero or less unmutes).
    // Muting again while muted starts the time limit again.
    void muteFor(std::chrono::seconds duration);
    void unmute();
    // Ends a mute whose time is up, plays the repeat that is due: the internal timer calls it;
    // tests call it after moving their ManualClock.
    void tick();

signals:
    // A sound was played (the backend was asked to play it).
    void played(relais::Severity severity);
    // A mute began, was renewed or ended (by itself or by unmute()).
    void muteChanged();
    // statusText() changed.
    void statusChanged();

private:
    void chooseOutput();
    void onChanged(const QSet<qint64> &alarms);
    void reload();
    // Decides what plays now: the most severe of the new alarms (arrival, how many: arrivals) and
    // the repeat that is due.
    void update(std::optional<Severity> arrival, int arrivals);
    std::optional<Severity> mostSevereWaiting() const;
    void endMute();
    void schedule(const QDateTime &now, std::optional<Severity> waiting);
    QString writeSoundFiles();

    const LiveState *m_state;
    SystemClock m_systemClock;
    const Clock *m_clock;
    Backend m_backend;
    bool m_enabled = true;
    QDateTime m_mutedUntil;
    int m_silencedDuringMute = 0;
    QSet<qint64> m_open;    // open audible alarms seen: an id not in it is a new alarm
    QDateTime m_lastRepeat; // when the repeat last came due; null: the next one is due at once
    Severity m_lastRepeatSeverity = Severity::Warning; // the severity that decided it
    QTimer m_timer;
    QString m_description;
    QString m_lastLogLine; // the backend choice, as last logged
    bool m_multimedia = false;
    QMediaDevices *m_devices = nullptr;
    std::unique_ptr<QTemporaryDir> m_soundDir; // before m_output: outlives the effects reading it
    QMap<Severity, QString> m_soundFiles;
    std::unique_ptr<SoundOutput> m_output;
};

} // namespace relais
