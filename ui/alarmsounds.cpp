#include "alarmsounds.h"

#include "livestate.h"
#include "logging/log.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QtEndian>

#ifdef RELAIS_HAVE_MULTIMEDIA
#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QUrl>
#endif

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace relais {

namespace {

using namespace std::chrono_literals;

constexpr int kSampleRate = 22050;

// One beep of a pattern: its pitch, length and the silence after it.
struct Beep
{
    double hz;
    int ms;
    int gapMs;
};

// A severity's sound: its beeps, loudness (0..1) and the fade at each end of a beep (no clicks).
struct Pattern
{
    QList<Beep> beeps;
    double amplitude;
    int fadeInMs;
    int fadeOutMs;
    double overtone; // share of the third harmonic: brighter, more piercing
};

std::optional<Pattern> patternFor(Severity severity)
{
    switch (severity) {
    case Severity::Critical: // three rapid high beeps
        return Pattern{{{1568.0, 110, 70}, {1568.0, 110, 70}, {1568.0, 110, 0}}, 0.70, 5, 15, 0.25};
    case Severity::Major: // two medium beeps
        return Pattern{{{880.0, 200, 130}, {880.0, 200, 0}}, 0.55, 8, 30, 0.12};
    case Severity::Minor: // one low soft tone
        return Pattern{{{523.25, 450, 0}}, 0.35, 40, 200, 0.0};
    case Severity::Warning:
        break;
    }
    return std::nullopt;
}

QByteArray pcmFor(const Pattern &pattern)
{
    QList<qint16> samples;
    for (const Beep &beep : pattern.beeps) {
        const int n = beep.ms * kSampleRate / 1000;
        const int fadeIn = std::max(1, pattern.fadeInMs * kSampleRate / 1000);
        const int fadeOut = std::max(1, pattern.fadeOutMs * kSampleRate / 1000);
        for (int i = 0; i < n; ++i) {
            const double t = double(i) / kSampleRate;
            const double phase = 2.0 * std::numbers::pi * beep.hz * t;
            double v = (std::sin(phase) + pattern.overtone * std::sin(3.0 * phase)) / (1.0 + pattern.overtone);
            v *= std::min({1.0, double(i) / fadeIn, double(n - 1 - i) / fadeOut});
            samples.append(qint16(std::lround(v * pattern.amplitude * 32767.0)));
        }
        samples.insert(samples.size(), beep.gapMs * kSampleRate / 1000, qint16(0));
    }
    QByteArray pcm(samples.size() * 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < samples.size(); ++i)
        qToLittleEndian<qint16>(samples.at(i), pcm.data() + 2 * i);
    return pcm;
}

void appendLE32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian<quint32>(v, b);
    out.append(b, 4);
}

void appendLE16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian<quint16>(v, b);
    out.append(b, 2);
}

} // namespace

// Where a sound goes: Qt Multimedia's sound effects or the system bell.
class SoundOutput
{
public:
    virtual ~SoundOutput() = default;
    virtual void play(Severity severity) = 0;
};

namespace {

class BellOutput final : public SoundOutput
{
public:
    void play(Severity) override { QApplication::beep(); }
};

#ifdef RELAIS_HAVE_MULTIMEDIA
// One QSoundEffect per severity, loaded once (asynchronously) and played without blocking.
// A sound that failed to load rings the system bell instead, said once in the log.
class EffectOutput final : public SoundOutput
{
public:
    EffectOutput(const QAudioDevice &device, const QMap<Severity, QString> &files)
    {
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            auto effect = std::make_unique<QSoundEffect>(device);
            QSoundEffect *e = effect.get();
            const QString path = it.value();
            QObject::connect(e, &QSoundEffect::statusChanged, e, [e, path] {
                if (e->status() == QSoundEffect::Error)
                    qCWarning(lcSound, "Alarm sound %s cannot be played: the system bell rings instead",
                              qUtf8Printable(QDir::toNativeSeparators(path)));
            });
            e->setSource(QUrl::fromLocalFile(path));
            m_effects.emplace(it.key(), std::move(effect));
        }
    }

    void play(Severity severity) override
    {
        const auto it = m_effects.find(severity);
        if (it == m_effects.end() || it->second->status() == QSoundEffect::Error) {
            QApplication::beep();
            return;
        }
        it->second->play(); // plays once loaded, if still loading
    }

private:
    std::map<Severity, std::unique_ptr<QSoundEffect>> m_effects;
};
#endif

} // namespace

AlarmSounds::AlarmSounds(const LiveState *state, const Clock *clock, QObject *parent)
    : AlarmSounds(state, clock, Backend::Automatic, parent)
{}

AlarmSounds::AlarmSounds(const LiveState *state, const Clock *clock, Backend backend, QObject *parent)
    : QObject(parent), m_state(state), m_clock(clock ? clock : &m_systemClock), m_backend(backend)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AlarmSounds::tick);

#ifdef RELAIS_HAVE_MULTIMEDIA
    if (m_backend == Backend::Automatic) {
        // A headset plugged in, the default output changed, the last output gone: choose again.
        m_devices = new QMediaDevices(this);
        connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &AlarmSounds::chooseOutput);
    }
#endif
    chooseOutput();

    connect(m_state, &LiveState::changed, this, [this](const DispatchState::Changes &changes) {
        if (!changes.alarms.isEmpty())
            onChanged(changes.alarms);
    });
    connect(m_state, &LiveState::wasReset, this, [this] {
        reload();
        update(std::nullopt, 0);
    });
    reload();
    // Alarms already waiting (a restart): they sound from the event loop, not from here.
    if (mostSevereWaiting())
        m_timer.start(0);
}

AlarmSounds::~AlarmSounds() = default;

bool AlarmSounds::isAudible(const Alarm &alarm)
{
    return !alarm.isMaintenance() && alarm.severity() != Severity::Warning;
}

std::chrono::seconds AlarmSounds::repeatPeriod(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return 4s;
    case Severity::Major:
        return 8s;
    case Severity::Minor:
        return 15s;
    case Severity::Warning:
        break;
    }
    return 0s;
}

QByteArray AlarmSounds::waveFile(Severity severity)
{
    const std::optional<Pattern> pattern = patternFor(severity);
    if (!pattern)
        return {};
    const QByteArray pcm = pcmFor(*pattern);
    QByteArray wav;
    wav.reserve(44 + pcm.size());
    wav.append("RIFF", 4);
    appendLE32(wav, quint32(36 + pcm.size()));
    wav.append("WAVEfmt ", 8);
    appendLE32(wav, 16);              // fmt chunk size
    appendLE16(wav, 1);               // PCM
    appendLE16(wav, 1);               // mono
    appendLE32(wav, kSampleRate);     // samples per second
    appendLE32(wav, kSampleRate * 2); // bytes per second
    appendLE16(wav, 2);               // bytes per frame
    appendLE16(wav, 16);              // bits per sample
    wav.append("data", 4);
    appendLE32(wav, quint32(pcm.size()));
    wav.append(pcm);
    return wav;
}

bool AlarmSounds::builtWithMultimedia()
{
#ifdef RELAIS_HAVE_MULTIMEDIA
    return true;
#else
    return false;
#endif
}

QString AlarmSounds::backendDescription() const
{
    return m_description;
}

bool AlarmSounds::usesMultimedia() const
{
    return m_multimedia;
}

bool AlarmSounds::isMuted() const
{
    return m_mutedUntil.isValid() && m_clock->now() < m_mutedUntil;
}

QDateTime AlarmSounds::mutedUntil() const
{
    return isMuted() ? m_mutedUntil : QDateTime();
}

QString AlarmSounds::statusText() const
{
    if (!m_enabled)
        return tr("Alarm sounds off");
    if (!isMuted())
        return {};
    const QString until = QLocale().toString(m_mutedUntil.toLocalTime().time(), QLocale::ShortFormat);
    if (m_silencedDuringMute == 0)
        return tr("Alarm sounds muted until %1").arg(until);
    return tr("Alarm sounds muted until %1 (new alarms meanwhile: %2)")
        .arg(until, QString::number(m_silencedDuringMute));
}

void AlarmSounds::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    qCInfo(lcSound, "Alarm sounds %s", enabled ? "on" : "off");
    m_lastRepeat = {}; // back on: an alarm still waiting sounds at once
    emit statusChanged();
    update(std::nullopt, 0);
}

void AlarmSounds::muteFor(std::chrono::seconds duration)
{
    if (duration <= 0s) {
        unmute();
        return;
    }
    duration = std::min(duration, maxMute());
    const QDateTime now = m_clock->now();
    m_mutedUntil = now.addSecs(duration.count());
    qCInfo(lcSound, "Alarm sounds muted for %lld s", static_cast<long long>(duration.count()));
    emit muteChanged();
    emit statusChanged();
    schedule(now, mostSevereWaiting());
}

void AlarmSounds::unmute()
{
    if (!m_mutedUntil.isValid())
        return;
    endMute();
    update(std::nullopt, 0);
}

void AlarmSounds::tick()
{
    update(std::nullopt, 0);
}

void AlarmSounds::chooseOutput()
{
    QString logLine;
    bool warn = false;
    m_output.reset();
    m_multimedia = false;

    if (m_backend == Backend::SystemBell) {
        m_description = tr("system bell");
        logLine = QStringLiteral("Alarm sounds use the system bell, as configured");
    } else {
#ifdef RELAIS_HAVE_MULTIMEDIA
        const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
        QAudioDevice device = QMediaDevices::defaultAudioOutput();
        if (device.isNull() && !outputs.isEmpty())
            device = outputs.constFirst();
        if (device.isNull()) {
            m_description = tr("system bell (no audio output)");
            logLine = QStringLiteral("No audio output: alarm sounds fall back to the system bell");
            warn = true;
        } else if (const QString error = writeSoundFiles(); !error.isEmpty()) {
            m_description = tr("system bell (the sound files cannot be written)");
            logLine =
                QStringLiteral("Cannot write the alarm sound files (%1): alarm sounds fall back to the system bell")
                    .arg(error);
            warn = true;
        } else {
            m_output = std::make_unique<EffectOutput>(device, m_soundFiles);
            m_multimedia = true;
            m_description = tr("Qt Multimedia");
            logLine = QStringLiteral("Alarm sounds play through Qt Multimedia on \"%1\"").arg(device.description());
        }
#else
        m_description = tr("system bell (Qt Multimedia not available)");
        logLine = QStringLiteral("Qt Multimedia is not available in this build: alarm sounds fall back to the system "
                                 "bell");
        warn = true;
#endif
    }
    if (!m_output)
        m_output = std::make_unique<BellOutput>();

    // Said once, and again only when the choice changes (not at each device list change).
    if (logLine != m_lastLogLine) {
        m_lastLogLine = logLine;
        if (warn)
            qCWarning(lcSound).noquote() << logLine;
        else
            qCInfo(lcSound).noquote() << logLine;
    }
}

QString AlarmSounds::writeSoundFiles()
{
    if (!m_soundFiles.isEmpty())
        return {};
    m_soundDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QLatin1String("/relais-sounds-XXXXXX"));
    if (!m_soundDir->isValid())
        return m_soundDir->errorString();
    QMap<Severity, QString> files;
    for (Severity severity : Severities::all()) {
        const QByteArray wav = waveFile(severity);
        if (wav.isEmpty())
            continue;
        const QString path = m_soundDir->filePath(Severities::key(severity) + QLatin1String(".wav"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(wav) != wav.size() || !file.flush())
            return QDir::toNativeSeparators(path) + QLatin1String(": ") + file.errorString();
        files.insert(severity, path);
    }
    m_soundFiles = files;
    return {};
}

void AlarmSounds::reload()
{
    m_open.clear();
    const QHash<qint64, Alarm> &alarms = m_state->state().alarms();
    for (auto it = alarms.cbegin(); it != alarms.cend(); ++it) {
        if (it->isOpen() && isAudible(*it))
            m_open.insert(it.key());
    }
}

void AlarmSounds::onChanged(const QSet<qint64> &alarms)
{
    std::optional<Severity> arrival;
    int arrivals = 0;
    for (qint64 id : alarms) {
        const Alarm *a = m_state->state().alarm(id);
        if (!a || !a->isOpen() || !isAudible(*a)) {
            m_open.remove(id);
            continue;
        }
        if (m_open.contains(id))
            continue; // a repeat, an acknowledgement, an escalation... of an alarm already heard
        m_open.insert(id);
        if (a->state() != Alarm::State::New)
            continue;
        ++arrivals;
        if (!arrival || Severities::rank(a->severity()) < Severities::rank(*arrival))
            arrival = a->severity();
    }
    update(arrival, arrivals);
}

std::optional<Severity> AlarmSounds::mostSevereWaiting() const
{
    std::optional<Severity> most;
    for (qint64 id : m_open) {
        const Alarm *a = m_state->state().alarm(id);
        if (!a || !a->isOpen() || !isAudible(*a) || a->state() != Alarm::State::New || a->escalationStage() < 1)
            continue;
        if (!most || Severities::rank(a->severity()) < Severities::rank(*most))
            most = a->severity();
    }
    return most;
}

void AlarmSounds::update(std::optional<Severity> arrival, int arrivals)
{
    const QDateTime now = m_clock->now();
    if (m_mutedUntil.isValid()) {
        if (now >= m_mutedUntil)
            endMute();
        else if (now.secsTo(m_mutedUntil) > maxMute().count())
            m_mutedUntil = now.addSecs(maxMute().count()); // the clock went back: still never longer
    }

    const std::optional<Severity> waiting = mostSevereWaiting();
    std::optional<Severity> sound = arrival;
    if (!waiting) {
        m_lastRepeat = {};
    } else {
        const qint64 elapsedMs = m_lastRepeat.isValid() ? m_lastRepeat.msecsTo(now) : -1;
        const qint64 periodMs = std::chrono::milliseconds(repeatPeriod(*waiting)).count();
        // Due; or never played, or the clock went back; or a more severe alarm now waits: at once.
        if (elapsedMs < 0 || elapsedMs >= periodMs
            || Severities::rank(*waiting) < Severities::rank(m_lastRepeatSeverity)) {
            m_lastRepeat = now;
            m_lastRepeatSeverity = *waiting;
            if (!sound || Severities::rank(*waiting) < Severities::rank(*sound))
                sound = waiting;
        }
    }

    if (sound) {
        if (!m_enabled) {
            // nothing: sounds are off
        } else if (isMuted()) {
            if (arrivals > 0) {
                m_silencedDuringMute += arrivals;
                qCInfo(lcSound, "%d new alarm(s) silenced by the mute", arrivals);
                emit statusChanged();
            }
        } else {
            m_output->play(*sound);
            emit played(*sound);
        }
    }
    schedule(now, waiting);
}

void AlarmSounds::endMute()
{
    m_mutedUntil = {};
    m_silencedDuringMute = 0;
    m_lastRepeat = {}; // alarms still waiting sound at once
    qCInfo(lcSound, "Alarm sounds no longer muted");
    emit muteChanged();
    emit statusChanged();
}

void AlarmSounds::schedule(const QDateTime &now, std::optional<Severity> waiting)
{
    QDateTime next;
    if (waiting && m_lastRepeat.isValid())
        next = m_lastRepeat.addMSecs(std::chrono::milliseconds(repeatPeriod(*waiting)).count());
    if (m_mutedUntil.isValid() && (!next.isValid() || m_mutedUntil < next))
        next = m_mutedUntil;
    if (!next.isValid()) {
        m_timer.stop();
        return;
    }
    // At the deadline, and at least every second: the clock is judged again at each tick.
    m_timer.start(int(std::clamp<qint64>(now.msecsTo(next), 10, 1000)));
}

} // namespace relais
