#include "csvreader.h"

#include <QTest>

using relais::CsvReader;

class TestCsvReader final : public QObject
{
    Q_OBJECT

private slots:
    void rfc4180()
    {
        const QByteArray data = "id,name,note\r\n"
                                "1,\"Dupont; Marie\",\"says \"\"hello\"\"\"\r\n"
                                "2,\"two\nlines\",\r\n"
                                "3,Élodie,café\r\n";
        const auto r = CsvReader::parse(data);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        const auto &recs = r.value();
        QCOMPARE(recs.size(), 4);
        QCOMPARE(recs.at(1).fields,
                 (QStringList{QStringLiteral("1"), QStringLiteral("Dupont; Marie"), QStringLiteral("says \"hello\"")}));
        QCOMPARE(recs.at(2).fields, (QStringList{QStringLiteral("2"), QStringLiteral("two\nlines"), QString()}));
        QCOMPARE(recs.at(3).fields.at(1), QStringLiteral("Élodie"));
        // Line numbers: a record starts on the line after the previous one ended.
        QCOMPARE(recs.at(0).line, 1);
        QCOMPARE(recs.at(1).line, 2);
        QCOMPARE(recs.at(2).line, 3);
        QCOMPARE(recs.at(3).line, 5);
    }

    void detectsSemicolonsAndSkipsBomAndBlankLines()
    {
        const QByteArray data = "\xEF\xBB\xBFid;lat;lon\n\n1;48,85;2,35\n";
        const auto r = CsvReader::parse(data);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r.value().size(), 2);
        QCOMPARE(r.value().at(0).fields.at(0), QStringLiteral("id"));
        QCOMPARE(r.value().at(1).fields,
                 (QStringList{QStringLiteral("1"), QStringLiteral("48,85"), QStringLiteral("2,35")}));
        QCOMPARE(r.value().at(1).line, 3);
    }

    // Found by fuzz_csvreader: the decoder dropped a byte-order mark and the reader a second
    // one, so a first field starting with U+FEFF (zero-width no-break space) lost it when the
    // file had a mark, as CsvWriter writes it with byteOrderMark.
    void dropsOneByteOrderMarkOnly()
    {
        const auto r = CsvReader::parse("\xEF\xBB\xBF\xEF\xBB\xBF:\r\n", QLatin1Char(','));
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r.value().size(), 1);
        QCOMPARE(r.value().at(0).fields, QStringList{QStringLiteral("\uFEFF:")});
    }

    void noFinalNewline()
    {
        const auto r = CsvReader::parse("a,b\n1,2");
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 2);
        QCOMPARE(r.value().at(1).fields, (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("quote inside field")
            << QByteArray("a,b\n1,ab\"c\"\n") << QStringLiteral("bad_quote") << QStringLiteral("Line 2");
        QTest::newRow("text after quote")
            << QByteArray("a,b\n1,\"ab\"c\n") << QStringLiteral("bad_quote") << QStringLiteral("Line 2");
        QTest::newRow("unterminated") << QByteArray("a,b\n1,2\n3,\"never\nclosed\n")
                                      << QStringLiteral("unterminated_quote") << QStringLiteral("Line 3");
        QTest::newRow("latin1") << QByteArray("a,b\n1,caf\xe9\n") << QStringLiteral("invalid_utf8")
                                << QStringLiteral("UTF-8");
    }

    void errors()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const auto r = CsvReader::parse(data);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY2(r.errorString().contains(mentions), qPrintable(r.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
