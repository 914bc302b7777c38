#include "term/input.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace casebook::term {

using core::QuestionType;

namespace {

constexpr std::string_view kSpace = " \t\r\n\v\f";
constexpr std::string_view kSeparators = " \t\r\n\v\f,;";

std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// The words of `s` between separators (spaces, tabs, commas, semicolons).
std::vector<std::string_view> tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (true) {
    i = s.find_first_not_of(kSeparators, i);
    if (i == std::string_view::npos) break;
    const std::size_t end = std::min(s.find_first_of(kSeparators, i), s.size());
    out.push_back(s.substr(i, end - i));
    i = end;
  }
  return out;
}

/// A whole number made of ASCII digits only (no sign), or nullopt.
std::optional<int> whole_number(std::string_view t) {
  if (t.empty() || !std::all_of(t.begin(), t.end(), is_digit)) return std::nullopt;
  int v = 0;
  const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || ptr != t.data() + t.size()) return std::nullopt;
  return v;
}

/// "“text”", cut after 20 bytes at a character boundary, for error sentences.
std::string quoted(std::string_view t) {
  std::size_t cut = t.size();
  if (cut > 20) {
    cut = 20;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
  }
  return "“" + std::string(t.substr(0, cut)) + (cut < t.size() ? "…" : "") + "”";
}

/// Display numbers (1-based) from a line of numbers; with at most 9 options a run of digits
/// such as "312" counts as "3 1 2". `what` names an option in errors ("choice", "item").
struct Numbers {
  std::vector<int> values;
  std::string error;
};

Numbers read_numbers(std::string_view line, int n, const std::string& what) {
  Numbers r;
  const std::string range = "the " + what + "s are numbered 1 to " + std::to_string(n) + ".";
  for (const std::string_view t : tokens(line)) {
    const std::optional<int> v = whole_number(t);
    if (!v) {
      r.error = quoted(t) + " is not a number: " + range;
      return r;
    }
    std::vector<int> parts;
    if (n <= 9 && t.size() > 1) {
      for (const char c : t) parts.push_back(c - '0');
    } else {
      parts.push_back(*v);
    }
    for (const int p : parts) {
      if (p < 1 || p > n) {
        // "2014" at a question of six choices: say that the digits were read one by one.
        const std::string in = parts.size() > 1 ? " in " + quoted(t) + " (digits typed together count one by one)" : "";
        r.error = "There is no " + what + " " + std::to_string(p) + in + ": " + range;
        return r;
      }
      r.values.push_back(p);
    }
  }
  return r;
}

int option_index(const app::CardView& card, int display_number) {
  return card.options[static_cast<std::size_t>(display_number - 1)].index;
}

ParsedAnswer parse_ordering(const app::CardView& card, std::string_view line) {
  ParsedAnswer r;
  const int n = static_cast<int>(card.options.size());
  if (trimmed(line).empty()) {  // the starting order, as Enter in the window
    for (int k = 1; k <= n; ++k) r.answer.order.push_back(option_index(card, k));
    return r;
  }
  const Numbers nums = read_numbers(line, n, "item");
  if (!nums.error.empty()) {
    r.error = nums.error;
    return r;
  }
  const std::string each = "give each of the " + std::to_string(n) + " items once, first to last.";
  std::vector<int> seen(static_cast<std::size_t>(n) + 1, 0);
  for (const int v : nums.values) {
    if (++seen[static_cast<std::size_t>(v)] == 2) {
      r.error = "Item " + std::to_string(v) + " is given twice: " + each;
      return r;
    }
  }
  std::vector<int> missing;
  for (int k = 1; k <= n; ++k) {
    if (seen[static_cast<std::size_t>(k)] == 0) missing.push_back(k);
  }
  if (!missing.empty()) {
    r.error = (missing.size() == 1 ? "Item " : "Items ") + number_list(missing) +
              (missing.size() == 1 ? " is missing: " : " are missing: ") + each;
    return r;
  }
  for (const int v : nums.values) r.answer.order.push_back(option_index(card, v));
  return r;
}

/// One pair as typed: "2b", "2-b", "2: b" or "2 b".
struct Pair {
  std::size_t start = 0;        ///< where it begins in the line
  std::string_view item, letters;
  bool well_formed = false;     ///< digits, then letters, then a separator or the end
};

/// The pair at or after `i` (separators skipped), moving `i` past it; nullopt at the end.
std::optional<Pair> next_pair(std::string_view s, std::size_t& i) {
  const auto skip = [&](std::string_view set) {
    while (i < s.size() && set.find(s[i]) != std::string_view::npos) ++i;
  };
  skip(kSeparators);
  if (i >= s.size()) return std::nullopt;
  Pair p;
  p.start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  p.item = s.substr(p.start, i - p.start);
  skip(" \t-:=");
  const std::size_t b = i;
  while (i < s.size() && is_letter(s[i])) ++i;
  p.letters = s.substr(b, i - b);
  p.well_formed = !p.item.empty() && !p.letters.empty() && (i == s.size() || kSeparators.find(s[i]) != std::string_view::npos);
  return p;
}

/// The 0-based display position a letter label names ("a" = 0, "aa" = 26), or -1.
int letter_position(std::string_view letters) {
  long v = 0;
  for (const char c : lower_ascii(letters)) {
    v = v * 26 + (c - 'a' + 1);
    if (v > 1'000'000) return -1;
  }
  return static_cast<int>(v) - 1;
}

}  // namespace

Command command_of(std::string_view line) {
  const std::string t = lower_ascii(trimmed(line));
  if (t == "q" || t == "quit") return Command::Quit;
  if (t == "?" || t == "help") return Command::Help;
  if (t == "u" || t == "undo") return Command::Undo;
  return Command::None;
}

std::string_view without_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

ParsedAnswer parse_answer(const app::CardView& card, std::string_view line) {
  ParsedAnswer r;
  const std::string_view t = trimmed(line);
  const int n = static_cast<int>(card.options.size());
  switch (card.type) {
    case QuestionType::SingleChoice: {
      if (t.empty()) return r;
      const Numbers nums = read_numbers(t, n, "choice");
      if (!nums.error.empty()) {
        r.error = nums.error;
      } else if (nums.values.size() > 1) {
        r.error = "Choose one answer only: type one number from 1 to " + std::to_string(n) + ".";
      } else {
        r.answer.choices.push_back(option_index(card, nums.values.front()));
      }
      return r;
    }
    case QuestionType::MultipleResponse: {
      const Numbers nums = read_numbers(t, n, "choice");
      if (!nums.error.empty()) {
        r.error = nums.error;
        return r;
      }
      std::set<int> chosen;
      for (const int v : nums.values) chosen.insert(option_index(card, v));
      r.answer.choices.assign(chosen.begin(), chosen.end());  // sorted, as the window sends them
      return r;
    }
    case QuestionType::TrueFalse: {
      const std::string w = lower_ascii(t);
      if (w == "t" || w == "true" || w == "1") {
        r.answer.truth = true;
      } else if (w == "f" || w == "false" || w == "2") {
        r.answer.truth = false;
      } else if (!w.empty()) {
        r.error = "Type t for true or f for false (or 1 or 2).";
      }
      return r;
    }
    case QuestionType::ShortAnswer:
    case QuestionType::Numeric: r.answer.text = std::string(without_cr(line)); return r;
    case QuestionType::Ordering: return parse_ordering(card, line);
    case QuestionType::Matching:
    case QuestionType::Dilemma: r.error = "This card is answered in several steps."; return r;
  }
  return r;
}

std::string option_letter(int k) {
  std::string s;
  for (int v = k + 1; v > 0; v = (v - 1) / 26) s.insert(s.begin(), static_cast<char>('a' + (v - 1) % 26));
  return s;
}

std::string add_pairs(const app::CardView& card, std::string_view line, std::vector<int>& draft) {
  const int items = static_cast<int>(card.left.size());
  const int options = static_cast<int>(card.options.size());
  const std::string example = "pair a numbered item with a lettered option, for example 1" +
                              option_letter(std::min(1, options - 1)) + ".";
  std::vector<int> next = draft;
  next.resize(card.left.size(), -1);
  std::vector<bool> given(card.left.size(), false);
  std::size_t i = 0;
  while (const std::optional<Pair> p = next_pair(line, i)) {
    const std::optional<int> item = whole_number(p->item);
    if (!p->well_formed || !item) {
      const std::size_t end = std::min(line.find_first_of(kSeparators, std::max(i, p->start + 1)), line.size());
      return quoted(line.substr(p->start, end - p->start)) + " is not a pair: " + example;
    }
    if (*item < 1 || *item > items) {
      return "There is no item " + std::to_string(*item) + ": the items are numbered 1 to " + std::to_string(items) + ".";
    }
    const int pos = letter_position(p->letters);
    if (pos < 0 || pos >= options) {
      return "There is no option " + lower_ascii(p->letters) + ": the options are a to " + option_letter(options - 1) + ".";
    }
    const auto row = static_cast<std::size_t>(*item - 1);
    if (given[row]) return "Item " + std::to_string(*item) + " is paired twice in this line: give each item one option.";
    given[row] = true;
    next[row] = pos;
  }
  draft = std::move(next);
  return "";
}

std::string number_list(const std::vector<int>& numbers) {
  std::string s;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (i > 0) s += i + 1 == numbers.size() ? " and " : ", ";
    s += std::to_string(numbers[i]);
  }
  return s;
}

std::vector<int> unpaired_items(const std::vector<int>& draft) {
  std::vector<int> out;
  for (std::size_t i = 0; i < draft.size(); ++i) {
    if (draft[i] < 0) out.push_back(static_cast<int>(i) + 1);
  }
  return out;
}

core::Answer matching_answer(const app::CardView& card, const std::vector<int>& draft) {
  core::Answer a;
  for (std::size_t i = 0; i < card.left.size(); ++i) {
    const int k = i < draft.size() ? draft[i] : -1;
    a.matches.push_back(k >= 0 ? card.options[static_cast<std::size_t>(k)].index : -1);
  }
  return a;
}

ParsedPosition parse_position(const app::CardView& card, std::string_view line) {
  ParsedPosition r;
  const std::string_view t = trimmed(line);
  if (t.empty()) return r;
  const int n = static_cast<int>(card.positions.size());
  const Numbers nums = read_numbers(t, std::max(n, 10), "position");  // no digit splitting here
  if (!nums.error.empty() || nums.values.size() != 1 || nums.values.front() > n) {
    r.error = "Type the number of one position, 1 to " + std::to_string(n) + ".";
    return r;
  }
  r.position = nums.values.front() - 1;
  return r;
}

core::Answer dilemma_answer(const app::CardView& card, int position, std::string justification) {
  core::Answer a;
  a.position = position;
  a.text = std::move(justification);
  a.rubric_met.assign(card.rubric.size(), false);
  return a;
}

ParsedTicks parse_ticks(const app::CardView& card, std::string_view line) {
  ParsedTicks r;
  const int n = static_cast<int>(card.rubric.size());
  r.met.assign(card.rubric.size(), false);
  const std::string_view t = trimmed(line);
  if (t.empty() || t == "-") return r;
  const std::string range = "the rubric lines are a to " + option_letter(n - 1) + ", or - for none.";
  for (const std::string_view word : tokens(t)) {
    for (const char c : lower_ascii(word)) {
      const int k = c - 'a';
      if (!is_letter(c)) {
        r.error = quoted(word) + " is not a rubric letter: " + range;
      } else if (k >= n) {
        r.error = "There is no rubric line " + std::string(1, c) + ": " + range;
      }
      if (!r.error.empty()) {
        r.met.assign(card.rubric.size(), false);
        return r;
      }
      r.met[static_cast<std::size_t>(k)] = true;
    }
  }
  return r;
}

ParsedRating parse_rating(std::string_view line) {
  ParsedRating r;
  const std::string t = lower_ascii(trimmed(line));
  static constexpr std::string_view kNames[] = {"again", "hard", "good", "easy"};
  for (int i = 0; i < 4; ++i) {
    if (t == std::to_string(i + 1) || t == kNames[i]) {
      r.rating = static_cast<core::Rating>(i + 1);
      return r;
    }
  }
  if (t.empty()) {
    r.accept = true;
  } else {
    r.error = "Type a rating from 1 to 4, or press Enter to accept the proposed one.";
  }
  return r;
}

}  // namespace casebook::term
