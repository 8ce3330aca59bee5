#include "deskstatusbar.h"

#include "alarmsounds.h"
#include "alarmtablemodel.h"
#include "displayformat.h"
#include "gatewaytablemodel.h"
#include "helpertablemodel.h"
#include "mapwidget.h"

#include <QDir>
#include <QGeoCoordinate>
#include <QLabel>

namespace relais {

namespace {

QLabel *statusLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1StringView(objectName));
    label->setContentsMargins(8, 0, 8, 0);
    return label;
}

} // namespace

DeskStatusBar::DeskStatusBar(const Sources &sources, const QString &dataDir, QWidget *parent)
    : QStatusBar(parent), m_sources(sources)
{
    // As QMainWindow::statusBar() makes its own: the labels never widen the window.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_storeLabel = statusLabel(this, "storeStatusLabel");
    m_storeLabel->hide();
    m_alarmCountLabel = statusLabel(this, "alarmCountLabel");
    m_helperCountLabel = statusLabel(this, "helperCountLabel");
    m_gatewayCountLabel = statusLabel(this, "gatewayCountLabel");
    m_gatewayCountLabel->hide();
    m_mapNoticeLabel = statusLabel(this, "mapNoticeLabel");
    m_mapNoticeLabel->hide();
    // No width reserved for the coordinates: the counts on the right need it on a 1280-pixel
    // screen, and they do not move when the coordinates come and go.
    m_cursorLabel = statusLabel(this, "cursorLabel");
    m_shiftLabel = statusLabel(this, "shiftLabel");
    m_soundLabel = statusLabel(this, "soundLabel");
    m_soundLabel->hide();
    connect(m_sources.sounds, &AlarmSounds::statusChanged, m_soundLabel, [this] {
        m_soundLabel->setText(m_sources.sounds->statusText());
        m_soundLabel->setVisible(!m_soundLabel->text().isEmpty());
    });
    m_dataDirLabel = statusLabel(this, "dataDirLabel");
    m_dataDirLabel->setText(tr("Data: %1").arg(shortenedPath(dataDir)));
    m_dataDirLabel->setToolTip(QDir::toNativeSeparators(dataDir));

    // The cursor's coordinates on the left, where messages take their place for a while.
    addWidget(m_cursorLabel);
    // A message needs room on the left: while one shows, the labels that never change (the
    // shift, the journal, the data folder) step aside.
    connect(this, &QStatusBar::messageChanged, this, [this](const QString &message) {
        m_dataDirLabel->setVisible(message.isEmpty());
        m_shiftLabel->setVisible(message.isEmpty() && !m_shiftLabel->text().isEmpty());
        m_storeLabel->setVisible(message.isEmpty() && !m_storeLabel->text().isEmpty());
    });
    addPermanentWidget(m_soundLabel);
    addPermanentWidget(m_shiftLabel);
    addPermanentWidget(m_mapNoticeLabel);
    addPermanentWidget(m_alarmCountLabel);
    addPermanentWidget(m_helperCountLabel);
    addPermanentWidget(m_gatewayCountLabel);
    addPermanentWidget(m_storeLabel);
    addPermanentWidget(m_dataDirLabel);

    connect(m_sources.alarms, &AlarmTableModel::openCountChanged, this, &DeskStatusBar::updateAlarmCount);
    connect(m_sources.helpers, &HelperTableModel::countsChanged, this, &DeskStatusBar::updateHelperCount);
    connect(m_sources.gateways, &GatewayTableModel::countsChanged, this, &DeskStatusBar::updateGatewayCount);
    connect(m_sources.gateways, &QAbstractItemModel::dataChanged, this, &DeskStatusBar::updateGatewayCount);
    // A new board (or none) resets the model.
    connect(m_sources.gateways, &QAbstractItemModel::modelReset, this, &DeskStatusBar::updateGatewayCount);
    connect(m_sources.map, &MapWidget::basemapNoticeChanged, this, [this](const QString &notice) {
        m_mapNoticeLabel->setText(notice);
        m_mapNoticeLabel->setToolTip(m_sources.map->hasVectorBasemap()
                                         ? tr("The online map cannot be reached: the offline street map is shown "
                                              "instead. Relais tries the online map again every minute.")
                                         : tr("The online map cannot be reached. Relais tries again every minute."));
        m_mapNoticeLabel->setVisible(!notice.isEmpty());
    });
    connect(m_sources.map, &MapWidget::cursorCoordinateChanged, this, [this](const QGeoCoordinate &where) {
        m_cursorLabel->setText(where.isValid() ? DisplayFormat::coordinate(where) : QString());
    });
    updateAlarmCount();
    updateHelperCount();
}

DeskStatusBar::~DeskStatusBar() = default;

QString DeskStatusBar::shortenedPath(const QString &path)
{
    QString clean = QDir::cleanPath(path);
    const QString home = QDir::cleanPath(QDir::homePath());
    if (!home.isEmpty() && home != QLatin1String("/") && (clean == home || clean.startsWith(home + QLatin1Char('/'))))
        clean = QLatin1Char('~') + clean.mid(home.size());
    const QStringList parts = clean.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (clean.size() > 24 && parts.size() > 2)
        clean = QStringLiteral("…/") + parts.mid(parts.size() - 2).join(QLatin1Char('/'));
    return QDir::toNativeSeparators(clean);
}

void DeskStatusBar::showStoreStatus(const QString &text, const QString &details)
{
    m_storeLabel->setText(text);
    m_storeLabel->setToolTip(details);
    m_storeLabel->setVisible(!text.isEmpty());
}

void DeskStatusBar::setShiftStarted(bool started)
{
    m_shiftLabel->setText(started ? QString() : tr("No shift started"));
    m_shiftLabel->setToolTip(started ? QString()
                                     : tr("File > Start Shift: your name goes with every action you take."));
    m_shiftLabel->setVisible(!started && currentMessage().isEmpty());
}

void DeskStatusBar::updateAlarmCount()
{
    m_alarmCountLabel->setText(tr("Open alarms: %1").arg(m_sources.alarms->openCount()));
}

void DeskStatusBar::updateGatewayCount()
{
    const GatewayTableModel *model = m_sources.gateways;
    const int total = model->rowCount();
    m_gatewayCountLabel->setVisible(total > 0);
    m_gatewayCountLabel->setText(tr("Gateways: %1/%2 connected").arg(model->connectedCount()).arg(total));
    QStringList down;
    if (const GatewayStatusBoard *board = model->board()) {
        for (const GatewayStatus &s : board->rows()) {
            if (s.link != GatewayStatus::Link::Connected)
                down.append(QStringLiteral("%1: %2").arg(GatewayTableModel::gatewayName(s), model->linkText(s)));
        }
    }
    m_gatewayCountLabel->setToolTip(down.join(QLatin1Char('\n')));
}

void DeskStatusBar::updateHelperCount()
{
    m_helperCountLabel->setText(tr("Helpers on duty: %1 (%2 available)")
                                    .arg(m_sources.helpers->onDutyCount())
                                    .arg(m_sources.helpers->availableCount()));
}

} // namespace relais
