#pragma once

#include "simoptions.h"
#include "town.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace relais::sim {

class GatewayLink;
class LoadGenerator;
class SignalWatcher;
class TownScenario;

// The program: reads the town and the token, opens the link, runs the scenario or the load,
// prints the statistics, ends on --duration or a signal after waiting for the acks.
class SimRunner final : public QObject
{
    Q_OBJECT

public:
    explicit SimRunner(SimOptions options, QObject *parent = nullptr);
    ~SimRunner() override;

    // Reads files and the token. -1 when ready to start(), else the exit code (error printed).
    int prepare();
    void start();

signals:
    void finished(int exitCode);

private:
    void onSessionOpened();
    void beginEnd(bool bySignal);
    void checkDrained();
    void onDrainTimeout();
    void finish(int exitCode);
    void printStats();
    void printLoadSummary() const;
    QString linkSummary() const;

    SimOptions m_options;
    QList<SimDevice> m_devices;
    QList<SimHelper> m_helpers;
    QString m_token;
    GatewayLink *m_link = nullptr;
    TownScenario *m_scenario = nullptr;
    LoadGenerator *m_load = nullptr;
    SignalWatcher *m_signals = nullptr;
    QTimer m_durationTimer;
    QTimer m_statsTimer;
    QTimer m_drainTimer;
    QElapsedTimer m_runClock; // since the first session
    QElapsedTimer m_drainClock;
    quint64 m_lastSent = 0;
    qint64 m_loadStartMs = 0; // link clock when the load started
    qint64 m_lastStatsMs = 0;
    bool m_started = false; // the first session opened
    bool m_ending = false;
    bool m_endBySignal = false;
    bool m_finished = false;
    int m_exitCode = 0;
    double m_drainS = 0;
};

} // namespace relais::sim
