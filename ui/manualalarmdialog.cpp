#include "manualalarmdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>

#include <cmath>

namespace relais {

namespace {

constexpr int kMaxTextLength = 200;
constexpr int kMaxNoteLength = 2000;
// About 0.1 m: more digits than a map click or a caller can mean.
constexpr double kCoordinateScale = 1e6;

// The kinds a person can report: not the device supervision's own.
bool offered(AlarmKind kind)
{
    return kind != AlarmKind::LowBattery && kind != AlarmKind::DeviceSilent;
}

// A map click's coordinate, to about 0.1 m.
double rounded(double value)
{
    return std::round(value * kCoordinateScale) / kCoordinateScale;
}

QString exampleCoordinate(double value)
{
    return QLocale().toString(value, 'f', 5);
}

} // namespace

ManualAlarmDialog::ManualAlarmDialog(QWidget *parent) : FormDialog(parent)
{
    setObjectName(QStringLiteral("manualAlarmDialog"));
    setWindowTitle(tr("Create a Manual Alarm"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    for (AlarmKind kind : AlarmKinds::all()) {
        if (offered(kind))
            m_kind->addItem(AlarmKinds::label(kind), AlarmKinds::key(kind));
    }

    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("severityCombo"));
    for (Severity severity : Severities::all())
        m_severity->addItem(Severities::label(severity), Severities::key(severity));

    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("addressEdit"));
    m_address->setMaxLength(kMaxTextLength);
    m_address->setPlaceholderText(tr("Where help is needed, e.g. 12 rue des Lilas, Lyon"));

    m_latitude = new QLineEdit(this);
    m_latitude->setObjectName(QStringLiteral("latitudeEdit"));
    m_latitude->setPlaceholderText(tr("e.g. %1").arg(exampleCoordinate(45.76012)));
    m_longitude = new QLineEdit(this);
    m_longitude->setObjectName(QStringLiteral("longitudeEdit"));
    m_longitude->setPlaceholderText(tr("e.g. %1").arg(exampleCoordinate(4.83569)));

    m_caller = new QLineEdit(this);
    m_caller->setObjectName(QStringLiteral("callerEdit"));
    m_caller->setMaxLength(kMaxTextLength);
    m_caller->setPlaceholderText(tr("Who phoned: a name or a phone number"));

    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("What the caller said"));
    // Four lines: enough to read what was written without scrolling, small enough to keep
    // the dialog compact.
    const int frame = 2 * (m_note->frameWidth() + int(std::ceil(m_note->document()->documentMargin())));
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 4 + frame);

    // A grid rather than a QFormLayout, as in the device dialog: its rows take the height
    // wrapped messages need at the width they really get.
    addField(tr("&Kind:"), m_kind);
    addField(tr("&Severity:"), m_severity);
    addField(tr("&Address:"), m_address);
    addField(tr("La&titude:"), m_latitude);
    m_errors[LatitudeField] = addErrorRow();
    addField(tr("L&ongitude:"), m_longitude);
    m_errors[LongitudeField] = addErrorRow();
    addHint(tr("Decimal degrees. Both coordinates, or neither. An address or a position is required."));
    addField(tr("Ca&ller:"), m_caller);
    addField(tr("&Note:"), m_note);
    m_errors[NoteField] = addErrorRow();

    finishLayout(tr("&Create Alarm"));

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ManualAlarmDialog::followKind);
    connect(m_severity, &QComboBox::activated, this, [this] { m_severityChosen = true; });
    connect(m_address, &QLineEdit::textChanged, this, &ManualAlarmDialog::validate);
    connect(m_latitude, &QLineEdit::textEdited, this, [this] { touch(LatitudeField); });
    connect(m_longitude, &QLineEdit::textEdited, this, [this] { touch(LongitudeField); });
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] { touch(NoteField); });

    // Wide enough for a street address and for the longer French labels and hints.
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);
    followKind();
    validate();
}

void ManualAlarmDialog::setPosition(const QGeoCoordinate &where)
{
    if (where.isValid()) {
        m_latitude->setText(coordinateText(rounded(where.latitude())));
        m_longitude->setText(coordinateText(rounded(where.longitude())));
    } else {
        m_latitude->clear();
        m_longitude->clear();
    }
    m_touched[LatitudeField] = m_touched[LongitudeField] = true;
    validate();
}

AlarmKind ManualAlarmDialog::kind() const
{
    return AlarmKinds::fromKey(m_kind->currentData().toString()).value_or(AlarmKind::Other);
}

Severity ManualAlarmDialog::severity() const
{
    return Severities::fromKey(m_severity->currentData().toString()).value_or(Severity::Major);
}

ManualAlarm ManualAlarmDialog::alarm() const
{
    ManualAlarm a{kind(),
                  severity(),
                  {},
                  m_address->text().trimmed(),
                  m_caller->text().trimmed(),
                  m_note->toPlainText().trimmed()};
    const auto lat = parseCoordinate(m_latitude->text(), -90, 90);
    const auto lon = parseCoordinate(m_longitude->text(), -180, 180);
    if (lat && lon)
        a.position = QGeoCoordinate(*lat, *lon);
    return a;
}

void ManualAlarmDialog::followKind()
{
    if (m_severityChosen)
        return;
    const int index = m_severity->findData(Severities::key(AlarmKinds::defaultSeverity(kind())));
    m_severity->setCurrentIndex(index >= 0 ? index : m_severity->findData(Severities::key(Severity::Major)));
}

void ManualAlarmDialog::touch(Field field)
{
    m_touched[field] = true;
    validate();
}

void ManualAlarmDialog::validate()
{
    const auto [latError, lonError] = coordinateErrors(m_latitude->text(), m_longitude->text());
    const QString noteError = m_note->toPlainText().trimmed().size() > kMaxNoteLength
                                  ? tr("The note is too long: %1 characters at most.").arg(kMaxNoteLength)
                                  : QString();
    // The coordinates go together: typing one is enough to hear about the other.
    const bool positionTouched = m_touched[LatitudeField] || m_touched[LongitudeField];
    const bool nowhere = m_address->text().trimmed().isEmpty() && m_latitude->text().trimmed().isEmpty();
    const bool valid =
        showErrors({{m_errors[LatitudeField], latError, positionTouched},
                    {m_errors[LongitudeField], lonError, positionTouched},
                    {m_errors[NoteField], noteError, m_touched[NoteField]}},
                   nowhere ? tr("Enter an address or a position, so that helpers can find the place.") : QString());

    m_ok->setEnabled(valid);
    if (valid != m_valid) {
        m_valid = valid;
        emit validityChanged(valid);
    }
}

} // namespace relais
