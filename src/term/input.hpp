// Reading the learner's lines in `casebook study`: an answer for each question type, a
// dilemma's position and rubric ticks, a rating, and the two commands. Pure functions of
// app::CardView: they turn text into the app's core::Answer (canonical indices, as the
// window builds it) or say in one sentence why a line does not parse. Whether an answer may
// be submitted is app::answer_problem's call, not theirs.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/views.hpp"

namespace casebook::term {

/// A line that is a command instead of an answer (ASCII case and surrounding spaces do not
/// matter): "q" or "quit" ends the session, "?" or "help" shows the instructions again.
enum class Command { None, Quit, Help, Undo };
[[nodiscard]] Command command_of(std::string_view line);

/// `line` without a trailing carriage return (a line from a CRLF file or pipe).
[[nodiscard]] std::string_view without_cr(std::string_view line);

/// An answer read from one line, or why the line does not parse: `error` is one sentence for
/// the learner, and `answer` is then empty.
struct ParsedAnswer {
  core::Answer answer;
  std::string error;
};

/// Reads the answer to a card answered on one line (every type but matching and dilemma):
/// - single choice: one display number, "2";
/// - multiple response: display numbers separated by spaces or commas, "1 3" (order and
///   repeats do not matter; with at most 9 choices "13" reads as "1 3");
/// - true/false: "t", "true", "1" or "f", "false", "2";
/// - short answer and numeric: the line as typed;
/// - ordering: every display number once, first to last, "3 1 2 4" (or "3124" with at most
///   9 items); an empty line keeps the starting order, as Enter does in the window.
/// An empty line otherwise gives an empty answer (app::answer_problem says whether it may be
/// submitted: no choice is refused, an empty typed answer means "I don't know").
[[nodiscard]] ParsedAnswer parse_answer(const app::CardView& card, std::string_view line);

/// The letter of matching option k (0-based display position): "a".."z", then "aa", "ab", ...
[[nodiscard]] std::string option_letter(int k);

/// Matching: reads pairs of a left item's number and an option's letter, "1b 2a 3c" (also
/// "1-b", "1:b", "1 b"; separated by spaces, commas or semicolons; letters in either case)
/// into `draft` (per left item, the display position of its option, -1 when unpaired; a
/// later pair for the same item replaces the earlier one). Returns "" or, when the line does
/// not parse, one sentence; `draft` is then unchanged.
[[nodiscard]] std::string add_pairs(const app::CardView& card, std::string_view line, std::vector<int>& draft);

/// "1", "1 and 3", "1, 3 and 4": numbers for a sentence.
[[nodiscard]] std::string number_list(const std::vector<int>& numbers);

/// Matching: the 1-based numbers of the left items not paired yet in `draft`.
[[nodiscard]] std::vector<int> unpaired_items(const std::vector<int>& draft);

/// Matching: the answer `draft` stands for (canonical right-hand indices, -1 unpaired).
[[nodiscard]] core::Answer matching_answer(const app::CardView& card, const std::vector<int>& draft);

/// Dilemma: a position number ("2"), as a 0-based index into card.positions; -1 and no
/// error for an empty line (app::answer_problem then asks for a position).
struct ParsedPosition {
  int position = -1;
  std::string error;
};
[[nodiscard]] ParsedPosition parse_position(const app::CardView& card, std::string_view line);

/// Dilemma: the answer to submit: `position` (0-based), the justification, no rubric ticks.
[[nodiscard]] core::Answer dilemma_answer(const app::CardView& card, int position, std::string justification);

/// Dilemma feedback: the rubric lines the learner ticks, by letter: "a c" (or "ac", "a, c";
/// either case); "-" or an empty line ticks none. `met` has one flag per rubric line.
struct ParsedTicks {
  std::vector<bool> met;
  std::string error;
};
[[nodiscard]] ParsedTicks parse_ticks(const app::CardView& card, std::string_view line);

/// The rating prompt: "1"-"4" or a rating's name ("good", any case) rates; an empty line
/// accepts the proposed rating (`accept`).
struct ParsedRating {
  std::optional<core::Rating> rating;
  bool accept = false;
  std::string error;
};
[[nodiscard]] ParsedRating parse_rating(std::string_view line);

}  // namespace casebook::term
