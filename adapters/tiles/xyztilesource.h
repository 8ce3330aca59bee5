#pragma once

#include "tilesource.h"
#include "xyztemplate.h"

#include <QHash>
#include <QList>
#include <QNetworkAccessManager>

#include <chrono>
#include <optional>
#include <utility>

class QNetworkReply;

namespace relais {

class TileDiskCache;

// Raster tiles from an XYZ tile server over HTTP(S), following the OpenStreetMap tile policy
// by construction (https://operations.osmfoundation.org/policies/tiles/):
// - every request carries a User-Agent naming Relais, its version and the desk's contact;
// - responses go through an HTTP disk cache that honours the server's expiry and keeps a tile
//   7 days when the server gives no lifetime (TileDiskCache);
// - at most 4 requests are in flight (settable down to 1), the others wait, newest first;
// - cancel() drops a waiting request or aborts the one in flight;
// - there is no way to ask for an area or a list of tiles: only request() of one tile the map
//   shows. Bulk downloading is forbidden by the policy.
// Lives and is called on one thread (the GUI thread); see TileSource for the contract.
class XyzTileSource final : public TileSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(XyzTileSource)

public:
    static constexpr int maxRequestsInFlight = 4;
    static constexpr std::chrono::milliseconds defaultTransferTimeout{15000};

    // cacheDirectory: this server's own folder (created when needed). contact: how the tile
    // server's operators can reach whoever runs this desk (an e-mail address or a web page),
    // from the settings; empty when none was set, and the User-Agent then says so.
    XyzTileSource(XyzTemplate server, const QString &cacheDirectory, const QString &contact, QObject *parent = nullptr);
    ~XyzTileSource() override;

    QString name() const override { return m_server.name(); }
    QString attribution() const override { return m_server.attribution(); }
    int minZoom() const override { return m_server.minZoom(); }
    int maxZoom() const override { return m_server.maxZoom(); }

    void request(const relais::TileKey &key) override;
    void cancel(const relais::TileKey &key) override;

    // Requests in flight at once: clamped to 1..4 (the default is 4).
    void setMaxInFlight(int count);
    int maxInFlight() const { return m_maxInFlight; }
    // Longest a transfer may stall before it fails as unreachable (default 15 s).
    void setTransferTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds transferTimeout() const { return m_timeout; }

    int inFlightCount() const { return int(m_inFlight.size()); }
    int queuedCount() const { return int(m_queue.size()); }
    const XyzTemplate &server() const { return m_server; }
    QString cacheDirectory() const;
    QByteArray userAgent() const { return m_userAgent; }

    // "Relais/<version> (dispatcher console; contact: <contact>)", or "...; no contact
    // configured)" when contact is empty. The contact is reduced to printable ASCII.
    static QByteArray userAgentFor(const QString &contact);

private:
    struct Answer
    {
        Failure failure;
        QString reason;
    };

    void startWaiting();
    void start(const TileKey &key);
    void finish(const TileKey &key, QNetworkReply *reply);
    void answerLater(const TileKey &key, Failure failure, const QString &reason);
    std::optional<Answer> classify(const TileKey &key, QNetworkReply *reply) const;
    QByteArray cachedCopy(const QUrl &url) const;
    QString host() const;

    XyzTemplate m_server;
    QByteArray m_userAgent;
    QNetworkAccessManager m_network;  // a child too, so that it follows moveToThread()
    TileDiskCache *m_cache = nullptr; // owned by m_network
    QList<TileKey> m_queue;           // waiting requests, the newest first
    QHash<TileKey, QNetworkReply *> m_inFlight;
    QHash<TileKey, Answer> m_refused; // refused at once, answered on the next event-loop turn
    int m_maxInFlight = maxRequestsInFlight;
    std::chrono::milliseconds m_timeout = defaultTransferTimeout;
};

} // namespace relais
