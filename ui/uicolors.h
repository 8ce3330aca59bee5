#pragma once

#include "alarmkind.h"
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
} // namespace UiColors

} // namespace relais
