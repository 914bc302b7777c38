// The mock exam screen (issue 11): the set-up page (a bank's presets or a custom exam, time
// limit, marking, practice run), the exam being taken (question k of N, the timer counting
// down, next / previous / skip, the question list, hand-in with confirmation) and, drawn by
// exam_result_screen.cpp, the result page. Keeps only widget drafts; state is app::ExamView.
#pragma once
#include "app/exam_view.hpp"
#include "ui/study_screen.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class ExamScreen {
 public:
  /// Draws `view` and queues at most one action. Keys: set-up: Up/Down a preset (or the
  /// custom exam), Left/Right the minutes and Ctrl+Left/Right the custom exam's questions
  /// (Shift: by 10), M marking (end / each answer), P practice run, Enter start, Esc back.
  /// Taking (never while a text box has focus; Escape leaves it, Tab goes back into it): the
  /// answer keys of the study screen and Enter to answer, Left/Right previous/next, S skip, L the question list (Up/Down, Enter
  /// jumps, Esc closes), H hand in (Y or Enter confirms, N or Esc goes on); then, for each
  /// dilemma answered, A-H tick its rubric lines and Enter goes on. Result:
  /// Up/Down/PgUp/PgDn scroll, Enter or Esc back to Home.
  void draw(const app::ExamView& view, UiContext& ui);

  /// The time left, drawn large (the GUI asks for a frame every half second meanwhile).
  [[nodiscard]] static bool timer_running(const app::ExamView& view) {
    return view.phase == app::ExamPhase::Taking && view.time_limit_ms > 0;
  }

 private:
  void draw_setup(const app::ExamView& view, UiContext& ui);
  void draw_taking(const app::ExamView& view, UiContext& ui);
  void draw_list(const app::ExamView& view, UiContext& ui);
  void draw_confirm(const app::ExamView& view, UiContext& ui);
  /// A dilemma's self-assessment after hand-in: its answer, model answer and rubric to tick.
  void draw_assessment(const app::ExamView& view, const app::FeedbackView& fb, UiContext& ui);
  void draw_marked(const app::ExamView& view, const app::FeedbackView& fb, UiContext& ui);

  StudyScreen m_answer;     ///< the answer widgets of the study screen
  bool m_list = false;      ///< the question list is open
  int m_list_sel = 0;
  app::ExamPhase m_last_phase = app::ExamPhase::Setup;
  int m_results = 0;        ///< result pages opened so far (each scrolls on its own)
};

/// The result page: score and pass or fail, time taken, score per topic, and every question
/// with the answer given, the correct answer, the explanation and the source. `showing`
/// numbers the opening of a result page: a new one starts at its top.
void draw_exam_result(const app::ExamView& view, UiContext& ui, int showing);

}  // namespace casebook::ui
