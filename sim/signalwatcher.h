#pragma once

#include <QObject>

class QSocketNotifier;

namespace relais::sim {

// SIGINT and SIGTERM as a Qt signal, through a self-pipe (nothing but write() runs in the
// signal handler). On Windows: the console's Ctrl+C and Ctrl+Break as SIGINT, its closing,
// logoff and shutdown as SIGTERM.
class SignalWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void received(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace relais::sim
