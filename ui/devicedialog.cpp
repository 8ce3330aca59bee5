#include "devicedialog.h"

#include "devicekinds.h"
#include "dispatchstate.h"
#include "supervisor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

#include <algorithm>

namespace relais {

namespace {

// The protocol's limit for device ids (docs/protocol.md).
constexpr int kMaxIdLength = 64;
constexpr int kMaxTextLength = 200;

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

} // namespace

DeviceDialog::DeviceDialog(const DispatchState *state, QWidget *parent) : FormDialog(parent), m_state(state)
{
    setObjectName(QStringLiteral("deviceDialog"));
    setWindowTitle(tr("Register a Device"));

    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("idEdit"));
    m_id->setMaxLength(kMaxIdLength + 1); // one more, so that "too long" can be said
    m_id->setPlaceholderText(tr("As the gateway sends it, e.g. d-301"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->setEditable(true);
    m_kind->setInsertPolicy(QComboBox::NoInsert);
    for (const QString &key : DeviceKinds::common())
        m_kind->addItem(DeviceKinds::label(key), key);
    m_kind->setCurrentIndex(-1);
    m_kind->lineEdit()->setPlaceholderText(tr("Choose or type a kind"));
    m_kind->lineEdit()->setMaxLength(kMaxIdLength);

    m_label = new QLineEdit(this);
    m_label->setObjectName(QStringLiteral("labelEdit"));
    m_label->setMaxLength(kMaxTextLength);
    m_label->setPlaceholderText(tr("e.g. Kitchen smoke detector"));

    m_beneficiary = new QLineEdit(this);
    m_beneficiary->setObjectName(QStringLiteral("beneficiaryEdit"));
    m_beneficiary->setMaxLength(kMaxIdLength);
    m_beneficiary->setPlaceholderText(tr("e.g. B-1024"));

    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("addressEdit"));
    m_address->setMaxLength(kMaxTextLength);

    m_latitude = new QLineEdit(this);
    m_latitude->setObjectName(QStringLiteral("latitudeEdit"));
    m_latitude->setPlaceholderText(tr("e.g. 45.76012"));
    m_longitude = new QLineEdit(this);
    m_longitude->setObjectName(QStringLiteral("longitudeEdit"));
    m_longitude->setPlaceholderText(tr("e.g. 4.83569"));

    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("intervalSpin"));
    m_interval->setRange(1, 99999);
    m_interval->setValue(60);
    m_interval->setAccelerated(true);
    m_intervalUnit = new QComboBox(this);
    m_intervalUnit->setObjectName(QStringLiteral("intervalUnitCombo"));
    m_intervalUnit->addItem(tr("seconds"), 1);
    m_intervalUnit->addItem(tr("minutes"), 60);
    m_intervalUnit->addItem(tr("hours"), 3600);
    m_intervalUnit->setCurrentIndex(1);
    auto *interval = new QHBoxLayout;
    interval->setContentsMargins(0, 0, 0, 0);
    interval->addWidget(m_interval, 1);
    interval->addWidget(m_intervalUnit, 1);

    addField(tr("Device &id:"), m_id);
    m_errors[IdField] = addErrorRow();
    addField(tr("&Kind:"), m_kind);
    m_errors[KindField] = addErrorRow();
    addField(tr("&Label:"), m_label);
    addField(tr("&Beneficiary ref.:"), m_beneficiary);
    addHint(tr("A pseudonymous reference from the beneficiary file: never a name."));
    addField(tr("&Address:"), m_address);
    addField(tr("La&titude:"), m_latitude);
    m_errors[LatitudeField] = addErrorRow();
    addField(tr("L&ongitude:"), m_longitude);
    m_errors[LongitudeField] = addErrorRow();
    addHint(tr("Decimal degrees. Both coordinates, or neither."));
    addField(tr("&Report interval:"), m_interval, interval);
    addHint(tr("Silent for %1 times this interval, the device raises a maintenance alarm.")
                .arg(QLocale().toString(Supervisor::kSilenceFactor)));

    finishLayout(tr("&Register"));

    connect(m_id, &QLineEdit::textEdited, this, [this] { touch(IdField); });
    connect(m_kind, &QComboBox::editTextChanged, this, [this] { touch(KindField); });
    connect(m_latitude, &QLineEdit::textEdited, this, [this] { touch(LatitudeField); });
    connect(m_longitude, &QLineEdit::textEdited, this, [this] { touch(LongitudeField); });
    for (QLineEdit *edit : {m_label, m_beneficiary, m_address})
        connect(edit, &QLineEdit::textChanged, this, &DeviceDialog::validate);
    connect(m_interval, &QSpinBox::valueChanged, this, &DeviceDialog::validate);
    connect(m_intervalUnit, &QComboBox::currentIndexChanged, this, &DeviceDialog::validate);

    // Wide enough for a street address and for the longer French labels and hints.
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);
    validate();
}

void DeviceDialog::setDevice(const Device &device)
{
    m_editing = true;
    setWindowTitle(tr("Edit Device %1").arg(device.id));
    m_ok->setText(tr("&Save"));
    m_id->setText(device.id);
    m_id->setReadOnly(true);
    // Read-only reads as text, not as a field waiting to be typed in.
    QPalette idPalette = m_id->palette();
    idPalette.setColor(QPalette::Base, idPalette.color(QPalette::Window));
    m_id->setPalette(idPalette);
    m_id->setFocusPolicy(Qt::NoFocus);
    m_id->setToolTip(tr("A device keeps its id: to change it, remove the device and register it again."));
    const int kind = m_kind->findData(device.kind);
    m_kind->setCurrentIndex(kind);
    if (kind < 0)
        m_kind->setEditText(device.kind);
    m_label->setText(device.label);
    m_beneficiary->setText(device.beneficiaryRef);
    m_address->setText(device.address);
    if (device.position.isValid()) {
        m_latitude->setText(coordinateText(device.position.latitude()));
        m_longitude->setText(coordinateText(device.position.longitude()));
    } else {
        m_latitude->clear();
        m_longitude->clear();
    }
    const int seconds = std::max(1, device.reportIntervalS);
    int unit = 0;
    if (seconds % 3600 == 0)
        unit = 2;
    else if (seconds % 60 == 0)
        unit = 1;
    m_intervalUnit->setCurrentIndex(unit);
    m_interval->setValue(seconds / m_intervalUnit->itemData(unit).toInt());
    for (bool &t : m_touched)
        t = true;
    m_original = form();
    validate();
    m_kind->setFocus();
}

QString DeviceDialog::deviceId() const
{
    return m_id->text().trimmed();
}

DeviceForm DeviceDialog::form() const
{
    DeviceForm d{deviceId(),
                 kindKey(),
                 m_label->text().trimmed(),
                 m_beneficiary->text().trimmed(),
                 m_address->text().trimmed(),
                 {},
                 intervalSeconds()};
    const auto lat = parseCoordinate(m_latitude->text(), -90, 90);
    const auto lon = parseCoordinate(m_longitude->text(), -180, 180);
    if (lat && lon)
        d.position = QGeoCoordinate(*lat, *lon);
    return d;
}

void DeviceDialog::touch(Field field)
{
    m_touched[field] = true;
    validate();
}

qint64 DeviceDialog::intervalSeconds() const
{
    return qint64(m_interval->value()) * m_intervalUnit->currentData().toInt();
}

QString DeviceDialog::kindKey() const
{
    const QString text = m_kind->currentText().trimmed();
    // A common kind picked from the list: its key, whatever the label's language.
    if (m_kind->currentIndex() >= 0 && text == m_kind->itemText(m_kind->currentIndex()))
        return m_kind->currentData().toString();
    return DeviceKinds::keyFor(text);
}

void DeviceDialog::validate()
{
    QString errors[FieldCount];

    const QString id = deviceId();
    if (id.isEmpty())
        errors[IdField] = tr("Enter the device's id.");
    else if (id.size() > kMaxIdLength)
        errors[IdField] = tr("The id is too long: %1 characters at most.").arg(kMaxIdLength);
    else if (hasControlCharacters(id))
        errors[IdField] = tr("The id cannot contain control characters.");
    else if (!m_editing && m_state && m_state->device(id))
        errors[IdField] = tr("Device %1 is already registered.").arg(id);

    if (kindKey().isEmpty())
        errors[KindField] = tr("Choose a kind of device, or type one.");

    const auto [latError, lonError] = coordinateErrors(m_latitude->text(), m_longitude->text());
    errors[LatitudeField] = latError;
    errors[LongitudeField] = lonError;

    // The coordinates go together: typing one is enough to hear about the other.
    const bool positionTouched = m_touched[LatitudeField] || m_touched[LongitudeField];
    QList<FieldError> fields;
    for (int f = 0; f < FieldCount; ++f) {
        const bool touched = (f == LatitudeField || f == LongitudeField) ? positionTouched : m_touched[f];
        fields.append({m_errors[f], errors[f], touched});
    }
    const bool nowhere = m_address->text().trimmed().isEmpty() && m_latitude->text().trimmed().isEmpty();
    const bool valid = showErrors(
        fields, nowhere ? tr("Enter an address or a position, so that helpers can find the place.") : QString());
    if (valid && m_editing && form() == m_original && m_status->text().isEmpty()) {
        m_status->setText(tr("No changes yet."));
        fitHeight();
    }

    m_ok->setEnabled(valid && !(m_editing && form() == m_original));
    if (valid != m_valid) {
        m_valid = valid;
        emit validityChanged(valid);
    }
}

} // namespace relais
