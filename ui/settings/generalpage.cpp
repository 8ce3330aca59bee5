#include "generalpage.h"

#include "settings.h"
#include "settingsform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace relais {

GeneralPage::GeneralPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *language = new QGroupBox(tr("Language"), this);
    auto *form = new QFormLayout(language);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_language = new QComboBox(language);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("Follow the system"), QString());
    // Each language in its own name, as people look for it.
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    form->addRow(tr("&Interface language:"), m_language);
    form->addRow(SettingsForm::note(
        tr("Takes effect at the next start of Relais. The --lang option on the command line wins over it."), language));
    layout->addWidget(language);

    auto *sounds = new QGroupBox(tr("Alarm sounds"), this);
    auto *soundsLayout = new QVBoxLayout(sounds);
    m_sounds = new QCheckBox(tr("&Play alarm sounds"), sounds);
    m_sounds->setObjectName(QStringLiteral("soundsCheck"));
    soundsLayout->addWidget(m_sounds);
    soundsLayout->addWidget(SettingsForm::note(
        tr("A new alarm sounds once; an alarm left unacknowledged sounds again until it is acknowledged. "
           "Turned off, nothing plays and the status bar says so. To silence them for a phone call, use "
           "Alarm > Mute Sounds for 5 Minutes instead. Applies at once."),
        sounds));
    layout->addWidget(sounds);
    layout->addStretch(1);
}

void GeneralPage::load(const Settings &settings)
{
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));
    m_sounds->setChecked(settings.soundsEnabled());
}

void GeneralPage::save(Settings &settings) const
{
    settings.setLanguage(m_language->currentData().toString());
    settings.setSoundsEnabled(m_sounds->isChecked());
}

} // namespace relais
