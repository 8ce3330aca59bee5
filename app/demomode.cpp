#include "demomode.h"

#include "actor.h"
#include "csvreader.h"
#include "deviceimport.h"
#include "dispatchstate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>

namespace relais {

namespace {

QByteArray readResource(const QString &path, QStringList *errors)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        errors->append(QCoreApplication::translate("relais::DemoMode", "Cannot read the demo data %1.").arg(path));
        return {};
    }
    return f.readAll();
}

} // namespace

QList<JournalEntry> DemoMode::seedEntries(const DispatchState &state, const QDateTime &at, QStringList *errors)
{
    QList<JournalEntry> out;
    const Actor by = Actor::system();

    // Devices: through the coordinators' own import, only those not yet registered.
    const QByteArray devicesCsv = readResource(QStringLiteral(":/demo/devices.csv"), errors);
    if (!devicesCsv.isEmpty() && state.devices().isEmpty()) {
        DeviceImport::Report report = DeviceImport::fromCsv(devicesCsv, state, at, by);
        if (!report.ok())
            errors->append(report.errors);
        for (JournalEntry &e : report.entries) {
            e.source = QStringLiteral("demo");
            out.append(std::move(e));
        }
    }

    // Helpers: helper_id,name,phone,skills(;-separated),home_latitude,home_longitude.
    const QByteArray helpersCsv = readResource(QStringLiteral(":/demo/helpers.csv"), errors);
    Result<QList<CsvReader::Record>> records = CsvReader::parse(helpersCsv, QLatin1Char(','));
    if (!records) {
        errors->append(records.errorString());
        return out;
    }
    for (const CsvReader::Record &r : records.value()) {
        if (r.line == 1 || r.fields.size() < 4)
            continue; // the header
        const QString id = r.fields.at(0).trimmed();
        if (id.isEmpty() || state.helper(id))
            continue;
        JournalEntry e = JournalEntry::make(
            at, QStringLiteral("demo"), EntryKind::HelperRegistered, by,
            QJsonObject{{QStringLiteral("helper"), id},
                        {QStringLiteral("name"), r.fields.at(1).trimmed()},
                        {QStringLiteral("phone"), r.fields.at(2).trimmed()},
                        {QStringLiteral("skills"),
                         QJsonArray::fromStringList(r.fields.at(3).split(QLatin1Char(';'), Qt::SkipEmptyParts))}});
        out.append(std::move(e));
    }
    return out;
}

QString DemoMode::findSimulator()
{
    const QString here = QCoreApplication::applicationDirPath();
#if defined(Q_OS_WIN)
    const QString name = QStringLiteral("relais-sim.exe");
#else
    const QString name = QStringLiteral("relais-sim");
#endif
    const QStringList candidates{here + QLatin1Char('/') + name, here + QStringLiteral("/../sim/") + name};
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QDir::cleanPath(candidate);
    }
    return QStandardPaths::findExecutable(QStringLiteral("relais-sim"));
}

DemoMode::DemoMode(QObject *parent) : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_process, &QProcess::readyRead, this, [this] {
        while (m_process.canReadLine())
            emit simulatorLog(QString::fromUtf8(m_process.readLine()).trimmed());
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        if (m_stopping)
            return;
        emit simulatorStopped(status == QProcess::CrashExit
                                  ? tr("The demo simulator crashed.")
                                  : tr("The demo simulator stopped (exit code %1).").arg(code));
    });
}

DemoMode::~DemoMode()
{
    stopSimulator();
}

bool DemoMode::startSimulator(const QString &program, quint16 port, const QString &token, const QStringList &extraArgs)
{
    if (program.isEmpty()) {
        m_error = tr("The demo simulator relais-sim was not found next to Relais.");
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RELAIS_SIM_TOKEN"), token);
    m_process.setProcessEnvironment(env);
    m_stopping = false;
    m_process.start(program, QStringList{QStringLiteral("--connect"), QStringLiteral("127.0.0.1:%1").arg(port),
                                         QStringLiteral("--gateway"), gatewayId()}
                                 + extraArgs);
    if (!m_process.waitForStarted(10000)) {
        m_error = tr("Cannot start the demo simulator %1: %2").arg(program, m_process.errorString());
        return false;
    }
    return true;
}

void DemoMode::stopSimulator()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

} // namespace relais
