// The settings dialog on the offscreen platform, over a temporary INI file: each page shows the
// stored values, OK saves and Cancel does not, invalid values keep the dialog open with the
// reason, fees go to the journal as fees.set entries, secrets to the SecretStore (in memory here),
// the gateways to the composition root's functions. RELAIS_SETTINGS_SHOTS=<dir> saves a picture
// of every page there.

#include "actionsink.h"
#include "alarmsounds.h"
#include "dispatchpage.h"
#include "feespage.h"
#include "gatewayspage.h"
#include "livestate.h"
#include "mainwindow.h"
#include "memorysecretstore.h"
#include "secretspage.h"
#include "settings.h"
#include "settingsdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>

#include <memory>
#include <optional>

using namespace relais;

namespace {

// Records what is submitted; refuses everything when told to.
struct RecordingSink final : ActionSink
{
    QList<JournalEntry> stored;
    std::optional<Error> refusal;
    int calls = 0;
    void submit(const QList<JournalEntry> &entries, Mode, Done done) override
    {
        ++calls;
        QList<Status> results;
        for (qsizetype i = 0; i < entries.size(); ++i)
            results.append(refusal ? Status(*refusal) : Status());
        if (!refusal)
            stored += entries;
        done(results);
    }
};

const Actor kClaire = Actor::operatorNamed(QStringLiteral("Claire"));

} // namespace

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void loadsEveryPage();
    void savesOnOkOnly();
    void appliesWithoutClosing();
    void refusesInvalidValues_data();
    void refusesInvalidValues();
    void submitsChangedFees();
    void showsFeesInTheLocale();
    void showsRefusedFees();
    void storesSecretsWithoutShowingThem();
    void saysWhenNoKeychainIsAvailable();
    void savesGatewaysThroughTheCompositionRoot();
    void showsWhyGatewaysAreReadOnly();
    void windowAppliesSoundsAndOffers();
    void savesPicturesOfEveryPage();

private:
    std::unique_ptr<SettingsDialog> makeDialog();
    template<typename T>
    T *child(const QString &name) const
    {
        T *w = m_dialog->findChild<T *>(name);
        if (!w)
            qWarning("no child %s", qPrintable(name));
        return w;
    }
    void click(QDialogButtonBox::StandardButton which);
    QStringList storedKeys();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_file;
    std::unique_ptr<Settings> m_settings;
    MemorySecretStore m_secrets;
    RecordingSink m_sink;
    GatewaySettings m_gateways;
    QList<GatewaySettings> m_savedGateways;
    std::optional<Error> m_gatewaySaveError;
    QStringList m_mapChecks;
    int m_applied = 0;
    std::unique_ptr<SettingsDialog> m_dialog;
};

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_file = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("relais.conf")), QSettings::IniFormat);
    m_settings = std::make_unique<Settings>(m_file.get());
    m_secrets.secrets().clear();
    m_secrets.failWith(std::nullopt);
    m_secrets.setAnswer(MemorySecretStore::Answer::Immediately);
    m_sink = RecordingSink{};
    m_gateways = GatewaySettings{};
    m_gateways.fileName = QStringLiteral("/var/lib/relais/gateways.json");
    m_gateways.listeners.append({QStringLiteral("0.0.0.0"), 4700, {}, {}});
    m_gateways.serialLines.append({QStringLiteral("/dev/ttyUSB0"), 57600});
    m_gateways.accounts.append({QStringLiteral("gw-north"), QStringLiteral("gateway/gw-north/token"), false});
    m_gateways.accounts.append({QStringLiteral("old-one"), QStringLiteral("gateway/old-one/token"), true});
    m_savedGateways.clear();
    m_gatewaySaveError.reset();
    m_mapChecks.clear();
    m_applied = 0;
}

void TestSettingsDialog::cleanup()
{
    m_dialog.reset();
    m_settings.reset();
    m_file.reset();
    m_dir.reset();
}

std::unique_ptr<SettingsDialog> TestSettingsDialog::makeDialog()
{
    SettingsServices services;
    services.secrets = &m_secrets;
    services.loadGateways = [this] {
        return m_gateways;
    };
    services.saveGateways = [this](const GatewaySettings &g) -> Status {
        if (m_gatewaySaveError)
            return *m_gatewaySaveError;
        m_savedGateways.append(g);
        return Status::success();
    };
    services.checkMapSource = [this](const QString &spec) {
        m_mapChecks.append(spec);
        return spec.contains(QLatin1String("{s}")) ? QStringLiteral("The placeholder {s} is not supported.")
                                                   : QString();
    };
    services.applied = [this] {
        ++m_applied;
    };
    auto dialog = std::make_unique<SettingsDialog>(m_settings.get(), services);
    FeeSchedule fees = FeeSchedule::defaults();
    fees.setFee(MissionKind::Maintenance, Money::euros(650));
    dialog->setJournal(fees, &m_sink, kClaire, [] { return QDateTime(QDate(2026, 3, 2), QTime(14, 5), Qt::UTC); });
    dialog->show();
    return dialog;
}

void TestSettingsDialog::click(QDialogButtonBox::StandardButton which)
{
    auto *box = m_dialog->findChild<QDialogButtonBox *>();
    QVERIFY(box);
    QTest::mouseClick(box->button(which), Qt::LeftButton);
}

QStringList TestSettingsDialog::storedKeys()
{
    m_file->sync();
    QSettings raw(m_file->fileName(), QSettings::IniFormat);
    return raw.allKeys();
}

void TestSettingsDialog::loadsEveryPage()
{
    m_settings->setMapSource(QStringLiteral("xyz:https://tiles.example.org/{z}/{x}/{y}.png"));
    m_settings->setMapContact(QStringLiteral("sig@mairie-exemple.fr"));
    m_settings->setMapBasemap(QStringLiteral("/srv/maps/town.geojson"));
    m_settings->setOfferCount(5);
    m_settings->setOfferRadiusM(1500);
    m_settings->setOfferTimeoutS(120);
    QVERIFY(m_settings->setEscalation(Severity::Critical, {30, 120, 600}));
    m_settings->setLanguage(QStringLiteral("fr"));
    m_settings->setSoundsEnabled(false);
    m_settings->setRetentionDays(90);
    m_dialog = makeDialog();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));

    QCOMPARE(child<QComboBox>(QStringLiteral("mapSourceCombo"))->currentText(),
             QStringLiteral("Other tile server (XYZ template)"));
    QCOMPARE(child<QLineEdit>(QStringLiteral("mapTemplateEdit"))->text(),
             QStringLiteral("https://tiles.example.org/{z}/{x}/{y}.png"));
    QCOMPARE(child<QLineEdit>(QStringLiteral("mapContactEdit"))->text(), QStringLiteral("sig@mairie-exemple.fr"));
    QCOMPARE(m_dialog->findChild<QWidget *>(QStringLiteral("mapBasemapField"))->findChild<QLineEdit *>()->text(),
             QStringLiteral("/srv/maps/town.geojson"));
    QCOMPARE(child<QSpinBox>(QStringLiteral("offerCountSpin"))->value(), 5);
    QCOMPARE(child<QSpinBox>(QStringLiteral("offerRadiusSpin"))->value(), 1500);
    QCOMPARE(child<QSpinBox>(QStringLiteral("offerTimeoutSpin"))->value(), 120);
    QCOMPARE(child<QTimeEdit>(QStringLiteral("escalation:critical:1"))->time(), QTime(0, 0, 30));
    QCOMPARE(child<QTimeEdit>(QStringLiteral("escalation:critical:3"))->time(), QTime(0, 10));
    QCOMPARE(child<QTimeEdit>(QStringLiteral("escalation:major:1"))->time(), QTime(0, 2)); // default
    QCOMPARE(child<QTimeEdit>(QStringLiteral("escalation:warning:3"))->time(), QTime(4, 0));
    QCOMPARE(child<QComboBox>(QStringLiteral("languageCombo"))->currentData().toString(), QStringLiteral("fr"));
    QVERIFY(!child<QCheckBox>(QStringLiteral("soundsCheck"))->isChecked());
    QCOMPARE(child<QSpinBox>(QStringLiteral("retentionDaysSpin"))->value(), 90);
    // Fees: the current schedule.
    QCOMPARE(child<QLineEdit>(QStringLiteral("feeEdit:verification"))->text(), QStringLiteral("10.00"));
    QCOMPARE(child<QLineEdit>(QStringLiteral("feeEdit:maintenance"))->text(), QStringLiteral("6.50"));
    // Gateways: the listeners and lines given, the accounts' token rows on the Secrets page.
    QCOMPARE(m_dialog->findChildren<QLineEdit *>(QStringLiteral("listenerAddressEdit")).size(), 1);
    QCOMPARE(child<QSpinBox>(QStringLiteral("listenerPortSpin"))->value(), 4700);
    QCOMPARE(child<QLineEdit>(QStringLiteral("serialPortEdit"))->text(), QStringLiteral("/dev/ttyUSB0"));
    QCOMPARE(child<QComboBox>(QStringLiteral("serialBaudCombo"))->currentData().toInt(), 57600);
    QCOMPARE(m_dialog->secretsPage()->keys(),
             QStringList({QStringLiteral("database/password"), QStringLiteral("broker/password"),
                          QStringLiteral("gateway/gw-north/token"), QStringLiteral("gateway/old-one/token")}));
    QVERIFY(m_dialog->errorText().isEmpty());
}

void TestSettingsDialog::savesOnOkOnly()
{
    m_dialog = makeDialog();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    child<QSpinBox>(QStringLiteral("offerCountSpin"))->setValue(7);
    child<QCheckBox>(QStringLiteral("soundsCheck"))->setChecked(false);
    child<QSpinBox>(QStringLiteral("retentionDaysSpin"))->setValue(30);
    child<QComboBox>(QStringLiteral("languageCombo"))->setCurrentIndex(2); // English
    child<QLineEdit>(QStringLiteral("feeEdit:verification"))->setText(QStringLiteral("12"));
    click(QDialogButtonBox::Cancel);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    QVERIFY2(storedKeys().isEmpty(), qPrintable(storedKeys().join(QLatin1Char(' '))));
    QCOMPARE(m_sink.calls, 0);
    QCOMPARE(m_applied, 0);
    QVERIFY(m_savedGateways.isEmpty());

    // Again, with OK.
    m_dialog = makeDialog();
    QSignalSpy applied(m_dialog.get(), &SettingsDialog::applied);
    child<QSpinBox>(QStringLiteral("offerCountSpin"))->setValue(7);
    child<QSpinBox>(QStringLiteral("offerRadiusSpin"))->setValue(800);
    child<QCheckBox>(QStringLiteral("soundsCheck"))->setChecked(false);
    child<QSpinBox>(QStringLiteral("retentionDaysSpin"))->setValue(30);
    child<QComboBox>(QStringLiteral("languageCombo"))->setCurrentIndex(2);
    child<QComboBox>(QStringLiteral("mapSourceCombo"))->setCurrentIndex(1); // IGN
    child<QLineEdit>(QStringLiteral("mapContactEdit"))->setText(QStringLiteral(" it@ville.fr "));
    child<QTimeEdit>(QStringLiteral("escalation:minor:1"))->setTime(QTime(0, 5));
    click(QDialogButtonBox::Ok);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(applied.size(), 1);
    QCOMPARE(m_applied, 1);
    const std::unique_ptr<QSettings> raw = std::make_unique<QSettings>(m_file->fileName(), QSettings::IniFormat);
    const Settings again(raw.get());
    QCOMPARE(again.offerCount(), 7);
    QCOMPARE(again.offerRadiusM(), 800);
    QCOMPARE(again.soundsEnabled(), false);
    QCOMPARE(again.retentionDays(), 30);
    QCOMPARE(again.language(), QStringLiteral("en"));
    QCOMPARE(again.mapSource(), QStringLiteral("ign"));
    QCOMPARE(again.mapContact(), QStringLiteral("it@ville.fr"));
    QCOMPARE(again.escalation(Severity::Minor).notAcknowledgedS, 300);
    QVERIFY(!again.hasEscalation(Severity::Critical)); // untouched: still the defaults, not written
    QCOMPARE(m_mapChecks, QStringList{QStringLiteral("ign")});
    // Nothing changed on the Gateways page, no fee changed: neither written.
    QVERIFY(m_savedGateways.isEmpty());
    QCOMPARE(m_sink.calls, 0);
}

void TestSettingsDialog::appliesWithoutClosing()
{
    m_dialog = makeDialog();
    child<QSpinBox>(QStringLiteral("offerTimeoutSpin"))->setValue(45);
    click(QDialogButtonBox::Apply);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_applied, 1);
    QCOMPARE(m_settings->offerTimeoutS(), 45);
}

void TestSettingsDialog::refusesInvalidValues_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("expected");
    QTest::newRow("escalation decreasing") << int(SettingsDialog::Page::Dispatch) << "must not decrease";
    QTest::newRow("template without {z}") << int(SettingsDialog::Page::Map) << "{z}, {x} and {y}";
    QTest::newRow("template refused by the check") << int(SettingsDialog::Page::Map) << "{s} is not supported";
    QTest::newRow("missing mbtiles") << int(SettingsDialog::Page::Map) << "Cannot read the MBTiles file";
    QTest::newRow("listener port 0") << int(SettingsDialog::Page::Gateways) << "port from 1 to 65535";
    QTest::newRow("certificate without key") << int(SettingsDialog::Page::Gateways) << "both the certificate";
    QTest::newRow("serial without device") << int(SettingsDialog::Page::Gateways) << "device path";
    QTest::newRow("fee not an amount") << int(SettingsDialog::Page::Fees) << "must be an amount in EUR";
    QTest::newRow("fee negative") << int(SettingsDialog::Page::Fees) << "must be an amount in EUR";
}

void TestSettingsDialog::refusesInvalidValues()
{
    QFETCH(int, page);
    QFETCH(QString, expected);
    m_dialog = makeDialog();
    child<QSpinBox>(QStringLiteral("offerCountSpin"))->setValue(9); // a valid change, not to be saved either
    const QString row = QString::fromLatin1(QTest::currentDataTag());
    if (row == QLatin1String("escalation decreasing")) {
        child<QTimeEdit>(QStringLiteral("escalation:major:2"))->setTime(QTime(0, 1)); // T2 < T1 (2 min)
    } else if (row.startsWith(QLatin1String("template"))) {
        child<QComboBox>(QStringLiteral("mapSourceCombo"))->setCurrentIndex(2);
        child<QLineEdit>(QStringLiteral("mapTemplateEdit"))
            ->setText(row.contains(QLatin1String("check")) ? QStringLiteral("https://{s}.tiles.org/{z}/{x}/{y}.png")
                                                           : QStringLiteral("https://tiles.org/{x}/{y}.png"));
    } else if (row == QLatin1String("missing mbtiles")) {
        child<QComboBox>(QStringLiteral("mapSourceCombo"))->setCurrentIndex(3);
        m_dialog->findChild<QWidget *>(QStringLiteral("mapMbtilesField"))
            ->findChild<QLineEdit *>()
            ->setText(m_dir->filePath(QStringLiteral("nowhere.mbtiles")));
    } else if (row == QLatin1String("listener port 0")) {
        child<QSpinBox>(QStringLiteral("listenerPortSpin"))->setValue(0);
    } else if (row == QLatin1String("certificate without key")) {
        m_dialog->findChild<QWidget *>(QStringLiteral("listenerCertificateField"))
            ->findChild<QLineEdit *>()
            ->setText(m_file->fileName());
    } else if (row == QLatin1String("serial without device")) {
        child<QLineEdit>(QStringLiteral("serialPortEdit"))->clear();
    } else if (row == QLatin1String("fee not an amount")) {
        child<QLineEdit>(QStringLiteral("feeEdit:other"))->setText(QStringLiteral("ten euros"));
    } else if (row == QLatin1String("fee negative")) {
        child<QLineEdit>(QStringLiteral("feeEdit:other"))->setText(QStringLiteral("-5"));
    }
    m_dialog->showPage(SettingsDialog::Page::Retention);
    click(QDialogButtonBox::Ok);
    // Still open, on the page at fault, saying why; nothing saved.
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(int(m_dialog->currentPage()), page);
    QVERIFY2(m_dialog->errorText().contains(expected), qPrintable(m_dialog->errorText()));
    QVERIFY(m_dialog->findChild<QLabel *>(QStringLiteral("settingsErrorLabel"))->isVisible());
    QVERIFY(storedKeys().isEmpty());
    QCOMPARE(m_applied, 0);
    QCOMPARE(m_sink.calls, 0);
    QVERIFY(m_savedGateways.isEmpty());
}

void TestSettingsDialog::submitsChangedFees()
{
    m_dialog = makeDialog();
    child<QLineEdit>(QStringLiteral("feeEdit:verification"))->setText(QStringLiteral("12,50"));
    child<QLineEdit>(QStringLiteral("feeEdit:maintenance"))->setText(QStringLiteral("6.5")); // unchanged
    click(QDialogButtonBox::Ok);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_sink.calls, 1);
    QCOMPARE(m_sink.stored.size(), 1);
    const JournalEntry &e = m_sink.stored.first();
    QCOMPARE(e.kind, QString(EntryKind::FeeSet));
    QCOMPARE(e.actor, kClaire);
    QCOMPARE(e.source, QStringLiteral("ui"));
    QCOMPARE(e.time, QDateTime(QDate(2026, 3, 2), QTime(14, 5), Qt::UTC));
    QCOMPARE(e.payload.value(QStringLiteral("kind")).toString(), QStringLiteral("verification"));
    QCOMPARE(e.payload.value(QStringLiteral("fee_cents")).toInteger(), 1250);
    QCOMPARE(e.payload.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
}

void TestSettingsDialog::showsFeesInTheLocale()
{
    // The operator reads and types "10,00" in French; the journal keeps cents.
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    FeesPage page;
    FeeSchedule fees = FeeSchedule::defaults();
    fees.setFee(MissionKind::Maintenance, Money::euros(650));
    page.load(fees);
    QLocale::setDefault(QLocale::c());
    QCOMPARE(page.findChild<QLineEdit *>(QStringLiteral("feeEdit:verification"))->text(), QStringLiteral("10,00"));
    QCOMPARE(page.findChild<QLineEdit *>(QStringLiteral("feeEdit:maintenance"))->text(), QStringLiteral("6,50"));
    QVERIFY(page.check().isEmpty());
    QVERIFY(page.changedFees().isEmpty()); // read back unchanged
}

void TestSettingsDialog::showsRefusedFees()
{
    m_sink.refusal = Error{QStringLiteral("store_failed"), QStringLiteral("The disk is full.")};
    m_dialog = makeDialog();
    child<QLineEdit>(QStringLiteral("feeEdit:other"))->setText(QStringLiteral("15"));
    click(QDialogButtonBox::Ok);
    // The settings were saved, the fees were not: the dialog stays open on them.
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->currentPage(), SettingsDialog::Page::Fees);
    auto *message = child<QLabel>(QStringLiteral("feesMessage"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QLatin1String("The disk is full.")), qPrintable(message->text()));
    QVERIFY(m_sink.stored.isEmpty());
    // Once the journal takes them, OK closes.
    m_sink.refusal.reset();
    click(QDialogButtonBox::Ok);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_sink.stored.size(), 1);
}

void TestSettingsDialog::storesSecretsWithoutShowingThem()
{
    m_secrets.secrets().insert(QStringLiteral("broker/password"), QStringLiteral("old-broker-secret"));
    m_dialog = makeDialog();
    const QString key = QStringLiteral("gateway/gw-north/token");
    auto *edit = child<QLineEdit>(SecretsPage::objectName("secretEdit", key));
    auto *store = child<QPushButton>(SecretsPage::objectName("storeSecretButton", key));
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    // Never prefilled, nothing read from the store.
    for (QLineEdit *e : m_dialog->secretsPage()->findChildren<QLineEdit *>())
        QVERIFY(e->text().isEmpty());
    QCOMPARE(m_secrets.calls(), 0);
    QVERIFY(!store->isEnabled());

    m_dialog->showPage(SettingsDialog::Page::Secrets);
    edit->setText(QStringLiteral("a-long-gateway-token"));
    QVERIFY(store->isEnabled());
    QTest::mouseClick(store, Qt::LeftButton);
    QCOMPARE(m_secrets.secrets().value(key), QStringLiteral("a-long-gateway-token"));
    QVERIFY(edit->text().isEmpty());
    auto *status = child<QLabel>(SecretsPage::objectName("secretStatus", key));
    QCOMPARE(status->text(), QStringLiteral("Stored in the keychain."));

    // Delete, then delete again (nothing there any more): both say it is gone.
    const QString broker = QStringLiteral("broker/password");
    QTest::mouseClick(child<QPushButton>(SecretsPage::objectName("deleteSecretButton", broker)), Qt::LeftButton);
    QVERIFY(!m_secrets.secrets().contains(broker));
    QCOMPARE(child<QLabel>(SecretsPage::objectName("secretStatus", broker))->text(),
             QStringLiteral("Not in the keychain (any more)."));

    // A keychain answering later (being unlocked): the row waits, then says it.
    m_secrets.setAnswer(MemorySecretStore::Answer::Deferred, 20);
    const QString db = QStringLiteral("database/password");
    child<QLineEdit>(SecretsPage::objectName("secretEdit", db))->setText(QStringLiteral("pg-secret"));
    QTest::mouseClick(child<QPushButton>(SecretsPage::objectName("storeSecretButton", db)), Qt::LeftButton);
    QVERIFY(m_dialog->secretsPage()->isBusy());
    QCOMPARE(child<QLabel>(SecretsPage::objectName("secretStatus", db))->text(), QStringLiteral("Storing…"));
    QTRY_COMPARE(child<QLabel>(SecretsPage::objectName("secretStatus", db))->text(),
                 QStringLiteral("Stored in the keychain."));
    QVERIFY(!m_dialog->secretsPage()->isBusy());
    // Secrets are never settings: nothing in the INI file, even after OK.
    click(QDialogButtonBox::Ok);
    m_file->sync();
    QFile ini(m_file->fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray bytes = ini.readAll();
    QVERIFY(!bytes.contains("a-long-gateway-token"));
    QVERIFY(!bytes.contains("pg-secret"));
}

void TestSettingsDialog::saysWhenNoKeychainIsAvailable()
{
    const QString sentence = QStringLiteral(
        "No usable system keychain (Cannot autolaunch D-Bus without X11 $DISPLAY). gnome-keyring must be installed "
        "and unlocked. Relais never writes secrets in plain text.");
    m_secrets.failWith(Error{QString(SecretStore::noKeychain), sentence});
    m_dialog = makeDialog();
    const QString key = QStringLiteral("database/password");
    child<QLineEdit>(SecretsPage::objectName("secretEdit", key))->setText(QStringLiteral("pg-secret"));
    QTest::mouseClick(child<QPushButton>(SecretsPage::objectName("storeSecretButton", key)), Qt::LeftButton);
    auto *status = child<QLabel>(SecretsPage::objectName("secretStatus", key));
    QVERIFY(!status->isHidden());
    QCOMPARE(status->text(), QStringLiteral("Not stored: %1").arg(sentence));
    QVERIFY(m_secrets.secrets().isEmpty());
    QVERIFY(child<QLineEdit>(SecretsPage::objectName("secretEdit", key))->text().isEmpty());
    QVERIFY(m_dialog->isVisible());
    // Deleting says the same.
    QTest::mouseClick(child<QPushButton>(SecretsPage::objectName("deleteSecretButton", key)), Qt::LeftButton);
    QCOMPARE(status->text(), QStringLiteral("Not deleted: %1").arg(sentence));
    // Nothing went to the settings.
    QVERIFY(storedKeys().isEmpty());
}

void TestSettingsDialog::savesGatewaysThroughTheCompositionRoot()
{
    m_dialog = makeDialog();
    QTest::mouseClick(child<QPushButton>(QStringLiteral("addListenerButton")), Qt::LeftButton);
    const QList<QLineEdit *> addresses = m_dialog->findChildren<QLineEdit *>(QStringLiteral("listenerAddressEdit"));
    QCOMPARE(addresses.size(), 2);
    addresses.last()->setText(QStringLiteral("192.168.1.10"));
    m_dialog->findChildren<QSpinBox *>(QStringLiteral("listenerPortSpin")).last()->setValue(4800);
    child<QComboBox>(QStringLiteral("serialBaudCombo"))->setCurrentText(QStringLiteral("9600"));

    // The file cannot be written: the dialog stays open and says why.
    m_gatewaySaveError = Error{QStringLiteral("io"), QStringLiteral("Cannot write gateways.json: read-only.")};
    click(QDialogButtonBox::Ok);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->currentPage(), SettingsDialog::Page::Gateways);
    QVERIFY2(m_dialog->errorText().contains(QLatin1String("read-only")), qPrintable(m_dialog->errorText()));
    QVERIFY(storedKeys().isEmpty());

    m_gatewaySaveError.reset();
    click(QDialogButtonBox::Ok);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_savedGateways.size(), 1);
    const GatewaySettings &saved = m_savedGateways.first();
    QCOMPARE(saved.listeners.size(), 2);
    QCOMPARE(saved.listeners.at(1).address, QStringLiteral("192.168.1.10"));
    QCOMPARE(saved.listeners.at(1).port, 4800);
    QCOMPARE(saved.serialLines.first().baud, 9600);
    QCOMPARE(saved.accounts, m_gateways.accounts);

    // Removing a serial line.
    m_dialog = makeDialog();
    QTest::mouseClick(child<QPushButton>(QStringLiteral("removeSerialButton")), Qt::LeftButton);
    click(QDialogButtonBox::Ok);
    QCOMPARE(m_savedGateways.size(), 2);
    QVERIFY(m_savedGateways.last().serialLines.isEmpty());
}

void TestSettingsDialog::showsWhyGatewaysAreReadOnly()
{
    m_gateways = GatewaySettings{};
    m_gateways.readOnlyReason = QStringLiteral("In demo mode the console listens for its simulator only.");
    m_gateways.listeners.append({QStringLiteral("127.0.0.1"), 40123, {}, {}});
    m_dialog = makeDialog();
    auto *notice = child<QLabel>(QStringLiteral("gatewaysNotice"));
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->text(), m_gateways.readOnlyReason);
    QVERIFY(!child<QPushButton>(QStringLiteral("addListenerButton"))->isVisible());
    QVERIFY(child<QLineEdit>(QStringLiteral("listenerAddressEdit"))->isReadOnly());
    QVERIFY(!m_dialog->gatewaysPage()->isEditable());
    click(QDialogButtonBox::Ok);
    QVERIFY(!m_dialog->isVisible());
    QVERIFY(m_savedGateways.isEmpty());
}

void TestSettingsDialog::windowAppliesSoundsAndOffers()
{
    LiveState state;
    MainWindow window(&state, m_dir->path());
    QVERIFY(window.sounds()->isEnabled());
    m_settings->setSoundsEnabled(false);
    m_settings->setOfferCount(6);
    window.applySettings(*m_settings);
    QVERIFY(!window.sounds()->isEnabled());
    QCOMPARE(window.sounds()->statusText(), QStringLiteral("Alarm sounds off"));
    m_settings->setSoundsEnabled(true);
    window.applySettings(*m_settings);
    QVERIFY(window.sounds()->isEnabled());

    // File > Settings opens the dialog, once.
    auto *action = window.findChild<QAction *>(QStringLiteral("settingsAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    action->trigger();
    action->trigger();
    QCOMPARE(window.findChildren<SettingsDialog *>().size(), 1);
    window.findChild<SettingsDialog *>()->reject();
}

void TestSettingsDialog::savesPicturesOfEveryPage()
{
    const QString dir = qEnvironmentVariable("RELAIS_SETTINGS_SHOTS");
    m_dialog = makeDialog();
    m_dialog->resize(m_dialog->sizeHint().expandedTo(QSize(820, 600)));
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    const char *names[] = {"gateways", "secrets", "map", "dispatch", "fees", "general", "retention"};
    for (int i = 0; i < 7; ++i) {
        m_dialog->showPage(SettingsDialog::Page(i));
        QCOMPARE(int(m_dialog->currentPage()), i);
        QTest::qWait(50); // the page just shown is laid out at its size
        const QImage image = m_dialog->grab().toImage();
        QVERIFY(!image.isNull());
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(
                image.save(QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(i + 1).arg(QLatin1String(names[i])))));
        }
    }
    // A refusal, and a keychain that cannot be used: both inline.
    child<QTimeEdit>(QStringLiteral("escalation:major:2"))->setTime(QTime(0, 1));
    click(QDialogButtonBox::Apply);
    QVERIFY(!m_dialog->errorText().isEmpty());
    QTest::qWait(50);
    if (!dir.isEmpty())
        QVERIFY(m_dialog->grab().save(QDir(dir).filePath(QStringLiteral("8-refused.png"))));
    m_secrets.failWith(Error{QString(SecretStore::noKeychain),
                             QStringLiteral("No usable system keychain (The name org.freedesktop.secrets was not "
                                            "provided by any .service files). gnome-keyring (or KWallet, or KeePassXC "
                                            "with its Secret Service integration) must be installed and unlocked, "
                                            "and the session needs D-Bus. On Debian: apt install gnome-keyring "
                                            "libsecret-1-0, then log in again. Relais never writes secrets in plain "
                                            "text.")});
    m_dialog->showPage(SettingsDialog::Page::Secrets);
    const QString key = QStringLiteral("gateway/gw-north/token");
    child<QLineEdit>(SecretsPage::objectName("secretEdit", key))->setText(QStringLiteral("a-long-gateway-token"));
    QTest::mouseClick(child<QPushButton>(SecretsPage::objectName("storeSecretButton", key)), Qt::LeftButton);
    QVERIFY(m_secrets.secrets().isEmpty());
    QTest::qWait(50);
    if (!dir.isEmpty())
        QVERIFY(m_dialog->grab().save(QDir(dir).filePath(QStringLiteral("9-no-keychain.png"))));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
