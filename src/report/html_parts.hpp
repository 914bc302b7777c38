// The parts of the HTML report (internal to report): the chart sections, shared helpers.
#pragma once
#include <ostream>
#include <string>

#include "report/figures.hpp"
#include "report/report.hpp"

namespace casebook::report::detail {

/// The sections true retention, activity (bar charts and calendar), forecast and weakest
/// cards, as inline SVG and tables.
void write_html_charts(const ReportInput& in, const Figures& f, std::ostream& out);

/// "<span class=retired>" tag for a card whose question is gone.
inline constexpr const char* kRetiredMark =
    "<span class=\"retired\" title=\"This question is no longer in any bank\">retired</span>";

}  // namespace casebook::report::detail
