// Reads question banks (TOML, formats 1 and 2, docs/bank-format.md) with toml++ 3.3 and checks
// them against the format, collecting every problem as a Diagnostic with file:line:col.
#include "bank/loader.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "bank/suggest.hpp"
#include "core/citation.hpp"
#include "core/generate.hpp"
#include "core/grading.hpp"
#include "core/text.hpp"

namespace casebook::bank {

namespace {

namespace fs = std::filesystem;
using core::Diagnostic;
using core::QuestionType;
using core::Severity;

/// The bank format versions this loader reads: 1, and 2 (fact tables and generators).
constexpr std::int64_t kFormatVersion = 1;
constexpr std::int64_t kFormatFacts = 2;
/// Files larger than this are refused before parsing (a bank is a few hundred kilobytes).
constexpr std::uintmax_t kMaxFileBytes = 16u * 1024u * 1024u;
/// Most dotted parts a key or table name may have (see find_overlong_key).
constexpr int kMaxKeyParts = 64;

constexpr std::size_t kMinChoices = 2;
constexpr std::size_t kMinItems = 3;
constexpr std::size_t kMinPairs = 2;
constexpr std::size_t kMinPositions = 2;
constexpr std::size_t kMinRubricLines = 2;
/// The app ticks rubric lines with the keys A-H: a rubric has at most eight lines.
constexpr std::size_t kMaxRubricLines = 8;
constexpr std::size_t kMinAnswers = 1;

/// A 1-based place in the file (0 when unknown). toml++ counts columns in code points.
struct Where {
  int line = 0;
  int column = 0;
};

Where where_of(const toml::source_region& r) {
  return {static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}
Where where_of(const toml::node& n) { return where_of(n.source()); }

/// Where the key `key` is written in `t` (the table's own place when absent).
Where key_where(const toml::table& t, std::string_view key) {
  const auto it = t.find(key);
  if (it != t.end()) return where_of(it->first.source());
  return where_of(t);
}

/// What a table is called in messages, and where its header is.
struct Context {
  std::string name;
  Where at;
};

/// `s` in backticks for a message; text over 80 bytes is cut (at a character boundary) with
/// "…", so a hostile 2 MB key does not become a 2 MB diagnostic.
std::string ticked(std::string_view s) {
  constexpr std::size_t kMax = 80;
  if (s.size() <= kMax) return "`" + std::string(s) + "`";
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return "`" + std::string(s.substr(0, cut)) + "…`";
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

// Keys of each table (docs/bank-format.md). Order is the order in hints.
const std::vector<std::string_view> kRootKeys{"bank",  "source", "topic", "question", "generators",
                                              "event", "actor",  "term",  "figure"};
/// Keys that only format 2 has: at the top level, and in [[question]].
const std::vector<std::string_view> kFormat2RootKeys{"generators", "event", "actor", "term", "figure"};
const std::vector<std::string_view> kBankKeys{"id",      "title",   "version",    "format",
                                              "language", "authors", "licence", "description"};
const std::vector<std::string_view> kSourceKeys{"id", "citation", "url", "short"};
const std::vector<std::string_view> kTopicKeys{"id", "title"};
const std::vector<std::string_view> kQuestionKeys{"id",          "type",   "topics",    "prompt",
                                                  "explanation", "source", "paragraph", "facts"};
const std::vector<std::string_view> kEventKeys{"id",     "date",  "title",  "summary",  "actors",
                                               "place",  "topics", "source", "paragraph"};
const std::vector<std::string_view> kActorKeys{"id",     "name",  "kind",   "description",
                                               "aliases", "topics", "source", "paragraph"};
const std::vector<std::string_view> kTermKeys{"id", "term", "definition", "topics", "source", "paragraph"};
const std::vector<std::string_view> kFigureKeys{"id",    "value",  "unit",   "measures", "tolerance",
                                                "event", "topics", "source", "paragraph"};
const std::vector<std::string_view> kPositionKeys{"id", "title", "arguments"};

std::vector<std::string_view> type_keys(QuestionType t) {
  switch (t) {
    case QuestionType::SingleChoice: return {"choices", "answer"};
    case QuestionType::MultipleResponse: return {"choices", "answers"};
    case QuestionType::TrueFalse: return {"answer"};
    case QuestionType::ShortAnswer: return {"answers"};
    case QuestionType::Numeric: return {"answer", "tolerance", "range", "unit"};
    case QuestionType::Ordering: return {"items"};
    case QuestionType::Matching: return {"pairs"};
    case QuestionType::Dilemma: return {"scenario", "position", "rubric", "model_answer"};
  }
  return {};
}

const std::vector<QuestionType> kAllTypes{
    QuestionType::SingleChoice, QuestionType::MultipleResponse, QuestionType::TrueFalse,
    QuestionType::ShortAnswer,  QuestionType::Numeric,          QuestionType::Ordering,
    QuestionType::Matching,     QuestionType::Dilemma};

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
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ", ";
    out += ticked(words[i]);
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

/// A string with the place it was written.
struct Located {
  std::string text;
  Where at;
};

/// Reads one bank. All state lives here so the loader is re-entrant.
class BankReader {
 public:
  explicit BankReader(std::string path) : m_path(std::move(path)) {}

  LoadResult read(std::string_view text);

  /// The `[bank] id` as written (even when the bank has errors) and where it is.
  [[nodiscard]] const std::optional<Located>& bank_id() const { return m_bank_id; }

 private:
  void report(Severity severity, Where at, std::string code, std::string message, std::string hint) {
    m_diags.push_back(Diagnostic{m_path, at.line, at.column, severity, std::move(code), std::move(message),
                                 std::move(hint)});
  }
  void error(Where at, std::string code, std::string message, std::string hint) {
    report(Severity::Error, at, std::move(code), std::move(message), std::move(hint));
  }
  void warning(Where at, std::string code, std::string message, std::string hint) {
    report(Severity::Warning, at, std::move(code), std::move(message), std::move(hint));
  }

  void syntax_error(const toml::parse_error& e);
  /// "question `x` has 1 choice; it needs at least 2" (`what` is the singular noun).
  void too_few(Where at, std::string_view code, const Context& ctx, std::size_t found, std::size_t min_count,
               std::string_view what, std::string hint) {
    const std::string noun = std::string(what) + (found == 1 ? "" : "s");
    error(at, std::string(code),
          ctx.name + " has " + std::to_string(found) + " " + noun + "; it needs at least " + std::to_string(min_count),
          std::move(hint));
  }
  /// Errors for keys of `t` not in `allowed`: `key-not-for-type` for `other_type_keys`,
  /// `needs-format-2` for `format2_keys` (keys a format-1 bank may not use), else `unknown-key`.
  void check_keys(const toml::table& t, const std::vector<std::string_view>& allowed, const Context& ctx,
                  const std::vector<std::string_view>& other_type_keys = {},
                  const std::vector<std::string_view>& format2_keys = {});
  const toml::node* require(const toml::table& t, std::string_view key, const Context& ctx);
  void wrong_type(const toml::node& n, std::string_view key, std::string_view expected);
  enum class Need { Required, Optional };
  enum class IfEmpty { Error, Warn, Allow };
  std::optional<Located> get_string(const toml::table& t, std::string_view key, const Context& ctx, Need need,
                                    IfEmpty if_empty = IfEmpty::Error);
  std::optional<double> get_number(const toml::table& t, std::string_view key, const Context& ctx, Need need);
  std::optional<std::vector<Located>> get_strings(const toml::table& t, std::string_view key, const Context& ctx,
                                                  Need need, std::size_t min_count, std::string_view too_few_code,
                                                  std::string_view what);
  std::optional<std::string> get_id(const toml::table& t, const Context& ctx);
  const toml::array* get_tables(const toml::node& n, std::string_view key);
  /// Calls fn(table, ordinal) for each table of `arr` (ordinal counts every entry from 1).
  template <typename Fn>
  static void for_each_table(const toml::array& arr, Fn&& fn);
  /// Records `id` in `seen`; a second use is a `duplicate-id` error naming the first line.
  void note_id(std::map<std::string, int>& seen, const std::string& id, Where at, std::string_view what,
               std::string_view scope, std::string_view hint);

  void read_bank_info(const toml::table& root, core::Bank& bank);
  void read_sources(const toml::table& root, core::Bank& bank);
  void read_topics(const toml::table& root, core::Bank& bank);
  void read_questions(const toml::table& root, core::Bank& bank);
  core::Question read_question(const toml::table& t, std::size_t ordinal, const core::Bank& bank);
  void read_paragraphs(const toml::table& t, const Context& ctx, core::SourceLocator& loc);
  void read_locator(const toml::table& t, const Context& ctx, const core::Bank& bank, core::SourceLocator& loc);
  void read_topic_refs(const toml::table& t, const Context& ctx, const core::Bank& bank,
                       std::vector<std::string>& out);
  void read_generators(const toml::table& root, core::Bank& bank);
  void read_facts(const toml::table& root, core::Bank& bank);
  /// Reads the fields every fact has; false when the fact has no usable id.
  bool read_fact_base(const toml::table& t, Context& ctx, std::string_view kind, const core::Bank& bank,
                      core::FactBase& f);
  void read_event(const toml::table& t, Context ctx, core::Bank& bank);
  void read_actor(const toml::table& t, Context ctx, core::Bank& bank);
  void read_term(const toml::table& t, Context ctx, core::Bank& bank);
  void read_figure(const toml::table& t, Context ctx, core::Bank& bank);
  /// Checks a list of ids against `known` (error `code` with did-you-mean for each unknown one).
  std::vector<std::string> read_refs(const toml::table& t, std::string_view key, const Context& ctx,
                                     const std::vector<std::string_view>& known, std::string_view code,
                                     std::string_view what);
  void generate(core::Bank& bank);
  void read_choices(const toml::table& t, const Context& ctx, core::Question& q);
  void read_numeric(const toml::table& t, const Context& ctx, core::Question& q);
  void read_pairs(const toml::table& t, const Context& ctx, core::Question& q);
  void read_dilemma(const toml::table& t, const Context& ctx, core::Question& q);
  void warn_repeats(const std::vector<Located>& values, std::string_view what);
  /// Warns (`unrenderable-character`) when `v` has a character above U+FFFF (emoji, some
  /// CJK and maths letters): Debian's Dear ImGui 1.86 stores characters in 16 bits, so the
  /// app would show "?" and a learner could never type such an answer.
  void warn_unrenderable(const Located& v);
  void check_citations(const toml::node& n, const core::Bank& bank);
  void check_question_citations(const toml::table& t, const core::Bank& bank);
  Where where_in_text(std::size_t offset) const;
  std::optional<std::size_t> offset_in_text(Where at) const;

  std::string m_path;
  std::string_view m_text;                ///< the file being read (valid during read())
  std::vector<std::size_t> m_line_starts; ///< byte offset of each line of m_text
  std::vector<Diagnostic> m_diags;
  std::optional<Located> m_bank_id;
  std::optional<QuestionType> m_type;  ///< type of the question being read (for hints)
  std::map<std::string, int> m_fact_ids;  ///< every fact id -> its line (ids are shared by all kinds)
};

void BankReader::syntax_error(const toml::parse_error& e) {
  std::string what(e.description());
  // toml++ says "Error while parsing key-value pair: <detail>"; keep the detail.
  static constexpr std::string_view kPrefix = "Error while parsing ";
  if (what.rfind(kPrefix, 0) == 0) {
    const std::size_t colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
  }
  std::string hint = "fix the TOML syntax here (TOML 1.0: quotes, brackets, commas, one key per line)";
  if (what.find("nested value depth") != std::string::npos) {
    hint = "nest lists and tables less deeply; a bank needs at most 3 levels";
  } else if (what.find("redefine") != std::string::npos) {
    hint = "each key may appear once per table; remove or rename the second one";
  } else if (what.find("control characters") != std::string::npos) {
    hint = "a \"...\" string must end on its line: close the quote, or use \"\"\"...\"\"\" for text on several lines";
  } else if (what.find("UTF-8") != std::string::npos || what.find("utf-8") != std::string::npos) {
    hint = "save the file as UTF-8";
  }
  error(where_of(e.source()), "toml-syntax", "invalid TOML: " + what, hint);
}

void BankReader::check_keys(const toml::table& t, const std::vector<std::string_view>& allowed,
                            const Context& ctx, const std::vector<std::string_view>& other_type_keys,
                            const std::vector<std::string_view>& format2_keys) {
  for (const auto& [key, value] : t) {
    const std::string_view k = key.str();
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    const Where at = where_of(key.source());
    const auto near = closest_word(k, allowed);
    const std::string did_you_mean = near ? "did you mean " + ticked(*near) + "?" : std::string();
    if (std::find(format2_keys.begin(), format2_keys.end(), k) != format2_keys.end()) {
      const std::string shown = k == "generators" ? "[generators]"
                                : k == "facts"    ? "`facts`"
                                                  : "[[" + std::string(k) + "]]";
      error(at, "needs-format-2", shown + " needs bank format 2",
            "set `format = 2` in [bank] to use fact tables and generators (docs/bank-format.md)");
      continue;
    }
    if (std::find(other_type_keys.begin(), other_type_keys.end(), k) != other_type_keys.end()) {
      std::string hint = "remove " + ticked(k) + ", or change `type`";
      if (near) hint += "; " + did_you_mean;
      error(at, "key-not-for-type",
            ticked(k) + " does not apply to a " + (m_type ? core::to_string(*m_type) : "") + " question", hint);
      continue;
    }
    error(at, "unknown-key", "unknown key " + ticked(k) + " in " + ctx.name,
          near ? did_you_mean : "the keys allowed here are " + join_quoted(allowed));
  }
}

const toml::node* BankReader::require(const toml::table& t, std::string_view key, const Context& ctx) {
  const toml::node* n = t.get(key);
  if (n == nullptr) {
    error(ctx.at, "missing-key", ctx.name + " has no " + ticked(key), "add `" + example(key, m_type) + "`");
  }
  return n;
}

void BankReader::wrong_type(const toml::node& n, std::string_view key, std::string_view expected) {
  error(where_of(n), "wrong-type", ticked(key) + " must be " + std::string(expected) + ", not " + type_name(n),
        "write it like `" + example(key, m_type) + "`");
}

/// Joins hard-wrapped lines as Markdown does, so instructors may wrap long text in `"""`
/// strings: a single line break, with the spaces and tabs around it, becomes one space; a
/// blank line (two or more breaks) becomes one paragraph break "\n\n". Breaks at the very
/// start or end are dropped; CR counts as part of a break. Other text is unchanged.
std::string reflow(std::string_view text) {
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

std::optional<Located> BankReader::get_string(const toml::table& t, std::string_view key, const Context& ctx,
                                              Need need, IfEmpty if_empty) {
  const toml::node* n = need == Need::Required ? require(t, key, ctx) : t.get(key);
  if (n == nullptr) return std::nullopt;
  const auto* s = n->as_string();
  if (s == nullptr) {
    wrong_type(*n, key, "a string");
    return std::nullopt;
  }
  Located out{reflow(s->get()), where_of(*n)};
  warn_unrenderable(out);
  if (core::is_blank(out.text)) {
    if (if_empty == IfEmpty::Error) {
      error(out.at, "empty-value", ticked(key) + " is empty in " + ctx.name, "write the text between the quotes");
    } else if (if_empty == IfEmpty::Warn) {
      warning(out.at, "empty-" + std::string(key), ticked(key) + " is empty in " + ctx.name,
              "say why the answer is right, in your own words, and where the source says so");
    }
  }
  return out;
}

std::optional<double> BankReader::get_number(const toml::table& t, std::string_view key, const Context& ctx,
                                             Need need) {
  const toml::node* n = need == Need::Required ? require(t, key, ctx) : t.get(key);
  if (n == nullptr) return std::nullopt;
  double v = 0.0;
  if (const auto* i = n->as_integer()) {
    v = static_cast<double>(i->get());
  } else if (const auto* f = n->as_floating_point()) {
    v = f->get();
  } else {
    wrong_type(*n, key, "a number");
    return std::nullopt;
  }
  if (!std::isfinite(v)) {
    error(where_of(*n), "bad-number", ticked(key) + " must be a finite number", "write a plain number such as 50 or 2.5");
    return std::nullopt;
  }
  return v;
}

std::optional<std::vector<Located>> BankReader::get_strings(const toml::table& t, std::string_view key,
                                                            const Context& ctx, Need need, std::size_t min_count,
                                                            std::string_view too_few_code, std::string_view what) {
  const toml::node* n = need == Need::Required ? require(t, key, ctx) : t.get(key);
  if (n == nullptr) return std::nullopt;
  const auto* arr = n->as_array();
  if (arr == nullptr) {
    wrong_type(*n, key, "a list of strings");
    return std::nullopt;
  }
  std::vector<Located> out;
  bool ok = true;
  for (const auto& element : *arr) {
    const auto* s = element.as_string();
    if (s == nullptr) {
      error(where_of(element), "wrong-type",
            "each entry of " + ticked(key) + " must be a string, not " + type_name(element),
            "put the text in double quotes, e.g. `" + example(key, m_type) + "`");
      ok = false;
      continue;
    }
    if (core::is_blank(s->get())) {
      error(where_of(element), "empty-value", "an entry of " + ticked(key) + " is empty in " + ctx.name,
            "write the text, or remove the empty entry");
      ok = false;
      continue;
    }
    out.push_back(Located{reflow(s->get()), where_of(element)});
    warn_unrenderable(out.back());
  }
  if (!ok) return std::nullopt;
  if (out.size() < min_count) {
    too_few(where_of(*n), too_few_code, ctx, out.size(), min_count, what, "add " + std::string(what) + "s to " + ticked(key));
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> BankReader::get_id(const toml::table& t, const Context& ctx) {
  auto id = get_string(t, "id", ctx, Need::Required);
  if (!id || core::is_blank(id->text)) return std::nullopt;
  if (!is_plain_id(id->text)) {
    error(id->at, "bad-id", "id " + ticked(id->text) + " in " + ctx.name + " has characters ids may not use",
          "use ASCII letters, digits, '-', '_' or '.', e.g. `" + slug(id->text) + "`");
    // Still returned, so that references to it do not add errors of their own.
  }
  return id->text;
}

/// The list of tables under `key` (`[[key]]`), or nullptr after reporting its wrong shape.
const toml::array* BankReader::get_tables(const toml::node& n, std::string_view key) {
  const auto* arr = n.as_array();
  if (arr == nullptr) {
    error(where_of(n), "wrong-type", ticked(key) + " must be a list of tables, not " + type_name(n),
          "write each one as a [[" + std::string(key) + "]] table (two brackets)");
    return nullptr;
  }
  for (const auto& element : *arr) {
    if (!element.is_table()) {
      error(where_of(element), "wrong-type",
            "each entry of " + ticked(key) + " must be a table, not " + type_name(element),
            "write each one as a [[" + std::string(key) + "]] table (two brackets)");
    }
  }
  return arr;
}

void BankReader::read_bank_info(const toml::table& root, core::Bank& bank) {
  const toml::node* n = root.get("bank");
  if (n == nullptr) {
    error({1, 1}, "missing-table", "the file has no [bank] table",
          "start the file with [bank] and its id, title, version and format (docs/bank-format.md)");
    return;
  }
  const auto* t = n->as_table();
  if (t == nullptr) {
    error(key_where(root, "bank"), "wrong-type", "`bank` must be a table, not " + type_name(*n),
          "write one [bank] table (one bracket)");
    return;
  }
  const Context ctx{"[bank]", where_of(*t)};
  check_keys(*t, kBankKeys, ctx);
  auto& info = bank.info;
  if (auto id = get_string(*t, "id", ctx, Need::Required); id && !core::is_blank(id->text)) {
    m_bank_id = id;
    if (!is_bank_id(id->text)) {
      error(id->at, "bad-id", "bank id " + ticked(id->text) + " may use only lowercase letters, digits and '-'",
            "e.g. `" + slug(id->text) + "`; never change it once students use the bank");
    }
    info.id = id->text;
  }
  if (auto v = get_string(*t, "title", ctx, Need::Required)) info.title = v->text;
  if (auto v = get_string(*t, "version", ctx, Need::Required)) info.version = v->text;
  if (const toml::node* f = require(*t, "format", ctx)) {
    if (const auto* i = f->as_integer()) {
      if (i->get() != kFormatVersion && i->get() != kFormatFacts) {
        error(where_of(*f), "unsupported-format",
              "bank format " + std::to_string(i->get()) + " is not supported; this Casebook reads formats " +
                  std::to_string(kFormatVersion) + " and " + std::to_string(kFormatFacts),
              "write the bank in format 1 or 2 (docs/bank-format.md), or use a newer Casebook");
      } else {
        info.format = static_cast<int>(i->get());
      }
    } else {
      wrong_type(*f, "format", "an integer");
    }
  }
  info.language = "en";
  if (auto v = get_string(*t, "language", ctx, Need::Optional)) info.language = v->text;
  if (auto v = get_strings(*t, "authors", ctx, Need::Optional, 0, "", "author")) {
    for (auto& a : *v) info.authors.push_back(a.text);
  }
  if (auto v = get_string(*t, "licence", ctx, Need::Optional)) info.licence = v->text;
  if (auto v = get_string(*t, "description", ctx, Need::Optional, IfEmpty::Allow)) info.description = v->text;
}

template <typename Fn>
void BankReader::for_each_table(const toml::array& arr, Fn&& fn) {
  std::size_t ordinal = 0;
  for (const auto& element : arr) {
    ++ordinal;
    if (const auto* t = element.as_table()) fn(*t, ordinal);
  }
}

void BankReader::note_id(std::map<std::string, int>& seen, const std::string& id, Where at, std::string_view what,
                         std::string_view scope, std::string_view hint) {
  if (const auto [it, fresh] = seen.emplace(id, at.line); !fresh) {
    error(at, "duplicate-id",
          std::string(what) + " id " + ticked(id) + " is used twice" + std::string(scope) + " (first at line " +
              std::to_string(it->second) + ")",
          std::string(hint));
  }
}

void BankReader::read_sources(const toml::table& root, core::Bank& bank) {
  const toml::node* n = root.get("source");
  if (n == nullptr) return;
  const auto* arr = get_tables(*n, "source");
  if (arr == nullptr) return;
  std::map<std::string, int> seen;  // id -> line
  for_each_table(*arr, [&](const toml::table& t, std::size_t ordinal) {
    const Context ctx{"[[source]] #" + std::to_string(ordinal), where_of(t)};
    check_keys(t, kSourceKeys, ctx);
    core::Source s;
    if (auto id = get_id(t, ctx)) {
      s.id = *id;
      note_id(seen, *id, where_of(*t.get("id")), "source", "", "give every [[source]] its own id");
    }
    if (auto v = get_string(t, "citation", ctx, Need::Required)) s.citation = v->text;
    if (auto v = get_string(t, "url", ctx, Need::Optional)) s.url = v->text;
    if (auto v = get_string(t, "short", ctx, Need::Optional)) s.short_form = v->text;
    bank.sources.push_back(std::move(s));
  });
}

void BankReader::read_topics(const toml::table& root, core::Bank& bank) {
  const toml::node* n = root.get("topic");
  if (n == nullptr) return;
  const auto* arr = get_tables(*n, "topic");
  if (arr == nullptr) return;
  std::map<std::string, int> seen;
  for_each_table(*arr, [&](const toml::table& t, std::size_t ordinal) {
    const Context ctx{"[[topic]] #" + std::to_string(ordinal), where_of(t)};
    check_keys(t, kTopicKeys, ctx);
    core::Topic topic;
    if (auto id = get_id(t, ctx)) {
      topic.id = *id;
      note_id(seen, *id, where_of(*t.get("id")), "topic", "", "give every [[topic]] its own id");
    }
    if (auto v = get_string(t, "title", ctx, Need::Required)) topic.title = v->text;
    bank.topics.push_back(std::move(topic));
  });
}

void BankReader::read_questions(const toml::table& root, core::Bank& bank) {
  const toml::node* n = root.get("question");
  if (n == nullptr && !bank.facts.empty()) return;  // generated questions follow (see generate)
  if (n == nullptr) {
    warning({1, 1}, "no-questions", "the bank has no questions", "add [[question]] tables (docs/bank-format.md)");
    return;
  }
  const auto* arr = get_tables(*n, "question");
  if (arr == nullptr) return;
  std::map<std::string, int> seen;
  for_each_table(*arr, [&](const toml::table& t, std::size_t ordinal) {
    core::Question q = read_question(t, ordinal, bank);
    if (q.id.empty()) return;  // its id error is already reported
    note_id(seen, q.id, where_of(*t.get("id")), "question", "",
            "give every question its own id; never reuse the id of a removed question");
    bank.questions.push_back(std::move(q));
  });
  if (arr->empty()) {
    warning(where_of(*n), "no-questions", "the bank has no questions", "add [[question]] tables");
  }
}

core::Question BankReader::read_question(const toml::table& t, std::size_t ordinal, const core::Bank& bank) {
  core::Question q;
  q.pos = core::SourcePos{m_path, where_of(t).line, where_of(t).column};
  Context ctx{"[[question]] #" + std::to_string(ordinal), where_of(t)};
  m_type.reset();
  const auto id = get_id(t, ctx);
  if (id) {
    q.id = *id;
    ctx.name = "question " + ticked(*id);
  }

  // The type decides which other keys belong here.
  if (auto type = get_string(t, "type", ctx, Need::Required); type && !core::is_blank(type->text)) {
    m_type = core::question_type_from_string(type->text);
    if (!m_type) {
      std::vector<std::string> names;
      for (QuestionType k : kAllTypes) names.push_back(core::to_string(k));
      std::vector<std::string_view> views(names.begin(), names.end());
      const auto near = closest_word(type->text, views);
      error(type->at, "unknown-type", "unknown question type " + ticked(type->text),
            near ? "did you mean " + ticked(*near) + "?" : "use one of " + join_quoted(views));
    }
  }
  std::vector<std::string_view> allowed = kQuestionKeys;
  std::vector<std::string_view> format2_keys;
  if (bank.info.format < kFormatFacts) {
    std::erase(allowed, "facts");
    format2_keys.push_back("facts");
  }
  std::vector<std::string_view> other_keys;
  for (QuestionType k : kAllTypes) {
    for (std::string_view key : type_keys(k)) {
      auto& list = (!m_type || k == *m_type) ? allowed : other_keys;
      if (std::find(list.begin(), list.end(), key) == list.end()) list.push_back(key);
    }
  }
  if (m_type) {
    // A key of another type that this type also has (e.g. `answer`) is allowed.
    std::erase_if(other_keys, [&](std::string_view k) {
      return std::find(allowed.begin(), allowed.end(), k) != allowed.end();
    });
  }
  check_keys(t, allowed, ctx, other_keys, format2_keys);

  if (auto v = get_string(t, "prompt", ctx, Need::Required)) q.prompt = v->text;
  if (auto v = get_string(t, "explanation", ctx, Need::Required, IfEmpty::Warn)) q.explanation = v->text;
  read_locator(t, ctx, bank, q.source);
  read_topic_refs(t, ctx, bank, q.topics);
  if (bank.info.format >= kFormatFacts && t.get("facts") != nullptr) {
    std::vector<std::string_view> known;
    for (const auto& [fid, line] : m_fact_ids) known.push_back(fid);
    q.fact_ids = read_refs(t, "facts", ctx, known, "unknown-fact", "fact");
  }
  if (bank.info.format >= kFormatFacts && q.id.rfind("gen.", 0) == 0) {
    error(where_of(*t.get("id")), "reserved-id", "question id " + ticked(q.id) + " starts with `gen.`",
          "ids starting with `gen.` belong to generated questions; choose another id");
  }

  if (m_type) {
    q.type = *m_type;
    switch (*m_type) {
      case QuestionType::SingleChoice:
      case QuestionType::MultipleResponse:
        read_choices(t, ctx, q);
        break;
      case QuestionType::TrueFalse:
        if (const toml::node* n = require(t, "answer", ctx)) {
          if (const auto* b = n->as_boolean()) {
            q.truth = b->get();
          } else {
            wrong_type(*n, "answer", "true or false");
          }
        }
        break;
      case QuestionType::ShortAnswer:
        if (auto answers = get_strings(t, "answers", ctx, Need::Required, kMinAnswers, "too-few-answers",
                                       "accepted answer")) {
          for (const auto& a : *answers) {
            q.accepted.push_back(a.text);
            if (core::normalize_answer_text(a.text).empty()) {
              warning(a.at, "unmatchable-answer",
                      "accepted answer " + ticked(a.text) +
                          " is empty once case, accents and punctuation are ignored, so no typed answer can match it",
                      "write the answer with letters or digits");
            }
          }
          warn_repeats(*answers, "accepted answer");
        }
        break;
      case QuestionType::Numeric:
        read_numeric(t, ctx, q);
        break;
      case QuestionType::Ordering:
        if (auto items = get_strings(t, "items", ctx, Need::Required, kMinItems, "too-few-items", "item")) {
          for (const auto& item : *items) q.items.push_back(item.text);
          warn_repeats(*items, "item");
        }
        break;
      case QuestionType::Matching:
        read_pairs(t, ctx, q);
        break;
      case QuestionType::Dilemma:
        read_dilemma(t, ctx, q);
        break;
    }
  }
  check_question_citations(t, bank);
  return q;
}

void BankReader::read_locator(const toml::table& t, const Context& ctx, const core::Bank& bank,
                              core::SourceLocator& loc) {
  if (auto v = get_string(t, "source", ctx, Need::Required); v && !core::is_blank(v->text)) {
    loc.source_id = v->text;
    if (bank.find_source(v->text) == nullptr) {
      std::vector<std::string_view> ids;
      for (const auto& s : bank.sources) ids.push_back(s.id);
      const auto near = closest_word(v->text, ids);
      error(v->at, "unknown-source", "source " + ticked(v->text) + " names no [[source]]",
            near ? "did you mean " + ticked(*near) + "?"
                 : "add a [[source]] with id = \"" + v->text + "\" and its citation");
    }
  }
  read_paragraphs(t, ctx, loc);
}

void BankReader::read_topic_refs(const toml::table& t, const Context& ctx, const core::Bank& bank,
                                 std::vector<std::string>& out) {
  if (auto topics = get_strings(t, "topics", ctx, Need::Optional, 0, "", "topic")) {
    std::vector<std::string_view> ids;
    for (const auto& topic : bank.topics) ids.push_back(topic.id);
    for (const auto& topic : *topics) {
      out.push_back(topic.text);
      if (std::find(ids.begin(), ids.end(), topic.text) != ids.end()) continue;
      const auto near = closest_word(topic.text, ids);
      warning(topic.at, "unknown-topic", "topic " + ticked(topic.text) + " is not the id of a [[topic]]",
              near ? "did you mean " + ticked(*near) + "?"
                   : "add a [[topic]] with id = \"" + topic.text + "\" and a title");
    }
  }
}

void BankReader::read_paragraphs(const toml::table& t, const Context& ctx, core::SourceLocator& loc) {
  const toml::node* n = require(t, "paragraph", ctx);
  if (n == nullptr) return;
  const auto check = [&](const toml::node& e) {
    const auto* i = e.as_integer();
    if (i == nullptr) {
      error(where_of(e), "wrong-type", "a paragraph number must be an integer, not " + type_name(e),
            "write `paragraph = 12` or `paragraph = [12, 13]`");
      return;
    }
    if (i->get() < 1 || i->get() > 1000000) {
      error(where_of(e), "bad-paragraph", "paragraph " + std::to_string(i->get()) + " does not exist",
            "paragraphs are numbered from 1, as in the source");
      return;
    }
    loc.paragraphs.push_back(static_cast<int>(i->get()));
  };
  if (const auto* arr = n->as_array()) {
    if (arr->empty()) {
      error(where_of(*n), "bad-paragraph", "the list of paragraphs is empty",
            "name at least one paragraph, e.g. `paragraph = [12]`");
    }
    for (const auto& e : *arr) check(e);
  } else {
    check(*n);
  }
}

void BankReader::warn_unrenderable(const Located& v) {
  const auto lead4 = [](char c) { return (static_cast<unsigned char>(c) & 0xF8) == 0xF0; };
  const auto it = std::find_if(v.text.begin(), v.text.end(), lead4);
  if (it == v.text.end()) return;
  const auto len = std::min<std::size_t>(4, static_cast<std::size_t>(v.text.end() - it));
  warning(v.at, "unrenderable-character",
          "the text has a character above U+FFFF (" + std::string(it, it + static_cast<std::ptrdiff_t>(len)) +
              ") that the app cannot display or let a learner type",
          "write it in words or leave it out (emoji and rare CJK or maths letters)");
}

void BankReader::warn_repeats(const std::vector<Located>& values, std::string_view what) {
  std::unordered_map<std::string_view, std::size_t> first;  // text -> index of its first use
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto [it, fresh] = first.emplace(values[i].text, i);
    if (fresh) continue;
    const Located& earlier = values[it->second];
    warning(values[i].at, "repeated-choice",
            std::string(what) + " " + ticked(values[i].text) + " is repeated (first at line " +
                std::to_string(earlier.at.line) + ", column " + std::to_string(earlier.at.column) + ")",
            "remove the repeat");
  }
}

void BankReader::read_choices(const toml::table& t, const Context& ctx, core::Question& q) {
  const auto choices = get_strings(t, "choices", ctx, Need::Required, kMinChoices, "too-few-choices", "choice");
  if (choices) {
    for (const auto& c : *choices) q.choices.push_back(core::Choice{c.text, false});
    warn_repeats(*choices, "choice");
  }
  std::vector<Located> answers;
  if (q.type == QuestionType::SingleChoice) {
    if (auto a = get_string(t, "answer", ctx, Need::Required)) answers.push_back(*a);
  } else if (auto list = get_strings(t, "answers", ctx, Need::Required, kMinAnswers, "too-few-answers",
                                     "correct answer")) {
    answers = *list;
  }
  if (!choices) return;
  std::vector<std::string_view> texts;
  for (const auto& c : *choices) texts.push_back(c.text);
  for (const auto& a : answers) {
    bool found = false;
    for (auto& c : q.choices) {
      if (c.text == a.text) {
        c.correct = true;
        found = true;
      }
    }
    if (found) continue;
    // Suggest a choice that differs only in case, accents, punctuation or spacing first.
    std::optional<std::string> near;
    for (const auto& c : *choices) {
      if (core::normalize_answer_text(c.text) == core::normalize_answer_text(a.text)) near = c.text;
    }
    if (!near) near = closest_word(a.text, texts);
    error(a.at, "answer-not-in-choices", "answer " + ticked(a.text) + " is not one of the choices",
          near ? "did you mean " + ticked(*near) + "? answers must match a choice exactly"
               : "copy the answer exactly from `choices`");
  }
}

void BankReader::read_numeric(const toml::table& t, const Context& ctx, core::Question& q) {
  const toml::node* answer = t.get("answer");
  const toml::node* range = t.get("range");
  const toml::node* tolerance = t.get("tolerance");
  if (answer != nullptr && range != nullptr) {
    error(key_where(t, "range"), "conflicting-keys", "give either `answer` or `range`, not both",
          "keep `answer` (with `tolerance`) for one value, or `range = [min, max]` for an interval");
  } else if (answer == nullptr && range == nullptr) {
    error(ctx.at, "missing-key", ctx.name + " has no `answer` (or `range`)",
          "add `answer = 50` (optionally with `tolerance = 5`) or `range = [40, 60]`");
  }
  if (range != nullptr && tolerance != nullptr) {
    error(key_where(t, "tolerance"), "conflicting-keys", "`tolerance` applies only with `answer`, not with `range`",
          "remove `tolerance`, or widen the range");
  }
  if (answer != nullptr) {
    if (auto v = get_number(t, "answer", ctx, Need::Optional)) q.value = *v;
  }
  if (tolerance != nullptr) {
    if (auto v = get_number(t, "tolerance", ctx, Need::Optional)) {
      if (*v < 0.0) {
        error(where_of(*tolerance), "bad-tolerance", "`tolerance` must be zero or more", "write e.g. `tolerance = 5`");
      } else {
        q.tolerance = *v;
      }
    }
  }
  if (range != nullptr) {
    const auto* arr = range->as_array();
    std::vector<double> bounds;
    bool ok = arr != nullptr && arr->size() == 2;
    if (ok) {
      for (const auto& e : *arr) {
        if (const auto* i = e.as_integer()) {
          bounds.push_back(static_cast<double>(i->get()));
        } else if (const auto* f = e.as_floating_point(); f != nullptr && std::isfinite(f->get())) {
          bounds.push_back(f->get());
        } else {
          ok = false;
        }
      }
    }
    if (!ok) {
      error(where_of(*range), "bad-range", "`range` must be a list of two numbers [min, max]",
            "write e.g. `range = [40, 60]`");
    } else if (bounds[0] > bounds[1]) {
      error(where_of(*range), "bad-range", "`range` is empty: its minimum is larger than its maximum",
            "write the smaller number first, e.g. `range = [40, 60]`");
    } else {
      q.min = bounds[0];
      q.max = bounds[1];
    }
  }
  if (auto v = get_string(t, "unit", ctx, Need::Optional, IfEmpty::Allow)) q.unit = v->text;
}

void BankReader::read_pairs(const toml::table& t, const Context& ctx, core::Question& q) {
  const toml::node* n = require(t, "pairs", ctx);
  if (n == nullptr) return;
  const auto* arr = n->as_array();
  if (arr == nullptr) {
    wrong_type(*n, "pairs", "a list of [\"left\", \"right\"] pairs");
    return;
  }
  std::vector<Located> lefts;
  bool ok = true;
  for (const auto& element : *arr) {
    const auto* pair = element.as_array();
    const bool shaped = pair != nullptr && pair->size() == 2 && (*pair)[0].is_string() && (*pair)[1].is_string();
    if (!shaped) {
      // Point at the side that is not text when the pair has two sides, else at the pair.
      Where at = where_of(element);
      if (pair != nullptr && pair->size() == 2) at = where_of((*pair)[(*pair)[0].is_string() ? 1 : 0]);
      error(at, "bad-pair", "each entry of `pairs` must be two strings [\"left\", \"right\"]",
            "write e.g. `[\"FSB\", \"Russia's main security service\"]`");
      ok = false;
      continue;
    }
    const std::string left = (*pair)[0].as_string()->get();
    const std::string right = (*pair)[1].as_string()->get();
    if (core::is_blank(left) || core::is_blank(right)) {
      error(where_of(element), "empty-value", "a pair in `pairs` has an empty side", "write both sides of the pair");
      ok = false;
      continue;
    }
    q.pairs.push_back(core::MatchPair{left, right});
    lefts.push_back(Located{left, where_of((*pair)[0])});
  }
  if (!ok) return;
  if (q.pairs.size() < kMinPairs) {
    too_few(where_of(*n), "too-few-pairs", ctx, q.pairs.size(), kMinPairs, "pair", "add pairs to `pairs`");
    return;
  }
  warn_repeats(lefts, "left side");
}

void BankReader::read_dilemma(const toml::table& t, const Context& ctx, core::Question& q) {
  if (auto v = get_string(t, "scenario", ctx, Need::Required)) q.scenario = v->text;
  if (const toml::node* n = t.get("position")) {
    if (const auto* arr = get_tables(*n, "question.position")) {
      std::map<std::string, int> seen;
      for_each_table(*arr, [&](const toml::table& pt, std::size_t ordinal) {
        const Context pctx{"position #" + std::to_string(ordinal) + " of " + ctx.name, where_of(pt)};
        check_keys(pt, kPositionKeys, pctx);
        core::Position p;
        if (auto id = get_id(pt, pctx)) {
          p.id = *id;
          note_id(seen, *id, where_of(*pt.get("id")), "position", " in " + ctx.name,
                  "give every position of a question its own id");
        }
        if (auto v = get_string(pt, "title", pctx, Need::Required)) p.title = v->text;
        if (auto v = get_strings(pt, "arguments", pctx, Need::Required, 0, "", "argument")) {
          for (auto& a : *v) p.arguments.push_back(a.text);
        }
        q.positions.push_back(std::move(p));
      });
      if (arr->size() < kMinPositions) {
        too_few(where_of(*n), "too-few-positions", ctx, arr->size(), kMinPositions, "position",
                "add [[question.position]] tables under the question");
      }
    }
  } else {
    error(ctx.at, "missing-key", ctx.name + " has no positions",
          "add at least two [[question.position]] tables with id, title and arguments");
  }
  if (auto rubric = get_strings(t, "rubric", ctx, Need::Required, kMinRubricLines, "too-few-rubric-lines",
                                "rubric line")) {
    for (const auto& r : *rubric) q.rubric.push_back(r.text);
    if (rubric->size() > kMaxRubricLines) {
      error((*rubric)[kMaxRubricLines].at, "too-many-rubric-lines",
            ctx.name + " has " + std::to_string(rubric->size()) + " rubric lines; at most " +
                std::to_string(kMaxRubricLines) + " can be ticked (keys A-H)",
            "merge or drop lines: a short rubric is easier to assess honestly");
    }
  }
  if (auto v = get_string(t, "model_answer", ctx, Need::Required)) q.model_answer = v->text;
}

std::vector<std::string> BankReader::read_refs(const toml::table& t, std::string_view key, const Context& ctx,
                                               const std::vector<std::string_view>& known, std::string_view code,
                                               std::string_view what) {
  std::vector<std::string> out;
  auto refs = get_strings(t, key, ctx, Need::Optional, 0, "", what);
  if (!refs) return out;
  for (const auto& r : *refs) {
    out.push_back(r.text);
    if (std::find(known.begin(), known.end(), r.text) != known.end()) continue;
    const auto near = closest_word(r.text, known);
    error(r.at, std::string(code), std::string(what) + " " + ticked(r.text) + " in " + ctx.name + " does not exist",
          near ? "did you mean " + ticked(*near) + "?"
               : what == "fact" ? std::string("write the id of an [[event]], [[actor]], [[term]] or [[figure]]")
                                : "write the id of an [[" + std::string(what) + "]]");
  }
  warn_repeats(*refs, what);
  return out;
}

void BankReader::read_generators(const toml::table& root, core::Bank& bank) {
  const toml::node* n = root.get("generators");
  if (n == nullptr) return;
  const auto* t = n->as_table();
  if (t == nullptr) {
    error(key_where(root, "generators"), "wrong-type", "`generators` must be a table, not " + type_name(*n),
          "write one [generators] table, e.g. `event_date = { count = 12 }`");
    return;
  }
  bank.generators.pos = core::SourcePos{m_path, where_of(*t).line, where_of(*t).column};
  std::vector<std::string> names;
  for (core::Generator g : core::kAllGenerators) names.push_back(core::to_string(g));
  const std::vector<std::string_view> name_views(names.begin(), names.end());
  for (const auto& [key, value] : *t) {
    const std::string_view name = key.str();
    const Where at = where_of(key.source());
    const auto g = core::generator_from_string(name);
    if (!g) {
      const auto near = closest_word(name, name_views);
      error(at, "unknown-generator", "unknown generator " + ticked(name),
            near ? "did you mean " + ticked(*near) + "?" : "the generators are " + join_quoted(name_views));
      continue;
    }
    core::GeneratorConfig& cfg = bank.generators[*g];
    cfg.listed = true;
    cfg.pos = core::SourcePos{m_path, at.line, at.column};
    if (const auto* b = value.as_boolean()) {
      cfg.enabled = b->get();
      continue;
    }
    const auto* gt = value.as_table();
    if (gt == nullptr) {
      error(where_of(value), "wrong-type",
            "generator " + ticked(name) + " must be a table or true/false, not " + type_name(value),
            "write e.g. `" + std::string(name) + " = { count = 6 }`, or `" + std::string(name) + " = false`");
      continue;
    }
    std::vector<std::string_view> allowed{"enabled", "count"};
    if (*g == core::Generator::EventOrder || *g == core::Generator::ActorMatch) allowed.push_back("size");
    if (*g == core::Generator::EventDate) allowed.push_back("style");
    const Context ctx{"generator " + ticked(name), where_of(*gt)};
    check_keys(*gt, allowed, ctx);
    if (const toml::node* e = gt->get("enabled")) {
      if (const auto* b = e->as_boolean()) {
        cfg.enabled = b->get();
      } else {
        wrong_type(*e, "enabled", "true or false");
      }
    }
    if (const toml::node* c = gt->get("count")) {
      const auto* i = c->as_integer();
      if (i == nullptr) {
        wrong_type(*c, "count", "a whole number");
      } else if (i->get() < 0 || i->get() > 100000) {
        error(where_of(*c), "bad-count", "`count` must be from 0 to 100000, not " + std::to_string(i->get()),
              "write e.g. `count = 6`, or leave it out for every question the generator can make");
      } else {
        cfg.count = static_cast<std::size_t>(i->get());
      }
    }
    if (const toml::node* z = gt->get("size"); z != nullptr && std::find(allowed.begin(), allowed.end(), "size") != allowed.end()) {
      const auto* i = z->as_integer();
      if (i == nullptr) {
        wrong_type(*z, "size", "a whole number");
      } else if (i->get() < core::kMinGroupSize || i->get() > core::kMaxGroupSize) {
        error(where_of(*z), "bad-size",
              "`size` must be from " + std::to_string(core::kMinGroupSize) + " to " +
                  std::to_string(core::kMaxGroupSize) + ", not " + std::to_string(i->get()),
              "write e.g. `size = 4`");
      } else {
        cfg.size = static_cast<int>(i->get());
      }
    }
    if (const toml::node* st = gt->get("style"); st != nullptr && *g == core::Generator::EventDate) {
      const auto* sv = st->as_string();
      if (sv == nullptr) {
        wrong_type(*st, "style", "a string");
      } else if (sv->get() == "choice") {
        cfg.style = core::DateStyle::Choice;
      } else if (sv->get() == "year") {
        cfg.style = core::DateStyle::Year;
      } else {
        const auto near = closest_word(sv->get(), {"choice", "year"});
        error(where_of(*st), "bad-style", "unknown style " + ticked(sv->get()) + " of `event_date`",
              near ? "did you mean " + ticked(*near) + "?" : "use `choice` or `year`");
      }
    }
  }
}

bool BankReader::read_fact_base(const toml::table& t, Context& ctx, std::string_view kind, const core::Bank& bank,
                                core::FactBase& f) {
  f.pos = core::SourcePos{m_path, where_of(t).line, where_of(t).column};
  const auto id = get_id(t, ctx);
  if (id) {
    f.id = *id;
    // Generated question ids join fact ids with '.', so a '.' in one could make two
    // questions share an id ("a.b" + "c" and "a" + "b.c"). Only bad characters are reported
    // here; other id errors were reported by get_id.
    if (id->find('.') != std::string::npos && is_plain_id(*id)) {
      std::string fixed = *id;
      std::replace(fixed.begin(), fixed.end(), '.', '-');
      error(where_of(*t.get("id")), "bad-id", "fact id " + ticked(*id) + " has a '.', which fact ids may not use",
            "generated question ids join fact ids with '.'; use '-' instead, e.g. `" + fixed + "`");
    }
    ctx.name = std::string(kind) + " " + ticked(*id);
    note_id(m_fact_ids, *id, where_of(*t.get("id")), "fact", "",
            "give every fact its own id (events, actors, terms and figures share one set of ids)");
  }
  read_locator(t, ctx, bank, f.source);
  read_topic_refs(t, ctx, bank, f.topics);
  return id.has_value();
}

void BankReader::read_actor(const toml::table& t, Context ctx, core::Bank& bank) {
  core::Actor a;
  const bool ok = read_fact_base(t, ctx, "actor", bank, a);
  check_keys(t, kActorKeys, ctx);
  if (auto v = get_string(t, "name", ctx, Need::Required)) a.name = v->text;
  if (auto v = get_string(t, "kind", ctx, Need::Required); v && !core::is_blank(v->text)) {
    if (const auto k = core::actor_kind_from_string(v->text)) {
      a.kind = *k;
    } else {
      const std::vector<std::string_view> kinds{"person", "agency", "company", "group", "state"};
      const auto near = closest_word(v->text, kinds);
      error(v->at, "bad-kind", "unknown actor kind " + ticked(v->text),
            near ? "did you mean " + ticked(*near) + "?" : "use one of " + join_quoted(kinds));
    }
  }
  if (auto v = get_string(t, "description", ctx, Need::Required)) a.description = v->text;
  if (auto v = get_strings(t, "aliases", ctx, Need::Optional, 0, "", "alias")) {
    for (const auto& x : *v) a.aliases.push_back(x.text);
    warn_repeats(*v, "alias");
  }
  for (std::string_view key : {"description", "name"}) {
    if (const toml::node* n = t.get(key)) check_citations(*n, bank);
  }
  if (ok) bank.facts.actors.push_back(std::move(a));
}

void BankReader::read_event(const toml::table& t, Context ctx, core::Bank& bank) {
  core::Event e;
  const bool ok = read_fact_base(t, ctx, "event", bank, e);
  check_keys(t, kEventKeys, ctx);
  if (const toml::node* d = require(t, "date", ctx)) {
    if (const auto* s = d->as_string()) {
      if (const auto parsed = core::parse_fact_date(s->get())) {
        e.date = *parsed;
      } else {
        error(where_of(*d), "bad-date", "date " + ticked(s->get()) + " in " + ctx.name + " is not a real date",
              "write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\" with a real month and day, e.g. `date = \"2016-05\"`");
      }
    } else if (const auto* td = d->as_date()) {
      const auto& v = td->get();
      const std::string iso = std::to_string(v.year) + "-" + (v.month < 10 ? "0" : "") + std::to_string(v.month) +
                              "-" + (v.day < 10 ? "0" : "") + std::to_string(v.day);
      if (const auto parsed = core::parse_fact_date(iso)) {
        e.date = *parsed;
      } else {
        error(where_of(*d), "bad-date", "date in " + ctx.name + " is out of range", "use a year from 1 to 9999");
      }
    } else {
      wrong_type(*d, "date", "a string such as \"2016-05\"");
    }
  }
  if (auto v = get_string(t, "title", ctx, Need::Required)) e.title = v->text;
  if (auto v = get_string(t, "summary", ctx, Need::Required)) e.summary = v->text;
  if (auto v = get_string(t, "place", ctx, Need::Optional)) e.place = v->text;
  std::vector<std::string_view> actor_ids;
  for (const auto& a : bank.facts.actors) actor_ids.push_back(a.id);
  e.actors = read_refs(t, "actors", ctx, actor_ids, "unknown-actor", "actor");
  for (std::string_view key : {"title", "summary"}) {
    if (const toml::node* n = t.get(key)) check_citations(*n, bank);
  }
  if (ok) bank.facts.events.push_back(std::move(e));
}

void BankReader::read_term(const toml::table& t, Context ctx, core::Bank& bank) {
  core::Term term;
  const bool ok = read_fact_base(t, ctx, "term", bank, term);
  check_keys(t, kTermKeys, ctx);
  if (auto v = get_string(t, "term", ctx, Need::Required)) term.term = v->text;
  if (auto v = get_string(t, "definition", ctx, Need::Required)) term.definition = v->text;
  if (const toml::node* n = t.get("definition")) check_citations(*n, bank);
  if (ok) bank.facts.terms.push_back(std::move(term));
}

void BankReader::read_figure(const toml::table& t, Context ctx, core::Bank& bank) {
  core::Figure f;
  const bool ok = read_fact_base(t, ctx, "figure", bank, f);
  check_keys(t, kFigureKeys, ctx);
  if (auto v = get_number(t, "value", ctx, Need::Required)) f.value = *v;
  if (auto v = get_string(t, "unit", ctx, Need::Required, IfEmpty::Allow)) f.unit = v->text;
  if (auto v = get_string(t, "measures", ctx, Need::Required)) f.measures = v->text;
  if (const toml::node* tol = t.get("tolerance")) {
    if (auto v = get_number(t, "tolerance", ctx, Need::Optional)) {
      if (*v < 0.0) {
        error(where_of(*tol), "bad-tolerance", "`tolerance` must be zero or more", "write e.g. `tolerance = 5`");
      } else {
        f.tolerance = *v;
      }
    }
  }
  if (auto v = get_string(t, "event", ctx, Need::Optional); v && !core::is_blank(v->text)) {
    f.event = v->text;
    std::vector<std::string_view> ids;
    for (const auto& e : bank.facts.events) ids.push_back(e.id);
    if (std::find(ids.begin(), ids.end(), v->text) == ids.end()) {
      const auto near = closest_word(v->text, ids);
      error(v->at, "unknown-event", "event " + ticked(v->text) + " in " + ctx.name + " does not exist",
            near ? "did you mean " + ticked(*near) + "?" : "write the id of an [[event]]");
    }
  }
  if (const toml::node* n = t.get("measures")) check_citations(*n, bank);
  if (ok) bank.facts.figures.push_back(std::move(f));
}

void BankReader::read_facts(const toml::table& root, core::Bank& bank) {
  // Actors first (events name them), then events (figures name them), terms, figures.
  const auto each = [&](std::string_view key, auto&& read) {
    const toml::node* n = root.get(key);
    if (n == nullptr) return;
    const auto* arr = get_tables(*n, key);
    if (arr == nullptr) return;
    for_each_table(*arr, [&](const toml::table& t, std::size_t ordinal) {
      read(t, Context{"[[" + std::string(key) + "]] #" + std::to_string(ordinal), where_of(t)});
    });
  };
  each("actor", [&](const toml::table& t, Context ctx) { read_actor(t, std::move(ctx), bank); });
  each("event", [&](const toml::table& t, Context ctx) { read_event(t, std::move(ctx), bank); });
  each("term", [&](const toml::table& t, Context ctx) { read_term(t, std::move(ctx), bank); });
  each("figure", [&](const toml::table& t, Context ctx) { read_figure(t, std::move(ctx), bank); });
}

void BankReader::generate(core::Bank& bank) {
  if (bank.info.format < kFormatFacts) return;
  core::GenerateResult generated = core::generate_questions(bank);
  for (auto& d : generated.diagnostics) m_diags.push_back(std::move(d));
  for (auto& q : generated.questions) bank.questions.push_back(std::move(q));
  if (bank.questions.empty() && !bank.facts.empty() && bank.info.format >= kFormatFacts &&
      !core::has_errors(m_diags)) {
    warning({1, 1}, "no-questions", "the bank has no questions: no hand-written ones, and the generators made none",
            "add [[question]] tables, or facts the generators can use (docs/bank-format.md)");
  }
}

/// Byte offset in m_text of a 1-based line and code-point column (as toml++ reports them),
/// or nullopt when the place is not in the text.
std::optional<std::size_t> BankReader::offset_in_text(Where at) const {
  if (at.line < 1 || at.column < 1 || static_cast<std::size_t>(at.line) > m_line_starts.size()) return std::nullopt;
  std::size_t i = m_line_starts[static_cast<std::size_t>(at.line - 1)];
  // toml++ does not count a UTF-8 byte-order mark as a column.
  if (i == 0 && m_text.starts_with("\xEF\xBB\xBF")) i = 3;
  for (int col = 1; col < at.column; ++col) {
    if (i >= m_text.size() || m_text[i] == '\n') return std::nullopt;
    ++i;
    while (i < m_text.size() && (static_cast<unsigned char>(m_text[i]) & 0xC0U) == 0x80U) ++i;
  }
  return i;
}

/// The 1-based line and code-point column of byte `offset` of m_text (inverse of offset_in_text).
Where BankReader::where_in_text(std::size_t offset) const {
  const auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  const auto line = static_cast<std::size_t>(it - m_line_starts.begin());  // >= 1: line 1 starts at 0
  std::size_t i = m_line_starts[line - 1];
  if (i == 0 && m_text.starts_with("\xEF\xBB\xBF") && offset >= 3) i = 3;
  int column = 1;
  for (; i < offset && i < m_text.size(); ++i) {
    if ((static_cast<unsigned char>(m_text[i]) & 0xC0U) != 0x80U) ++column;
  }
  return {static_cast<int>(line), column};
}

/// Checks the `[@id]` citation markers of a string node (as shown: after reflow) against the
/// bank's sources. Each problem is placed at its marker's `[` in the file: the k-th `[@` of the
/// string's value is the k-th `[@` of its literal in the file, so the place is exact also for
/// multi-line `"""` strings. Only when an escape spells part of `[@` (e.g. `\u0040`) do the
/// counts differ; then every problem of that string is placed at the string's start.
void BankReader::check_citations(const toml::node& n, const core::Bank& bank) {
  const auto* s = n.as_string();
  if (s == nullptr) return;
  const std::string shown = reflow(s->get());
  const auto markers = core::find_citations(shown);
  if (markers.empty()) return;

  // Where each "[@" of the literal is, in the file.
  std::vector<Where> places;
  const Where begin = where_of(n);
  const auto from = offset_in_text(begin);
  const auto to = offset_in_text(Where{static_cast<int>(n.source().end.line), static_cast<int>(n.source().end.column)});
  if (from && to && *from <= *to && *to <= m_text.size()) {
    const std::string_view literal = m_text.substr(*from, *to - *from);
    for (std::size_t p = literal.find("[@"); p != std::string_view::npos; p = literal.find("[@", p + 2)) {
      places.push_back(where_in_text(*from + p));
    }
  }
  if (places.size() != markers.size()) places.assign(markers.size(), begin);

  std::vector<std::string_view> ids;
  for (const auto& src : bank.sources) ids.push_back(src.id);
  for (std::size_t k = 0; k < markers.size(); ++k) {
    const auto& m = markers[k];
    if (!m.ok()) {
      // Quote the marker up to its `]`, the end of its line, or 40 bytes (not cutting UTF-8).
      std::size_t end = m.offset + 2;
      while (end < shown.size() && shown[end] != '\n' && end - m.offset < 40) {
        if (shown[end++] == ']') break;
      }
      while (end < shown.size() && (static_cast<unsigned char>(shown[end]) & 0xC0U) == 0x80U) ++end;
      std::string quoted = shown.substr(m.offset, end - m.offset);
      if (end < shown.size() && shown[end - 1] != ']' && shown[end] != '\n') quoted += "...";
      error(places[k], "bad-citation", "citation " + ticked(quoted) + " " + m.problem, m.hint);
      continue;
    }
    for (const auto& cited : m.ids) {
      if (bank.find_source(cited.id) != nullptr) continue;
      const auto near = closest_word(cited.id, ids);
      error(places[k], "unknown-source",
            "citation " + ticked(shown.substr(m.offset, m.length)) + " names no [[source]] with id " +
                ticked(cited.id),
            near ? "did you mean " + ticked(*near) + "?"
                 : "add a [[source]] with id = \"" + cited.id + "\" and its citation");
    }
  }
}

/// Checks the citations in every prose field of a question: prompt, explanation, choices,
/// items, pair sides, scenario, rubric lines, model answer, and position titles and arguments.
void BankReader::check_question_citations(const toml::table& t, const core::Bank& bank) {
  const auto check_all = [&](const toml::node* n, auto&& self) -> void {
    if (n == nullptr) return;
    if (const auto* arr = n->as_array()) {
      for (const auto& e : *arr) self(&e, self);
    } else {
      check_citations(*n, bank);
    }
  };
  for (std::string_view key : {"prompt", "explanation", "choices", "items", "pairs", "scenario", "rubric",
                               "model_answer"}) {
    check_all(t.get(key), check_all);
  }
  if (const toml::node* n = t.get("position"); n != nullptr && n->is_array()) {
    for (const auto& e : *n->as_array()) {
      const auto* pt = e.as_table();
      if (pt == nullptr) continue;
      check_all(pt->get("title"), check_all);
      check_all(pt->get("arguments"), check_all);
    }
  }
}

/// toml++ parses dotted keys and table names recursively, one stack frame per part, so a
/// hostile `[a.a.a....]` of 50 000 parts overflows the stack before any diagnostic. This scan
/// finds, outside strings and comments, the first key or table name with more than
/// kMaxKeyParts parts and returns its position (1-based line; column in code points).
std::optional<Where> find_overlong_key(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  int parts = 1;
  bool in_key = true;  // at the start of a line, before its '=' (or inside a [header])
  const auto column_of = [&](std::size_t at) {
    int col = 1;
    for (std::size_t k = line_start; k < at; ++k) {
      if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++col;
    }
    return col;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      line_start = i + 1;
      parts = 1;
      in_key = true;
      continue;
    }
    if (c == '"' || c == '\'') {
      // Skip a string; a multi-line one may span lines (count them).
      const bool multi = text.substr(i, 3) == std::string_view(c == '"' ? "\"\"\"" : "'''");
      const std::string_view close = multi ? text.substr(i, 3) : text.substr(i, 1);
      std::size_t j = i + close.size();
      while (j < text.size() && text.substr(j, close.size()) != close) {
        if (c == '"' && text[j] == '\\' && j + 1 < text.size() && text[j + 1] != '\n') {
          j += 2;  // an escape in a basic string (a line-ending backslash keeps its newline)
          continue;
        }
        if (text[j] == '\n') {
          if (!multi) break;
          ++line;
          line_start = j + 1;
        }
        ++j;
      }
      i = std::min(text.size(), j + close.size()) - 1;
      if (multi) in_key = false;
      continue;
    }
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      continue;
    }
    if (c == '=' || c == ',' || c == '{') {
      in_key = c != '=';  // after '=' a value; inside an inline table, keys again
      parts = 1;
      continue;
    }
    if (in_key && c == '.') {
      if (++parts > kMaxKeyParts) return Where{line, column_of(i)};
    }
  }
  return std::nullopt;
}

LoadResult BankReader::read(std::string_view text) {
  LoadResult result;
  result.path = m_path;
  m_text = text;
  m_line_starts.assign(1, 0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') m_line_starts.push_back(i + 1);
  }
  if (const auto deep = find_overlong_key(text)) {
    error(*deep, "toml-syntax",
          "a key or table name has more than " + std::to_string(kMaxKeyParts) + " dotted parts",
          "a bank needs at most a few levels, such as [[question.position]]; remove the extra parts");
    result.diagnostics = std::move(m_diags);
    return result;
  }
  toml::table root;
  try {
    root = toml::parse(text, m_path);
  } catch (const toml::parse_error& e) {
    syntax_error(e);
    result.diagnostics = std::move(m_diags);
    return result;
  }
  core::Bank bank;
  bank.path = m_path;
  read_bank_info(root, bank);
  if (bank.info.format >= kFormatFacts) {
    check_keys(root, kRootKeys, Context{"the top level of the file", {1, 1}});
  } else {
    std::vector<std::string_view> v1_keys = kRootKeys;
    std::erase_if(v1_keys, [](std::string_view k) {
      return std::find(kFormat2RootKeys.begin(), kFormat2RootKeys.end(), k) != kFormat2RootKeys.end();
    });
    check_keys(root, v1_keys, Context{"the top level of the file", {1, 1}}, {}, kFormat2RootKeys);
  }
  read_sources(root, bank);
  read_topics(root, bank);
  if (bank.info.format >= kFormatFacts) {
    read_generators(root, bank);
    read_facts(root, bank);
  }
  read_questions(root, bank);
  if (!core::has_errors(m_diags)) generate(bank);
  std::stable_sort(m_diags.begin(), m_diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  if (!core::has_errors(m_diags)) result.bank = std::move(bank);
  result.diagnostics = std::move(m_diags);
  return result;
}

/// Reads a file and loads it, also returning the bank id as written (for duplicate checks).
LoadResult load_file(const std::string& path, std::optional<Located>* bank_id) {
  const auto unreadable = [&](std::string message, std::string hint, std::string code = "unreadable-file") {
    LoadResult r;
    r.path = path;
    r.diagnostics.push_back(Diagnostic{path, 0, 0, Severity::Error, std::move(code), std::move(message), std::move(hint)});
    return r;
  };
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return unreadable("no such file or folder", "check the path", "missing-path");
  }
  if (fs::is_directory(path, ec)) {
    return unreadable("is a folder, not a bank file", "pass a .toml file, or load the folder with load_banks");
  }
  if (!fs::is_regular_file(path, ec)) {
    // A FIFO or a device would block or never end: only ordinary files are read.
    return unreadable("is not an ordinary file (a pipe, socket or device)", "pass a .toml file");
  }
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxFileBytes) {
    return unreadable("the file is " + std::to_string(size / (1024 * 1024)) + " MiB, larger than a bank can be",
                      "split it into several banks of at most 16 MiB", "file-too-large");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) {
    if (in && size == 0) {
      text.str("");
    } else {
      return unreadable("cannot read the file", "check that the file exists and that you may read it");
    }
  }
  BankReader reader(path);
  LoadResult r = reader.read(text.str());
  if (bank_id != nullptr) *bank_id = reader.bank_id();
  return r;
}

}  // namespace

LoadResult load_bank_file(const std::string& path) { return load_file(path, nullptr); }

LoadResult load_bank_text(const std::string& text, const std::string& path) {
  return BankReader(path).read(text);
}

std::vector<LoadResult> load_banks(const std::vector<std::string>& paths) {
  std::vector<LoadResult> results;
  std::vector<std::optional<Located>> ids;
  std::set<std::string> done;  // canonical paths already loaded
  const auto load_one = [&](const std::string& file) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(file, ec);
    if (!done.insert(ec ? file : canonical.string()).second) return;
    std::optional<Located> id;
    results.push_back(load_file(file, &id));
    ids.push_back(std::move(id));
  };
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      load_one(path);  // a file, or a missing path reported by load_file
      continue;
    }
    std::vector<std::string> files;
    auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const auto name = it->path().filename().string();
      if (!name.empty() && name.front() == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;  // hidden files and folders (editor backups, .git)
      }
      if (it->path().extension() == ".toml" && it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    if (ec) {
      results.push_back(LoadResult{path, std::nullopt,
                                   {Diagnostic{path, 0, 0, Severity::Error, "unreadable-file",
                                               "cannot list the folder: " + ec.message(),
                                               "check that you may read the folder"}}});
      ids.emplace_back();
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) load_one(f);
  }

  // Two files with the same bank id would share card keys: the later one is refused.
  std::map<std::string, std::string> first_file;  // bank id -> path
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!ids[i] || !is_bank_id(ids[i]->text)) continue;
    const auto [it, fresh] = first_file.emplace(ids[i]->text, results[i].path);
    if (fresh) continue;
    auto& r = results[i];
    r.diagnostics.push_back(Diagnostic{r.path, ids[i]->at.line, ids[i]->at.column, Severity::Error,
                                       "duplicate-bank-id",
                                       "bank id " + ticked(ids[i]->text) + " is already used by " + it->second,
                                       "give each bank its own id (card keys start with it)"});
    std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    r.bank.reset();
  }
  return results;
}

}  // namespace casebook::bank
