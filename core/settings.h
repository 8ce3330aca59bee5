#pragma once

#include "alarmkind.h"
#include "escalation.h"
#include "offersettings.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>

#include <memory>

class QSettings;

namespace relais {

// Every QSettings key of the console, in one place (docs/settings.md lists them with their
// defaults, ranges and when they take effect). Secrets are never settings: they live in the
// system keychain (core/secretstore.h).
namespace SettingsKeys {
inline constexpr QLatin1StringView mapSource{"map/source"};   // --map-source's syntax; absent: "osm"
inline constexpr QLatin1StringView mapContact{"map/contact"}; // for the tiles' User-Agent
inline constexpr QLatin1StringView mapBasemap{"map/basemap"}; // the offline basemap's GeoJSON file
inline constexpr QLatin1StringView offerCount{"dispatch/offerCount"};
inline constexpr QLatin1StringView offerRadiusM{"dispatch/offerRadiusM"};
inline constexpr QLatin1StringView offerTimeoutS{"dispatch/offerTimeoutS"};
// escalation/<severity key> = "T1,T2,T3" in seconds: escalation(Severity) below.
inline constexpr QLatin1StringView escalationGroup{"escalation"};
inline constexpr QLatin1StringView language{"ui/language"};
inline constexpr QLatin1StringView soundsEnabled{"sounds/enabled"};
inline constexpr QLatin1StringView retentionDays{"privacy/retentionDays"};
inline constexpr QLatin1StringView windowGeometry{"ui/geometry"};
inline constexpr QLatin1StringView windowState{"ui/state"};
inline constexpr QLatin1StringView importDir{"ui/importDir"};
} // namespace SettingsKeys

// The typed wrapper over QSettings: a getter and a setter per setting, with its default and its
// range. A stored value that does not parse or is out of range reads as the default (and stays
// in the file until a setter replaces it). Setters take values in range (they clamp otherwise).
// Not thread-safe: one per thread, as QSettings.
class Settings final
{
public:
    // A numeric setting's bounds and default.
    struct Range
    {
        int minimum;
        int maximum;
        int fallback;
        bool contains(int v) const { return v >= minimum && v <= maximum; }
    };
    // The offers' defaults are OfferSettings' own.
    static constexpr Range offerCountRange{1, 20, OfferSettings{}.count};
    static constexpr Range offerRadiusRange{50, 20000, int(OfferSettings{}.radiusM)}; // metres
    static constexpr Range offerTimeoutRange{10, 3600, OfferSettings{}.timeoutS};     // seconds
    static constexpr Range retentionRange{1, 3650, 365};                              // days
    // Each escalation timer, in seconds (a day at most), with 0 < T1 <= T2 <= T3.
    static constexpr Range escalationRange{1, 86400, 0};

    // The application's settings (QSettings() with the organisation and application names set).
    Settings();
    // Another store, not owned (tests: a QSettings on a temporary INI file); must outlive this.
    explicit Settings(QSettings *settings);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    QSettings &store() const { return *m_settings; }
    // Writes pending changes to disk; false when the file cannot be written.
    bool sync();

    // The map (docs/map-sources.md, docs/map.md): read at start.
    // The map source spec ("osm", "ign", "xyz:<template>", "mbtiles:<path>", "vector"), trimmed;
    // empty when not set ("osm"). Checked by whoever reads it (TileSourceSpec, in adapters).
    QString mapSource() const;
    void setMapSource(const QString &spec);
    QString mapContact() const;
    void setMapContact(const QString &contact);
    QString mapBasemap() const;
    void setMapBasemap(const QString &path);

    // Offers (docs/dispatching.md).
    int offerCount() const;
    void setOfferCount(int count);
    int offerRadiusM() const;
    void setOfferRadiusM(int metres);
    int offerTimeoutS() const;
    void setOfferTimeoutS(int seconds);

    // Escalation timers of a severity: the stored ones when valid (Escalation::isValid, each
    // within escalationRange), else Escalation::defaults(severity).
    Escalation::Timers escalation(Severity severity) const;
    // Whether the severity has valid timers of its own (not the defaults).
    bool hasEscalation(Severity severity) const;
    // Stores timers (invalid ones are ignored: false); equal to the defaults, the key is removed.
    bool setEscalation(Severity severity, const Escalation::Timers &timers);
    static QString escalationKey(Severity severity);

    // The interface language: "" (follow the system), "fr" or "en"; --lang wins over it.
    QString language() const;
    void setLanguage(const QString &language);
    static bool isSupportedLanguage(const QString &language);

    // Alarm sounds on or off (AlarmSounds::setEnabled); default on.
    bool soundsEnabled() const;
    void setSoundsEnabled(bool enabled);

    // How many days personal details of closed alarms (addresses, notes, callers) and helpers'
    // position history are kept before they are purged; default 365.
    int retentionDays() const;
    void setRetentionDays(int days);

    // The main window's geometry and dock layout, and the device import's last folder.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QString importDir() const;
    void setImportDir(const QString &dir);

private:
    int intValue(QLatin1StringView key, const Range &range) const;
    void setIntValue(QLatin1StringView key, const Range &range, int value);
    QString stringValue(QLatin1StringView key) const;

    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings;
};

} // namespace relais
