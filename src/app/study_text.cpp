#include "app/study_text.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace casebook::app {

std::string_view rating_name(core::Rating rating) {
  static constexpr std::array<std::string_view, 4> kNames = {"Again", "Hard", "Good", "Easy"};
  const int i = std::clamp(static_cast<int>(rating), 1, 4) - 1;
  return kNames[static_cast<std::size_t>(i)];
}

std::string counts_line(const CardView& card) {
  // Cards, not showings (as Anki counts): a new card rated Again moves from new to learning.
  return std::to_string(card.count_new) + " new · " + std::to_string(card.count_learning) + " learning · " +
         std::to_string(card.count_review) + " review";
}

std::string progress_line(const CardView& card) {
  return "Card " + std::to_string(card.position) + " · " + counts_line(card);
}

std::string summary_heading(const SummaryView& summary) {
  return summary.reviewed > 0 && summary.remaining_due_today == 0 && summary.remaining_new_today == 0
             ? "Session complete"
             : "Session ended";
}

std::string correct_text(const SummaryView& summary) {
  std::string s = std::to_string(summary.correct);
  if (summary.reviewed > 0) {
    s += " (" + std::to_string((summary.correct * 100 + summary.reviewed / 2) / summary.reviewed) + "%)";
  }
  if (summary.not_assessed > 0) {
    s += "; " + std::to_string(summary.not_assessed) + (summary.not_assessed == 1 ? " dilemma" : " dilemmas") +
         " not assessed (rubric skipped)";
  }
  return s;
}

std::string format_duration(std::int64_t ms) {
  const std::int64_t s = (std::max<std::int64_t>(ms, 0) + 500) / 1000;
  const std::int64_t h = s / 3600, m = (s / 60) % 60, sec = s % 60;
  std::string out;
  if (h > 0) out += std::to_string(h) + " h ";
  if (h > 0 || m > 0) out += std::to_string(m) + " min ";
  out += std::to_string(sec) + " s";
  return out;
}

std::string terminal_safe(std::string_view text) { return core::show_control_characters(text); }

}  // namespace casebook::app
