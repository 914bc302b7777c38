// Words both front ends show around a study session: rating names, a card's progress line,
// the summary's heading, score and time, and untrusted text made safe for a terminal. Pure
// functions of the view models, so the window and `casebook study` say the same thing.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "app/views.hpp"
#include "core/card.hpp"

namespace casebook::app {

/// "Again", "Hard", "Good" or "Easy" (the FSRS / Anki names of ratings 1-4).
[[nodiscard]] std::string_view rating_name(core::Rating rating);

/// "Card 5 · 3 new · 1 learning · 8 review": the showing number and the session's cards by
/// state, the one shown included (CardView::count_new and the others); they go down as
/// cards leave the session, as in Anki.
[[nodiscard]] std::string progress_line(const CardView& card);
/// "3 new · 1 learning · 8 review": the counts of progress_line alone (the waiting screen).
[[nodiscard]] std::string counts_line(const CardView& card);

/// "Session complete" when cards were reviewed and nothing is still due today, nor a new card
/// today's limits allow; otherwise (the learner left early, or nothing was reviewed) "Session
/// ended".
[[nodiscard]] std::string summary_heading(const SummaryView& summary);

/// The correct answers with their share of the reviews, rounded half up: "9 (75%)"; "0"
/// when nothing was reviewed; then, when some dilemma was rated with its rubric skipped, "; 1
/// dilemma not assessed (rubric skipped)" (those are not counted correct).
[[nodiscard]] std::string correct_text(const SummaryView& summary);

/// The summary's line after a Preview session (SummaryView::recorded false): its answers and
/// ratings were not saved, and its cards are as they were.
inline constexpr const char* kPreviewSummaryNote =
    "Preview: nothing was saved. These answers are not in your progress and the cards are as they were.";

/// A duration in milliseconds rounded to the nearest second: "1 h 0 min 5 s", "4 min 12 s",
/// "9 s" (negative values count as 0).
[[nodiscard]] std::string format_duration(std::int64_t ms);

/// `text` (UTF-8) safe to print on a terminal: control characters other than newline and
/// tab shown as visible symbols (core::show_control_characters), so a bank or a learner name
/// cannot move the cursor or change the terminal's title.
[[nodiscard]] std::string terminal_safe(std::string_view text);

}  // namespace casebook::app
