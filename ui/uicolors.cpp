#include "uicolors.h"

namespace relais::UiColors {

QColor severity(Severity s)
{
    switch (s) {
    case Severity::Critical:
        return {0xd3, 0x2f, 0x2f};
    case Severity::Major:
        return {0xef, 0x6c, 0x00};
    case Severity::Minor:
        return {0xe0, 0xa8, 0x00};
    case Severity::Warning:
        break;
    }
    return {0x5b, 0x86, 0xb0};
}

QColor severityTint(Severity s)
{
    QColor c = severity(s);
    c.setAlpha(s == Severity::Critical ? 56 : 40);
    return c;
}

QColor availability(Helper::Availability a)
{
    switch (a) {
    case Helper::Availability::Available:
        return {0x2e, 0x7d, 0x32};
    case Helper::Availability::Offered:
        return {0xe0, 0xa8, 0x00};
    case Helper::Availability::Assigned:
        return {0x1e, 0x6f, 0xbf};
    case Helper::Availability::Busy:
        return {0x7b, 0x1f, 0xa2};
    case Helper::Availability::OffDuty:
        break;
    }
    return {0x9e, 0x9e, 0x9e};
}

QColor gatewayLink(GatewayStatus::Link link)
{
    switch (link) {
    case GatewayStatus::Link::Connected:
        return availability(Helper::Availability::Available);
    case GatewayStatus::Link::Connecting:
        return severity(Severity::Minor);
    case GatewayStatus::Link::Disconnected:
        return severity(Severity::Critical);
    case GatewayStatus::Link::Waiting:
        break;
    }
    return availability(Helper::Availability::OffDuty);
}

QColor attentionText()
{
    return {0xb7, 0x1c, 0x1c};
}

} // namespace relais::UiColors
