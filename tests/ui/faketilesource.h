#pragma once

#include "tilesource.h"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QList>
#include <QSet>
#include <QTimer>

namespace relais {

// A TileSource for tests: serves PNG tiles drawn here (one plain colour per zoom level, or
// per tile), holds requests until told, or fails them; records every request and cancel.
class FakeTileSource final : public TileSource
{
public:
    enum class Mode { Serve, Hold, Unreachable, NotFound };

    using TileSource::TileSource;

    Mode mode = Mode::Serve;
    QList<TileKey> requests;
    QList<TileKey> cancels;
    QSet<TileKey> pending;
    // The colour of a tile; plain red by default.
    std::function<QColor(const TileKey &)> colourFor = [](const TileKey &) {
        return QColor(Qt::red);
    };

    QString name() const override { return QStringLiteral("Fake tiles"); }
    QString attribution() const override { return QStringLiteral("Fake tiles © Test Cartographers"); }
    int minZoom() const override { return 0; }
    int maxZoom() const override { return 19; }

    void request(const TileKey &key) override
    {
        requests.append(key);
        if (pending.contains(key))
            return;
        pending.insert(key);
        if (mode != Mode::Hold)
            QTimer::singleShot(0, this, [this, key] { answer(key); });
    }
    void cancel(const TileKey &key) override
    {
        cancels.append(key);
        pending.remove(key);
    }

    static QByteArray png(const QColor &colour, int side = 256)
    {
        QImage image(side, side, QImage::Format_RGB32);
        image.fill(colour);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    }

    // Answers one pending request as the mode says (Hold answers with a tile).
    void answer(const TileKey &key)
    {
        if (!pending.remove(key))
            return;
        switch (mode) {
        case Mode::Serve:
        case Mode::Hold:
            emit tileLoaded(key, png(colourFor(key)));
            break;
        case Mode::Unreachable:
            emit tileFailed(key, Failure::Unreachable, QStringLiteral("Connection refused"));
            break;
        case Mode::NotFound:
            emit tileFailed(key, Failure::NotFound, QStringLiteral("No such tile"));
            break;
        }
    }
    void answerAll()
    {
        const QList<TileKey> keys(pending.cbegin(), pending.cend());
        for (const TileKey &key : keys)
            answer(key);
    }
};

} // namespace relais
