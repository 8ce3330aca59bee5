#pragma once

#include <QByteArray>
#include <QString>

namespace relais {

// The encoded image formats a raster tile may come in, told apart by their first bytes
// (their "magic"), without Qt Gui: the tile sources check what they hand to the map.
class TileImageFormat final
{
public:
    enum class Kind { Unknown, Png, Jpeg, WebP };

    static Kind detect(const QByteArray &data);
    static bool isImage(const QByteArray &data) { return detect(data) != Kind::Unknown; }
    // "PNG", "JPEG", "WebP" or an empty string.
    static QString name(Kind kind);
};

} // namespace relais
