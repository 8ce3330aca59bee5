// SqlValues: the JSON text of payloads is byte for byte what QJsonDocument writes, so that
// journal rows do not depend on which of the two produced them.

#include "scenario.h"
#include "sqlvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace relais;
using relais::test::Scenario;

namespace {

QByteArray qtJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray ourJson(const QJsonObject &o)
{
    QByteArray out("prefix:");
    SqlValues::appendJson(out, o);
    return out.mid(7);
}

QString randomText(QRandomGenerator &r)
{
    static const char16_t pool[] = {u'a', u'Z', u'0', u' ', u'"',   u'\\',  u'/',   u'\b',  u'\f',  u'\n', u'\r', u'\t',
                                    0x01, 0x1f, 0x7f, 0xe9, 0x20ac, 0xd83d, 0xde00, 0xfffd, 0xffff, 0x7ff, 0x800};
    QString s;
    const int n = r.bounded(12);
    for (int i = 0; i < n; ++i)
        s += QChar(pool[r.bounded(int(std::size(pool)))]);
    return s;
}

QJsonValue randomValue(QRandomGenerator &r, int depth)
{
    switch (r.bounded(depth > 2 ? 6 : 8)) {
    case 0:
        return QJsonValue();
    case 1:
        return r.bounded(2) == 1;
    case 2:
        return qint64(r.generate64()) >> r.bounded(64);
    case 3:
        return (r.generateDouble() - 0.5) * std::pow(10.0, r.bounded(-20, 25));
    case 4:
    case 5:
        return randomText(r);
    case 6: {
        QJsonArray a;
        for (int i = r.bounded(4); i > 0; --i)
            a.append(randomValue(r, depth + 1));
        return a;
    }
    default: {
        QJsonObject o;
        for (int i = r.bounded(4); i > 0; --i)
            o.insert(randomText(r), randomValue(r, depth + 1));
        return o;
    }
    }
}

} // namespace

class TestSqlValues final : public QObject
{
    Q_OBJECT

private slots:
    void jsonIsWhatQtWrites_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        QTest::newRow("empty") << QJsonObject();
        QTest::newRow("heartbeat") << QJsonObject{{"device", "d-1"}, {"battery", 80}};
        QTest::newRow("numbers") << QJsonObject{{"a", 3},
                                                {"b", 3.0},
                                                {"c", 1e15},
                                                {"d", 2.5},
                                                {"e", -0.0},
                                                {"f", 48.856613},
                                                {"g", 1e300},
                                                {"h", 1e-7},
                                                {"i", std::numeric_limits<qint64>::min()},
                                                {"j", std::numeric_limits<qint64>::max()},
                                                {"k", 12345678901234567890.0},
                                                {"l", std::numeric_limits<double>::infinity()}};
        QTest::newRow("text") << QJsonObject{{"q", "say \"hi\"\\"},
                                             {"ctl", QString::fromUtf16(u"\u0001\b\f\n\r\t\u001f\u007f")},
                                             {QString::fromUtf16(u"clé"), QString::fromUtf16(u"é€😀\uffff")},
                                             {"lone", QString(QString(QChar(0xd83d)) + QChar(u'x') + QChar(0xde00))}};
        QTest::newRow("nested") << QJsonObject{
            {"reason", "bad"},
            {"original_payload", QJsonObject{{"x", QJsonArray{1, "two", true, QJsonValue(), 2.5}}}},
            {"skills", QJsonArray{"first_aid", "driving"}},
            {"none", QJsonValue()},
            {"no", false}};
        QRandomGenerator r(7);
        for (int i = 0; i < 300; ++i) {
            QJsonObject o;
            for (int k = r.bounded(6); k > 0; --k)
                o.insert(randomText(r), randomValue(r, 0));
            QTest::newRow(qPrintable(QStringLiteral("random %1").arg(i))) << o;
        }
        Scenario s(3);
        int n = 0;
        for (const JournalEntry &e : s.randomWalk(300))
            QTest::newRow(qPrintable(QStringLiteral("walk %1 %2").arg(n++).arg(e.kind))) << e.payload;
    }

    void jsonIsWhatQtWrites()
    {
        QFETCH(QJsonObject, payload);
        QCOMPARE(ourJson(payload), qtJson(payload));
        QCOMPARE(SqlValues::json(payload), QString::fromUtf8(qtJson(payload)));
    }
};

QTEST_GUILESS_MAIN(TestSqlValues)
#include "tst_sqlvalues.moc"
