#include "ui/exam_screen.hpp"

#include <algorithm>
#include <string>

#include "ui/theme.hpp"

namespace casebook::ui {

namespace {

bool ctrl() { return ImGui::GetIO().KeyCtrl; }

}  // namespace

void ExamScreen::draw(const app::ExamView& view, UiContext& ui) {
  if (view.phase == app::ExamPhase::Result && m_last_phase != app::ExamPhase::Result) ++m_results;
  m_last_phase = view.phase;
  switch (view.phase) {
    case app::ExamPhase::Setup: draw_setup(view, ui); break;
    case app::ExamPhase::Taking: draw_taking(view, ui); break;
    case app::ExamPhase::Result:
      m_list = false;
      draw_exam_result(view, ui, m_results);
      break;
  }
}

void ExamScreen::draw_setup(const app::ExamView& view, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Mock exam");
  hint_text("Up/Down: a preset or a custom exam · Left/Right: minutes · Ctrl+Left/Right: questions (custom) · "
            "Shift: by 10 · M: marking · P: practice run · Enter: start · Esc: back");
  ImGui::Dummy(ImVec2(0, 0.4f * em));
  app::ExamSetup s = view.setup;
  const bool keys = !ui.typing;
  const int rows = static_cast<int>(view.presets.size()) + 1;  // the presets, then "Custom exam"
  int row = s.preset < 0 ? rows - 1 : s.preset;
  for (int i = 0; i < rows; ++i) {
    ImGui::PushID(i);
    const bool custom = i == rows - 1;
    const std::string title = custom ? std::string("Custom exam: questions at random from every course bank")
                                     : label(view.presets[static_cast<std::size_t>(i)].title);  // the bank's
    ImGui::PushStyleColor(ImGuiCol_Header, kColorAccentSoft);
    if (ImGui::Selectable(title.c_str(), row == i)) row = i;
    ImGui::PopStyleColor();
    ImGui::Indent(1.2f * em);
    hint_text(custom ? "spread over the topics by their number of questions; no dilemmas"
                     : view.presets[static_cast<std::size_t>(i)].line);
    ImGui::Unindent(1.2f * em);
    ImGui::PopID();
  }
  if (keys && up_pressed() && row > 0) --row;
  if (keys && down_pressed() && row + 1 < rows) ++row;
  s.preset = row == rows - 1 ? -1 : row;

  ImGui::Dummy(ImVec2(0, 0.5f * em));
  const int step = ImGui::GetIO().KeyShift ? 10 : 1;
  ImGui::SetNextItemWidth(8.0f * em);
  ImGui::InputInt("minutes (0: no time limit; Left/Right)", &s.minutes, 1, 10);
  if (keys && !ctrl() && left_pressed()) s.minutes -= step;
  if (keys && !ctrl() && right_pressed()) s.minutes += step;
  if (s.preset < 0) {
    ImGui::SetNextItemWidth(8.0f * em);
    ImGui::InputInt("questions (Ctrl+Left/Right)", &s.count, 1, 10);
    ImGui::SetNextItemWidth(8.0f * em);
    ImGui::InputInt("pass mark, %", &s.pass_mark, 5, 10);
  }
  if (keys && ctrl() && left_pressed()) s.count -= step;
  if (keys && ctrl() && right_pressed()) s.count += step;
  ImGui::Checkbox("Mark each answer when it is given (M)", &s.mark_each);
  if (keys && typed_letter('m')) s.mark_each = !s.mark_each;
  ImGui::Checkbox("Practice run: leave the schedule alone (P)", &s.practice);
  if (keys && typed_letter('p')) s.practice = !s.practice;
  wrapped_text(s.practice ? "A practice run: the attempt and its score are kept, but your answers do not change "
                            "when cards are due."
                          : "Your answers count as reviews (right: Good, wrong: Again): they are real recall, so "
                            "the schedule follows them. Unanswered questions change nothing.",
               kColorMuted);
  if (!(s == view.setup)) ui.send(app::SetExamSetup{s});
  if (!view.message.empty()) wrapped_text(view.message, kColorNotice);
  ImGui::Dummy(ImVec2(0, 0.5f * em));
  if (styled_button("Start the exam  (Enter)", ImVec2(0, 0), true) || (keys && enter_pressed())) {
    ui.send(app::StartExam{});
  }
  same_line_if_fits("Back (Esc)");
  if (styled_button("Back (Esc)", ImVec2(0, 0), false) || (keys && escape_pressed())) ui.send(app::Back{});
}

void ExamScreen::draw_taking(const app::ExamView& view, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  // Header: question k of N and the unanswered on the left, the time left on the right.
  const std::string progress = "Question " + std::to_string(view.current + 1) + " of " + std::to_string(view.total) +
                               "   ·   " + std::to_string(view.unanswered) + " unanswered" +
                               (view.practice ? "   ·   practice run" : "");
  text_in(ui.fonts->bold, progress);
  if (view.time_limit_ms > 0) {
    const std::string left = "Time left  " + view.time_left;
    ImGui::PushFont(ui.fonts->heading);
    const float w = ImGui::CalcTextSize(left.c_str()).x;
    ImGui::PopFont();
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - w));
    const bool short_time = view.time_left_ms < 60'000;
    text_in(ui.fonts->heading, left, short_time ? &kColorWrong : &kColorAccent);
  }
  hint_text(view.title);
  ImGui::Separator();
  if (view.confirm_hand_in || m_list) {
    if (view.confirm_hand_in) draw_confirm(view, ui);
    else draw_list(view, ui);
    return;
  }
  const app::CardView& card = view.card;
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  if (card.type == core::QuestionType::Dilemma && !card.scenario.empty()) {
    study_widgets::begin_panel();
    text_in(ui.fonts->bold, "Scenario");
    unformatted_text(card.scenario);
    study_widgets::end_panel(kColorPanel, ImGui::GetStyle().Colors[ImGuiCol_Border]);
  }
  ImGui::PushFont(ui.fonts->prompt);
  wrapped_text(card.prompt);
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, 0.4f * em));
  const bool keys = !ui.typing;
  if (view.assessing >= 0 && view.feedback) {
    draw_assessment(view, *view.feedback, ui);
    return;
  }
  const auto nav_buttons = [&] {
    same_line_if_fits("Previous (←)");
    if (ImGui::Button("Previous (←)")) ui.send(app::GoToExamQuestion{view.current - 1});
    same_line_if_fits("Next (→)");
    if (ImGui::Button("Next (→)")) ui.send(app::GoToExamQuestion{view.current + 1});
    same_line_if_fits("Skip (S)");
    if (ImGui::Button("Skip (S)")) ui.send(app::SkipExamQuestion{});
    same_line_if_fits("Questions (L)");
    if (ImGui::Button("Questions (L)")) m_list = true;
    same_line_if_fits("Hand in (H)");
    if (ImGui::Button("Hand in (H)")) ui.send(app::HandInExam{});
  };
  if (view.feedback) {
    draw_marked(view, *view.feedback, ui);
    if (styled_button("Next  (Enter)", ImVec2(10.0f * em, 0), true) || (keys && enter_pressed())) {
      ui.send(app::GoToExamQuestion{view.current + 1});
    }
    nav_buttons();
  } else {
    if (!view.given.empty()) wrapped_text("Your answer so far: " + view.given + "  (answer again to change it)", kColorMuted);
    // An answered question's box waits for Tab: a letter key (H, S, L) typed into it would
    // become a new answer on Enter.
    if (const auto answer = m_answer.draw_answer_input(card, ui, "Answer  (Enter)", nav_buttons, view.given.empty())) {
      ui.send(app::SubmitAnswer{*answer});
    }
  }
  if (!view.message.empty()) wrapped_text(view.message, kColorNotice);
  if (!keys) return;
  if (tab_pressed()) m_answer.focus_text(card);  // back into the answer box (Escape leaves it)
  if (left_pressed() && view.current > 0) ui.send(app::GoToExamQuestion{view.current - 1});
  if (right_pressed() && view.current + 1 < view.total) ui.send(app::GoToExamQuestion{view.current + 1});
  if (typed_letter('s')) ui.send(app::SkipExamQuestion{});
  if (typed_letter('h')) ui.send(app::HandInExam{});
  if (typed_letter('l')) {
    m_list = true;
    m_list_sel = view.current;
  }
}

void ExamScreen::draw_marked(const app::ExamView& view, const app::FeedbackView& fb, UiContext& ui) {
  const ImVec4& tone = fb.tone == app::Tone::Correct ? kColorCorrect : fb.tone == app::Tone::Wrong ? kColorWrong : kColorText;
  text_in(ui.fonts->heading, fb.verdict, &tone);
  if (!fb.rows.empty()) {
    study_widgets::feedback_rows(fb);
  } else {
    wrapped_text("Your answer: " + fb.given);
    if (fb.show_expected) wrapped_text("Correct answer: " + fb.expected);
  }
  if (!view.card.explanation.empty()) wrapped_text(view.card.explanation, kColorMuted);
  if (!view.card.citation.empty()) hint_text("Source: " + view.card.citation);
  ImGui::Dummy(ImVec2(0, 0.4f * ImGui::GetFontSize()));
}

void ExamScreen::draw_assessment(const app::ExamView& view, const app::FeedbackView& fb, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->bold, "Handed in. Assess your answer to this dilemma against its rubric");
  wrapped_text("Your answer: " + fb.given);
  if (!view.card.model_answer.empty()) wrapped_text("Model answer: " + view.card.model_answer, kColorMuted);
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  const bool keys = !ui.typing;
  for (std::size_t i = 0; i < view.card.rubric.size() && i < 8; ++i) {
    const bool met = i < fb.rubric_met.size() && fb.rubric_met[i];
    const char letter = static_cast<char>('a' + i);
    bool tick = met;
    ImGui::PushID(static_cast<int>(i));
    bool clicked = ImGui::Checkbox("##r", &tick);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    wrapped_text(std::string(1, static_cast<char>('A' + i)) + "  " + view.card.rubric[i]);  // a long line wraps
    clicked = clicked || ImGui::IsItemClicked();
    if (clicked || (keys && typed_letter(letter))) ui.send(app::SetRubric{static_cast<int>(i), !met});
    ImGui::PopID();
  }
  text_in(ui.fonts->bold, fb.verdict);
  hint_text("A-H: tick the rubric lines your answer met · Enter: go on (it counts as right with at least half)");
  if (styled_button("Go on  (Enter)", ImVec2(0, 0), true) || (keys && enter_pressed())) ui.send(app::HandInExam{true});
}

void ExamScreen::draw_list(const app::ExamView& view, UiContext& ui) {
  text_in(ui.fonts->bold, "Questions");
  hint_text("Up/Down: choose · Enter: go to it · Esc: close the list");
  const int n = static_cast<int>(view.list.size());
  m_list_sel = std::clamp(m_list_sel, 0, std::max(0, n - 1));
  bool go = false;
  if (!ui.typing) {
    if (up_pressed() && m_list_sel > 0) --m_list_sel;
    if (down_pressed() && m_list_sel + 1 < n) ++m_list_sel;
    go = enter_pressed();
    if (escape_pressed() || typed_letter('l')) m_list = false;
  }
  for (int i = 0; i < n; ++i) {
    const app::ExamListRow& row = view.list[static_cast<std::size_t>(i)];
    const std::string state = row.correct ? (*row.correct ? "✓ right" : "✗ wrong")
                              : row.answered ? "answered"
                                             : "unanswered";
    // Cut to the window with "…" (a Selectable is clipped, not wrapped: the cut was invisible).
    const std::string line =
        fit_text(std::to_string(row.number) + ".  [" + state + "]  " + label(row.prompt), ImGui::GetContentRegionAvail().x);
    ImGui::PushID(i);
    ImGui::PushStyleColor(ImGuiCol_Header, kColorAccentSoft);
    if (!row.answered) ImGui::PushStyleColor(ImGuiCol_Text, kColorNotice);
    if (ImGui::Selectable(line.c_str(), i == m_list_sel)) {
      m_list_sel = i;
      go = true;
    }
    if (i == m_list_sel) ImGui::SetItemDefaultFocus();
    if (!row.answered) ImGui::PopStyleColor();
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
  if (go && n > 0) {
    ui.send(app::GoToExamQuestion{m_list_sel});
    m_list = false;
  }
}

void ExamScreen::draw_confirm(const app::ExamView& view, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  ImGui::Dummy(ImVec2(0, 0.6f * em));
  text_in(ui.fonts->heading, "Hand in?");
  wrapped_text(view.unanswered == 1 ? std::string("1 question is unanswered; it counts as wrong.")
                                    : std::to_string(view.unanswered) + " questions are unanswered; they count as wrong.",
               kColorNotice);
  ImGui::Dummy(ImVec2(0, 0.4f * em));
  const bool keys = !ui.typing;
  if (styled_button("Hand in  (Y)", ImVec2(0, 0), true) || (keys && (typed_letter('y') || enter_pressed()))) {
    ui.send(app::HandInExam{true});
  }
  same_line_if_fits("Go on answering  (N)");
  if (styled_button("Go on answering  (N)", ImVec2(0, 0), false) || (keys && (typed_letter('n') || escape_pressed()))) {
    ui.send(app::CancelHandIn{});
  }
}

}  // namespace casebook::ui
