#pragma once

#include <QString>

namespace relais {

// A dispatcher at a desk. Only a display name: operators are identified by what they
// type when they start a shift (no accounts in a one-desk install).
struct Operator
{
    QString name;

    friend bool operator==(const Operator &, const Operator &) = default;
};

} // namespace relais
