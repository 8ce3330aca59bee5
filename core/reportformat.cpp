#include "reportformat.h"

namespace relais {

QChar ReportFormat::defaultSeparator(const QLocale &locale)
{
    return locale.language() == QLocale::French ? QLatin1Char(';') : QLatin1Char(',');
}

ReportFormat ReportFormat::forLocale(const QLocale &locale)
{
    ReportFormat f;
    f.separator = defaultSeparator(locale);
    f.byteOrderMark = true;
    return f;
}

} // namespace relais
