#include "devicekinds.h"

#include <QCoreApplication>

namespace relais::DeviceKinds {

QStringList common()
{
    return {QStringLiteral("panic_button"), QStringLiteral("fall_detector"), QStringLiteral("smoke"),
            QStringLiteral("intrusion"),    QStringLiteral("door"),          QStringLiteral("water_leak"),
            QStringLiteral("gas"),          QStringLiteral("other")};
}

QString label(const QString &key)
{
    if (key == QLatin1String("panic_button"))
        return QCoreApplication::translate("relais::DeviceKinds", "Panic button");
    if (key == QLatin1String("fall_detector"))
        return QCoreApplication::translate("relais::DeviceKinds", "Fall detector");
    if (key == QLatin1String("smoke"))
        return QCoreApplication::translate("relais::DeviceKinds", "Smoke detector");
    if (key == QLatin1String("intrusion"))
        return QCoreApplication::translate("relais::DeviceKinds", "Intrusion sensor");
    if (key == QLatin1String("door"))
        return QCoreApplication::translate("relais::DeviceKinds", "Door contact");
    if (key == QLatin1String("water_leak"))
        return QCoreApplication::translate("relais::DeviceKinds", "Water leak sensor");
    if (key == QLatin1String("gas"))
        return QCoreApplication::translate("relais::DeviceKinds", "Gas detector");
    if (key == QLatin1String("other"))
        return QCoreApplication::translate("relais::DeviceKinds", "Other", "device kind");
    return key;
}

QString keyFor(const QString &text)
{
    const QString t = text.trimmed();
    for (const QString &key : common()) {
        if (t.compare(key, Qt::CaseInsensitive) == 0 || t.compare(label(key), Qt::CaseInsensitive) == 0)
            return key;
    }
    return t;
}

} // namespace relais::DeviceKinds
