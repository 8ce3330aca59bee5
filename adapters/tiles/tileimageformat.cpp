#include "tileimageformat.h"

namespace relais {

TileImageFormat::Kind TileImageFormat::detect(const QByteArray &data)
{
    // PNG: 89 50 4E 47 0D 0A 1A 0A; JPEG: FF D8 FF; WebP: "RIFF" <size:4> "WEBP".
    static const QByteArray png("\x89PNG\r\n\x1a\n", 8);
    static const QByteArray jpeg("\xff\xd8\xff", 3);
    if (data.startsWith(png))
        return Kind::Png;
    if (data.startsWith(jpeg))
        return Kind::Jpeg;
    if (data.size() >= 12 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return Kind::WebP;
    return Kind::Unknown;
}

QString TileImageFormat::name(Kind kind)
{
    switch (kind) {
    case Kind::Png:
        return QStringLiteral("PNG");
    case Kind::Jpeg:
        return QStringLiteral("JPEG");
    case Kind::WebP:
        return QStringLiteral("WebP");
    case Kind::Unknown:
        break;
    }
    return {};
}

} // namespace relais
