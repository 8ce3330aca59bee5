#include "tileimageformat.h"

#include <QTest>

using Kind = relais::TileImageFormat::Kind;
using relais::TileImageFormat;

class TestTileImageFormat final : public QObject
{
    Q_OBJECT

private slots:
    void detect_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << Kind::Png;
        QTest::newRow("jpeg") << QByteArray("\xff\xd8\xff\xe0\0\x10JFIF", 10) << Kind::Jpeg;
        QTest::newRow("webp") << QByteArray("RIFF\x24\0\0\0WEBPVP8 ", 16) << Kind::WebP;
        QTest::newRow("riff not webp") << QByteArray("RIFF\x24\0\0\0WAVEfmt ", 16) << Kind::Unknown;
        QTest::newRow("html") << QByteArray("<!DOCTYPE html>") << Kind::Unknown;
        QTest::newRow("png cut short") << QByteArray("\x89PNG\r\n", 6) << Kind::Unknown;
        QTest::newRow("empty") << QByteArray() << Kind::Unknown;
        QTest::newRow("gzip (pbf)") << QByteArray("\x1f\x8b\x08\0", 4) << Kind::Unknown;
    }

    void detect()
    {
        QFETCH(QByteArray, data);
        QFETCH(Kind, kind);
        QCOMPARE(TileImageFormat::detect(data), kind);
        QCOMPARE(TileImageFormat::isImage(data), kind != Kind::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestTileImageFormat)
#include "tst_tileimageformat.moc"
