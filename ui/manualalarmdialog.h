#pragma once

#include "alarmkind.h"
#include "formdialog.h"
#include "manualalarm.h"

#include <QGeoCoordinate>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace relais {

// Creates an alarm nobody's device raised: someone phoned. Kind (the supervision kinds, low
// battery and silent device, are not offered), severity (the kind's usual one until the
// operator picks another), address, position (both coordinates or neither, typed with the
// locale's decimal separator or a point), who called, and a note. An address or a position
// is required. Problems are written under the field concerned once it has been typed in;
// "Create Alarm" stays disabled until the alarm is valid. The dialog only gives the values
// typed (ManualAlarm): DeskCommands makes the entry, the caller submits it.
class ManualAlarmDialog final : public FormDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManualAlarmDialog)

public:
    explicit ManualAlarmDialog(QWidget *parent = nullptr);

    // Fills latitude and longitude (the map's "create an alarm here"); an invalid
    // coordinate clears them.
    void setPosition(const QGeoCoordinate &where);

    // Every field is valid: "Create Alarm" is enabled.
    bool isValid() const { return m_valid; }

    AlarmKind kind() const;
    Severity severity() const;

    // The values typed: kind, severity, the position when both coordinates are given, address,
    // caller and note (trimmed).
    ManualAlarm alarm() const;

signals:
    void validityChanged(bool valid);

private:
    enum Field { LatitudeField, LongitudeField, NoteField, FieldCount };

    void touch(Field field);
    void followKind();
    void validate();

    bool m_valid = false;
    bool m_touched[FieldCount] = {};
    // The operator picked a severity: a change of kind no longer overrides it.
    bool m_severityChosen = false;

    QComboBox *m_kind = nullptr;
    QComboBox *m_severity = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_latitude = nullptr;
    QLineEdit *m_longitude = nullptr;
    QLineEdit *m_caller = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QLabel *m_errors[FieldCount] = {};
};

} // namespace relais
