#pragma once

#include <QString>

class QCoreApplication;

namespace relais {

// Installs Relais's and Qt's own translations for `language` ("fr", "en"), or for the
// system locale when it is empty, and makes that locale the default for formatting.
// Returns the language actually used.
QString installTranslations(QCoreApplication &app, const QString &language);

} // namespace relais
