// Bar charts drawn with ImGui's draw lists, shared by the Statistics screen and the workload
// simulator: a title with its one-line explanation, a value axis with its unit, ticks and
// gridlines, labels along the bars and what they run along, and the value of the bar under
// the pointer (tooltip) or with the keyboard focus (a line under the chart).
#pragma once
#include <imgui.h>

#include <array>

#include "app/views.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

/// `c` as an ImGui colour with its alpha multiplied by `alpha`.
[[nodiscard]] ImU32 color_u32(const ImVec4& c, float alpha = 1.0f);

/// A round value at or above `v` for the top of a value axis (1, 2, 5 x 10^n; 1 for v <= 0).
/// With `whole` (every value of the chart a whole number: counts), 2, 4, 6, 8 x 10^n with
/// n >= 0, so that the half-way tick is a whole number too (no "2.5 reviews"; 2 for v <= 0).
[[nodiscard]] float nice_top(float v, bool whole = false);

/// Draws `c` across the available width, its plot `height_em` font sizes tall (the title and
/// explanation above it, the labels and the x-axis title below it come on top). The value axis
/// runs from 0 to nice_top(max(c.top, largest value), whole values) with ticks at 0, half and the top. With
/// `focused`, a frame marks the chart and bar `cursor` (-1 or out of range: the last) is lit
/// and its tip written under the chart; `scroll_to` scrolls the chart into view.
void bar_chart(UiContext& ui, const app::Chart& c, bool focused, int cursor, bool scroll_to, float height_em = 9.0f);

/// The keyboard focus among a screen's charts (the workload simulator's and the exam plan's):
/// F6 moves it to the next chart (after the last: none), Shift+F6 back; Left/Right move the
/// focused bar, which all the charts share.
struct ChartFocus {
  int chart = -1;          ///< the chart with keyboard focus; -1: none
  int cursor = -1;         ///< its focused bar, -1: the last
  bool scroll_to = false;  ///< F6 moved the focus this frame: scroll the chart into view

  /// Reads this frame's F6 among `charts` charts (a field being edited lets go of the keyboard,
  /// so that the arrows move the bar) and, with a chart focused and no text box typing,
  /// Left/Right among `bars` bars. Call once a frame, before drawing the charts.
  void read_keys(int charts, int bars, bool typing);
};

/// Charts A and B of `pair` side by side, each across half the width (bar_chart), numbered
/// `first` and `first + 1` in `focus`.
void chart_pair(UiContext& ui, const std::array<app::Chart, 2>& pair, const ChartFocus& focus, int first,
                float height_em);

/// The focused bar after this frame's Left/Right (one bar each, held keys repeat) among `n`
/// bars, from `cursor` (-1 or out of range: the last bar).
[[nodiscard]] int moved_cursor(int cursor, int n);

}  // namespace casebook::ui
