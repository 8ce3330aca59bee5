#pragma once

#include "device.h"
#include "formdialog.h"
#include "journalentry.h"

#include <QJsonObject>

#include <optional>

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
// valid (and, when editing, until something changed). The dialog only builds the journal
// entry: submitting it is the caller's business.
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

    // device, kind, label, beneficiary, address, interval_s, and lat and lon when a position
    // is given: the payload of device.registered and device.updated.
    QJsonObject payload() const;
    // device.registered (new device) or device.updated, from source "ui".
    JournalEntry entry(const QDateTime &at, const Actor &by) const;

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
    QJsonObject m_original;

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
