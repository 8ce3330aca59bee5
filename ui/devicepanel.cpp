#include "devicepanel.h"

#include "devicedialog.h"
#include "deviceimport.h"
#include "devicekinds.h"
#include "devicetablemodel.h"
#include "displayformat.h"
#include "itemroles.h"
#include "livestate.h"
#include "registrycommands.h"
#include "settings.h"
#include "tableproxymodel.h"
#include "tablesetup.h"
#include "tableview.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolBar>
#include <QVBoxLayout>

namespace relais {

namespace {

// A coordinator's file of a few thousand devices is well under this.
constexpr qint64 kMaxImportBytes = 16 * 1024 * 1024;
constexpr int kMaxErrorsShown = 10;

QString defaultOperatorName()
{
    const QString user = qEnvironmentVariable("USER").trimmed();
    return user.isEmpty() ? QStringLiteral("operator") : user;
}

// The distinct reasons of a refusal, in order (all-or-nothing: every entry reports one).
QStringList reasons(const QList<Status> &results)
{
    QStringList out;
    for (const Status &s : results) {
        if (!s.ok() && !s.errorString().isEmpty() && !out.contains(s.errorString()))
            out.append(s.errorString());
    }
    return out;
}

bool allOk(const QList<Status> &results)
{
    return !results.isEmpty() && std::all_of(results.cbegin(), results.cend(), [](const Status &s) { return s.ok(); });
}

} // namespace

DevicePanel::DevicePanel(LiveState *state, QWidget *parent)
    : QWidget(parent), m_state(state), m_operatorName(defaultOperatorName())
{
    setObjectName(QStringLiteral("devicePanel"));

    m_model = new DeviceTableModel(state, this);
    m_proxy = new TableProxyModel(this);
    m_proxy->setObjectName(QStringLiteral("deviceProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_table = new TableView(this);
    m_table->setObjectName(QStringLiteral("deviceTable"));
    m_table->setPlaceholderText(tr("No devices registered"));
    TableSetup::setup(m_table, m_proxy);
    m_table->sortByColumn(DeviceTableModel::IdColumn, Qt::AscendingOrder);
    QStringList kinds;
    for (const QString &key : DeviceKinds::common())
        kinds.append(DeviceKinds::label(key));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    TableSetup::fitColumn(m_table, DeviceTableModel::IdColumn, {QStringLiteral("DEV-00000")});
    TableSetup::fitColumn(m_table, DeviceTableModel::KindColumn, kinds);
    TableSetup::fitColumn(m_table, DeviceTableModel::LabelColumn, {QStringLiteral("Kitchen smoke detector")});
    TableSetup::fitColumn(m_table, DeviceTableModel::BeneficiaryColumn, {QStringLiteral("B-00000")});
    TableSetup::fitColumn(m_table, DeviceTableModel::AddressColumn, {QStringLiteral("12 rue des Lilas, Lyon")});
    TableSetup::fitColumn(m_table, DeviceTableModel::IntervalColumn, {DisplayFormat::interval(9999)});
    TableSetup::fitColumn(m_table, DeviceTableModel::LastSeenColumn,
                          {DisplayFormat::moment(now.addDays(-40), now), tr("Never", "device never heard from")});
    TableSetup::fitColumn(m_table, DeviceTableModel::BatteryColumn, {tr("%1 %", "battery level").arg(100)});
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    createActions();

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("deviceFilter"));
    m_filter->setPlaceholderText(tr("Filter devices"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Shows the devices whose id, kind, label, beneficiary or address contains this text"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("deviceToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(m_addAction);
    m_toolBar->addAction(m_editAction);
    m_toolBar->addAction(m_removeAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_importAction);
    // Every button in view, even in French in the narrow right-hand column: the filter gives way.
    m_toolBar->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_filter->setMinimumWidth(fontMetrics().averageCharWidth() * 12);
    m_filter->setMaximumWidth(fontMetrics().averageCharWidth() * 40);
    m_filter->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 4, 0);
    top->addWidget(m_toolBar);
    top->addStretch(0);
    top->addWidget(m_filter, 1);
    layout->addLayout(top);
    layout->addWidget(m_table);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DevicePanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DevicePanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &DevicePanel::updateActions);
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_sink && index.isValid())
            editDevice(index.data(ItemRoles::IdRole).toString());
    });
    updateActions();
}

DevicePanel::~DevicePanel() = default;

void DevicePanel::setActionSink(ActionSink *sink)
{
    m_sink = sink;
    updateActions();
}

void DevicePanel::setOperatorName(const QString &name)
{
    m_operatorName = name.trimmed().isEmpty() ? defaultOperatorName() : name.trimmed();
}

QString DevicePanel::currentDeviceId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.constFirst().data(ItemRoles::IdRole).toString();
}

void DevicePanel::createActions()
{
    m_addAction = new QAction(tr("&Add…", "device"), this);
    m_addAction->setObjectName(QStringLiteral("addDeviceAction"));
    m_addAction->setToolTip(tr("Register a new device"));
    connect(m_addAction, &QAction::triggered, this, [this] { addDevice(); });

    m_editAction = new QAction(tr("&Edit…", "device"), this);
    m_editAction->setObjectName(QStringLiteral("editDeviceAction"));
    m_editAction->setToolTip(tr("Edit the selected device"));
    connect(m_editAction, &QAction::triggered, this, [this] { editDevice(currentDeviceId()); });

    m_removeAction = new QAction(tr("&Remove…", "device"), this);
    m_removeAction->setObjectName(QStringLiteral("removeDeviceAction"));
    m_removeAction->setToolTip(tr("Remove the selected device from the registry"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_removeAction, &QAction::triggered, this, [this] { removeDevice(currentDeviceId()); });

    m_importAction = new QAction(tr("&Import CSV…"), this);
    m_importAction->setObjectName(QStringLiteral("importDevicesAction"));
    m_importAction->setToolTip(
        tr("Register devices from a CSV file (columns: %1)").arg(DeviceImport::columns().join(QLatin1String(", "))));
    connect(m_importAction, &QAction::triggered, this, &DevicePanel::importDevices);

    // Delete works in the table; the context menu offers the row's actions.
    m_table->addAction(m_editAction);
    m_table->addAction(m_removeAction);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_table->addAction(separator);
    m_table->addAction(m_addAction);
}

void DevicePanel::updateActions()
{
    const bool writable = m_sink != nullptr;
    const bool selected = !currentDeviceId().isEmpty();
    m_addAction->setEnabled(writable);
    m_importAction->setEnabled(writable);
    m_editAction->setEnabled(writable && selected);
    m_removeAction->setEnabled(writable && selected);
    const QString readOnly = writable ? QString() : tr("The registry is read-only: no journal to write to.");
    for (QAction *a : {m_addAction, m_editAction, m_removeAction, m_importAction})
        a->setStatusTip(readOnly);
}

DeviceDialog *DevicePanel::openDialog(DeviceDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { submitDialog(*dialog); });
    dialog->open();
    return dialog;
}

DeviceDialog *DevicePanel::addDevice()
{
    if (!m_sink)
        return nullptr;
    return openDialog(new DeviceDialog(&m_state->state(), this));
}

DeviceDialog *DevicePanel::editDevice(const QString &id)
{
    const Device *device = m_state->state().device(id);
    if (!m_sink || !device)
        return nullptr;
    auto *dialog = new DeviceDialog(&m_state->state(), this);
    dialog->setDevice(*device);
    return openDialog(dialog);
}

void DevicePanel::submitDialog(const DeviceDialog &dialog)
{
    if (!dialog.isValid())
        return;
    const QString id = dialog.deviceId();
    const bool editing = dialog.isEditing();
    const DeviceForm form = dialog.form();
    const Actor by = Actor::operatorNamed(m_operatorName);
    const QDateTime at = QDateTime::currentDateTimeUtc();
    submit(editing ? RegistryCommands::updateDevice(form, by, at) : RegistryCommands::registerDevice(form, by, at),
           ActionSink::Mode::EachOnItsOwn, [this, id, editing](const QList<Status> &results) {
               if (allOk(results)) {
                   emit message(editing ? tr("Device %1 saved.").arg(id) : tr("Device %1 registered.").arg(id));
                   return;
               }
               if (editing)
                   showFailure(tr("Device Not Saved"), tr("The changes to device %1 were not saved.").arg(id), results);
               else
                   showFailure(tr("Device Not Registered"), tr("Device %1 was not registered.").arg(id), results);
           });
}

QString DevicePanel::describe(const QString &id) const
{
    const Device *d = m_state->state().device(id);
    if (!d)
        return id;
    QStringList parts;
    if (!d->label.isEmpty())
        parts.append(tr("“%1”", "a device's label, quoted").arg(d->label));
    parts.append(DeviceKinds::label(d->kind));
    if (!d->beneficiaryRef.isEmpty())
        parts.append(tr("beneficiary %1").arg(d->beneficiaryRef));
    if (!d->address.isEmpty())
        parts.append(d->address);
    return tr("%1 (%2)", "device id (its details)").arg(id, parts.join(QLatin1String(", ")));
}

QMessageBox *DevicePanel::removeDevice(const QString &id)
{
    if (!m_sink || !m_state->state().device(id))
        return nullptr;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Device"), tr("Remove device %1?").arg(describe(id)),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeDeviceBox"));
    box->setInformativeText(
        tr("It will no longer be supervised and its messages will no longer be tied to a beneficiary. "
           "Its history stays in the journal."));
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, id] {
        if (box->clickedButton() != remove)
            return;
        submit(
            RegistryCommands::removeDevice(id, Actor::operatorNamed(m_operatorName), QDateTime::currentDateTimeUtc()),
            ActionSink::Mode::EachOnItsOwn, [this, id](const QList<Status> &results) {
                if (allOk(results))
                    emit message(tr("Device %1 removed.").arg(id));
                else
                    showFailure(tr("Device Not Removed"), tr("Device %1 was not removed.").arg(id), results);
            });
    });
    box->open();
    return box;
}

void DevicePanel::importDevices()
{
    if (!m_sink)
        return;
    QString dir = QDir::homePath();
    const bool remember = !QCoreApplication::organizationName().isEmpty();
    if (remember)
        if (const QString last = Settings().importDir(); !last.isEmpty())
            dir = last;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import Devices"), dir, tr("CSV files (*.csv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    if (remember)
        Settings().setImportDir(QFileInfo(path).absolutePath());
    importDevicesFrom(path);
}

QDialog *DevicePanel::importDevicesFrom(const QString &path)
{
    if (!m_sink)
        return nullptr;
    const QString name = QFileInfo(path).fileName();
    DeviceImport::Report report;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        report.errors.append(tr("Cannot read the file: %1").arg(file.errorString()));
    else if (file.size() > kMaxImportBytes)
        report.errors.append(tr("The file is too large (more than %1 MB).").arg(kMaxImportBytes / (1024 * 1024)));
    else
        report = DeviceImport::fromCsv(file.readAll(), m_state->state(), QDateTime::currentDateTimeUtc(),
                                       Actor::operatorNamed(m_operatorName));

    if (!report.ok()) {
        auto *dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("importErrorsDialog"));
        dialog->setWindowTitle(tr("Import Devices"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        auto *summary = new QLabel(
            tr("Nothing was imported from %1. Correct these problems, then import it again:").arg(name), dialog);
        summary->setWordWrap(true);
        auto *list = new QPlainTextEdit(report.errors.join(QLatin1Char('\n')), dialog);
        list->setObjectName(QStringLiteral("importErrorList"));
        list->setReadOnly(true);
        list->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        auto *help = new QLabel(
            tr("Expected columns (header line): %1.").arg(DeviceImport::columns().join(QLatin1String(", "))), dialog);
        help->setWordWrap(true);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(summary);
        layout->addWidget(list, 1);
        layout->addWidget(help);
        layout->addWidget(buttons);
        dialog->resize(fontMetrics().averageCharWidth() * 90, fontMetrics().height() * 20);
        dialog->open();
        return dialog;
    }

    QStringList ids;
    for (const DeviceForm &d : std::as_const(report.devices))
        ids.append(d.id);
    const qsizetype count = ids.size();
    QString sample = ids.mid(0, 5).join(QLatin1String(", "));
    if (count > 5)
        sample = tr("%1 and %2 more", "a list of device ids, then how many are not listed").arg(sample).arg(count - 5);

    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Import Devices"),
                        tr("Import %1? Devices to register: %2.").arg(name).arg(count), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("importConfirmBox"));
    box->setInformativeText(tr("%1.\nAll of them are registered, or none if one is refused.").arg(sample));
    QPushButton *import = box->addButton(tr("&Import"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(import);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QList<JournalEntry> entries = report.entries;
    connect(box, &QMessageBox::finished, this, [this, box, import, entries, name] {
        if (box->clickedButton() != import)
            return;
        const int n = int(entries.size());
        submit(entries, ActionSink::Mode::AllOrNothing, [this, n, name](const QList<Status> &results) {
            if (allOk(results))
                emit message(tr("Devices imported from %1: %2.").arg(name).arg(n));
            else
                showFailure(tr("Import Failed"), tr("Nothing was imported from %1.").arg(name), results);
        });
    });
    box->open();
    return box;
}

void DevicePanel::submit(const Result<QList<JournalEntry>> &entries, ActionSink::Mode mode, Done done)
{
    if (!m_sink)
        return;
    if (!entries) {
        // Refused before the journal: reported as the journal's refusals are.
        if (done)
            done({Status(entries.error())});
        return;
    }
    // The answer comes after the commit: this panel may be gone by then.
    m_sink->submit(entries.value(), mode,
                   [self = QPointer<DevicePanel>(this), done = std::move(done)](const QList<Status> &r) {
                       if (self && done)
                           done(r);
                   });
}

void DevicePanel::showFailure(const QString &title, const QString &text, const QList<Status> &results)
{
    QStringList why = reasons(results);
    if (why.size() > kMaxErrorsShown) {
        const qsizetype more = why.size() - kMaxErrorsShown;
        why = why.mid(0, kMaxErrorsShown);
        why.append(tr("… and %1 more.", "problems").arg(more));
    }
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("deviceErrorBox"));
    box->setInformativeText(why.isEmpty() ? tr("The journal gave no reason.") : why.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace relais
