#include "ui/browser_screen.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

#include "platform/keys.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {

namespace {

const std::string& cell(const app::BrowserRow& r, int column) {
  switch (static_cast<app::BrowserColumn>(column)) {
    case app::BrowserColumn::Bank: return r.bank;
    case app::BrowserColumn::Topic: return r.topic;
    case app::BrowserColumn::Type: return r.type;
    case app::BrowserColumn::Prompt: return r.prompt;
    case app::BrowserColumn::State: return r.state;
    case app::BrowserColumn::Due: return r.due;
    case app::BrowserColumn::Retrievability: return r.retrievability;
    case app::BrowserColumn::Lapses: return r.lapses;
    case app::BrowserColumn::Flags: return r.flags;
  }
  return r.flags;
}

bool pressed(ImGuiKey_ k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); }

}  // namespace

void BrowserScreen::move(const app::BrowserView& view, int delta, UiContext& ui) {
  const int n = static_cast<int>(view.shown.size());
  if (n == 0) return;
  const int from = view.selected_shown < 0 ? (delta > 0 ? -1 : n) : view.selected_shown;
  const int to = std::clamp(from + delta, 0, n - 1);
  ui.send(app::SelectCard{view.rows[static_cast<std::size_t>(view.shown[static_cast<std::size_t>(to)])].card_key});
  m_scroll_to = to;
}

void BrowserScreen::draw(const app::BrowserView& view, UiContext& ui) {
  if (m_revision != view.revision) {
    m_query = view.query;
    m_revision = view.revision;
  }
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Browse cards");
  hint_text(std::to_string(view.shown.size()) + " of " + std::to_string(view.rows.size()) +
            " cards   ·   search: words, bank:, topic:, type:, is:due, prop:r<0.8, rated:7, flag:red, -not, or, ( )");

  const app::BrowserRow* selected =
      view.selected_shown >= 0 ? &view.rows[static_cast<std::size_t>(view.shown[static_cast<std::size_t>(view.selected_shown)])]
                               : nullptr;
  CardActionTarget target;
  if (selected != nullptr) target = {selected->card_key, selected->suspended, selected->flag};
  const bool form_open = m_actions.draw(target, selected != nullptr, ui);

  const bool ctrl = ImGui::GetIO().KeyCtrl;
  if (!form_open && !ui.typing && ((ctrl && ImGui::IsKeyPressed(platform::kKeyF, false)) || typed_letter('/'))) {
    m_focus_search = true;
  }
  ImGui::SetNextItemWidth(-1);
  if (m_focus_search) ImGui::SetKeyboardFocusHere();
  m_focus_search = false;
  if (ImGui::InputTextWithHint("##search", "Search (Ctrl+F)", &m_query)) ui.send(app::SetBrowserSearch{m_query});
  const bool searching = ImGui::IsItemActive();
  if (searching && (enter_pressed() || escape_pressed())) ImGui::SetWindowFocus(nullptr);  // back to the table keys
  if (!view.error.empty()) wrapped_text("Search problem: " + view.error, kColorWrong);
  if (!view.notice.empty()) wrapped_text(view.notice, kColorNotice);
  ImGui::Dummy(ImVec2(0, 0.25f * em));

  if (!form_open && !ui.typing) {
    if (down_pressed()) move(view, 1, ui);
    else if (up_pressed()) move(view, -1, ui);
    else if (pressed(ImGuiKey_PageDown)) move(view, 20, ui);
    else if (pressed(ImGuiKey_PageUp)) move(view, -20, ui);
    else if (pressed(ImGuiKey_Home)) move(view, -static_cast<int>(view.shown.size()), ui);
    else if (pressed(ImGuiKey_End)) move(view, static_cast<int>(view.shown.size()), ui);
    else if (enter_pressed() && selected != nullptr) ui.send(app::OpenCardInfo{selected->card_key});
    else if (escape_pressed()) ui.send(app::Back{});
  }
  draw_table(view, ui);
}

void BrowserScreen::draw_table(const app::BrowserView& view, UiContext& ui) {
  // Columns keep their width in font units; at a large UI scale the table scrolls sideways
  // instead of squeezing them (the prompt takes what is left, at least 20 em).
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  const float em = ImGui::GetFontSize();
  const float widths[app::kBrowserColumns] = {5.5f, 6, 6, 0, 5, 7, 6.5f, 5, 6.5f};  // em; 0: the prompt
  float others = 0;
  for (const float w : widths) others += w * em + 2.0f * ImGui::GetStyle().CellPadding.x;
  const float prompt_w = std::max(20.0f * em, ImGui::GetContentRegionAvail().x - others - ImGui::GetStyle().ScrollbarSize);
  // The table's id carries the font size, so a new UI scale starts it from these widths.
  ImGui::PushID(static_cast<int>(em));
  if (!ImGui::BeginTable("cards", app::kBrowserColumns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
    ImGui::PopID();
    return;
  }
  for (int c = 0; c < app::kBrowserColumns; ++c) {
    ImGuiTableColumnFlags f = ImGuiTableColumnFlags_WidthFixed;
    if (c == static_cast<int>(app::BrowserColumn::Due)) f |= ImGuiTableColumnFlags_DefaultSort;
    ImGui::TableSetupColumn(app::kBrowserColumnTitles[c], f, widths[c] > 0 ? widths[c] * em : prompt_w,
                            static_cast<ImGuiID>(c));
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs != nullptr && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      const auto& s = specs->Specs[0];
      const auto column = static_cast<app::BrowserColumn>(s.ColumnUserID);
      const bool descending = s.SortDirection == ImGuiSortDirection_Descending;
      if (column != view.sort || descending != view.descending) ui.send(app::SortBrowser{column, descending});
    }
    specs->SpecsDirty = false;
  }
  const float row_h = ImGui::GetTextLineHeightWithSpacing();
  if (m_scroll_to >= 0) {
    const float y = static_cast<float>(m_scroll_to) * row_h;
    const float visible = ImGui::GetWindowHeight() - 2.0f * row_h;
    if (y < ImGui::GetScrollY()) ImGui::SetScrollY(y);
    else if (y > ImGui::GetScrollY() + visible) ImGui::SetScrollY(y - visible);
    m_scroll_to = -1;
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(view.shown.size()), row_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const app::BrowserRow& r = view.rows[static_cast<std::size_t>(view.shown[static_cast<std::size_t>(i)])];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushID(i);
      const bool is_selected = i == view.selected_shown;
      // Bank titles, topics and prompts may be Hebrew or Arabic: drawn in drawing order (label,
      // unformatted_text).
      if (ImGui::Selectable(label(r.bank).c_str(), is_selected,
                            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
        if (ImGui::IsMouseDoubleClicked(0)) ui.send(app::OpenCardInfo{r.card_key});
        else ui.send(app::SelectCard{r.card_key});
      }
      ImGui::PopID();
      for (int c = 1; c < app::kBrowserColumns; ++c) {
        ImGui::TableSetColumnIndex(c);
        const std::string& text = cell(r, c);
        if (c == static_cast<int>(app::BrowserColumn::Flags) && r.flag != 0) {
          ImGui::TextColored(kColorNotice, "%s", text.c_str());
        } else {
          unformatted_text(text);
        }
      }
    }
  }
  ImGui::EndTable();
  ImGui::PopID();
}

}  // namespace casebook::ui
