// What `casebook study` prints: a card, its feedback, the rating line and the summary, as
// plain lines of text from the app's view models (no cursor movement; colour only when
// asked). Every untrusted string (bank text, learner name) goes through
// app::terminal_safe, so a bank cannot send escape sequences to the terminal.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "app/views.hpp"

namespace casebook::term {

/// How to print: `color` adds ANSI SGR colours and bold (never anything that moves the
/// cursor or changes the terminal's state beyond the colour, which every line resets).
struct Style {
  bool color = false;
};

/// The session's first lines: learner, what is due, and the two commands.
[[nodiscard]] std::string render_intro(const app::HomeView& home, const Style& style);

/// A card while it is answered: a blank line, the header "Card 3 · 2 new · 1 learning · 9 review
/// · <bank title>", the scenario (dilemma), the prompt, and the options ("  1. text";
/// matching: items "  1. left" and options "  a. right"; dilemma: positions and their
/// arguments). The instruction line (answer_instruction) is the prompt that follows.
[[nodiscard]] std::string render_card(const app::CardView& card, const Style& style);

/// A dilemma written as a case, before the answer: "You are: ...", the deadline, the
/// situation, the constraints ("  - kind: text"), the exhibits with where each comes from, and
/// "Your decision: ..." ("" when `c` is no case). No colour; control characters made visible.
[[nodiscard]] std::string render_case_brief(const app::CaseView& c);
/// The same case after the answer: each model answer with its position, the levels of each
/// rubric criterion, what happened next (with its source) and the debrief questions ("  ? ").
[[nodiscard]] std::string render_case_debrief(const app::CaseView& c);

/// One line saying what to type for `card`, e.g. "Type the number of your answer (1-3),
/// then press Enter."
[[nodiscard]] std::string answer_instruction(const app::CardView& card);

/// Dilemma, after the position: how to write the justification (and, when the card came
/// back with the last one, that Enter at once keeps it).
[[nodiscard]] std::string justification_instruction(const app::CardView& card);

/// Matching: which items of `draft` (term::add_pairs) still have no option, the pairs so far,
/// and that Enter submits without the missing ones.
[[nodiscard]] std::string unpaired_notice(const app::CardView& card, const std::vector<int>& draft);

/// The feedback on a submitted answer, as the window shows it: the verdict, per-choice marks
/// (choice questions) or the learner's answer, the correct answer when FeedbackView says so,
/// a dilemma's model answer and lettered rubric, the explanation ("Why: ...") and the source.
[[nodiscard]] std::string render_feedback(const app::CardView& card, const app::FeedbackView& feedback,
                                          const Style& style);

/// Dilemma feedback: how to tick rubric lines.
[[nodiscard]] std::string rubric_instruction(const app::CardView& card);

/// The verdict alone (a dilemma's after its rubric ticks), one line.
[[nodiscard]] std::string verdict_line(const app::FeedbackView& feedback, const Style& style);

/// The ratings with their intervals and the proposed one:
/// "Rate it: 1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 4d   Enter = Good".
[[nodiscard]] std::string rating_line(const app::FeedbackView& feedback);

/// The summary: heading, cards reviewed, answered correctly, ratings, time, still due today.
[[nodiscard]] std::string render_summary(const app::SummaryView& summary, const Style& style);

/// A notice or a problem with the last line (e.g. the app's message), one line, made safe.
[[nodiscard]] std::string notice_line(std::string_view text, const Style& style);

/// The keys that work everywhere: q ends the session, ? shows the instructions again.
[[nodiscard]] std::string help_text();

}  // namespace casebook::term
