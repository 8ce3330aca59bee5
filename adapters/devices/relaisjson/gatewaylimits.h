#pragma once

#include <QtGlobal>

namespace relais {

// The limits of one gateway session (docs/protocol.md, §5.1), announced in hello_ok.
struct GatewayLimits
{
    static constexpr qsizetype DefaultMaxLine = 8192;

    qsizetype maxLine = DefaultMaxLine; // bytes, not counting the LF (and a CR before it)
    int rate = 2000;                    // lines per second, sustained
    int burst = 4000;                   // lines at once above the sustained rate

    friend bool operator==(const GatewayLimits &, const GatewayLimits &) = default;
};

} // namespace relais
