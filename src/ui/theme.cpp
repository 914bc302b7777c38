#include "ui/theme.hpp"

namespace casebook::ui {

void apply_theme(float scale) {
  ImGuiStyle style;  // start from defaults so repeated calls do not compound the scale
  ImGui::StyleColorsLight(&style);
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
  const ImVec4 border{0.80f, 0.80f, 0.77f, 1.0f};
  c[ImGuiCol_Text] = kColorText;
  c[ImGuiCol_TextDisabled] = kColorMuted;
  c[ImGuiCol_WindowBg] = kColorBackground;
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = kColorPanel;
  c[ImGuiCol_Border] = border;
  c[ImGuiCol_FrameBg] = kColorPanel;
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.96f, 0.97f, 0.98f, 1.0f);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.93f, 0.95f, 0.97f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.92f, 0.92f, 0.89f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.86f, 0.90f, 0.93f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.78f, 0.86f, 0.91f, 1.0f);
  c[ImGuiCol_Header] = kColorAccentSoft;
  c[ImGuiCol_HeaderHovered] = ImVec4(0.80f, 0.88f, 0.93f, 1.0f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.74f, 0.84f, 0.91f, 1.0f);
  c[ImGuiCol_CheckMark] = kColorAccent;
  c[ImGuiCol_SliderGrab] = kColorAccent;
  c[ImGuiCol_TableHeaderBg] = ImVec4(0.92f, 0.92f, 0.89f, 1.0f);
  c[ImGuiCol_TableBorderStrong] = border;
  c[ImGuiCol_TableBorderLight] = ImVec4(0.88f, 0.88f, 0.85f, 1.0f);
  c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TableRowBgAlt] = ImVec4(0.0f, 0.0f, 0.0f, 0.025f);
  c[ImGuiCol_Separator] = border;
  c[ImGuiCol_TextSelectedBg] = ImVec4(0.70f, 0.82f, 0.92f, 1.0f);
  c[ImGuiCol_NavHighlight] = kColorAccent;
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  ImGui::GetStyle() = style;
}

}  // namespace casebook::ui
