#pragma once

#include "actor.h"
#include "feeschedule.h"
#include "settingsservices.h"

#include <QDateTime>
#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace relais {

class ActionSink;
class DispatchPage;
class FeesPage;
class GatewaysPage;
class GeneralPage;
class MapPage;
class RetentionPage;
class SecretsPage;
class Settings;

// The console's settings (docs/settings.md), one page each: gateways, secrets, map, dispatch,
// fees, language and sounds, data retention. OK and Apply check every page first: a value that
// cannot be saved keeps the dialog open on its page with the reason under it, and nothing is
// saved; Cancel saves nothing. Then the gateways file is written (through the composition root's
// function) when it changed, the settings are written, applied() is emitted, and the fees that
// changed are submitted as fees.set journal entries; OK closes once they are stored (a refusal
// stays shown on the Fees page). Secrets are stored or deleted at once by their own buttons.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    enum class Page { Gateways, Secrets, Map, Dispatch, Fees, General, Retention };

    // settings: not owned, must outlive the dialog. The services' pointers are borrowed too.
    SettingsDialog(Settings *settings, const SettingsServices &services, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Where fee changes go: the current schedule, the sink (null: the Fees page is read-only),
    // who changes them and the time of the entries.
    void setJournal(const FeeSchedule &fees, ActionSink *sink, const Actor &actor, std::function<QDateTime()> now = {});

    void showPage(Page page);
    Page currentPage() const;
    GatewaysPage *gatewaysPage() const { return m_gateways; }
    SecretsPage *secretsPage() const { return m_secrets; }
    MapPage *mapPage() const { return m_map; }
    DispatchPage *dispatchPage() const { return m_dispatch; }
    FeesPage *feesPage() const { return m_fees; }
    GeneralPage *generalPage() const { return m_general; }
    RetentionPage *retentionPage() const { return m_retention; }
    // The inline error under the pages (empty: none).
    QString errorText() const;
    // Fees submitted and not answered yet.
    bool isBusy() const { return m_pendingFees; }

    // Apply: checks and saves everything. False, with the reason shown, when nothing was saved.
    bool apply();

signals:
    // The settings were saved (OK or Apply): what applies at once can be applied.
    void applied();

public slots:
    void accept() override;

private:
    // Checks and saves; closes the dialog afterwards when asked (once the fees are stored).
    bool save(bool closeAfter);
    void showError(Page page, const QString &text);
    void submitFees(bool closeAfter);
    void updateButtons();

    Settings *m_settings;
    SettingsServices m_services;
    ActionSink *m_sink = nullptr;
    Actor m_actor;
    std::function<QDateTime()> m_now;
    bool m_pendingFees = false;

    QListWidget *m_list = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    GatewaysPage *m_gateways = nullptr;
    SecretsPage *m_secrets = nullptr;
    MapPage *m_map = nullptr;
    DispatchPage *m_dispatch = nullptr;
    FeesPage *m_fees = nullptr;
    GeneralPage *m_general = nullptr;
    RetentionPage *m_retention = nullptr;
};

} // namespace relais
