#include "statewriter.h"

#include "sqlitenative.h"
#include "sqlvalues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

namespace relais {

namespace {

using namespace SqlValues;

Error sqlError(const QSqlQuery &q)
{
    return Error{QStringLiteral("sql_error"),
                 QCoreApplication::translate("relais::StateWriter", "Cannot write the state tables: %1 (%2)")
                     .arg(q.lastError().text(), q.lastQuery())};
}

// INSERT INTO t (k, a, b) VALUES (:p0, :p1, :p2) ON CONFLICT (k) DO UPDATE SET a = excluded.a, b = excluded.b
QString upsertSql(const QString &table, const QStringList &keys, const QStringList &columns)
{
    const QStringList all = keys + columns;
    QStringList sets;
    for (const QString &c : columns)
        sets.append(c + QStringLiteral(" = excluded.") + c);
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO UPDATE SET %5")
        .arg(table, all.join(QStringLiteral(", ")), placeholders(int(all.size())), keys.join(QStringLiteral(", ")),
             sets.join(QStringLiteral(", ")));
}

QString alarmStateKey(int state)
{
    return Alarm::stateKey(static_cast<Alarm::State>(state));
}

QString missionStateKey(int state)
{
    return Mission::stateKey(static_cast<Mission::State>(state));
}

// QString's == compares the characters even when both share one buffer, the usual case here
// (a device and the copy of it last written).
bool sameText(const QString &a, const QString &b)
{
    return a.size() == b.size() && (a.constData() == b.constData() || a == b);
}

template<typename... Values>
bool run(QSqlQuery &q, const Values &...values)
{
    int i = 0;
    (q.bindValue(placeholder(i++), QVariant(values)), ...);
    return q.exec();
}

} // namespace

StateWriter::StateWriter(const QSqlDatabase &db)
    : m_db(db),
      m_upsertDevice(m_db),
      m_upsertLiveness(m_db),
      m_touchDevice(m_db),
      m_deleteDevice(m_db),
      m_deleteLiveness(m_db),
      m_upsertAlarm(m_db),
      m_upsertAlarmTransition(m_db),
      m_trimAlarmTransitions(m_db),
      m_upsertAlarmNote(m_db),
      m_trimAlarmNotes(m_db),
      m_upsertHelper(m_db),
      m_deleteHelper(m_db),
      m_upsertMission(m_db),
      m_upsertOffer(m_db),
      m_trimOffers(m_db),
      m_upsertMissionTransition(m_db),
      m_trimMissionTransitions(m_db),
      m_upsertShift(m_db),
      m_upsertFee(m_db)
{}

StateWriter::~StateWriter() = default;

QStringList StateWriter::tables()
{
    return {QStringLiteral("devices"),
            QStringLiteral("device_liveness"),
            QStringLiteral("alarms"),
            QStringLiteral("alarm_transitions"),
            QStringLiteral("alarm_notes"),
            QStringLiteral("helpers"),
            QStringLiteral("missions"),
            QStringLiteral("mission_offers"),
            QStringLiteral("mission_transitions"),
            QStringLiteral("shifts"),
            QStringLiteral("fees")};
}

Status StateWriter::prepare()
{
    const auto L = [](const char *s) {
        return QString::fromLatin1(s).split(QLatin1Char(' '));
    };
    const QList<std::pair<QSqlQuery *, QString>> statements{
        {&m_upsertDevice, upsertSql(QStringLiteral("devices"), {QStringLiteral("id")},
                                    L("kind label beneficiary_ref address lat lon report_interval_s"))},
        {&m_upsertLiveness, upsertSql(QStringLiteral("device_liveness"), {QStringLiteral("device_id")},
                                      L("last_seen_ms battery_percent"))},
        {&m_touchDevice,
         QStringLiteral("UPDATE device_liveness SET last_seen_ms = :p0, battery_percent = :p1 WHERE device_id = :p2")},
        {&m_deleteDevice, QStringLiteral("DELETE FROM devices WHERE id = :p0")},
        {&m_deleteLiveness, QStringLiteral("DELETE FROM device_liveness WHERE device_id = :p0")},
        {&m_upsertAlarm, upsertSql(QStringLiteral("alarms"), {QStringLiteral("id")},
                                   L("device_id kind severity state repeat_count raised_ms last_seen_ms outcome "
                                     "escalation_stage lat lon address details beneficiary_ref unregistered_device "
                                     "mission_id helper_id cancel_reason purged_ms"))},
        {&m_upsertAlarmTransition,
         upsertSql(QStringLiteral("alarm_transitions"), L("alarm_id pos"), L("state at_ms actor note"))},
        {&m_trimAlarmTransitions, QStringLiteral("DELETE FROM alarm_transitions WHERE alarm_id = :p0 AND pos >= :p1")},
        {&m_upsertAlarmNote, upsertSql(QStringLiteral("alarm_notes"), L("alarm_id pos"), L("note"))},
        {&m_trimAlarmNotes, QStringLiteral("DELETE FROM alarm_notes WHERE alarm_id = :p0 AND pos >= :p1")},
        {&m_upsertHelper, upsertSql(QStringLiteral("helpers"), {QStringLiteral("id")},
                                    L("name phone skills mission_id availability lat lon position_ms changed_state "
                                      "changed_ms changed_by changed_note"))},
        {&m_deleteHelper, QStringLiteral("DELETE FROM helpers WHERE id = :p0")},
        {&m_upsertMission, upsertSql(QStringLiteral("missions"), {QStringLiteral("id")},
                                     L("kind alarm_id fee_cents fee_currency state assignee outcome payout_cents "
                                       "payout_currency redispatches note"))},
        {&m_upsertOffer, upsertSql(QStringLiteral("mission_offers"), L("mission_id pos"),
                                   L("helper_id distance_m sent_ms answer answered_ms"))},
        {&m_trimOffers, QStringLiteral("DELETE FROM mission_offers WHERE mission_id = :p0 AND pos >= :p1")},
        {&m_upsertMissionTransition,
         upsertSql(QStringLiteral("mission_transitions"), L("mission_id pos"), L("state at_ms actor note"))},
        {&m_trimMissionTransitions,
         QStringLiteral("DELETE FROM mission_transitions WHERE mission_id = :p0 AND pos >= :p1")},
        {&m_upsertShift,
         upsertSql(QStringLiteral("shifts"), {QStringLiteral("id")}, L("operator_name started_ms ended_ms handover"))},
        {&m_upsertFee, upsertSql(QStringLiteral("fees"), {QStringLiteral("mission_kind")}, L("fee_cents currency"))},
    };
    for (const auto &[query, sql] : statements) {
        if (!query->prepare(sql))
            return sqlError(*query);
    }
    m_touchDeviceNative.reset();
    m_touchDeviceByIdNative.reset();
    m_deviceRowidNative.reset();
    for (auto &st : m_touchDevicesNative)
        st.reset();
    if (sqlite3 *native = SqliteNative::handle(m_db)) {
        auto touch = std::make_unique<SqliteStatement>();
        auto touchById = std::make_unique<SqliteStatement>();
        auto rowid = std::make_unique<SqliteStatement>();
        for (const auto &[st, sql] :
             {std::pair{touch.get(), "UPDATE device_liveness SET last_seen_ms = ?, battery_percent = ? "
                                     "WHERE rowid = ? AND device_id = ?"},
              std::pair{touchById.get(), "UPDATE device_liveness SET last_seen_ms = ?, battery_percent = ? "
                                         "WHERE device_id = ? RETURNING rowid"},
              std::pair{rowid.get(), "SELECT rowid FROM device_liveness WHERE device_id = ?"}}) {
            // Not a rowid table: the portable statements.
            if (!st->prepare(native, sql))
                return {};
        }
        m_touchDeviceNative = std::move(touch);
        m_touchDeviceByIdNative = std::move(touchById);
        m_deviceRowidNative = std::move(rowid);
        // Several liveness rows per statement: an upsert on the rowid whose update happens only
        // where the row is the device's (a rowid gone stale updates nothing there: counted).
        // Without a conflict target it needs SQLite 3.35; older: one row per statement.
        std::array<std::unique_ptr<SqliteStatement>, 7> many;
        for (int slot = 0; slot < int(many.size()); ++slot) {
            QByteArray sql = "INSERT INTO device_liveness (rowid, device_id, last_seen_ms, battery_percent) VALUES ";
            for (int row = 0; row < touchesPerStatement >> slot; ++row)
                sql += row ? ", (?, ?, ?, ?)" : "(?, ?, ?, ?)";
            sql += " ON CONFLICT DO UPDATE SET last_seen_ms = excluded.last_seen_ms, "
                   "battery_percent = excluded.battery_percent WHERE device_id = excluded.device_id";
            many[slot] = std::make_unique<SqliteStatement>();
            if (!many[slot]->prepare(native, sql))
                return {};
        }
        m_touchDevicesNative = std::move(many);
    }
    return {};
}

Status StateWriter::write(const DispatchState &state, const DispatchState::Changes &changes)
{
    for (const QString &id : changes.removedDevices) {
        if (Status s = deleteDevice(id); !s)
            return s;
    }
    m_pendingTouches.resize(0);
    for (const QString &id : changes.devices) {
        const Device *d = state.device(id);
        if (Status s = d ? writeDevice(*d) : deleteDevice(id); !s)
            return s;
    }
    if (Status s = flushTouches(); !s)
        return s;
    for (const QString &id : changes.removedHelpers) {
        if (Status s = deleteRow(m_deleteHelper, id); !s)
            return s;
    }
    for (const QString &id : changes.helpers) {
        const Helper *h = state.helper(id);
        if (Status s = h ? writeHelper(*h) : deleteRow(m_deleteHelper, id); !s)
            return s;
    }
    for (qint64 id : changes.alarms) {
        if (const Alarm *a = state.alarm(id)) {
            if (Status s = writeAlarm(*a); !s)
                return s;
        }
    }
    for (qint64 id : changes.missions) {
        if (const Mission *m = state.mission(id)) {
            if (Status s = writeMission(*m); !s)
                return s;
        }
    }
    for (qint64 id : changes.shifts) {
        auto it = state.shifts().constFind(id);
        if (it == state.shifts().cend())
            continue;
        if (Status s = writeShift(*it); !s)
            return s;
    }
    if (changes.fees) {
        if (Status s = writeFees(state.fees()); !s)
            return s;
    }
    return {};
}

void StateWriter::assumeDevicesWritten(const QHash<QString, Device> &devices)
{
    m_writtenDevices.clear();
    m_writtenDevices.reserve(devices.size());
    for (auto it = devices.cbegin(); it != devices.cend(); ++it)
        m_writtenDevices.insert(it.key(), WrittenDevice{it.value(), 0});
    if (m_touchDeviceNative) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT rowid, device_id FROM device_liveness")))
            return; // learnt on the first update of each device instead
        while (q.next()) {
            auto it = m_writtenDevices.find(q.value(1).toString());
            if (it != m_writtenDevices.end())
                it->rowid = q.value(0).toLongLong();
        }
    }
}

void StateWriter::forgetWritten()
{
    m_writtenDevices.clear();
}

Status StateWriter::clear()
{
    forgetWritten();
    QSqlQuery q(m_db);
    for (const QString &table : tables()) {
        if (!q.exec(QStringLiteral("DELETE FROM ") + table))
            return sqlError(q);
    }
    return {};
}

Status StateWriter::deleteRow(QSqlQuery &q, const QVariant &id)
{
    q.bindValue(placeholder(0), id);
    if (!q.exec())
        return sqlError(q);
    return {};
}

Status StateWriter::deleteDevice(const QString &id)
{
    m_writtenDevices.remove(id);
    if (Status s = deleteRow(m_deleteLiveness, text(id)); !s)
        return s;
    return deleteRow(m_deleteDevice, text(id));
}

Status StateWriter::writeDevice(const Device &d)
{
    // Device messages change only last seen and battery: write just the liveness row when
    // that is all.
    auto known = m_writtenDevices.find(d.id);
    if (known != m_writtenDevices.end()) {
        Device &was = known->device;
        if (sameText(was.kind, d.kind) && sameText(was.label, d.label) && sameText(was.beneficiaryRef, d.beneficiaryRef)
            && sameText(was.address, d.address) && was.position == d.position
            && was.reportIntervalS == d.reportIntervalS) {
            if (was.lastSeen == d.lastSeen && was.batteryPercent == d.batteryPercent)
                return {};
            if (known->rowid > 0 && m_touchDevicesNative[0]) { // with the others, in flushTouches()
                m_pendingTouches.append(PendingTouch{&d, known->rowid});
                was.lastSeen = d.lastSeen; // if not found after all, flushTouches() writes it again
                was.batteryPercent = d.batteryPercent;
                return {};
            }
            bool found = false;
            if (Status s = touchDevice(d, &*known, &found); !s)
                return s;
            if (found) {
                was.lastSeen = d.lastSeen;
                was.batteryPercent = d.batteryPercent;
                return {};
            }
            // The row is not there after all: write both rows below.
        }
    }
    WrittenDevice &written = *m_writtenDevices.insert(d.id, WrittenDevice{d, 0});
    if (!run(m_upsertDevice, text(d.id), text(d.kind), text(d.label), text(d.beneficiaryRef), text(d.address),
             latitude(d.position), longitude(d.position), d.reportIntervalS))
        return sqlError(m_upsertDevice);
    if (!run(m_upsertLiveness, text(d.id), time(d.lastSeen), d.batteryPercent))
        return sqlError(m_upsertLiveness);
    if (SqliteStatement *st = m_deviceRowidNative.get()) { // where it is, for the device messages to come
        m_idUtf8.resize(0);
        appendUtf8(m_idUtf8, d.id);
        st->bindText(1, m_idUtf8);
        if (st->next())
            written.rowid = st->columnInt64(0);
        st->reset();
        if (st->failed())
            return Error{QStringLiteral("sql_error"),
                         QCoreApplication::translate("relais::StateWriter", "Cannot write the state tables: %1")
                             .arg(st->errorString())};
    }
    return {};
}

Status StateWriter::flushTouches()
{
    const qsizetype total = m_pendingTouches.size();
    // The UTF-8 of the ids first (m_idUtf8 does not move while they are bound).
    m_idUtf8.resize(0);
    m_idOffsets.resize(0);
    for (const PendingTouch &t : std::as_const(m_pendingTouches)) {
        m_idOffsets.append(m_idUtf8.size());
        appendUtf8(m_idUtf8, t.device->id);
    }
    m_idOffsets.append(m_idUtf8.size());
    for (qsizetype done = 0; done < total;) {
        int slot = 0;
        while ((touchesPerStatement >> slot) > total - done)
            ++slot;
        const int rows = touchesPerStatement >> slot;
        SqliteStatement &st = *m_touchDevicesNative[slot];
        for (int row = 0; row < rows; ++row) {
            const PendingTouch &t = m_pendingTouches.at(done + row);
            const int p = row * 4;
            st.bindInt64(p + 1, t.rowid);
            const qsizetype at = m_idOffsets.at(done + row);
            st.bindText(p + 2, m_idUtf8.constData() + at, m_idOffsets.at(done + row + 1) - at);
            if (t.device->lastSeen.isValid())
                st.bindInt64(p + 3, t.device->lastSeen.toMSecsSinceEpoch());
            else
                st.bindNull(p + 3);
            st.bindInt64(p + 4, t.device->batteryPercent);
        }
        if (!st.exec()) {
            return Error{QStringLiteral("sql_error"),
                         QCoreApplication::translate("relais::StateWriter", "Cannot write the state tables: %1")
                             .arg(st.errorString())};
        }
        if (st.changes() != rows) {
            // A row was not where its rowid said (the row moved, or is gone): one by one, by id.
            for (int row = 0; row < rows; ++row) {
                const Device &d = *m_pendingTouches.at(done + row).device;
                auto known = m_writtenDevices.find(d.id);
                bool found = false;
                if (known != m_writtenDevices.end()) {
                    if (Status s = touchDevice(d, &*known, &found); !s)
                        return s;
                }
                if (!found) {
                    m_writtenDevices.remove(d.id); // not what was thought: written whole
                    if (Status s = writeDevice(d); !s)
                        return s;
                }
            }
        }
        done += rows;
    }
    m_pendingTouches.resize(0);
    return {};
}

Status StateWriter::touchDevice(const Device &d, WrittenDevice *written, bool *found)
{
    if (!m_touchDeviceNative) {
        if (!run(m_touchDevice, time(d.lastSeen), d.batteryPercent, text(d.id)))
            return sqlError(m_touchDevice);
        *found = m_touchDevice.numRowsAffected() == 1;
        return {};
    }
    auto fail = [](const SqliteStatement &st) {
        return Error{QStringLiteral("sql_error"),
                     QCoreApplication::translate("relais::StateWriter", "Cannot write the state tables: %1")
                         .arg(st.errorString())};
    };
    auto bindValues = [&d](SqliteStatement &st) {
        if (d.lastSeen.isValid())
            st.bindInt64(1, d.lastSeen.toMSecsSinceEpoch());
        else
            st.bindNull(1);
        st.bindInt64(2, d.batteryPercent);
    };
    m_idUtf8.resize(0);
    appendUtf8(m_idUtf8, d.id);
    if (written->rowid > 0) { // in place; the id check guards against a stale rowid
        SqliteStatement &st = *m_touchDeviceNative;
        bindValues(st);
        st.bindInt64(3, written->rowid);
        st.bindText(4, m_idUtf8);
        if (!st.exec())
            return fail(st);
        if (st.changes() == 1) {
            *found = true;
            return {};
        }
    }
    SqliteStatement &st = *m_touchDeviceByIdNative; // by id, learning the rowid
    bindValues(st);
    st.bindText(3, m_idUtf8);
    *found = st.next();
    written->rowid = *found ? st.columnInt64(0) : 0;
    if (*found) {
        while (st.next()) { // to the end of RETURNING's rows (one at most)
        }
    }
    st.reset();
    if (st.failed())
        return fail(st);
    return {};
}

Status StateWriter::writeTransitions(QSqlQuery &upsert, QSqlQuery &trim, qint64 owner,
                                     const QList<Transition> &timeline, QString (*stateKey)(int))
{
    for (qsizetype pos = 0; pos < timeline.size(); ++pos) {
        const Transition &t = timeline.at(pos);
        if (!run(upsert, owner, qint64(pos), stateKey(t.state), time(t.at), text(t.by.toString()), text(t.note)))
            return sqlError(upsert);
    }
    if (!run(trim, owner, qint64(timeline.size())))
        return sqlError(trim);
    return {};
}

Status StateWriter::writeAlarm(const Alarm &a)
{
    const QVariant outcome = a.outcome() ? QVariant(Outcomes::key(*a.outcome())) : optionalText({});
    if (!run(m_upsertAlarm, a.id(), text(a.deviceId()), AlarmKinds::key(a.kind()), Severities::key(a.severity()),
             Alarm::stateKey(a.state()), a.count(), time(a.raisedAt()), time(a.lastSeen()), outcome,
             a.escalationStage(), latitude(a.position), longitude(a.position), text(a.address), text(a.details),
             text(a.beneficiaryRef), int(a.unregisteredDevice), a.missionId, text(a.helperId), text(a.cancelReason),
             time(a.personalDetailsPurgedAt)))
        return sqlError(m_upsertAlarm);
    if (Status s =
            writeTransitions(m_upsertAlarmTransition, m_trimAlarmTransitions, a.id(), a.timeline(), &alarmStateKey);
        !s)
        return s;
    for (qsizetype pos = 0; pos < a.notes.size(); ++pos) {
        if (!run(m_upsertAlarmNote, a.id(), qint64(pos), text(a.notes.at(pos))))
            return sqlError(m_upsertAlarmNote);
    }
    if (!run(m_trimAlarmNotes, a.id(), qint64(a.notes.size())))
        return sqlError(m_trimAlarmNotes);
    return {};
}

Status StateWriter::writeHelper(const Helper &h)
{
    QJsonArray skills;
    for (const QString &skill : h.skills)
        skills.append(skill);
    const QString skillsJson = QString::fromUtf8(QJsonDocument(skills).toJson(QJsonDocument::Compact));
    const Transition &c = h.lastChange();
    if (!run(m_upsertHelper, text(h.id()), text(h.name), text(h.phone), skillsJson, h.missionId,
             Helper::availabilityKey(h.availability()), latitude(h.position()), longitude(h.position()),
             time(h.positionAt()), Helper::availabilityKey(static_cast<Helper::Availability>(c.state)), time(c.at),
             text(c.by.toString()), text(c.note)))
        return sqlError(m_upsertHelper);
    return {};
}

Status StateWriter::writeMission(const Mission &m)
{
    const QVariant outcome = m.outcome() ? QVariant(Outcomes::key(*m.outcome())) : optionalText({});
    if (!run(m_upsertMission, m.id(), MissionKinds::key(m.kind()), m.alarmId(), m.fee().cents(),
             text(m.fee().currency()), Mission::stateKey(m.state()), text(m.assignee()), outcome, m.payout().cents(),
             text(m.payout().currency()), m.redispatchCount(), text(m.note)))
        return sqlError(m_upsertMission);
    const QList<Offer> &offers = m.offers();
    for (qsizetype pos = 0; pos < offers.size(); ++pos) {
        const Offer &o = offers.at(pos);
        if (!run(m_upsertOffer, m.id(), qint64(pos), text(o.helperId), o.distanceM, time(o.sentAt),
                 Offer::answerKey(o.answer), time(o.answeredAt)))
            return sqlError(m_upsertOffer);
    }
    if (!run(m_trimOffers, m.id(), qint64(offers.size())))
        return sqlError(m_trimOffers);
    return writeTransitions(m_upsertMissionTransition, m_trimMissionTransitions, m.id(), m.timeline(),
                            &missionStateKey);
}

Status StateWriter::writeShift(const Shift &s)
{
    if (!run(m_upsertShift, s.id, text(s.op.name), time(s.startedAt), time(s.endedAt), text(s.handover)))
        return sqlError(m_upsertShift);
    return {};
}

Status StateWriter::writeFees(const FeeSchedule &fees)
{
    for (MissionKind kind : MissionKinds::all()) {
        const Money fee = fees.feeFor(kind);
        if (!run(m_upsertFee, MissionKinds::key(kind), fee.cents(), text(fee.currency())))
            return sqlError(m_upsertFee);
    }
    return {};
}

} // namespace relais
