#pragma once

#include <QtGlobal>

#include <vector>

namespace relais::sim {

// Ack latencies (microseconds) for percentiles. Keeps every sample up to a cap, then every
// n-th one, so that a long load run stays bounded in memory.
class LatencyRecorder final
{
public:
    static constexpr size_t MaxSamples = 4'000'000;

    void add(qint64 us);
    void clear();
    quint64 count() const { return m_count; }
    // p in [0, 100]; 0 when there is no sample.
    double percentileMs(double p) const;

private:
    mutable std::vector<quint32> m_samples;
    mutable bool m_sorted = true;
    quint64 m_count = 0;
    quint64 m_stride = 1;
};

} // namespace relais::sim
