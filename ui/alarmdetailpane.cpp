#include "alarmdetailpane.h"

#include "displayformat.h"
#include "livestate.h"
#include "tablesetup.h"

#include <QAction>
#include <QCoreApplication>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace relais {

namespace {

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style=\"padding-right:10px; color:palette(mid)\">%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value);
}

// The reasons Relais itself records, in words; a dispatcher's own reason as typed.
QString reasonText(const QString &reason)
{
    static const QHash<QString, const char *> known{
        {QStringLiteral("offers_exhausted"), QT_TRANSLATE_NOOP("relais::AlarmDetailPane", "no helper left to ask")},
        {QStringLiteral("mission_cancelled"), QT_TRANSLATE_NOOP("relais::AlarmDetailPane", "mission cancelled")},
        {QStringLiteral("offers_cancelled"), QT_TRANSLATE_NOOP("relais::AlarmDetailPane", "offers withdrawn")},
        {QStringLiteral("reassigned"), QT_TRANSLATE_NOOP("relais::AlarmDetailPane", "reassigned")},
        {QStringLiteral("resolved_without_helper"),
         QT_TRANSLATE_NOOP("relais::AlarmDetailPane", "resolved without a helper")},
        {QStringLiteral("alarm_cancelled"), QT_TRANSLATE_NOOP("relais::AlarmDetailPane", "alarm cancelled")},
        {QStringLiteral("device_restore"),
         QT_TRANSLATE_NOOP("relais::AlarmDetailPane", "the device reported the condition ended")},
        {QStringLiteral("device_reported"), QT_TRANSLATE_NOOP("relais::AlarmDetailPane", "the device reported again")},
        {QStringLiteral("battery_replaced"), QT_TRANSLATE_NOOP("relais::AlarmDetailPane", "battery replaced")},
        {QStringLiteral("operator"), QT_TRANSLATE_NOOP("relais::AlarmDetailPane", "by the dispatcher")},
        {QStringLiteral("purged"),
         QT_TRANSLATE_NOOP("relais::AlarmDetailPane", "reason purged after the retention period")},
    };
    const auto it = known.constFind(reason);
    return it == known.cend() ? reason : QCoreApplication::translate("relais::AlarmDetailPane", it.value());
}

} // namespace

AlarmDetailPane::AlarmDetailPane(const LiveState *state, QWidget *parent) : QWidget(parent), m_state(state)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(4);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("alarmTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    // The commands, a row per group (dispatching; then progress and ending), so that all
    // stay in sight in a narrow pane.
    m_commands = new QWidget(this);
    m_commands->setObjectName(QStringLiteral("alarmCommands"));
    auto *rows = new QVBoxLayout(m_commands);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(0);
    layout->addWidget(m_commands);

    // What is known and what happened, scrolled when the pane is short: the pane never
    // takes height from the alarm queue below the map.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("alarmDetailScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *body = new QWidget(scroll);
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(4);
    scroll->setWidget(body);
    layout->addWidget(scroll, 1);

    m_facts = new QLabel(body);
    m_facts->setObjectName(QStringLiteral("alarmFacts"));
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_facts->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    bodyLayout->addWidget(m_facts);

    m_timeline = new QTreeWidget(body);
    m_timeline->setObjectName(QStringLiteral("alarmTimeline"));
    TableSetup::setupEventList(m_timeline);
    m_timeline->setFocusPolicy(Qt::NoFocus);
    m_timeline->setMinimumHeight(m_timeline->fontMetrics().height() * 5);
    bodyLayout->addWidget(m_timeline, 1);

    m_notes = new QLabel(body);
    m_notes->setObjectName(QStringLiteral("alarmNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bodyLayout->addWidget(m_notes);

    m_noteEdit = new QLineEdit(this);
    m_noteEdit->setObjectName(QStringLiteral("alarmNoteEdit"));
    m_noteEdit->setPlaceholderText(tr("Add a note, then press Enter"));
    m_noteEdit->setClearButtonEnabled(true);
    layout->addWidget(m_noteEdit);
    connect(m_noteEdit, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_noteEdit->text().trimmed();
        if (text.isEmpty() || !m_alarmId)
            return;
        emit noteEntered(m_alarmId, text);
        m_noteEdit->clear();
    });

    connect(m_state, &LiveState::changed, this, [this](const DispatchState::Changes &changes) {
        const Alarm *a = m_state->state().alarm(m_alarmId);
        if (changes.alarms.contains(m_alarmId) || (a && a->missionId && changes.missions.contains(a->missionId))
            || (a && changes.helpers.contains(a->helperId)) || (a && changes.devices.contains(a->deviceId())))
            refresh();
    });
    connect(m_state, &LiveState::wasReset, this, &AlarmDetailPane::refresh);
    refresh();
}

void AlarmDetailPane::setAlarm(qint64 id)
{
    if (id == m_alarmId)
        return;
    m_alarmId = id;
    m_noteEdit->clear();
    refresh();
}

void AlarmDetailPane::setActions(const QList<QAction *> &actions)
{
    const QList<QToolBar *> old = m_commands->findChildren<QToolBar *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(old);
    QToolBar *row = nullptr;
    for (QAction *a : actions) {
        if (!a) {
            row = nullptr;
            continue;
        }
        if (!row) {
            row = new QToolBar(m_commands);
            row->setToolButtonStyle(Qt::ToolButtonTextOnly);
            row->setIconSize(QSize(16, 16));
            m_commands->layout()->addWidget(row);
        }
        row->addAction(a);
    }
}

QString AlarmDetailPane::actorName(const Actor &actor) const
{
    return DisplayFormat::actor(actor, m_state->state());
}

QString AlarmDetailPane::transitionText(const Alarm &alarm, const Transition &t) const
{
    const auto state = static_cast<Alarm::State>(t.state);
    if (t.note.startsWith(QLatin1String("escalation:"))) {
        const QString stage = t.note.mid(11);
        if (stage == Alarm::escalationKey(Alarm::Escalation::NotAcknowledged))
            return tr("Escalated: not acknowledged in time");
        if (stage == Alarm::escalationKey(Alarm::Escalation::NotAccepted))
            return tr("Escalated: no helper accepted in time");
        return tr("Escalated: nobody on scene in time");
    }
    switch (state) {
    case Alarm::State::New:
        return tr("Received");
    case Alarm::State::Assigned:
        if (const Helper *h = m_state->state().helper(t.note.isEmpty() ? alarm.helperId : t.note))
            return tr("Assigned to %1").arg(h->name);
        return Alarm::stateLabel(state);
    case Alarm::State::Acknowledged:
        if (!t.note.isEmpty())
            return tr("Back to the dispatcher (%1)").arg(reasonText(t.note));
        return Alarm::stateLabel(state);
    case Alarm::State::Resolved:
        if (const auto o = Outcomes::fromKey(t.note))
            return tr("Resolved: %1").arg(Outcomes::label(*o));
        return Alarm::stateLabel(state);
    case Alarm::State::Cancelled:
        return t.note.isEmpty() ? Alarm::stateLabel(state) : tr("Cancelled: %1").arg(reasonText(t.note));
    default:
        break;
    }
    return Alarm::stateLabel(state);
}

QList<AlarmDetailPane::Event> AlarmDetailPane::timeline() const
{
    QList<Event> out;
    const Alarm *a = m_state->state().alarm(m_alarmId);
    if (!a)
        return out;
    for (const Transition &t : a->timeline())
        out.append({t.at, transitionText(*a, t), actorName(t.by)});
    // Every mission the alarm had (a cancelled one, then a new one): its offers and answers.
    for (const Mission &m : m_state->state().missions()) {
        if (m.alarmId() != a->id())
            continue;
        for (const Offer &o : m.offers()) {
            const Helper *h = m_state->state().helper(o.helperId);
            const QString name = h ? h->name : o.helperId;
            out.append({o.sentAt, tr("Offered to %1 (%2 m)").arg(name).arg(qRound(o.distanceM)), QString()});
            QString answer;
            switch (o.answer) {
            case Offer::Answer::Pending:
            case Offer::Answer::Accepted: // the assignment says it
                break;
            case Offer::Answer::Declined:
                answer = tr("%1 declined").arg(name);
                break;
            case Offer::Answer::TimedOut:
                answer = tr("%1 did not answer in time").arg(name);
                break;
            case Offer::Answer::Withdrawn:
                answer = tr("Offer to %1 withdrawn").arg(name);
                break;
            }
            if (!answer.isEmpty())
                out.append({o.answeredAt, answer, o.answer == Offer::Answer::Withdrawn ? tr("Relais") : name});
        }
        for (const Transition &t : m.timeline()) {
            const auto state = static_cast<Mission::State>(t.state);
            if (state == Mission::State::Completed)
                out.append({t.at, tr("Mission %1 completed, %2 paid").arg(m.id()).arg(DisplayFormat::money(m.payout())),
                            actorName(t.by)});
            else if (state == Mission::State::Cancelled)
                out.append(
                    {t.at, tr("Mission %1 cancelled (%2)").arg(m.id()).arg(reasonText(t.note)), actorName(t.by)});
        }
    }
    // Oldest first; what happened at the same moment keeps its order of recording.
    std::stable_sort(out.begin(), out.end(), [](const Event &x, const Event &y) { return x.at < y.at; });
    return out;
}

void AlarmDetailPane::refresh()
{
    const Alarm *a = m_state->state().alarm(m_alarmId);
    m_commands->setVisible(a != nullptr);
    m_timeline->setVisible(a != nullptr);
    m_noteEdit->setVisible(a != nullptr);
    m_timeline->clear();
    if (!a) {
        m_title->setText(tr("No alarm chosen"));
        m_facts->setText(tr("Choose an alarm in the queue or on the map to see it whole here."));
        m_notes->clear();
        return;
    }
    const DispatchState &s = m_state->state();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_title->setText(
        tr("Alarm %1 · %2 · %3 — %4")
            .arg(a->id())
            .arg(AlarmKinds::label(a->kind()), Severities::label(a->severity()), Alarm::stateLabel(a->state())));

    QString html = QStringLiteral("<table>");
    QString place = a->address.toHtmlEscaped();
    if (a->position.isValid())
        place += (place.isEmpty() ? QString() : QStringLiteral("<br>")) + DisplayFormat::coordinate(a->position);
    html += row(tr("Place"), place.isEmpty() ? tr("unknown") : place);
    QString received = DisplayFormat::moment(a->raisedAt(), now);
    if (a->count() > 1)
        received += QStringLiteral(" · ")
                    + tr("%n time(s), last at %1", nullptr, a->count()).arg(DisplayFormat::moment(a->lastSeen(), now));
    html += row(tr("Received"), received.toHtmlEscaped());
    if (!a->deviceId().isEmpty()) {
        QString device;
        if (const Device *d = s.device(a->deviceId())) {
            device = QStringLiteral("%1 (%2)").arg(d->label.toHtmlEscaped(), d->id.toHtmlEscaped());
            if (d->batteryPercent >= 0)
                device += QStringLiteral(" · ")
                          + tr("battery %1", "battery level, e.g. 85%")
                                .arg(DisplayFormat::percent(d->batteryPercent))
                                .toHtmlEscaped();
            if (d->lastSeen.isValid())
                device += QStringLiteral(" · ") + tr("last heard %1").arg(DisplayFormat::moment(d->lastSeen, now));
        } else {
            device = QStringLiteral("%1 <b>%2</b>")
                         .arg(a->deviceId().toHtmlEscaped(), tr("(unregistered device)").toHtmlEscaped());
        }
        html += row(tr("Device"), device);
    }
    if (!a->beneficiaryRef.isEmpty())
        html += row(tr("Beneficiary"), a->beneficiaryRef.toHtmlEscaped());
    if (!a->details.isEmpty())
        html += row(tr("Details"), a->details.toHtmlEscaped());
    if (const Helper *h = s.helper(a->helperId)) {
        QString helper = h->name.toHtmlEscaped();
        if (!h->phone.isEmpty())
            helper += QStringLiteral(" · ") + h->phone.toHtmlEscaped();
        html += row(tr("Helper"), helper);
    }
    if (const Mission *m = s.mission(a->missionId)) {
        QString mission =
            tr("%1, %2, fee %3").arg(m->id()).arg(Mission::stateLabel(m->state()), DisplayFormat::money(m->fee()));
        const int pending = int(m->pendingOfferHelpers().size());
        if (pending > 0)
            mission += QStringLiteral(" · ") + tr("%n offer(s) waiting", nullptr, pending);
        if (m->redispatchCount() > 0)
            mission += QStringLiteral(" · ") + tr("re-dispatched %n time(s)", nullptr, m->redispatchCount());
        html += row(tr("Mission"), mission.toHtmlEscaped());
    }
    if (const auto o = a->outcome())
        html += row(tr("Outcome"), Outcomes::label(*o).toHtmlEscaped());
    if (!a->cancelReason.isEmpty())
        html += row(tr("Cancelled"), reasonText(a->cancelReason).toHtmlEscaped());
    if (a->personalDetailsPurgedAt.isValid()) {
        html += row(tr("Privacy"),
                    tr("Address, notes and exact position purged on %1")
                        .arg(QLocale().toString(a->personalDetailsPurgedAt.toLocalTime().date(), QLocale::ShortFormat))
                        .toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_facts->setText(html);

    for (const Event &e : timeline()) {
        auto *item = new QTreeWidgetItem(m_timeline, {DisplayFormat::moment(e.at, now), e.what, e.by});
        item->setToolTip(0, QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat));
        item->setToolTip(1, e.what);
    }
    m_timeline->scrollToBottom();

    m_notes->setText(a->notes.isEmpty() ? QString() : tr("Notes: %1").arg(a->notes.join(QStringLiteral(" · "))));
    m_notes->setVisible(!a->notes.isEmpty());
}

} // namespace relais
