// BankReader: checks the `[@id]` citations of prose fields against the bank's sources, each
// problem placed at its marker in the file.
#include "bank/reader.hpp"

#include <algorithm>

#include "bank/suggest.hpp"
#include "core/citation.hpp"
#include "core/utf8.hpp"

namespace casebook::bank::detail {

BankReader::TextCursor BankReader::line_cursor(const TextCursor& cursor, std::size_t line, std::size_t offset,
                                               std::size_t column) const {
  if (cursor.line == line && cursor.offset <= offset && cursor.column <= column) return cursor;
  std::size_t start = m_line_starts[line];
  // toml++ does not count a UTF-8 byte-order mark as a column.
  if (start == 0 && m_text.starts_with("\xEF\xBB\xBF")) start = 3;
  return TextCursor{line, start, 0};
}

/// Byte offset in m_text of a 1-based line and code-point column (as toml++ reports them),
/// or nullopt when the place is not in the text. Amortized O(distance from the last look-up).
std::optional<std::size_t> BankReader::offset_in_text(Where at) const {
  if (at.line < 1 || at.column < 1 || static_cast<std::size_t>(at.line) > m_line_starts.size()) return std::nullopt;
  const auto line = static_cast<std::size_t>(at.line - 1);
  const std::size_t line_end = line + 1 < m_line_starts.size() ? m_line_starts[line + 1] - 1 : m_text.size();
  const auto before = static_cast<std::size_t>(at.column - 1);  // characters before the column
  TextCursor c = line_cursor(m_offset_cursor, line, SIZE_MAX, before);
  while (c.column < before && c.offset < line_end) {
    c.offset += core::decode_utf8_at(m_text, c.offset).length;
    ++c.column;
  }
  m_offset_cursor = c;
  if (c.column < before) return std::nullopt;  // the line has fewer characters
  return c.offset;
}

/// The 1-based line and code-point column of byte `offset` of m_text (inverse of offset_in_text).
/// Amortized O(distance from the last look-up) plus O(log lines).
Where BankReader::where_in_text(std::size_t offset) const {
  const auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  const auto line = static_cast<std::size_t>(it - m_line_starts.begin()) - 1;  // line 0 starts at 0
  const std::size_t end = std::min(offset, m_text.size());
  TextCursor c = line_cursor(m_where_cursor, line, end, SIZE_MAX);
  while (c.offset < end) {
    c.offset += core::decode_utf8_at(m_text, c.offset).length;
    ++c.column;
  }
  m_where_cursor = c;
  return {static_cast<int>(line) + 1, static_cast<int>(c.column) + 1};
}

const BankReader::SourceIndex& BankReader::source_index(const core::Bank& bank) {
  if (m_source_index.data != bank.sources.data() || m_source_index.size != bank.sources.size()) {
    m_source_index = SourceIndex{bank.sources.data(), bank.sources.size(), {}, {}};
    for (const auto& src : bank.sources) {
      m_source_index.ids.insert(src.id);
      m_source_index.list.push_back(src.id);
    }
    m_source_suggestions.clear();
  }
  return m_source_index;
}

/// Checks the `[@id]` citation markers of a string node (as shown: after reflow) against the
/// bank's sources. Each problem is placed at its marker's `[` in the file: the k-th `[@` of the
/// string's value is the k-th `[@` of its literal in the file, so the place is exact also for
/// multi-line `"""` strings. Only when an escape spells part of `[@` (e.g. `\u0040`) do the
/// counts differ; then every problem of that string is placed at the string's start.
void BankReader::check_citations(const toml::node& n, const core::Bank& bank) {
  const auto* s = n.as_string();
  if (s == nullptr) return;
  // Reflowing never makes a "[@" (it only joins lines with a space), so a text without one has
  // no marker: most prose of a bank, skipped without a copy.
  if (s->get().find("[@") == std::string::npos) return;
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

  const SourceIndex& index = source_index(bank);
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
      if (index.ids.count(cited.id) != 0) continue;
      auto [hint, fresh] = m_source_suggestions.try_emplace(cited.id);
      if (fresh) hint->second = suggest(cited.id, index.list);  // once per unknown id
      const auto& near = hint->second;
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
