#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace casebook::ui {

const Palette& light_palette() {
  static const Palette p{
      {0.13f, 0.15f, 0.18f, 1.0f},    {0.39f, 0.42f, 0.46f, 1.0f},    {0.972f, 0.965f, 0.945f, 1.0f},
      {1.0f, 1.0f, 0.995f, 1.0f},     {0.16f, 0.42f, 0.58f, 1.0f},    {0.85f, 0.91f, 0.95f, 1.0f},
      {0.10f, 0.47f, 0.24f, 1.0f},    {0.88f, 0.95f, 0.89f, 1.0f},    {0.70f, 0.17f, 0.15f, 1.0f},
      {0.98f, 0.90f, 0.89f, 1.0f},    {0.50f, 0.34f, 0.04f, 1.0f},    {1.0f, 1.0f, 1.0f, 1.0f},
      {0.20f, 0.49f, 0.66f, 1.0f},    {0.12f, 0.35f, 0.50f, 1.0f},    {0.80f, 0.80f, 0.77f, 1.0f},
      {0.92f, 0.92f, 0.89f, 1.0f},    {0.86f, 0.90f, 0.93f, 1.0f},    {0.78f, 0.86f, 0.91f, 1.0f},
      {0.96f, 0.97f, 0.98f, 1.0f},    {0.93f, 0.95f, 0.97f, 1.0f},    {0.90f, 0.90f, 0.87f, 1.0f},
      {0.74f, 0.84f, 0.91f, 1.0f},    {0.92f, 0.92f, 0.89f, 1.0f},    {0.88f, 0.88f, 0.85f, 1.0f},
      {0.0f, 0.0f, 0.0f, 0.025f},     {0.70f, 0.82f, 0.92f, 1.0f}};
  return p;
}

const Palette& dark_palette() {
  static const Palette p{
      {0.90f, 0.91f, 0.92f, 1.0f},    {0.66f, 0.69f, 0.72f, 1.0f},    {0.11f, 0.12f, 0.13f, 1.0f},
      {0.15f, 0.16f, 0.18f, 1.0f},    {0.45f, 0.70f, 0.90f, 1.0f},    {0.17f, 0.25f, 0.32f, 1.0f},
      {0.45f, 0.80f, 0.52f, 1.0f},    {0.12f, 0.24f, 0.15f, 1.0f},    {0.98f, 0.55f, 0.52f, 1.0f},
      {0.31f, 0.14f, 0.13f, 1.0f},    {0.93f, 0.76f, 0.38f, 1.0f},    {0.07f, 0.08f, 0.09f, 1.0f},
      {0.55f, 0.77f, 0.94f, 1.0f},    {0.38f, 0.62f, 0.82f, 1.0f},    {0.30f, 0.31f, 0.33f, 1.0f},
      {0.20f, 0.21f, 0.23f, 1.0f},    {0.24f, 0.29f, 0.34f, 1.0f},    {0.28f, 0.35f, 0.42f, 1.0f},
      {0.19f, 0.20f, 0.22f, 1.0f},    {0.22f, 0.24f, 0.27f, 1.0f},    {0.25f, 0.26f, 0.28f, 1.0f},
      {0.26f, 0.36f, 0.45f, 1.0f},    {0.18f, 0.19f, 0.21f, 1.0f},    {0.22f, 0.23f, 0.25f, 1.0f},
      {1.0f, 1.0f, 1.0f, 0.03f},      {0.25f, 0.40f, 0.55f, 1.0f}};
  return p;
}

namespace {

double linear(float c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

double luminance(const ImVec4& c) { return 0.2126 * linear(c.x) + 0.7152 * linear(c.y) + 0.0722 * linear(c.z); }

}  // namespace

double contrast_ratio(const ImVec4& a, const ImVec4& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void apply_theme(float scale, bool dark) {
  detail::g_palette = dark ? dark_palette() : light_palette();
  const Palette& p = detail::g_palette;
  ImGuiStyle style;  // start from defaults so repeated calls do not compound the scale
  if (dark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(20, 16);
  style.FramePadding = ImVec2(10, 6);
  style.ItemSpacing = ImVec2(10, 8);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.CellPadding = ImVec2(10, 6);
  style.IndentSpacing = 22;
  style.ScrollbarSize = 14;
  style.GrabMinSize = 12;
  style.WindowRounding = 0;
  style.ChildRounding = 6;
  style.FrameRounding = 6;
  style.PopupRounding = 6;
  style.ScrollbarRounding = 7;
  style.GrabRounding = 6;
  style.TabRounding = 6;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.FrameBorderSize = 1;
  style.PopupBorderSize = 1;
  style.ScaleAllSizes(scale);

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.muted;
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = p.panel;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_FrameBg] = p.panel;
  c[ImGuiCol_FrameBgHovered] = p.frame_hovered;
  c[ImGuiCol_FrameBgActive] = p.frame_active;
  c[ImGuiCol_Button] = p.button;
  c[ImGuiCol_ButtonHovered] = p.button_hovered;
  c[ImGuiCol_ButtonActive] = p.button_active;
  c[ImGuiCol_Header] = p.accent_soft;
  c[ImGuiCol_HeaderHovered] = p.header_hovered;
  c[ImGuiCol_HeaderActive] = p.header_active;
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_SliderGrab] = p.accent;
  c[ImGuiCol_TableHeaderBg] = p.table_header;
  c[ImGuiCol_TableBorderStrong] = p.border;
  c[ImGuiCol_TableBorderLight] = p.table_border_light;
  c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TableRowBgAlt] = p.row_alt;
  c[ImGuiCol_Separator] = p.border;
  c[ImGuiCol_TextSelectedBg] = p.selected_text_bg;
  c[ImGuiCol_NavHighlight] = p.accent;
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  ImGui::GetStyle() = style;
}

}  // namespace casebook::ui
