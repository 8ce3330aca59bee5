// The device registry end to end: MainWindow's dialogs submit through a real StoreActionSink
// on a real Store in a temporary folder; the table follows LiveState fed by Store::committed,
// wired as app/main.cpp does. Dialogs are opened without blocking and driven like a user would.

#include "devicedialog.h"
#include "devicepanel.h"
#include "devicetablemodel.h"
#include "journalbuilder.h"
#include "mainwindow.h"
#include "store.h"
#include "storeactionsink.h"
#include "tableview.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

namespace {

const QByteArray kHeader = "device_id,kind,label,beneficiary_ref,address,latitude,longitude,report_interval_s\n";

QPushButton *buttonNamed(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *b : box->buttons()) {
        if (b->text().remove(QLatin1Char('&')) == text)
            return qobject_cast<QPushButton *>(b);
    }
    return nullptr;
}

} // namespace

class TestDeviceRegistry final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void addsADeviceThroughTheDialog();
    void editsAndRemovesADevice();
    void showsTheReducersRefusal();
    void importsNothingFromAFileWithABadLine();
    void importsEveryDeviceOfAGoodFile();
    void importsNothingWhenTheStoreRefusesOneDevice();
    void isReadOnlyWithoutASink();

private:
    QString writeFile(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    DeviceDialog *fillNewDevice(const QString &id)
    {
        DeviceDialog *dialog = m_window->devicePanel()->addDevice();
        if (!dialog)
            return nullptr;
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("idEdit")), id);
        QTest::keyClicks(dialog->findChild<QComboBox *>(QStringLiteral("kindCombo"))->lineEdit(),
                         QStringLiteral("Smoke detector"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("labelEdit")), QStringLiteral("Cuisine"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("beneficiaryEdit")), QStringLiteral("B-1024"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("addressEdit")),
                         QStringLiteral("12 rue des Lilas, Lyon"));
        return dialog;
    }
    static QPushButton *okOf(QDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    int tableRows() const { return m_window->devicePanel()->table()->model()->rowCount(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<LiveState> m_state;
    std::unique_ptr<StoreActionSink> m_sink;
    std::unique_ptr<MainWindow> m_window;
};

void TestDeviceRegistry::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<Store>();
    QVERIFY2(m_store->open(m_dir->path()), qPrintable(m_store->errorString()));
    m_state = std::make_unique<LiveState>();
    m_state->reset(m_store->snapshot());
    connect(m_store.get(), &Store::committed, m_state.get(), &LiveState::applyCommitted);
    m_sink = std::make_unique<StoreActionSink>(m_store.get());

    m_window = std::make_unique<MainWindow>(m_state.get(), m_dir->path());
    m_window->setActionSink(m_sink.get());
    m_window->setOperatorName(QStringLiteral("Claire"));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDeviceRegistry::cleanup()
{
    m_window.reset();
    m_sink.reset();
    m_store.reset();
    m_state.reset();
    m_dir.reset();
}

void TestDeviceRegistry::addsADeviceThroughTheDialog()
{
    QCOMPARE(m_window->operatorName(), QStringLiteral("Claire"));
    QCOMPARE(m_window->actionSink(), m_sink.get());
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("addDeviceAction"))->isEnabled());
    QCOMPARE(tableRows(), 0);
    QSignalSpy committed(m_store.get(), &Store::committed);

    // Through the menu's action, as the operator would.
    m_window->findChild<QAction *>(QStringLiteral("addDeviceAction"))->trigger();
    auto *dialog = m_window->findChild<DeviceDialog *>(QStringLiteral("deviceDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(dialog->isModal() || dialog->windowModality() != Qt::NonModal);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("idEdit")), QStringLiteral("d-301"));
    QTest::keyClicks(dialog->findChild<QComboBox *>(QStringLiteral("kindCombo"))->lineEdit(),
                     QStringLiteral("Panic button"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("labelEdit")), QStringLiteral("Pendentif"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("beneficiaryEdit")), QStringLiteral("B-1024"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("latitudeEdit")), QStringLiteral("45.76"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("longitudeEdit")), QStringLiteral("4.83"));
    QVERIFY(okOf(dialog)->isEnabled());
    QTest::mouseClick(okOf(dialog), Qt::LeftButton);

    // The row comes from the store's commit, through LiveState.
    QTRY_COMPARE(tableRows(), 1);
    QCOMPARE(m_window->deviceModel()->rowOf(QStringLiteral("d-301")), 0);
    const QAbstractItemModel *table = m_window->devicePanel()->table()->model();
    QCOMPARE(table->index(0, DeviceTableModel::IdColumn).data().toString(), QStringLiteral("d-301"));
    QCOMPARE(table->index(0, DeviceTableModel::KindColumn).data().toString(), QStringLiteral("Panic button"));
    QCOMPARE(table->index(0, DeviceTableModel::BeneficiaryColumn).data().toString(), QStringLiteral("B-1024"));
    QCOMPARE(committed.size(), 1);
    const JournalEntry e = committed.constFirst().constFirst().value<QList<JournalEntry>>().constFirst();
    QCOMPARE(e.kind, QString(EntryKind::DeviceRegistered));
    QCOMPARE(e.source, QStringLiteral("ui"));
    QCOMPARE(e.actor, Actor::operatorNamed(QStringLiteral("Claire")));
    QVERIFY(e.seq > 0);
    QCOMPARE(e.payload.value(QLatin1String("lat")).toDouble(), 45.76);
    QTRY_COMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Device d-301 registered."));
    QTRY_VERIFY(!m_window->findChild<DeviceDialog *>());

    // The store kept it: a new snapshot has it.
    QVERIFY(m_store->rebuildFromJournal());
    QVERIFY(m_store->snapshot().device(QStringLiteral("d-301")));
}

void TestDeviceRegistry::editsAndRemovesADevice()
{
    DeviceDialog *dialog = fillNewDevice(QStringLiteral("d-302"));
    QVERIFY(dialog);
    QTest::mouseClick(okOf(dialog), Qt::LeftButton);
    QTRY_COMPARE(tableRows(), 1);

    // Edit: select the row, then the action.
    DevicePanel *panel = m_window->devicePanel();
    panel->table()->selectRow(0);
    QCOMPARE(panel->currentDeviceId(), QStringLiteral("d-302"));
    QVERIFY(panel->editDeviceAction()->isEnabled());
    panel->editDeviceAction()->trigger();
    QTRY_VERIFY(m_window->findChild<DeviceDialog *>());
    dialog = m_window->findChild<DeviceDialog *>();
    QVERIFY(dialog->isEditing());
    QVERIFY(!okOf(dialog)->isEnabled());
    auto *label = dialog->findChild<QLineEdit *>(QStringLiteral("labelEdit"));
    label->selectAll();
    QTest::keyClicks(label, QStringLiteral("Salon"));
    QTest::mouseClick(okOf(dialog), Qt::LeftButton);
    QTRY_COMPARE(m_state->state().device(QStringLiteral("d-302"))->label, QStringLiteral("Salon"));
    QCOMPARE(panel->model()->indexOf(QStringLiteral("d-302"), DeviceTableModel::LabelColumn).data().toString(),
             QStringLiteral("Salon"));
    QTRY_COMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Device d-302 saved."));

    // Remove: the confirmation names the device; Cancel keeps it.
    QMessageBox *box = panel->removeDevice(QStringLiteral("d-302"));
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("d-302")));
    QVERIFY(box->text().contains(QStringLiteral("Salon")));
    QVERIFY(box->text().contains(QStringLiteral("B-1024")));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(100);
    QCOMPARE(tableRows(), 1);

    panel->table()->selectRow(0);
    panel->removeDeviceAction()->trigger();
    box = m_window->findChild<QMessageBox *>(QStringLiteral("removeDeviceBox"));
    QVERIFY(box);
    QPushButton *remove = buttonNamed(box, QStringLiteral("Remove"));
    QVERIFY(remove);
    remove->click();
    QTRY_COMPARE(tableRows(), 0);
    QVERIFY(!m_state->state().device(QStringLiteral("d-302")));
    QTRY_COMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Device d-302 removed."));
    // Nothing selected any more: nothing to edit or remove.
    QVERIFY(!panel->editDeviceAction()->isEnabled());
    QVERIFY(!panel->removeDeviceAction()->isEnabled());
}

void TestDeviceRegistry::showsTheReducersRefusal()
{
    DeviceDialog *dialog = fillNewDevice(QStringLiteral("d-303"));
    QTest::mouseClick(okOf(dialog), Qt::LeftButton);
    QTRY_COMPARE(tableRows(), 1);

    // The dialog is open on a device that someone else removes meanwhile.
    dialog = m_window->devicePanel()->editDevice(QStringLiteral("d-303"));
    QVERIFY(dialog);
    auto *label = dialog->findChild<QLineEdit *>(QStringLiteral("labelEdit"));
    label->selectAll();
    QTest::keyClicks(label, QStringLiteral("Garage"));
    JournalBuilder j(QDateTime::currentDateTimeUtc());
    bool removed = false;
    m_sink->submit({j.entry(EntryKind::DeviceRemoved, {{QStringLiteral("device"), QStringLiteral("d-303")}})},
                   ActionSink::Mode::EachOnItsOwn, [&removed](const QList<Status> &r) { removed = r.value(0).ok(); });
    QTRY_VERIFY(removed);
    QTRY_COMPARE(tableRows(), 0);

    QTest::mouseClick(okOf(dialog), Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("deviceErrorBox")));
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("deviceErrorBox"));
    QVERIFY(box->text().contains(QStringLiteral("d-303")));
    // The reducer's own words.
    QVERIFY2(box->informativeText().contains(QStringLiteral("Unknown device d-303")),
             qPrintable(box->informativeText()));
    QCOMPARE(tableRows(), 0);
    box->close();
}

void TestDeviceRegistry::importsNothingFromAFileWithABadLine()
{
    const QString path = writeFile(QStringLiteral("bad.csv"), kHeader
                                                                  + "d-401,smoke,Cuisine,B-1,1 rue A,45.76,4.83,3600\n"
                                                                    "d-402,door,Porte,B-2,2 rue B,95,4.83,3600\n"
                                                                    "d-403,gas,Chaudière,B-3,3 rue C,45.77,4.84,0\n"
                                                                    "d-404,smoke,Salon,B-4,4 rue D,45.78,4.85,3600\n");
    QSignalSpy committed(m_store.get(), &Store::committed);
    QDialog *dialog = m_window->devicePanel()->importDevicesFrom(path);
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), QStringLiteral("importErrorsDialog"));
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QString errors = dialog->findChild<QPlainTextEdit *>(QStringLiteral("importErrorList"))->toPlainText();
    // Every problem, with its line number (the header is line 1).
    QVERIFY2(errors.contains(QStringLiteral("Line 3:")), qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("latitude “95”")), qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("Line 4:")), qPrintable(errors));
    QCOMPARE(errors.count(QStringLiteral("Line ")), 2);
    bool saysNothing = false;
    for (const QLabel *l : dialog->findChildren<QLabel *>())
        saysNothing = saysNothing
                      || l->text()
                             == QStringLiteral(
                                 "Nothing was imported from bad.csv. Correct these problems, then import it again:");
    QVERIFY(saysNothing);

    // Nothing reached the store.
    QTest::qWait(200);
    QCOMPARE(committed.size(), 0);
    QCOMPARE(tableRows(), 0);
    QCOMPARE(m_sink->pending(), 0);
    dialog->close();

    // A file that cannot be read says so too.
    dialog = m_window->devicePanel()->importDevicesFrom(m_dir->filePath(QStringLiteral("missing.csv")));
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), QStringLiteral("importErrorsDialog"));
    dialog->close();
}

void TestDeviceRegistry::importsEveryDeviceOfAGoodFile()
{
    // One device already there: the file must not name it.
    DeviceDialog *dialog = fillNewDevice(QStringLiteral("d-400"));
    QTest::mouseClick(okOf(dialog), Qt::LeftButton);
    QTRY_COMPARE(tableRows(), 1);

    // Semicolons and decimal commas, as a French spreadsheet writes them.
    const QString path = writeFile(QStringLiteral("good.csv"),
                                   "device_id;kind;label;beneficiary_ref;address;latitude;longitude;report_interval_s\n"
                                   "d-401;smoke;Cuisine;B-1;1 rue A;45,76;4,83;3600\n"
                                   "d-402;door;Porte;B-2;2 rue B;45,77;4,84;21600\n"
                                   "d-403;gas;Chaudière;B-3;3 rue C;45,78;4,85;900\n");
    QSignalSpy committed(m_store.get(), &Store::committed);
    QDialog *confirm = m_window->devicePanel()->importDevicesFrom(path);
    QVERIFY(confirm);
    auto *box = qobject_cast<QMessageBox *>(confirm);
    QVERIFY(box);
    QCOMPARE(box->objectName(), QStringLiteral("importConfirmBox"));
    QCOMPARE(box->text(), QStringLiteral("Import good.csv? Devices to register: 3."));
    QVERIFY(box->informativeText().contains(QStringLiteral("d-401, d-402, d-403")));

    // Cancel: nothing.
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(100);
    QCOMPARE(tableRows(), 1);
    QCOMPARE(committed.size(), 0);

    box = qobject_cast<QMessageBox *>(m_window->devicePanel()->importDevicesFrom(path));
    QVERIFY(box);
    buttonNamed(box, QStringLiteral("Import"))->click();
    QTRY_COMPARE(tableRows(), 4);
    QTRY_COMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Devices imported from good.csv: 3."));
    QCOMPARE(m_state->state().device(QStringLiteral("d-402"))->reportIntervalS, 21600);
    QCOMPARE(m_state->state().device(QStringLiteral("d-403"))->position.latitude(), 45.78);
    int entries = 0;
    for (const QList<QVariant> &signal : std::as_const(committed)) {
        for (const JournalEntry &e : signal.constFirst().value<QList<JournalEntry>>()) {
            ++entries;
            QCOMPARE(e.actor, Actor::operatorNamed(QStringLiteral("Claire")));
        }
    }
    QCOMPARE(entries, 3);

    // The same file again: every line is now a device already registered.
    QDialog *again = m_window->devicePanel()->importDevicesFrom(path);
    QCOMPARE(again->objectName(), QStringLiteral("importErrorsDialog"));
    const QString errors = again->findChild<QPlainTextEdit *>()->toPlainText();
    QCOMPARE(errors.count(QStringLiteral("already registered")), 3);
    again->close();
}

void TestDeviceRegistry::importsNothingWhenTheStoreRefusesOneDevice()
{
    const QString path =
        writeFile(QStringLiteral("late.csv"), kHeader
                                                  + "d-501,smoke,Cuisine,B-1,1 rue A,45.76,4.83,3600\n"
                                                    "d-502,door,Porte,B-2,2 rue B,45.77,4.84,3600\n"
                                                    "d-503,gas,Chaudière,B-3,3 rue C,45.78,4.85,900\n");
    auto *box = qobject_cast<QMessageBox *>(m_window->devicePanel()->importDevicesFrom(path));
    QVERIFY(box);
    QCOMPARE(box->objectName(), QStringLiteral("importConfirmBox"));

    // While the operator reads the confirmation, d-502 is registered from elsewhere.
    DeviceDialog *dialog = fillNewDevice(QStringLiteral("d-502"));
    QTest::mouseClick(okOf(dialog), Qt::LeftButton);
    QTRY_COMPARE(tableRows(), 1);

    // The file was valid when read; the store refuses one entry, so it stores none (all or nothing).
    buttonNamed(box, QStringLiteral("Import"))->click();
    QTRY_VERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("deviceErrorBox")));
    auto *error = m_window->findChild<QMessageBox *>(QStringLiteral("deviceErrorBox"));
    QCOMPARE(error->text(), QStringLiteral("Nothing was imported from late.csv."));
    QVERIFY2(error->informativeText().contains(QStringLiteral("d-502")), qPrintable(error->informativeText()));
    QCOMPARE(tableRows(), 1);
    QVERIFY(!m_state->state().device(QStringLiteral("d-501")));
    QVERIFY(!m_state->state().device(QStringLiteral("d-503")));
    QVERIFY(m_store->rebuildFromJournal());
    QCOMPARE(m_store->snapshot().devices().size(), 1);
    error->close();
}

void TestDeviceRegistry::isReadOnlyWithoutASink()
{
    m_window->setActionSink(nullptr);
    DevicePanel *panel = m_window->devicePanel();
    for (const char *name : {"addDeviceAction", "editDeviceAction", "removeDeviceAction", "importDevicesAction"}) {
        auto *action = m_window->findChild<QAction *>(QLatin1StringView(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->isEnabled(), name);
    }
    QCOMPARE(panel->addDevice(), nullptr);
    QCOMPARE(panel->importDevicesFrom(writeFile(QStringLiteral("x.csv"), kHeader)), nullptr);

    m_window->setActionSink(m_sink.get());
    QVERIFY(panel->addDeviceAction()->isEnabled());
    QVERIFY(panel->importDevicesAction()->isEnabled());
    QVERIFY(!panel->editDeviceAction()->isEnabled()); // no row selected
}

QTEST_MAIN(TestDeviceRegistry)
#include "tst_deviceregistry.moc"
