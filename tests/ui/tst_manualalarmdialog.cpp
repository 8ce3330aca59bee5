#include "deskcommands.h"
#include "dispatchstate.h"
#include "manualalarmdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

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

class TestManualAlarmDialog final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void okDisabledOnAnEmptyForm();
    void offersThePersonReportableKinds();
    void addressAloneIsEnough();
    void oneCoordinateAloneIsRefused();
    void refusesCoordinatesOutOfRange();
    void acceptsTheFrenchDecimalComma();
    void acceptsAPointAndNoGroupSeparatorInEnglish();
    void setPositionFillsTheFields();
    void severityFollowsTheKindUntilChosen();
    void entryCreatesTheAlarm();
    void okAcceptsOnlyWhenEnabled();
    void noLabelCutOffAtSizeHint();

private:
    // The entry the window submits for the dialog's values (DeskCommands), and its payload.
    JournalEntry entry(const Actor &by, const QDateTime &at) const
    {
        const Result<QList<JournalEntry>> r = DeskCommands::createManualAlarm(m_dialog->alarm(), by, at);
        return r ? r.value().constFirst() : JournalEntry();
    }
    QJsonObject payload() const
    {
        return entry(Actor::operatorNamed(QStringLiteral("Claire")), QDateTime::currentDateTimeUtc()).payload;
    }
    template<typename W>
    W *field(const char *name) const
    {
        auto *w = m_dialog->findChild<W *>(QLatin1StringView(name));
        if (!w)
            qFatal("no widget %s", name);
        return w;
    }
    QLineEdit *edit(const char *name) const { return field<QLineEdit>(name); }
    QComboBox *combo(const char *name) const { return field<QComboBox>(name); }
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
    bool messageShown(const QString &part) const
    {
        for (const QLabel *label : m_dialog->findChildren<QLabel *>()) {
            if (label->isVisible() && label->text().contains(part))
                return true;
        }
        return false;
    }
    // A new dialog, made under the default locale of the moment.
    void remake()
    {
        m_dialog = std::make_unique<ManualAlarmDialog>();
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }
    // Every visible label whole, inside the dialog: its text neither clipped nor squeezed.
    void checkNoLabelCutOff(const char *what);

    std::unique_ptr<ManualAlarmDialog> m_dialog;
};

void TestManualAlarmDialog::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    remake();
}

void TestManualAlarmDialog::cleanup()
{
    m_dialog.reset();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestManualAlarmDialog::okDisabledOnAnEmptyForm()
{
    QVERIFY(!ok()->isEnabled());
    QVERIFY(!m_dialog->isValid());
    QCOMPARE(ok()->text(), QStringLiteral("&Create Alarm"));
    // Nothing typed yet: no red under the fields, one line saying what is needed.
    QCOMPARE(m_dialog->problemText(),
             QStringLiteral("Enter an address or a position, so that helpers can find the place."));
    QVERIFY(messageShown(QStringLiteral("so that helpers can find the place")));
    // Blanks are nothing.
    type("addressEdit", QStringLiteral("   "));
    QVERIFY(!ok()->isEnabled());
    // A caller and a note alone say nothing of the place.
    type("callerEdit", QStringLiteral("Mme Roux"));
    QTest::keyClicks(field<QPlainTextEdit>("noteEdit"), QStringLiteral("Fell in the kitchen"));
    QVERIFY(!ok()->isEnabled());
}

void TestManualAlarmDialog::offersThePersonReportableKinds()
{
    QComboBox *kind = combo("kindCombo");
    QCOMPARE(kind->count(), AlarmKinds::all().size() - 2);
    QCOMPARE(kind->findData(AlarmKinds::key(AlarmKind::LowBattery)), -1);
    QCOMPARE(kind->findData(AlarmKinds::key(AlarmKind::DeviceSilent)), -1);
    // Shown with their labels, carrying their keys.
    const int fall = kind->findData(QStringLiteral("fall"));
    QVERIFY(fall >= 0);
    QCOMPARE(kind->itemText(fall), AlarmKinds::label(AlarmKind::Fall));
    QVERIFY(kind->findData(QStringLiteral("other")) >= 0);
    // The first kind, with its usual severity.
    QCOMPARE(kind->currentIndex(), 0);
    QCOMPARE(m_dialog->kind(), AlarmKinds::all().first());
    QCOMPARE(m_dialog->severity(), AlarmKinds::defaultSeverity(AlarmKinds::all().first()));

    QComboBox *severity = combo("severityCombo");
    QCOMPARE(severity->count(), Severities::all().size());
    QCOMPARE(severity->itemText(severity->findData(QStringLiteral("major"))), Severities::label(Severity::Major));
}

void TestManualAlarmDialog::addressAloneIsEnough()
{
    QSignalSpy validity(m_dialog.get(), &ManualAlarmDialog::validityChanged);
    type("addressEdit", QStringLiteral("12 rue des Lilas, Lyon"));
    QVERIFY(ok()->isEnabled());
    QVERIFY(m_dialog->isValid());
    QCOMPARE(m_dialog->problemText(), QString());
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.first().first().toBool(), true);
    QCOMPARE(keys(payload()),
             (QStringList{QStringLiteral("address"), QStringLiteral("kind"), QStringLiteral("severity")}));
    QCOMPARE(payload().value(QLatin1String("address")).toString(), QStringLiteral("12 rue des Lilas, Lyon"));

    type("addressEdit", QString());
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(validity.size(), 2);
}

void TestManualAlarmDialog::oneCoordinateAloneIsRefused()
{
    type("addressEdit", QStringLiteral("12 rue des Lilas, Lyon"));
    type("latitudeEdit", QStringLiteral("45.76"));
    // Even with an address: half a position is a mistake, said under the missing field.
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("Enter the longitude too, or clear the latitude."));
    QVERIFY(messageShown(QStringLiteral("Enter the longitude too")));

    type("latitudeEdit", QString());
    type("longitudeEdit", QStringLiteral("4.83"));
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("Enter the latitude too, or clear the longitude."));

    type("latitudeEdit", QStringLiteral("45.76"));
    QVERIFY(ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QString());
    QVERIFY(!messageShown(QStringLiteral("too, or clear")));

    // A position without an address is enough.
    type("addressEdit", QString());
    QVERIFY(ok()->isEnabled());
    QCOMPARE(keys(payload()), (QStringList{QStringLiteral("kind"), QStringLiteral("lat"), QStringLiteral("lon"),
                                           QStringLiteral("severity")}));
}

void TestManualAlarmDialog::refusesCoordinatesOutOfRange()
{
    type("addressEdit", QStringLiteral("12 rue des Lilas, Lyon"));
    type("latitudeEdit", QStringLiteral("91"));
    type("longitudeEdit", QStringLiteral("4.8"));
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("The latitude is a number of degrees between -90 and 90."));
    QVERIFY(messageShown(QStringLiteral("between -90 and 90")));
    QVERIFY(!payload().contains(QLatin1String("lat")));

    type("latitudeEdit", QStringLiteral("-90.5"));
    QVERIFY(!ok()->isEnabled());
    type("latitudeEdit", QStringLiteral("-90"));
    QVERIFY(ok()->isEnabled());

    type("longitudeEdit", QStringLiteral("180.5"));
    QVERIFY(!ok()->isEnabled());
    QCOMPARE(m_dialog->problemText(), QStringLiteral("The longitude is a number of degrees between -180 and 180."));
    for (const QString &bad : {QStringLiteral("abc"), QStringLiteral("nan"), QStringLiteral("inf"),
                               QStringLiteral("4.8.3"), QStringLiteral("4,8.3")}) {
        type("longitudeEdit", bad);
        QVERIFY2(!ok()->isEnabled(), qPrintable(bad));
    }
    type("longitudeEdit", QStringLiteral("180"));
    QVERIFY(ok()->isEnabled());
    QCOMPARE(payload().value(QLatin1String("lat")).toDouble(), -90.0);
    QCOMPARE(payload().value(QLatin1String("lon")).toDouble(), 180.0);
}

void TestManualAlarmDialog::acceptsTheFrenchDecimalComma()
{
    QLocale::setDefault(QLocale(QLocale::French));
    remake();
    type("latitudeEdit", QStringLiteral("45,76"));
    type("longitudeEdit", QStringLiteral(" 4,83 "));
    QVERIFY(ok()->isEnabled());
    QCOMPARE(payload().value(QLatin1String("lat")).toDouble(), 45.76);
    QCOMPARE(payload().value(QLatin1String("lon")).toDouble(), 4.83);
    // A point too, as coordinates are often pasted from elsewhere.
    type("longitudeEdit", QStringLiteral("4.83569"));
    QVERIFY(ok()->isEnabled());
    QCOMPARE(payload().value(QLatin1String("lon")).toDouble(), 4.83569);
    type("latitudeEdit", QStringLiteral("-45,5"));
    QCOMPARE(payload().value(QLatin1String("lat")).toDouble(), -45.5);
    // Still nothing out of range.
    type("latitudeEdit", QStringLiteral("90,5"));
    QVERIFY(!ok()->isEnabled());
    // The examples are written the French way.
    QVERIFY(edit("latitudeEdit")->placeholderText().contains(QStringLiteral("45,76012")));
}

void TestManualAlarmDialog::acceptsAPointAndNoGroupSeparatorInEnglish()
{
    // In English, a comma is a group separator: "45,76" must not read as 4576 (out of range)
    // nor "1,5" as 15: a comma in a coordinate is a decimal comma.
    type("latitudeEdit", QStringLiteral("45,76"));
    type("longitudeEdit", QStringLiteral("1,5"));
    QVERIFY(ok()->isEnabled());
    QCOMPARE(payload().value(QLatin1String("lat")).toDouble(), 45.76);
    QCOMPARE(payload().value(QLatin1String("lon")).toDouble(), 1.5);
    type("longitudeEdit", QStringLiteral("4.83"));
    QCOMPARE(payload().value(QLatin1String("lon")).toDouble(), 4.83);
}

void TestManualAlarmDialog::setPositionFillsTheFields()
{
    m_dialog->setPosition(QGeoCoordinate(45.76012345, -4.8356789));
    QCOMPARE(edit("latitudeEdit")->text(), QStringLiteral("45.760123"));
    QCOMPARE(edit("longitudeEdit")->text(), QStringLiteral("-4.835679"));
    // The position alone is enough.
    QVERIFY(ok()->isEnabled());
    QCOMPARE(payload().value(QLatin1String("lat")).toDouble(), 45.760123);
    QCOMPARE(payload().value(QLatin1String("lon")).toDouble(), -4.835679);

    m_dialog->setPosition(QGeoCoordinate(45.5, 0.0000001));
    QCOMPARE(edit("longitudeEdit")->text(), QStringLiteral("0"));

    m_dialog->setPosition(QGeoCoordinate());
    QCOMPARE(edit("latitudeEdit")->text(), QString());
    QCOMPARE(edit("longitudeEdit")->text(), QString());
    QVERIFY(!ok()->isEnabled());

    // Written as a French operator would type it, and read back.
    QLocale::setDefault(QLocale(QLocale::French));
    remake();
    m_dialog->setPosition(QGeoCoordinate(45.76012345, 4.8356789));
    QCOMPARE(edit("latitudeEdit")->text(), QStringLiteral("45,760123"));
    QCOMPARE(edit("longitudeEdit")->text(), QStringLiteral("4,835679"));
    QVERIFY(ok()->isEnabled());
    QCOMPARE(payload().value(QLatin1String("lat")).toDouble(), 45.760123);
}

void TestManualAlarmDialog::severityFollowsTheKindUntilChosen()
{
    QComboBox *kind = combo("kindCombo");
    QComboBox *severity = combo("severityCombo");
    kind->setCurrentIndex(kind->findData(QStringLiteral("door")));
    QCOMPARE(m_dialog->severity(), Severity::Minor);
    kind->setCurrentIndex(kind->findData(QStringLiteral("other")));
    QCOMPARE(m_dialog->severity(), Severity::Major);
    kind->setCurrentIndex(kind->findData(QStringLiteral("fall")));
    QCOMPARE(m_dialog->severity(), Severity::Critical);

    // The operator picks one: it stays, whatever the kind.
    severity->setFocus();
    QTest::keyClick(severity, Qt::Key_Down);
    QCOMPARE(m_dialog->severity(), Severity::Major);
    kind->setCurrentIndex(kind->findData(QStringLiteral("door")));
    QCOMPARE(m_dialog->severity(), Severity::Major);
    QCOMPARE(payload().value(QLatin1String("severity")).toString(), QStringLiteral("major"));
    QCOMPARE(payload().value(QLatin1String("kind")).toString(), QStringLiteral("door"));
}

void TestManualAlarmDialog::entryCreatesTheAlarm()
{
    QComboBox *kind = combo("kindCombo");
    kind->setCurrentIndex(kind->findData(QStringLiteral("fall")));
    QComboBox *severity = combo("severityCombo");
    severity->setCurrentIndex(severity->findData(QStringLiteral("major")));
    type("addressEdit", QStringLiteral(" 12 rue des Lilas, Lyon "));
    type("latitudeEdit", QStringLiteral("45.76012"));
    type("longitudeEdit", QStringLiteral("4.83569"));
    type("callerEdit", QStringLiteral("Mme Roux, 06 12 34 56 78"));
    QTest::keyClicks(field<QPlainTextEdit>("noteEdit"), QStringLiteral("Her neighbour fell on the stairs."));
    QVERIFY(ok()->isEnabled());

    const QDateTime at = kStart.addSecs(60);
    const Actor claire = Actor::operatorNamed(QStringLiteral("Claire"));
    const JournalEntry e = entry(claire, at);
    QCOMPARE(e.kind, QString(EntryKind::AlarmManual));
    QCOMPARE(e.source, QStringLiteral("ui"));
    QCOMPARE(e.time, at);
    QCOMPARE(e.time.timeSpec(), Qt::UTC);
    QCOMPARE(e.actor, claire);
    QCOMPARE(e.seq, 0);
    QVERIFY(e.raw.isEmpty());
    const QJsonObject expected{
        {QStringLiteral("kind"), QStringLiteral("fall")},
        {QStringLiteral("severity"), QStringLiteral("major")},
        {QStringLiteral("lat"), 45.76012},
        {QStringLiteral("lon"), 4.83569},
        {QStringLiteral("address"), QStringLiteral("12 rue des Lilas, Lyon")},
        {QStringLiteral("caller"), QStringLiteral("Mme Roux, 06 12 34 56 78")},
        {QStringLiteral("note"), QStringLiteral("Her neighbour fell on the stairs.")},
    };
    QCOMPARE(keys(e.payload), keys(expected));
    QCOMPARE(e.payload, expected);

    // The reducer reads it as it is: an open alarm, with no device.
    DispatchState state;
    const Result<DispatchState::Changes> applied = state.apply(e);
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
    QCOMPARE(applied->alarms.size(), 1);
    const Alarm *alarm = state.alarm(*applied->alarms.cbegin());
    QVERIFY(alarm);
    QVERIFY(alarm->isOpen());
    QCOMPARE(alarm->state(), Alarm::State::New);
    QCOMPARE(alarm->deviceId(), QString());
    QCOMPARE(alarm->kind(), AlarmKind::Fall);
    QCOMPARE(alarm->severity(), Severity::Major);
    QCOMPARE(alarm->position, QGeoCoordinate(45.76012, 4.83569));
    QCOMPARE(alarm->address, QStringLiteral("12 rue des Lilas, Lyon"));
    QCOMPARE(alarm->details, QStringLiteral("Her neighbour fell on the stairs."));
    QCOMPARE(alarm->notes, QStringList{QStringLiteral("Caller: Mme Roux, 06 12 34 56 78")});
    QCOMPARE(alarm->raisedAt(), at);

    // Address only, nobody named: accepted too, with no note.
    type("latitudeEdit", QString());
    type("longitudeEdit", QString());
    type("callerEdit", QString());
    field<QPlainTextEdit>("noteEdit")->clear();
    QVERIFY(ok()->isEnabled());
    const Result<DispatchState::Changes> second = state.apply(entry(claire, at));
    QVERIFY2(second.ok(), qPrintable(second.errorString()));
    const Alarm *other = state.alarm(*second->alarms.cbegin());
    QVERIFY(other && other != alarm);
    QVERIFY(!other->position.isValid());
    QCOMPARE(other->address, QStringLiteral("12 rue des Lilas, Lyon"));
    QVERIFY(other->notes.isEmpty());
    QCOMPARE(state.alarms().size(), 2);
}

void TestManualAlarmDialog::okAcceptsOnlyWhenEnabled()
{
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QTest::keyClick(edit("addressEdit"), Qt::Key_Return);
    QCOMPARE(accepted.size(), 0);
    QVERIFY(m_dialog->isVisible());
    type("addressEdit", QStringLiteral("12 rue des Lilas, Lyon"));
    QTest::keyClick(edit("addressEdit"), Qt::Key_Return);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
}

void TestManualAlarmDialog::checkNoLabelCutOff(const char *what)
{
    m_dialog->resize(m_dialog->sizeHint());
    m_dialog->layout()->activate();
    const QImage image = m_dialog->grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.deviceIndependentSize().toSize(), m_dialog->size());
    if (const QByteArray dir = qgetenv("RELAIS_GRAB_DIR"); !dir.isEmpty())
        QVERIFY(image.save(QStringLiteral("%1/manualalarm-%2.png").arg(QString::fromLocal8Bit(dir), what)));

    int checked = 0;
    for (const QLabel *label : m_dialog->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        ++checked;
        const QRect in(label->mapTo(m_dialog.get(), QPoint(0, 0)), label->size());
        QVERIFY2(m_dialog->rect().contains(in), qPrintable(label->text()));
        if (label->wordWrap())
            QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
        else
            QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
    }
    QVERIFY(checked >= 9); // 7 field labels, the hint, the status or an error
    QVERIFY(ok()->width() >= ok()->sizeHint().width());
}

void TestManualAlarmDialog::noLabelCutOffAtSizeHint()
{
    checkNoLabelCutOff("empty");
    // With messages under the coordinates.
    type("latitudeEdit", QStringLiteral("91"));
    type("longitudeEdit", QString());
    QVERIFY(messageShown(QStringLiteral("between -90 and 90")));
    checkNoLabelCutOff("errors");
}

QTEST_MAIN(TestManualAlarmDialog)
#include "tst_manualalarmdialog.moc"
