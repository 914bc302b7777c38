// The mock exam's result page (ExamScreen::draw with ExamPhase::Result).
#include <string>

#include "ui/exam_screen.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {

void draw_exam_result(const app::ExamView& view, UiContext& ui, int showing) {
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, view.title);
  text_in(ui.fonts->heading, view.score_line, view.passed ? &kColorCorrect : &kColorWrong);
  wrapped_text("Time taken: " + view.time_taken);
  if (view.practice) wrapped_text("A practice run: the schedule was left alone.", kColorMuted);
  else wrapped_text("Your answers were recorded as reviews: the schedule follows them.", kColorMuted);
  const bool keys = !ui.typing;
  if (styled_button("Back to Home  (Enter)", ImVec2(0, 0), true) || (keys && (enter_pressed() || escape_pressed()))) {
    ui.send(app::Back{});
  }
  hint_text("Up/Down/PgUp/PgDn/Home/End: scroll");
  ImGui::Separator();
  // One child per result page opened: a new result starts at its top, not where the last one
  // was scrolled to.
  ImGui::PushID(showing);
  ImGui::BeginChild("##exam-result", ImVec2(0, 0), false);
  if (keys) scroll_keys(ScrollArrows::UpDown);
  text_in(ui.fonts->bold, "Score per topic");
  for (const std::string& t : view.topic_lines) wrapped_text("•  " + t);
  ImGui::Dummy(ImVec2(0, 0.5f * em));
  text_in(ui.fonts->bold, "Every question");
  for (const app::ExamResultQuestion& q : view.questions) {
    ImGui::Separator();
    const std::string mark = q.correct ? "✓" : q.answered ? "✗" : "–";
    text_in(ui.fonts->bold, mark + "  " + std::to_string(q.number) + ".  " + q.topic,
            q.correct ? &kColorCorrect : &kColorWrong);
    wrapped_text(q.prompt);
    wrapped_text("Your answer: " + q.given, q.correct ? kColorCorrect : kColorWrong);
    if (!q.correct && !q.expected.empty()) wrapped_text("Correct answer: " + q.expected);
    if (!q.explanation.empty()) wrapped_text(q.explanation, kColorMuted);
    if (!q.source.empty()) hint_text("Source: " + q.source);
  }
  ImGui::EndChild();
  ImGui::PopID();
}

}  // namespace casebook::ui
