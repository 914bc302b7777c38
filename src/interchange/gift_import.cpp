// GIFT reader: Moodle's "General Import Format Template" (docs/import.md, "GIFT").
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "interchange/common.hpp"
#include "interchange/interchange.hpp"

namespace casebook::interchange {
namespace {

constexpr std::string_view kSpecial = "~=#{}:\\";

/// Position of `needle` in `s` at or after `from`, skipping backslash escapes; npos if none.
std::size_t find_unescaped(std::string_view s, std::string_view needle, std::size_t from = 0) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s.substr(i, needle.size()) == needle) return i;
  }
  return std::string_view::npos;
}

/// GIFT escapes resolved: \~ \= \# \{ \} \: \\ give the character, \n a line break; any other
/// backslash stays as written.
std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char next = s[i + 1];
      if (kSpecial.find(next) != std::string_view::npos) {
        out += next;
        ++i;
        continue;
      }
      if (next == 'n') {
        out += '\n';
        ++i;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

enum class TextFormat { Moodle, Html, Markdown, Plain };

/// Strips a leading [html]/[markdown]/[moodle]/[plain] tag from `s`; returns the tag's format.
std::optional<TextFormat> take_format(std::string& s) {
  const std::string t = core::trim_ascii_space(s);
  static const std::pair<std::string_view, TextFormat> kTags[] = {
      {"[html]", TextFormat::Html}, {"[markdown]", TextFormat::Markdown},
      {"[moodle]", TextFormat::Moodle}, {"[plain]", TextFormat::Plain}};
  for (const auto& [tag, format] : kTags) {
    if (t.size() >= tag.size() && std::equal(tag.begin(), tag.end(), t.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        })) {
      s = t.substr(tag.size());
      return format;
    }
  }
  return std::nullopt;
}

/// A GIFT text (escapes still in) as plain text in the given format.
std::string to_plain(std::string_view raw, TextFormat format, bool* dropped_image) {
  const std::string text = unescape(raw);
  if (format == TextFormat::Html) return html_to_text(text, dropped_image);
  return core::trim_ascii_space(text);
}

/// The weights Moodle allows on a GIFT answer (~%w%): percentages from -100 to 100.
constexpr double kMinWeight = -100.0;
constexpr double kMaxWeight = 100.0;

struct Answer {
  char marker = '=';          ///< '=' or '~'
  std::optional<double> weight;  ///< percent, when written as %w%
  std::string unweighted_text;   ///< plain text with a "%w%" kept as text (for `=` in a choice question)
  std::string bad_weight;        ///< a "%w%" as written whose w is not a number from -100 to 100
  const char* weight_at = nullptr;  ///< where that "%w%" starts in the question's text
  std::string text;           ///< plain
  std::string raw;            ///< escapes still in (for numeric and matching)
  std::string feedback;       ///< plain
};

std::optional<double> parse_number(std::string_view s) { return detail::parse_finite(s); }

class GiftReader {
 public:
  GiftReader(const std::string& path, const ImportOptions& options) : m_out(path, "GIFT", options) {}

  ImportResult read(std::string_view text) {
    if (!detail::check_text(text, m_out)) return m_out.finish();
    detail::LineReader lines(text);
    std::string block;
    int block_line = 0;
    for (std::string_view raw;;) {
      const bool end = !lines.next(raw);
      const std::string trimmed = end ? std::string() : core::trim_ascii_space(raw);
      if (!end && trimmed.rfind("//", 0) == 0) continue;  // a comment line
      if (end || trimmed.empty()) {
        if (!block.empty()) handle_block(block, block_line);
        block.clear();
        if (end) break;
        continue;
      }
      if (block.empty()) {
        block_line = lines.line();
        m_block_lines.clear();
      } else {
        block += '\n';
      }
      block += raw;
      m_block_lines.push_back(lines.line());
    }
    return m_out.finish();
  }

 private:
  void handle_block(std::string block, int line) {
    // A $CATEGORY: line sets the topic of the questions after it (Moodle's category path).
    while (core::trim_ascii_space(block).rfind("$CATEGORY:", 0) == 0) {
      block = core::trim_ascii_space(block);
      const std::size_t nl = block.find('\n');
      set_category(block.substr(10, nl == std::string::npos ? std::string::npos : nl - 10));
      if (nl == std::string::npos) return;
      block.erase(0, nl + 1);
      ++line;
      if (!m_block_lines.empty()) m_block_lines.erase(m_block_lines.begin());
    }
    handle_question(block, line);
  }

  void set_category(std::string path) {
    path = core::trim_ascii_space(path);
    for (const std::string_view prefix : {"$course$/", "$system$/", "$module$/", "$coursecategory$/"}) {
      if (path.rfind(prefix, 0) == 0) path.erase(0, prefix.size());
    }
    if (path.rfind("top/", 0) == 0) path.erase(0, 4);
    if (path == "top") path.clear();
    std::string title;  // "//" is a literal '/' in a Moodle category name
    for (std::size_t i = 0; i < path.size(); ++i) {
      if (path[i] == '/' && i + 1 < path.size() && path[i + 1] == '/') {
        title += '/';
        ++i;
      } else {
        title += path[i];
      }
    }
    m_category = core::trim_ascii_space(title);
    m_out.add_topic(m_category);
  }

  void handle_question(std::string_view text, int line) {
    m_block = text;
    std::string title;
    std::string_view rest = text;
    {
      const std::string t = core::trim_ascii_space(rest);
      if (t.rfind("::", 0) == 0) {
        const std::size_t start = rest.find("::");
        const std::size_t end = find_unescaped(rest, "::", start + 2);
        if (end == std::string_view::npos) {
          m_out.error(line, "gift-syntax", "the title `::` is not closed", "write the title as ::title::");
          return;
        }
        title = core::trim_ascii_space(unescape(rest.substr(start + 2, end - start - 2)));
        rest = rest.substr(end + 2);
      }
    }
    const std::string label = title.empty() ? std::string("this question") : "question `" + title + "`";
    const std::size_t open = find_unescaped(rest, "{");
    if (open == std::string_view::npos) {
      m_out.error(line, "gift-description", label + " is a description (no answers): Casebook has no "
                  "question type for text without an answer", "put the text into the explanation of a question");
      return;
    }
    const std::size_t close = find_unescaped(rest, "}", open + 1);
    if (close == std::string_view::npos) {
      m_out.error(line, "gift-syntax", label + ": the answer block `{` is not closed");
      return;
    }
    std::string before(rest.substr(0, open));
    const std::string after(rest.substr(close + 1));
    if (find_unescaped(after, "{") != std::string::npos || find_unescaped(after, "}") != std::string::npos) {
      m_out.error(line, "gift-syntax", label + ": a `{` or `}` after the answer block (one question has one "
                  "answer block)", "escape a literal brace as \\{ or \\}, or separate questions with a blank line");
      return;
    }
    const TextFormat format = take_format(before).value_or(TextFormat::Moodle);
    if (core::trim_ascii_space(after).rfind("####", 0) == 0) {
      // GIFT's general feedback is inside the braces; after them it is question text.
      m_out.warning(line, "gift-feedback-outside", label + ": `####` after the answer block is read as question text "
                    "(a missing word), not as general feedback",
                    "move the `####...` feedback inside the braces, before the `}`");
    }
    // Missing word: text after the answers means the answers fill a blank in the sentence.
    const std::string prompt_raw =
        core::trim_ascii_space(after).empty() ? before : before + "_____" + after;
    m_dropped_image = false;
    core::Question q;
    q.prompt = to_plain(prompt_raw, format, &m_dropped_image);
    q.pos.line = line;
    q.pos.column = 1;
    if (core::is_blank(q.prompt)) {
      m_out.error(line, "empty-value", label + " has no question text");
      return;
    }
    if (!parse_answers(q, rest.substr(open + 1, close - open - 1), format, line, label)) return;
    if (m_dropped_image) {
      m_out.warning(line, "gift-image-dropped", label + ": an image was removed (Casebook shows plain text)");
    }
    m_out.add(std::move(q), title, m_category);
  }

  /// Fills the type-specific fields; false (after reporting) when the question is skipped.
  bool parse_answers(core::Question& q, std::string_view block, TextFormat format, int line,
                     const std::string& label) {
    std::string general;
    const std::size_t gf = find_unescaped(block, "####");
    if (gf != std::string_view::npos) {
      general = to_plain(block.substr(gf + 4), format, &m_dropped_image);
      block = block.substr(0, gf);
    }
    // A view into m_block (not a copy), so that an answer's weight can be placed.
    const std::string_view body = core::trim_ascii_space_view(block);
    std::vector<std::string> notes;  // per-answer feedback, for the explanation
    bool ok = false;
    if (body.empty()) {
      m_out.error(line, "gift-essay", label + " is an essay: a Casebook dilemma needs positions, a rubric "
                  "and a model answer, which an essay does not have", "write it as a dilemma by hand");
      return false;
    }
    if (body[0] == '#') {
      ok = parse_numeric(q, std::string_view(body).substr(1), format, line, label, notes);
    } else if (auto tf = parse_true_false(body, format, notes)) {
      q.type = core::QuestionType::TrueFalse;
      q.truth = *tf;
      ok = true;
    } else {
      ok = parse_choices(q, body, format, line, label, notes);
    }
    if (!ok) return false;
    q.explanation = general;
    for (const auto& n : notes) {
      if (!q.explanation.empty()) q.explanation += "\n";
      q.explanation += n;
    }
    return true;
  }

  std::optional<bool> parse_true_false(std::string_view body, TextFormat format, std::vector<std::string>& notes) {
    const std::size_t hash = find_unescaped(body, "#");
    std::string word = core::trim_ascii_space(body.substr(0, hash));
    for (auto& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::optional<bool> truth;
    if (word == "T" || word == "TRUE") truth = true;
    if (word == "F" || word == "FALSE") truth = false;
    if (!truth || hash == std::string::npos) return truth;
    // {T#feedback when answered wrongly#feedback when answered rightly}
    const std::string_view feedback = body.substr(hash + 1);
    const std::size_t second = find_unescaped(feedback, "#");
    const std::string wrong = to_plain(feedback.substr(0, second), format, &m_dropped_image);
    const std::string right =
        second == std::string_view::npos ? std::string() : to_plain(feedback.substr(second + 1), format, &m_dropped_image);
    if (!wrong.empty()) notes.push_back("Answered " + std::string(*truth ? "false" : "true") + ": " + wrong);
    if (!right.empty()) notes.push_back("Answered " + std::string(*truth ? "true" : "false") + ": " + right);
    return truth;
  }

  /// Splits an answer block at each unescaped '~' or '='. `leading` gets text before the first.
  std::vector<Answer> split_answers(std::string_view body, TextFormat format, std::string& leading) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '\\') {
        ++i;
        continue;
      }
      if (body[i] == '~' || body[i] == '=') starts.push_back(i);
    }
    leading = starts.empty() ? std::string(body) : std::string(body.substr(0, starts[0]));
    std::vector<Answer> answers;
    for (std::size_t k = 0; k < starts.size(); ++k) {
      const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : body.size();
      std::string part(body.substr(starts[k] + 1, end - starts[k] - 1));
      Answer a;
      a.marker = body[starts[k]];
      std::string trimmed = core::trim_ascii_space(part);
      if (trimmed.size() > 1 && trimmed[0] == '%') {
        const std::size_t pct = trimmed.find('%', 1);
        if (pct != std::string::npos) {
          a.weight = parse_number(trimmed.substr(1, pct - 1));
          if (!a.weight || *a.weight < kMinWeight || *a.weight > kMaxWeight) {
            a.bad_weight = trimmed.substr(0, pct + 1);
            a.weight_at = body.data() + starts[k] + 1 + part.find('%');
          }
          std::string whole = trimmed.substr(0, find_unescaped(trimmed, "#"));
          const TextFormat whole_format = take_format(whole).value_or(format);
          a.unweighted_text = to_plain(whole, whole_format, &m_dropped_image);
          trimmed.erase(0, pct + 1);
        }
      }
      const std::size_t hash = find_unescaped(trimmed, "#");
      std::string text = trimmed.substr(0, hash);
      const TextFormat own = take_format(text).value_or(format);
      a.raw = core::trim_ascii_space(text);
      a.text = to_plain(text, own, &m_dropped_image);
      if (hash != std::string::npos) a.feedback = to_plain(std::string_view(trimmed).substr(hash + 1), own, &m_dropped_image);
      answers.push_back(std::move(a));
    }
    return answers;
  }

  bool parse_numeric(core::Question& q, std::string_view body, TextFormat format, int line,
                     const std::string& label, std::vector<std::string>& notes) {
    q.type = core::QuestionType::Numeric;
    std::string spec;
    std::string leading;
    const auto answers = split_answers(body, format, leading);
    if (answers.empty()) {
      const std::size_t hash = find_unescaped(body, "#");
      spec = std::string(body.substr(0, hash));
      if (hash != std::string_view::npos) {
        const std::string fb = to_plain(body.substr(hash + 1), format, &m_dropped_image);
        if (!fb.empty()) notes.push_back(fb);
      }
    } else if (bad_weight(answers, line, label)) {
      return false;
    } else {
      // Several numeric answers: Casebook keeps the one worth 100 %.
      const Answer* full = nullptr;
      for (const auto& a : answers) {
        if (!a.weight || *a.weight >= 100.0) {
          if (full == nullptr) full = &a;
        }
        if (!a.feedback.empty()) notes.push_back(a.raw + ": " + a.feedback);
      }
      if (full == nullptr) {
        m_out.error(line, "gift-no-correct-answer", label + ": no numeric answer is worth 100 %");
        return false;
      }
      if (answers.size() > 1) {
        m_out.warning(line, "gift-partial-credit", label + ": kept the 100 % answer `" + full->raw +
                      "`; the other numeric answers were dropped (Casebook has no partial credit for numbers)");
      }
      spec = full->raw;
    }
    spec = core::trim_ascii_space(unescape(spec));
    const std::size_t dots = spec.find("..");
    const std::size_t colon = spec.find(':');
    if (dots != std::string::npos) {
      q.min = parse_number(spec.substr(0, dots));
      q.max = parse_number(spec.substr(dots + 2));
      if (q.min && q.max && *q.min <= *q.max) return true;
      if (q.min && q.max) {
        m_out.error(line, "gift-bad-number", label + ": the range `" + spec + "` ends below its start",
                    "write the smaller number first, e.g. {#1..5}");
        return false;
      }
    } else {
      const auto value = parse_number(spec.substr(0, colon));
      const auto tol = colon == std::string::npos ? std::optional<double>(0.0) : parse_number(spec.substr(colon + 1));
      if (value && tol && *tol >= 0) {
        q.value = *value;
        q.tolerance = *tol;
        return true;
      }
    }
    m_out.error(line, "gift-bad-number", label + ": `" + spec + "` is not a number, value:tolerance or min..max",
                "write finite numbers such as {#5}, {#5:0.5} or {#1..5}");
    return false;
  }

  bool parse_choices(core::Question& q, std::string_view body, TextFormat format, int line,
                     const std::string& label, std::vector<std::string>& notes) {
    std::string leading;
    auto answers = split_answers(body, format, leading);
    if (std::any_of(answers.begin(), answers.end(), [](const Answer& a) { return a.marker == '~'; })) {
      // A multiple choice question (it has a `~`): as in Moodle, `=` marks the right answer
      // and a "%w%" after it is part of the answer's text ("=%50% off").
      for (auto& a : answers) {
        if (a.marker != '=' || a.unweighted_text.empty()) continue;
        a.text = a.unweighted_text;
        a.weight.reset();
        a.bad_weight.clear();
      }
    }
    if (bad_weight(answers, line, label)) return false;
    if (answers.empty() || !core::is_blank(leading)) {
      m_out.error(line, "gift-syntax", label + ": the answers must start with `=` or `~`");
      return false;
    }
    for (const auto& a : answers) {
      if (!a.feedback.empty()) notes.push_back(a.text + ": " + a.feedback);
    }
    const bool any_wrong = std::any_of(answers.begin(), answers.end(), [](const Answer& a) { return a.marker == '~'; });
    const bool matching = std::all_of(answers.begin(), answers.end(), [](const Answer& a) {
      return a.marker == '=' && find_unescaped(a.raw, "->") != std::string::npos;
    });
    if (matching) return fill_matching(q, answers, format, line, label);
    if (!any_wrong) return fill_short_answer(q, answers, line, label);
    for (const auto& a : answers) {
      if (core::is_blank(a.text)) {
        m_out.error(line, "empty-value", label + " has an empty answer");
        return false;
      }
    }
    int positive = 0;
    bool weighted = false;
    bool positive_wrong_marker = false;
    for (const auto& a : answers) {
      const double w = a.weight.value_or(a.marker == '=' ? 100.0 : 0.0);
      if (w > 0) {
        ++positive;
        if (a.weight) weighted = true;
        if (a.marker == '~') positive_wrong_marker = true;
      }
      q.choices.push_back(core::Choice{a.text, w > 0});
    }
    if (answers.size() < 2) {
      m_out.error(line, "too-few-choices", label + " has fewer than 2 choices");
      return false;
    }
    if (positive == 0) {
      m_out.error(line, "gift-no-correct-answer", label + ": no answer is marked correct (`=` or a positive %weight%)");
      return false;
    }
    if (positive == 1 && !positive_wrong_marker && !weighted) {
      q.type = core::QuestionType::SingleChoice;
      return true;
    }
    if (!weighted) {
      m_out.error(line, "gift-several-correct", label + " has several `=` answers, each fully right on its own; "
                  "Casebook's single choice has one answer and multiple response needs all of them",
                  "keep one `=`, or give weights (~%50%) to make it multiple response");
      return false;
    }
    q.type = core::QuestionType::MultipleResponse;
    return true;
  }

  /// Reports the first answer of `answers` whose "%w%" is not a weight Moodle allows (a
  /// percentage from -100 to 100) at its place; true when there is one (the question is skipped).
  bool bad_weight(const std::vector<Answer>& answers, int line, const std::string& label) {
    for (const auto& a : answers) {
      if (a.bad_weight.empty()) continue;
      const auto [at_line, column] = place(a.weight_at, line);
      const bool number = a.weight.has_value();
      m_out.error_at(at_line, column, "gift-bad-weight",
                     label + ": the weight `" + a.bad_weight + "` is " +
                         (number ? "outside -100..100" : "not a number"),
                     "write a weight as a percentage from -100 to 100, such as ~%50% or ~%-25%");
      return true;
    }
    return false;
  }

  /// The file line and column (in code points) of `p`, a place in m_block; the question's
  /// `line` and column 1 when `p` is not in it.
  std::pair<int, int> place(const char* p, int line) const {
    if (p == nullptr || p < m_block.data() || p > m_block.data() + m_block.size()) return {line, 1};
    const std::string_view before = m_block.substr(0, static_cast<std::size_t>(p - m_block.data()));
    const auto k = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    const int at_line = k < m_block_lines.size() ? m_block_lines[k] : line + static_cast<int>(k);
    return {at_line, static_cast<int>(core::code_point_count(before.substr(start))) + 1};
  }

  bool fill_short_answer(core::Question& q, const std::vector<Answer>& answers, int line, const std::string& label) {
    q.type = core::QuestionType::ShortAnswer;
    int dropped = 0;
    for (const auto& a : answers) {
      if (a.weight && *a.weight < 100.0) {
        ++dropped;
        continue;
      }
      if (!core::is_blank(a.text)) q.accepted.push_back(a.text);
    }
    if (q.accepted.empty()) {
      m_out.error(line, "gift-no-correct-answer", label + ": no accepted answer is worth 100 %");
      return false;
    }
    if (dropped > 0) {
      m_out.warning(line, "gift-partial-credit", label + ": " + std::to_string(dropped) +
                    " answer(s) worth less than 100 % were dropped (Casebook accepts an answer or not)");
    }
    return true;
  }

  bool fill_matching(core::Question& q, const std::vector<Answer>& answers, TextFormat format, int line,
                     const std::string& label) {
    q.type = core::QuestionType::Matching;
    int extra = 0;
    for (const auto& a : answers) {
      const std::size_t arrow = find_unescaped(a.raw, "->");
      const std::string left = to_plain(std::string_view(a.raw).substr(0, arrow), format, &m_dropped_image);
      const std::string right = to_plain(std::string_view(a.raw).substr(arrow + 2), format, &m_dropped_image);
      if (core::is_blank(left)) {  // a right side with no left one: an extra distractor
        ++extra;
        continue;
      }
      if (core::is_blank(right)) {
        m_out.error(line, "empty-value", label + ": the pair for `" + left + "` has no right side");
        return false;
      }
      q.pairs.push_back(core::MatchPair{left, right});
    }
    if (q.pairs.size() < 2) {
      m_out.error(line, "too-few-pairs", label + " has fewer than 2 pairs");
      return false;
    }
    if (extra > 0) {
      m_out.warning(line, "gift-extra-distractor", label + ": " + std::to_string(extra) +
                    " right side(s) without a left side were dropped (Casebook's matching has no extra distractors)");
    }
    return true;
  }

  detail::BankBuilder m_out;
  std::string m_category;
  bool m_dropped_image = false;
  std::string_view m_block;       ///< the text of the question being read (handle_question)
  std::vector<int> m_block_lines;  ///< the file line of each line of the current block
};

}  // namespace

ImportResult import_gift(std::string_view text, const std::string& path, const ImportOptions& options) {
  GiftReader reader(path, options);
  return reader.read(text);
}

}  // namespace casebook::interchange
