#include "localisation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace relais {

QLocale localeFor(const QString &language, const QLocale &system)
{
    if (language.isEmpty())
        return system;
    const QLocale asked(language);
    return system.language() == asked.language() ? system : asked;
}

QString installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = localeFor(language, QLocale::system());
    QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QStringLiteral("en"); // the source language: nothing to load

    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, QStringLiteral("relais"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
    return QLocale::languageToCode(locale.language());
}

} // namespace relais
