#include "ui/charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <imgui_internal.h>  // ClearActiveID: F6 takes the arrows from a field being edited

#include "platform/keys.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

/// An axis value: whole numbers without a point, small ones with up to two decimals.
std::string number(float v) {
  char buf[32];
  const char* format = v == std::floor(v) ? "%.0f" : v >= 1.0f ? "%.1f" : "%.2f";
  std::snprintf(buf, sizeof buf, format, static_cast<double>(v));
  return buf;
}

}  // namespace

ImU32 color_u32(const ImVec4& c, float alpha) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

float nice_top(float v, bool whole) {
  if (v <= 0.0f) return whole ? 2.0f : 1.0f;
  if (whole) {  // 2, 4, 6, 8, 10, 20, 40, ...
    for (float p = 1.0f; std::isfinite(p); p *= 10.0f) {
      for (const float m : {2.0f, 4.0f, 6.0f, 8.0f, 10.0f}) {
        if (m * p >= v) return m * p;
      }
    }
    return v;
  }
  const float p = std::pow(10.0f, std::floor(std::log10(v)));
  for (const float m : {1.0f, 2.0f, 5.0f, 10.0f}) {
    if (m * p >= v) return m * p;
  }
  return 10.0f * p;
}

int moved_cursor(int cursor, int n) {
  if (n <= 0 || !(left_pressed() || right_pressed())) return cursor;
  const int at = cursor < 0 || cursor >= n ? n - 1 : cursor;
  return std::clamp(at + (left_pressed() ? -1 : 1), 0, n - 1);
}

void ChartFocus::read_keys(int charts, int bars, bool typing) {
  scroll_to = false;
  if (charts > 0 && ImGui::IsKeyPressed(platform::kKeyF6, false)) {
    // F6 walks none -> 0 .. charts-1 -> none (Shift+F6 back).
    const int step = ImGui::GetIO().KeyShift ? charts : 1;
    chart = (chart + 1 + step) % (charts + 1) - 1;
    scroll_to = chart >= 0;
    ImGui::ClearActiveID();
  }
  if (chart >= 0 && !typing) cursor = moved_cursor(cursor, bars);
}

void chart_pair(UiContext& ui, const std::array<app::Chart, 2>& pair, const ChartFocus& focus, int first,
                float height_em) {
  ImGui::PushID(first);
  if (ImGui::BeginTable("charts", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextRow();
    for (int column = 0; column < 2; ++column) {
      ImGui::TableSetColumnIndex(column);
      ImGui::PushID(column);
      bar_chart(ui, pair[static_cast<std::size_t>(column)], focus.chart == first + column, focus.cursor,
                focus.scroll_to, height_em);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::PopID();
}

void bar_chart(UiContext& ui, const app::Chart& c, bool focused, int cursor, bool scroll_to, float height_em) {
  const float em = ImGui::GetFontSize();
  ImGui::Dummy(ImVec2(0, 0.4f * em));
  if (focused && scroll_to) ImGui::SetScrollHereY(0.2f);  // the keys bring the focused chart into view
  text_in(ui.fonts->bold, c.title + (focused ? "   (focused: Left/Right)" : ""));
  hint_text(c.explanation);
  if (c.values.empty()) {
    hint_text("Nothing yet.");
    return;
  }
  const float axis_w = ImGui::CalcTextSize("00000").x + 0.5f * em;
  const float label_h = ImGui::GetTextLineHeightWithSpacing();
  const float below = c.x_axis.empty() ? label_h : 2.0f * label_h;  // tick labels, then the axis title
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, height_em * em + (below - label_h));
  ImGui::Dummy(size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p0(origin.x + axis_w, origin.y + 1.4f * label_h);  // the plot area, under the unit
  const ImVec2 p1(origin.x + size.x - 0.25f * em, origin.y + size.y - below);
  const bool whole = std::all_of(c.values.begin(), c.values.end(), [](float v) { return v == std::floor(v); }) &&
                     c.top == std::floor(c.top);
  const float top = nice_top(std::max(c.top, *std::max_element(c.values.begin(), c.values.end())), whole);
  // Unit above the axis, gridlines at 0, half and the top.
  dl->AddText(ImVec2(origin.x + 0.25f * em, origin.y + 0.1f * label_h), color_u32(kColorMuted), c.unit.c_str());
  for (const float f : {0.0f, 0.5f, 1.0f}) {
    const float y = p1.y - f * (p1.y - p0.y);
    dl->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), color_u32(kColorMuted, f == 0.0f ? 0.9f : 0.3f));
    const std::string t = number(f * top);
    dl->AddText(ImVec2(p0.x - 0.3f * em - ImGui::CalcTextSize(t.c_str()).x, y - 0.5f * em), color_u32(kColorMuted),
                t.c_str());
  }
  if (focused) {
    dl->AddRect(ImVec2(origin.x - 0.2f * em, origin.y), ImVec2(origin.x + size.x, origin.y + size.y),
                color_u32(kColorAccent), 3.0f, 0, 2.0f);
  }
  const int n = static_cast<int>(c.values.size());
  const float slot = (p1.x - p0.x) / static_cast<float>(n);
  const float inset = slot < 3.0f ? 0.0f : 0.15f * slot;  // hundreds of days: bars side by side
  const int mark = cursor < 0 || cursor >= n ? n - 1 : cursor;
  int under_mouse = -1;
  if (hovered) {
    const float mx = ImGui::GetIO().MousePos.x;
    if (mx >= p0.x && mx < p1.x) under_mouse = std::clamp(static_cast<int>((mx - p0.x) / slot), 0, n - 1);
  }
  for (int i = 0; i < n; ++i) {
    const float x = p0.x + slot * static_cast<float>(i);
    const float h = std::min(c.values[static_cast<std::size_t>(i)], top) / top * (p1.y - p0.y);
    const bool lit = i == under_mouse || (focused && i == mark);
    dl->AddRectFilled(ImVec2(x + inset, p1.y - h), ImVec2(x + slot - inset, p1.y),
                      color_u32(lit ? kColorNotice : kColorAccent, lit ? 1.0f : 0.85f));
  }
  // A thin bar is hard to pick out: a line marks the lit one over the whole plot height.
  for (const int i : {under_mouse, focused ? mark : -1}) {
    if (i < 0 || inset > 0.0f) continue;
    const float x = p0.x + slot * (static_cast<float>(i) + 0.5f);
    dl->AddLine(ImVec2(x, p0.y), ImVec2(x, p1.y), color_u32(kColorNotice), std::max(1.0f, 0.12f * em));
  }
  for (const int i : {0, n / 2, n - 1}) {
    const std::string& label = c.labels[static_cast<std::size_t>(i)];
    const float w = ImGui::CalcTextSize(label.c_str()).x;
    const float x = std::clamp(p0.x + slot * (static_cast<float>(i) + 0.5f) - 0.5f * w, p0.x, p1.x - w);
    dl->AddText(ImVec2(x, p1.y + 0.15f * em), color_u32(kColorMuted), label.c_str());
  }
  if (!c.x_axis.empty()) {
    const float w = ImGui::CalcTextSize(c.x_axis.c_str()).x;
    dl->AddText(ImVec2(std::max(p0.x, 0.5f * (p0.x + p1.x - w)), p1.y + 0.15f * em + label_h), color_u32(kColorMuted),
                c.x_axis.c_str());
  }
  if (under_mouse >= 0) {
    ImGui::BeginTooltip();
    unformatted_text(c.tips[static_cast<std::size_t>(under_mouse)]);  // a mock exam's title from its bank
    ImGui::EndTooltip();
  }
  if (focused) wrapped_text("\u25B8 " + c.tips[static_cast<std::size_t>(mark)]);
}

}  // namespace casebook::ui
