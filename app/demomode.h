#pragma once

#include "journalentry.h"

#include <QObject>
#include <QProcess>
#include <QStringList>

namespace relais {

class DispatchState;

// The demo town for newcomers: its devices and helpers (the :/demo resource) registered in
// the journal on first start, and the simulator relais-sim started as a gateway of this
// console over loopback TCP, so that alarms arrive and can be dispatched at once.
class DemoMode final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoMode)

public:
    static QString gatewayId() { return QStringLiteral("demo-sim"); }

    // The device.registered and helper.registered entries still missing from state (all of
    // them on an empty journal, none once done). errors: why the demo data could not be read.
    static QList<JournalEntry> seedEntries(const DispatchState &state, const QDateTime &at, QStringList *errors);

    // relais-sim next to this executable, in the build tree, or on PATH; empty if not found.
    static QString findSimulator();

    explicit DemoMode(QObject *parent = nullptr);
    ~DemoMode() override; // stops the simulator

    // Starts relais-sim against 127.0.0.1:port with token (passed in its environment, never on
    // its command line). False with errorString() when it cannot start.
    bool startSimulator(const QString &program, quint16 port, const QString &token, const QStringList &extraArgs = {});
    void stopSimulator();
    QString errorString() const { return m_error; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

signals:
    void simulatorLog(const QString &line);
    void simulatorStopped(const QString &why);

private:
    QProcess m_process;
    QString m_error;
    bool m_stopping = false;
};

} // namespace relais
