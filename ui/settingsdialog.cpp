#include "settingsdialog.h"

#include "actionsink.h"
#include "deskcommands.h"
#include "settings.h"
#include "settings/dispatchpage.h"
#include "settings/feespage.h"
#include "settings/gatewayspage.h"
#include "settings/generalpage.h"
#include "settings/mappage.h"
#include "settings/retentionpage.h"
#include "settings/secretspage.h"
#include "settings/settingsform.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace relais {

SettingsDialog::SettingsDialog(Settings *settings, const SettingsServices &services, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_services(services)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_gateways = new GatewaysPage;
    m_secrets = new SecretsPage(services.secrets);
    m_map = new MapPage(services.checkMapSource);
    m_dispatch = new DispatchPage;
    m_fees = new FeesPage;
    m_general = new GeneralPage;
    m_retention = new RetentionPage;

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("settingsPageList"));
    m_stack = new QStackedWidget(this);
    const struct
    {
        QWidget *page;
        QString title;
        const char *name;
    } pages[] = {
        {m_gateways, tr("Gateways"), "gatewaysPage"},
        {m_secrets, tr("Secrets"), "secretsPage"},
        {m_map, tr("Map"), "mapPage"},
        {m_dispatch, tr("Dispatch"), "dispatchPage"},
        {m_fees, tr("Fees"), "feesPage"},
        {m_general, tr("Language and Sounds"), "generalPage"},
        {m_retention, tr("Data Retention"), "retentionPage"},
    };
    int widest = 0;
    for (const auto &p : pages) {
        p.page->setObjectName(QLatin1StringView(p.name));
        auto *scroll = new QScrollArea(m_stack);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        // Pages wrap their sentences to the width they get: never sideways.
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scroll->setWidget(p.page);
        m_stack->addWidget(scroll);
        m_list->addItem(p.title);
        widest = std::max(widest, m_list->fontMetrics().horizontalAdvance(p.title));
    }
    m_list->setFixedWidth(widest + 40);
    connect(m_list, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    m_error = SettingsForm::messageLabel(this);
    m_error->setObjectName(QStringLiteral("settingsErrorLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);

    auto *pagesRow = new QHBoxLayout;
    pagesRow->addWidget(m_list);
    pagesRow->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pagesRow, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    // The values as they are now.
    m_map->load(*m_settings);
    m_dispatch->load(*m_settings);
    m_general->load(*m_settings);
    m_retention->load(*m_settings);
    if (m_services.loadGateways) {
        const GatewaySettings gateways = m_services.loadGateways();
        m_gateways->load(gateways);
        m_secrets->setGatewayAccounts(gateways.accounts);
    }
    m_fees->setReadOnly(tr("Fees can only be changed from a window connected to the journal."));
    m_list->setCurrentRow(0);
    resize(820, 600);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setJournal(const FeeSchedule &fees, ActionSink *sink, const Actor &actor,
                                std::function<QDateTime()> now)
{
    m_fees->load(fees);
    m_sink = sink;
    m_actor = actor;
    m_now = std::move(now);
    if (m_sink) {
        for (MissionKind kind : MissionKinds::all())
            m_fees->field(kind)->setReadOnly(false);
        m_fees->showMessage(QString(), false);
    } else {
        m_fees->setReadOnly(tr("Fees can only be changed from a window connected to the journal."));
    }
}

void SettingsDialog::showPage(Page page)
{
    m_list->setCurrentRow(int(page));
}

SettingsDialog::Page SettingsDialog::currentPage() const
{
    return Page(m_list->currentRow());
}

QString SettingsDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SettingsDialog::showError(Page page, const QString &text)
{
    if (!text.isEmpty())
        showPage(page);
    SettingsForm::setMessage(m_error, text);
}

void SettingsDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_pendingFees);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(!m_pendingFees);
}

bool SettingsDialog::apply()
{
    return save(false);
}

bool SettingsDialog::save(bool closeAfter)
{
    if (m_pendingFees)
        return false;
    const std::pair<Page, QString> checks[] = {
        {Page::Gateways, m_gateways->check()},
        {Page::Map, m_map->check()},
        {Page::Dispatch, m_dispatch->check()},
        {Page::Fees, m_sink ? m_fees->check() : QString()},
    };
    for (const auto &[page, why] : checks) {
        if (!why.isEmpty()) {
            showError(page, why);
            return false;
        }
    }
    if (m_gateways->isChanged() && m_services.saveGateways) {
        const Status saved = m_services.saveGateways(m_gateways->settings());
        if (!saved) {
            showError(Page::Gateways, tr("The gateways file was not saved: %1").arg(saved.errorString()));
            return false;
        }
        m_gateways->markSaved();
    }
    m_map->save(*m_settings);
    m_dispatch->save(*m_settings);
    m_general->save(*m_settings);
    m_retention->save(*m_settings);
    if (!m_settings->sync()) {
        showError(currentPage(), tr("The settings could not be written to %1.").arg(m_settings->store().fileName()));
        return false;
    }
    showError(currentPage(), QString());
    if (m_services.applied)
        m_services.applied();
    emit applied();
    submitFees(closeAfter);
    return true;
}

void SettingsDialog::submitFees(bool closeAfter)
{
    const QList<FeeChange> fees = m_sink ? m_fees->changedFees() : QList<FeeChange>();
    const Result<QList<JournalEntry>> made =
        DeskCommands::setFees(fees, m_actor, m_now ? m_now() : QDateTime::currentDateTimeUtc());
    const QList<JournalEntry> entries = made ? made.value() : QList<JournalEntry>();
    if (entries.isEmpty()) {
        if (closeAfter)
            QDialog::accept();
        return;
    }
    m_pendingFees = true;
    updateButtons();
    m_fees->showMessage(tr("Recording the fees…"), false);
    QPointer<SettingsDialog> self(this);
    m_sink->submit(entries, ActionSink::Mode::AllOrNothing, [self, closeAfter](const QList<Status> &results) {
        if (!self)
            return;
        self->m_pendingFees = false;
        self->updateButtons();
        for (const Status &r : results) {
            if (!r.ok()) {
                self->m_fees->showMessage(tr("The fees were not changed: %1").arg(r.errorString()), true);
                self->showPage(Page::Fees);
                return;
            }
        }
        self->m_fees->markSaved();
        self->m_fees->showMessage(QString(), false);
        if (closeAfter)
            self->QDialog::accept();
    });
}

void SettingsDialog::accept()
{
    // Closes at once, or once the fees changed are stored.
    save(true);
}

} // namespace relais
