#pragma once

#include <QWidget>

class QSpinBox;

namespace relais {

class Settings;

// The settings dialog's Data Retention page: how many days personal details of closed alarms and
// helpers' position history are kept before they are purged.
class RetentionPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionPage)

public:
    explicit RetentionPage(QWidget *parent = nullptr);

    void load(const Settings &settings);
    void save(Settings &settings) const;

private:
    QSpinBox *m_days = nullptr;
};

} // namespace relais
