#pragma once

namespace relais {

class GatewayTableModel;
class TableView;

// The window's tables, set up once their model is set: the order they open in, and column
// widths from samples of what they show (in the interface's language), so that nothing is
// cut and the widest column takes what is left.
namespace TableColumns {

// Most urgent first; the place takes what is left.
void setUpAlarms(TableView *table);
// Available first, off duty last.
void setUpHelpers(TableView *table);
// By number; the helper's name takes what is left.
void setUpMissions(TableView *table);
// Links in trouble first.
void setUpGateways(TableView *table, const GatewayTableModel &model);

} // namespace TableColumns

} // namespace relais
