#pragma once

#include "result.h"
#include "tilesource.h"

#include <QList>
#include <QSet>
#include <QSqlQuery>

#include <memory>
#include <optional>

namespace relais {

// Raster tiles from an MBTiles 1.3 file (https://github.com/mapbox/mbtiles-spec): a SQLite
// database opened read-only on a connection of its own, its schema checked when opened, its
// rows counted the TMS way (tile_row = 2^z − 1 − y) unless its metadata says scheme=xyz.
// Tiles are read on the source's thread and delivered on the next event-loop turn, so that a
// request never answers before request() returns (see TileSource for the contract).
class MbtilesTileSource final : public TileSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MbtilesTileSource)

public:
    // Opens the file and checks it; the error says what is wrong with it, for people.
    static Result<std::unique_ptr<MbtilesTileSource>> open(const QString &path);
    ~MbtilesTileSource() override;

    QString name() const override { return m_name; }
    QString attribution() const override { return m_attribution; }
    int minZoom() const override { return m_minZoom; }
    int maxZoom() const override { return m_maxZoom; }

    void request(const relais::TileKey &key) override;
    void cancel(const relais::TileKey &key) override;

    QString filePath() const { return m_path; }
    // The metadata's format ("png", "jpg", "webp"); "png" when the file does not say.
    QString format() const { return m_format; }
    // Whether rows are counted from the south (TMS, the MBTiles rule) or the north (scheme=xyz).
    bool flipsRows() const { return m_flipRows; }

    // The row of the tiles table holding the XYZ row y at zoom z, TMS-flipped: 2^z − 1 − y.
    static int tmsRow(int z, int y) { return (1 << z) - 1 - y; }

private:
    explicit MbtilesTileSource(const QString &path);
    Status load();
    void deliver();
    void answer(const TileKey &key);

    QString m_path;
    QString m_connection;
    std::optional<QSqlQuery> m_select;
    QString m_name;
    QString m_attribution;
    QString m_format;
    int m_minZoom = 0;
    int m_maxZoom = 22;
    bool m_flipRows = true;
    QList<TileKey> m_pending; // in the order asked
    QSet<TileKey> m_pendingSet;
    bool m_deliveryScheduled = false;
};

} // namespace relais
