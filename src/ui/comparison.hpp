// Two columns side by side, as the workload simulator and the exam plan show them: a table of
// labelled rows (A and B) and a pair of per-day plots on one vertical scale.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "app/views.hpp"

namespace casebook::ui {

/// A table: the row labels, then column A and column B under `columns`.
void draw_comparison_table(const char* id, const std::array<std::string, 2>& columns,
                           const std::vector<app::SimulatorView::Row>& rows);

/// Two plots side by side with the same vertical scale, each under its title ("<title>, <column>").
void draw_series_pair(const char* id, const std::string& title, const std::array<std::string, 2>& columns,
                      const std::array<std::vector<float>, 2>& series, float height);

}  // namespace casebook::ui
