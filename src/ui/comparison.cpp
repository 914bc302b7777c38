#include "ui/comparison.hpp"

#include <imgui.h>

#include <algorithm>

namespace casebook::ui {

void draw_comparison_table(const char* id, const std::array<std::string, 2>& columns,
                           const std::vector<app::SimulatorView::Row>& rows) {
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable(id, 3, flags)) return;
  // Each value column as wide as its widest text (at least 6 em), the labels take the rest.
  std::array<float, 2> width = {ImGui::CalcTextSize(columns[0].c_str()).x, ImGui::CalcTextSize(columns[1].c_str()).x};
  for (const auto& row : rows) {
    width[0] = std::max(width[0], ImGui::CalcTextSize(row.a.c_str()).x);
    width[1] = std::max(width[1], ImGui::CalcTextSize(row.b.c_str()).x);
  }
  const float min_width = 6.0f * ImGui::GetFontSize();
  for (float& w : width) w += 2.0f * ImGui::GetStyle().CellPadding.x;
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(columns[0].c_str(), ImGuiTableColumnFlags_WidthFixed, std::max(width[0], min_width));
  ImGui::TableSetupColumn(columns[1].c_str(), ImGuiTableColumnFlags_WidthFixed, std::max(width[1], min_width));
  ImGui::TableHeadersRow();
  for (const auto& row : rows) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(row.label.c_str());
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(row.a.c_str());
    ImGui::TableSetColumnIndex(2);
    ImGui::TextUnformatted(row.b.c_str());
  }
  ImGui::EndTable();
}

}  // namespace casebook::ui
