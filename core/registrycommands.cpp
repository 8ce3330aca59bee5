#include "registrycommands.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace relais::RegistryCommands {

namespace {

Error noDevice()
{
    return Error{QStringLiteral("no_device_id"),
                 QCoreApplication::translate("relais::RegistryCommands", "A device needs an id.")};
}

QJsonObject devicePayload(const DeviceForm &d)
{
    QJsonObject p{
        {QStringLiteral("device"), d.id},       {QStringLiteral("kind"), d.kind},
        {QStringLiteral("label"), d.label},     {QStringLiteral("beneficiary"), d.beneficiary},
        {QStringLiteral("address"), d.address}, {QStringLiteral("interval_s"), d.intervalS},
    };
    if (d.position.isValid()) {
        p.insert(QStringLiteral("lat"), d.position.latitude());
        p.insert(QStringLiteral("lon"), d.position.longitude());
    }
    return p;
}

Result<QList<JournalEntry>> device(QLatin1StringView kind, const DeviceForm &d, const Actor &by, const QDateTime &at,
                                   const QString &source)
{
    if (d.id.isEmpty())
        return noDevice();
    return QList<JournalEntry>{JournalEntry::make(at.toUTC(), source, kind, by, devicePayload(d))};
}

} // namespace

Result<QList<JournalEntry>> registerDevice(const DeviceForm &d, const Actor &by, const QDateTime &at,
                                           const QString &source)
{
    return device(EntryKind::DeviceRegistered, d, by, at, source);
}

Result<QList<JournalEntry>> updateDevice(const DeviceForm &d, const Actor &by, const QDateTime &at)
{
    return device(EntryKind::DeviceUpdated, d, by, at, QStringLiteral("ui"));
}

Result<QList<JournalEntry>> removeDevice(const QString &deviceId, const Actor &by, const QDateTime &at)
{
    if (deviceId.isEmpty())
        return noDevice();
    return QList<JournalEntry>{JournalEntry::make(at.toUTC(), QStringLiteral("ui"), EntryKind::DeviceRemoved, by,
                                                  QJsonObject{{QStringLiteral("device"), deviceId}})};
}

Result<QList<JournalEntry>> importDevices(const QList<DeviceForm> &devices, const Actor &by, const QDateTime &at)
{
    QList<JournalEntry> out;
    out.reserve(devices.size());
    for (const DeviceForm &d : devices) {
        Result<QList<JournalEntry>> one = registerDevice(d, by, at, QStringLiteral("import"));
        if (!one)
            return one.error();
        out += one.value();
    }
    return out;
}

} // namespace relais::RegistryCommands
