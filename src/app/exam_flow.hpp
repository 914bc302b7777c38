// A mock exam from the app's side (issue 11): set up from a bank's `[[exam]]` preset or from
// chosen banks and a number of questions, drawn with core::draw_exam, answered in any order
// (skip, revisit, a question list), timed on the app's clock (AppConfig::clock) with an
// automatic hand-in when time is up, scored with core::score_exam and stored durably: each
// answer as it is given, then the whole attempt with the review-log rows in one transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/exam_view.hpp"
#include "core/grading.hpp"
#include "core/mock_exam.hpp"

namespace casebook::app {

class ExamFlow {
 public:
  explicit ExamFlow(AppContext& ctx) : m_ctx(ctx) {}

  /// The set-up page over the loaded banks: their presets (bank order, then file order) and
  /// the banks a custom exam may draw from. The first preset is chosen (custom when none).
  void open();
  /// Changes the set-up form (numbers clamped to their ranges). Choosing another preset takes
  /// its minutes, pass mark, marking and dilemmas.
  void set_setup(const ExamSetup& setup);
  /// Draws the exam and stores the attempt (storage::Progress::start_exam) before the first
  /// question shows. False, with view().message, when nothing can be drawn or the write failed.
  bool start();
  /// The answer to the question on screen: graded and saved at once (save_exam_answer), not
  /// shown unless marked after each answer (then it is final and its verdict shows). Marked at
  /// the end, it may be changed until hand-in, and the next unanswered question follows.
  /// A failed write keeps nothing: view().message says so, and answering again retries.
  void answer(const core::Answer& answer);
  /// Shows question `index` (0-based; clamped).
  void go_to(int index);
  /// Leaves the question on screen unanswered and shows the next unanswered one after it.
  void skip();
  /// Hands in. With questions unanswered and `confirmed` false it only asks (view().confirm_hand_in).
  /// With dilemmas answered, each is then self-assessed first (view().assessing; the rubric
  /// ticks decide whether it counts as right); hand_in(true) moves from one to the next.
  /// Returns true when the exam was handed in (the result page shows).
  bool hand_in(bool confirmed);
  /// Self-assessment of a dilemma after hand-in (view().assessing): ticks rubric line `line`.
  void set_rubric(int line, bool met);
  /// Takes back the question "hand in anyway?".
  void cancel_hand_in() { m_view.confirm_hand_in = false; }
  /// The clock moved: the timer's text follows, and when the time limit has passed the exam
  /// is handed in as it stands (ExamResult timed_out). True when the view changed.
  bool tick();

  [[nodiscard]] const ExamView& view() const { return m_view; }
  [[nodiscard]] ExamPhase phase() const { return m_view.phase; }

 private:
  /// One drawn question while the exam runs.
  struct Item {
    std::string card_key, topic;
    std::vector<int> order;                 ///< display order of its options
    std::optional<core::Answer> answer;     ///< the answer given (saved)
    std::optional<core::Grade> grade;       ///< of `answer`
    std::int64_t spent_ms = 0;              ///< time on this question so far, ms
    std::int64_t answer_ms = 0;             ///< time on it until the answer was given, ms (the review's response time)
    bool assessed = false;                  ///< a dilemma's rubric was ticked after hand-in
  };

  [[nodiscard]] std::vector<core::ExamTopicCount> topic_counts(std::vector<core::ExamCandidate>& pool) const;
  bool finish(bool timed_out);
  /// Shows the next answered dilemma not self-assessed yet (true), or none is left (false).
  bool next_assessment();
  void leave_current();
  void show(int index);
  void refresh_taking();
  void build_result(const storage::ExamAttemptRow& stored, core::TimestampMs finished);

  AppContext& m_ctx;
  ExamView m_view;
  std::vector<Item> m_items;
  std::string m_preset;  ///< "<bank>/<id>" or "" (custom)
  std::uint64_t m_seed = 0;
  core::TimestampMs m_started = 0;
  core::TimestampMs m_shown_at = 0;
  core::TimestampMs m_handed_in_at = 0;  ///< when hand-in began (self-assessment takes no exam time)
  bool m_timed_out = false;
  std::uint64_t m_showing_id = 0;
};

}  // namespace casebook::app
