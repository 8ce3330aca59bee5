#pragma once

#include "actor.h"

#include <QDateTime>

namespace relais {

// One step in an entity's life: the state it entered (the enum as int), when and by whom.
struct Transition
{
    int state = 0;
    QDateTime at;
    Actor by;
    QString note; // outcome key, reason, escalation stage...

    friend bool operator==(const Transition &, const Transition &) = default;
};

} // namespace relais
