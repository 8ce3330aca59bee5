#pragma once

#include <QString>

namespace relais::sim::Log {

// Messages on stderr, each one line prefixed "relais-sim: ". info and warn are silenced by
// --quiet; error never is.
void setQuiet(bool quiet);
bool quiet();
void info(const QString &message);
void warn(const QString &message);
void error(const QString &message);

} // namespace relais::sim::Log
