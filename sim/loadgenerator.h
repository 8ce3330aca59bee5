#pragma once

#include "gatewaylink.h"
#include "town.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace relais::sim {

// Load mode: N heartbeats per second in total, spread over the town's devices, for a
// benchmark of Relais's ingest. Lines are assembled from pre-encoded pieces (only the id and
// the time change), produced in batches on a short tick and written in large chunks by the
// link: no timer per message. When the link cannot keep up (rate limit, slow acks), at most
// about a second of events waits in its queue and the generator falls behind its target
// rather than piling up memory; the achieved rate is in the summary.
class LoadGenerator final : public QObject
{
    Q_OBJECT

public:
    LoadGenerator(const QList<SimDevice> &devices, int linesPerSecond, GatewayLink *link, QObject *parent = nullptr);

    void start();
    void stop();
    bool running() const { return m_running; }
    quint64 generated() const { return m_generated; }
    // Seconds between start() and stop() (or now).
    double elapsedS() const;

private:
    void tick();

    struct Piece
    {
        QByteArray afterId; // ","device":"<id>","time":"
        QByteArray tail;    // ","battery":NN}\n
    };

    std::vector<Piece> m_pieces;
    int m_rate;
    GatewayLink *m_link;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_stoppedAtNs = -1;
    quint64 m_generated = 0;
    size_t m_nextDevice = 0;
    bool m_running = false;
};

} // namespace relais::sim
