#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;

namespace relais {

class Settings;

// The settings dialog's Language and Sounds page: the interface language (the system's, French
// or English; at the next start, --lang winning over it) and whether alarm sounds play (at once).
class GeneralPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneralPage)

public:
    explicit GeneralPage(QWidget *parent = nullptr);

    void load(const Settings &settings);
    void save(Settings &settings) const;

private:
    QComboBox *m_language = nullptr;
    QCheckBox *m_sounds = nullptr;
};

} // namespace relais
