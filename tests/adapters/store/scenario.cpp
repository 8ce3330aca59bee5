#include "scenario.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace relais::test {

namespace {

QString deviceId(int n)
{
    return QStringLiteral("d-%1").arg(n);
}

QString helperId(int n)
{
    return QStringLiteral("h-%1").arg(n);
}

} // namespace

Scenario::Scenario(quint32 seed)
    : m_random(seed), m_clock(QDateTime::fromMSecsSinceEpoch(1772352000123, Qt::UTC)) // 2026-03-01 08:00:00.123
{}

QDateTime Scenario::tick()
{
    m_clock = m_clock.addMSecs(1000 + m_random.bounded(60000));
    return m_clock;
}

JournalEntry Scenario::action(QLatin1StringView kind, const QJsonObject &payload, const Actor &by)
{
    JournalEntry e;
    e.time = tick();
    e.source = by.kind == Actor::Kind::Helper ? QStringLiteral("helper-app") : QStringLiteral("ui");
    e.kind = kind;
    e.actor = by;
    e.payload = payload;
    return e;
}

JournalEntry Scenario::deviceMessage(QLatin1StringView kind, const QJsonObject &payload, const QString &messageId,
                                     const QByteArray &raw)
{
    JournalEntry e;
    e.time = tick();
    e.source = gatewaySource();
    e.messageId = messageId;
    e.kind = kind;
    e.actor = Actor::device(payload.value(QLatin1String("device")).toString());
    e.payload = payload;
    e.raw = raw.isEmpty() ? QJsonDocument(payload).toJson(QJsonDocument::Compact) : raw;
    return e;
}

JournalEntry Scenario::heartbeat(const QString &device, int battery, const QString &messageId)
{
    return deviceMessage(EntryKind::DeviceHeartbeat, {{"device", device}, {"battery", battery}}, messageId);
}

JournalEntry Scenario::registerDevice(const QString &device, double lat, double lon)
{
    return action(EntryKind::DeviceRegistered, {{"device", device},
                                                {"kind", "panic_button"},
                                                {"label", QStringLiteral("Pendentif %1").arg(device)},
                                                {"beneficiary", QStringLiteral("B-%1").arg(device)},
                                                {"address", QStringLiteral("%1 rue des Lilas").arg(m_counter++)},
                                                {"lat", lat},
                                                {"lon", lon},
                                                {"interval_s", 900}});
}

QList<JournalEntry> Scenario::scripted()
{
    const Actor claire = Actor::operatorNamed(QStringLiteral("Claire"));
    QList<JournalEntry> j;
    auto msg = [this] {
        return QStringLiteral("m-%1").arg(++m_counter);
    };

    j << action(EntryKind::FeeSet, {{"kind", "maintenance"}, {"fee_cents", 650}, {"currency", "EUR"}});
    j << action(EntryKind::ShiftStarted, {{"operator", "Claire"}});
    j << registerDevice(QStringLiteral("d-100"), 48.8566011, 2.3522219);
    j << action(EntryKind::DeviceRegistered, {{"device", "d-200"},
                                              {"kind", "smoke"},
                                              {"label", "Détecteur cuisine"},
                                              {"address", "12 rue de la Paix"},
                                              {"interval_s", 3600}});
    j << registerDevice(QStringLiteral("d-300"), 48.85, 2.35);
    j << registerDevice(QStringLiteral("d-400"), 48.86, 2.36);
    for (int h = 1; h <= 4; ++h) {
        j << action(EntryKind::HelperRegistered, {{"helper", helperId(h)},
                                                  {"name", QStringLiteral("Voisin %1").arg(h)},
                                                  {"phone", QStringLiteral("+3361234567%1").arg(h)},
                                                  {"skills", QJsonArray{"first_aid", "keys"}}});
    }
    for (int h = 1; h <= 3; ++h) {
        j << action(EntryKind::HelperOnDuty, {{"helper", helperId(h)}}, Actor::helper(helperId(h)));
        j << action(EntryKind::HelperPosition, {{"helper", helperId(h)}, {"lat", 48.85 + h * 0.001}, {"lon", 2.35}},
                    Actor::helper(helperId(h)));
    }
    j << heartbeat(QStringLiteral("d-100"), 80, msg());
    j << deviceMessage(EntryKind::DeviceAlarm,
                       {{"device", "d-100"}, {"alarm", "panic"}, {"lat", 48.8567}, {"lon", 2.3523}, {"details", "SOS"}},
                       msg(), QByteArray("\x02PANIC\x00\xff\x03", 9));
    j << deviceMessage(EntryKind::DeviceAlarm, {{"device", "d-100"}, {"alarm", "panic"}}, msg());
    j << action(EntryKind::AlarmEscalated, {{"alarm", 1}, {"stage", 1}}, Actor::system());
    j << action(EntryKind::AlarmAcknowledged, {{"alarm", 1}}, claire);
    j << action(EntryKind::MissionCreated, {{"alarm", 1}, {"kind", "verification"}});
    j << action(EntryKind::MissionOffered, {{"mission", 1}, {"helper", "h-1"}, {"distance_m", 350.5}});
    j << action(EntryKind::MissionOffered, {{"mission", 1}, {"helper", "h-2"}, {"distance_m", 812.25}});
    j << action(EntryKind::MissionAnswered, {{"mission", 1}, {"helper", "h-2"}, {"answer", "declined"}},
                Actor::helper(QStringLiteral("h-2")));
    j << action(EntryKind::MissionAnswered, {{"mission", 1}, {"helper", "h-1"}, {"answer", "accepted"}},
                Actor::helper(QStringLiteral("h-1")));
    j << action(EntryKind::MissionEnRoute, {{"mission", 1}}, Actor::helper(QStringLiteral("h-1")));
    j << action(EntryKind::MissionOnScene, {{"mission", 1}}, Actor::helper(QStringLiteral("h-1")));
    j << deviceMessage(EntryKind::DeviceRestore, {{"device", "d-100"}, {"alarm", "panic"}}, msg());
    j << action(EntryKind::MissionCompleted, {{"mission", 1}, {"outcome", "false_alarm"}, {"note", "Fausse manip"}},
                Actor::helper(QStringLiteral("h-1")));
    j << action(EntryKind::AlarmClosed, {{"alarm", 1}}, claire);

    // A phoned-in alarm: assigned directly, withdrawn, the mission and the alarm cancelled.
    j << action(EntryKind::AlarmManual, {{"kind", "medical"},
                                         {"address", "3 place du Marché"},
                                         {"caller", "Mme Lefèvre — fille"},
                                         {"note", "Clé chez la voisine ✓"}});
    j << action(EntryKind::AlarmAcknowledged, {{"alarm", 2}}, claire);
    j << action(EntryKind::MissionCreated, {{"alarm", 2}, {"kind", "other"}, {"fee_cents", 1500}, {"currency", "EUR"}});
    j << action(EntryKind::MissionAssigned, {{"mission", 2}, {"helper", "h-3"}});
    j << action(EntryKind::MissionUnassigned, {{"mission", 2}, {"reason", "helper_unreachable"}});
    j << action(EntryKind::MissionCancelled, {{"mission", 2}, {"reason", "family_on_site"}});
    j << action(EntryKind::AlarmCancelled, {{"alarm", 2}, {"reason", "family_on_site"}});

    // Settled by phone, no one sent.
    j << deviceMessage(EntryKind::DeviceAlarm, {{"device", "d-200"}, {"alarm", "smoke"}, {"severity", "critical"}},
                       msg());
    j << action(EntryKind::AlarmNote, {{"alarm", 3}, {"text", "Appel: toast brûlé"}});
    j << action(EntryKind::AlarmAcknowledged, {{"alarm", 3}}, claire);
    j << action(EntryKind::AlarmResolved, {{"alarm", 3}, {"outcome", "false_alarm"}}, claire);
    j << action(EntryKind::AlarmClosed, {{"alarm", 3}}, claire);

    // Maintenance: silence ended by a heartbeat, low battery ended by a restore.
    j << deviceMessage(EntryKind::DeviceAlarm, {{"device", "d-300"}, {"alarm", "device_silent"}}, msg());
    j << heartbeat(QStringLiteral("d-300"), 15, msg());
    j << deviceMessage(EntryKind::DeviceAlarm, {{"device", "d-300"}, {"alarm", "low_battery"}}, msg());
    j << deviceMessage(EntryKind::DeviceRestore, {{"device", "d-300"}, {"alarm", "low_battery"}}, msg());

    // Bad input: journaled as rejected by the store; a refused action; an unknown device.
    j << deviceMessage(EntryKind::DeviceAlarm, {{"device", "d-100"}, {"alarm", "meteor"}}, msg(),
                       QByteArray("\x00garbage\xfe", 9));
    j << heartbeat(QStringLiteral("d-999"), 50, msg());
    j << action(EntryKind::AlarmAcknowledged, {{"alarm", 99}}, claire);

    j << action(EntryKind::DeviceUpdated, {{"device", "d-200"},
                                           {"kind", "smoke"},
                                           {"label", "Détecteur salon"},
                                           {"address", "12 rue de la Paix, 2e"},
                                           {"lat", 48.8601},
                                           {"lon", 2.3401},
                                           {"interval_s", 1800}});
    j << action(EntryKind::DeviceRemoved, {{"device", "d-400"}});
    j << action(EntryKind::HelperUpdated, {{"helper", "h-3"}, {"name", "Voisin 3"}, {"phone", "+33700000003"}});
    j << action(EntryKind::HelperOffDuty, {{"helper", "h-3"}}, Actor::helper(QStringLiteral("h-3")));
    j << action(EntryKind::HelperRemoved, {{"helper", "h-4"}});
    j << action(EntryKind::ShiftEnded, {{"shift", 1}, {"handover", "RAS, d-300 pile faible"}}, claire);
    j << action(EntryKind::FeeSet, {{"kind", "verification"}, {"fee_cents", 1200}, {"currency", "EUR"}});
    j << action(EntryKind::ShiftStarted, {{"operator", "Marc"}});
    return j;
}

QString Scenario::pick(const QStringList &from)
{
    return from.isEmpty() ? QString() : from.at(m_random.bounded(int(from.size())));
}

qint64 Scenario::pickId(QList<qint64> from)
{
    if (from.isEmpty())
        return 1 + m_random.bounded(5);
    std::sort(from.begin(), from.end()); // QHash order differs between runs: sort for reproducibility
    return from.at(m_random.bounded(int(from.size())));
}

QList<JournalEntry> Scenario::randomWalk(int steps)
{
    DispatchState sim;
    QList<JournalEntry> out;
    out.reserve(steps);
    for (int i = 0; i < steps; ++i)
        step(sim, out);
    return out;
}

void Scenario::step(DispatchState &sim, QList<JournalEntry> &out)
{
    const Actor op = Actor::operatorNamed(m_random.bounded(2) ? QStringLiteral("Claire") : QStringLiteral("Marc"));
    QList<qint64> openAlarms;
    QList<qint64> allAlarms;
    QList<qint64> resolvedAlarms;
    for (const Alarm &a : sim.alarms()) {
        allAlarms.append(a.id());
        if (a.state() == Alarm::State::Resolved)
            resolvedAlarms.append(a.id());
        if (a.isOpen())
            openAlarms.append(a.id());
    }
    QList<qint64> openMissions;
    QList<qint64> offering;
    QList<qint64> assigned;
    for (const Mission &m : sim.missions()) {
        if (m.isOpen())
            openMissions.append(m.id());
        if (!m.pendingOfferHelpers().isEmpty())
            offering.append(m.id());
        if (m.state() == Mission::State::Assigned)
            assigned.append(m.id());
    }
    QStringList available;
    for (const Helper &h : sim.helpers()) {
        if (h.availability() == Helper::Availability::Available)
            available.append(h.id());
    }
    available.sort();
    const QList<AlarmKind> kinds = AlarmKinds::all();
    const QList<Outcome> outcomes = Outcomes::all();
    const QString device = deviceId(m_random.bounded(30));
    const QString helper = helperId(m_random.bounded(12));
    const int roll = m_random.bounded(100);
    auto mostly = [this](qint64 good, qint64 any) {
        return m_random.bounded(10) < 8 ? good : any;
    };
    const qint64 anOpenAlarm = mostly(pickId(openAlarms), pickId(allAlarms));
    auto msg = [this] {
        return QStringLiteral("w-%1").arg(++m_counter);
    };

    JournalEntry e;
    if (roll < 8) {
        e = registerDevice(device, 48.8 + m_random.bounded(1000) / 10000.0, 2.3 + m_random.bounded(1000) / 10000.0);
    } else if (roll < 10) {
        e = action(EntryKind::DeviceUpdated, {{"device", device},
                                              {"kind", "fall_detector"},
                                              {"label", "Bracelet"},
                                              {"interval_s", 600 + m_random.bounded(3000)}});
    } else if (roll < 11) {
        e = action(EntryKind::DeviceRemoved, {{"device", device}});
    } else if (roll < 26) {
        e = heartbeat(device, m_random.bounded(101), msg());
    } else if (roll < 38) {
        QJsonObject p{{"device", device}, {"alarm", AlarmKinds::key(kinds.at(m_random.bounded(int(kinds.size()))))}};
        if (m_random.bounded(2))
            p.insert(QStringLiteral("lat"), 48.0 + m_random.generateDouble());
        if (p.contains(QLatin1String("lat")))
            p.insert(QStringLiteral("lon"), 2.0 + m_random.generateDouble());
        e = deviceMessage(EntryKind::DeviceAlarm, p, msg());
    } else if (roll < 42) {
        const Alarm *a = sim.alarm(anOpenAlarm);
        const QString d = a && !a->deviceId().isEmpty() ? a->deviceId() : device;
        const QString k = a ? AlarmKinds::key(a->kind()) : QStringLiteral("panic");
        e = deviceMessage(EntryKind::DeviceRestore, {{"device", d}, {"alarm", k}}, msg());
    } else if (roll < 44) {
        e = deviceMessage(m_random.bounded(2) ? EntryKind::DeviceAlarm : QLatin1StringView("device.unknown"),
                          {{"device", m_random.bounded(2) ? device : QString()}, {"alarm", "meteor"}}, msg(),
                          QByteArray::number(m_random.generate64(), 16));
    } else if (roll < 46) {
        e = action(EntryKind::AlarmManual, {{"kind", "medical"},
                                            {"address", QStringLiteral("%1 avenue Foch").arg(m_counter++)},
                                            {"lat", 48.87},
                                            {"lon", 2.29},
                                            {"caller", "Voisin"}});
    } else if (roll < 52) {
        e = action(EntryKind::AlarmAcknowledged, {{"alarm", anOpenAlarm}}, op);
    } else if (roll < 53) {
        e = action(EntryKind::AlarmEscalated, {{"alarm", anOpenAlarm}, {"stage", 1 + m_random.bounded(3)}},
                   Actor::system());
    } else if (roll < 54) {
        e = action(EntryKind::AlarmNote, {{"alarm", anOpenAlarm}, {"text", QStringLiteral("note %1").arg(m_counter++)}},
                   op);
    } else if (roll < 56) {
        e = action(EntryKind::AlarmResolved,
                   {{"alarm", anOpenAlarm}, {"outcome", Outcomes::key(outcomes.at(m_random.bounded(3)))}}, op);
    } else if (roll < 57) {
        e = action(EntryKind::AlarmClosed, {{"alarm", mostly(pickId(resolvedAlarms), pickId(allAlarms))}}, op);
    } else if (roll < 58) {
        e = action(EntryKind::AlarmCancelled, {{"alarm", anOpenAlarm}, {"reason", "operator"}}, op);
    } else if (roll < 63) {
        e = action(EntryKind::MissionCreated,
                   {{"alarm", anOpenAlarm}, {"kind", m_random.bounded(3) ? "verification" : "maintenance"}}, op);
    } else if (roll < 68) {
        const QString h = m_random.bounded(10) < 8 && !available.isEmpty() ? pick(available) : helper;
        e = action(EntryKind::MissionOffered,
                   {{"mission", pickId(openMissions)}, {"helper", h}, {"distance_m", m_random.bounded(5000) + 0.5}},
                   op);
    } else if (roll < 74) {
        const qint64 mid = mostly(pickId(offering), pickId(openMissions));
        const Mission *m = sim.mission(mid);
        const QString h = m && !m->pendingOfferHelpers().isEmpty() ? pick(m->pendingOfferHelpers()) : helper;
        static const char *answers[] = {"accepted", "declined", "timeout", "accepted"};
        e = action(EntryKind::MissionAnswered,
                   {{"mission", mid}, {"helper", h}, {"answer", answers[m_random.bounded(4)]}}, Actor::helper(h));
    } else if (roll < 76) {
        const QString h = !available.isEmpty() ? pick(available) : helper;
        e = action(EntryKind::MissionAssigned, {{"mission", pickId(openMissions)}, {"helper", h}}, op);
    } else if (roll < 77) {
        e = action(EntryKind::MissionUnassigned, {{"mission", pickId(assigned)}, {"reason", "no_answer"}}, op);
    } else if (roll < 80) {
        e = action(m_random.bounded(2) ? EntryKind::MissionEnRoute : EntryKind::MissionOnScene,
                   {{"mission", mostly(pickId(assigned), pickId(openMissions))}}, op);
    } else if (roll < 83) {
        e = action(EntryKind::MissionCompleted,
                   {{"mission", mostly(pickId(assigned), pickId(openMissions))},
                    {"outcome", Outcomes::key(outcomes.at(m_random.bounded(4)))}},
                   op);
    } else if (roll < 84) {
        e = action(EntryKind::MissionCancelled, {{"mission", pickId(openMissions)}, {"reason", "operator"}}, op);
    } else if (roll < 86) {
        e = action(
            EntryKind::HelperRegistered,
            {{"helper", helper}, {"name", QStringLiteral("Voisin %1").arg(helper)}, {"skills", QJsonArray{"keys"}}});
    } else if (roll < 87) {
        e = action(EntryKind::HelperUpdated, {{"helper", helper}, {"name", "Renommé"}, {"phone", "0600000000"}});
    } else if (roll < 90) {
        e = action(m_random.bounded(3) ? EntryKind::HelperOnDuty : EntryKind::HelperOffDuty, {{"helper", helper}},
                   Actor::helper(helper));
    } else if (roll < 93) {
        e = action(EntryKind::HelperPosition,
                   {{"helper", helper}, {"lat", 48.8 + m_random.generateDouble() / 10}, {"lon", 2.3}},
                   Actor::helper(helper));
    } else if (roll < 94) {
        e = action(EntryKind::HelperRemoved, {{"helper", helper}});
    } else if (roll < 95) {
        e = action(EntryKind::FeeSet, {{"kind", m_random.bounded(2) ? "verification" : "maintenance"},
                                       {"fee_cents", 500 + m_random.bounded(1000)},
                                       {"currency", "EUR"}});
    } else if (roll < 97) {
        const Shift *running = sim.runningShift();
        e = running && m_random.bounded(2)
                ? action(EntryKind::ShiftEnded, {{"shift", running->id}, {"handover", "RAS"}}, op)
                : action(EntryKind::ShiftStarted, {{"operator", op.id}}, op);
    } else {
        // A gateway retransmission: same source and message id as an earlier device message.
        QList<JournalEntry> earlier;
        for (const JournalEntry &x : out) {
            if (!x.messageId.isEmpty())
                earlier.append(x);
        }
        e = earlier.isEmpty() ? heartbeat(device, 50, msg()) : earlier.at(m_random.bounded(int(earlier.size())));
        e.time = tick();
    }
    (void)sim.apply(e);
    out.append(e);
}

DispatchState Scenario::replay(const QList<JournalEntry> &journal)
{
    DispatchState state;
    for (const JournalEntry &e : journal)
        (void)state.apply(e);
    return state;
}

} // namespace relais::test
