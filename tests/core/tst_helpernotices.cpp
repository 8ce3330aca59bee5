#include "dispatchactions.h"
#include "dispatchstate.h"
#include "helpernotices.h"
#include "journalbuilder.h"

#include <QTest>

using namespace relais;

// What the desk tells helpers after each commit (HelperNotices, once app/downlinks.cpp), read
// from real reducer runs.
class TestHelperNotices final : public QObject
{
    Q_OBJECT

private:
    // The notices of one kind, and the cancels as (helper, mission, reason).
    struct Cancel
    {
        QString helper;
        qint64 mission = 0;
        QString reason;
        friend bool operator==(const Cancel &, const Cancel &) = default;
    };
    static QList<HelperNotice> offersIn(const QList<HelperNotice> &notices)
    {
        QList<HelperNotice> out;
        for (const HelperNotice &n : notices) {
            if (n.kind == HelperNotice::Kind::Offer)
                out.append(n);
        }
        return out;
    }
    static QList<Cancel> cancelsIn(const QList<HelperNotice> &notices)
    {
        QList<Cancel> out;
        for (const HelperNotice &n : notices) {
            if (n.kind == HelperNotice::Kind::Cancel)
                out.append({n.helper, n.mission, n.reason});
        }
        return out;
    }

    const QDateTime t0 = QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC);
    const Actor lea = Actor::operatorNamed(QStringLiteral("Léa"));
    DispatchState m_state;
    JournalBuilder m_journal{t0};

    // Applies entries as one commit; returns them as committed.
    QList<JournalEntry> commit(const QList<JournalEntry> &entries)
    {
        const QString refusal = m_journal.commit(m_state, entries);
        if (!refusal.isEmpty())
            qFatal("refused: %s", qPrintable(refusal));
        return entries;
    }
    JournalEntry make(QLatin1StringView kind, const Actor &by, const QJsonObject &payload, int second = 0)
    {
        return m_journal.at(t0.addSecs(second)).entry(kind, payload, by);
    }

private slots:
    void offersThenCancels()
    {
        for (const auto &[id, lat] :
             {std::pair{QStringLiteral("h1"), 45.7590}, std::pair{QStringLiteral("h2"), 45.7600},
              std::pair{QStringLiteral("h3"), 45.7610}})
            commit(m_journal.at(t0).helperAt(id, lat, 4.832));
        const QList<JournalEntry> raised =
            commit({m_journal.at(t0).deviceAlarmAt(QStringLiteral("d1"), QStringLiteral("smoke"), 45.758, 4.832)});
        QVERIFY(HelperNotices::afterCommit(raised, m_state, 60).isEmpty());
        const qint64 alarmId = m_state.alarms().constBegin()->id();

        // Offered to the three: one offer each, with what the handset shows and nothing personal.
        const Result<QList<JournalEntry>> offers =
            DispatchActions::offerToNearby(m_state, alarmId, 3, 500, lea, t0.addSecs(10));
        QVERIFY(offers.ok());
        const QList<HelperNotice> sentNotices = HelperNotices::afterCommit(commit(offers.value()), m_state, 60);
        const QList<HelperNotice> sentOffers = offersIn(sentNotices);
        QCOMPARE(cancelsIn(sentNotices).size(), 0);
        QCOMPARE(sentOffers.size(), 3);
        const qint64 missionId = m_state.alarm(alarmId)->missionId;
        QStringList helpers;
        for (const HelperNotice &o : sentOffers) {
            helpers.append(o.helper);
            QCOMPARE(o.mission, missionId);
            QCOMPARE(o.alarm, AlarmKind::Smoke);
            QCOMPARE(o.position, QGeoCoordinate(45.758, 4.832));
            QCOMPARE(o.fee, m_state.mission(missionId)->fee());
            QVERIFY(o.fee.cents() > 0);
            QCOMPARE(o.expires, t0.addSecs(70));
            QVERIFY(o.distanceM.has_value());
        }
        QCOMPARE(helpers, (QStringList{QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3")}));
        QCOMPARE(sentOffers.first().distanceM.value(), 111);

        // h3 declines: nothing to tell anyone.
        const QList<JournalEntry> declined =
            commit({make(EntryKind::MissionAnswered, Actor::helper(QStringLiteral("h3")),
                         {{QStringLiteral("mission"), missionId},
                          {QStringLiteral("helper"), QStringLiteral("h3")},
                          {QStringLiteral("answer"), QStringLiteral("declined")}},
                         20)});
        QVERIFY(HelperNotices::afterCommit(declined, m_state, 60).isEmpty());

        // h2 accepts: h1, still offered, is told the mission is taken; h3 is not told again.
        const QList<JournalEntry> accepted =
            commit({make(EntryKind::MissionAnswered, Actor::helper(QStringLiteral("h2")),
                         {{QStringLiteral("mission"), missionId},
                          {QStringLiteral("helper"), QStringLiteral("h2")},
                          {QStringLiteral("answer"), QStringLiteral("accepted")}},
                         30)});
        const QList<HelperNotice> taken = HelperNotices::afterCommit(accepted, m_state, 60);
        QCOMPARE(offersIn(taken).size(), 0);
        QCOMPARE(cancelsIn(taken), (QList<Cancel>{{QStringLiteral("h1"), missionId, QStringLiteral("taken")}}));

        // The mission is cancelled: its helper is told.
        const QList<JournalEntry> cancelled = commit({make(
            EntryKind::MissionCancelled, lea,
            {{QStringLiteral("mission"), missionId}, {QStringLiteral("reason"), QStringLiteral("restored")}}, 40)});
        QCOMPARE(cancelsIn(HelperNotices::afterCommit(cancelled, m_state, 60)),
                 (QList<Cancel>{{QStringLiteral("h2"), missionId, QStringLiteral("mission_cancelled")}}));
    }
};

QTEST_GUILESS_MAIN(TestHelperNotices)
#include "tst_helpernotices.moc"
