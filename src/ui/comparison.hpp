// Two columns side by side, as the workload simulator and the exam plan show them: a table of
// labelled rows (A and B). Their per-day charts: ui/charts.hpp, chart_pair.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "app/views.hpp"

namespace casebook::ui {

/// A table: the row labels, then column A and column B under `columns`.
void draw_comparison_table(const char* id, const std::array<std::string, 2>& columns,
                           const std::vector<app::SimulatorView::Row>& rows);

}  // namespace casebook::ui
