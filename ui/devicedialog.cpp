#include "devicedialog.h"

#include "devicekinds.h"
#include "dispatchstate.h"
#include "supervisor.h"
#include "uicolors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace relais {

namespace {

// The protocol's limit for device ids (docs/protocol.md).
constexpr int kMaxIdLength = 64;
constexpr int kMaxTextLength = 200;

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

QString coordinateText(double value)
{
    return QLocale::c().toString(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

DeviceDialog::DeviceDialog(const DispatchState *state, QWidget *parent) : QDialog(parent), m_state(state)
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

    // A grid rather than a QFormLayout: its rows take the height wrapped messages need at the
    // width they really get, so messages neither overlap nor float in blank space.
    m_form = new QGridLayout;
    m_form->setColumnStretch(1, 1);
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

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    QPalette statusPalette = m_status->palette();
    QColor dim = statusPalette.color(QPalette::WindowText);
    dim.setAlphaF(0.7f);
    statusPalette.setColor(QPalette::WindowText, dim);
    m_status->setPalette(statusPalette);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = m_buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Register"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_ok->isEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addSpacing(6);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

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

void DeviceDialog::addField(const QString &label, QWidget *buddy, QLayout *field)
{
    const int row = m_form->rowCount();
    auto *text = new QLabel(label, this);
    text->setBuddy(buddy);
    m_form->addWidget(text, row, 0, Qt::AlignLeft | Qt::AlignVCenter);
    if (field)
        m_form->addLayout(field, row, 1);
    else
        m_form->addWidget(buddy, row, 1);
}

QLabel *DeviceDialog::addHint(const QString &text)
{
    auto *hint = new QLabel(text, this);
    hint->setWordWrap(true);
    QFont font = hint->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    hint->setFont(font);
    QPalette palette = hint->palette();
    QColor dim = palette.color(QPalette::WindowText);
    dim.setAlphaF(0.7f);
    palette.setColor(QPalette::WindowText, dim);
    hint->setPalette(palette);
    m_form->addWidget(hint, m_form->rowCount(), 1);
    return hint;
}

QLabel *DeviceDialog::addErrorRow()
{
    auto *error = new QLabel(this);
    error->setWordWrap(true);
    QPalette palette = error->palette();
    palette.setColor(QPalette::WindowText, UiColors::attentionText());
    error->setPalette(palette);
    error->hide();
    m_form->addWidget(error, m_form->rowCount(), 1);
    return error;
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
    m_original = payload();
    validate();
    m_kind->setFocus();
}

QString DeviceDialog::deviceId() const
{
    return m_id->text().trimmed();
}

QString DeviceDialog::problemText() const
{
    QStringList texts;
    for (QLabel *error : m_errors) {
        if (!error->isHidden())
            texts.append(error->text());
    }
    if (!m_status->text().isEmpty())
        texts.append(m_status->text());
    return texts.join(QLatin1Char('\n'));
}

std::optional<double> DeviceDialog::parseCoordinate(const QString &text, double min, double max)
{
    QString t = text.trimmed();
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = QLocale::c().toDouble(t, &ok);
    if (!ok || !std::isfinite(v) || v < min || v > max)
        return std::nullopt;
    return v;
}

QJsonObject DeviceDialog::payload() const
{
    QJsonObject p{
        {QStringLiteral("device"), deviceId()},
        {QStringLiteral("kind"), kindKey()},
        {QStringLiteral("label"), m_label->text().trimmed()},
        {QStringLiteral("beneficiary"), m_beneficiary->text().trimmed()},
        {QStringLiteral("address"), m_address->text().trimmed()},
        {QStringLiteral("interval_s"), intervalSeconds()},
    };
    const auto lat = parseCoordinate(m_latitude->text(), -90, 90);
    const auto lon = parseCoordinate(m_longitude->text(), -180, 180);
    if (lat && lon) {
        p.insert(QStringLiteral("lat"), *lat);
        p.insert(QStringLiteral("lon"), *lon);
    }
    return p;
}

JournalEntry DeviceDialog::entry(const QDateTime &at, const Actor &by) const
{
    JournalEntry e;
    e.time = at.toUTC();
    e.source = QStringLiteral("ui");
    e.kind = m_editing ? EntryKind::DeviceUpdated : EntryKind::DeviceRegistered;
    e.actor = by;
    e.payload = payload();
    return e;
}

void DeviceDialog::fitHeight()
{
    // Wrapped messages appear and go: the window takes the height they need at its width
    // (the layout alone would squeeze them, as its minimum ignores word wrapping).
    if (!isVisible())
        return;
    layout()->activate();
    const int height =
        layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : layout()->totalSizeHint().height();
    if (height > 0 && height != this->height())
        resize(width(), height);
}

void DeviceDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeight();
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

    const QString latText = m_latitude->text().trimmed();
    const QString lonText = m_longitude->text().trimmed();
    if (!latText.isEmpty() && !parseCoordinate(latText, -90, 90))
        errors[LatitudeField] = tr("The latitude is a number of degrees between -90 and 90.");
    else if (latText.isEmpty() && !lonText.isEmpty())
        errors[LatitudeField] = tr("Enter the latitude too, or clear the longitude.");
    if (!lonText.isEmpty() && !parseCoordinate(lonText, -180, 180))
        errors[LongitudeField] = tr("The longitude is a number of degrees between -180 and 180.");
    else if (lonText.isEmpty() && !latText.isEmpty())
        errors[LongitudeField] = tr("Enter the longitude too, or clear the latitude.");

    // A message is written under its field once the field was typed in; what is still
    // missing in untouched fields is said once, at the bottom.
    QString pending;
    bool valid = true;
    bool rowsChanged = false;
    // The coordinates go together: typing one is enough to hear about the other.
    const bool positionTouched = m_touched[LatitudeField] || m_touched[LongitudeField];
    for (int f = 0; f < FieldCount; ++f) {
        const bool touched = (f == LatitudeField || f == LongitudeField) ? positionTouched : m_touched[f];
        const bool show = !errors[f].isEmpty() && touched;
        rowsChanged = rowsChanged || show == m_errors[f]->isHidden() || (show && m_errors[f]->text() != errors[f]);
        m_errors[f]->setText(show ? errors[f] : QString());
        m_errors[f]->setVisible(show);
        if (!errors[f].isEmpty()) {
            valid = false;
            if (!show && pending.isEmpty())
                pending = errors[f];
        }
    }
    if (valid && m_address->text().trimmed().isEmpty() && latText.isEmpty()) {
        valid = false;
        pending = tr("Enter an address or a position, so that helpers can find the place.");
    }
    if (valid && m_editing && payload() == m_original)
        pending = tr("No changes yet.");
    if (m_status->text() != pending) {
        rowsChanged = true;
        m_status->setText(pending);
    }
    if (rowsChanged)
        fitHeight();

    m_ok->setEnabled(valid && !(m_editing && payload() == m_original));
    if (valid != m_valid) {
        m_valid = valid;
        emit validityChanged(valid);
    }
}

} // namespace relais
