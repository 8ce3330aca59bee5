#include "devicedialog.h"
#include "journalbuilder.h"
#include "registrycommands.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace relais;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);

QStringList keys(const QJsonObject &o)
{
    QStringList k = o.keys();
    k.sort();
    return k;
}

} // namespace

class TestDeviceDialog final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void okOnlyOnceValid();
    void producesTheRegistrationEntry();
    void positionIsBothCoordinatesOrNeither();
    void refusesBadValuesInline();
    void refusesAnIdAlreadyRegistered();
    void kindIsACommonOneOrFreeText();
    void editsADevice();
    void editsADeviceInFrench();
    void okAcceptsOnlyWhenEnabled();
    void hintsThatTheBeneficiaryIsNotAName();

private:
    // The entry the device panel submits for the dialog's values (RegistryCommands), and its payload.
    JournalEntry entry(const QDateTime &at, const Actor &by) const
    {
        const DeviceForm form = m_dialog->form();
        const Result<QList<JournalEntry>> r = m_dialog->isEditing() ? RegistryCommands::updateDevice(form, by, at)
                                                                    : RegistryCommands::registerDevice(form, by, at);
        return r ? r.value().constFirst() : JournalEntry();
    }
    QJsonObject payload() const { return entry(kStart, Actor::operatorNamed(QStringLiteral("Claire"))).payload; }
    template<typename W>
    W *field(const char *name) const
    {
        auto *w = m_dialog->findChild<W *>(QLatin1StringView(name));
        if (!w)
            qFatal("no widget %s", name);
        return w;
    }
    QLineEdit *edit(const char *name) const { return field<QLineEdit>(name); }
    QPushButton *ok() const { return m_dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok); }
    void type(const char *name, const QString &text)
    {
        QLineEdit *e = edit(name);
        e->selectAll();
        if (text.isEmpty())
            QTest::keyClick(e, Qt::Key_Delete);
        else
            QTest::keyClicks(e, text);
    }
    void fillValid()
    {
        type("idEdit", QStringLiteral("d-301"));
        QTest::keyClicks(field<QComboBox>("kindCombo")->lineEdit(), QStringLiteral("Panic button"));
        type("labelEdit", QStringLiteral("Pendentif Mme R."));
        type("beneficiaryEdit", QStringLiteral("B-1024"));
        type("addressEdit", QStringLiteral("12 rue des Lilas, Lyon"));
    }

    std::unique_ptr<LiveState> m_state;
    std::unique_ptr<DeviceDialog> m_dialog;
};

void TestDeviceDialog::init()
{
    m_state = std::make_unique<LiveState>();
    JournalBuilder j(kStart);
    QCOMPARE(
        JournalBuilder::commit(*m_state, {j.registerDevice(QStringLiteral("d1"), QStringLiteral("B-101"),
                                                           QStringLiteral("12 rue des Lilas, Lyon"), 45.76, 4.83)}),
        QString());
    m_dialog = std::make_unique<DeviceDialog>(&m_state->state());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestDeviceDialog::cleanup()
{
    m_dialog.reset();
    m_state.reset();
    QLocale::setDefault(QLocale::c());
}

void TestDeviceDialog::okOnlyOnceValid()
{
    QSignalSpy validity(m_dialog.get(), &DeviceDialog::validityChanged);
    QVERIFY(!ok()->isEnabled());
    QVERIFY(!m_dialog->isEditing());
    // Nothing typed yet: no red under the fields, one line saying what is needed.
    QCOMPARE(m_dialog->problemText(), QStringLiteral("Enter the device's id."));

    type("idEdit", QStringLiteral("d-301"));
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("Choose a kind of device, or type one."));
    QTest::keyClicks(field<QComboBox>("kindCombo")->lineEdit(), QStringLiteral("smoke"));
    QVERIFY(!ok()->isEnabled());
    QVERIFY(m_dialog->problemText().contains(QStringLiteral("address or a position")));
    type("addressEdit", QStringLiteral("12 rue des Lilas"));
    QVERIFY(ok()->isEnabled());
    QVERIFY(m_dialog->isValid());
    QCOMPARE(m_dialog->problemText(), QString());
    QCOMPARE(validity.size(), 1);

    // Emptying a required field that was typed in: said under it.
    type("idEdit", QString());
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("Enter the device's id."));
    QCOMPARE(validity.size(), 2);
}

void TestDeviceDialog::producesTheRegistrationEntry()
{
    fillValid();
    type("latitudeEdit", QStringLiteral("45.76012"));
    type("longitudeEdit", QStringLiteral("4.83569"));
    auto *interval = field<QSpinBox>("intervalSpin");
    interval->selectAll();
    QTest::keyClicks(interval, QStringLiteral("15"));
    field<QComboBox>("intervalUnitCombo")->setCurrentIndex(1); // minutes
    QVERIFY(ok()->isEnabled());

    const QDateTime at = kStart.addSecs(60);
    const JournalEntry e = entry(at, Actor::operatorNamed(QStringLiteral("Claire")));
    QCOMPARE(e.kind, QString(EntryKind::DeviceRegistered));
    QCOMPARE(e.source, QStringLiteral("ui"));
    QCOMPARE(e.time, at);
    QCOMPARE(e.time.timeSpec(), Qt::UTC);
    QCOMPARE(e.actor, Actor::operatorNamed(QStringLiteral("Claire")));
    QCOMPARE(e.seq, 0);
    const QJsonObject expected{
        {QStringLiteral("device"), QStringLiteral("d-301")},
        {QStringLiteral("kind"), QStringLiteral("panic_button")},
        {QStringLiteral("label"), QStringLiteral("Pendentif Mme R.")},
        {QStringLiteral("beneficiary"), QStringLiteral("B-1024")},
        {QStringLiteral("address"), QStringLiteral("12 rue des Lilas, Lyon")},
        {QStringLiteral("lat"), 45.76012},
        {QStringLiteral("lon"), 4.83569},
        {QStringLiteral("interval_s"), 900},
    };
    QCOMPARE(keys(e.payload), keys(expected));
    QCOMPARE(e.payload, expected);

    // The reducer takes it as it is.
    DispatchState state = m_state->state();
    QVERIFY(state.apply(e).ok());
    QCOMPARE(state.device(QStringLiteral("d-301"))->reportIntervalS, 900);

    // Seconds and hours too.
    field<QComboBox>("intervalUnitCombo")->setCurrentIndex(0);
    QCOMPARE(payload().value(QLatin1String("interval_s")).toInt(), 15);
    field<QComboBox>("intervalUnitCombo")->setCurrentIndex(2);
    QCOMPARE(payload().value(QLatin1String("interval_s")).toInt(), 15 * 3600);
    // Never zero.
    interval->selectAll();
    QTest::keyClicks(interval, QStringLiteral("0"));
    QVERIFY(interval->value() >= 1);
}

void TestDeviceDialog::positionIsBothCoordinatesOrNeither()
{
    fillValid();
    type("latitudeEdit", QStringLiteral("45,76")); // a decimal comma, as typed in French
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("Enter the longitude too, or clear the latitude."));
    type("longitudeEdit", QStringLiteral(" 4.83 "));
    QVERIFY(ok()->isEnabled());
    QCOMPARE(payload().value(QLatin1String("lat")).toDouble(), 45.76);
    QCOMPARE(payload().value(QLatin1String("lon")).toDouble(), 4.83);

    type("latitudeEdit", QString());
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("Enter the latitude too, or clear the longitude."));
    type("longitudeEdit", QString());
    QVERIFY(ok()->isEnabled());
    QCOMPARE(keys(payload()),
             (QStringList{QStringLiteral("address"), QStringLiteral("beneficiary"), QStringLiteral("device"),
                          QStringLiteral("interval_s"), QStringLiteral("kind"), QStringLiteral("label")}));

    // A position without an address is enough.
    type("addressEdit", QString());
    QVERIFY(!ok()->isEnabled());
    type("latitudeEdit", QStringLiteral("45.76"));
    type("longitudeEdit", QStringLiteral("4.83"));
    QVERIFY(ok()->isEnabled());
}

void TestDeviceDialog::refusesBadValuesInline()
{
    fillValid();
    type("latitudeEdit", QStringLiteral("91"));
    type("longitudeEdit", QStringLiteral("4.8"));
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("The latitude is a number of degrees between -90 and 90."));
    // The message stands under its field, in view.
    bool shown = false;
    for (const QLabel *label : m_dialog->findChildren<QLabel *>())
        shown = shown || (label->isVisible() && label->text().contains(QStringLiteral("between -90 and 90")));
    QVERIFY(shown);

    type("latitudeEdit", QStringLiteral("-90"));
    type("longitudeEdit", QStringLiteral("180.5"));
    QCOMPARE(m_dialog->problemText(), QStringLiteral("The longitude is a number of degrees between -180 and 180."));
    type("longitudeEdit", QStringLiteral("nan"));
    QVERIFY(!ok()->isEnabled());
    type("longitudeEdit", QStringLiteral("abc"));
    QVERIFY(!ok()->isEnabled());
    type("longitudeEdit", QStringLiteral("-180"));
    QVERIFY(ok()->isEnabled());

    type("idEdit", QString(65, QLatin1Char('x')));
    QVERIFY(!ok()->isEnabled());
    QVERIFY(m_dialog->problemText().contains(QStringLiteral("64 characters")));
}

void TestDeviceDialog::refusesAnIdAlreadyRegistered()
{
    fillValid();
    type("idEdit", QStringLiteral("d1"));
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("Device d1 is already registered."));
    type("idEdit", QStringLiteral("  d2 "));
    QVERIFY(ok()->isEnabled());
    QCOMPARE(m_dialog->deviceId(), QStringLiteral("d2"));
}

void TestDeviceDialog::kindIsACommonOneOrFreeText()
{
    fillValid();
    auto *kind = field<QComboBox>("kindCombo");
    QCOMPARE(kind->count(), 8);
    kind->setCurrentIndex(kind->findData(QStringLiteral("water_leak")));
    QCOMPARE(payload().value(QLatin1String("kind")).toString(), QStringLiteral("water_leak"));
    kind->lineEdit()->selectAll();
    QTest::keyClicks(kind->lineEdit(), QStringLiteral("fall DETECTOR"));
    QCOMPARE(payload().value(QLatin1String("kind")).toString(), QStringLiteral("fall_detector"));
    kind->lineEdit()->selectAll();
    QTest::keyClicks(kind->lineEdit(), QStringLiteral(" co_detector "));
    QCOMPARE(payload().value(QLatin1String("kind")).toString(), QStringLiteral("co_detector"));
    QVERIFY(ok()->isEnabled());
    kind->lineEdit()->selectAll();
    QTest::keyClick(kind->lineEdit(), Qt::Key_Delete);
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("Choose a kind of device, or type one."));
}

void TestDeviceDialog::editsADevice()
{
    Device d = *m_state->state().device(QStringLiteral("d1"));
    d.reportIntervalS = 21600;
    m_dialog->setDevice(d);
    QVERIFY(m_dialog->isEditing());
    QVERIFY(edit("idEdit")->isReadOnly());
    QCOMPARE(edit("idEdit")->text(), QStringLiteral("d1"));
    QCOMPARE(field<QComboBox>("kindCombo")->currentData().toString(), QStringLiteral("panic_button"));
    QCOMPARE(edit("labelEdit")->text(), QStringLiteral("Pendant d1"));
    QCOMPARE(edit("beneficiaryEdit")->text(), QStringLiteral("B-101"));
    QCOMPARE(edit("latitudeEdit")->text(), QStringLiteral("45.76"));
    QCOMPARE(edit("longitudeEdit")->text(), QStringLiteral("4.83"));
    QCOMPARE(field<QSpinBox>("intervalSpin")->value(), 6);
    QCOMPARE(field<QComboBox>("intervalUnitCombo")->currentIndex(), 2); // hours
    // Valid, but nothing to save yet.
    QVERIFY(m_dialog->isValid());
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("No changes yet."));

    type("labelEdit", QStringLiteral("Bracelet"));
    QVERIFY(ok()->isEnabled());
    type("latitudeEdit", QString());
    type("longitudeEdit", QString());
    QVERIFY(ok()->isEnabled());
    const JournalEntry e = entry(kStart, Actor::operatorNamed(QStringLiteral("Claire")));
    QCOMPARE(e.kind, QString(EntryKind::DeviceUpdated));
    const QJsonObject expected{
        {QStringLiteral("device"), QStringLiteral("d1")},
        {QStringLiteral("kind"), QStringLiteral("panic_button")},
        {QStringLiteral("label"), QStringLiteral("Bracelet")},
        {QStringLiteral("beneficiary"), QStringLiteral("B-101")},
        {QStringLiteral("address"), QStringLiteral("12 rue des Lilas, Lyon")},
        {QStringLiteral("interval_s"), 21600},
    };
    QCOMPARE(e.payload, expected);
    // Its own id is not "already registered".
    QCOMPARE(m_dialog->problemText(), QString());

    // A kind outside the list is kept.
    d.kind = QStringLiteral("co_detector");
    m_dialog->setDevice(d);
    QCOMPARE(field<QComboBox>("kindCombo")->currentText(), QStringLiteral("co_detector"));
    QCOMPARE(payload().value(QLatin1String("kind")).toString(), QStringLiteral("co_detector"));
}

void TestDeviceDialog::editsADeviceInFrench()
{
    // The coordinates as a French operator reads and types them back: with a decimal comma.
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    Device d = *m_state->state().device(QStringLiteral("d1"));
    d.position = QGeoCoordinate(45.7640431, -0.00001);
    m_dialog->setDevice(d);
    QCOMPARE(edit("latitudeEdit")->text(), QStringLiteral("45,7640431"));
    QCOMPARE(edit("longitudeEdit")->text(), QStringLiteral("-0,00001")); // never "-1e-05"
    // Read back exactly: nothing changed yet.
    QCOMPARE(payload().value(QLatin1String("lat")).toDouble(), 45.7640431);
    QCOMPARE(payload().value(QLatin1String("lon")).toDouble(), -0.00001);
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("No changes yet."));
    type("longitudeEdit", QStringLiteral("4,835"));
    QVERIFY(ok()->isEnabled());
    QCOMPARE(payload().value(QLatin1String("lon")).toDouble(), 4.835);
}

void TestDeviceDialog::okAcceptsOnlyWhenEnabled()
{
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QTest::keyClick(edit("idEdit"), Qt::Key_Return);
    QCOMPARE(accepted.size(), 0);
    QVERIFY(m_dialog->isVisible());
    fillValid();
    QTest::mouseClick(ok(), Qt::LeftButton);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
}

void TestDeviceDialog::hintsThatTheBeneficiaryIsNotAName()
{
    bool found = false;
    for (const QLabel *label : m_dialog->findChildren<QLabel *>())
        found = found || (label->isVisible() && label->text().contains(QStringLiteral("never a name")));
    QVERIFY(found);
    QVERIFY(!edit("beneficiaryEdit")->placeholderText().isEmpty());
}

QTEST_MAIN(TestDeviceDialog)
#include "tst_devicedialog.moc"
