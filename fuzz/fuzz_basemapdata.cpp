// libFuzzer target: BasemapData::parse, the GeoJSON of the offline street map (the map/basemap
// setting, docs/map.md): a file a desk chooses, not only the demo town.
#include "fuzzcheck.h"
#include "geo/basemapdata.h"

#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace relais;

namespace {

// Inside the box, give or take rounding: QRectF keeps a width, and left + width may miss the
// rightmost longitude by an ulp (found by this target: not a parser bug).
bool contains(const QRectF &box, const QPointF &p)
{
    constexpr double slack = 1e-9; // degrees: about 0.1 mm
    return p.x() >= box.left() - slack && p.x() <= box.right() + slack && p.y() >= box.top() - slack
           && p.y() <= box.bottom() + slack;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    BasemapData basemap;
    if (!basemap.parse(json)) {
        RELAIS_FUZZ_CHECK(!basemap.errorString().isEmpty());
        RELAIS_FUZZ_CHECK(basemap.features().isEmpty());
        return 0;
    }
    // What the renderer relies on: parts to draw, each long enough, inside the boxes.
    RELAIS_FUZZ_CHECK(!basemap.features().isEmpty());
    RELAIS_FUZZ_CHECK(basemap.skippedCount() >= 0);
    RELAIS_FUZZ_CHECK(!basemap.attribution().isEmpty());
    for (const BasemapData::Feature &f : basemap.features()) {
        RELAIS_FUZZ_CHECK(!f.parts.isEmpty());
        RELAIS_FUZZ_CHECK(!f.bounds.isEmpty());
        for (const QList<QPointF> &part : f.parts) {
            RELAIS_FUZZ_CHECK(part.size() >= (f.isArea ? 4 : 2));
            for (const QPointF &p : part) {
                RELAIS_FUZZ_CHECK(contains(f.bounds, p) && contains(basemap.bounds(), p));
                RELAIS_FUZZ_CHECK(std::abs(p.x()) <= 180 && std::abs(p.y()) <= 90);
            }
        }
    }
    return 0;
}
