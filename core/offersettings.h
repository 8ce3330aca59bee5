#pragma once

namespace relais {

// How offers go out (docs/dispatching.md): to the nearest `count` available helpers within
// radiusM metres, each standing timeoutS seconds. Held once, by the desk; the window reads the
// desk's, the settings' defaults and the offer follow-up are these.
struct OfferSettings
{
    int count = 3;
    double radiusM = 500;
    int timeoutS = 60;

    friend bool operator==(const OfferSettings &, const OfferSettings &) = default;
};

} // namespace relais
