// libFuzzer target: GatewayConfigFile::parse, the desk's gateways.json (docs/gateways.md).
#include "fuzzcheck.h"
#include "gatewayconfig.h"

#include <cstddef>
#include <cstdint>

using namespace relais;

namespace {

bool sameConfig(const GatewayConfig &a, const GatewayConfig &b)
{
    if (a.tcp.size() != b.tcp.size() || a.serial.size() != b.serial.size() || a.gateways.size() != b.gateways.size())
        return false;
    for (qsizetype i = 0; i < a.tcp.size(); ++i) {
        const TcpListenConfig &x = a.tcp.at(i);
        const TcpListenConfig &y = b.tcp.at(i);
        if (x.address != y.address || x.port != y.port || x.certificateFile != y.certificateFile
            || x.keyFile != y.keyFile)
            return false;
    }
    for (qsizetype i = 0; i < a.serial.size(); ++i) {
        if (a.serial.at(i).port != b.serial.at(i).port || a.serial.at(i).baud != b.serial.at(i).baud)
            return false;
    }
    for (qsizetype i = 0; i < a.gateways.size(); ++i) {
        const GatewayAccount &x = a.gateways.at(i);
        const GatewayAccount &y = b.gateways.at(i);
        if (x.id != y.id || x.token != y.token || x.tokenSecret != y.tokenSecret || !(x.limits == y.limits))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Relative certificate paths resolve into a folder that does not exist: the parser only asks
    // whether the files are readable, so the answer never depends on the machine's files.
    static const QString baseDir = QStringLiteral("/nonexistent/relais-fuzz");
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const GatewayConfigFile::Parsed parsed = GatewayConfigFile::parse(json, baseDir);
    for (const QString &e : parsed.errors)
        RELAIS_FUZZ_CHECK(!e.isEmpty());
    if (!parsed.ok())
        return 0;

    // The settings' Gateways page writes a usable configuration back (app/gatewaysettingsfile.cpp):
    // it must read again the same.
    const GatewayConfigFile::Parsed again =
        GatewayConfigFile::parse(GatewayConfigFile::serialize(parsed.config), baseDir);
    RELAIS_FUZZ_CHECK(again.ok());
    RELAIS_FUZZ_CHECK(sameConfig(again.config, parsed.config));
    return 0;
}
