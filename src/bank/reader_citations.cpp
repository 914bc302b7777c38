// BankReader: checks the `[@id]` citations of prose fields against the bank's sources, each
// problem placed at its marker in the file.
#include "bank/reader.hpp"

#include <algorithm>

#include "bank/suggest.hpp"
#include "core/citation.hpp"
#include "core/utf8.hpp"

namespace casebook::bank::detail {

/// Byte offset in m_text of a 1-based line and code-point column (as toml++ reports them),
/// or nullopt when the place is not in the text.
std::optional<std::size_t> BankReader::offset_in_text(Where at) const {
  if (at.line < 1 || at.column < 1 || static_cast<std::size_t>(at.line) > m_line_starts.size()) return std::nullopt;
  std::size_t i = m_line_starts[static_cast<std::size_t>(at.line - 1)];
  // toml++ does not count a UTF-8 byte-order mark as a column.
  if (i == 0 && m_text.starts_with("\xEF\xBB\xBF")) i = 3;
  const std::string_view line = m_text.substr(i, std::min(m_text.find('\n', i), m_text.size()) - i);
  const auto before = static_cast<std::size_t>(at.column - 1);  // characters before the column
  if (before > core::code_point_count(line)) return std::nullopt;
  return i + core::utf8_offset(line, before);
}

/// The 1-based line and code-point column of byte `offset` of m_text (inverse of offset_in_text).
Where BankReader::where_in_text(std::size_t offset) const {
  const auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  const auto line = static_cast<std::size_t>(it - m_line_starts.begin());  // >= 1: line 1 starts at 0
  std::size_t i = m_line_starts[line - 1];
  if (i == 0 && m_text.starts_with("\xEF\xBB\xBF") && offset >= 3) i = 3;
  const std::size_t end = std::min(offset, m_text.size());
  const std::size_t before = end > i ? core::code_point_count(m_text.substr(i, end - i)) : 0;
  return {static_cast<int>(line), static_cast<int>(before) + 1};
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
      // Quote the marker up to its `]`, the end of its line, or 40 bytes (whole characters).
      std::size_t end = m.offset + 2;
      while (end < shown.size() && shown[end] != '\n' && end - m.offset < 40) {
        const bool bracket = shown[end] == ']';
        end += core::decode_utf8_at(shown, end).length;
        if (bracket) break;
      }
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

}  // namespace casebook::bank::detail
