#include "manualalarmdialog.h"

#include "uicolors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

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

// "45,76012" in French, "45.76012" in English: as the operator would type it back.
QString coordinateText(double value)
{
    double rounded = std::round(value * kCoordinateScale) / kCoordinateScale;
    if (rounded == 0)
        rounded = 0; // never "-0"
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(rounded, 'f', QLocale::FloatingPointShortest);
}

QString exampleCoordinate(double value)
{
    return QLocale().toString(value, 'f', 5);
}

} // namespace

ManualAlarmDialog::ManualAlarmDialog(QWidget *parent) : QDialog(parent)
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
    m_form = new QGridLayout;
    m_form->setColumnStretch(1, 1);
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
    m_ok->setText(tr("&Create Alarm"));
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

void ManualAlarmDialog::addField(const QString &label, QWidget *buddy)
{
    const int row = m_form->rowCount();
    auto *text = new QLabel(label, this);
    text->setBuddy(buddy);
    // A label beside a multi-line field stands at its first line.
    const Qt::Alignment vertical = qobject_cast<QPlainTextEdit *>(buddy) ? Qt::AlignTop : Qt::AlignVCenter;
    m_form->addWidget(text, row, 0, Qt::AlignLeft | vertical);
    m_form->addWidget(buddy, row, 1);
}

void ManualAlarmDialog::addHint(const QString &text)
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
}

QLabel *ManualAlarmDialog::addErrorRow()
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

void ManualAlarmDialog::setPosition(const QGeoCoordinate &where)
{
    if (where.isValid()) {
        m_latitude->setText(coordinateText(where.latitude()));
        m_longitude->setText(coordinateText(where.longitude()));
    } else {
        m_latitude->clear();
        m_longitude->clear();
    }
    m_touched[LatitudeField] = m_touched[LongitudeField] = true;
    validate();
}

QString ManualAlarmDialog::problemText() const
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

AlarmKind ManualAlarmDialog::kind() const
{
    return AlarmKinds::fromKey(m_kind->currentData().toString()).value_or(AlarmKind::Other);
}

Severity ManualAlarmDialog::severity() const
{
    return Severities::fromKey(m_severity->currentData().toString()).value_or(Severity::Major);
}

std::optional<double> ManualAlarmDialog::parseCoordinate(const QString &text, double min, double max)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    // The locale's own format first ("45,76" in French), without group separators: in
    // English "45,76" must not read as 4576.
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::RejectGroupSeparator);
    bool ok = false;
    double v = locale.toDouble(t, &ok);
    if (!ok) {
        // A point (as coordinates are copied from elsewhere), or a comma in any locale.
        QLocale c = QLocale::c();
        c.setNumberOptions(QLocale::RejectGroupSeparator);
        QString dotted = t;
        dotted.replace(QLatin1Char(','), QLatin1Char('.'));
        v = c.toDouble(dotted, &ok);
    }
    if (!ok || !std::isfinite(v) || v < min || v > max)
        return std::nullopt;
    return v;
}

QJsonObject ManualAlarmDialog::payload() const
{
    QJsonObject p{
        {QStringLiteral("kind"), AlarmKinds::key(kind())},
        {QStringLiteral("severity"), Severities::key(severity())},
    };
    const auto lat = parseCoordinate(m_latitude->text(), -90, 90);
    const auto lon = parseCoordinate(m_longitude->text(), -180, 180);
    if (lat && lon) {
        p.insert(QStringLiteral("lat"), *lat);
        p.insert(QStringLiteral("lon"), *lon);
    }
    const QString address = m_address->text().trimmed();
    if (!address.isEmpty())
        p.insert(QStringLiteral("address"), address);
    const QString caller = m_caller->text().trimmed();
    if (!caller.isEmpty())
        p.insert(QStringLiteral("caller"), caller);
    const QString note = m_note->toPlainText().trimmed();
    if (!note.isEmpty())
        p.insert(QStringLiteral("note"), note);
    return p;
}

JournalEntry ManualAlarmDialog::entry(const Actor &by, const QDateTime &at) const
{
    JournalEntry e;
    e.time = at.toUTC();
    e.source = QStringLiteral("ui");
    e.kind = EntryKind::AlarmManual;
    e.actor = by;
    e.payload = payload();
    return e;
}

void ManualAlarmDialog::followKind()
{
    if (m_severityChosen)
        return;
    const int index = m_severity->findData(Severities::key(AlarmKinds::defaultSeverity(kind())));
    m_severity->setCurrentIndex(index >= 0 ? index : m_severity->findData(Severities::key(Severity::Major)));
}

void ManualAlarmDialog::fitHeight()
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

void ManualAlarmDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeight();
}

void ManualAlarmDialog::touch(Field field)
{
    m_touched[field] = true;
    validate();
}

void ManualAlarmDialog::validate()
{
    QString errors[FieldCount];

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
    if (m_note->toPlainText().trimmed().size() > kMaxNoteLength)
        errors[NoteField] = tr("The note is too long: %1 characters at most.").arg(kMaxNoteLength);

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
    if (m_status->text() != pending) {
        rowsChanged = true;
        m_status->setText(pending);
    }
    if (rowsChanged)
        fitHeight();

    m_ok->setEnabled(valid);
    if (valid != m_valid) {
        m_valid = valid;
        emit validityChanged(valid);
    }
}

} // namespace relais
