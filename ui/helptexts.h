#pragma once

#include <QString>

class QMenuBar;

namespace relais {

// The Help menu's texts (rich text).
namespace HelpTexts {

// The About box: version, Qt version, licences, map data attribution.
QString about();
// The keyboard shortcuts: every menu's actions that have one, then the map's own keys.
QString shortcuts(const QMenuBar *menuBar);

} // namespace HelpTexts

} // namespace relais
