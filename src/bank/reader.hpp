// Internal to the bank loader: the reader of one bank file (BankReader), the place and
// context types of its diagnostics, and the text helpers its messages share. The reader's
// methods are defined by topic in loader.cpp and reader_*.cpp.
#pragma once
#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "bank/loader.hpp"
#include "core/diagnostic.hpp"
#include "core/question.hpp"

namespace casebook::bank::detail {

using core::Diagnostic;
using core::QuestionType;
using core::Severity;

/// The bank format versions this loader reads: 1, and 2 (fact tables and generators).
constexpr std::int64_t kFormatVersion = 1;
constexpr std::int64_t kFormatFacts = 2;
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
/// Most errors, and most warnings, one file reports (as a compiler's -fmax-errors): later ones
/// are dropped, and one last diagnostic of that severity says so. Keeps a hostile file's
/// diagnostics (and their did-you-mean look-ups) bounded.
constexpr std::size_t kMaxErrors = 1000;
constexpr std::size_t kMaxWarnings = 1000;

/// A 1-based place in the file (0 when unknown). toml++ counts columns in code points.
struct Where {
  int line = 0;
  int column = 0;
};

inline Where where_of(const toml::source_region& r) {
  return {static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}
inline Where where_of(const toml::node& n) { return where_of(n.source()); }

/// Where the key `key` is written in `t` (the table's own place when absent).
Where key_where(const toml::table& t, std::string_view key);

/// What a table is called in messages, and where its header is.
struct Context {
  std::string name;
  Where at;
};

/// `s` in backticks for a message; text over 80 bytes is cut (at a character boundary) with
/// "…", so a hostile 2 MB key does not become a 2 MB diagnostic.
std::string ticked(std::string_view s);

/// "a string", "an integer", ... for messages about a value of the wrong type.
std::string type_name(const toml::node& n);

/// A line of TOML showing how `key` is written, for hints.
std::string example(std::string_view key, std::optional<QuestionType> type);

/// The words in backticks, separated by ", ", each once (in the order first given).
std::string join_quoted(const std::vector<std::string_view>& words);

/// Bank ids: lowercase ASCII letters, digits and '-', starting with a letter or digit.
bool is_bank_id(std::string_view s);

/// Other ids (questions, sources, topics, positions): ASCII letters, digits, '-', '_', '.',
/// starting with a letter or digit; no spaces or '/', since ids join into card keys.
bool is_plain_id(std::string_view s);

/// A suggestion for a bad id: lower case, runs of other characters turned into one '-'.
std::string slug(std::string_view s);

/// Joins hard-wrapped lines as Markdown does, so instructors may wrap long text in `"""`
/// strings: a single line break, with the spaces and tabs around it, becomes one space; a
/// blank line (two or more breaks) becomes one paragraph break "\n\n". Breaks at the very
/// start or end are dropped; CR counts as part of a break. Other text is unchanged.
std::string reflow(std::string_view text);

/// Whether `c` may appear in a bare TOML key (A-Z a-z 0-9 _ -).
inline bool is_bare_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/// Where and why a text would reach undefined behaviour in toml++ 3.3.
struct UnsafeToml {
  Where at;
  std::string message;
  std::string hint;
};

/// The first shape in `text` that toml++ 3.3 (Debian 12) does not handle safely, or nullopt:
/// a non-ASCII character outside strings and comments (toml++ asks whether it is a Unicode
/// space with a lookup that is undefined for most of U+00A1..U+0499, U+2C0E..U+3007 and
/// U+FAC6..U+FEFE: upstream issue #295), a backslash followed by a non-ASCII character in a
/// basic string, or a line-ending backslash in a """ string whose next line starts with one
/// (#190), and a table header `[` / `[[` not followed by its name (`[&`, `[[` then a line
/// break, `[[[`: a violated assumption in parse_key). Each is invalid TOML or easy to
/// rewrite, so refusing it loses no valid bank a writer needs. Linear in the text.
std::optional<UnsafeToml> find_unsafe_toml(std::string_view text);

/// The first key or table name in `text` with more than kMaxKeyParts dotted parts, outside
/// strings and comments (1-based line; column in code points), or nullopt. toml++ parses
/// dotted names recursively, one stack frame per part, so a hostile `[a.a.a....]` of 50 000
/// parts would overflow the stack before any diagnostic. Linear in the text.
std::optional<Where> find_overlong_key(std::string_view text);

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
    keep(Diagnostic{m_path, at.line, at.column, severity, std::move(code), std::move(message), std::move(hint)});
  }
  /// Adds `d` to m_diags unless its severity has reached its cap (kMaxErrors, kMaxWarnings);
  /// a dropped one is only counted.
  void keep(Diagnostic d);
  /// Whether a diagnostic of `severity` would now be dropped (so its hint need not be made).
  [[nodiscard]] bool full(Severity severity) const {
    return severity == Severity::Error ? m_errors >= kMaxErrors : m_warnings >= kMaxWarnings;
  }
  /// closest_word(word, candidates) for a did-you-mean of a diagnostic of `severity`; nullopt,
  /// without looking, once that severity is full.
  [[nodiscard]] std::optional<std::string> suggest(std::string_view word,
                                                   const std::vector<std::string_view>& candidates,
                                                   Severity severity = Severity::Error) const;
  /// Appends the last notes ("too many errors/warnings") when diagnostics were dropped.
  void note_dropped();
  void error(Where at, std::string code, std::string message, std::string hint) {
    report(Severity::Error, at, std::move(code), std::move(message), std::move(hint));
  }
  void warning(Where at, std::string code, std::string message, std::string hint) {
    report(Severity::Warning, at, std::move(code), std::move(message), std::move(hint));
  }

  void syntax_error(const toml::parse_error& e);
  /// For toml++'s "cannot redefine existing table 'x' as array-of-tables" when a sub-table
  /// such as [[x.y]] comes before the first [[x]]: reports that at the sub-table's header
  /// (not at the [[x]] below it) and returns true; false for any other error.
  bool misplaced_subtable(const toml::parse_error& e);
  /// The first byte of the character at `at` (1-based line, column in code points) of
  /// m_text; '\n' at or past the end of its line. `at.line` must be a line of m_text.
  [[nodiscard]] char char_at(Where at) const;
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
  /// A key reported with "did you mean `k`?" is noted, so that require(t, k) then adds no
  /// `missing-key` error of its own: one mistake, one error, at the misspelt key.
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
  /// for_each_table over the elements [begin, end) of `arr` only (ordinals as over all).
  template <typename Fn>
  static void for_each_table(const toml::array& arr, std::size_t begin, std::size_t end, Fn&& fn);
  /// Records `id` in `seen`; a second use is a `duplicate-id` error naming the first line.
  void note_id(std::map<std::string, int>& seen, const std::string& id, Where at, std::string_view what,
               std::string_view scope, std::string_view hint);

  void read_bank_info(const toml::table& root, core::Bank& bank);
  void read_sources(const toml::table& root, core::Bank& bank);
  /// Errs (`unknown-source`) when `[bank] article` names no [[source]] (after read_sources).
  void check_article(const core::Bank& bank);
  void read_topics(const toml::table& root, core::Bank& bank);
  void read_questions(const toml::table& root, core::Bank& bank);
  core::Question read_question(const toml::table& t, std::size_t ordinal, const core::Bank& bank);
  /// `paragraph`: required unless `need` is Optional (a source other than the bank's `article`).
  void read_paragraphs(const toml::table& t, const Context& ctx, core::SourceLocator& loc, Need need);
  void read_locator(const toml::table& t, const Context& ctx, const core::Bank& bank, core::SourceLocator& loc);
  void read_topic_refs(const toml::table& t, const Context& ctx, const core::Bank& bank,
                       std::vector<std::string>& out);
  void read_generators(const toml::table& root, core::Bank& bank);
  /// The `[[exam]]` presets, after the hand-written questions; the number of questions each
  /// draws per topic is checked by check_exam_counts once the generated ones are made too.
  void read_exams(const toml::table& root, core::Bank& bank);
  /// Checks the counts read_exams noted against the bank's questions (generated ones
  /// included), when `check` (the bank has no error but its exams' own).
  void check_exam_counts(const core::Bank& bank, bool check);
  std::optional<int> get_int(const toml::table& t, std::string_view key, int min, int max, std::string_view code,
                             std::string_view hint);
  void read_facts(const toml::table& root, core::Bank& bank);
  /// Reads the fields every fact has; false when the fact has no usable id.
  bool read_fact_base(const toml::table& t, Context& ctx, std::string_view kind, const core::Bank& bank,
                      core::FactBase& f);
  /// Reads one fact table into `out` (a fact with a usable id only). `bank` is only read:
  /// its [bank] table, sources and topics (two readers may share it, see read_facts).
  void read_event(const toml::table& t, Context ctx, const core::Bank& bank, std::vector<core::Event>& out);
  /// `roles = [{ actor = "...", role = "..." }, ...]` of an event (actors known, role given).
  void read_roles(const toml::table& t, const Context& ctx, core::Event& e);
  void read_actor(const toml::table& t, Context ctx, const core::Bank& bank, std::vector<core::Actor>& out);
  void read_term(const toml::table& t, Context ctx, const core::Bank& bank, std::vector<core::Term>& out);
  void read_figure(const toml::table& t, Context ctx, const core::Bank& bank, std::vector<core::Figure>& out);
  /// A reader for the later half of a long list of fact tables, read on another thread while
  /// this one reads the first half: it shares the text and the known actor and event ids, and
  /// keeps the fact ids it meets for join_fact_helper rather than checking them.
  [[nodiscard]] BankReader fact_helper() const;
  /// Takes a fact_helper's diagnostics and checks its fact ids, in file order, as if this
  /// reader had read its tables itself (same duplicate-id errors, "first at line" included).
  void join_fact_helper(BankReader& helper);
  /// Checks a list of ids against `known`, sorted (error `code` with did-you-mean for each
  /// unknown one).
  std::vector<std::string> read_refs(const toml::table& t, std::string_view key, const Context& ctx,
                                     const std::vector<std::string_view>& known, std::string_view code,
                                     std::string_view what);
  void generate(core::Bank& bank);
  /// Whether a diagnostic from index `from` of m_diags on is an error (what a step added).
  [[nodiscard]] bool errors_since(std::size_t from) const {
    return std::any_of(m_diags.begin() + static_cast<std::ptrdiff_t>(from), m_diags.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
  }
  /// Warns (`source-mismatch`) about a fact, or a hand-written question's answer-bearing
  /// text, that cites sources of which none is its own `source` (reader_sources.cpp).
  void check_source_mismatch(const core::Bank& bank);
  void read_choices(const toml::table& t, const Context& ctx, core::Question& q);
  void read_numeric(const toml::table& t, const Context& ctx, core::Question& q);
  void read_pairs(const toml::table& t, const Context& ctx, core::Question& q);
  void read_dilemma(const toml::table& t, const Context& ctx, const core::Bank& bank, core::Question& q);
  /// `[question.case]` of a dilemma (reader_case.cpp), after its positions; with criteria,
  /// q.rubric becomes their titles.
  void read_case(const toml::node& n, const Context& qctx, const core::Bank& bank, core::Question& q);
  /// Calls fn for each table of the array of tables `key` of case table `c`, with its context.
  void read_case_tables(const toml::table& c, std::string_view key, const Context& ctx,
                        const std::function<void(const toml::table&, const Context&)>& fn);
  /// check_citations on every string under `n`.
  void check_case_citations(const toml::node& n, const core::Bank& bank);
  /// Warns (`repeated-choice`) at each value equal to an earlier one of `values`.
  void warn_repeats(const std::vector<Located>& values, std::string_view what);
  /// Warns (`look-alike-choice`) at each value of `values` (shown side by side: choices,
  /// items, left sides) that differs from an earlier one yet looks the same on screen
  /// (core::as_seen: Unicode composition, invisible characters, spacing); exact repeats are
  /// warn_repeats'.
  void warn_look_alikes(const std::vector<Located>& values, std::string_view what);
  /// Warns (`unrenderable-character`) when `v` has a character above U+FFFF (emoji, some
  /// CJK and maths letters): Debian's Dear ImGui 1.86 stores characters in 16 bits, so the
  /// app would show "?" and a learner could never type such an answer. Warns
  /// (`control-character`) when it has a control character other than tab and line breaks
  /// (U+0000..U+001F, U+007F..U+009F, e.g. from an escape `\u001b`): shown as nothing, and an
  /// escape sequence in a terminal. At most one warning of each per text.
  void warn_unrenderable(const Located& v);
  void check_citations(const toml::node& n, const core::Bank& bank);
  /// The bank's source ids, for checking citations in O(1) each (built once per list of sources).
  struct SourceIndex {
    const core::Source* data = nullptr;  ///< bank.sources when built (rebuilt when it changes)
    std::size_t size = 0;
    std::unordered_set<std::string_view> ids;
    std::vector<std::string_view> list;  ///< in file order, for suggestions
  };
  const SourceIndex& source_index(const core::Bank& bank);
  void check_question_citations(const toml::table& t, const core::Bank& bank);
  Where where_in_text(std::size_t offset) const;
  std::optional<std::size_t> offset_in_text(Where at) const;

  /// A place on a line of m_text kept between position look-ups: `column` code points from
  /// the line's start (a byte-order mark not counted) to byte `offset`. A look-up further along
  /// the same line continues from it, so placing the many strings and markers of one long
  /// line costs the line's length once, not once per look-up (linear, not quadratic).
  struct TextCursor {
    std::size_t line = SIZE_MAX;  ///< 0-based line, SIZE_MAX before the first look-up
    std::size_t offset = 0;
    std::size_t column = 0;
  };
  /// The cursor at the start of 0-based `line`, or `cursor` itself when it is on that line
  /// at or before byte `offset` / code point `column`.
  TextCursor line_cursor(const TextCursor& cursor, std::size_t line, std::size_t offset, std::size_t column) const;

  std::string m_path;
  std::string_view m_text;                ///< the file being read (valid during read())
  std::vector<std::size_t> m_line_starts; ///< byte offset of each line of m_text
  mutable TextCursor m_offset_cursor;     ///< where offset_in_text left off (strings, in file order)
  mutable TextCursor m_where_cursor;      ///< where where_in_text left off (markers, in file order)
  SourceIndex m_source_index;
  std::map<std::string, std::optional<std::string>, std::less<>> m_source_suggestions;  ///< unknown id -> did you mean
  std::vector<Diagnostic> m_diags;
  std::size_t m_errors = 0;            ///< errors in m_diags (at most kMaxErrors)
  std::size_t m_warnings = 0;          ///< warnings in m_diags (at most kMaxWarnings)
  std::size_t m_dropped_errors = 0;    ///< errors past the cap, not kept
  std::size_t m_dropped_warnings = 0;  ///< warnings past the cap, not kept
  std::optional<Located> m_bank_id;
  std::optional<Located> m_article;       ///< `[bank] article` as written
  bool m_unsupported_format = false;      ///< `[bank] format` is a number this loader does not read
  std::optional<QuestionType> m_type;  ///< type of the question being read (for hints)
  /// Keys check_keys suggested for a misspelt key, with the table they are missing from.
  std::vector<std::pair<const toml::table*, std::string>> m_misspelt;
  std::map<std::string, int> m_fact_ids;  ///< every fact id -> its line (ids are shared by all kinds)
  bool m_defer_fact_ids = false;          ///< a fact_helper: ids kept in m_deferred_fact_ids instead
  std::vector<std::pair<std::string, Where>> m_deferred_fact_ids;
  std::vector<std::string_view> m_fact_id_list;  ///< the keys of m_fact_ids, sorted (for `facts` of questions)
  std::vector<std::string_view> m_actor_ids;  ///< ids of the bank's actors, sorted (while reading facts)
  std::vector<std::string_view> m_event_ids;  ///< ids of the bank's events, sorted (while reading facts)
  /// A topic's count of an exam preset, for check_exam_counts.
  struct ExamCount {
    std::size_t exam;  ///< index in bank.exams
    std::string topic;
    int asked;
    Where at;
  };
  std::vector<ExamCount> m_exam_counts;
};

template <typename Fn>
void BankReader::for_each_table(const toml::array& arr, Fn&& fn) {
  for_each_table(arr, 0, arr.size(), std::forward<Fn>(fn));
}

template <typename Fn>
void BankReader::for_each_table(const toml::array& arr, std::size_t begin, std::size_t end, Fn&& fn) {
  for (std::size_t i = begin; i < end && i < arr.size(); ++i) {
    if (const auto* t = arr[i].as_table()) fn(*t, i + 1);
  }
}

}  // namespace casebook::bank::detail
