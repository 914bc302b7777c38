#include "ui/home_screen.hpp"

#include <algorithm>
#include <string>

#include "platform/keys.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

void draw_bank_table(const app::HomeView& home) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("banks", 5, flags)) return;
  const float num_w = 4.5f * ImGui::GetFontSize();
  ImGui::TableSetupColumn("Bank", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("New", ImGuiTableColumnFlags_WidthFixed, num_w);
  ImGui::TableSetupColumn("Learning", ImGuiTableColumnFlags_WidthFixed, num_w);
  ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, num_w);
  ImGui::TableSetupColumn("Cards", ImGuiTableColumnFlags_WidthFixed, num_w);
  ImGui::TableHeadersRow();
  int index = 0;
  for (const auto& bank : home.banks) {
    ImGui::PushID(index++);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    if (bank.loaded) {
      wrapped_text(bank.title.empty() ? bank.id : bank.title);
      for (int col = 1; col <= 4; ++col) {
        ImGui::TableSetColumnIndex(col);
        const int v = col == 1 ? bank.new_count
                    : col == 2 ? bank.learning_count
                    : col == 3 ? bank.due_count
                               : bank.total;
        const std::string s = std::to_string(v);
        if (v == 0) ImGui::TextDisabled("%s", s.c_str());
        else ImGui::TextUnformatted(s.c_str());
      }
    } else {
      wrapped_text(bank.title.empty() ? bank.path : bank.title);
      wrapped_text("✗ failed to load (see below)", kColorWrong);
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

/// Below the table: every bank with diagnostics, in a panel that opens to list them as
/// "file:line:col: error: message [code]".
void draw_diagnostics(const app::HomeView& home) {
  int index = 0;
  for (const auto& bank : home.banks) {
    if (bank.diagnostics.empty()) continue;
    ImGui::PushID(index++);
    const std::size_t n = bank.diagnostics.size();
    std::string label = bank.loaded
        ? (bank.title + ": " + std::to_string(n) + (n == 1 ? " warning" : " warnings"))
        : (bank.path + " failed to load: " + std::to_string(n) + (n == 1 ? " problem" : " problems"));
    ImGui::PushStyleColor(ImGuiCol_Text, bank.loaded ? kColorNotice : kColorWrong);
    // A bank that failed to load shows its problems at once: no mouse needed to read them.
    const ImGuiTreeNodeFlags flags =
        ImGuiTreeNodeFlags_SpanAvailWidth | (bank.loaded ? 0 : ImGuiTreeNodeFlags_DefaultOpen);
    const bool open = ImGui::TreeNodeEx("diag", flags, "%s", label.c_str());
    ImGui::PopStyleColor();
    if (open) {
      for (const auto& line : bank.diagnostic_lines) wrapped_text(line);
      if (!bank.loaded) hint_text("Fix the file (casebook validate FILE shows the same list), then press F5.");
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
}

/// The next button beside the last one when a button labelled `label` fits, else on the next line.
void same_line_if_fits(const char* label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float w = ImGui::CalcTextSize(label).x + 2.0f * style.FramePadding.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + w <= right) ImGui::SameLine();
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
                            " a day (B)";
  if (ImGui::Button(label.c_str()) || (!ui.typing && typed_letter('b'))) {
    ui.send(app::SpreadBacklog{m_days, m_pause_new});
  }
}

void HomeScreen::draw(const app::HomeView& home, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Casebook");
  {
    ImGui::TextDisabled("Learner");
    ImGui::SameLine();
    ImGui::TextUnformatted(home.learner.c_str());
    ImGui::TextDisabled("Progress file");
    ImGui::SameLine();
    wrapped_text(home.db_path);
  }
  ImGui::Dummy(ImVec2(0, 0.5f * em));

  // The session: one big button with the numbers behind it.
  const int total = home.new_available + home.learning_due + home.review_due;
  std::string label;
  if (total > 0) {
    label = "Study " + std::to_string(total) + (total == 1 ? " card" : " cards") + "   (Enter)";
  } else {
    label = "Nothing to study right now";
  }
  ImGui::PushFont(ui.fonts->heading);
  const bool clicked =
      styled_button(label.c_str(), ImVec2(ImGui::GetContentRegionAvail().x, 0), true, total > 0);
  ImGui::PopFont();
  if ((clicked || (enter_pressed() && !ui.typing)) && total > 0) ui.send(app::StartSession{});
  {
    const std::string breakdown = std::to_string(home.new_available) + " new  ·  " +
                                  std::to_string(home.learning_due) + " learning  ·  " +
                                  std::to_string(home.review_due) + " to review";
    const float w = ImGui::CalcTextSize(breakdown.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::max(0.0f, (ImGui::GetContentRegionAvail().x - w) * 0.5f));
    ImGui::TextDisabled("%s", breakdown.c_str());
  }

  if (!home.message.empty()) {
    ImGui::Dummy(ImVec2(0, 0.25f * em));
    wrapped_text(home.message, kColorNotice);
  }
  if (!home.exam_lines.empty() || home.backlog.offer || !home.backlog.active.empty()) {
    ImGui::Dummy(ImVec2(0, 0.25f * em));
    for (const std::string& line : home.exam_lines) wrapped_text(line);
    draw_backlog(home.backlog, ui);
  }

  ImGui::Dummy(ImVec2(0, 0.75f * em));
  text_in(ui.fonts->bold, "Question banks");
  if (home.banks.empty()) {
    hint_text("No banks found. Start Casebook with --bank FILE_OR_FOLDER to add some.");
  } else {
    draw_bank_table(home);
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
}

}  // namespace casebook::ui
