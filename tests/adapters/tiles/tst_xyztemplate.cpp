#include "xyztemplate.h"

#include <QTest>

using relais::TileKey;
using relais::XyzTemplate;

class TestXyzTemplate final : public QObject
{
    Q_OBJECT

private slots:
    void openStreetMapPreset()
    {
        const XyzTemplate osm = XyzTemplate::openStreetMap();
        QCOMPARE(osm.name(), QStringLiteral("OpenStreetMap"));
        QCOMPARE(osm.attribution(), QStringLiteral("© OpenStreetMap contributors"));
        QCOMPARE(osm.minZoom(), 0);
        QCOMPARE(osm.maxZoom(), 19);
        QCOMPARE(osm.urlFor(TileKey{11, 1037, 704}),
                 QUrl(QStringLiteral("https://tile.openstreetmap.org/11/1037/704.png")));
    }

    void planIgnPreset()
    {
        const XyzTemplate ign = XyzTemplate::planIgnV2();
        QCOMPARE(ign.name(), QStringLiteral("Plan IGN v2"));
        QCOMPARE(ign.attribution(), QStringLiteral("IGN – Plan IGN"));
        // TILEROW is the XYZ row (from the north) and TILECOL the column, in the PM matrix set.
        QCOMPARE(ign.urlFor(TileKey{11, 1037, 704}),
                 QUrl(QStringLiteral("https://data.geopf.fr/wmts?SERVICE=WMTS&VERSION=1.0.0&REQUEST=GetTile"
                                     "&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&FORMAT=image/png"
                                     "&TILEMATRIXSET=PM&TILEMATRIX=11&TILEROW=704&TILECOL=1037")));
    }

    void customTemplate()
    {
        const relais::Result<XyzTemplate> t =
            XyzTemplate::custom(QStringLiteral("  https://tiles.example.org/base/{z}/{y}/{x}.jpg?v=2  "));
        QVERIFY2(t.ok(), qPrintable(t.errorString()));
        QCOMPARE(t->name(), QStringLiteral("tiles.example.org"));
        QVERIFY(t->attribution().contains(QLatin1String("tiles.example.org")));
        QCOMPARE(t->urlFor(TileKey{3, 5, 6}), QUrl(QStringLiteral("https://tiles.example.org/base/3/6/5.jpg?v=2")));
    }

    void customTemplateErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("no y") << QStringLiteral("https://a.org/{z}/{x}.png") << QStringLiteral("lacks {y}");
        QTest::newRow("none") << QStringLiteral("https://a.org/tile.png") << QStringLiteral("lacks {z}, {x}, {y}");
        QTest::newRow("ftp") << QStringLiteral("ftp://a.org/{z}/{x}/{y}.png") << QStringLiteral("http://");
        QTest::newRow("file") << QStringLiteral("file:///tiles/{z}/{x}/{y}.png") << QStringLiteral("http://");
        QTest::newRow("no scheme") << QStringLiteral("a.org/{z}/{x}/{y}.png") << QStringLiteral("http://");
        QTest::newRow("subdomains") << QStringLiteral("https://{s}.tile.org/{z}/{x}/{y}.png") << QStringLiteral("{s}");
    }

    void customTemplateErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const relais::Result<XyzTemplate> t = XyzTemplate::custom(text);
        QVERIFY(!t.ok());
        QVERIFY2(t.errorString().contains(mentions), qPrintable(t.errorString()));
        QVERIFY(!t.error().code.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestXyzTemplate)
#include "tst_xyztemplate.moc"
