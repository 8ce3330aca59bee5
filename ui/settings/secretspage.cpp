#include "secretspage.h"

#include "secretstore.h"
#include "settingsform.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace relais {

SecretsPage::SecretsPage(SecretStore *store, QWidget *parent) : QWidget(parent), m_store(store)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        SettingsForm::note(tr("Tokens and passwords are kept only in the system keychain, never in a file of Relais. "
                              "A stored value is never shown: type a new one to replace it. "
                              "“Store” and “Delete” act at once; OK and Cancel do not apply to them."),
                           this));
    if (!m_store) {
        auto *none = SettingsForm::messageLabel(this);
        SettingsForm::setMessage(none, tr("The system keychain is not available in this window."));
        layout->addWidget(none);
    }
    auto *gateways = new QGroupBox(tr("Gateway tokens"), this);
    m_gatewayGrid = new QGridLayout(gateways);
    m_gatewayGrid->setColumnStretch(1, 1);
    m_noGateway = SettingsForm::note(tr("No gateway account in the gateways file."), gateways);
    m_gatewayGrid->addWidget(m_noGateway, 0, 0, 1, 4);
    layout->addWidget(gateways);
    auto *passwords = new QGroupBox(tr("Passwords"), this);
    m_passwordGrid = new QGridLayout(passwords);
    m_passwordGrid->setColumnStretch(1, 1);
    layout->addWidget(passwords);
    layout->addStretch(1);
    addRow(tr("Database (PostgreSQL) password:"), SecretKeys::databasePassword());
    addRow(tr("MQTT broker password:"), SecretKeys::brokerPassword());
}

QString SecretsPage::objectName(const char *what, const QString &key)
{
    return QStringLiteral("%1:%2").arg(QLatin1StringView(what), key);
}

QStringList SecretsPage::keys() const
{
    return m_keys;
}

bool SecretsPage::isBusy() const
{
    for (const Row &r : m_rows) {
        if (r.busy)
            return true;
    }
    return false;
}

void SecretsPage::setGatewayAccounts(const QList<GatewaySettings::Account> &accounts)
{
    for (const GatewaySettings::Account &a : accounts) {
        if (m_rows.contains(a.secretKey))
            continue;
        m_noGateway->hide();
        addRow(tr("Token of gateway %1:").arg(a.id), a.secretKey,
               a.tokenInFile ? tr("Its token is written in the gateways file: a token stored here is used once "
                                  "the file names it with \"token_secret\": \"%1\".")
                                   .arg(a.secretKey)
                             : QString());
    }
}

void SecretsPage::addRow(const QString &label, const QString &key, const QString &hint)
{
    Row row{new QLineEdit(this), new QPushButton(tr("Store"), this), new QPushButton(tr("Delete"), this),
            SettingsForm::messageLabel(this)};
    row.edit->setObjectName(objectName("secretEdit", key));
    row.edit->setEchoMode(QLineEdit::Password);
    row.edit->setPlaceholderText(tr("New value"));
    row.edit->setToolTip(tr("Stored in the keychain under %1").arg(key));
    row.store->setObjectName(objectName("storeSecretButton", key));
    row.remove->setObjectName(objectName("deleteSecretButton", key));
    row.status->setObjectName(objectName("secretStatus", key));
    auto *text = new QLabel(label, this);
    text->setBuddy(row.edit);
    text->setToolTip(row.edit->toolTip());

    QGridLayout *grid = key.startsWith(QLatin1String("gateway/")) ? m_gatewayGrid : m_passwordGrid;
    const int r = grid->rowCount();
    grid->addWidget(text, r, 0);
    grid->addWidget(row.edit, r, 1);
    grid->addWidget(row.store, r, 2);
    grid->addWidget(row.remove, r, 3);
    grid->addWidget(row.status, r + 1, 1, 1, 3);
    if (!hint.isEmpty())
        grid->addWidget(SettingsForm::note(hint, this), r + 2, 1, 1, 3);
    m_keys.append(key);
    m_rows.insert(key, row);

    connect(row.edit, &QLineEdit::textChanged, this, [this, key] { updateButtons(key); });
    connect(row.edit, &QLineEdit::returnPressed, this, [this, key] { storeSecret(key); });
    connect(row.store, &QPushButton::clicked, this, [this, key] { storeSecret(key); });
    connect(row.remove, &QPushButton::clicked, this, [this, key] { deleteSecret(key); });
    updateButtons(key);
}

void SecretsPage::updateButtons(const QString &key)
{
    const Row &row = m_rows[key];
    row.store->setEnabled(m_store && !row.busy && !row.edit->text().isEmpty());
    row.remove->setEnabled(m_store && !row.busy);
    row.edit->setEnabled(m_store && !row.busy);
}

void SecretsPage::setBusy(const QString &key, bool busy)
{
    m_rows[key].busy = busy;
    updateButtons(key);
}

void SecretsPage::storeSecret(const QString &key)
{
    if (!m_store || !m_rows.contains(key) || m_rows[key].busy || m_rows[key].edit->text().isEmpty())
        return;
    Row &row = m_rows[key];
    const QString value = row.edit->text();
    // The field forgets the value at once: it lives on only in the store's call.
    row.edit->clear();
    setBusy(key, true);
    SettingsForm::setMessage(row.status, tr("Storing…"), false);
    QPointer<SecretsPage> self(this);
    m_store->write(key, value, [self, key](const Status &done) {
        if (!self)
            return;
        self->setBusy(key, false);
        const Row &r = self->m_rows[key];
        if (done.ok())
            SettingsForm::setMessage(r.status, tr("Stored in the keychain."), false);
        else
            SettingsForm::setMessage(r.status, tr("Not stored: %1").arg(done.errorString()));
    });
}

void SecretsPage::deleteSecret(const QString &key)
{
    if (!m_store || !m_rows.contains(key) || m_rows[key].busy)
        return;
    setBusy(key, true);
    SettingsForm::setMessage(m_rows[key].status, tr("Deleting…"), false);
    QPointer<SecretsPage> self(this);
    m_store->remove(key, [self, key](const Status &done) {
        if (!self)
            return;
        self->setBusy(key, false);
        const Row &r = self->m_rows[key];
        if (done.ok() || done.error().code == SecretStore::notFound)
            SettingsForm::setMessage(r.status, tr("Not in the keychain (any more)."), false);
        else
            SettingsForm::setMessage(r.status, tr("Not deleted: %1").arg(done.errorString()));
    });
}

} // namespace relais
