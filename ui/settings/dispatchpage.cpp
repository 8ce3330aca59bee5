#include "dispatchpage.h"

#include "settings.h"
#include "settingsform.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTime>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace relais {

namespace {

QSpinBox *spinBox(const Settings::Range &range, const QString &suffix, const char *name, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1StringView(name));
    box->setRange(range.minimum, range.maximum);
    box->setSuffix(suffix);
    box->setValue(range.fallback);
    box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    return box;
}

int seconds(const QTimeEdit *edit)
{
    return QTime(0, 0).secsTo(edit->time());
}

} // namespace

DispatchPage::DispatchPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *offers = new QGroupBox(tr("Offers to nearby helpers"), this);
    auto *form = new QFormLayout(offers);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_count = spinBox(Settings::offerCountRange, QString(), "offerCountSpin", offers);
    m_radius = spinBox(Settings::offerRadiusRange, tr(" m"), "offerRadiusSpin", offers);
    m_radius->setSingleStep(50);
    m_timeout = spinBox(Settings::offerTimeoutRange, tr(" s"), "offerTimeoutSpin", offers);
    m_timeout->setSingleStep(10);
    form->addRow(tr("&Helpers asked at once:"), m_count);
    form->addRow(tr("&Within:"), m_radius);
    form->addRow(tr("Each offer &stands for:"), m_timeout);
    form->addRow(SettingsForm::note(tr("A declined or unanswered offer goes to the next nearest available helper "
                                       "within the distance. Applies at once."),
                                    offers));
    layout->addWidget(offers);

    auto *escalation = new QGroupBox(tr("Escalation"), this);
    auto *grid = new QGridLayout(escalation);
    grid->addWidget(SettingsForm::note(tr("Time since the alarm arrived (hours:minutes:seconds)."), escalation), 0, 0,
                    1, 4);
    const QString headers[] = {tr("T1: not\nacknowledged"), tr("T2: no helper\naccepted"), tr("T3: nobody\non scene")};
    for (int c = 0; c < 3; ++c) {
        auto *h = new QLabel(headers[c], escalation);
        h->setAlignment(Qt::AlignCenter);
        grid->addWidget(h, 1, c + 1);
    }
    int row = 2;
    for (Severity severity : Severities::all()) {
        grid->addWidget(new QLabel(Severities::label(severity), escalation), row, 0);
        std::array<QTimeEdit *, 3> edits{};
        for (int c = 0; c < 3; ++c) {
            auto *edit = new QTimeEdit(escalation);
            edit->setObjectName(QStringLiteral("escalation:%1:%2").arg(Severities::key(severity)).arg(c + 1));
            edit->setDisplayFormat(QStringLiteral("H:mm:ss"));
            edit->setMinimumTime(QTime(0, 0));
            edit->setMaximumTime(QTime(23, 59, 59));
            edit->setCurrentSection(QDateTimeEdit::MinuteSection);
            grid->addWidget(edit, row, c + 1);
            edits[c] = edit;
        }
        m_timers.insert(severity, edits);
        setTimers(severity, Escalation::defaults(severity));
        ++row;
    }
    auto *defaults = new QPushButton(tr("Restore the &Defaults"), escalation);
    defaults->setObjectName(QStringLiteral("escalationDefaultsButton"));
    grid->addWidget(defaults, row++, 1, 1, 3, Qt::AlignRight);
    grid->addWidget(SettingsForm::note(tr("T1: the alarm's sound repeats. T2 and T3: a banner asks you to call the "
                                          "beneficiary's contacts or the emergency services. Device faults never "
                                          "escalate. Applies at once."),
                                       escalation),
                    row, 0, 1, 4);
    grid->setColumnStretch(0, 1);
    layout->addWidget(escalation);
    layout->addStretch(1);
    connect(defaults, &QPushButton::clicked, this, [this] {
        for (Severity s : Severities::all())
            setTimers(s, Escalation::defaults(s));
    });
}

Escalation::Timers DispatchPage::timers(Severity severity) const
{
    const auto &e = m_timers[severity];
    return {seconds(e[0]), seconds(e[1]), seconds(e[2])};
}

void DispatchPage::setTimers(Severity severity, const Escalation::Timers &timers)
{
    const auto &e = m_timers[severity];
    const int values[] = {timers.notAcknowledgedS, timers.notAcceptedS, timers.notOnSceneS};
    for (int c = 0; c < 3; ++c)
        e[c]->setTime(QTime(0, 0).addSecs(std::min(values[c], 86399)));
}

void DispatchPage::load(const Settings &settings)
{
    m_count->setValue(settings.offerCount());
    m_radius->setValue(settings.offerRadiusM());
    m_timeout->setValue(settings.offerTimeoutS());
    for (Severity s : Severities::all())
        setTimers(s, settings.escalation(s));
}

QString DispatchPage::check() const
{
    for (Severity s : Severities::all()) {
        const Escalation::Timers t = timers(s);
        if (t.notAcknowledgedS <= 0)
            return tr("Escalation, %1: T1 must be at least one second.").arg(Severities::label(s));
        if (!Escalation::isValid(t))
            return tr("Escalation, %1: the times must not decrease from T1 to T2 to T3.").arg(Severities::label(s));
    }
    return {};
}

void DispatchPage::save(Settings &settings) const
{
    settings.setOfferCount(m_count->value());
    settings.setOfferRadiusM(m_radius->value());
    settings.setOfferTimeoutS(m_timeout->value());
    for (Severity s : Severities::all())
        settings.setEscalation(s, timers(s));
}

} // namespace relais
