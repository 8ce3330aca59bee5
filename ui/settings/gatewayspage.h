#pragma once

#include "gatewaysettings.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace relais {

class FileField;

// The settings dialog's Gateways page: the TCP listeners (address, port, TLS certificate and
// key) and the serial lines (device path, baud rate) of gateways.json. The gateway accounts are
// not edited here (their tokens are on the Secrets page). Read-only with the reason shown when
// the settings say so (demo mode, a file that does not parse) or when none were given.
class GatewaysPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewaysPage)

public:
    explicit GatewaysPage(QWidget *parent = nullptr);

    // The standard baud rates offered.
    static QList<int> baudRates();

    void load(const GatewaySettings &settings);
    // No gateways file can be had here: the page says why and edits nothing.
    void setUnavailable(const QString &why);
    bool isEditable() const { return m_editable; }
    // The values shown (the accounts and file name as loaded).
    GatewaySettings settings() const;
    bool isChanged() const { return m_editable && settings() != m_loaded; }
    // Empty when the values can be saved, else what is wrong.
    QString check() const;
    // The values were saved: they are the new reference.
    void markSaved() { m_loaded = settings(); }

private:
    struct ListenerRow
    {
        QWidget *box;
        QLineEdit *address;
        QSpinBox *port;
        FileField *certificate;
        FileField *key;
    };
    struct SerialRow
    {
        QWidget *box;
        QLineEdit *port;
        QComboBox *baud;
    };
    void addListener(const GatewaySettings::Listener &listener);
    void addSerialLine(const GatewaySettings::SerialLine &line);
    void clearRows();
    void updateEditable();

    GatewaySettings m_loaded;
    bool m_editable = false;
    QLabel *m_notice = nullptr;
    QLabel *m_file = nullptr;
    QVBoxLayout *m_listenerRows = nullptr;
    QVBoxLayout *m_serialRows = nullptr;
    QLabel *m_noListener = nullptr;
    QLabel *m_noSerial = nullptr;
    QPushButton *m_addListener = nullptr;
    QPushButton *m_addSerial = nullptr;
    QList<ListenerRow> m_listeners;
    QList<SerialRow> m_serials;
};

} // namespace relais
