// The mock exam screen's view model and set-up form (issue 11, "Mock exams"): the set-up page
// (a bank's presets, or banks and a number of questions), the exam being taken (question k of
// N, the timer, the question list) and the result page. Built by app::ExamFlow.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/views.hpp"

namespace casebook::app {

/// Where a mock exam is: choosing it, answering it, or its result.
enum class ExamPhase { Setup, Taking, Result };

/// A bank's `[[exam]]` preset as offered on the set-up page.
struct ExamPresetRow {
  std::string bank_id, preset_id;  ///< the preset is "<bank_id>/<preset_id>"
  std::string title;
  std::string line;  ///< "20 questions · 30 min · pass 60 % · marked at the end"
  int questions = 0, minutes = 0, pass_mark = 50;
  bool mark_each = false, dilemmas = false;
};

/// The set-up form (also its action, SetExamSetup). A preset gives the topics, counts and
/// pass mark; minutes and marking start from the preset's and may be changed.
struct ExamSetup {
  int preset = 0;        ///< index into ExamView::presets; -1: a custom exam over `bank_ids`
  std::vector<std::string> bank_ids;  ///< custom: the banks to draw from (empty: every course bank)
  int count = 20;        ///< custom: questions in all (1..500), spread over the topics by their size
  int minutes = 0;       ///< time limit, 0..600; 0 = none
  int pass_mark = 50;    ///< custom: percent, 0..100 (a preset's own is used for a preset)
  bool mark_each = false;   ///< mark each answer when it is given (default: at hand-in)
  bool practice = false;    ///< a practice run: answers leave the schedule alone
  bool dilemmas = false;    ///< custom: dilemmas may be drawn (self-assessed at the end)
  std::uint64_t seed = 0;   ///< the draw's seed; 0: from the clock (AppConfig::session_seed when set)
  friend bool operator==(const ExamSetup&, const ExamSetup&) = default;
};

/// One question in the exam's list (jump to it; see what is still unanswered).
struct ExamListRow {
  int number = 0;            ///< 1-based
  bool answered = false;
  std::optional<bool> correct;  ///< marked after each answer: its verdict
  std::string prompt;        ///< first line, shortened
};

/// One question of the result page.
struct ExamResultQuestion {
  int number = 0;
  std::string card_key;
  std::string topic;         ///< the topic's title it was drawn for
  std::string prompt;
  bool answered = false, correct = false;
  std::string given;         ///< the learner's answer in words; "(not answered)"
  std::string expected;      ///< the correct answer in words (a dilemma: its model answer)
  std::string explanation;
  std::string source;        ///< the citation: "Soldatov, The Moscow Times, 14 May 2021, ¶12"
};

/// The mock exam screen.
struct ExamView {
  ExamPhase phase = ExamPhase::Setup;
  std::string message;  ///< why an exam could not start, a failed write, ...

  // Set-up.
  std::vector<ExamPresetRow> presets;
  std::vector<std::pair<std::string, std::string>> banks;  ///< custom: (bank id, title) of every loaded bank
  ExamSetup setup;

  // Taking (and the header of the result).
  std::string title;
  bool practice = false, mark_each = false;
  int current = 0;           ///< 0-based question on screen
  int total = 0;
  CardView card;             ///< the question on screen (card.showing_id changes with it)
  std::string given;         ///< the answer given to it so far, in words ("" when none)
  std::optional<FeedbackView> feedback;  ///< marked after each answer: its verdict once answered
  std::vector<ExamListRow> list;
  int unanswered = 0;
  std::int64_t time_limit_ms = 0;   ///< 0: no limit
  std::int64_t time_left_ms = 0;    ///< at ExamFlow::tick / the last action; counts down
  std::string time_left;            ///< "29:41"
  bool confirm_hand_in = false;     ///< "3 questions are unanswered: hand in anyway?"
  /// Handed in with dilemmas answered: the index of the one being self-assessed (its card,
  /// and in `feedback` its model answer and rubric ticks; SetRubric ticks, HandInExam{true}
  /// goes on); -1 otherwise. The clock has stopped.
  int assessing = -1;

  // Result.
  std::int64_t attempt_id = 0;
  int correct = 0, percent = 0, pass_mark = 0;
  bool passed = false, timed_out = false;
  std::string score_line;           ///< "14 of 20 (70 %) — passed (pass mark 60 %)"
  std::string time_taken;           ///< "12 min 05 s"
  std::vector<std::string> topic_lines;  ///< "Lurk: 2 of 3"
  std::vector<ExamResultQuestion> questions;
};

}  // namespace casebook::app
