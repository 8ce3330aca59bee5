#pragma once

#include "actionsink.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QDialog;
class QLineEdit;
class QMessageBox;
class QToolBar;

namespace relais {

class DeviceDialog;
class DeviceTableModel;
class LiveState;
class TableProxyModel;
class TableView;

// The device registry: the registered devices (sortable, filtered by any text shown) and the
// actions that change them: register, edit, remove, import a CSV file. Every change is a
// journal entry by the operator, submitted through the ActionSink; the table follows
// LiveState once the store committed it, never by itself. Without an ActionSink the
// registry is read-only and its actions are disabled.
//
// Dialogs open without blocking (QDialog::open), so that the flows can be driven in tests:
// addDevice(), editDevice(), removeDevice() and importDevicesFrom() return the dialog they
// opened; accepting it submits.
class DevicePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DevicePanel)

public:
    explicit DevicePanel(LiveState *state, QWidget *parent = nullptr);
    ~DevicePanel() override;

    DeviceTableModel *model() const { return m_model; }
    TableProxyModel *proxy() const { return m_proxy; }
    TableView *table() const { return m_table; }

    // Where the registry's entries go (not owned; must outlive this panel, or be reset to
    // nullptr first). nullptr: read-only.
    void setActionSink(ActionSink *sink);
    ActionSink *actionSink() const { return m_sink; }

    // The operator recorded as the actor of the registry's entries.
    void setOperatorName(const QString &name);
    QString operatorName() const { return m_operatorName; }

    QAction *addDeviceAction() const { return m_addAction; }
    QAction *editDeviceAction() const { return m_editAction; }
    QAction *removeDeviceAction() const { return m_removeAction; }
    QAction *importDevicesAction() const { return m_importAction; }

    // The device of the selected row (empty if none).
    QString currentDeviceId() const;

public slots:
    // Opens the registration dialog; on OK its device.registered entry is submitted.
    DeviceDialog *addDevice();
    // Opens the dialog on this device (nullptr if unknown); on OK, device.updated is submitted.
    DeviceDialog *editDevice(const QString &id);
    // Asks for confirmation naming the device (nullptr if unknown); on yes, device.removed.
    QMessageBox *removeDevice(const QString &id);
    // Asks for a CSV file, then importDevicesFrom() it.
    void importDevices();
    // Reads the file through DeviceImport: a dialog listing every problem (nothing imported),
    // or one asking to confirm the import of all the devices, all or nothing.
    QDialog *importDevicesFrom(const QString &path);
    // Submits the entry of an accepted DeviceDialog (what OK does).
    void submitDialog(const relais::DeviceDialog &dialog);

signals:
    // A change went through ("Device d-301 registered."): for the status bar.
    void message(const QString &text);

private:
    using Done = std::function<void(const QList<Status> &results)>;

    void createActions();
    void updateActions();
    void submit(const Result<QList<JournalEntry>> &entries, ActionSink::Mode mode, Done done);
    void showFailure(const QString &title, const QString &text, const QList<Status> &results);
    DeviceDialog *openDialog(DeviceDialog *dialog);
    QString describe(const QString &id) const;

    LiveState *m_state;
    ActionSink *m_sink = nullptr;
    QString m_operatorName;

    DeviceTableModel *m_model = nullptr;
    TableProxyModel *m_proxy = nullptr;
    TableView *m_table = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_filter = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_importAction = nullptr;
};

} // namespace relais
