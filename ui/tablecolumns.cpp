#include "tablecolumns.h"

#include "alarmtablemodel.h"
#include "displayformat.h"
#include "gatewaytablemodel.h"
#include "helpertablemodel.h"
#include "missiontablemodel.h"
#include "tablesetup.h"
#include "tableview.h"

#include <QHeaderView>
#include <QLocale>

namespace relais::TableColumns {

namespace {

// A typical name, never shown.
QString nameSample()
{
    return QStringLiteral("Claire Martin");
}

} // namespace

void setUpAlarms(TableView *table)
{
    // Most urgent first, then oldest first (the proxy's tie-break on raise time).
    table->sortByColumn(AlarmTableModel::SeverityColumn, Qt::AscendingOrder);
    using A = Alarm::State;
    const QList<A> alarmStates{A::New, A::Acknowledged, A::Dispatching, A::Assigned, A::EnRoute, A::OnScene};
    TableSetup::fitColumn(table, AlarmTableModel::SeverityColumn,
                          TableSetup::labels(Severities::all(), Severities::label), true, true);
    TableSetup::fitColumn(table, AlarmTableModel::KindColumn, TableSetup::labels(AlarmKinds::all(), AlarmKinds::label),
                          true, true);
    TableSetup::fitColumn(table, AlarmTableModel::StateColumn, TableSetup::labels(alarmStates, Alarm::stateLabel),
                          false, true);
    TableSetup::fitColumn(table, AlarmTableModel::AgeColumn, {DisplayFormat::age(23 * 3600 + 59 * 60)}, false, true);
    TableSetup::fitColumn(table, AlarmTableModel::CountColumn, {QStringLiteral("99")}, false, true);
    TableSetup::fitColumn(table, AlarmTableModel::HelperColumn, {nameSample()});
    // The place takes what is left: it is what the dispatcher reads first.
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(AlarmTableModel::PlaceColumn, QHeaderView::Stretch);
}

void setUpHelpers(TableView *table)
{
    // Available first; off-duty helpers always last (their group).
    table->sortByColumn(HelperTableModel::AvailabilityColumn, Qt::AscendingOrder);
    using H = Helper::Availability;
    const QList<H> availabilities{H::OffDuty, H::Available, H::Offered, H::Assigned, H::Busy};
    TableSetup::fitColumn(table, HelperTableModel::NameColumn, {nameSample()});
    TableSetup::fitColumn(table, HelperTableModel::AvailabilityColumn,
                          TableSetup::labels(availabilities, Helper::availabilityLabel), true);
    TableSetup::fitColumn(table, HelperTableModel::MissionColumn, {QStringLiteral("#9999")});
    TableSetup::fitColumn(table, HelperTableModel::DistanceColumn, {QStringLiteral("88,8 km")});
    TableSetup::fitColumn(table, HelperTableModel::TodayColumn,
                          {QStringLiteral("99 · ") + DisplayFormat::money(Money::euros(99900))});
}

void setUpMissions(TableView *table)
{
    table->sortByColumn(MissionTableModel::IdColumn, Qt::AscendingOrder);
    using M = Mission::State;
    const QList<M> missionStates{M::Open, M::Offering, M::Assigned, M::Completed, M::Cancelled};
    TableSetup::fitColumn(table, MissionTableModel::IdColumn, {QStringLiteral("9999")});
    TableSetup::fitColumn(table, MissionTableModel::KindColumn,
                          TableSetup::labels(MissionKinds::all(), MissionKinds::label));
    TableSetup::fitColumn(table, MissionTableModel::AlarmColumn, {QStringLiteral("#9999")}, true);
    TableSetup::fitColumn(table, MissionTableModel::StateColumn,
                          TableSetup::labels(missionStates, Mission::stateLabel));
    TableSetup::fitColumn(table, MissionTableModel::FeeColumn, {DisplayFormat::money(Money::euros(1000))});
    TableSetup::fitColumn(table, MissionTableModel::PendingOffersColumn, {QStringLiteral("9")});
    // The helper's name takes what is left.
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(MissionTableModel::AssigneeColumn, QHeaderView::Stretch);
}

void setUpGateways(TableView *table, const GatewayTableModel &model)
{
    // Links in trouble first, then by name.
    table->sortByColumn(GatewayTableModel::LinkColumn, Qt::AscendingOrder);
    const QDateTime now = QDateTime::currentDateTimeUtc(); // width samples only
    GatewayStatus sample;
    sample.since = now.addDays(-40);
    sample.link = GatewayStatus::Link::Disconnected;
    QStringList linkSamples{model.linkText(sample)};
    sample.link = GatewayStatus::Link::Connected;
    linkSamples.append(model.linkText(sample));
    sample.link = GatewayStatus::Link::Connecting;
    sample.retryInS = 30;
    linkSamples.append(model.linkText(sample));
    sample = {};
    sample.transport = QStringLiteral("tcp");
    sample.peer = QStringLiteral("192.168.100.200:50312");
    const QString counterSample = QLocale().toString(9999999);
    TableSetup::fitColumn(table, GatewayTableModel::GatewayColumn,
                          {QStringLiteral("gw-north-00"), QStringLiteral("/dev/ttyUSB00")});
    TableSetup::fitColumn(table, GatewayTableModel::LinkColumn, linkSamples, true);
    TableSetup::fitColumn(table, GatewayTableModel::TransportColumn, {GatewayTableModel::transportText(sample)});
    TableSetup::fitColumn(table, GatewayTableModel::LastMessageColumn, {DisplayFormat::moment(now.addDays(-40), now)});
    for (int column :
         {GatewayTableModel::StoredColumn, GatewayTableModel::DuplicateColumn, GatewayTableModel::RejectedColumn})
        TableSetup::fitColumn(table, column, {counterSample});
}

} // namespace relais::TableColumns
