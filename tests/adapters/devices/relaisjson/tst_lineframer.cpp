// LineFramer: LF-terminated lines out of a byte stream, CR tolerated, bounded buffering.

#include "gatewayerrors.h"
#include "lineframer.h"

#include <QTest>

using namespace relais;

namespace {

// "L:<line>" for a line, "E:<code>" for an error: easy to compare as a list.
QStringList describe(const QList<Result<QByteArray>> &items)
{
    QStringList out;
    for (const Result<QByteArray> &r : items)
        out.append(r ? QStringLiteral("L:") + QString::fromLatin1(r.value()) : QStringLiteral("E:") + r.error().code);
    return out;
}

QStringList feedAll(LineFramer &f, const QList<QByteArray> &chunks)
{
    QStringList out;
    for (const QByteArray &c : chunks)
        out += describe(f.feed(c));
    return out;
}

} // namespace

class TestLineFramer final : public QObject
{
    Q_OBJECT

private slots:
    void splitsLines_data()
    {
        QTest::addColumn<QList<QByteArray>>("chunks");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("one line") << QList<QByteArray>{"{\"a\":1}\n"} << QStringList{"L:{\"a\":1}"};
        QTest::newRow("two lines, one chunk") << QList<QByteArray>{"a\nb\n"} << QStringList{"L:a", "L:b"};
        QTest::newRow("line split across feeds")
            << QList<QByteArray>{"{\"ty", "pe\":", "\"x\"}", "\n"} << QStringList{"L:{\"type\":\"x\"}"};
        QTest::newRow("end of one line and start of next in one chunk")
            << QList<QByteArray>{"ab", "c\nde", "f\n"} << QStringList{"L:abc", "L:def"};
        QTest::newRow("CRLF") << QList<QByteArray>{"a\r\nb\r\n"} << QStringList{"L:a", "L:b"};
        QTest::newRow("CR and LF in different feeds") << QList<QByteArray>{"a\r", "\n"} << QStringList{"L:a"};
        QTest::newRow("only one CR removed") << QList<QByteArray>{"a\r\r\n"} << QStringList{"L:a\r"};
        QTest::newRow("CR inside a line kept") << QList<QByteArray>{"a\rb\n"} << QStringList{"L:a\rb"};
        QTest::newRow("blank lines skipped") << QList<QByteArray>{"\n\r\n \t\na\n", "\n"} << QStringList{"L:a"};
        QTest::newRow("nothing complete yet") << QList<QByteArray>{"abc"} << QStringList{};
        QTest::newRow("binary bytes are framed, not judged")
            << QList<QByteArray>{QByteArray("\x00\xff\xfe\n", 4)}
            << QStringList{QStringLiteral("L:") + QString::fromLatin1(QByteArray("\x00\xff\xfe", 3))};
    }

    void splitsLines()
    {
        QFETCH(QList<QByteArray>, chunks);
        QFETCH(QStringList, expected);
        LineFramer f;
        QCOMPARE(feedAll(f, chunks), expected);
    }

    void byteByByteGivesTheSameLines()
    {
        const QByteArray stream = "{\"type\":\"a\"}\r\n\n{\"type\":\"b\"}\n{\"type\":\"c\"}\r\n";
        LineFramer f;
        QStringList got;
        for (char c : stream)
            got += describe(f.feed(QByteArrayView(&c, 1)));
        QCOMPARE(got, (QStringList{"L:{\"type\":\"a\"}", "L:{\"type\":\"b\"}", "L:{\"type\":\"c\"}"}));
        QVERIFY(f.finish());
    }

    void manyLinesInOneChunk()
    {
        QByteArray stream;
        for (int i = 0; i < 5000; ++i)
            stream += "{\"id\":\"m-" + QByteArray::number(i) + "\"}\n";
        LineFramer f;
        const QList<Result<QByteArray>> items = f.feed(stream);
        QCOMPARE(items.size(), 5000);
        for (int i = 0; i < items.size(); ++i) {
            QVERIFY(items[i].ok());
            QCOMPARE(items[i].value(), "{\"id\":\"m-" + QByteArray::number(i) + "\"}");
        }
        QCOMPARE(f.bufferedBytes(), 0);
    }

    void lineOfExactlyTheMaximumIsAccepted()
    {
        LineFramer f(16);
        const QByteArray line(16, 'x');
        QCOMPARE(describe(f.feed(QByteArray(line + "\n"))), QStringList{"L:" + QString::fromLatin1(line)});
        // With CR, split so that the CR is buffered at the limit.
        QCOMPARE(feedAll(f, {line + "\r", "\n"}), QStringList{"L:" + QString::fromLatin1(line)});
    }

    void oversizeLineGivesOneErrorThenResynchronises_data()
    {
        QTest::addColumn<QList<QByteArray>>("chunks");
        const QByteArray big(17, 'x');
        QTest::newRow("in one chunk") << QList<QByteArray>{big + "\nok\n"};
        QTest::newRow("error found at the LF") << QList<QByteArray>{QByteArray(10, 'x'), QByteArray(7, 'x') + "\nok\n"};
        QByteArrayList drip;
        for (int i = 0; i < 1000; ++i)
            drip.append(QByteArray(7, 'y')); // 7,000 bytes of one line, fed slowly
        drip.append("tail\nok\n");
        QTest::newRow("dripping") << QList<QByteArray>(drip.cbegin(), drip.cend());
        QTest::newRow("huge chunk") << QList<QByteArray>{QByteArray(1 << 20, 'z'), "still\nok\n"};
    }

    void oversizeLineGivesOneErrorThenResynchronises()
    {
        QFETCH(QList<QByteArray>, chunks);
        LineFramer f(16);
        QStringList got;
        for (const QByteArray &c : chunks) {
            got += describe(f.feed(c));
            QVERIFY2(f.bufferedBytes() <= 17, "the framer must not buffer an oversize line");
        }
        QCOMPARE(got, (QStringList{QStringLiteral("E:") + GatewayErrors::LineTooLong, "L:ok"}));
        QVERIFY(f.finish());
    }

    void partialLineAtFinishIsAnError()
    {
        LineFramer f;
        QCOMPARE(describe(f.feed("a\n{\"type\":")), QStringList{"L:a"});
        const Status s = f.finish();
        QVERIFY(!s);
        QCOMPARE(s.error().code, GatewayErrors::PartialLine);
        QVERIFY(s.errorString().contains(QLatin1String("8")));
        // Ready for a new stream: nothing of the old partial line leaks into it.
        QCOMPARE(f.bufferedBytes(), 0);
        QCOMPARE(describe(f.feed("b\n")), QStringList{"L:b"});
        QVERIFY(f.finish());
    }

    void finishAfterBlankOrOversizeTailIsClean()
    {
        LineFramer f(4);
        (void)f.feed("  ");
        QVERIFY(f.finish());
        QCOMPARE(describe(f.feed("toolongline")), QStringList{QStringLiteral("E:") + GatewayErrors::LineTooLong});
        QVERIFY(f.finish()); // already reported as line_too_long
        QCOMPARE(describe(f.feed("ok\n")), QStringList{"L:ok"});
    }
};

QTEST_APPLESS_MAIN(TestLineFramer)
#include "tst_lineframer.moc"
