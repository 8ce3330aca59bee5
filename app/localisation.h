#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace relais {

// The locale for `language` ("fr", "en"): the system's own where it speaks that language, so
// that its country's conventions stay (dates in en_GB, fr_BE, fr_CH…), the language's main
// country's otherwise (fr_FR, en_US); the system's when `language` is empty.
QLocale localeFor(const QString &language, const QLocale &system);

// Installs Relais's and Qt's own translations for `language` ("fr", "en"), or for the
// system locale when it is empty, and makes that locale the default for formatting
// (QLocale::setDefault: dates, numbers and amounts in the UI follow it). Returns the
// language actually used.
QString installTranslations(QCoreApplication &app, const QString &language);

} // namespace relais
