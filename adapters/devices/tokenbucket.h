#pragma once

#include <QtGlobal>

#include <algorithm>

namespace relais {

// The per-connection rate limit of docs/protocol.md §5.1: `burst` tokens, refilled at `rate`
// per second; every non-empty line takes one. Pure: the caller gives the time in ms.
class TokenBucket final
{
public:
    TokenBucket(int rate, int burst, qint64 nowMs)
        : m_rate(std::max(1, rate)), m_burst(std::max(1, burst)), m_tokens(double(m_burst)), m_lastMs(nowMs)
    {}

    bool take(qint64 nowMs)
    {
        if (nowMs > m_lastMs) {
            m_tokens = std::min(double(m_burst), m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
            m_lastMs = nowMs;
        }
        if (m_tokens < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }

    double tokens() const { return m_tokens; }

private:
    int m_rate;
    int m_burst;
    double m_tokens;
    qint64 m_lastMs;
};

} // namespace relais
