#include "xyztilesource.h"

#include "tilediskcache.h"
#include "tileimageformat.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <memory>

namespace relais {

namespace {

QString keyText(const TileKey &key)
{
    return QStringLiteral("%1/%2/%3").arg(key.z).arg(key.x).arg(key.y);
}

// The contact as a User-Agent comment may hold it: printable ASCII, no parentheses or
// backslashes (they delimit comments), other characters percent-encoded, no line breaks.
QByteArray sanitisedContact(const QString &contact)
{
    QByteArray out;
    const QByteArray utf8 = contact.simplified().toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80)
            out += '%' + QByteArray::number(u, 16).toUpper();
        else if (u < 0x20 || u == 0x7f)
            out += ' ';
        else if (c == '(' || c == ')' || c == '\\')
            out += ' ';
        else
            out += c;
    }
    return out.simplified();
}

} // namespace

XyzTileSource::XyzTileSource(XyzTemplate server, const QString &cacheDirectory, const QString &contact, QObject *parent)
    : TileSource(parent),
      m_server(std::move(server)),
      m_userAgent(userAgentFor(contact)),
      m_network(this),
      m_cache(new TileDiskCache(cacheDirectory))
{
    m_network.setCache(m_cache); // the manager owns the cache from now on
    m_network.setAutoDeleteReplies(false);
}

XyzTileSource::~XyzTileSource()
{
    for (QNetworkReply *reply : std::as_const(m_inFlight)) {
        QObject::disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        delete reply;
    }
}

QByteArray XyzTileSource::userAgentFor(const QString &contact)
{
    const QByteArray clean = sanitisedContact(contact);
    const QByteArray who = clean.isEmpty() ? QByteArray("no contact configured") : "contact: " + clean;
    return QByteArray("Relais/" RELAIS_VERSION " (dispatcher console; ") + who + ')';
}

QString XyzTileSource::cacheDirectory() const
{
    return m_cache->cacheDirectory();
}

QString XyzTileSource::host() const
{
    return m_server.urlFor(TileKey{}).host();
}

void XyzTileSource::setMaxInFlight(int count)
{
    m_maxInFlight = qBound(1, count, maxRequestsInFlight);
    startWaiting();
}

void XyzTileSource::setTransferTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = qMax(timeout, std::chrono::milliseconds(1));
}

void XyzTileSource::request(const TileKey &key)
{
    if (m_inFlight.contains(key) || m_refused.contains(key) || m_queue.contains(key))
        return;
    if (!key.isValid()) {
        answerLater(key, Failure::NotFound, tr("There is no tile %1.").arg(keyText(key)));
        return;
    }
    if (key.z < minZoom() || key.z > maxZoom()) {
        answerLater(key, Failure::NotFound,
                    tr("%1 has no tiles at zoom %2: its zooms go from %3 to %4.")
                        .arg(name())
                        .arg(key.z)
                        .arg(minZoom())
                        .arg(maxZoom()));
        return;
    }
    m_queue.prepend(key);
    startWaiting();
}

void XyzTileSource::cancel(const TileKey &key)
{
    m_queue.removeOne(key);
    m_refused.remove(key);
    if (QNetworkReply *reply = m_inFlight.take(key)) {
        QObject::disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
        startWaiting();
    }
}

void XyzTileSource::answerLater(const TileKey &key, Failure failure, const QString &reason)
{
    m_refused.insert(key, Answer{failure, reason});
    QTimer::singleShot(0, this, [this, key] {
        const auto it = m_refused.constFind(key);
        if (it == m_refused.cend())
            return; // cancelled meanwhile
        const Answer answer = it.value();
        m_refused.erase(it);
        emit tileFailed(key, answer.failure, answer.reason);
    });
}

void XyzTileSource::startWaiting()
{
    while (m_inFlight.size() < m_maxInFlight && !m_queue.isEmpty())
        start(m_queue.takeFirst());
}

void XyzTileSource::start(const TileKey &key)
{
    QNetworkRequest request(m_server.urlFor(key));
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setRawHeader("Accept", "image/png,image/jpeg,image/webp,image/*;q=0.8");
    // The cache is used as HTTP says: fresh copies are served from disk, stale ones revalidated.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, true);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setTransferTimeout(int(m_timeout.count()));
    QNetworkReply *reply = m_network.get(request);
    m_inFlight.insert(key, reply);
    connect(reply, &QNetworkReply::finished, this, [this, key, reply] { finish(key, reply); });
}

void XyzTileSource::finish(const TileKey &key, QNetworkReply *reply)
{
    reply->deleteLater();
    if (m_inFlight.value(key) != reply)
        return; // not ours any more (cannot happen: cancel() disconnects)
    m_inFlight.remove(key);

    const std::optional<Answer> failed = classify(key, reply);
    QByteArray data;
    if (!failed)
        data = reply->readAll();
    else if (failed->failure == Failure::Unreachable)
        data = cachedCopy(reply->request().url()); // an expired copy beats no tile at all

    startWaiting();
    if (!data.isEmpty())
        emit tileLoaded(key, data);
    else
        emit tileFailed(key, failed->failure, failed->reason);
}

// Nothing when the reply holds a tile image, otherwise why not.
std::optional<XyzTileSource::Answer> XyzTileSource::classify(const TileKey &key, QNetworkReply *reply) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString server = host();
    if (status == 404 || status == 410)
        return Answer{Failure::NotFound, tr("The tile server %1 has no tile %2.").arg(server, keyText(key))};
    if (status >= 500) {
        return Answer{Failure::Unreachable, tr("The tile server %1 is failing (HTTP %2).").arg(server).arg(status)};
    }
    if (status >= 400) { // 403 (blocked), 429 (too many requests)...: the map falls back
        return Answer{Failure::Unreachable,
                      tr("The tile server %1 refused tile %2 (HTTP %3).").arg(server, keyText(key)).arg(status)};
    }
    switch (reply->error()) {
    case QNetworkReply::NoError:
        break;
    case QNetworkReply::ConnectionRefusedError:
        return Answer{Failure::Unreachable, tr("The tile server %1 refused the connection.").arg(server)};
    case QNetworkReply::HostNotFoundError:
        return Answer{Failure::Unreachable,
                      tr("The tile server %1 could not be found: no network, or a wrong address.").arg(server)};
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout (cancel() never lets us see ours)
        return Answer{Failure::Unreachable, tr("The tile server %1 did not answer within %2 seconds.")
                                                .arg(server)
                                                .arg(double(m_timeout.count()) / 1000.0)};
    case QNetworkReply::SslHandshakeFailedError:
        return Answer{Failure::Unreachable,
                      tr("The secure connection to the tile server %1 failed: %2.").arg(server, reply->errorString())};
    default:
        return Answer{Failure::Unreachable,
                      tr("The tile server %1 could not be reached: %2.").arg(server, reply->errorString())};
    }

    if (TileImageFormat::isImage(reply->peek(16)))
        return std::nullopt;
    if (reply->bytesAvailable() == 0) {
        return Answer{Failure::BadData,
                      tr("The tile server %1 sent an empty answer for tile %2.").arg(server, keyText(key))};
    }
    const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    return Answer{Failure::BadData,
                  tr("The tile server %1 sent something that is not a PNG, JPEG or WebP image for tile %2 (%3).")
                      .arg(server, keyText(key), type.isEmpty() ? tr("no content type") : type)};
}

QByteArray XyzTileSource::cachedCopy(const QUrl &url) const
{
    const std::unique_ptr<QIODevice> device(m_cache->data(url));
    if (!device)
        return {};
    QByteArray data = device->readAll();
    return TileImageFormat::isImage(data) ? data : QByteArray();
}

} // namespace relais
