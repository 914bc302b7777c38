// `casebook study`: a study session in the terminal, the second front end on the same
// app::Controller and Actions as the window. Reads the learner's answers one line at a time
// (from a keyboard, a pipe or a file) and prints plain lines (term/render.hpp).
#pragma once
#include <iosfwd>
#include <string>

#include "app/controller.hpp"

namespace casebook::term {

/// How `casebook study` runs.
struct StudyOptions {
  int limit = 0;       ///< stop after this many recorded answers (then the summary); 0 = none
  bool color = false;  ///< ANSI colours (run_study_terminal turns them off unless stdout is a terminal)
  app::StudyScope scope;  ///< what to study (--bank-id, --topic); default: every course bank
  app::StudyMode mode = {};  ///< custom study (--mode, --days, --count); default: normal study
};

/// Runs one session on `controller`, which must be on the Home screen: prints the intro,
/// sends StartSession, then for each card prints it, reads the answer (term/input.hpp),
/// sends SubmitAnswer, prints the feedback, reads a dilemma's rubric ticks (SetRubric) and
/// the rating (Rate, or Continue for Enter), and prints the summary when the session ends.
/// "u" at any prompt sends Undo: the last rating is taken back and that card asked again.
/// When only learning cards are left and none is due, says when the next one is and waits
/// for it on Enter (ResumeSession), or ends on "q".
/// A line that does not parse, or an answer app::answer_problem refuses, gets one sentence
/// and the same prompt again; nothing typed so far is dropped.
///
/// "q" or the end of `in` ends the session with LeaveSession (an answer on the feedback
/// screen is recorded with its selected rating first, as Escape does in the window). Every
/// answer is committed before the next card is printed. When a write fails the app's message
/// is printed and the rating asked again; if the input has ended by then, the message also
/// goes to `err` and 1 is returned. Otherwise returns 0 (also when nothing is due).
[[nodiscard]] int run_study(app::Controller& controller, std::istream& in, std::ostream& out, std::ostream& err,
                            const StudyOptions& options);

/// run_study on standard input, output and error. Colour only when `options.color` is set and
/// standard output is a terminal. Ctrl+C (SIGINT) while a line is awaited ends the session as
/// the end of input does (the answer on the feedback screen is recorded first).
[[nodiscard]] int run_study_terminal(app::Controller& controller, StudyOptions options);

}  // namespace casebook::term
