#include "term/render.hpp"

#include <algorithm>

#include "app/study_text.hpp"
#include "term/input.hpp"

namespace casebook::term {

using core::QuestionType;

namespace {

// ANSI SGR sequences, used only with Style::color.
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

/// `text` (already safe) wrapped in `sgr` when colour is on.
std::string paint(std::string_view text, std::string_view sgr, const Style& style) {
  if (!style.color) return std::string(text);
  return std::string(sgr) + std::string(text) + std::string(kReset);
}

/// Untrusted text on one line: made safe, with newlines and tabs turned into spaces.
std::string one_line(std::string_view text) {
  std::string s = app::terminal_safe(text);
  std::replace_if(s.begin(), s.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
  return s;
}

/// Untrusted text as lines after `first` (e.g. "  1. "); continuation lines are indented to
/// line up with the first. Ends with a newline.
std::string lines(std::string_view first, std::string_view text) {
  const std::string safe = app::terminal_safe(text);
  const std::string indent(first.size(), ' ');
  std::string out(first);
  for (const char c : safe) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out + "\n";
}

/// "Label: text" on one line, or "Label:" and the text indented below when it has several.
std::string labelled(std::string_view label, std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return lines(std::string(label) + ": ", text);
  return std::string(label) + ":\n" + lines("  ", text);
}

std::string numbered(int number, std::string_view text) { return lines("  " + std::to_string(number) + ". ", text); }

/// "1 2 3" as an example of a line of numbers: n, then 1..n-1 ("3 1 2"), at most 5 numbers.
std::string order_example(int n) {
  std::string s = std::to_string(n);
  for (int k = 1; k < n && k < 5; ++k) s += " " + std::to_string(k);
  return s;
}

std::string choice_feedback(const app::FeedbackView& fb) {
  std::string out;
  for (std::size_t k = 0; k < fb.options.size(); ++k) {
    const app::OptionFeedback& o = fb.options[k];
    const std::string mark = o.correct ? "✓ " : o.chosen ? "✗ " : "  ";
    out += lines("  " + mark + std::to_string(k + 1) + ". ", o.chosen ? o.text + "  — your answer" : o.text);
  }
  return out;
}

/// An ordering's or a matching's rows: ✓ or ✗, what the learner put there and, under a ✗,
/// what belongs there.
std::string row_feedback(const app::FeedbackView& fb) {
  std::string out;
  for (std::size_t k = 0; k < fb.rows.size(); ++k) {
    const app::RowFeedback& r = fb.rows[k];
    const std::string first = "  " + std::string(r.correct ? "✓ " : "✗ ") + std::to_string(k + 1) + ". ";
    out += lines(first, r.item.empty() ? r.given : r.item + " → " + r.given);
    if (!r.correct) out += lines("       ", (r.item.empty() ? "belongs here: " : "correct: ") + r.expected);
  }
  return out;
}

}  // namespace

std::string render_intro(const app::HomeView& home, const Style& style) {
  std::string out = paint("Casebook study · learner " + one_line(home.learner), kBold, style) + "\n";
  // A name typed wrong starts a learner of its own: said at once, with the names there are.
  std::string others;
  std::size_t named = 0, more = 0;
  for (const auto& l : home.learners) {
    if (l == home.learner) continue;
    if (named++ < 5) {
      others += (others.empty() ? "" : ", ") + one_line(l);
    } else {
      ++more;
    }
  }
  if (more > 0) others += " and " + std::to_string(more) + " more";
  if (!home.learner_started && !others.empty()) {
    out += paint(one_line(home.learner) + " has no answers in this progress file yet; it also has " + others +
                     " (choose with --learner NAME).",
                 kYellow, style) +
           "\n";
  }
  out += "To study now: " + std::to_string(home.new_available) + " new, " + std::to_string(home.learning_due) +
         " in learning, " + std::to_string(home.review_due) + " due for review.\n";
  out += "Answer each card on one line and press Enter. " + help_text() + "\n";
  return out;
}

std::string help_text() {
  return "Type q to end the session, u to take back the last rating, ? to see what to type.";
}

std::string render_case_brief(const app::CaseView& c) {
  if (!c.has()) return {};
  std::string out = labelled("You are", c.role.empty() ? c.protagonist : c.protagonist + ". " + c.role);
  if (!c.deadline.empty()) out += labelled("Deadline", c.deadline);
  out += labelled("Situation", c.situation);
  for (const auto& k : c.constraints) out += lines("  - ", k.kind + ": " + k.text);
  for (std::size_t i = 0; i < c.exhibits.size(); ++i) {
    const auto& e = c.exhibits[i];
    out += labelled("Exhibit " + std::to_string(i + 1) + ": " + e.title, e.text + (e.cited.empty() ? "" : " (" + e.cited + ")"));
  }
  return out + labelled("Your decision", c.decision);
}

std::string render_case_debrief(const app::CaseView& c) {
  if (!c.has()) return {};
  std::string out;
  for (const auto& a : c.model_answers) out += labelled("Model answer (" + a.position + ")", a.conclusion + " " + a.justification);
  for (const auto& k : c.criteria) {
    std::string levels;
    for (const auto& l : k.levels) levels += (levels.empty() ? "" : " | ") + l;
    out += labelled("Levels of \"" + k.title + "\"", levels);
  }
  if (!c.epilogue.empty()) {
    out += labelled("What happened next", c.epilogue + (c.epilogue_cited.empty() ? "" : " (" + c.epilogue_cited + ")"));
  }
  for (const auto& d : c.debrief) out += lines("  ? ", d);
  return out;
}

std::string render_card(const app::CardView& card, const Style& style) {
  std::string header = app::progress_line(card);
  if (!card.bank_title.empty()) header += " · " + one_line(card.bank_title);
  std::string out = "\n" + paint(header, kBold, style) + "\n";
  if (!card.mode_label.empty()) out += paint(card.mode_label, kYellow, style) + "\n";  // custom study
  if (!card.notice.empty()) out += paint(card.notice, kYellow, style) + "\n";  // a re-keyed question
  if (card.type == QuestionType::Dilemma && !card.scenario.empty()) out += labelled("Scenario", card.scenario);
  out += render_case_brief(card.case_view);
  out += lines("", card.prompt);
  const int n = static_cast<int>(card.options.size());
  switch (card.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse:
    case QuestionType::Ordering:
      for (int k = 0; k < n; ++k) out += numbered(k + 1, card.options[static_cast<std::size_t>(k)].text);
      break;
    case QuestionType::TrueFalse: out += numbered(1, "True") + numbered(2, "False"); break;
    case QuestionType::Matching:
      out += "Items:\n";
      for (std::size_t i = 0; i < card.left.size(); ++i) out += numbered(static_cast<int>(i) + 1, card.left[i]);
      out += "Options:\n";
      for (int k = 0; k < n; ++k) {
        out += lines("  " + option_letter(k) + ". ", card.options[static_cast<std::size_t>(k)].text);
      }
      break;
    case QuestionType::Dilemma:
      out += "Positions:\n";
      for (std::size_t i = 0; i < card.positions.size(); ++i) {
        const core::Position& p = card.positions[i];
        out += numbered(static_cast<int>(i) + 1, p.title);
        for (const std::string& arg : p.arguments) out += lines("       - ", arg);
      }
      if (!card.draft_note.empty()) {  // the card came back: the last answer, to revise
        out += paint(one_line(card.draft_note), kYellow, style) + "\n";
        if (card.draft_position >= 0) out += "Your last position: " + std::to_string(card.draft_position + 1) + "\n";
        if (!card.draft_justification.empty()) out += labelled("Your last justification", card.draft_justification);
      }
      break;
    case QuestionType::ShortAnswer:
    case QuestionType::Numeric: break;
  }
  return out;
}

std::string answer_instruction(const app::CardView& card) {
  const std::string n = std::to_string(card.type == QuestionType::Dilemma ? card.positions.size() : card.options.size());
  switch (card.type) {
    case QuestionType::SingleChoice: return "Type the number of your answer (1-" + n + "), then press Enter.";
    case QuestionType::MultipleResponse:
      return "Type the numbers of every correct answer (for example 1 3), then press Enter.";
    case QuestionType::TrueFalse: return "Type t for true or f for false (or 1 or 2), then press Enter.";
    case QuestionType::ShortAnswer:
      return "Type your answer, then press Enter (case and accents do not matter; an empty line means you do "
             "not know).";
    case QuestionType::Numeric:
      return "Type a number" + (card.unit.empty() ? std::string() : " (in " + one_line(card.unit) + ")") +
             ", then press Enter (separators such as 1,700 are fine; an empty line means you do not know).";
    case QuestionType::Ordering:
      return "Type the item numbers from first to last (for example " +
             order_example(static_cast<int>(card.options.size())) +
             "), then press Enter; Enter alone keeps the order shown.";
    case QuestionType::Matching:
      return "Pair each item with an option (for example 1b 2a), then press Enter.";
    case QuestionType::Dilemma:
      return "Type the number of the position you take (1-" + n + "), then press Enter" +
             (card.draft_position >= 0 ? std::string("; Enter alone keeps your last one.") : std::string("."));
  }
  return "";
}

std::string justification_instruction(const app::CardView& card) {
  if (!card.draft_justification.empty()) {
    return "Write your justification again (one line or several, then an empty line to submit), or press Enter "
           "at once to keep your last one.";
  }
  return "Write your justification: one line or several, then an empty line to submit.";
}

std::string unpaired_notice(const app::CardView& card, const std::vector<int>& draft) {
  const std::vector<int> items = unpaired_items(draft);
  std::string pairs;
  for (std::size_t i = 0; i < draft.size() && i < card.left.size(); ++i) {
    if (draft[i] >= 0) pairs += (pairs.empty() ? "" : " ") + std::to_string(i + 1) + option_letter(draft[i]);
  }
  const bool one = items.size() == 1;
  return std::string(one ? "Item " : "Items ") + number_list(items) + (one ? " has" : " have") + " no option yet" +
         (pairs.empty() ? std::string() : " (so far: " + pairs + ")") +
         ": type the missing pairs, or press Enter to submit without them.";
}

std::string verdict_line(const app::FeedbackView& feedback, const Style& style) {
  const std::string_view sgr =
      feedback.tone == app::Tone::Correct ? kGreen : feedback.tone == app::Tone::Wrong ? kRed : kCyan;
  return paint(one_line(feedback.verdict), sgr, style) + "\n";
}

std::string render_feedback(const app::CardView& card, const app::FeedbackView& fb, const Style& style) {
  std::string out = verdict_line(fb, style);
  if (!fb.options.empty()) {
    out += choice_feedback(fb);
  } else if (!fb.rows.empty()) {
    out += row_feedback(fb);  // each row names the correct one where it differs
  } else {
    out += labelled("Your answer", fb.given);
  }
  if (fb.show_expected && fb.rows.empty()) out += labelled("Correct answer", fb.expected);
  if (card.type == QuestionType::Dilemma) {
    if (!card.model_answer.empty()) out += labelled("Model answer", card.model_answer);
    out += render_case_debrief(card.case_view);
    out += "Rubric:\n";
    for (std::size_t i = 0; i < card.rubric.size(); ++i) {
      out += lines("  " + option_letter(static_cast<int>(i)) + ". ", card.rubric[i]);
    }
  }
  if (!card.explanation.empty()) out += labelled("Why", card.explanation);
  if (!card.citation.empty()) out += paint("Source: " + one_line(card.citation), kDim, style) + "\n";
  return out;
}

std::string rubric_instruction(const app::CardView& card) {
  return "Which rubric lines did your justification meet? Type their letters (for example a " +
         option_letter(static_cast<int>(std::min<std::size_t>(card.rubric.size(), 3)) - 1) +
         "), or - for none, then press Enter.";
}

std::string rating_line(const app::FeedbackView& feedback) {
  std::string out = "Rate it:";
  for (int r = 1; r <= 4; ++r) {
    const auto rating = static_cast<core::Rating>(r);
    out += (r == 1 ? " " : " · ") + std::to_string(r) + " " + std::string(app::rating_name(rating));
    const std::string& interval = feedback.intervals[static_cast<std::size_t>(r - 1)];
    if (!interval.empty()) out += " " + interval;
  }
  return out + "   Enter = " + std::string(app::rating_name(feedback.selected));
}

std::string render_summary(const app::SummaryView& s, const Style& style) {
  std::string out = "\n" + paint(app::summary_heading(s), kBold, style) + "\n";
  out += "Answers: " + std::to_string(s.reviewed) + "\n";
  out += "Answered correctly: " + app::correct_text(s) + "\n";
  out += "Ratings:";
  for (int r = 1; r <= 4; ++r) {
    out += (r == 1 ? " " : " · ") + std::string(app::rating_name(static_cast<core::Rating>(r))) + " " +
           std::to_string(s.ratings[static_cast<std::size_t>(r - 1)]);
  }
  out += "\nTime in session: " + app::format_duration(s.duration_ms) + "\n";
  out += "Still due today: " + std::to_string(s.remaining_due_today) + "\n";
  if (s.remaining_new_today > 0) out += "New cards left today: " + std::to_string(s.remaining_new_today) + "\n";
  if (!s.recorded) out += std::string(app::kPreviewSummaryNote) + "\n";
  return out;
}

std::string notice_line(std::string_view text, const Style& style) {
  return paint(one_line(text), kYellow, style) + "\n";
}

}  // namespace casebook::term
