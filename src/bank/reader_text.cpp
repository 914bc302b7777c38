// Text helpers of the bank loader's messages: quoting keys and values, the type of a TOML
// value, example lines for hints, id rules and suggestions, and reflowing wrapped text.
#include "bank/reader.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "core/utf8.hpp"

namespace casebook::bank::detail {

/// Where the key `key` is written in `t` (the table's own place when absent).
Where key_where(const toml::table& t, std::string_view key) {
  const auto it = t.find(key);
  if (it != t.end()) return where_of(it->first.source());
  return where_of(t);
}

/// `s` in backticks for a message; text over 80 bytes is cut (at a character boundary) with
/// "…", so a hostile 2 MB key does not become a 2 MB diagnostic.
std::string ticked(std::string_view s) {
  constexpr std::size_t kMax = 80;
  if (s.size() <= kMax) return "`" + std::string(s) + "`";
  return "`" + std::string(s.substr(0, core::utf8_cut(s, kMax))) + "…`";
}

std::string type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a decimal number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::array:
      return n.as_array()->is_array_of_tables() && !n.as_array()->empty() ? "a list of tables" : "a list";
    case toml::node_type::table: return "a table";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

/// A line of TOML showing how `key` is written, for hints.
std::string example(std::string_view key, std::optional<QuestionType> type) {
  static const std::map<std::string_view, std::string_view> kExamples{
      {"id", "id = \"short-id\""},
      {"title", "title = \"...\""},
      {"version", "version = \"1.0.0\""},
      {"format", "format = 1"},
      {"language", "language = \"en\""},
      {"authors", "authors = [\"Name\"]"},
      {"licence", "licence = \"CC-BY-4.0\""},
      {"description", "description = \"...\""},
      {"citation", "citation = \"Author, \\\"Title\\\", Publisher, date.\""},
      {"url", "url = \"https://...\""},
      {"short", "short = \"Publisher, 2021\""},
      {"type", "type = \"single_choice\""},
      {"topics", "topics = [\"topic-id\"]"},
      {"prompt", "prompt = \"...\""},
      {"explanation", "explanation = \"...\""},
      {"source", "source = \"source-id\""},
      {"paragraph", "paragraph = 12"},
      {"choices", "choices = [\"...\", \"...\"]"},
      {"tolerance", "tolerance = 5"},
      {"range", "range = [40, 60]"},
      {"unit", "unit = \"people\""},
      {"items", "items = [\"first\", \"second\", \"third\"]"},
      {"pairs", "pairs = [[\"left\", \"right\"], [\"left\", \"right\"]]"},
      {"scenario", "scenario = \"...\""},
      {"position", "[[question.position]]"},
      {"rubric", "rubric = [\"...\", \"...\"]"},
      {"model_answer", "model_answer = \"...\""},
      {"arguments", "arguments = [\"...\", \"...\"]"},
      {"facts", "facts = [\"fact-id\"]"},
      {"date", "date = \"2016-05\""},
      {"summary", "summary = \"...\""},
      {"actors", "actors = [\"actor-id\"]"},
      {"place", "place = \"Moscow\""},
      {"name", "name = \"...\""},
      {"kind", "kind = \"agency\""},
      {"aliases", "aliases = [\"...\"]"},
      {"term", "term = \"...\""},
      {"definition", "definition = \"...\""},
      {"value", "value = 1700000000"},
      {"measures", "measures = \"how much ...\""},
      {"event", "event = \"event-id\""},
      {"enabled", "enabled = true"},
      {"count", "count = 6"},
      {"size", "size = 4"},
      {"style", "style = \"choice\""},
      {"min_gap_days", "min_gap_days = 90"},
      {"terms_both_ways", "terms_both_ways = true"},
      {"roles", "roles = [{ actor = \"actor-id\", role = \"made the arrests\" }]"},
      {"article", "article = \"source-id\""},
      // [[exam]]
      {"questions", "questions = { topic-id = 3 }"},
      {"minutes", "minutes = 30"},
      {"pass_mark", "pass_mark = 60"},
      {"mark_each", "mark_each = false"},
      {"dilemmas", "dilemmas = false"},
      // [question.case]
      {"case", "[question.case]"},
      {"protagonist", "protagonist = \"Head of the international unit of a police agency\""},
      {"role", "role = \"...\""},  // a case's protagonist's role, or an event actor's: "made the arrests"
      {"situation", "situation = \"What has happened so far, as the protagonist knows it.\""},
      {"deadline", "deadline = \"Before the next bilateral meeting\""},
      {"decision", "decision = \"Recommend whether to resume cooperation, and on what terms.\""},
      {"constraints", "constraints = [{ kind = \"legal channels\", text = \"...\" }]"},
      {"debrief", "debrief = [\"Which fact would change your recommendation?\"]"},
      {"exhibit", "[[question.case.exhibit]]"},
      {"criterion", "[[question.case.criterion]]"},
      {"epilogue", "[question.case.epilogue]"},
      {"text", "text = \"...\""},
      {"justification", "justification = \"Why, argued from the exhibits.\""},
      {"levels", "levels = [\"0: not mentioned\", \"1: mentioned\", \"2: argued from an exhibit\"]"},
  };
  if (key == "answer") {
    if (type == QuestionType::TrueFalse) return "answer = true";
    if (type == QuestionType::Numeric) return "answer = 50";
    return "answer = \"one of the choices\"";
  }
  if (key == "answers") {
    if (type == QuestionType::MultipleResponse) return "answers = [\"a choice\", \"another choice\"]";
    return "answers = [\"...\", \"...\"]";
  }
  const auto it = kExamples.find(key);
  return it == kExamples.end() ? std::string(key) + " = ..." : std::string(it->second);
}

std::string join_quoted(const std::vector<std::string_view>& words) {
  std::string out;
  std::unordered_set<std::string_view> listed;
  for (const std::string_view w : words) {
    if (!listed.insert(w).second) continue;  // e.g. two positions with one id: listed once
    if (!out.empty()) out += ", ";
    out += ticked(w);
  }
  return out;
}

/// Bank ids: lowercase ASCII letters, digits and '-', starting with a letter or digit.
bool is_bank_id(std::string_view s) {
  if (s.empty() || s.front() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

/// Other ids (questions, sources, topics, positions): ASCII letters, digits, '-', '_', '.',
/// starting with a letter or digit; no spaces or '/', since ids join into card keys.
bool is_plain_id(std::string_view s) {
  if (s.empty()) return false;
  const auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if (!alnum(s.front())) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) { return alnum(c) || c == '-' || c == '_' || c == '.'; });
}

/// A suggestion for a bad id: lower case, runs of other characters turned into one '-'.
std::string slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (ok) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "my-bank" : out;
}

/// Joins hard-wrapped lines as Markdown does, so instructors may wrap long text in `"""`
/// strings: a single line break, with the spaces and tabs around it, becomes one space; a
/// blank line (two or more breaks) becomes one paragraph break "\n\n". Breaks at the very
/// start or end are dropped; CR counts as part of a break. Other text is unchanged.
std::string reflow(std::string_view text) {
  // Most values are one line: copied as they are (memchr, not a byte at a time).
  if (text.find('\n') == std::string_view::npos && text.find('\r') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c != '\n' && c != '\r') {
      out += c;
      ++i;
      continue;
    }
    int breaks = 0;
    std::size_t j = i;
    while (j < text.size() && (text[j] == '\n' || text[j] == '\r' || text[j] == ' ' || text[j] == '\t')) {
      if (text[j] == '\n') ++breaks;
      ++j;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    if (!out.empty() && j < text.size()) out += breaks >= 2 ? "\n\n" : " ";
    i = j;
  }
  return out;
}

}  // namespace casebook::bank::detail
