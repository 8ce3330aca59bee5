// The typed settings wrapper: defaults, round trips through a real INI file, values out of range
// or unparsable reading as the defaults, the escalation timers per severity.

#include "settings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace relais;

class TestSettings final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void hasDefaults();
    void roundTripsThroughTheFile();
    void readsBadValuesAsDefaults_data();
    void readsBadValuesAsDefaults();
    void clampsWhatItWrites();
    void keepsEscalationPerSeverity();
    void refusesInvalidEscalation();
    void forgetsAnEscalationEqualToTheDefaults();
    void keepsLanguagesItKnows();
    void usesTheApplicationsSettingsByDefault();

private:
    // A fresh wrapper over the same file, as the next start would read it.
    std::unique_ptr<Settings> reopened();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_file;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<QSettings> m_otherFile; // reopened()'s, once per test
};

void TestSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_file = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("relais.conf")), QSettings::IniFormat);
    m_settings = std::make_unique<Settings>(m_file.get());
}

void TestSettings::cleanup()
{
    m_otherFile.reset();
    m_settings.reset();
    m_file.reset();
    m_dir.reset();
}

std::unique_ptr<Settings> TestSettings::reopened()
{
    m_file->sync();
    m_otherFile = std::make_unique<QSettings>(m_file->fileName(), QSettings::IniFormat);
    return std::make_unique<Settings>(m_otherFile.get());
}

void TestSettings::hasDefaults()
{
    const Settings &s = *m_settings;
    QCOMPARE(s.mapSource(), QString());
    QCOMPARE(s.mapContact(), QString());
    QCOMPARE(s.mapBasemap(), QString());
    QCOMPARE(s.offerCount(), 3);
    QCOMPARE(s.offerRadiusM(), 500);
    QCOMPARE(s.offerTimeoutS(), 60);
    QCOMPARE(s.language(), QString());
    QCOMPARE(s.soundsEnabled(), true);
    QCOMPARE(s.retentionDays(), 365);
    QVERIFY(s.windowGeometry().isEmpty());
    QVERIFY(s.windowState().isEmpty());
    QCOMPARE(s.importDir(), QString());
    for (Severity severity : Severities::all()) {
        const Escalation::Timers t = s.escalation(severity);
        const Escalation::Timers d = Escalation::defaults(severity);
        QCOMPARE(t.notAcknowledgedS, d.notAcknowledgedS);
        QCOMPARE(t.notAcceptedS, d.notAcceptedS);
        QCOMPARE(t.notOnSceneS, d.notOnSceneS);
        QVERIFY(!s.hasEscalation(severity));
    }
    // Nothing was written by reading.
    m_file->sync();
    QVERIFY(m_file->allKeys().isEmpty());
}

void TestSettings::roundTripsThroughTheFile()
{
    Settings &s = *m_settings;
    s.setMapSource(QStringLiteral("  xyz:https://tiles.example.org/{z}/{x}/{y}.png "));
    s.setMapContact(QStringLiteral("sig@mairie-exemple.fr"));
    s.setMapBasemap(QStringLiteral("/srv/maps/town.geojson"));
    s.setOfferCount(5);
    s.setOfferRadiusM(1200);
    s.setOfferTimeoutS(90);
    s.setLanguage(QStringLiteral("fr"));
    s.setSoundsEnabled(false);
    s.setRetentionDays(30);
    s.setWindowGeometry(QByteArray("geometry\0bytes", 14));
    s.setWindowState(QByteArray("state"));
    s.setImportDir(QStringLiteral("/home/claire/imports"));
    QVERIFY(s.sync());

    const std::unique_ptr<Settings> again = reopened();
    QCOMPARE(again->mapSource(), QStringLiteral("xyz:https://tiles.example.org/{z}/{x}/{y}.png"));
    QCOMPARE(again->mapContact(), QStringLiteral("sig@mairie-exemple.fr"));
    QCOMPARE(again->mapBasemap(), QStringLiteral("/srv/maps/town.geojson"));
    QCOMPARE(again->offerCount(), 5);
    QCOMPARE(again->offerRadiusM(), 1200);
    QCOMPARE(again->offerTimeoutS(), 90);
    QCOMPARE(again->language(), QStringLiteral("fr"));
    QCOMPARE(again->soundsEnabled(), false);
    QCOMPARE(again->retentionDays(), 30);
    QCOMPARE(again->windowGeometry(), QByteArray("geometry\0bytes", 14));
    QCOMPARE(again->windowState(), QByteArray("state"));
    QCOMPARE(again->importDir(), QStringLiteral("/home/claire/imports"));

    // The keys are the documented ones (docs/settings.md).
    const QSettings raw(m_file->fileName(), QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("map/source")).toString(),
             QStringLiteral("xyz:https://tiles.example.org/{z}/{x}/{y}.png"));
    QCOMPARE(raw.value(QStringLiteral("map/contact")).toString(), QStringLiteral("sig@mairie-exemple.fr"));
    QCOMPARE(raw.value(QStringLiteral("map/basemap")).toString(), QStringLiteral("/srv/maps/town.geojson"));
    QCOMPARE(raw.value(QStringLiteral("dispatch/offerCount")).toInt(), 5);
    QCOMPARE(raw.value(QStringLiteral("dispatch/offerRadiusM")).toInt(), 1200);
    QCOMPARE(raw.value(QStringLiteral("dispatch/offerTimeoutS")).toInt(), 90);
    QCOMPARE(raw.value(QStringLiteral("ui/language")).toString(), QStringLiteral("fr"));
    QCOMPARE(raw.value(QStringLiteral("sounds/enabled")).toString(), QStringLiteral("false"));
    QCOMPARE(raw.value(QStringLiteral("privacy/retentionDays")).toInt(), 30);
    QCOMPARE(raw.value(QStringLiteral("ui/importDir")).toString(), QStringLiteral("/home/claire/imports"));

    // Back on.
    again->setSoundsEnabled(true);
    QCOMPARE(again->soundsEnabled(), true);
}

void TestSettings::readsBadValuesAsDefaults_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("count 0") << "dispatch/offerCount"
                             << "0";
    QTest::newRow("count 21") << "dispatch/offerCount"
                              << "21";
    QTest::newRow("count words") << "dispatch/offerCount"
                                 << "three";
    QTest::newRow("count fraction") << "dispatch/offerCount"
                                    << "2.5";
    QTest::newRow("count empty") << "dispatch/offerCount"
                                 << "";
    QTest::newRow("radius 49") << "dispatch/offerRadiusM"
                               << "49";
    QTest::newRow("radius 20001") << "dispatch/offerRadiusM"
                                  << "20001";
    QTest::newRow("radius negative") << "dispatch/offerRadiusM"
                                     << "-500";
    QTest::newRow("radius garbage") << "dispatch/offerRadiusM"
                                    << "500m";
    QTest::newRow("timeout 9") << "dispatch/offerTimeoutS"
                               << "9";
    QTest::newRow("timeout 3601") << "dispatch/offerTimeoutS"
                                  << "3601";
    QTest::newRow("timeout huge") << "dispatch/offerTimeoutS"
                                  << "99999999999999";
    QTest::newRow("retention 0") << "privacy/retentionDays"
                                 << "0";
    QTest::newRow("retention 3651") << "privacy/retentionDays"
                                    << "3651";
    QTest::newRow("retention garbage") << "privacy/retentionDays"
                                       << "a year";
    QTest::newRow("language unknown") << "ui/language"
                                      << "de";
    QTest::newRow("language garbage") << "ui/language"
                                      << "français";
    QTest::newRow("sounds garbage") << "sounds/enabled"
                                    << "maybe";
    QTest::newRow("escalation two") << "escalation/critical"
                                    << "60,300";
    QTest::newRow("escalation order") << "escalation/critical"
                                      << "300,60,900";
    QTest::newRow("escalation zero") << "escalation/critical"
                                     << "0,60,900";
    QTest::newRow("escalation words") << "escalation/critical"
                                      << "a,b,c";
    QTest::newRow("escalation beyond a day") << "escalation/critical"
                                             << "60,300,86401";
}

void TestSettings::readsBadValuesAsDefaults()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    m_file->setValue(key, value);
    const Settings &s = *m_settings;
    QCOMPARE(s.offerCount(), 3);
    QCOMPARE(s.offerRadiusM(), 500);
    QCOMPARE(s.offerTimeoutS(), 60);
    QCOMPARE(s.retentionDays(), 365);
    QCOMPARE(s.language(), QString());
    QCOMPARE(s.soundsEnabled(), true);
    QVERIFY(!s.hasEscalation(Severity::Critical));
    QCOMPARE(s.escalation(Severity::Critical).notAcknowledgedS, 60);
    QCOMPARE(s.escalation(Severity::Critical).notOnSceneS, 15 * 60);
    // Read through a file too: what a person typed in relais.conf.
    const std::unique_ptr<Settings> again = reopened();
    QCOMPARE(again->offerCount(), 3);
    QCOMPARE(again->retentionDays(), 365);
    QCOMPARE(again->escalation(Severity::Critical).notAcceptedS, 5 * 60);
}

void TestSettings::clampsWhatItWrites()
{
    Settings &s = *m_settings;
    s.setOfferCount(0);
    QCOMPARE(s.offerCount(), 1);
    s.setOfferCount(500);
    QCOMPARE(s.offerCount(), 20);
    s.setOfferRadiusM(10);
    QCOMPARE(s.offerRadiusM(), 50);
    s.setOfferTimeoutS(100000);
    QCOMPARE(s.offerTimeoutS(), 3600);
    s.setRetentionDays(-3);
    QCOMPARE(s.retentionDays(), 1);
    s.setRetentionDays(3650);
    QCOMPARE(s.retentionDays(), 3650);
    // Values in range as text too: a hand-edited file.
    m_file->setValue(QStringLiteral("dispatch/offerCount"), QStringLiteral(" 7 "));
    QCOMPARE(s.offerCount(), 7);
}

void TestSettings::keepsEscalationPerSeverity()
{
    Settings &s = *m_settings;
    QVERIFY(s.setEscalation(Severity::Critical, {30, 120, 600}));
    QVERIFY(s.setEscalation(Severity::Warning, {3600, 7200, 7200}));
    QVERIFY(s.hasEscalation(Severity::Critical));
    QVERIFY(!s.hasEscalation(Severity::Major));
    QCOMPARE(m_file->value(QStringLiteral("escalation/critical")).toString(), QStringLiteral("30,120,600"));
    QCOMPARE(m_file->value(QStringLiteral("escalation/warning")).toString(), QStringLiteral("3600,7200,7200"));
    QCOMPARE(Settings::escalationKey(Severity::Minor), QStringLiteral("escalation/minor"));

    const std::unique_ptr<Settings> again = reopened();
    const Escalation::Timers critical = again->escalation(Severity::Critical);
    QCOMPARE(critical.notAcknowledgedS, 30);
    QCOMPARE(critical.notAcceptedS, 120);
    QCOMPARE(critical.notOnSceneS, 600);
    const Escalation::Timers warning = again->escalation(Severity::Warning);
    QCOMPARE(warning.notAcknowledgedS, 3600);
    QCOMPARE(warning.notOnSceneS, 7200);
    // The others keep their defaults.
    QCOMPARE(again->escalation(Severity::Major).notAcknowledgedS,
             Escalation::defaults(Severity::Major).notAcknowledgedS);
    QCOMPARE(again->escalation(Severity::Minor).notOnSceneS, Escalation::defaults(Severity::Minor).notOnSceneS);
    // Spaces in a hand-edited file are fine.
    m_file->setValue(QStringLiteral("escalation/major"), QStringLiteral(" 10 , 20 , 30 "));
    QCOMPARE(s.escalation(Severity::Major).notAcceptedS, 20);
}

void TestSettings::refusesInvalidEscalation()
{
    Settings &s = *m_settings;
    QVERIFY(s.setEscalation(Severity::Major, {10, 20, 30}));
    QVERIFY(!s.setEscalation(Severity::Major, {20, 10, 30}));
    QVERIFY(!s.setEscalation(Severity::Major, {0, 10, 30}));
    QVERIFY(!s.setEscalation(Severity::Major, {10, 20, 86401}));
    // The previous value stays.
    QCOMPARE(s.escalation(Severity::Major).notAcknowledgedS, 10);
    QCOMPARE(m_file->value(QStringLiteral("escalation/major")).toString(), QStringLiteral("10,20,30"));
}

void TestSettings::forgetsAnEscalationEqualToTheDefaults()
{
    Settings &s = *m_settings;
    QVERIFY(s.setEscalation(Severity::Minor, {10, 20, 30}));
    QVERIFY(m_file->contains(QStringLiteral("escalation/minor")));
    QVERIFY(s.setEscalation(Severity::Minor, Escalation::defaults(Severity::Minor)));
    QVERIFY(!m_file->contains(QStringLiteral("escalation/minor")));
    QVERIFY(!s.hasEscalation(Severity::Minor));
}

void TestSettings::keepsLanguagesItKnows()
{
    Settings &s = *m_settings;
    s.setLanguage(QStringLiteral("EN"));
    QCOMPARE(s.language(), QStringLiteral("en"));
    s.setLanguage(QStringLiteral("de"));
    QCOMPARE(s.language(), QString());
    QVERIFY(!m_file->contains(QStringLiteral("ui/language")));
    s.setLanguage(QStringLiteral("fr"));
    s.setLanguage(QString()); // follow the system again
    QVERIFY(!m_file->contains(QStringLiteral("ui/language")));
    QVERIFY(Settings::isSupportedLanguage(QString()));
    QVERIFY(!Settings::isSupportedLanguage(QStringLiteral("es")));
}

void TestSettings::usesTheApplicationsSettingsByDefault()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->path());
    QCoreApplication::setOrganizationName(QStringLiteral("RelaisTest"));
    QCoreApplication::setApplicationName(QStringLiteral("relais"));
    {
        Settings s;
        s.setRetentionDays(90);
        QVERIFY(s.sync());
        QVERIFY2(s.store().fileName().startsWith(m_dir->path()), qPrintable(s.store().fileName()));
    }
    QCOMPARE(Settings().retentionDays(), 90);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
