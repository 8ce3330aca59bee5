#include "settings.h"

#include "privacypurge.h"

#include <QSettings>
#include <QVariant>

#include <algorithm>

namespace relais {

static_assert(Settings::retentionRange.fallback == PrivacyPurge::kDefaultRetentionDays,
              "one default retention period (docs/privacy.md, docs/settings.md)");

Settings::Settings() : m_owned(std::make_unique<QSettings>()), m_settings(m_owned.get())
{}

Settings::Settings(QSettings *settings) : m_settings(settings)
{
    Q_ASSERT(settings);
}

Settings::~Settings() = default;

bool Settings::sync()
{
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

int Settings::intValue(QLatin1StringView key, const Range &range) const
{
    const QVariant v = m_settings->value(key);
    bool ok = false;
    // "12" and 12 read; "12.5", "abc" and absent do not.
    const int value = v.toString().trimmed().toInt(&ok);
    return ok && range.contains(value) ? value : range.fallback;
}

void Settings::setIntValue(QLatin1StringView key, const Range &range, int value)
{
    m_settings->setValue(key, std::clamp(value, range.minimum, range.maximum));
}

QString Settings::stringValue(QLatin1StringView key) const
{
    return m_settings->value(key).toString().trimmed();
}

QString Settings::mapSource() const
{
    return stringValue(SettingsKeys::mapSource);
}

void Settings::setMapSource(const QString &spec)
{
    m_settings->setValue(SettingsKeys::mapSource, spec.trimmed());
}

QString Settings::mapContact() const
{
    return stringValue(SettingsKeys::mapContact);
}

void Settings::setMapContact(const QString &contact)
{
    m_settings->setValue(SettingsKeys::mapContact, contact.trimmed());
}

QString Settings::mapBasemap() const
{
    return stringValue(SettingsKeys::mapBasemap);
}

void Settings::setMapBasemap(const QString &path)
{
    m_settings->setValue(SettingsKeys::mapBasemap, path.trimmed());
}

int Settings::offerCount() const
{
    return intValue(SettingsKeys::offerCount, offerCountRange);
}

void Settings::setOfferCount(int count)
{
    setIntValue(SettingsKeys::offerCount, offerCountRange, count);
}

int Settings::offerRadiusM() const
{
    return intValue(SettingsKeys::offerRadiusM, offerRadiusRange);
}

void Settings::setOfferRadiusM(int metres)
{
    setIntValue(SettingsKeys::offerRadiusM, offerRadiusRange, metres);
}

int Settings::offerTimeoutS() const
{
    return intValue(SettingsKeys::offerTimeoutS, offerTimeoutRange);
}

void Settings::setOfferTimeoutS(int seconds)
{
    setIntValue(SettingsKeys::offerTimeoutS, offerTimeoutRange, seconds);
}

QString Settings::escalationKey(Severity severity)
{
    return QStringLiteral("%1/%2").arg(SettingsKeys::escalationGroup, Severities::key(severity));
}

namespace {

bool inRange(const Escalation::Timers &t)
{
    return Escalation::isValid(t) && Settings::escalationRange.contains(t.notAcknowledgedS)
           && Settings::escalationRange.contains(t.notAcceptedS) && Settings::escalationRange.contains(t.notOnSceneS);
}

} // namespace

bool Settings::hasEscalation(Severity severity) const
{
    const auto t = Escalation::parse(m_settings->value(escalationKey(severity)).toString());
    return t && inRange(*t);
}

Escalation::Timers Settings::escalation(Severity severity) const
{
    const auto t = Escalation::parse(m_settings->value(escalationKey(severity)).toString());
    return t && inRange(*t) ? *t : Escalation::defaults(severity);
}

bool Settings::setEscalation(Severity severity, const Escalation::Timers &t)
{
    if (!inRange(t))
        return false;
    const Escalation::Timers d = Escalation::defaults(severity);
    if (t.notAcknowledgedS == d.notAcknowledgedS && t.notAcceptedS == d.notAcceptedS
        && t.notOnSceneS == d.notOnSceneS) {
        m_settings->remove(escalationKey(severity));
        return true;
    }
    m_settings->setValue(escalationKey(severity),
                         QStringLiteral("%1,%2,%3").arg(t.notAcknowledgedS).arg(t.notAcceptedS).arg(t.notOnSceneS));
    return true;
}

bool Settings::isSupportedLanguage(const QString &language)
{
    return language.isEmpty() || language == QLatin1String("fr") || language == QLatin1String("en");
}

QString Settings::language() const
{
    const QString l = stringValue(SettingsKeys::language).toLower();
    return isSupportedLanguage(l) ? l : QString();
}

void Settings::setLanguage(const QString &language)
{
    const QString l = language.trimmed().toLower();
    if (l.isEmpty() || !isSupportedLanguage(l))
        m_settings->remove(SettingsKeys::language);
    else
        m_settings->setValue(SettingsKeys::language, l);
}

bool Settings::soundsEnabled() const
{
    const QVariant v = m_settings->value(SettingsKeys::soundsEnabled);
    // An INI file holds "true" / "false"; anything else is not a choice and reads as on.
    const QString text = v.toString().trimmed().toLower();
    if (text == QLatin1String("false") || text == QLatin1String("0") || text == QLatin1String("off"))
        return false;
    return true;
}

void Settings::setSoundsEnabled(bool enabled)
{
    m_settings->setValue(SettingsKeys::soundsEnabled, enabled);
}

int Settings::retentionDays() const
{
    return intValue(SettingsKeys::retentionDays, retentionRange);
}

void Settings::setRetentionDays(int days)
{
    setIntValue(SettingsKeys::retentionDays, retentionRange, days);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(SettingsKeys::windowGeometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(SettingsKeys::windowGeometry, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(SettingsKeys::windowState).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(SettingsKeys::windowState, state);
}

QString Settings::importDir() const
{
    return m_settings->value(SettingsKeys::importDir).toString();
}

void Settings::setImportDir(const QString &dir)
{
    m_settings->setValue(SettingsKeys::importDir, dir);
}

} // namespace relais
