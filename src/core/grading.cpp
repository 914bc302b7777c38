// Answer checking: Unicode folding of typed text (utf8proc), tolerant number parsing, and
// one grading rule per question type (docs/bank-format.md, "Question types").
#include "core/grading.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <set>
#include <string_view>

#include "core/number.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"

namespace casebook::core {

namespace {

using CodePoint = char32_t;

/// utf8proc's category of `cp`.
utf8proc_category_t category(CodePoint cp) { return utf8proc_category(static_cast<utf8proc_int32_t>(cp)); }

bool is_punctuation(CodePoint cp) {
  const auto cat = category(cp);
  return cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO;
}

/// Accents: combining marks in the "Combining Diacritical Marks" blocks, which Latin, Greek
/// and Cyrillic use. Marks of other scripts (Devanagari vowel signs, the Japanese voicing
/// marks U+3099/U+309A, Hebrew points ...) change the letter, so they are kept.
bool is_accent(CodePoint cp) {
  const bool in_block = (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
                        (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
                        (cp >= 0xFE20 && cp <= 0xFE2F);
  if (!in_block) return false;
  const auto cat = category(cp);
  return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME;
}

/// Bank text for one line of a log: valid UTF-8 (bad bytes become U+FFFD), control
/// characters and line breaks become spaces.
std::string one_line(std::string_view text) {
  std::u32string cps = decode_utf8(text, InvalidUtf8::Replace);
  for (CodePoint& cp : cps) {
    if (category(cp) == UTF8PROC_CATEGORY_CC || cp == 0x2028 || cp == 0x2029) cp = ' ';
  }
  return encode_utf8(cps);
}

/// What the learner typed, kept whole for the append-only review log: valid UTF-8 (bad
/// bytes become U+FFFD), CR LF and CR become LF, other control characters spaces. Nothing is
/// cut: a justification is the learner's work and cannot be recovered later.
std::string learner_text(std::string_view text) {
  const std::u32string cps = decode_utf8(text, InvalidUtf8::Replace);
  std::u32string out;
  out.reserve(cps.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    CodePoint cp = cps[i];
    if (cp == '\r') {
      if (i + 1 < cps.size() && cps[i + 1] == '\n') continue;
      cp = '\n';
    } else if (cp != '\n' && category(cp) == UTF8PROC_CATEGORY_CC) {
      cp = ' ';
    }
    out.push_back(cp);
  }
  return encode_utf8(out);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Reads the digits of a number with thousands separators and a decimal point or comma
/// (see parse_learner_number). nullopt when the grouping is not a plausible number.
std::optional<double> read_number_body(const std::string& body) {
  const auto count = [&](char c) { return std::count(body.begin(), body.end(), c); };
  const std::size_t last_dot = body.rfind('.');
  const std::size_t last_comma = body.rfind(',');
  char decimal = 0;
  if (last_dot != std::string::npos && last_comma != std::string::npos) {
    decimal = last_dot > last_comma ? '.' : ',';
  } else if (last_dot != std::string::npos) {
    decimal = count('.') == 1 ? '.' : 0;  // "1.000.000" groups thousands
  } else if (last_comma != std::string::npos && count(',') == 1) {
    // "1,700" groups thousands; "45,5" and "0,500" use a decimal comma.
    const std::string before = body.substr(0, last_comma);
    const std::string after = body.substr(last_comma + 1);
    const bool groups = after.size() == 3 && !before.empty() && before.size() <= 3 &&
                        before.find(' ') == std::string::npos && before[0] != '0';
    decimal = groups ? 0 : ',';
  }
  if (decimal != 0 && count(decimal) != 1) return std::nullopt;

  std::string integer_part = body;
  std::string fraction;
  if (decimal != 0) {
    const std::size_t at = body.find(decimal);
    integer_part = body.substr(0, at);
    fraction = body.substr(at + 1);
  }
  if (!std::all_of(fraction.begin(), fraction.end(), is_digit)) return std::nullopt;
  if (integer_part.empty() && fraction.empty()) return std::nullopt;

  // Thousands groups: the first 1-3 digits, every later group exactly 3.
  std::string digits;
  std::size_t group = 0;
  bool first_group = true;
  bool grouped = false;
  for (char c : integer_part) {
    if (is_digit(c)) {
      digits += c;
      ++group;
      continue;
    }
    if (group == 0 || (!first_group && group != 3) || (first_group && group > 3)) return std::nullopt;
    first_group = false;
    grouped = true;
    group = 0;
  }
  if (grouped && group != 3) return std::nullopt;

  std::string plain = digits.empty() ? "0" : digits;
  if (!fraction.empty()) plain += "." + fraction;
  double value = 0.0;
  const auto res = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (res.ec != std::errc() || res.ptr != plain.data() + plain.size()) return std::nullopt;
  return value;
}

/// Multipliers for a scale word typed after a number ("1.7 thousand", "45 million", "50k").
std::optional<double> scale_word_factor(const std::string& folded_word) {
  static const std::array<std::pair<std::string_view, double>, 16> kScale{{
      {"k", 1e3}, {"thousand", 1e3}, {"thousands", 1e3},
      {"m", 0.0},  // ambiguous (metres or million): never a multiplier
      {"mn", 1e6}, {"mln", 1e6}, {"million", 1e6}, {"millions", 1e6},
      {"bn", 1e9}, {"billion", 1e9}, {"billions", 1e9}, {"trillion", 1e12},
      {"тыс", 1e3}, {"тысяч", 1e3}, {"млн", 1e6}, {"млрд", 1e9},
  }};
  for (const auto& [word, factor] : kScale) {
    if (folded_word == word) {
      if (factor == 0.0) return std::nullopt;
      return factor;
    }
  }
  return std::nullopt;
}

/// The number a learner typed. `unit` is the question's unit: a scale word that is part of
/// it ("million USD") is read as the unit, not as a multiplier.
std::optional<double> parse_number_with_unit(std::string_view text, std::string_view unit) {
  // NFKC turns full-width digits and no-break/thin spaces into ASCII; LUMP turns U+2212
  // MINUS SIGN and the Unicode dashes into '-'.
  const std::string valid = encode_utf8(decode_utf8(text, InvalidUtf8::Skip));
  const std::string s =
      trim_ascii_space(map_utf8(valid, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_LUMP));
  std::size_t i = 0;
  const std::size_t n = s.size();
  const auto skip_spaces = [&] {
    while (i < n && s[i] == ' ') ++i;
  };
  bool negative = false;
  bool signed_already = false;
  const auto read_sign = [&] {
    if (!signed_already && i < n && (s[i] == '-' || s[i] == '+')) {
      negative = s[i] == '-';
      signed_already = true;
      ++i;
      skip_spaces();
    }
  };
  read_sign();
  // An optional currency symbol before the digits ("$50", "€ 1,700", "-$5").
  if (i < n) {
    const Utf8Char c = decode_utf8_at(s, i);
    if (c.valid && category(c.code_point) == UTF8PROC_CATEGORY_SC) {
      i += c.length;
      skip_spaces();
      read_sign();
    }
  }
  const std::size_t start = i;
  while (i < n) {
    const char c = s[i];
    const bool next_digit = i + 1 < n && is_digit(s[i + 1]);
    if (is_digit(c)) {
      ++i;
    } else if ((c == ',' || c == '.') && next_digit) {
      ++i;
    } else if (c == ' ' && next_digit && i > start) {
      ++i;
    } else {
      break;
    }
  }
  if (i == start) return std::nullopt;
  auto value = read_number_body(s.substr(start, i - start));
  if (!value) return std::nullopt;

  // What follows may only be a unit: no digits, starting with a letter or a symbol.
  const std::string rest = trim_ascii_space(std::string_view(s).substr(i));
  if (!rest.empty()) {
    if (std::any_of(rest.begin(), rest.end(), is_digit)) return std::nullopt;
    const Utf8Char first = decode_utf8_at(rest, 0);
    const auto cat = first.valid ? category(first.code_point) : UTF8PROC_CATEGORY_CN;
    const bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
    const bool symbol = cat >= UTF8PROC_CATEGORY_SM && cat <= UTF8PROC_CATEGORY_SO;
    if (!letter && !symbol && first.code_point != U'%') return std::nullopt;
    const std::string folded = normalize_answer_text(rest);
    const std::string first_word = folded.substr(0, folded.find(' '));
    if (const auto factor = scale_word_factor(first_word)) {
      const std::string folded_unit = " " + normalize_answer_text(unit) + " ";
      if (folded_unit.find(" " + first_word + " ") == std::string::npos) *value *= *factor;
    }
  }
  if (!std::isfinite(*value)) return std::nullopt;
  return negative ? -*value : *value;
}

Rating rating_for(bool correct) { return correct ? Rating::Good : Rating::Again; }

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

bool valid_index(int i, std::size_t size) { return i >= 0 && static_cast<std::size_t>(i) < size; }

std::string expected_answer(const Question& q) {
  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse: {
      std::vector<std::string> right;
      for (const auto& c : q.choices) {
        if (c.correct) right.push_back(c.text);
      }
      return join(right, "; ");
    }
    case QuestionType::TrueFalse:
      return q.truth ? "true" : "false";
    case QuestionType::ShortAnswer:
      return q.accepted.empty() ? std::string() : q.accepted.front();
    case QuestionType::Numeric: {
      // Numbers as the question and its explanation write them: "10,000", not "10000".
      const std::string context = q.prompt + "\n" + q.explanation;
      const auto number = [&context](double x) { return format_as_written(x, context); };
      const std::string unit = q.unit.empty() ? std::string() : " " + q.unit;
      if (q.min && q.max) return "from " + number(*q.min) + " to " + number(*q.max) + unit;
      std::string s = number(q.value) + unit;
      if (q.tolerance > 0.0) s += " (\u00b1 " + number(q.tolerance) + ")";
      return s;
    }
    case QuestionType::Ordering:
      return join(q.items, " \u2192 ");
    case QuestionType::Matching: {
      std::vector<std::string> parts;
      for (const auto& p : q.pairs) parts.push_back(p.left + " \u2192 " + p.right);
      return join(parts, "; ");
    }
    case QuestionType::Dilemma:
      return q.model_answer;
  }
  return {};
}

Grade grade_choices(const Question& q, const Answer& a) {
  Grade g;
  const std::set<int> picked(a.choices.begin(), a.choices.end());
  int right_total = 0;
  for (const auto& c : q.choices) right_total += c.correct ? 1 : 0;
  int hits = 0;
  int misses = 0;
  for (int i : picked) {
    if (valid_index(i, q.choices.size()) && q.choices[static_cast<std::size_t>(i)].correct) {
      ++hits;
    } else {
      ++misses;  // a wrong choice, or an index that names no choice
    }
  }
  if (q.type == QuestionType::SingleChoice) {
    g.correct = picked.size() == 1 && hits == 1;
    g.score = g.correct ? 1.0 : 0.0;
  } else {
    g.correct = right_total > 0 && hits == right_total && misses == 0;
    // Partial credit: each right choice picked earns 1/right_total, each wrong pick takes
    // as much back, never below 0 (the "all or nothing with penalty" rule of Moodle's
    // multiple-answer questions).
    g.score = right_total > 0 ? std::max(0.0, static_cast<double>(hits - misses) / right_total) : 0.0;
  }
  return g;
}

Grade grade_ordering(const Question& q, const Answer& a) {
  Grade g;
  const std::size_t n = q.items.size();
  std::vector<int> sorted = a.order;
  std::sort(sorted.begin(), sorted.end());
  bool permutation = sorted.size() == n && n > 0;
  for (std::size_t i = 0; permutation && i < n; ++i) permutation = sorted[i] == static_cast<int>(i);
  if (!permutation) return g;
  // Items compare by text, so two items written the same way are interchangeable.
  const auto text_at = [&](std::size_t pos) { return q.items[static_cast<std::size_t>(a.order[pos])]; };
  bool all_in_place = true;
  for (std::size_t i = 0; i < n; ++i) all_in_place = all_in_place && text_at(i) == q.items[i];
  // Partial credit: the share of item pairs the learner put in the right relative order
  // (1 - normalised Kendall tau distance).
  std::size_t pairs = 0;
  std::size_t ordered = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      ++pairs;
      if (a.order[i] < a.order[j] || text_at(i) == text_at(j)) ++ordered;
    }
  }
  g.correct = all_in_place;
  g.score = all_in_place ? 1.0 : pairs > 0 ? static_cast<double>(ordered) / static_cast<double>(pairs) : 0.0;
  return g;
}

Grade grade_matching(const Question& q, const Answer& a) {
  Grade g;
  const std::size_t n = q.pairs.size();
  if (n == 0) return g;
  std::size_t right = 0;
  for (std::size_t i = 0; i < n && i < a.matches.size(); ++i) {
    const int m = a.matches[i];
    // Right sides compare by text, so two identical right sides are interchangeable.
    if (valid_index(m, n) && q.pairs[static_cast<std::size_t>(m)].right == q.pairs[i].right) ++right;
  }
  g.correct = right == n;
  g.score = static_cast<double>(right) / static_cast<double>(n);
  return g;
}

/// Where describe_answer puts a dilemma's justification.
constexpr std::string_view kJustification = "; justification: ";

Grade grade_dilemma(const Question& q, const Answer& a) {
  Grade g;
  const std::size_t lines = q.rubric.size();
  if (lines == 0 || !valid_index(a.position, q.positions.size())) return g;
  if (a.rubric_skipped) {  // no self-assessment: no evidence either way, the learner rates
    g.proposed = Rating::Good;
    return g;
  }
  std::size_t met = 0;
  for (std::size_t i = 0; i < lines && i < a.rubric_met.size(); ++i) met += a.rubric_met[i] ? 1 : 0;
  g.score = static_cast<double>(met) / static_cast<double>(lines);
  g.correct = 2 * met >= lines;
  g.proposed = met == lines ? Rating::Good : g.correct ? Rating::Hard : Rating::Again;
  return g;
}

}  // namespace

std::string normalize_answer_text(std::string_view text) {
  const std::string valid = encode_utf8(decode_utf8(text, InvalidUtf8::Skip));
  // NFKD + case folding + default-ignorable characters (soft hyphen, zero-width joiners) removed.
  const std::string folded = map_utf8(
      valid, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  std::string kept;
  kept.reserve(folded.size());
  bool pending_space = false;
  for (CodePoint cp : decode_utf8(folded, InvalidUtf8::Skip)) {
    if (is_white_space(cp)) {
      pending_space = !kept.empty();
      continue;
    }
    if (is_punctuation(cp) || is_accent(cp) || category(cp) == UTF8PROC_CATEGORY_CC) continue;
    if (pending_space) kept += ' ';
    pending_space = false;
    append_utf8(kept, cp);
  }
  // Canonical composition of the compatibility decomposition: NFKC.
  return nfc(kept);
}

std::optional<double> parse_learner_number(std::string_view text) {
  return parse_number_with_unit(text, {});
}

Grade grade(const Question& q, const Answer& answer) {
  Grade g;
  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse:
      g = grade_choices(q, answer);
      break;
    case QuestionType::TrueFalse:
      g.correct = answer.truth.has_value() && *answer.truth == q.truth;
      g.score = g.correct ? 1.0 : 0.0;
      break;
    case QuestionType::ShortAnswer: {
      const std::string typed = normalize_answer_text(answer.text);
      g.correct = !typed.empty() &&
                  std::any_of(q.accepted.begin(), q.accepted.end(),
                              [&](const std::string& acc) { return normalize_answer_text(acc) == typed; });
      g.score = g.correct ? 1.0 : 0.0;
      break;
    }
    case QuestionType::Numeric: {
      if (const auto v = parse_number_with_unit(answer.text, q.unit)) {
        // A relative slack of 1e-9 absorbs binary rounding ("0.1" against 0.1 +/- 0).
        if (q.min && q.max) {
          const double eps = 1e-9 * std::max({1.0, std::fabs(*q.min), std::fabs(*q.max)});
          g.correct = *v >= *q.min - eps && *v <= *q.max + eps;
        } else {
          const double eps = 1e-9 * std::max(1.0, std::fabs(q.value));
          g.correct = std::fabs(*v - q.value) <= q.tolerance + eps;
        }
      }
      g.score = g.correct ? 1.0 : 0.0;
      break;
    }
    case QuestionType::Ordering:
      g = grade_ordering(q, answer);
      break;
    case QuestionType::Matching:
      g = grade_matching(q, answer);
      break;
    case QuestionType::Dilemma:
      g = grade_dilemma(q, answer);
      break;
  }
  if (q.type != QuestionType::Dilemma) g.proposed = rating_for(g.correct);
  g.expected = expected_answer(q);
  return g;
}

namespace {

/// The title of the position `answer` took, on one line, or "(none)".
std::string position_title(const Question& q, const Answer& answer) {
  return valid_index(answer.position, q.positions.size())
             ? one_line(q.positions[static_cast<std::size_t>(answer.position)].title)
             : std::string("(none)");
}

}  // namespace

std::string describe_dilemma_choice(const Question& q, const Answer& answer) {
  std::string s = "Position: " + position_title(q, answer);
  const std::string typed = learner_text(answer.text);
  if (!trim_ascii_space(typed).empty()) s += "\nJustification: " + typed;
  return s;
}

std::string describe_answer(const Question& q, const Answer& answer) {
  const std::string none = "(no answer)";
  const auto choice_text = [&](int i) {
    return valid_index(i, q.choices.size()) ? one_line(q.choices[static_cast<std::size_t>(i)].text)
                                            : "(no choice #" + std::to_string(i) + ")";
  };
  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse: {
      std::vector<std::string> parts;
      for (int i : answer.choices) parts.push_back(choice_text(i));
      return parts.empty() ? none : join(parts, "; ");
    }
    case QuestionType::TrueFalse:
      return answer.truth ? (*answer.truth ? "true" : "false") : none;
    case QuestionType::ShortAnswer:
    case QuestionType::Numeric: {
      const std::string typed = learner_text(answer.text);
      return trim_ascii_space(typed).empty() ? none : typed;
    }
    case QuestionType::Ordering: {
      std::vector<std::string> parts;
      for (int i : answer.order) {
        parts.push_back(valid_index(i, q.items.size()) ? one_line(q.items[static_cast<std::size_t>(i)])
                                                       : "(no item #" + std::to_string(i) + ")");
      }
      return parts.empty() ? none : join(parts, " \u2192 ");
    }
    case QuestionType::Matching: {
      std::vector<std::string> parts;
      for (std::size_t i = 0; i < q.pairs.size() && i < answer.matches.size(); ++i) {
        const int m = answer.matches[i];
        parts.push_back(one_line(q.pairs[i].left) + " \u2192 " +
                        (valid_index(m, q.pairs.size()) ? one_line(q.pairs[static_cast<std::size_t>(m)].right)
                                                        : std::string("(none)")));
      }
      return parts.empty() ? none : join(parts, "; ");
    }
    case QuestionType::Dilemma: {
      std::string s = "position: " + position_title(q, answer);
      std::size_t met = 0;
      for (std::size_t i = 0; i < q.rubric.size() && i < answer.rubric_met.size(); ++i) {
        met += answer.rubric_met[i] ? 1 : 0;
      }
      s += answer.rubric_skipped ? std::string("; rubric skipped")
                                 : "; rubric " + std::to_string(met) + "/" + std::to_string(q.rubric.size()) + " met";
      if (!answer.rubric_skipped && q.case_unit && !answer.rubric_levels.empty()) {
        s += "; levels";
        for (std::size_t i = 0; i < q.case_unit->criteria.size(); ++i) {
          const int level = i < answer.rubric_levels.size() ? answer.rubric_levels[i] : -1;
          const auto top = static_cast<int>(q.case_unit->criteria[i].levels.size()) - 1;
          s += " " + (level >= 0 ? std::to_string(level) : std::string("-")) + "/" + std::to_string(top);
        }
      }
      const std::string typed = learner_text(answer.text);
      if (!trim_ascii_space(typed).empty()) s += std::string(kJustification) + typed;
      return s;
    }
  }
  return none;
}

DilemmaDraft dilemma_draft(const Question& q, std::string_view described) {
  DilemmaDraft d;
  constexpr std::string_view kPosition = "position: ";
  if (described.substr(0, kPosition.size()) != kPosition) return d;
  const std::size_t rubric = described.find("; rubric ");
  if (rubric == std::string_view::npos) return d;
  const std::string_view title = described.substr(kPosition.size(), rubric - kPosition.size());
  for (std::size_t i = 0; i < q.positions.size(); ++i) {
    if (one_line(q.positions[i].title) == title) d.position = static_cast<int>(i);
  }
  if (const std::size_t j = described.find(kJustification, rubric); j != std::string_view::npos) {
    d.justification = std::string(described.substr(j + kJustification.size()));
  }
  return d;
}

bool rubric_skipped(std::string_view described) {
  constexpr std::string_view kPosition = "position: ";
  if (described.substr(0, kPosition.size()) != kPosition) return false;
  const std::size_t rubric = described.find("; rubric ");
  return rubric != std::string_view::npos && described.substr(rubric, 16) == "; rubric skipped";
}

}  // namespace casebook::core
