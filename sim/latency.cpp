#include "latency.h"

#include <algorithm>
#include <cmath>

namespace relais::sim {

void LatencyRecorder::add(qint64 us)
{
    ++m_count;
    if (m_count % m_stride != 0)
        return;
    if (m_samples.size() >= MaxSamples) {
        // Halve: keep every other sample and take every other one from now on.
        std::vector<quint32> kept;
        kept.reserve(MaxSamples / 2 + 1);
        for (size_t i = 0; i < m_samples.size(); i += 2)
            kept.push_back(m_samples[i]);
        m_samples.swap(kept);
        m_stride *= 2;
    }
    m_samples.push_back(quint32(std::clamp<qint64>(us, 0, 0xffffffffLL)));
    m_sorted = false;
}

void LatencyRecorder::clear()
{
    m_samples.clear();
    m_sorted = true;
    m_count = 0;
    m_stride = 1;
}

double LatencyRecorder::percentileMs(double p) const
{
    if (m_samples.empty())
        return 0;
    if (!m_sorted) {
        std::sort(m_samples.begin(), m_samples.end());
        m_sorted = true;
    }
    const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * double(m_samples.size() - 1);
    const size_t index = size_t(std::llround(rank));
    return double(m_samples[std::min(index, m_samples.size() - 1)]) / 1000.0;
}

} // namespace relais::sim
