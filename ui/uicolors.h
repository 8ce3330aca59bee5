#pragma once

#include "alarmkind.h"
#include "gatewaystatus.h"
#include "helper.h"

#include <QColor>

namespace relais {

// The few colours that carry meaning in the UI, in one place so the map, the tables and
// the legend agree. Chosen to stay distinct for the common colour-vision deficiencies
// when paired with their text label (colour is never the only cue).
namespace UiColors {
QColor severity(Severity severity);
// A light tint of the severity colour for row backgrounds (unacknowledged alarms).
QColor severityTint(Severity severity);
QColor availability(Helper::Availability availability);
// Connected green, connecting amber, disconnected red, waiting grey.
QColor gatewayLink(GatewayStatus::Link link);
// Text that needs attention in an otherwise plain row (a device silent for too long, a
// battery to replace): dark enough to read on the view's base colour.
QColor attentionText();
} // namespace UiColors

} // namespace relais
