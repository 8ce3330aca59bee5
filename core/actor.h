#pragma once

#include <QString>

namespace relais {

// Who did something: recorded with every transition and journal entry.
struct Actor
{
    enum class Kind { Operator, Helper, Device, System };

    Kind kind = Kind::System;
    QString id; // operator name, helper id, device id; empty for the system

    static Actor system() { return {Kind::System, {}}; }
    static Actor operatorNamed(const QString &name) { return {Kind::Operator, name}; }
    static Actor helper(const QString &helperId) { return {Kind::Helper, helperId}; }
    static Actor device(const QString &deviceId) { return {Kind::Device, deviceId}; }

    // "operator:Claire", "helper:h12", "device:d-301", "system"
    QString toString() const;
    static Actor fromString(const QString &text);

    friend bool operator==(const Actor &, const Actor &) = default;
};

} // namespace relais
