// The study screen after the answer: the verdict (app::FeedbackView says it in words), the
// correct answer, a dilemma's rubric and model answer, the explanation and source, and the
// four rating buttons with their intervals (a dilemma's right under its rubric).
#include <algorithm>
#include <string>

#include "app/study_text.hpp"
#include "ui/study_screen.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {

using core::QuestionType;
using study_widgets::Mark;
using study_widgets::option_row;

namespace {

void rating_keys(const app::FeedbackView& fb, UiContext& ui) {
  const int digit = typed_digit();
  if (escape_pressed()) {
    ui.send(app::LeaveSession{});
  } else if (fb.rubric_pending) {
    return;  // no rating until the rubric is ticked or skipped
  } else if (digit >= 1 && digit <= 4) {
    ui.send(app::Rate{static_cast<core::Rating>(digit)});
  } else if (enter_pressed()) {
    ui.send(app::Continue{});
  } else if (left_pressed() && fb.selected != core::Rating::Again) {
    ui.send(app::SelectRating{static_cast<core::Rating>(static_cast<int>(fb.selected) - 1)});
  } else if (right_pressed() && fb.selected != core::Rating::Easy) {
    ui.send(app::SelectRating{static_cast<core::Rating>(static_cast<int>(fb.selected) + 1)});
  }
}

void draw_verdict(const app::FeedbackView& fb, UiContext& ui) {
  const ImVec4 col = fb.tone == app::Tone::Correct ? kColorCorrect : fb.tone == app::Tone::Wrong ? kColorWrong : kColorAccent;
  const ImVec4 soft =
      fb.tone == app::Tone::Correct ? kColorCorrectSoft : fb.tone == app::Tone::Wrong ? kColorWrongSoft : kColorAccentSoft;
  study_widgets::begin_panel();
  text_in(ui.fonts->heading, fb.verdict, &col);
  if (!fb.options.empty()) {
    for (std::size_t k = 0; k < fb.options.size(); ++k) {
      const app::OptionFeedback& o = fb.options[k];
      const Mark m = o.correct ? Mark::Correct : o.chosen ? Mark::Wrong : Mark::None;
      option_row(static_cast<int>(k) + 1, o.chosen ? o.text + "   — your answer" : o.text, m, false);
    }
    if (fb.show_expected) {
      ImGui::TextDisabled("Correct answer");
      ImGui::SameLine();
      ImGui::PushFont(ui.fonts->bold);
      unformatted_text(fb.expected);
      ImGui::PopFont();
    }
  } else if (!fb.rows.empty()) {
    study_widgets::feedback_rows(fb);  // the rows say what was given and what is correct
  } else {
    ImGui::TextDisabled("Your answer");
    unformatted_text(fb.given);
    if (fb.show_expected) {
      ImGui::TextDisabled("Correct answer");
      ImGui::PushFont(ui.fonts->bold);
      unformatted_text(fb.expected);
      ImGui::PopFont();
    }
  }
  study_widgets::end_panel(soft, col);
}

/// The self-assessment under the verdict: one tick per rubric line (A-H), and Skip (S).
void draw_rubric(const app::CardView& card, const app::FeedbackView& fb, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  const bool levelled = !card.case_view.criteria.empty();
  text_in(ui.fonts->bold, levelled ? "Self-assessment: the level your justification reached on each criterion"
                                   : "Self-assessment: tick what your justification did");
  const std::size_t lines = std::min<std::size_t>(card.rubric.size(), 8);
  if (levelled) study_case::draw_levels(card.case_view, fb, ui);
  for (std::size_t i = 0; i < lines && !levelled; ++i) {
    const bool met = i < fb.rubric_met.size() && fb.rubric_met[i];
    const char letter = static_cast<char>('A' + i);
    ImGui::PushID(static_cast<int>(i));
    bool v = met;
    const bool clicked = ImGui::Checkbox("##r", &v);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%c", letter);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    wrapped_text(card.rubric[i]);
    const bool text_clicked = ImGui::IsItemClicked();
    if (clicked || text_clicked || typed_letter(letter)) ui.send(app::SetRubric{static_cast<int>(i), !met});
    ImGui::PopID();
  }
  if (lines == 0) return;
  const std::string keys = std::string("A–") + static_cast<char>('A' + lines - 1);
  const std::string what = levelled ? " to step through a criterion's levels" : " to tick a line";
  if (fb.rubric_pending) {
    if (ImGui::Button("Skip the rubric  (S)") || typed_letter('s')) ui.send(app::SkipRubric{});
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    wrapped_text("Press " + keys + what + ", or S to skip: a rating is proposed after that.", kColorNotice);
  } else {
    hint_text("Press " + keys + (levelled ? what + "." : " to tick or untick a line."));
  }
}

/// Below the ratings: the model answer to compare with.
void draw_model_answer(const app::CardView& card, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  ImGui::Dummy(ImVec2(0, 0.6f * em));
  text_in(ui.fonts->bold, "Model answer");
  wrapped_text(card.model_answer);
}

}  // namespace

void StudyScreen::draw_feedback(const app::CardView& card, const app::FeedbackView& fb, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  rating_keys(fb, ui);  // keys first (the buttons below show the same choices)
  if (m_scroll_to_verdict) {
    // The feedback opens at the verdict: the prompt above scrolls away.
    ImGui::SetScrollHereY(0.0f);
    m_scroll_to_verdict = false;
  }
  draw_verdict(fb, ui);
  // A dilemma: the self-assessment and the ratings right under the verdict (reachable without
  // scrolling), the model answer, explanation and source after them.
  const bool dilemma = card.type == QuestionType::Dilemma;
  if (dilemma) {
    draw_rubric(card, fb, ui);
    draw_ratings(fb, ui);
    if (card.case_view.has()) {
      if (!card.model_answer.empty()) draw_model_answer(card, ui);
      study_case::draw_debrief(card.case_view, ui);
    } else {
      draw_model_answer(card, ui);
    }
  }
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  if (!card.explanation.empty()) {
    text_in(ui.fonts->bold, "Why");
    wrapped_text(card.explanation);
  }
  if (!card.citation.empty()) {
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    wrapped_text("Source: " + card.citation, kColorMuted);
  }
  if (!dilemma) draw_ratings(fb, ui);
}

void StudyScreen::draw_ratings(const app::FeedbackView& fb, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  // Rating buttons, the proposed one highlighted (none while a dilemma's rubric is pending).
  ImGui::Dummy(ImVec2(0, 0.6f * em));
  text_in(ui.fonts->bold, "How well did you know it?");
  if (fb.rubric_pending) ImGui::BeginDisabled();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float w = (ImGui::GetContentRegionAvail().x - 3 * spacing) / 4.0f;
  for (int r = 1; r <= 4; ++r) {
    const auto ru = static_cast<std::size_t>(r - 1);
    const bool selected = !fb.rubric_pending && static_cast<int>(fb.selected) == r;
    std::string label = std::to_string(r) + "  " + std::string(app::rating_name(static_cast<core::Rating>(r)));
    if (!fb.intervals[ru].empty()) label += "  " + fb.intervals[ru];
    if (selected) label += "  ◂";
    label += "##rate" + std::to_string(r);
    if (r > 1) ImGui::SameLine();
    if (selected) ImGui::PushFont(ui.fonts->bold);
    const bool clicked = styled_button(label.c_str(), ImVec2(w, 2.2f * em), selected);
    if (selected) ImGui::PopFont();
    if (clicked) ui.send(app::Rate{static_cast<core::Rating>(r)});
  }
  if (fb.rubric_pending) {
    ImGui::EndDisabled();
    hint_text("Rating opens once the rubric is ticked or skipped  ·  Esc: end session");
    return;
  }
  const std::string sel(app::rating_name(fb.selected));
  hint_text("1–4: rate and go on  ·  Enter: continue (" + sel + ")  ·  ←/→: change  ·  Esc: end session");
}

}  // namespace casebook::ui
