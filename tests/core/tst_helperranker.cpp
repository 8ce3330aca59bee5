#include "helperranker.h"

#include <QGeoCoordinate>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace relais;

namespace {

const QGeoCoordinate lyon(45.76, 4.83);
const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000, Qt::UTC);

using Av = Helper::Availability;

Helper helperAt(const QString &id, const QGeoCoordinate &where, const QStringList &skills = {},
                Av availability = Av::Available)
{
    Helper h(id, QStringLiteral("Helper ") + id);
    h.restore(availability, where, t0, {});
    h.skills = skills;
    return h;
}

// A point at a known great-circle distance and bearing from the centre.
QGeoCoordinate from(const QGeoCoordinate &centre, double metres, double azimuth)
{
    return centre.atDistanceAndAzimuth(metres, azimuth);
}

void put(QHash<QString, Helper> &helpers, const Helper &h)
{
    helpers.insert(h.id(), h);
}

QStringList idsOf(const QList<HelperRanker::Candidate> &list)
{
    QStringList ids;
    for (const auto &c : list)
        ids.append(c.helperId);
    return ids;
}

HelperRanker::Options all(bool availableOnly = true)
{
    HelperRanker::Options o;
    o.availableOnly = availableOnly;
    return o;
}

// ~100 m north, ~300 m south-west, ~800 m east of the centre of Lyon.
QHash<QString, Helper> threeAroundLyon()
{
    QHash<QString, Helper> helpers;
    put(helpers, helperAt(QStringLiteral("far"), from(lyon, 800, 90)));
    put(helpers, helperAt(QStringLiteral("near"), from(lyon, 100, 0)));
    put(helpers, helperAt(QStringLiteral("mid"), from(lyon, 300, 225)));
    return helpers;
}

} // namespace

class TestHelperRanker final : public QObject
{
    Q_OBJECT

private slots:
    void neededSkills_data()
    {
        QTest::addColumn<AlarmKind>("kind");
        QTest::addColumn<QStringList>("skills");
        const QStringList firstAid{QStringLiteral("first_aid")};
        const QStringList keys{QStringLiteral("keys")};
        const QStringList maintenance{QStringLiteral("maintenance")};
        QTest::newRow("panic") << AlarmKind::Panic << firstAid;
        QTest::newRow("fall") << AlarmKind::Fall << firstAid;
        QTest::newRow("medical") << AlarmKind::Medical << firstAid;
        QTest::newRow("intrusion") << AlarmKind::Intrusion << keys;
        QTest::newRow("door") << AlarmKind::Door << keys;
        QTest::newRow("tamper") << AlarmKind::Tamper << maintenance;
        QTest::newRow("low battery") << AlarmKind::LowBattery << maintenance;
        QTest::newRow("device silent") << AlarmKind::DeviceSilent << maintenance;
        QTest::newRow("smoke") << AlarmKind::Smoke << QStringList();
        QTest::newRow("water leak") << AlarmKind::WaterLeak << QStringList();
        QTest::newRow("gas") << AlarmKind::Gas << QStringList();
        QTest::newRow("other") << AlarmKind::Other << QStringList();
    }

    void neededSkills()
    {
        QFETCH(AlarmKind, kind);
        QFETCH(QStringList, skills);
        QCOMPARE(HelperRanker::neededSkills(kind), skills);
    }

    void everyKindIsInTheTable()
    {
        // Every kind answers, and only with the skill keys the demo helpers use.
        const QStringList known{QStringLiteral("first_aid"), QStringLiteral("keys"), QStringLiteral("maintenance")};
        for (AlarmKind k : AlarmKinds::all())
            for (const QString &s : HelperRanker::neededSkills(k))
                QVERIFY2(known.contains(s), qPrintable(s));
    }

    void distanceOrderingOnKnownCoordinates()
    {
        const QHash<QString, Helper> helpers = threeAroundLyon();
        const auto ranked = HelperRanker::rank(helpers, lyon, AlarmKind::Other, all());
        QCOMPARE(idsOf(ranked), (QStringList{QStringLiteral("near"), QStringLiteral("mid"), QStringLiteral("far")}));
        const double expected[] = {100, 300, 800};
        for (int i = 0; i < 3; ++i) {
            const auto &c = ranked.at(i);
            const double qt = lyon.distanceTo(helpers.value(c.helperId).position());
            QVERIFY2(std::abs(c.distanceM - qt) <= 1.0, qPrintable(QString::number(c.distanceM - qt)));
            QVERIFY2(std::abs(c.distanceM - expected[i]) <= 1.0, qPrintable(QString::number(c.distanceM)));
            QVERIFY(c.hasNeededSkills); // "other" needs none
        }
    }

    void distanceMatchesQt_data()
    {
        QTest::addColumn<QGeoCoordinate>("a");
        QTest::addColumn<QGeoCoordinate>("b");
        QTest::newRow("Lyon, 1 km") << lyon << from(lyon, 1000, 37);
        QTest::newRow("Lyon to Paris") << lyon << QGeoCoordinate(48.8566, 2.3522);
        QTest::newRow("Three Rivers") << QGeoCoordinate(41.9431, -85.6325) << QGeoCoordinate(41.96, -85.60);
        QTest::newRow("southern") << QGeoCoordinate(-33.8688, 151.2093) << QGeoCoordinate(-33.80, 151.30);
        QTest::newRow("same point") << lyon << lyon;
    }

    void distanceMatchesQt()
    {
        QFETCH(QGeoCoordinate, a);
        QFETCH(QGeoCoordinate, b);
        const double ours = HelperRanker::distanceM(a.latitude(), a.longitude(), b.latitude(), b.longitude());
        const double qt = a.distanceTo(b);
        QVERIFY2(std::abs(ours - qt) <= 1e-6 * std::max(1.0, qt),
                 qPrintable(QStringLiteral("%1 vs %2").arg(ours, 0, 'f', 6).arg(qt, 0, 'f', 6)));
    }

    void radiusCuts()
    {
        const QHash<QString, Helper> helpers = threeAroundLyon();
        HelperRanker::Options o;
        o.radiusM = 500;
        QCOMPARE(idsOf(HelperRanker::rank(helpers, lyon, AlarmKind::Other, o)),
                 (QStringList{QStringLiteral("near"), QStringLiteral("mid")}));
        o.radiusM = 50;
        QVERIFY(HelperRanker::rank(helpers, lyon, AlarmKind::Other, o).isEmpty());

        // The radius is inclusive, to the metre's fraction.
        const double dMid = HelperRanker::rank(helpers, lyon, AlarmKind::Other, all()).at(1).distanceM;
        o.radiusM = dMid;
        QCOMPARE(HelperRanker::rank(helpers, lyon, AlarmKind::Other, o).size(), 2);
        o.radiusM = dMid + 0.01;
        QCOMPARE(HelperRanker::rank(helpers, lyon, AlarmKind::Other, o).size(), 2);
        o.radiusM = dMid - 0.01;
        QCOMPARE(idsOf(HelperRanker::rank(helpers, lyon, AlarmKind::Other, o)), QStringList{QStringLiteral("near")});
    }

    void radiusAcrossTheAntimeridianAndNearThePole()
    {
        QHash<QString, Helper> helpers;
        put(helpers, helperAt(QStringLiteral("west"), QGeoCoordinate(0, -179.9995)));
        HelperRanker::Options o;
        o.radiusM = 500;
        const auto across = HelperRanker::rank(helpers, QGeoCoordinate(0, 179.9995), AlarmKind::Other, o);
        QCOMPARE(across.size(), 1);
        QVERIFY2(std::abs(across.first().distanceM - 111.3) < 1.0,
                 qPrintable(QString::number(across.first().distanceM)));

        helpers.clear();
        put(helpers, helperAt(QStringLiteral("over the pole"), QGeoCoordinate(89.9999, 180)));
        const auto polar = HelperRanker::rank(helpers, QGeoCoordinate(89.9999, 0), AlarmKind::Other, o);
        QCOMPARE(polar.size(), 1);
        QVERIFY2(std::abs(polar.first().distanceM - 22.2) < 1.0, qPrintable(QString::number(polar.first().distanceM)));
    }

    void maxCount()
    {
        const QHash<QString, Helper> helpers = threeAroundLyon();
        HelperRanker::Options o;
        o.maxCount = 2;
        QCOMPARE(idsOf(HelperRanker::rank(helpers, lyon, AlarmKind::Other, o)),
                 (QStringList{QStringLiteral("near"), QStringLiteral("mid")}));
        o.maxCount = 1;
        QCOMPARE(idsOf(HelperRanker::rank(helpers, lyon, AlarmKind::Other, o)), QStringList{QStringLiteral("near")});
        o.maxCount = 10;
        QCOMPARE(HelperRanker::rank(helpers, lyon, AlarmKind::Other, o).size(), 3);
        o.maxCount = 0;
        QCOMPARE(HelperRanker::rank(helpers, lyon, AlarmKind::Other, o).size(), 3);
    }

    void offerDefaultsAreThreeWithin500m()
    {
        QHash<QString, Helper> helpers;
        for (int i = 0; i < 6; ++i) // 60, 120, ... 360 m
            put(helpers, helperAt(QStringLiteral("h%1").arg(i), from(lyon, 60.0 * (i + 1), 30.0 * i)));
        put(helpers, helperAt(QStringLiteral("beyond"), from(lyon, 520, 0)));
        const HelperRanker::Options o = HelperRanker::offerDefaults();
        QCOMPARE(o.maxCount, 3);
        QCOMPARE(o.radiusM, 500.0);
        QVERIFY(o.availableOnly);
        QCOMPARE(idsOf(HelperRanker::rank(helpers, lyon, AlarmKind::Smoke, o)),
                 (QStringList{QStringLiteral("h0"), QStringLiteral("h1"), QStringLiteral("h2")}));
        // With the radius only, 520 m is out.
        HelperRanker::Options radiusOnly = o;
        radiusOnly.maxCount = 0;
        QCOMPARE(HelperRanker::rank(helpers, lyon, AlarmKind::Smoke, radiusOnly).size(), 6);
    }

    void onlyAvailableWithAPosition()
    {
        QHash<QString, Helper> helpers;
        put(helpers, helperAt(QStringLiteral("available"), from(lyon, 200, 0)));
        // A stale position kept by mistake must not bring an off-duty helper back.
        put(helpers, helperAt(QStringLiteral("off duty"), from(lyon, 10, 0), {}, Av::OffDuty));
        put(helpers, helperAt(QStringLiteral("offered"), from(lyon, 20, 0), {}, Av::Offered));
        put(helpers, helperAt(QStringLiteral("assigned"), from(lyon, 30, 0), {}, Av::Assigned));
        put(helpers, helperAt(QStringLiteral("busy"), from(lyon, 40, 0), {}, Av::Busy));
        put(helpers, helperAt(QStringLiteral("no position"), QGeoCoordinate(), {}, Av::Available));
        put(helpers, helperAt(QStringLiteral("bad position"), QGeoCoordinate(95, 4.83), {}, Av::Available));

        QCOMPARE(idsOf(HelperRanker::rank(helpers, lyon, AlarmKind::Panic, all())),
                 QStringList{QStringLiteral("available")});

        // For the helpers panel: everyone on duty with a position, still never off duty.
        QCOMPARE(idsOf(HelperRanker::rank(helpers, lyon, AlarmKind::Panic, all(false))),
                 (QStringList{QStringLiteral("offered"), QStringLiteral("assigned"), QStringLiteral("busy"),
                              QStringLiteral("available")}));
    }

    void skillsFirstWithinA50mBand()
    {
        const QStringList firstAid{QStringLiteral("first_aid")};
        QHash<QString, Helper> helpers;
        put(helpers, helperAt(QStringLiteral("a-110-none"), from(lyon, 110, 0), {QStringLiteral("keys")}));
        put(helpers, helperAt(QStringLiteral("b-140-aid"), from(lyon, 140, 90), firstAid));
        put(helpers, helperAt(QStringLiteral("c-160-aid"), from(lyon, 160, 180), firstAid));
        put(helpers, helperAt(QStringLiteral("d-40-none"), from(lyon, 40, 270)));
        put(helpers, helperAt(QStringLiteral("e-60-aid"), from(lyon, 60, 45), {QStringLiteral("keys"), firstAid[0]}));

        // Panic needs first aid: within [100, 150) the first-aider at 140 m goes before the
        // one without at 110 m; across bands distance wins (40 m without before 60 m with,
        // 110 m without before 160 m with).
        const auto panic = HelperRanker::rank(helpers, lyon, AlarmKind::Panic, all());
        QCOMPARE(idsOf(panic),
                 (QStringList{QStringLiteral("d-40-none"), QStringLiteral("e-60-aid"), QStringLiteral("b-140-aid"),
                              QStringLiteral("a-110-none"), QStringLiteral("c-160-aid")}));
        QCOMPARE(panic.at(0).hasNeededSkills, false);
        QCOMPARE(panic.at(1).hasNeededSkills, true);
        QCOMPARE(panic.at(2).hasNeededSkills, true);
        QCOMPARE(panic.at(3).hasNeededSkills, false);

        // Intrusion needs keys: now the 110 m key holder is first in its band.
        QCOMPARE(idsOf(HelperRanker::rank(helpers, lyon, AlarmKind::Intrusion, all())),
                 (QStringList{QStringLiteral("d-40-none"), QStringLiteral("e-60-aid"), QStringLiteral("a-110-none"),
                              QStringLiteral("b-140-aid"), QStringLiteral("c-160-aid")}));

        // Smoke needs nothing: pure distance.
        QCOMPARE(idsOf(HelperRanker::rank(helpers, lyon, AlarmKind::Smoke, all())),
                 (QStringList{QStringLiteral("d-40-none"), QStringLiteral("e-60-aid"), QStringLiteral("a-110-none"),
                              QStringLiteral("b-140-aid"), QStringLiteral("c-160-aid")}));

        // With the top 1 only, the band rule still applies.
        HelperRanker::Options one;
        one.maxCount = 1;
        QCOMPARE(idsOf(HelperRanker::rank(helpers, lyon, AlarmKind::Panic, one)),
                 QStringList{QStringLiteral("d-40-none")});
        helpers.remove(QStringLiteral("d-40-none"));
        helpers.remove(QStringLiteral("e-60-aid"));
        QCOMPARE(idsOf(HelperRanker::rank(helpers, lyon, AlarmKind::Panic, one)),
                 QStringList{QStringLiteral("b-140-aid")});
    }

    void needsEverySkill()
    {
        // A helper has the needed skills only with all of them; extra skills do no harm.
        QHash<QString, Helper> helpers;
        put(helpers, helperAt(QStringLiteral("x"), from(lyon, 10, 0),
                              {QStringLiteral("keys"), QStringLiteral("maintenance"), QStringLiteral("first_aid")}));
        const auto r = HelperRanker::rank(helpers, lyon, AlarmKind::LowBattery, all());
        QCOMPARE(r.size(), 1);
        QVERIFY(r.first().hasNeededSkills);
    }

    void stableOrderForEqualDistances()
    {
        const QGeoCoordinate spot = from(lyon, 250, 120);
        const QStringList ids{QStringLiteral("H-010"), QStringLiteral("H-002"), QStringLiteral("H-007"),
                              QStringLiteral("H-001"), QStringLiteral("H-005")};
        QHash<QString, Helper> forward, backward;
        for (const QString &id : ids)
            put(forward, helperAt(id, spot));
        for (auto it = ids.crbegin(); it != ids.crend(); ++it)
            put(backward, helperAt(*it, spot));

        QStringList sorted = ids;
        sorted.sort();
        const auto a = HelperRanker::rank(forward, lyon, AlarmKind::Door, all());
        const auto b = HelperRanker::rank(backward, lyon, AlarmKind::Door, all());
        QCOMPARE(idsOf(a), sorted);
        QCOMPARE(a, b);
        HelperRanker::Options two;
        two.maxCount = 2;
        QCOMPARE(idsOf(HelperRanker::rank(backward, lyon, AlarmKind::Door, two)), sorted.mid(0, 2));
    }

    void etaValues()
    {
        QCOMPARE(HelperRanker::etaSeconds(0, HelperRanker::walkingKmh), 0);
        QCOMPARE(HelperRanker::etaSeconds(100, HelperRanker::walkingKmh), 72); // 100 m at 5 km/h: 72 s exactly
        QCOMPARE(HelperRanker::etaSeconds(100.01, HelperRanker::walkingKmh), 73);
        QCOMPARE(HelperRanker::etaSeconds(1000, HelperRanker::cyclingKmh), 240);
        QCOMPARE(HelperRanker::etaSeconds(1, HelperRanker::cyclingKmh), 1); // 0.24 s rounds up
        QCOMPARE(HelperRanker::etaSeconds(500, HelperRanker::walkingKmh), 360);
        QCOMPARE(HelperRanker::etaSeconds(500, HelperRanker::cyclingKmh), 120);
        // Rounding noise in a distance does not add a second; a centimetre does.
        QCOMPARE(HelperRanker::etaSeconds(800.000000001, HelperRanker::walkingKmh), 576);
        QCOMPARE(HelperRanker::etaSeconds(800.01, HelperRanker::walkingKmh), 577);

        QHash<QString, Helper> helpers = threeAroundLyon();
        put(helpers, helperAt(QStringLiteral("on the spot"), lyon));
        const auto ranked = HelperRanker::rank(helpers, lyon, AlarmKind::Other, all());
        QCOMPARE(ranked.first().helperId, QStringLiteral("on the spot"));
        QCOMPARE(ranked.first().distanceM, 0.0);
        QCOMPARE(ranked.first().etaWalkS, 0);
        QCOMPARE(ranked.first().etaCycleS, 0);
        // ~800 m: 576 s walking, 192 s cycling, give or take the second the fraction adds.
        const auto &far = ranked.last();
        QCOMPARE(far.helperId, QStringLiteral("far"));
        QCOMPARE(far.etaWalkS, int(std::ceil(far.distanceM / (5000.0 / 3600.0) - 1e-6)));
        QCOMPARE(far.etaCycleS, int(std::ceil(far.distanceM / (15000.0 / 3600.0) - 1e-6)));
        QVERIFY(far.etaWalkS >= 575 && far.etaWalkS <= 577);
        QVERIFY(far.etaCycleS >= 191 && far.etaCycleS <= 193);
    }

    void emptyInput()
    {
        QVERIFY(HelperRanker::rank({}, lyon, AlarmKind::Panic, all()).isEmpty());
        QVERIFY(HelperRanker::rank({}, lyon, AlarmKind::Panic, HelperRanker::offerDefaults()).isEmpty());
    }

    void invalidAlarmPositionGivesNothing()
    {
        const QHash<QString, Helper> helpers = threeAroundLyon();
        QVERIFY(!HelperRanker::rank(helpers, lyon, AlarmKind::Other, all()).isEmpty());
        QVERIFY(HelperRanker::rank(helpers, QGeoCoordinate(), AlarmKind::Other, all()).isEmpty());
        QVERIFY(HelperRanker::rank(helpers, QGeoCoordinate(91, 4.83), AlarmKind::Other, all()).isEmpty());
        QVERIFY(HelperRanker::rank(helpers, QGeoCoordinate(45.76, 181), AlarmKind::Other, all()).isEmpty());
    }

    void agreesWithABruteForceReference()
    {
        // 2,000 random helpers around Lyon, 50 random alarms and radii: the same helpers and
        // order as a plain QGeoCoordinate::distanceTo + full sort, so the pre-filter drops no one.
        QRandomGenerator rng(4242);
        QHash<QString, Helper> helpers;
        const Av states[] = {Av::Available, Av::Available, Av::Available, Av::Offered, Av::Busy, Av::OffDuty};
        const QStringList skillSets[] = {{}, {QStringLiteral("first_aid")}, {QStringLiteral("keys")}};
        for (int i = 0; i < 2000; ++i) {
            const QGeoCoordinate p(45.76 + (rng.generateDouble() - 0.5) * 0.05,
                                   4.83 + (rng.generateDouble() - 0.5) * 0.07);
            put(helpers, helperAt(QStringLiteral("H%1").arg(i, 4, 10, QLatin1Char('0')), p, skillSets[i % 3],
                                  states[rng.bounded(6)]));
        }
        for (int q = 0; q < 50; ++q) {
            const QGeoCoordinate where(45.76 + (rng.generateDouble() - 0.5) * 0.05,
                                       4.83 + (rng.generateDouble() - 0.5) * 0.07);
            HelperRanker::Options o;
            o.radiusM = q % 5 == 0 ? 0 : 100 + rng.bounded(1500);
            o.maxCount = q % 2 == 0 ? 0 : 1 + rng.bounded(10);
            const AlarmKind kind = q % 3 == 0 ? AlarmKind::Fall : AlarmKind::Door;
            const QString skill = kind == AlarmKind::Fall ? QStringLiteral("first_aid") : QStringLiteral("keys");

            struct Ref
            {
                double d;
                bool skills;
                QString id;
            };
            QList<Ref> ref;
            for (const Helper &h : helpers) {
                if (h.availability() != Av::Available)
                    continue;
                const double d = where.distanceTo(h.position());
                if (o.radiusM > 0 && d > o.radiusM)
                    continue;
                ref.append({d, h.skills.contains(skill), h.id()});
            }
            std::sort(ref.begin(), ref.end(), [](const Ref &a, const Ref &b) {
                const auto ba = std::floor(a.d / 50), bb = std::floor(b.d / 50);
                if (ba != bb)
                    return ba < bb;
                if (a.skills != b.skills)
                    return a.skills;
                if (a.d != b.d)
                    return a.d < b.d;
                return a.id < b.id;
            });
            if (o.maxCount > 0 && ref.size() > o.maxCount)
                ref.resize(o.maxCount);

            const auto got = HelperRanker::rank(helpers, where, kind, o);
            QCOMPARE(got.size(), ref.size());
            for (qsizetype i = 0; i < got.size(); ++i) {
                QCOMPARE(got.at(i).helperId, ref.at(i).id);
                QCOMPARE(got.at(i).hasNeededSkills, ref.at(i).skills);
                QVERIFY(std::abs(got.at(i).distanceM - ref.at(i).d) < 1e-6);
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestHelperRanker)
#include "tst_helperranker.moc"
