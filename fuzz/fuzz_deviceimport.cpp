// libFuzzer target: DeviceImport, the coordinator's CSV of devices (File > Import devices).
#include "deviceimport.h"
#include "dispatchstate.h"
#include "fuzzcheck.h"

#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace relais;

namespace {

// A state with a few devices already registered, so that the "already registered" path runs;
// the ids are those of the seeds (fuzz/corpus/fuzz_deviceimport).
DispatchState registeredDevices()
{
    DispatchState state;
    for (const char *id : {"d-1", "d-old", "DEV-0001"}) {
        Device d;
        d.id = QString::fromLatin1(id);
        d.kind = QStringLiteral("smoke");
        d.position = QGeoCoordinate(48.85, 2.35);
        state.loadDevice(d);
    }
    return state;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const DispatchState state = registeredDevices();
    static const QDateTime at = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000, Qt::UTC);
    static const Actor by = Actor::operatorNamed(QStringLiteral("Fuzz"));

    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const DeviceImport::Report report = DeviceImport::fromCsv(bytes, state, at, by);

    // All or nothing: entries only without errors, and then at least one.
    RELAIS_FUZZ_CHECK(report.ok() != report.entries.isEmpty());
    RELAIS_FUZZ_CHECK(report.errors.size() <= 51); // 50 and "Stopped after 50 errors."
    for (const QString &e : report.errors)
        RELAIS_FUZZ_CHECK(!e.isEmpty());

    // What the import accepts, the reducer accepts: every entry applies, each a new device.
    DispatchState after = state;
    QSet<QString> ids;
    for (const JournalEntry &e : report.entries) {
        const QString id = e.payload.value(QLatin1String("device")).toString();
        RELAIS_FUZZ_CHECK(!state.device(id) && !ids.contains(id));
        ids.insert(id);
        RELAIS_FUZZ_CHECK(after.apply(e).ok());
    }
    RELAIS_FUZZ_CHECK(after.devices().size() == state.devices().size() + report.entries.size());
    return 0;
}
