#pragma once

#include "alarmkind.h"
#include "escalation.h"

#include <QHash>
#include <QWidget>

#include <array>

class QSpinBox;
class QTimeEdit;

namespace relais {

class Settings;

// The settings dialog's Dispatch page: offers (how many helpers at once, within how many
// metres, how long each offer stands) and the escalation timers T1, T2, T3 of each severity
// (0 < T1 <= T2 <= T3). Both apply at once.
class DispatchPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DispatchPage)

public:
    explicit DispatchPage(QWidget *parent = nullptr);

    void load(const Settings &settings);
    QString check() const;
    void save(Settings &settings) const;

    Escalation::Timers timers(Severity severity) const;
    void setTimers(Severity severity, const Escalation::Timers &timers);

private:
    QSpinBox *m_count = nullptr;
    QSpinBox *m_radius = nullptr;
    QSpinBox *m_timeout = nullptr;
    QHash<Severity, std::array<QTimeEdit *, 3>> m_timers;
};

} // namespace relais
