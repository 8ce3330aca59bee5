#include "mbtilestilesource.h"

#include <QBuffer>
#include <QColor>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using relais::MbtilesTileSource;
using relais::TileKey;
using relais::TileSource;
using Failure = TileSource::Failure;

namespace {

// A tile as the file stores it: tile_row counted from the south (TMS).
struct StoredTile
{
    int zoom;
    int column;
    int row;
    QByteArray data;
};

QByteArray pngOf(const QColor &colour)
{
    QImage image(256, 256, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.fillRect(image.rect(), colour);
    painter.setPen(colour.darker());
    painter.drawRect(image.rect().adjusted(0, 0, -1, -1));
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

QColor centreColour(const QByteArray &png)
{
    const QImage image = QImage::fromData(png, "PNG");
    return image.isNull() ? QColor() : image.pixelColor(128, 128);
}

// Runs statements on a new SQLite file, then inserts the metadata and the tiles when their
// tables exist. Returns an empty string or the first error.
QString makeFile(const QString &path, const QStringList &schema, const QList<QPair<QString, QString>> &metadata,
                 const QList<StoredTile> &tiles)
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        for (const QString &statement : schema) {
            if (!q.exec(statement) && error.isEmpty())
                error = q.lastError().text();
        }
        for (const auto &[name, value] : metadata) {
            q.prepare(QStringLiteral("INSERT INTO metadata (name, value) VALUES (?, ?)"));
            q.addBindValue(name);
            q.addBindValue(value);
            if (!q.exec() && error.isEmpty())
                error = q.lastError().text();
        }
        for (const StoredTile &t : tiles) {
            q.prepare(
                QStringLiteral("INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)"));
            q.addBindValue(t.zoom);
            q.addBindValue(t.column);
            q.addBindValue(t.row);
            q.addBindValue(t.data);
            if (!q.exec() && error.isEmpty())
                error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
    return error;
}

const QStringList mbtilesSchema = {
    QStringLiteral("CREATE TABLE metadata (name text, value text)"),
    QStringLiteral("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)"),
    QStringLiteral("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)"),
};

// Zoom 1 in four colours, stored by TMS rows: row 1 is the northern half.
const QColor northWest(Qt::red), northEast(Qt::green), southWest(Qt::blue), southEast(Qt::yellow);
const QColor zoom2(Qt::magenta);

QList<StoredTile> colouredTiles()
{
    return {
        {1, 0, 1, pngOf(northWest)}, {1, 1, 1, pngOf(northEast)}, {1, 0, 0, pngOf(southWest)},
        {1, 1, 0, pngOf(southEast)}, {2, 1, 3, pngOf(zoom2)}, // XYZ 2/1/0: the top row of zoom 2
    };
}

struct Spies
{
    QSignalSpy loaded;
    QSignalSpy failed;
    explicit Spies(TileSource *source)
        : loaded(source, &TileSource::tileLoaded), failed(source, &TileSource::tileFailed)
    {}
    int answers() const { return int(loaded.size() + failed.size()); }
};

} // namespace

class TestMbtilesTileSource final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString fixture(const QString &name, const QList<QPair<QString, QString>> &metadata,
                    const QList<StoredTile> &tiles = colouredTiles(), const QStringList &schema = mbtilesSchema)
    {
        const QString path = m_dir.filePath(name);
        const QString error = makeFile(path, schema, metadata, tiles);
        if (!error.isEmpty())
            qWarning("fixture %s: %s", qPrintable(name), qPrintable(error));
        return path;
    }

    std::unique_ptr<MbtilesTileSource> openOk(const QString &path)
    {
        relais::Result<std::unique_ptr<MbtilesTileSource>> opened = MbtilesTileSource::open(path);
        if (!opened)
            qWarning("open %s: %s", qPrintable(path), qPrintable(opened.errorString()));
        return opened ? std::move(opened.value()) : nullptr;
    }

    QString openError(const QString &path)
    {
        const relais::Result<std::unique_ptr<MbtilesTileSource>> opened = MbtilesTileSource::open(path);
        return opened ? QString() : opened.errorString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<TileKey>();
        qRegisterMetaType<TileSource::Failure>();
    }

    void tmsRows()
    {
        // The spec's example: XYZ 11/327/791 is tile_row 1256.
        QCOMPARE(MbtilesTileSource::tmsRow(11, 791), 1256);
        QCOMPARE(MbtilesTileSource::tmsRow(0, 0), 0);
        QCOMPARE(MbtilesTileSource::tmsRow(1, 0), 1);
    }

    void tilesComeOutRightSideUp()
    {
        const auto source =
            openOk(fixture(QStringLiteral("town.mbtiles"), {{QStringLiteral("name"), QStringLiteral("Town")},
                                                            {QStringLiteral("format"), QStringLiteral("png")}}));
        QVERIFY(source);
        QVERIFY(source->flipsRows());
        Spies spies(source.get());
        const QList<QPair<TileKey, QColor>> expected = {
            {TileKey{1, 0, 0}, northWest}, {TileKey{1, 1, 0}, northEast}, {TileKey{1, 0, 1}, southWest},
            {TileKey{1, 1, 1}, southEast}, {TileKey{2, 1, 0}, zoom2},
        };
        for (const auto &[key, colour] : expected)
            source->request(key);
        QTRY_COMPARE(spies.loaded.size(), expected.size());
        QCOMPARE(spies.failed.size(), 0);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(spies.loaded.at(i).at(0).value<TileKey>(), expected.at(i).first);
            QCOMPARE(centreColour(spies.loaded.at(i).at(1).toByteArray()), expected.at(i).second);
        }
    }

    void metadataIsRead()
    {
        const auto source = openOk(
            fixture(QStringLiteral("meta.mbtiles"),
                    {{QStringLiteral("name"), QStringLiteral("Montreuil")},
                     {QStringLiteral("format"), QStringLiteral("PNG")},
                     {QStringLiteral("minzoom"), QStringLiteral("1")},
                     {QStringLiteral("maxzoom"), QStringLiteral("2")},
                     {QStringLiteral("attribution"),
                      QStringLiteral("<a href=\"https://www.ign.fr/\">&copy; IGN</a> &amp; <b>contributors</b>")}}));
        QVERIFY(source);
        QCOMPARE(source->name(), QStringLiteral("Montreuil"));
        QCOMPARE(source->attribution(), QStringLiteral("© IGN & contributors"));
        QCOMPARE(source->minZoom(), 1);
        QCOMPARE(source->maxZoom(), 2);
        QCOMPARE(source->format(), QStringLiteral("png"));
        QCOMPARE(source->tilePixels(), 256);
    }

    void metadataDefaults()
    {
        const QList<StoredTile> tiles = {{3, 1, 1, pngOf(Qt::cyan)}, {5, 2, 2, pngOf(Qt::gray)}};
        const auto source = openOk(fixture(QStringLiteral("bare.mbtiles"), {}, tiles));
        QVERIFY(source);
        QCOMPARE(source->name(), QStringLiteral("bare.mbtiles"));
        QVERIFY2(source->attribution().contains(QLatin1String("bare.mbtiles")), qPrintable(source->attribution()));
        QCOMPARE(source->minZoom(), 3); // from the tiles themselves
        QCOMPARE(source->maxZoom(), 5);
        QCOMPARE(source->format(), QStringLiteral("png"));
    }

    void xyzSchemeIsNotFlipped()
    {
        const auto source =
            openOk(fixture(QStringLiteral("xyz.mbtiles"), {{QStringLiteral("scheme"), QStringLiteral("xyz")}}));
        QVERIFY(source);
        QVERIFY(!source->flipsRows());
        Spies spies(source.get());
        source->request(TileKey{1, 0, 1}); // stored as row 1, which this file means from the north
        QTRY_COMPARE(spies.loaded.size(), 1);
        QCOMPARE(centreColour(spies.loaded.at(0).at(1).toByteArray()), northWest);
    }

    void missingTilesAndBadTiles()
    {
        QList<StoredTile> tiles = colouredTiles();
        tiles.append({2, 3, 3, QByteArray("<html>not a tile</html>")});
        const auto source = openOk(fixture(QStringLiteral("holes.mbtiles"), {}, tiles));
        QVERIFY(source);
        Spies spies(source.get());
        source->request(TileKey{2, 0, 0}); // no such row
        source->request(TileKey{7, 0, 0}); // beyond maxzoom (2, from the tiles)
        source->request(TileKey{2, 3, 0}); // XYZ 2/3/0 = row 3: the HTML blob
        QTRY_COMPARE(spies.failed.size(), 3);
        QCOMPARE(spies.loaded.size(), 0);
        QCOMPARE(spies.failed.at(0).at(1).value<Failure>(), Failure::NotFound);
        QVERIFY(spies.failed.at(0).at(2).toString().contains(QLatin1String("2/0/0")));
        QCOMPARE(spies.failed.at(1).at(1).value<Failure>(), Failure::NotFound);
        QVERIFY(spies.failed.at(1).at(2).toString().contains(QLatin1String("zoom 7")));
        QCOMPARE(spies.failed.at(2).at(1).value<Failure>(), Failure::BadData);
        QVERIFY(spies.failed.at(2).at(2).toString().contains(QLatin1String("not a PNG")));
    }

    void answersAreAsynchronousAndCancellable()
    {
        const auto source = openOk(fixture(QStringLiteral("async.mbtiles"), {}));
        QVERIFY(source);
        Spies spies(source.get());
        source->request(TileKey{1, 0, 0});
        source->request(TileKey{1, 0, 0}); // already pending: nothing more
        source->request(TileKey{1, 1, 0});
        source->request(TileKey{9, 0, 0}); // would fail: cancelled below
        QCOMPARE(spies.answers(), 0);      // never before request() returns
        source->cancel(TileKey{1, 1, 0});
        source->cancel(TileKey{9, 0, 0});
        QTRY_COMPARE(spies.loaded.size(), 1);
        QTest::qWait(100);
        QCOMPARE(spies.answers(), 1);
        QCOMPARE(spies.loaded.at(0).at(0).value<TileKey>(), (TileKey{1, 0, 0}));

        // A burst larger than one delivery batch is answered in full, in order.
        spies.loaded.clear();
        for (int i = 0; i < 100; ++i)
            source->request(TileKey{1, i % 2, (i / 2) % 2 == 0 ? 0 : 1});
        for (int i = 0; i < 100; ++i)
            source->request(TileKey{2, 1, 0});
        QTRY_COMPARE(spies.loaded.size(), 5); // duplicates of pending keys add nothing
        QCOMPARE(spies.failed.size(), 0);
    }

    void openedReadOnlyOnItsOwnConnection()
    {
        const QString path = fixture(QStringLiteral("ro.mbtiles"), {});
        const QStringList before = QSqlDatabase::connectionNames();
        {
            const auto source = openOk(path);
            QVERIFY(source);
            QStringList added = QSqlDatabase::connectionNames();
            for (const QString &name : before)
                added.removeOne(name);
            QCOMPARE(added.size(), 1);
            QSqlDatabase db = QSqlDatabase::database(added.constFirst(), false);
            QVERIFY(db.connectOptions().contains(QLatin1String("QSQLITE_OPEN_READONLY")));
            QSqlQuery write(db);
            QVERIFY(!write.exec(QStringLiteral("DELETE FROM tiles")));
            QVERIFY2(write.lastError().text().contains(QLatin1String("readonly")),
                     qPrintable(write.lastError().text()));
        }
        QCOMPARE(QSqlDatabase::connectionNames(), before); // closed and removed with the source
    }

    void refusedFiles_data()
    {
        QTest::addColumn<QStringList>("schema");
        QTest::addColumn<QStringList>("metadata"); // name, value, name, value...
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no tiles table") << QStringList{QStringLiteral("CREATE TABLE metadata (name text, value text)")}
                                        << QStringList{} << QStringLiteral("no “tiles” table");
        QTest::newRow("no metadata table") << QStringList{QStringLiteral(
            "CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)")}
                                           << QStringList{} << QStringLiteral("no “metadata” table");
        QTest::newRow("tiles lacks columns")
            << QStringList{QStringLiteral("CREATE TABLE metadata (name text, value text)"),
                           QStringLiteral("CREATE TABLE tiles (zoom_level integer, tile_column integer, data blob)")}
            << QStringList{} << QStringLiteral("lacks the column(s) tile_row, tile_data");
        QTest::newRow("vector tiles") << mbtilesSchema << QStringList{QStringLiteral("format"), QStringLiteral("pbf")}
                                      << QStringLiteral("vector tiles (pbf)");
        QTest::newRow("unknown format") << mbtilesSchema
                                        << QStringList{QStringLiteral("format"), QStringLiteral("tiff")}
                                        << QStringLiteral("unknown format “tiff”");
    }

    void refusedFiles()
    {
        QFETCH(QStringList, schema);
        QFETCH(QStringList, metadata);
        QFETCH(QString, mentions);
        QList<QPair<QString, QString>> pairs;
        for (qsizetype i = 0; i + 1 < metadata.size(); i += 2)
            pairs.append({metadata.at(i), metadata.at(i + 1)});
        const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
        const QString path = m_dir.filePath(name + QStringLiteral(".mbtiles"));
        QCOMPARE(makeFile(path, schema, pairs, {}), QString());
        const QStringList before = QSqlDatabase::connectionNames();
        const QString error = openError(path);
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY2(error.contains(name), qPrintable(error)); // names the file
        QCOMPARE(QSqlDatabase::connectionNames(), before);
    }

    void notSqliteIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("photo.mbtiles"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pngOf(Qt::red));
        file.close();
        const QString error = openError(path);
        QVERIFY2(error.contains(QLatin1String("not a SQLite database")), qPrintable(error));

        const QString missing = openError(m_dir.filePath(QStringLiteral("absent.mbtiles")));
        QVERIFY2(missing.contains(QLatin1String("does not exist")), qPrintable(missing));
    }
};

QTEST_MAIN(TestMbtilesTileSource)
#include "tst_mbtilestilesource.moc"
