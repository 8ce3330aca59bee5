#pragma once

#include "device.h"
#include "deviceform.h"
#include "formdialog.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace relais {

class DispatchState;

// Registers a device or edits one: id (fixed once registered), kind (a common one or any
// other), label, the beneficiary's pseudonymous reference, address, position (both
// coordinates or neither) and the expected report interval. Problems are written under the
// field concerned as soon as it has been typed in; OK stays disabled until the device is
// valid (and, when editing, until something changed). The dialog only gives the values typed
// (DeviceForm): RegistryCommands makes the entry, the caller submits it.
class DeviceDialog final : public FormDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceDialog)

public:
    // Registering a new device; state (not owned, may be nullptr) tells ids already taken.
    explicit DeviceDialog(const DispatchState *state, QWidget *parent = nullptr);

    // Editing this device instead: its id becomes read-only and the fields show its values.
    void setDevice(const Device &device);
    bool isEditing() const { return m_editing; }

    QString deviceId() const;
    // Every field is valid (OK is enabled when, in addition, an edit changed something).
    bool isValid() const { return m_valid; }

    // The values typed: id, kind key, label, beneficiary, address (trimmed), the position when
    // both coordinates are given, the interval in seconds.
    DeviceForm form() const;

signals:
    void validityChanged(bool valid);

private:
    enum Field { IdField, KindField, LatitudeField, LongitudeField, FieldCount };

    // A row: the label (its mnemonic moves the focus to buddy), then field, or buddy itself.
    void touch(Field field);
    void validate();
    qint64 intervalSeconds() const;
    QString kindKey() const;

    const DispatchState *m_state;
    bool m_editing = false;
    bool m_valid = false;
    bool m_touched[FieldCount] = {};
    DeviceForm m_original;

    QLineEdit *m_id = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_label = nullptr;
    QLineEdit *m_beneficiary = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_latitude = nullptr;
    QLineEdit *m_longitude = nullptr;
    QSpinBox *m_interval = nullptr;
    QComboBox *m_intervalUnit = nullptr;
    QLabel *m_errors[FieldCount] = {};
};

} // namespace relais
