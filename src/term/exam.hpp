// `casebook exam`: a mock exam in the terminal, the second front end on the same
// app::ExamFlow as the window's exam screen. Answers are read one line at a time (a keyboard,
// a pipe or a file); the result page is printed as plain lines.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "app/controller.hpp"

namespace casebook::term {

/// How `casebook exam` runs.
struct ExamOptions {
  std::string preset;                 ///< a preset's id ("mock-paper") or "<bank id>/<id>"; "" = a custom exam
  std::vector<std::string> bank_ids;  ///< custom exam: banks to draw from (empty: every course bank)
  int count = 20;                     ///< custom exam: questions in all
  int minutes = -1;                   ///< time limit (0: none); -1: the preset's (custom: none)
  bool practice = false;              ///< a practice run: the schedule is left alone
  bool color = false;                 ///< ANSI colours
};

/// Runs one exam on `controller` (on Home): the set-up from `options` (SetExamSetup,
/// StartExam), then each question in turn: printed with "Question k of N" and the time left,
/// its answer read as `casebook study` reads one (term/input.hpp; a dilemma takes its
/// position and justification on one line: "2 because ..."). An empty line or "s" skips it;
/// "q" or the end of input hands in at once. After the last question the skipped ones are
/// asked again once ("revisit"); then the exam is handed in (HandInExam, confirmed) and the
/// result page printed: score, pass or fail, time taken, score per topic, and every
/// question with the answer given, the correct answer, the explanation and the source.
/// When the time limit passes (the app's clock, read before each question) the exam is
/// handed in as it stands. Returns 0; 2 when the preset is unknown or nothing can be drawn
/// (the reason on `err`); 1 when the exam cannot be stored or handed in.
[[nodiscard]] int run_exam(app::Controller& controller, std::istream& in, std::ostream& out, std::ostream& err,
                           const ExamOptions& options);

}  // namespace casebook::term
