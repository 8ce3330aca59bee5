#pragma once

#include "gatewaysettings.h"
#include "result.h"

#include <QCoreApplication>
#include <QString>

namespace relais {

// The settings dialog's view of gateways.json (adapters/devices/relaisjson/gatewayconfig.h): the listeners
// and serial lines to edit, the gateway accounts to show. Saving rewrites the listeners and
// serial lines only: the accounts (ids, limits, token_secret, a token still in the file) are
// taken from the file as it is at that moment and written back untouched.
class GatewaySettingsFile final
{
    Q_DECLARE_TR_FUNCTIONS(relais::GatewaySettingsFile)

public:
    // A file that does not exist yet reads as no gateways, editable; one that does not parse is
    // shown read-only with its errors (saving it would lose what it holds).
    static GatewaySettings load(const QString &path);
    // Demo mode: its own listener and token, nothing to edit.
    static GatewaySettings demo();
    // Writes the listeners and serial lines into the file at path (created if absent), keeping
    // its accounts; checked by the file's own parser first, written atomically.
    static Status save(const QString &path, const GatewaySettings &settings);
};

} // namespace relais
