// Internal helpers shared by the importers: building the imported bank (ids, source,
// paragraphs, topics) and reporting problems as diagnostics.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "interchange/interchange.hpp"

namespace casebook::interchange::detail {

/// Collects the questions of one import and turns them into a bank.
class BankBuilder {
 public:
  BankBuilder(std::string path, std::string format_name, const ImportOptions& options);

  /// Adds a question; `id_hint` (a title, or empty for the prompt) becomes a unique slug.
  /// `topic_title` (may be empty) becomes a [[topic]] whose id is its slug.
  void add(core::Question q, std::string_view id_hint, std::string_view topic_title);
  /// Registers a topic without a question (a GIFT category with nothing under it).
  void add_topic(std::string_view topic_title);
  void error(int line, std::string code, std::string message, std::string hint = {});
  void warning(int line, std::string code, std::string message, std::string hint = {});
  /// An error at a known column (1-based, in code points).
  void error_at(int line, int column, std::string code, std::string message, std::string hint = {});

  /// The bank, its one [[source]] ("imported") and every diagnostic in line order.
  [[nodiscard]] ImportResult finish();

 private:
  std::string topic_id(std::string_view title);
  void report(core::Severity severity, int line, int column, std::string code, std::string message,
              std::string hint);

  std::string m_path;
  std::string m_format;
  ImportResult m_result;
  std::unordered_set<std::string> m_question_ids;  ///< ids taken, so each add() is O(1) on average
  std::unordered_map<std::string, int> m_next_suffix;  ///< id base -> next "-k" to try
  std::unordered_set<std::string> m_topic_ids;
  std::unordered_map<std::string, std::string> m_topic_by_title;  ///< topic title -> its id
  std::function<void(const core::Question&)> m_on_question;  ///< ImportOptions::on_question
};

/// False (after reporting an `encoding` error at the line and column of the first bad byte)
/// when `text` is not UTF-8 or holds a control character other than tab, LF and CR (a NUL
/// byte, say): such a file is binary or in another encoding, and nothing of it is imported.
[[nodiscard]] bool check_text(std::string_view text, BankBuilder& out);

/// `s` as a finite number ("+5", "2.5", "1e3"); nullopt for anything else, including "nan",
/// "inf" and numbers out of the range of double.
[[nodiscard]] std::optional<double> parse_finite(std::string_view s);

/// `text` with every run of line breaks as one paragraph break "\n\n", lines trimmed.
[[nodiscard]] std::string as_paragraphs(std::string_view text);

/// Reads a text one line at a time (LF, CRLF or CR ends a line; a UTF-8 byte-order mark at
/// the start is skipped), without holding a list of its lines.
class LineReader {
 public:
  explicit LineReader(std::string_view text);
  /// The next line, without its line break, as a view into the text; false at the end.
  bool next(std::string_view& line);
  /// The 1-based number of the line next() gave last (0 before the first).
  [[nodiscard]] int line() const { return m_line; }

 private:
  std::string_view m_rest;
  int m_line = 0;
};

}  // namespace casebook::interchange::detail
