#pragma once

#include "gatewaysettings.h"
#include "result.h"

#include <QString>

#include <functional>

namespace relais {

class SecretStore;

// What the composition root lends the settings dialog for the parts the ui cannot reach itself
// (it links no adapter). Every member is optional: the page concerned says what is missing.
struct SettingsServices
{
    // The system keychain (not owned; must outlive the dialogs).
    SecretStore *secrets = nullptr;
    // The gateways file, read when the dialog opens and written on OK / Apply when changed.
    std::function<GatewaySettings()> loadGateways;
    std::function<Status(const GatewaySettings &)> saveGateways;
    // Checks a map source spec (--map-source's syntax): empty when fine, else why not.
    std::function<QString(const QString &spec)> checkMapSource;
    // Called after the settings were saved: the composition root applies what it can at once.
    std::function<void()> applied;
};

} // namespace relais
