// A dilemma written as a case on the study screen (issue 14): the brief before the answer
// (protagonist, deadline, situation, constraints, exhibits, decision), the levelled rubric,
// and after the answer the model answers, the epilogue and the debrief questions.
#include <string>

#include "ui/study_screen.hpp"
#include "ui/theme.hpp"

namespace casebook::ui::study_case {

namespace {

/// A bold label, then the text wrapped after it.
void labelled(UiContext& ui, const char* label, const std::string& text) {
  if (text.empty()) return;
  text_in(ui.fonts->bold, label);
  wrapped_text(text);
}

void bullet(const std::string& text, const ImVec4& colour = kColorText) {
  ImGui::Bullet();
  ImGui::SameLine();
  wrapped_text(text, colour);
}

}  // namespace

void draw_brief(const app::CaseView& c, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  study_widgets::begin_panel();
  text_in(ui.fonts->bold, "The case");
  wrapped_text(c.role.empty() ? "You are: " + c.protagonist : "You are: " + c.protagonist + ". " + c.role);
  if (!c.deadline.empty()) wrapped_text("Deadline: " + c.deadline, kColorNotice);
  ImGui::Dummy(ImVec2(0, 0.2f * em));
  labelled(ui, "Situation", c.situation);
  if (!c.constraints.empty()) {
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    text_in(ui.fonts->bold, "Constraints");
    for (const auto& k : c.constraints) bullet(k.kind + ": " + k.text);
  }
  if (!c.exhibits.empty()) {
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    text_in(ui.fonts->bold, "Exhibits");
    for (std::size_t i = 0; i < c.exhibits.size(); ++i) {
      const auto& e = c.exhibits[i];
      wrapped_text("Exhibit " + std::to_string(i + 1) + ": " + e.title, kColorAccent);
      ImGui::Indent(1.2f * em);
      wrapped_text(e.text);
      if (!e.cited.empty()) wrapped_text(e.cited, kColorMuted);
      ImGui::Unindent(1.2f * em);
    }
  }
  ImGui::Dummy(ImVec2(0, 0.2f * em));
  labelled(ui, "Your decision", c.decision);
  study_widgets::end_panel(kColorPanel, ImGui::GetStyle().Colors[ImGuiCol_Border]);
  ImGui::Dummy(ImVec2(0, 0.3f * em));
}

void draw_levels(const app::CaseView& c, const app::FeedbackView& fb, UiContext& ui) {
  for (std::size_t i = 0; i < c.criteria.size() && i < 8; ++i) {
    const auto& k = c.criteria[i];
    const int chosen = i < fb.rubric_levels.size() ? fb.rubric_levels[i] : -1;
    const char letter = static_cast<char>('A' + i);
    ImGui::PushID(static_cast<int>(i));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%c", letter);
    // The level buttons first, in the same place for every criterion; the title after them
    // wraps at the edge, so a long one never pushes a button out of the window.
    for (std::size_t l = 0; l < k.levels.size(); ++l) {
      ImGui::SameLine();
      ImGui::PushID(static_cast<int>(l));
      if (ImGui::RadioButton(std::to_string(l).c_str(), chosen == static_cast<int>(l))) {
        ui.send(app::SetRubricLevel{static_cast<int>(i), static_cast<int>(l)});
      }
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        unformatted_text(k.levels[l]);  // the bank's words, in drawing order
        ImGui::EndTooltip();
      }
      ImGui::PopID();
    }
    ImGui::SameLine();
    if (ui.fonts->bold != nullptr) ImGui::PushFont(ui.fonts->bold);
    wrapped_text(k.title);
    if (ui.fonts->bold != nullptr) ImGui::PopFont();
    // The letter steps through the levels: none -> 0 -> 1 ... -> top -> 0.
    if (typed_letter(letter)) {
      const int next = chosen + 1 < static_cast<int>(k.levels.size()) ? chosen + 1 : 0;
      ui.send(app::SetRubricLevel{static_cast<int>(i), next});
    }
    ImGui::Indent(1.6f * ImGui::GetFontSize());
    wrapped_text(chosen >= 0 ? k.levels[static_cast<std::size_t>(chosen)] : "Not assessed yet", kColorMuted);
    ImGui::Unindent(1.6f * ImGui::GetFontSize());
    ImGui::PopID();
  }
}

void draw_debrief(const app::CaseView& c, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  ImGui::Dummy(ImVec2(0, 0.6f * em));
  text_in(ui.fonts->bold, "Model answers (they reach different conclusions)");
  for (const auto& a : c.model_answers) {
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    wrapped_text(a.position + ": " + a.conclusion, kColorAccent);
    wrapped_text(a.justification);
  }
  if (!c.epilogue.empty()) {
    ImGui::Dummy(ImVec2(0, 0.4f * em));
    labelled(ui, "What happened next", c.epilogue);
    if (!c.epilogue_cited.empty()) wrapped_text(c.epilogue_cited, kColorMuted);
  }
  if (!c.debrief.empty()) {
    ImGui::Dummy(ImVec2(0, 0.4f * em));
    text_in(ui.fonts->bold, "Debrief");
    for (const auto& d : c.debrief) bullet(d);
  }
}

}  // namespace casebook::ui::study_case
