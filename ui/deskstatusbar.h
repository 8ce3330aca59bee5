#pragma once

#include <QStatusBar>

class QLabel;

namespace relais {

class AlarmSounds;
class AlarmTableModel;
class GatewayTableModel;
class HelperTableModel;
class MapWidget;

// The window's status bar: the cursor's coordinates on the left, where messages take their
// place for a while; on the right the sound's state, the shift reminder, the map's notice, the
// counts (open alarms, helpers on duty, gateways connected), the store's state and the data
// folder. It follows the models, the map and the sounds it is given, which must outlive it.
class DeskStatusBar final : public QStatusBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeskStatusBar)

public:
    // What the labels show, watched from the start.
    struct Sources
    {
        AlarmTableModel *alarms = nullptr;
        HelperTableModel *helpers = nullptr;
        GatewayTableModel *gateways = nullptr;
        MapWidget *map = nullptr;
        AlarmSounds *sounds = nullptr;
    };

    // dataDir: shown shortened, whole in its tooltip.
    DeskStatusBar(const Sources &sources, const QString &dataDir, QWidget *parent = nullptr);
    ~DeskStatusBar() override;

    // "~/relais/data" for a path under the home directory; paths longer than 24 characters keep
    // their last two parts ("…/relais/demo").
    static QString shortenedPath(const QString &path);

    // The store's state in a few words, details (a full path) in its tooltip; hidden when empty.
    void showStoreStatus(const QString &text, const QString &details);
    // Without a running shift, a reminder to start one.
    void setShiftStarted(bool started);

private:
    void updateAlarmCount();
    void updateHelperCount();
    void updateGatewayCount();

    Sources m_sources;
    QLabel *m_dataDirLabel = nullptr;
    QLabel *m_alarmCountLabel = nullptr;
    QLabel *m_helperCountLabel = nullptr;
    QLabel *m_storeLabel = nullptr;
    QLabel *m_gatewayCountLabel = nullptr;
    QLabel *m_mapNoticeLabel = nullptr;
    QLabel *m_cursorLabel = nullptr;
    QLabel *m_shiftLabel = nullptr;
    QLabel *m_soundLabel = nullptr;
};

} // namespace relais
