#pragma once

#include <QHashFunctions>
#include <QMetaType>

namespace relais {

// One tile of a slippy map: zoom, column (x, from the west) and row (y, from the north,
// XYZ convention; MBTiles' TMS rows are flipped by the MBTiles source, not here).
struct TileKey
{
    int z = 0;
    int x = 0;
    int y = 0;

    bool isValid() const { return z >= 0 && z <= 30 && x >= 0 && y >= 0 && x < (1 << z) && y < (1 << z); }
    // The tile one zoom out that contains this one (invalid for zoom 0).
    TileKey parent() const { return z > 0 ? TileKey{z - 1, x / 2, y / 2} : TileKey{-1, 0, 0}; }

    friend bool operator==(const TileKey &, const TileKey &) = default;
    friend size_t qHash(const TileKey &key, size_t seed = 0) noexcept { return qHashMulti(seed, key.z, key.x, key.y); }
};

} // namespace relais

Q_DECLARE_METATYPE(relais::TileKey)
