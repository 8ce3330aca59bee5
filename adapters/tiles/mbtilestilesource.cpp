#include "mbtilestilesource.h"

#include "tileimageformat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlField>
#include <QSqlRecord>
#include <QTimer>

#include <atomic>

namespace relais {

namespace {

// Tiles answered per event-loop turn: the rest wait for the next turn, so that a burst of
// requests (a zoom change) never freezes the window.
constexpr int deliveryBatch = 32;

QString keyText(const TileKey &key)
{
    return QStringLiteral("%1/%2/%3").arg(key.z).arg(key.x).arg(key.y);
}

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("relais-mbtiles-%1").arg(++counter);
}

// MBTiles attributions are often HTML ("<a href=…>&copy; OpenMapTiles</a>"): the map shows
// plain text.
QString plainText(const QString &html)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    QString text = html;
    text.remove(tag);
    text.replace(QLatin1String("&copy;"), QStringLiteral("©"));
    text.replace(QLatin1String("&nbsp;"), QStringLiteral(" "));
    text.replace(QLatin1String("&quot;"), QStringLiteral("\""));
    text.replace(QLatin1String("&#39;"), QStringLiteral("'"));
    text.replace(QLatin1String("&lt;"), QStringLiteral("<"));
    text.replace(QLatin1String("&gt;"), QStringLiteral(">"));
    text.replace(QLatin1String("&amp;"), QStringLiteral("&"));
    return text.simplified();
}

std::optional<int> zoomValue(const QString &text)
{
    bool ok = false;
    const int zoom = text.trimmed().toInt(&ok);
    if (!ok || zoom < 0 || zoom > 30)
        return std::nullopt;
    return zoom;
}

} // namespace

MbtilesTileSource::MbtilesTileSource(const QString &path) : m_path(path)
{}

MbtilesTileSource::~MbtilesTileSource()
{
    m_select.reset(); // every query must be gone before its connection is removed
    if (m_connection.isEmpty() || !QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<MbtilesTileSource>> MbtilesTileSource::open(const QString &path)
{
    std::unique_ptr<MbtilesTileSource> source(new MbtilesTileSource(path));
    const Status loaded = source->load();
    if (!loaded)
        return loaded.error();
    return Result<std::unique_ptr<MbtilesTileSource>>(std::move(source));
}

Status MbtilesTileSource::load()
{
    const QFileInfo info(m_path);
    const QString file = QDir::toNativeSeparators(info.absoluteFilePath());
    if (!info.exists())
        return Error{QStringLiteral("mbtiles.missing"), tr("The map file %1 does not exist.").arg(file)};
    QFile probe(m_path);
    if (!info.isFile() || !probe.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("mbtiles.unreadable"), tr("The map file %1 cannot be read.").arg(file)};
    if (probe.read(16) != QByteArray("SQLite format 3\0", 16)) {
        return Error{QStringLiteral("mbtiles.notsqlite"),
                     tr("%1 is not an MBTiles map: it is not a SQLite database.").arg(file)};
    }
    probe.close();

    m_connection = nextConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open()) {
        return Error{QStringLiteral("mbtiles.open"),
                     tr("The map file %1 could not be opened: %2").arg(file, db.lastError().text())};
    }

    // The schema of MBTiles 1.3: both may be views (deduplicating writers use views).
    const QStringList tables = db.tables(QSql::Tables) + db.tables(QSql::Views);
    if (db.lastError().isValid()) {
        return Error{QStringLiteral("mbtiles.schema"),
                     tr("The map file %1 could not be read: %2").arg(file, db.lastError().text())};
    }
    struct Required
    {
        QString table;
        QStringList columns;
    };
    const Required required[] = {
        {QStringLiteral("metadata"), {QStringLiteral("name"), QStringLiteral("value")}},
        {QStringLiteral("tiles"),
         {QStringLiteral("zoom_level"), QStringLiteral("tile_column"), QStringLiteral("tile_row"),
          QStringLiteral("tile_data")}},
    };
    QStringList problems;
    for (const Required &r : required) {
        if (!tables.contains(r.table)) {
            problems.append(tr("it has no “%1” table").arg(r.table));
            continue;
        }
        const QSqlRecord record = db.record(r.table);
        QStringList missing;
        for (const QString &column : r.columns) {
            if (!record.contains(column))
                missing.append(column);
        }
        if (!missing.isEmpty()) {
            problems.append(
                tr("its “%1” table lacks the column(s) %2").arg(r.table, missing.join(QStringLiteral(", "))));
        }
    }
    if (!problems.isEmpty()) {
        return Error{QStringLiteral("mbtiles.schema"),
                     tr("%1 is not an MBTiles map: %2.").arg(file, problems.join(QStringLiteral("; ")))};
    }

    QHash<QString, QString> metadata;
    QSqlQuery meta(db);
    if (!meta.exec(QStringLiteral("SELECT name, value FROM metadata"))) {
        return Error{QStringLiteral("mbtiles.metadata"),
                     tr("The metadata of the map file %1 could not be read: %2").arg(file, meta.lastError().text())};
    }
    while (meta.next())
        metadata.insert(meta.value(0).toString().trimmed().toLower(), meta.value(1).toString());
    meta.finish();

    m_format = metadata.value(QStringLiteral("format")).trimmed().toLower();
    if (m_format.isEmpty())
        m_format = QStringLiteral("png");
    else if (m_format == QLatin1String("jpeg"))
        m_format = QStringLiteral("jpg");
    if (m_format == QLatin1String("pbf") || m_format == QLatin1String("mvt")) {
        return Error{QStringLiteral("mbtiles.format"),
                     tr("%1 holds vector tiles (%2), which Relais cannot draw: it needs png, jpg or webp tiles.")
                         .arg(file, m_format)};
    }
    if (m_format != QLatin1String("png") && m_format != QLatin1String("jpg") && m_format != QLatin1String("webp")) {
        return Error{
            QStringLiteral("mbtiles.format"),
            tr("%1 holds tiles of the unknown format “%2”: Relais draws png, jpg or webp tiles.").arg(file, m_format)};
    }

    m_name = metadata.value(QStringLiteral("name")).trimmed();
    if (m_name.isEmpty())
        m_name = info.fileName();
    m_attribution = plainText(metadata.value(QStringLiteral("attribution")));
    if (m_attribution.isEmpty())
        m_attribution = tr("%1 (the file names no attribution)").arg(info.fileName());
    m_flipRows = metadata.value(QStringLiteral("scheme")).trimmed().toLower() != QLatin1String("xyz");

    std::optional<int> minZoom = zoomValue(metadata.value(QStringLiteral("minzoom")));
    std::optional<int> maxZoom = zoomValue(metadata.value(QStringLiteral("maxzoom")));
    if (!minZoom || !maxZoom || *minZoom > *maxZoom) {
        // Not stated (they are only suggested by the spec): the zooms the tiles have.
        QSqlQuery range(db);
        if (range.exec(QStringLiteral("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles")) && range.next()
            && !range.value(0).isNull()) {
            minZoom = range.value(0).toInt();
            maxZoom = range.value(1).toInt();
        } else {
            minZoom = 0;
            maxZoom = 22;
        }
    }
    m_minZoom = *minZoom;
    m_maxZoom = *maxZoom;

    m_select.emplace(db);
    m_select->setForwardOnly(true);
    if (!m_select->prepare(
            QStringLiteral("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?"))) {
        return Error{QStringLiteral("mbtiles.query"),
                     tr("The tiles of the map file %1 could not be read: %2").arg(file, m_select->lastError().text())};
    }
    return Status::success();
}

void MbtilesTileSource::request(const TileKey &key)
{
    if (m_pendingSet.contains(key))
        return;
    m_pendingSet.insert(key);
    m_pending.append(key);
    if (!m_deliveryScheduled) {
        m_deliveryScheduled = true;
        QTimer::singleShot(0, this, &MbtilesTileSource::deliver);
    }
}

void MbtilesTileSource::cancel(const TileKey &key)
{
    if (m_pendingSet.remove(key))
        m_pending.removeOne(key);
}

void MbtilesTileSource::deliver()
{
    m_deliveryScheduled = false;
    for (int i = 0; i < deliveryBatch && !m_pending.isEmpty(); ++i) {
        const TileKey key = m_pending.takeFirst();
        m_pendingSet.remove(key);
        answer(key); // may call request() or cancel() back
    }
    if (!m_pending.isEmpty() && !m_deliveryScheduled) {
        m_deliveryScheduled = true;
        QTimer::singleShot(0, this, &MbtilesTileSource::deliver);
    }
}

void MbtilesTileSource::answer(const TileKey &key)
{
    if (!key.isValid()) {
        emit tileFailed(key, Failure::NotFound, tr("There is no tile %1.").arg(keyText(key)));
        return;
    }
    if (key.z < m_minZoom || key.z > m_maxZoom) {
        emit tileFailed(key, Failure::NotFound,
                        tr("%1 has no tiles at zoom %2: its zooms go from %3 to %4.")
                            .arg(m_name)
                            .arg(key.z)
                            .arg(m_minZoom)
                            .arg(m_maxZoom));
        return;
    }
    m_select->addBindValue(key.z);
    m_select->addBindValue(key.x);
    m_select->addBindValue(m_flipRows ? tmsRow(key.z, key.y) : key.y);
    if (!m_select->exec()) {
        const QString error = m_select->lastError().text();
        m_select->finish();
        emit tileFailed(key, Failure::Unreachable,
                        tr("The map file %1 could not be read: %2").arg(QDir::toNativeSeparators(m_path), error));
        return;
    }
    const bool found = m_select->next();
    const QByteArray data = found ? m_select->value(0).toByteArray() : QByteArray();
    m_select->finish();
    if (!found) {
        emit tileFailed(key, Failure::NotFound, tr("%1 has no tile %2.").arg(m_name, keyText(key)));
        return;
    }
    if (!TileImageFormat::isImage(data)) {
        emit tileFailed(key, Failure::BadData,
                        tr("Tile %1 of %2 is not a PNG, JPEG or WebP image.").arg(keyText(key), m_name));
        return;
    }
    emit tileLoaded(key, data);
}

} // namespace relais
