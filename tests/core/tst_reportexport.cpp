#include "exportscenario.h"
#include "reportexport.h"
#include "reportformat.h"
#include "reportperiod.h"
#include "reports.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

// One dispatch from a report's kind to its writer, for File > Export and `relais export`.
class TestReportExport final : public QObject
{
    Q_OBJECT

private:
    DispatchState m_state;
    ReportFormat m_format;
    const ReportPeriod m_day{ExportScenario::at(1, 0, 0), ExportScenario::at(2, 0, 0)};

    QByteArray viaExport(ReportKind kind)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        return ReportExport::write(kind, m_state, ExportScenario::costs(), m_day, m_format, &buffer)
                   ? buffer.data()
                   : QByteArray("failed");
    }
    QByteArray viaReports(ReportKind kind)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        bool ok = false;
        if (kind == ReportKind::Shift)
            ok = Reports::writeShiftReport(m_state, m_day, m_format, &buffer);
        else if (kind == ReportKind::Payouts)
            ok = Reports::writePayoutStatement(m_state, m_day, m_format, &buffer);
        else
            ok = Reports::writeTransparencyReport(m_state, m_day, ExportScenario::costs(), m_format, &buffer);
        return ok ? buffer.data() : QByteArray("failed");
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

    void namesTheReportsAsTheCommandLineDoes()
    {
        QCOMPARE(ReportExport::keys(),
                 (QStringList{QStringLiteral("shift"), QStringLiteral("payouts"), QStringLiteral("transparency")}));
        for (ReportKind kind : {ReportKind::Shift, ReportKind::Payouts, ReportKind::Transparency})
            QCOMPARE(ReportExport::fromKey(ReportExport::key(kind)), kind);
        QVERIFY(!ReportExport::fromKey(QStringLiteral("Shift")));
        QVERIFY(!ReportExport::fromKey(QString()));
    }

    void writesTheChosenReport()
    {
        for (ReportKind kind : {ReportKind::Shift, ReportKind::Payouts, ReportKind::Transparency}) {
            const QByteArray csv = viaExport(kind);
            QVERIFY2(csv.size() > 20, csv.constData());
            QCOMPARE(csv, viaReports(kind));
        }
        // Each its own: the costs only in the transparency report.
        QVERIFY(viaExport(ReportKind::Shift) != viaExport(ReportKind::Payouts));
        QVERIFY(viaExport(ReportKind::Transparency).contains("cost"));
    }

    void writesAFileAtomically()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("payouts.csv"));
        QString error;
        QVERIFY2(ReportExport::writeFile(ReportKind::Payouts, m_state, {}, m_day, m_format, path, &error),
                 qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), viaReports(ReportKind::Payouts));
        // A folder that does not exist: refused with the reason, nothing written.
        const QString nowhere = dir.filePath(QStringLiteral("no/such/dir/t.csv"));
        QVERIFY(!ReportExport::writeFile(ReportKind::Shift, m_state, {}, m_day, m_format, nowhere, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(nowhere));
    }
};

QTEST_GUILESS_MAIN(TestReportExport)
#include "tst_reportexport.moc"
