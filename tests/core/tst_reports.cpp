#include "csvreader.h"
#include "exportscenario.h"
#include "reports.h"

#include <QBuffer>
#include <QTest>

using namespace relais;

namespace {

// A CSV file read back: the header and each record as column → value.
struct Table
{
    QStringList header;
    QList<QHash<QString, QString>> rows;

    QHash<QString, QString> row(const QString &column, const QString &value) const
    {
        for (const auto &r : rows) {
            if (r.value(column) == value)
                return r;
        }
        return {};
    }
    // The transparency report's value of metric (and key).
    QString metric(const QString &metric, const QString &key = QString()) const
    {
        for (const auto &r : rows) {
            if (r.value(QStringLiteral("metric")) == metric && r.value(QStringLiteral("key")) == key)
                return r.value(QStringLiteral("value"));
        }
        return QStringLiteral("<absent>");
    }
};

Table parse(const QByteArray &bytes, QChar separator)
{
    Table t;
    const auto records = CsvReader::parse(bytes, separator);
    if (!records.ok() || records->isEmpty())
        return t;
    t.header = records->constFirst().fields;
    for (qsizetype i = 1; i < records->size(); ++i) {
        QHash<QString, QString> r;
        const QStringList &fields = records->at(i).fields;
        for (qsizetype c = 0; c < t.header.size(); ++c)
            r.insert(t.header.at(c), fields.value(c, QStringLiteral("<missing>")));
        if (fields.size() != t.header.size())
            r.insert(QStringLiteral("<width>"), QString::number(fields.size()));
        t.rows.append(r);
    }
    return t;
}

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestReports final : public QObject
{
    Q_OBJECT

private:
    DispatchState m_state;
    ReportFormat m_format;

    QByteArray written(bool (*write)(const DispatchState &, const ReportPeriod &, const ReportFormat &, QIODevice *,
                                     QString *),
                       const ReportPeriod &period, const ReportFormat &format)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        if (!write(m_state, period, format, &buffer, &error))
            return QByteArray("failed: ") + error.toUtf8();
        return buffer.data();
    }

private slots:
    void initTestCase()
    {
        JournalBuilder j(ExportScenario::at(1, 7, 0));
        const QString refusal = j.commit(m_state, ExportScenario::entries());
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
        m_format.timeZone = ExportScenario::zone();
        m_format.separator = QLatin1Char(';');
    }

    void periods()
    {
        const ReportPeriod p{ExportScenario::at(1, 8, 0), ExportScenario::at(1, 9, 0)};
        QVERIFY(p.contains(ExportScenario::at(1, 8, 0)));
        QVERIFY(!p.contains(ExportScenario::at(1, 9, 0)));
        QVERIFY(!p.contains(QDateTime()));
        QVERIFY(ReportPeriod{}.contains(ExportScenario::at(1, 9, 0)));
        // Still open, or finished in it, or started before and finished after: it overlaps.
        QVERIFY(p.overlaps(ExportScenario::at(1, 7, 0), QDateTime()));
        QVERIFY(p.overlaps(ExportScenario::at(1, 7, 0), ExportScenario::at(1, 8, 0)));
        QVERIFY(p.overlaps(ExportScenario::at(1, 7, 0), ExportScenario::at(1, 10, 0)));
        QVERIFY(!p.overlaps(ExportScenario::at(1, 7, 0), ExportScenario::at(1, 7, 59)));
        QVERIFY(!p.overlaps(ExportScenario::at(1, 9, 0), QDateTime()));
        const Shift running{1, Operator{QStringLiteral("Claire")}, ExportScenario::at(1, 8, 0), {}, {}};
        QCOMPARE(ReportPeriod::ofShift(running), (ReportPeriod{ExportScenario::at(1, 8, 0), QDateTime()}));
    }

    void formats()
    {
        QCOMPARE(Reports::formatAmount(1250), QStringLiteral("12.50"));
        QCOMPARE(Reports::formatAmount(5), QStringLiteral("0.05"));
        QCOMPARE(Reports::formatAmount(-305), QStringLiteral("-3.05"));
        QCOMPARE(Reports::formatAmount(0), QStringLiteral("0.00"));
        QCOMPARE(Reports::formatSeconds(45), QStringLiteral("45"));
        QCOMPARE(Reports::formatSeconds(750.5), QStringLiteral("750.5"));
        const QDateTime t = ExportScenario::at(1, 8, 0, 30);
        QCOMPARE(Reports::formatTime(t, ExportScenario::zone()), QStringLiteral("2024-03-01T09:00:30+01:00"));
        QCOMPARE(Reports::formatTime(t, QTimeZone::utc()), QStringLiteral("2024-03-01T08:00:30+00:00"));
        QCOMPARE(Reports::formatTime(t, QTimeZone(-(3 * 3600 + 1800))), QStringLiteral("2024-03-01T04:30:30-03:30"));
        QCOMPARE(Reports::formatTime(QDateTime(), QTimeZone::utc()), QString());
        // Paris switches to summer time on 31 March 2024: the offset is the one of that time.
        const QTimeZone paris("Europe/Paris");
        if (paris.isValid()) {
            QCOMPARE(Reports::formatTime(QDateTime(QDate(2024, 4, 2), QTime(8, 0), Qt::UTC), paris),
                     QStringLiteral("2024-04-02T10:00:00+02:00"));
        }
        // Times read back as the same instants.
        QCOMPARE(QDateTime::fromString(Reports::formatTime(t, ExportScenario::zone()), Qt::ISODate), t);
        QCOMPARE(ReportFormat::defaultSeparator(QLocale(QLocale::French, QLocale::France)), QLatin1Char(';'));
        QCOMPARE(ReportFormat::defaultSeparator(QLocale(QLocale::French, QLocale::Canada)), QLatin1Char(';'));
        QCOMPARE(ReportFormat::defaultSeparator(QLocale(QLocale::English)), QLatin1Char(','));
    }

    void shiftRowsOfTheShift()
    {
        const ReportPeriod shift = ReportPeriod::ofShift(m_state.shifts().value(1));
        const QList<Reports::ShiftRow> rows = Reports::shiftRows(m_state, shift);
        // A1 ended before the shift began, A6 came after it ended.
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).alarmId, 2);
        QCOMPARE(rows.at(3).alarmId, 5);

        const Reports::ShiftRow &a2 = rows.at(0);
        QCOMPARE(a2.ackS, 30);
        QCOMPARE(a2.assignS, 70);
        QCOMPARE(a2.travelS, 540);
        QCOMPARE(a2.totalS, 1200);
        QCOMPARE(a2.redispatches, 0);
        QCOMPARE(a2.fee, Money(1250, QStringLiteral("EUR")));

        // The assignment that stood: h2's was withdrawn, h1 went.
        const Reports::ShiftRow &a3 = rows.at(1);
        QCOMPARE(a3.helperId, QStringLiteral("h1"));
        QCOMPARE(a3.firstOffer, ExportScenario::at(1, 9, 1, 30));
        QCOMPARE(a3.accepted, ExportScenario::at(1, 9, 6));
        QCOMPARE(a3.assignS, 300);
        QCOMPARE(a3.travelS, 600);
        QCOMPARE(a3.redispatches, 1);
        QVERIFY(!a3.closed.isValid());

        // Settled by phone: nobody sent, no fee.
        const Reports::ShiftRow &a4 = rows.at(2);
        QVERIFY(a4.helperId.isEmpty());
        QVERIFY(!a4.assignS && !a4.travelS);
        QCOMPARE(a4.totalS, 300);
        QVERIFY(!a4.fee);

        const Reports::ShiftRow &a5 = rows.at(3);
        QCOMPARE(a5.state, Alarm::State::Cancelled);
        QVERIFY(!a5.ackS);
        QCOMPARE(a5.totalS, 45);
    }

    void shiftReportParsesBack()
    {
        const ReportPeriod shift = ReportPeriod::ofShift(m_state.shifts().value(1));
        ReportFormat named = m_format;
        named.withNames = true;
        named.byteOrderMark = true;
        const QByteArray bytes = written(&Reports::writeShiftReport, shift, named);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const Table t = parse(bytes, QLatin1Char(';'));
        QCOMPARE(t.header, Reports::shiftColumns());
        QCOMPARE(t.rows.size(), 4);
        for (const auto &r : t.rows)
            QVERIFY2(!r.contains(QStringLiteral("<width>")), "every record has every column");

        const auto a2 = t.row(QStringLiteral("alarm_id"), QStringLiteral("2"));
        QCOMPARE(a2.value(QStringLiteral("kind")), QStringLiteral("panic"));
        QCOMPARE(a2.value(QStringLiteral("severity")), QStringLiteral("critical"));
        QCOMPARE(a2.value(QStringLiteral("state")), QStringLiteral("closed"));
        QCOMPARE(a2.value(QStringLiteral("device_id")), QStringLiteral("d1"));
        QCOMPARE(a2.value(QStringLiteral("device_label")), QStringLiteral("Pendant d1"));
        QCOMPARE(a2.value(QStringLiteral("beneficiary_ref")), QStringLiteral("B-001"));
        QCOMPARE(a2.value(QStringLiteral("address")), ExportScenario::address1());
        QCOMPARE(a2.value(QStringLiteral("latitude")), QStringLiteral("48.856613"));
        QCOMPARE(a2.value(QStringLiteral("longitude")), QStringLiteral("2.352222"));
        QCOMPARE(a2.value(QStringLiteral("received_at")), QStringLiteral("2024-03-01T09:00:00+01:00"));
        QCOMPARE(a2.value(QStringLiteral("acknowledged_at")), QStringLiteral("2024-03-01T09:00:30+01:00"));
        QCOMPARE(a2.value(QStringLiteral("acknowledged_by")), QStringLiteral("operator:Claire"));
        QCOMPARE(a2.value(QStringLiteral("first_offer_at")), QStringLiteral("2024-03-01T09:01:00+01:00"));
        QCOMPARE(a2.value(QStringLiteral("accepted_at")), QStringLiteral("2024-03-01T09:01:40+01:00"));
        QCOMPARE(a2.value(QStringLiteral("helper_id")), QStringLiteral("h1"));
        QCOMPARE(a2.value(QStringLiteral("helper_name")), ExportScenario::helper1Name());
        QCOMPARE(a2.value(QStringLiteral("en_route_at")), QStringLiteral("2024-03-01T09:02:00+01:00"));
        QCOMPARE(a2.value(QStringLiteral("on_scene_at")), QStringLiteral("2024-03-01T09:10:40+01:00"));
        QCOMPARE(a2.value(QStringLiteral("resolved_at")), QStringLiteral("2024-03-01T09:20:00+01:00"));
        QCOMPARE(a2.value(QStringLiteral("outcome")), QStringLiteral("false_alarm"));
        QCOMPARE(a2.value(QStringLiteral("closed_at")), QStringLiteral("2024-03-01T09:25:00+01:00"));
        QCOMPARE(a2.value(QStringLiteral("closed_by")), QStringLiteral("operator:Claire"));
        QCOMPARE(a2.value(QStringLiteral("cancelled_at")), QString());
        QCOMPARE(a2.value(QStringLiteral("ack_s")), QStringLiteral("30"));
        QCOMPARE(a2.value(QStringLiteral("assign_s")), QStringLiteral("70"));
        QCOMPARE(a2.value(QStringLiteral("travel_s")), QStringLiteral("540"));
        QCOMPARE(a2.value(QStringLiteral("total_s")), QStringLiteral("1200"));
        QCOMPARE(a2.value(QStringLiteral("redispatch_count")), QStringLiteral("0"));
        QCOMPARE(a2.value(QStringLiteral("fee")), QStringLiteral("12.50"));
        QCOMPARE(a2.value(QStringLiteral("currency")), QStringLiteral("EUR"));

        const auto a3 = t.row(QStringLiteral("alarm_id"), QStringLiteral("3"));
        QCOMPARE(a3.value(QStringLiteral("address")), ExportScenario::address2());
        QCOMPARE(a3.value(QStringLiteral("helper_name")), ExportScenario::helper1Name());
        QCOMPARE(a3.value(QStringLiteral("redispatch_count")), QStringLiteral("1"));
        QCOMPARE(a3.value(QStringLiteral("state")), QStringLiteral("resolved"));
        QCOMPARE(a3.value(QStringLiteral("en_route_at")), QString());
        QCOMPARE(a3.value(QStringLiteral("closed_at")), QString());

        const auto a5 = t.row(QStringLiteral("alarm_id"), QStringLiteral("5"));
        QCOMPARE(a5.value(QStringLiteral("state")), QStringLiteral("cancelled"));
        QCOMPARE(a5.value(QStringLiteral("cancelled_at")), QStringLiteral("2024-03-01T12:00:45+01:00"));
        QCOMPARE(a5.value(QStringLiteral("acknowledged_by")), QString());
        QCOMPARE(a5.value(QStringLiteral("fee")), QString());
    }

    void shiftReportWithoutNamesHasNoPersonalDetails()
    {
        const ReportPeriod shift = ReportPeriod::ofShift(m_state.shifts().value(1));
        const QByteArray bytes = written(&Reports::writeShiftReport, shift, m_format);
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(!bytes.contains("Lilas"));
        QVERIFY(!bytes.contains("Dupont"));
        QVERIFY(!bytes.contains("Pendant"));
        const Table t = parse(bytes, QLatin1Char(';'));
        QCOMPARE(t.header, Reports::shiftColumns()); // the same columns, left empty
        const auto a2 = t.row(QStringLiteral("alarm_id"), QStringLiteral("2"));
        QCOMPARE(a2.value(QStringLiteral("beneficiary_ref")), QStringLiteral("B-001"));
        QCOMPARE(a2.value(QStringLiteral("helper_id")), QStringLiteral("h1"));
        QCOMPARE(a2.value(QStringLiteral("address")), QString());
        QCOMPARE(a2.value(QStringLiteral("device_label")), QString());
        QCOMPARE(a2.value(QStringLiteral("helper_name")), QString());
        QCOMPARE(a2.value(QStringLiteral("latitude")), QStringLiteral("48.857"));
        QCOMPARE(a2.value(QStringLiteral("longitude")), QStringLiteral("2.352"));
    }

    void shiftReportOfAPeriod()
    {
        // The day in UTC+01:00: every alarm of 1 March, none of the 2nd.
        const ReportPeriod day{ExportScenario::dayStart(), ExportScenario::dayEnd()};
        QList<qint64> ids;
        for (const Reports::ShiftRow &r : Reports::shiftRows(m_state, day))
            ids.append(r.alarmId);
        QCOMPARE(ids, (QList<qint64>{1, 2, 3, 4, 5, 6}));
        // An open-ended period from the 2nd: A7 only.
        ids.clear();
        for (const Reports::ShiftRow &r : Reports::shiftRows(m_state, ReportPeriod{ExportScenario::dayEnd(), {}}))
            ids.append(r.alarmId);
        QCOMPARE(ids, QList<qint64>{7});
    }

    void payoutStatement()
    {
        const ReportPeriod day{ExportScenario::dayStart(), ExportScenario::dayEnd()};
        const QList<Reports::PayoutRow> rows = Reports::payoutRows(m_state, day);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).helperId, QStringLiteral("h1"));
        QCOMPARE(rows.at(0).missions, 2);
        QCOMPARE(rows.at(0).total, Money(2500, QStringLiteral("EUR")));
        QCOMPARE(rows.at(1).total, Money(500, QStringLiteral("EUR")));

        ReportFormat named = m_format;
        named.withNames = true;
        const Table t = parse(written(&Reports::writePayoutStatement, day, named), QLatin1Char(';'));
        QCOMPARE(t.header, Reports::payoutColumns());
        QCOMPARE(t.rows.size(), 2);
        const auto h1 = t.row(QStringLiteral("helper_id"), QStringLiteral("h1"));
        QCOMPARE(h1.value(QStringLiteral("period_from")), QStringLiteral("2024-03-01T00:00:00+01:00"));
        QCOMPARE(h1.value(QStringLiteral("period_to")), QStringLiteral("2024-03-02T00:00:00+01:00"));
        QCOMPARE(h1.value(QStringLiteral("helper_name")), ExportScenario::helper1Name());
        QCOMPARE(h1.value(QStringLiteral("missions")), QStringLiteral("2"));
        QCOMPARE(h1.value(QStringLiteral("verification_missions")), QStringLiteral("2"));
        QCOMPARE(h1.value(QStringLiteral("maintenance_missions")), QStringLiteral("0"));
        QCOMPARE(h1.value(QStringLiteral("fees")), QStringLiteral("2 x 12.50"));
        QCOMPARE(h1.value(QStringLiteral("total")), QStringLiteral("25.00"));
        QCOMPARE(h1.value(QStringLiteral("currency")), QStringLiteral("EUR"));
        const auto h2 = t.row(QStringLiteral("helper_id"), QStringLiteral("h2"));
        QCOMPARE(h2.value(QStringLiteral("helper_name")), ExportScenario::helper2Name());
        QCOMPARE(h2.value(QStringLiteral("maintenance_missions")), QStringLiteral("1"));
        QCOMPARE(h2.value(QStringLiteral("fees")), QStringLiteral("1 x 5.00"));
        QCOMPARE(h2.value(QStringLiteral("total")), QStringLiteral("5.00"));

        // Two days: h1's third mission, at another fee breakdown line if fees differ.
        const ReportPeriod twoDays{ExportScenario::dayStart(), ExportScenario::dayEnd().addDays(1)};
        const Table both = parse(written(&Reports::writePayoutStatement, twoDays, m_format), QLatin1Char(';'));
        const auto h1both = both.row(QStringLiteral("helper_id"), QStringLiteral("h1"));
        QCOMPARE(h1both.value(QStringLiteral("missions")), QStringLiteral("3"));
        QCOMPARE(h1both.value(QStringLiteral("total")), QStringLiteral("37.50"));
        QCOMPARE(h1both.value(QStringLiteral("helper_name")), QString()); // no names unless asked
    }

    void transparencyFigures()
    {
        const ReportPeriod day{ExportScenario::dayStart(), ExportScenario::dayEnd()};
        const Reports::Transparency t =
            Reports::transparency(m_state, day, ExportScenario::costs(), ExportScenario::zone());
        QCOMPARE(t.alarms, 6);
        QCOMPARE(t.alarmsByKind.value(AlarmKind::Panic), 1);
        QCOMPARE(t.alarmsByKind.value(AlarmKind::Gas), 0);
        QCOMPARE(t.alarmsByOutcome.value(Outcome::Cancelled), 2);
        QCOMPARE(t.alarmsOpen, 0);
        QCOMPARE(t.falseAlarmRate.value_or(-1), 0.5);
        QCOMPARE(t.medianAckS.value_or(-1), 45.0);
        QCOMPARE(t.medianAssignS.value_or(-1), 70.0);
        QCOMPARE(t.medianTravelS.value_or(-1), 600.0);
        QCOMPARE(t.medianOnSceneS.value_or(-1), 960.0);
        QCOMPARE(t.medianTotalS.value_or(-1), 750.0);
        QCOMPARE(t.missionsCompleted.value(MissionKind::Verification), 2);
        QCOMPARE(t.missionsCompleted.value(MissionKind::Maintenance), 1);
        QCOMPARE(t.helpersPaid, 2);
        QCOMPARE(t.paidToHelpers.value(QStringLiteral("EUR")), 3000);
        QCOMPARE(t.runningCosts.value(QStringLiteral("EUR")), 200);
        QVERIFY(!t.costs.value(QStringLiteral("EUR")).contains(QStringLiteral("Old")));
    }

    void transparencyReportParsesBack()
    {
        const ReportPeriod day{ExportScenario::dayStart(), ExportScenario::dayEnd()};
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(Reports::writeTransparencyReport(m_state, day, ExportScenario::costs(), m_format, &buffer));
        const QByteArray bytes = buffer.data();
        const Table t = parse(bytes, QLatin1Char(';'));
        QCOMPARE(t.header, Reports::transparencyColumns());
        QCOMPARE(t.rows.constFirst().value(QStringLiteral("period_from")), QStringLiteral("2024-03-01T00:00:00+01:00"));
        QCOMPARE(t.metric(QStringLiteral("alarms"), QStringLiteral("total")), QStringLiteral("6"));
        QCOMPARE(t.metric(QStringLiteral("alarms_by_kind"), QStringLiteral("fall")), QStringLiteral("1"));
        QCOMPARE(t.metric(QStringLiteral("alarms_by_kind"), QStringLiteral("water_leak")), QStringLiteral("0"));
        QCOMPARE(t.metric(QStringLiteral("alarms_by_outcome"), QStringLiteral("false_alarm")), QStringLiteral("2"));
        QCOMPARE(t.metric(QStringLiteral("alarms_by_outcome"), QStringLiteral("cancelled")), QStringLiteral("2"));
        QCOMPARE(t.metric(QStringLiteral("alarms_open")), QStringLiteral("0"));
        QCOMPARE(t.metric(QStringLiteral("false_alarm_rate")), QStringLiteral("0.5000"));
        QCOMPARE(t.metric(QStringLiteral("median_ack_s")), QStringLiteral("45"));
        QCOMPARE(t.metric(QStringLiteral("median_assign_s")), QStringLiteral("70"));
        QCOMPARE(t.metric(QStringLiteral("median_travel_s")), QStringLiteral("600"));
        QCOMPARE(t.metric(QStringLiteral("median_on_scene_s")), QStringLiteral("960"));
        QCOMPARE(t.metric(QStringLiteral("median_total_s")), QStringLiteral("750"));
        QCOMPARE(t.metric(QStringLiteral("missions"), QStringLiteral("verification")), QStringLiteral("2"));
        QCOMPARE(t.metric(QStringLiteral("missions"), QStringLiteral("total")), QStringLiteral("3"));
        QCOMPARE(t.metric(QStringLiteral("helpers_paid")), QStringLiteral("2"));
        QCOMPARE(t.metric(QStringLiteral("paid_to_helpers")), QStringLiteral("30.00"));
        QCOMPARE(t.metric(QStringLiteral("running_cost"), s("Phone line; \"pro\"")), QStringLiteral("1.00"));
        QCOMPARE(t.metric(QStringLiteral("running_cost"), QStringLiteral("Insurance")), QStringLiteral("1.00"));
        QCOMPARE(t.metric(QStringLiteral("running_cost"), QStringLiteral("Old")), QStringLiteral("<absent>"));
        QCOMPARE(t.metric(QStringLiteral("running_costs"), QStringLiteral("total")), QStringLiteral("2.00"));
        QCOMPARE(t.metric(QStringLiteral("total_costs")), QStringLiteral("32.00"));
        QCOMPARE(t.metric(QStringLiteral("helpers_share"), QStringLiteral("EUR")), QStringLiteral("0.9375"));
        QCOMPARE(t.metric(QStringLiteral("running_costs_share"), QStringLiteral("EUR")), QStringLiteral("0.0625"));
        for (const auto &r : t.rows) {
            const QString unit = r.value(QStringLiteral("unit"));
            QVERIFY2(unit == QLatin1String("count") || unit == QLatin1String("s") || unit == QLatin1String("ratio")
                         || unit == QLatin1String("EUR"),
                     qPrintable(unit));
        }
        // No personal data at all: no ids, names, references or addresses.
        for (const char *personal :
             {"h1", "h2", "Dupont", "Zo\xC3\xA9", "B-00", "d1", "Lilas", "Claire", "\xC3\x89glise"})
            QVERIFY2(!bytes.contains(personal), personal);
    }

    void transparencyOfAnEmptyPeriod()
    {
        const ReportPeriod later{ExportScenario::dayEnd().addDays(10), ExportScenario::dayEnd().addDays(11)};
        const Table t =
            parse(CsvWriter::toBytes(Reports::transparencyTable(m_state, later, {}, m_format), {QLatin1Char(';')}),
                  QLatin1Char(';'));
        QCOMPARE(t.metric(QStringLiteral("alarms"), QStringLiteral("total")), QStringLiteral("0"));
        QCOMPARE(t.metric(QStringLiteral("false_alarm_rate")), QString()); // nothing to divide
        QCOMPARE(t.metric(QStringLiteral("median_ack_s")), QString());
        QCOMPARE(t.metric(QStringLiteral("paid_to_helpers")), QStringLiteral("0.00"));
        QCOMPARE(t.metric(QStringLiteral("helpers_share"), QStringLiteral("EUR")), QString());
    }

    void aFailingDeviceIsReported()
    {
        QBuffer readOnly;
        readOnly.open(QIODevice::ReadOnly);
        QString error;
        QVERIFY(!Reports::writePayoutStatement(m_state, {}, m_format, &readOnly, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
