#pragma once

#include <Qt>

namespace relais {

// Custom roles shared by the table models of the UI and by TableProxyModel.
namespace ItemRoles {
enum : int {
    // The raw key a column sorts by (numbers, times, untranslated ranks), never the displayed text.
    SortRole = Qt::UserRole,
    // The id of the row's entity: qint64 for alarms and missions, QString for helpers.
    IdRole,
    // bool: the row is still open (alarm, mission). Rows without the role count as open.
    OpenRole,
    // A group that stays first whatever the sort order (0 first), e.g. helpers on duty.
    GroupRole,
    // A secondary key that breaks ties, always ascending (e.g. raise time: oldest first).
    TieBreakRole,
};
} // namespace ItemRoles

} // namespace relais
