#include "ui/card_info_screen.hpp"

#include "ui/theme.hpp"

namespace casebook::ui {

namespace {

void section(UiContext& ui, const char* title) {
  ImGui::Dummy(ImVec2(0, 0.4f * ImGui::GetFontSize()));
  text_in(ui.fonts->bold, title);
}

void draw_figures(const app::CardInfoView& v) {
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("figures", 3, flags)) return;
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthFixed, 7.5f * em);
  ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthFixed, 13.0f * em);
  ImGui::TableSetupColumn("Meaning", ImGuiTableColumnFlags_WidthStretch);
  for (const auto& f : v.figures) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(f.label.c_str());
    ImGui::TableSetColumnIndex(1);
    wrapped_text(f.value);
    ImGui::TableSetColumnIndex(2);
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    wrapped_text(f.meaning);
    ImGui::PopStyleColor();
  }
  ImGui::EndTable();
}

void draw_history(const app::CardInfoView& v) {
  if (v.history.empty()) {
    hint_text("No reviews yet.");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("history", 6, flags)) return;
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, 10.0f * em);
  ImGui::TableSetupColumn("Rating", ImGuiTableColumnFlags_WidthFixed, 4.0f * em);
  ImGui::TableSetupColumn("Result", ImGuiTableColumnFlags_WidthFixed, 6.0f * em);
  ImGui::TableSetupColumn("Answer given", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed, 3.5f * em);
  ImGui::TableSetupColumn("Next in", ImGuiTableColumnFlags_WidthFixed, 4.0f * em);
  ImGui::TableHeadersRow();
  for (const auto& h : v.history) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(h.when.c_str());
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(h.rating.c_str());
    ImGui::TableSetColumnIndex(2);
    if (h.result == "correct" || h.result == "wrong") {
      ImGui::TextColored(h.result == "correct" ? kColorCorrect : kColorWrong, "%s", h.result.c_str());
    } else {
      ImGui::TextUnformatted(h.result.c_str());  // "not assessed": no verdict, no colour
    }
    ImGui::TableSetColumnIndex(3);
    wrapped_text(h.answer);
    ImGui::TableSetColumnIndex(4);
    ImGui::TextUnformatted(h.time.c_str());
    ImGui::TableSetColumnIndex(5);
    ImGui::TextUnformatted(h.interval.c_str());
  }
  ImGui::EndTable();
}

}  // namespace

void CardInfoScreen::draw(const app::CardInfoView& v, UiContext& ui) {
  text_in(ui.fonts->heading, "Card info");
  hint_text(v.card_key + "   ·   " + v.bank_title + (v.topics.empty() ? "" : "   ·   " + v.topics) + "   ·   " + v.type);
  const bool form_open = m_actions.draw(CardActionTarget{v.card_key, v.suspended, v.flag}, true, ui);
  if (!v.notice.empty()) wrapped_text(v.notice, kColorNotice);
  if (!v.marks.empty()) wrapped_text(v.marks, kColorNotice);
  if (!form_open && !ui.typing && escape_pressed()) ui.send(app::Back{});

  ImGui::BeginChild("##card_info_body", ImVec2(0, 0), false);
  if (!form_open && !ui.typing) scroll_keys();
  section(ui, "Question");
  ImGui::PushFont(ui.fonts->prompt);
  wrapped_text(v.question);
  ImGui::PopFont();
  for (const auto& o : v.options) wrapped_text(o);
  section(ui, "Answer");
  wrapped_text(v.answer, kColorCorrect);
  if (!v.explanation.empty()) wrapped_text(v.explanation);
  if (!v.rubric.empty()) {
    // The criteria a justification is judged by: not answers, so not in the answer's colour.
    section(ui, "Rubric");
    wrapped_text(v.rubric);
  }
  if (!v.source.empty()) {
    section(ui, "Source");
    wrapped_text(v.source);
  }
  section(ui, "Schedule");
  wrapped_text(v.schedule);
  draw_figures(v);
  section(ui, "Review history");
  draw_history(v);
  if (!v.events.empty()) {
    section(ui, "Your actions on this card");
    for (const auto& e : v.events) wrapped_text(e);
  }
  ImGui::EndChild();
}

}  // namespace casebook::ui
