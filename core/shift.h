#pragma once

#include "operatorinfo.h"

#include <QDateTime>

namespace relais {

// An operator's shift at the desk, ended with a handover summary.
struct Shift
{
    qint64 id = 0;
    Operator op;
    QDateTime startedAt;
    QDateTime endedAt; // null while the shift runs
    QString handover;

    bool isRunning() const { return !endedAt.isValid(); }
    friend bool operator==(const Shift &, const Shift &) = default;
};

} // namespace relais
