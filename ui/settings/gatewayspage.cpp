#include "gatewayspage.h"

#include "filefield.h"
#include "settingsform.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace relais {

namespace {

const QString kPemFilter = QStringLiteral("PEM (*.pem *.crt *.key);;*");

} // namespace

GatewaysPage::GatewaysPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_notice = SettingsForm::messageLabel(this);
    m_notice->setObjectName(QStringLiteral("gatewaysNotice"));
    layout->addWidget(m_notice);
    m_file = SettingsForm::note(QString(), this);
    m_file->setObjectName(QStringLiteral("gatewaysFileLabel"));
    layout->addWidget(m_file);

    auto *tcp = new QGroupBox(tr("TCP listeners"), this);
    auto *tcpLayout = new QVBoxLayout(tcp);
    tcpLayout->addWidget(SettingsForm::note(
        tr("Where gateways connect to this desk. With a certificate and its key (PEM files, key unencrypted) "
           "the connection uses TLS."),
        tcp));
    m_noListener = SettingsForm::note(tr("No listener."), tcp);
    tcpLayout->addWidget(m_noListener);
    m_listenerRows = new QVBoxLayout;
    tcpLayout->addLayout(m_listenerRows);
    m_addListener = new QPushButton(tr("Add a Listener"), tcp);
    m_addListener->setObjectName(QStringLiteral("addListenerButton"));
    tcpLayout->addWidget(m_addListener, 0, Qt::AlignLeft);
    layout->addWidget(tcp);

    auto *serial = new QGroupBox(tr("Serial lines"), this);
    auto *serialLayout = new QVBoxLayout(serial);
    serialLayout->addWidget(SettingsForm::note(
        tr("A radio dongle plugged into this computer (8N1, no flow control). Names under /dev/serial/by-id/ "
           "survive re-plugging."),
        serial));
    m_noSerial = SettingsForm::note(tr("No serial line."), serial);
    serialLayout->addWidget(m_noSerial);
    m_serialRows = new QVBoxLayout;
    serialLayout->addLayout(m_serialRows);
    m_addSerial = new QPushButton(tr("Add a Serial Line"), serial);
    m_addSerial->setObjectName(QStringLiteral("addSerialButton"));
    serialLayout->addWidget(m_addSerial, 0, Qt::AlignLeft);
    layout->addWidget(serial);

    layout->addWidget(
        SettingsForm::note(tr("Changes to listeners and serial lines take effect at the next start of Relais."), this));
    layout->addStretch(1);

    connect(m_addListener, &QPushButton::clicked, this, [this] {
        GatewaySettings::Listener l;
        l.port = 4700;
        addListener(l);
        m_listeners.last().address->setFocus();
    });
    connect(m_addSerial, &QPushButton::clicked, this, [this] {
        addSerialLine({});
        m_serials.last().port->setFocus();
    });
    setUnavailable(tr("The gateways file is not available here."));
}

QList<int> GatewaysPage::baudRates()
{
    return {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600};
}

void GatewaysPage::clearRows()
{
    for (const ListenerRow &r : std::as_const(m_listeners))
        delete r.box;
    for (const SerialRow &r : std::as_const(m_serials))
        delete r.box;
    m_listeners.clear();
    m_serials.clear();
}

void GatewaysPage::load(const GatewaySettings &settings)
{
    clearRows();
    m_loaded = settings;
    m_editable = settings.readOnlyReason.isEmpty();
    for (const GatewaySettings::Listener &l : settings.listeners)
        addListener(l);
    for (const GatewaySettings::SerialLine &s : settings.serialLines)
        addSerialLine(s);
    SettingsForm::setMessage(m_notice, settings.readOnlyReason, false);
    m_file->setText(settings.fileName.isEmpty() ? QString() : tr("Kept in %1.").arg(settings.fileName));
    m_file->setVisible(!settings.fileName.isEmpty());
    updateEditable();
}

void GatewaysPage::setUnavailable(const QString &why)
{
    GatewaySettings none;
    none.readOnlyReason = why;
    load(none);
}

void GatewaysPage::updateEditable()
{
    for (const ListenerRow &r : std::as_const(m_listeners)) {
        r.address->setReadOnly(!m_editable);
        r.port->setReadOnly(!m_editable);
        r.certificate->setReadOnly(!m_editable);
        r.key->setReadOnly(!m_editable);
        if (auto *remove = r.box->findChild<QPushButton *>(QStringLiteral("removeListenerButton")))
            remove->setVisible(m_editable);
    }
    for (const SerialRow &r : std::as_const(m_serials)) {
        r.port->setReadOnly(!m_editable);
        r.baud->setEnabled(m_editable);
        if (auto *remove = r.box->findChild<QPushButton *>(QStringLiteral("removeSerialButton")))
            remove->setVisible(m_editable);
    }
    m_addListener->setVisible(m_editable);
    m_addSerial->setVisible(m_editable);
    m_noListener->setVisible(m_listeners.isEmpty());
    m_noSerial->setVisible(m_serials.isEmpty());
}

void GatewaysPage::addListener(const GatewaySettings::Listener &listener)
{
    auto *box = new QFrame(this);
    box->setObjectName(QStringLiteral("listenerRow"));
    box->setFrameShape(QFrame::StyledPanel);
    auto *form = new QGridLayout(box);
    ListenerRow row{box, new QLineEdit(listener.address, box), new QSpinBox(box),
                    new FileField(tr("Certificate"), kPemFilter, box),
                    new FileField(tr("Private Key"), kPemFilter, box)};
    row.address->setObjectName(QStringLiteral("listenerAddressEdit"));
    row.address->setPlaceholderText(tr("0.0.0.0: every network"));
    row.port->setObjectName(QStringLiteral("listenerPortSpin"));
    row.port->setRange(0, 65535);
    row.port->setValue(listener.port);
    row.certificate->setObjectName(QStringLiteral("listenerCertificateField"));
    row.certificate->setPath(listener.certificateFile);
    row.key->setObjectName(QStringLiteral("listenerKeyField"));
    row.key->setPath(listener.keyFile);
    auto *remove = new QPushButton(tr("Remove"), box);
    remove->setObjectName(QStringLiteral("removeListenerButton"));

    const auto label = [box](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, box);
        l->setBuddy(buddy);
        return l;
    };
    form->addWidget(label(tr("&Address:"), row.address), 0, 0);
    form->addWidget(row.address, 0, 1);
    form->addWidget(label(tr("Port:"), row.port), 0, 2);
    form->addWidget(row.port, 0, 3);
    form->addWidget(remove, 0, 4);
    form->addWidget(label(tr("Certificate:"), row.certificate), 1, 0);
    form->addWidget(row.certificate, 1, 1, 1, 4);
    form->addWidget(label(tr("Key:"), row.key), 2, 0);
    form->addWidget(row.key, 2, 1, 1, 4);
    form->setColumnStretch(1, 1);
    m_listenerRows->addWidget(box);
    m_listeners.append(row);
    connect(remove, &QPushButton::clicked, this, [this, box] {
        m_listeners.removeIf([box](const ListenerRow &r) { return r.box == box; });
        box->deleteLater();
        box->hide();
        updateEditable();
    });
    updateEditable();
}

void GatewaysPage::addSerialLine(const GatewaySettings::SerialLine &line)
{
    auto *box = new QFrame(this);
    box->setObjectName(QStringLiteral("serialRow"));
    box->setFrameShape(QFrame::StyledPanel);
    auto *form = new QGridLayout(box);
    SerialRow row{box, new QLineEdit(line.port, box), new QComboBox(box)};
    row.port->setObjectName(QStringLiteral("serialPortEdit"));
    row.port->setPlaceholderText(tr("/dev/ttyUSB0, COM3"));
    row.baud->setObjectName(QStringLiteral("serialBaudCombo"));
    QList<int> rates = baudRates();
    if (!rates.contains(line.baud) && line.baud > 0) {
        rates.append(line.baud);
        std::sort(rates.begin(), rates.end());
    }
    for (int rate : std::as_const(rates))
        row.baud->addItem(QString::number(rate), rate);
    row.baud->setCurrentIndex(row.baud->findData(line.baud > 0 ? line.baud : 115200));
    auto *remove = new QPushButton(tr("Remove"), box);
    remove->setObjectName(QStringLiteral("removeSerialButton"));
    auto *portLabel = new QLabel(tr("&Device:"), box);
    portLabel->setBuddy(row.port);
    auto *baudLabel = new QLabel(tr("Baud rate:"), box);
    baudLabel->setBuddy(row.baud);
    form->addWidget(portLabel, 0, 0);
    form->addWidget(row.port, 0, 1);
    form->addWidget(baudLabel, 0, 2);
    form->addWidget(row.baud, 0, 3);
    form->addWidget(remove, 0, 4);
    form->setColumnStretch(1, 1);
    m_serialRows->addWidget(box);
    m_serials.append(row);
    connect(remove, &QPushButton::clicked, this, [this, box] {
        m_serials.removeIf([box](const SerialRow &r) { return r.box == box; });
        box->deleteLater();
        box->hide();
        updateEditable();
    });
    updateEditable();
}

GatewaySettings GatewaysPage::settings() const
{
    GatewaySettings out = m_loaded;
    out.listeners.clear();
    out.serialLines.clear();
    for (const ListenerRow &r : m_listeners) {
        out.listeners.append({r.address->text().trimmed(), r.port->value(), r.certificate->path(), r.key->path()});
    }
    for (const SerialRow &r : m_serials)
        out.serialLines.append({r.port->text().trimmed(), r.baud->currentData().toInt()});
    return out;
}

QString GatewaysPage::check() const
{
    if (!isChanged())
        return {};
    const GatewaySettings s = settings();
    for (qsizetype i = 0; i < s.listeners.size(); ++i) {
        const GatewaySettings::Listener &l = s.listeners.at(i);
        const int n = int(i + 1);
        if (l.address.isEmpty())
            return tr("Listener %1: enter the address to listen on (0.0.0.0 for every network).").arg(n);
        if (l.port < 1 || l.port > 65535)
            return tr("Listener %1: choose a port from 1 to 65535.").arg(n);
        if (l.certificateFile.isEmpty() != l.keyFile.isEmpty())
            return tr("Listener %1: TLS needs both the certificate and its key.").arg(n);
        for (const QString &file : {l.certificateFile, l.keyFile}) {
            if (!file.isEmpty() && !QFileInfo(file).isReadable())
                return tr("Listener %1: cannot read %2.").arg(n).arg(file);
        }
        for (qsizetype j = 0; j < i; ++j) {
            if (s.listeners.at(j).port == l.port && s.listeners.at(j).address == l.address)
                return tr("Listeners %1 and %2 use the same address and port.").arg(j + 1).arg(n);
        }
    }
    for (qsizetype i = 0; i < s.serialLines.size(); ++i) {
        if (s.serialLines.at(i).port.isEmpty())
            return tr("Serial line %1: enter the device path, such as /dev/ttyUSB0.").arg(i + 1);
    }
    return {};
}

} // namespace relais
