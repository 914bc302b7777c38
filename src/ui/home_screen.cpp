#include "ui/home_screen.hpp"

#include <algorithm>
#include <string>

#include "platform/keys.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

/// What to study: every course bank, each bank and its topics, with the cards a session over
/// each would start with. Up and Down move the highlight (SelectScope), Enter (or a double
/// click) studies the highlighted row. Banks that failed to load follow, marked.
void draw_scope_table(const app::HomeView& home, UiContext& ui, bool moved) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("scopes", 5, flags)) return;
  const float em = ImGui::GetFontSize();
  // Numbers as wide as their widest header ("Learning"), so the titles get the rest.
  const float num_w = std::max(ImGui::CalcTextSize("Learning").x, ImGui::CalcTextSize("00000").x) + 0.5f * em;
  ImGui::TableSetupColumn("Study", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("New", ImGuiTableColumnFlags_WidthFixed, num_w);
  ImGui::TableSetupColumn("Learning", ImGuiTableColumnFlags_WidthFixed, num_w);
  ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, num_w);
  ImGui::TableSetupColumn("Cards", ImGuiTableColumnFlags_WidthFixed, num_w);
  ImGui::TableHeadersRow();
  std::string cut_label;  // the highlighted row's title when its column cuts it
  for (std::size_t i = 0; i < home.scopes.size(); ++i) {
    const app::ScopeRow& row = home.scopes[i];
    const bool selected = static_cast<int>(i) == home.selected;
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::Indent(static_cast<float>(row.depth) * 1.2f * em);
    // A Hebrew or Arabic title in drawing order (label); the English note after it stays last.
    const std::string note = !row.kind.empty() && row.depth == 1 ? "   (" + row.kind + ": studied only when chosen)" : "";
    const std::string title = label(row.label) + note;
    const float room = ImGui::GetContentRegionAvail().x;
    const bool cut = text_width(title) > room;
    // A title wider than its column: the note shortened to the bank's kind, and the title
    // ended with "…" if it still does not fit.
    const std::string short_note = note.empty() ? "" : "   (" + row.kind + ")";
    const std::string shown = cut ? label(fit_text(row.label, room - text_width(short_note))) + short_note : title;
    ImGui::PushStyleColor(ImGuiCol_Header, kColorAccentSoft);
    if (ImGui::Selectable(shown.c_str(), selected,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
      ui.send(app::SelectScope{static_cast<int>(i)});
      if (ImGui::IsMouseDoubleClicked(0)) ui.send(app::StartSession{row.scope});
    }
    ImGui::PopStyleColor();
    // A title wider than its column is cut: the whole of it on hover, and under the table
    // for the highlighted row.
    if (cut && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", title.c_str());
    if (cut && selected) cut_label = row.label + note;  // in reading order: wrapped_text orders it
    if (selected && moved) ImGui::SetScrollHereY(0.5f);
    ImGui::Unindent(static_cast<float>(row.depth) * 1.2f * em);
    const int values[] = {row.fresh, row.learning, row.review, row.cards};
    for (int col = 1; col <= 4; ++col) {
      ImGui::TableSetColumnIndex(col);
      const int v = values[col - 1];
      const std::string text = std::to_string(v);
      if (v == 0) ImGui::TextDisabled("%s", text.c_str());
      else ImGui::TextUnformatted(text.c_str());
    }
    ImGui::PopID();
  }
  for (const auto& bank : home.banks) {
    if (bank.loaded) continue;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    wrapped_text(bank.title.empty() ? bank.path : bank.title);
    wrapped_text("✗ failed to load (see below)", kColorWrong);
  }
  ImGui::EndTable();
  if (!cut_label.empty()) wrapped_text(cut_label, kColorMuted);
}

/// Below the table: every bank with diagnostics, in a panel that opens to list them as
/// "file:line:col: error: message [code]".
void draw_diagnostics(const app::HomeView& home) {
  int index = 0;
  for (const auto& bank : home.banks) {
    if (bank.diagnostics.empty()) continue;
    ImGui::PushID(index++);
    const std::size_t n = bank.diagnostics.size();
    const std::string title = bank.loaded
        ? (label(bank.title) + ": " + std::to_string(n) + (n == 1 ? " warning" : " warnings"))
        : (label(bank.path) + " failed to load: " + std::to_string(n) + (n == 1 ? " problem" : " problems"));
    ImGui::PushStyleColor(ImGuiCol_Text, bank.loaded ? kColorNotice : kColorWrong);
    // A bank that failed to load shows its problems at once: no mouse needed to read them.
    const ImGuiTreeNodeFlags flags =
        ImGuiTreeNodeFlags_SpanAvailWidth | (bank.loaded ? 0 : ImGuiTreeNodeFlags_DefaultOpen);
    const bool open = ImGui::TreeNodeEx("diag", flags, "%s", title.c_str());
    ImGui::PopStyleColor();
    if (open) {
      for (const auto& line : bank.diagnostic_lines) wrapped_text(line);
      if (!bank.loaded) hint_text("Fix the file (casebook validate FILE shows the same list), then press F5.");
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
}

}  // namespace

void HomeScreen::draw_backlog(const app::BacklogView& b, UiContext& ui) {
  if (!b.active.empty()) {
    wrapped_text(b.active, kColorNotice);
    return;
  }
  if (!b.offer) return;
  if (m_days == 0) m_days = b.default_days;
  if (!ui.typing && left_pressed()) m_days = std::max(b.min_days, m_days - 1);
  if (!ui.typing && right_pressed()) m_days = std::min(b.max_days, m_days + 1);
  if (!ui.typing && typed_letter('n')) m_pause_new = !m_pause_new;
  const int per_day = (b.due + m_days - 1) / m_days;
  wrapped_text("Welcome back: " + std::to_string(b.due) + " reviews are due, " + std::to_string(b.overdue) +
                   " of them from earlier days. Doing them all today is a lot; you can spread them over a few days "
                   "instead, the cards you are most likely to have forgotten first.",
               kColorNotice);
  ImGui::SetNextItemWidth(7.0f * ImGui::GetFontSize());
  if (ImGui::InputInt("days (Left/Right)", &m_days)) m_days = std::clamp(m_days, b.min_days, b.max_days);
  ImGui::SameLine();
  ImGui::Checkbox("Pause new cards meanwhile (N)", &m_pause_new);
  const std::string label = "Spread over " + std::to_string(m_days) + " days, about " + std::to_string(per_day) +
                            " a day (D)";
  if (ImGui::Button(label.c_str()) || (!ui.typing && typed_letter('d'))) {
    ui.send(app::SpreadBacklog{m_days, m_pause_new});
  }
}

void HomeScreen::draw(const app::HomeView& home, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Casebook");
  {
    // While the learner picker has the keyboard, Home reads none of its own keys (as while typing).
    if (m_learners.draw(home, ui)) ui.typing = true;
    ImGui::TextDisabled("Progress file");
    ImGui::SameLine();
    wrapped_text(home.db_path);
  }
  ImGui::Dummy(ImVec2(0, 0.5f * em));

  // The session over the highlighted row: one big button with the numbers behind it.
  const app::ScopeRow fallback{};
  const app::ScopeRow& chosen = home.scopes.empty() ? fallback : home.scopes[static_cast<std::size_t>(home.selected)];
  const int total = chosen.fresh + chosen.learning + chosen.review;
  std::string study;
  if (total > 0) {
    study = "Study " + std::to_string(total) + (total == 1 ? " card" : " cards") +
            (home.selected > 0 ? ": " + label(chosen.label) : std::string()) + "   (Enter)";
  } else {
    study = home.selected > 0 ? "Nothing to study in " + label(chosen.label) + " right now" : "Nothing to study right now";
  }
  ImGui::PushFont(ui.fonts->heading);
  const bool clicked =
      styled_button(study.c_str(), ImVec2(ImGui::GetContentRegionAvail().x, 0), true, total > 0);
  ImGui::PopFont();
  if ((clicked || (enter_pressed() && !ui.typing)) && total > 0) ui.send(app::StartSession{chosen.scope});
  if (!ui.typing && !home.scopes.empty()) {
    const int last = static_cast<int>(home.scopes.size()) - 1;
    if (up_pressed() && home.selected > 0) ui.send(app::SelectScope{home.selected - 1});
    if (down_pressed() && home.selected < last) ui.send(app::SelectScope{home.selected + 1});
  }
  // The highlighted row is scrolled into view in the frame after it moved.
  const bool moved = home.selected != m_last_selected;
  m_last_selected = home.selected;
  {
    const std::string breakdown = std::to_string(chosen.fresh) + " new  ·  " + std::to_string(chosen.learning) +
                                  " learning  ·  " + std::to_string(chosen.review) + " to review";
    const float w = ImGui::CalcTextSize(breakdown.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::max(0.0f, (ImGui::GetContentRegionAvail().x - w) * 0.5f));
    ImGui::TextDisabled("%s", breakdown.c_str());
  }

  if (!home.read_only.empty()) {
    ImGui::Dummy(ImVec2(0, 0.25f * em));
    wrapped_text(home.read_only, kColorNotice);
  }
  if (!home.message.empty()) {
    ImGui::Dummy(ImVec2(0, 0.25f * em));
    wrapped_text(home.message, kColorNotice);
  }
  draw_sync_status(home.sync);
  if (!home.exam_lines.empty() || home.backlog.offer || !home.backlog.active.empty()) {
    ImGui::Dummy(ImVec2(0, 0.25f * em));
    for (const std::string& line : home.exam_lines) wrapped_text(line);
    draw_backlog(home.backlog, ui);
  }

  ImGui::Dummy(ImVec2(0, 0.75f * em));
  text_in(ui.fonts->bold, "What to study");
  if (home.banks.empty()) {
    hint_text("No banks found. Start Casebook with --bank FILE_OR_FOLDER to add some.");
  } else {
    hint_text("Up and Down choose all course banks, one bank or one topic; Enter studies it; C opens custom "
              "study for it (forgotten cards, review ahead, preview, cram, extra new cards, all cards).");
    draw_scope_table(home, ui, moved);
    ImGui::Dummy(ImVec2(0, 0.25f * em));
    draw_diagnostics(home);
  }
  ImGui::Dummy(ImVec2(0, 0.5f * em));
  if (ImGui::Button("Reload banks (F5)") ||
      ImGui::IsKeyPressed(platform::kKeyF5, false)) {
    ui.send(app::ReloadBanks{});
  }
  ImGui::SameLine();
  if (ImGui::Button("Settings (S)") || (!ui.typing && typed_letter('s'))) ui.send(app::Navigate{app::Screen::Settings});
  ImGui::SameLine();
  if (ImGui::Button("Export report (E)") || (!ui.typing && typed_letter('e'))) ui.send(app::Navigate{app::Screen::Export});
  ImGui::SameLine();
  if (ImGui::Button("Import questions (I)") ||
      (!ui.typing && !ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(platform::kKeyI, false))) {
    ui.send(app::Navigate{app::Screen::Import});
  }
  same_line_if_fits("Workload simulator (W)");
  if (ImGui::Button("Workload simulator (W)") || (!ui.typing && typed_letter('w'))) {
    ui.send(app::Navigate{app::Screen::Simulator});
  }
  same_line_if_fits("Exam plan (P)");
  if (ImGui::Button("Exam plan (P)") || (!ui.typing && typed_letter('p'))) ui.send(app::Navigate{app::Screen::Plan});
  same_line_if_fits("Browse cards (B)");
  if (ImGui::Button("Browse cards (B)") || (!ui.typing && !ImGui::GetIO().KeyCtrl && typed_letter('b'))) {
    ui.send(app::Navigate{app::Screen::Browser});
  }
  same_line_if_fits("Statistics (T)");
  if (ImGui::Button("Statistics (T)") || (!ui.typing && !ImGui::GetIO().KeyCtrl && typed_letter('t'))) {
    ui.send(app::Navigate{app::Screen::Stats});
  }
  same_line_if_fits("Custom study (C)");
  if (ImGui::Button("Custom study (C)") || (!ui.typing && !ImGui::GetIO().KeyCtrl && typed_letter('c'))) {
    ui.send(app::Navigate{app::Screen::CustomStudy});
  }
  same_line_if_fits("Backups (F)");
  if (ImGui::Button("Backups (F)") || (!ui.typing && !ImGui::GetIO().KeyCtrl && typed_letter('f'))) {
    ui.send(app::Navigate{app::Screen::Backups});
  }
  same_line_if_fits("Mock exam (M)");
  if (ImGui::Button("Mock exam (M)") || (!ui.typing && !ImGui::GetIO().KeyCtrl && typed_letter('m'))) {
    ui.send(app::Navigate{app::Screen::Exam});
  }
}

}  // namespace casebook::ui
