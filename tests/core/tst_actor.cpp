#include "actor.h"

#include <QTest>

using namespace relais;

class TestActor final : public QObject
{
    Q_OBJECT

private slots:
    void toString_data();
    void toString();
    void fromString_data();
    void fromString();
    void equality();
};

void TestActor::toString_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("text");
    QTest::newRow("operator") << int(Actor::Kind::Operator) << QStringLiteral("Claire")
                              << QStringLiteral("operator:Claire");
    QTest::newRow("helper") << int(Actor::Kind::Helper) << QStringLiteral("h12") << QStringLiteral("helper:h12");
    QTest::newRow("device") << int(Actor::Kind::Device) << QStringLiteral("d-301") << QStringLiteral("device:d-301");
    QTest::newRow("system") << int(Actor::Kind::System) << QString() << QStringLiteral("system");
    QTest::newRow("colon in id") << int(Actor::Kind::Operator) << QStringLiteral("Jean:Paul")
                                 << QStringLiteral("operator:Jean:Paul");
    QTest::newRow("non-ASCII") << int(Actor::Kind::Operator) << QStringLiteral("Agnès Noël")
                               << QStringLiteral("operator:Agnès Noël");
}

void TestActor::toString()
{
    QFETCH(int, kind);
    QFETCH(QString, id);
    QFETCH(QString, text);
    const Actor a{Actor::Kind(kind), id};
    QCOMPARE(a.toString(), text);
    QVERIFY(Actor::fromString(text) == a); // round trip
}

void TestActor::fromString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("id");
    QTest::newRow("system") << QStringLiteral("system") << int(Actor::Kind::System) << QString();
    QTest::newRow("unknown kind") << QStringLiteral("robot:r2") << int(Actor::Kind::System) << QString();
    QTest::newRow("empty") << QString() << int(Actor::Kind::System) << QString();
    QTest::newRow("kind without id") << QStringLiteral("helper") << int(Actor::Kind::Helper) << QString();
    QTest::newRow("empty id") << QStringLiteral("device:") << int(Actor::Kind::Device) << QString();
    QTest::newRow("case matters") << QStringLiteral("Operator:Claire") << int(Actor::Kind::System) << QString();
}

void TestActor::fromString()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, id);
    const Actor a = Actor::fromString(text);
    QCOMPARE(int(a.kind), kind);
    QCOMPARE(a.id, id);
}

void TestActor::equality()
{
    QVERIFY(Actor::system() == Actor());
    QVERIFY(Actor::operatorNamed(QStringLiteral("Claire")) == Actor::fromString(QStringLiteral("operator:Claire")));
    QVERIFY(!(Actor::helper(QStringLiteral("x")) == Actor::device(QStringLiteral("x"))));
    QVERIFY(!(Actor::helper(QStringLiteral("h1")) == Actor::helper(QStringLiteral("h2"))));
}

QTEST_GUILESS_MAIN(TestActor)
#include "tst_actor.moc"
