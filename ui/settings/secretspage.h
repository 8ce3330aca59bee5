#pragma once

#include "gatewaysettings.h"

#include <QHash>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace relais {

class SecretStore;

// The settings dialog's Secrets page: gateway tokens, the database and broker passwords, set or
// deleted in the system keychain through the SecretStore port, at once (OK and Cancel do not
// apply to them). A stored value is never read back nor shown; a field only takes a new one.
// The store's answers (a keychain may answer late) and its errors, such as no usable keychain
// with what to install or unlock, are shown on the row, nowhere else.
class SecretsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretsPage)

public:
    // store: not owned, may be null (the page says secrets cannot be set from here).
    explicit SecretsPage(SecretStore *store, QWidget *parent = nullptr);

    // One row per gateway account, above the passwords.
    void setGatewayAccounts(const QList<GatewaySettings::Account> &accounts);
    // The keys offered, in order.
    QStringList keys() const;
    // Whether an answer is still awaited.
    bool isBusy() const;

    // The widgets of a key's row: "secretEdit:<key>", "storeSecretButton:<key>",
    // "deleteSecretButton:<key>", "secretStatus:<key>" (object names, for tests too).
    static QString objectName(const char *what, const QString &key);

    void storeSecret(const QString &key);
    void deleteSecret(const QString &key);

private:
    struct Row
    {
        QLineEdit *edit;
        QPushButton *store;
        QPushButton *remove;
        QLabel *status;
        bool busy = false;
    };
    void addRow(const QString &label, const QString &key, const QString &hint = QString());
    void setBusy(const QString &key, bool busy);
    void updateButtons(const QString &key);

    SecretStore *m_store;
    QGridLayout *m_gatewayGrid = nullptr;
    QGridLayout *m_passwordGrid = nullptr;
    QLabel *m_noGateway = nullptr;
    QStringList m_keys;
    QHash<QString, Row> m_rows;
};

} // namespace relais
