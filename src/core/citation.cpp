// Finding and rendering inline `[@id]` citations (syntax: docs/bank-format.md, "Citing sources").
#include "core/citation.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/text.hpp"
#include "core/utf8.hpp"

namespace casebook::core {

namespace {

/// Longest derived short form, in code points, before it is cut with "…".
constexpr std::size_t kMaxDerivedShort = 40;

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_id_char(char c) { return is_alnum(c) || c == '-' || c == '_' || c == '.'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t'; }

/// The first index from `i` on that is not a space or tab (text.size() when none).
std::size_t after_spaces(std::string_view text, std::size_t i) {
  while (i < text.size() && is_space(text[i])) ++i;
  return i;
}

/// Reads one marker starting at `text[start] == '['` (followed by '@').
CitationMarker read_marker(std::string_view text, std::size_t start) {
  CitationMarker m;
  m.offset = start;
  const std::size_t n = text.size();
  std::size_t i = start + 1;  // at the first '@'
  const auto fail = [&](std::string problem, std::string hint) {
    m.problem = std::move(problem);
    m.hint = std::move(hint);
  };
  while (true) {
    if (i < n && text[i] == ']' && !m.ids.empty()) {
      ++i;
      fail("ends with `;` and no id", "remove the last `;`, or add the id: `[@a; @b]`");
      break;
    }
    if (i >= n || text[i] != '@') {
      std::size_t end = i;
      while (end < n && is_id_char(text[end])) ++end;
      fail("has " + std::string(end > i ? "`" + std::string(text.substr(i, end - i)) + "`" : "an id") +
               " without its `@`",
           "start each cited id with `@`: `[@a; @b]`");
      break;
    }
    const std::size_t at = i++;
    const std::size_t id_start = i;
    if (i < n && is_alnum(text[i])) {
      ++i;
      while (i < n && is_id_char(text[i])) ++i;
    }
    if (i == id_start) {
      const std::size_t j = after_spaces(text, i);
      if (m.ids.empty() && j < n && text[j] == ']') {
        i = j + 1;
        fail("names no source", "write the id of a [[source]] after `@`, e.g. `[@source-id]`");
      } else {
        fail("has an `@` not followed by a source id",
             "write the id right after `@` (letters, digits, '-', '_' or '.'), e.g. `[@source-id]`");
      }
      break;
    }
    m.ids.push_back(CitedId{std::string(text.substr(id_start, i - id_start)), at});
    i = after_spaces(text, i);
    if (i < n && text[i] == ']') {
      ++i;
      break;  // well formed
    }
    if (i < n && text[i] == ';') {
      i = after_spaces(text, i + 1);
      continue;
    }
    if (i >= n || text[i] == '\n' || text[i] == '\r') {
      fail("is not closed", "end it with `]`, e.g. `[@" + m.ids.back().id + "]`");
    } else if (text[i] == ',' && text.substr(after_spaces(text, i + 1), 1) == "@") {
      fail("separates ids with `,`", "separate cited ids with `;`: `[@a; @b]`");
    } else {
      fail("has unexpected text after `@" + m.ids.back().id + "`",
           "a citation holds only source ids, `[@a]` or `[@a; @b]`; put page or paragraph details in the "
           "sentence");
    }
    break;
  }
  m.length = i - start;
  return m;
}

/// Which quotation marks keep a comma from splitting a citation.
/// The parts of a citation separated by commas outside straight double quotes, each trimmed. With
/// `comma_space`, only a comma followed by a space separates (so "1,000" stays whole).
std::vector<std::string> split_outside_quotes(std::string_view text, bool comma_space) {
  std::vector<std::string> parts;
  std::string cur;
  bool in_straight = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') in_straight = !in_straight;
    const bool separates = c == ',' && !in_straight && (!comma_space || (i + 1 < text.size() && text[i + 1] == ' '));
    if (separates) {
      parts.push_back(trim_ascii_space(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(trim_ascii_space(cur));
  return parts;
}

/// "¶N" for paragraph numbers (sorted, duplicates dropped): "¶12–13" when there are several
/// and they are consecutive, else "¶9, 11"; "" for none.
std::string format_paragraphs(std::vector<int> paragraphs) {
  std::sort(paragraphs.begin(), paragraphs.end());
  paragraphs.erase(std::unique(paragraphs.begin(), paragraphs.end()), paragraphs.end());
  if (paragraphs.empty()) return {};
  std::string out = "\xC2\xB6";  // ¶
  const bool consecutive = paragraphs.size() > 1 && paragraphs.back() - paragraphs.front() ==
                                                        static_cast<int>(paragraphs.size()) - 1;
  if (consecutive) {
    return out + std::to_string(paragraphs.front()) + "\xE2\x80\x93" /* – */ + std::to_string(paragraphs.back());
  }
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(paragraphs[i]);
  }
  return out;
}

/// The last standalone 4-digit number from 1000 to 2999 outside double quotes, or "".
std::string last_year(std::string_view text) {
  std::string year;
  bool quoted = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') quoted = !quoted;
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && is_digit(text[j])) ++j;
    const bool standalone = (i == 0 || !is_alnum(text[i - 1])) && (j == text.size() || !is_alnum(text[j]));
    if (!quoted && standalone && j - i == 4 && (text[i] == '1' || text[i] == '2')) {
      year = std::string(text.substr(i, 4));
    }
    i = j;
  }
  return year;
}

/// `s` cut at a word boundary to at most `max` code points, with "…" appended when cut.
std::string shorten(const std::string& s, std::size_t max) {
  if (code_point_count(s) <= max) return s;
  std::string cut = s.substr(0, utf8_offset(s, max));
  if (const auto space = cut.find_last_of(' '); space != std::string::npos && space > 0) cut.resize(space);
  while (!cut.empty() && (cut.back() == ',' || cut.back() == ' ' || cut.back() == ';' || cut.back() == ':')) {
    cut.pop_back();
  }
  return cut + "\xE2\x80\xA6";  // …
}

}  // namespace

std::vector<CitationMarker> find_citations(std::string_view text) {
  std::vector<CitationMarker> out;
  std::size_t pos = 0;
  while ((pos = text.find("[@", pos)) != std::string_view::npos) {
    CitationMarker m = read_marker(text, pos);
    // A malformed marker may hide the start of the next one; resume right after its "[@".
    pos = m.ok() ? pos + m.length : pos + 2;
    out.push_back(std::move(m));
  }
  return out;
}

std::string short_citation(const Source& source) {
  if (std::string given = trim_ascii_space(source.short_form); !given.empty()) return given;
  const std::string citation = trim_ascii_space(source.citation);
  if (citation.empty()) return source.id;
  std::string name = split_outside_quotes(citation, true).front();
  if (name.size() >= 2 && name.front() == '"') {
    const auto close = name.find('"', 1);
    name = close == std::string::npos ? name.substr(1) : name.substr(1, close - 1);
  }
  name = trim_ascii_space(name);
  if (name.ends_with('.')) name.pop_back();
  if (name.empty()) return source.id;
  name = shorten(name, kMaxDerivedShort);
  const std::string year = last_year(citation);
  if (!year.empty() && !name.ends_with(year)) name += ", " + year;
  return name;
}

std::string locator_citation(const Source& source, const std::vector<int>& paragraphs) {
  std::string out = short_citation(source);
  const std::string paras = format_paragraphs(paragraphs);
  if (!paras.empty()) out += (out.empty() ? "" : ", ") + paras;
  return out;
}

std::string card_citation(const Bank& bank, const Question& q) {
  const Source* found = bank.find_source(q.source.source_id);
  const std::string locator = locator_citation(found != nullptr ? *found : Source{q.source.source_id, "", "", ""},
                                               q.source.paragraphs);
  if (bank.info.article.empty() || q.source.source_id == bank.info.article) return locator;
  return "Outside the article: " + locator;
}

std::string render_citations(std::string_view text, const std::vector<Source>& sources) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  const std::vector<CitationMarker> markers = find_citations(text);
  if (markers.empty()) return std::string(text);
  // Each source's short form once (the first source of an id wins), looked up in O(1).
  std::unordered_map<std::string_view, std::string> short_forms;
  for (const auto& m : markers) {
    for (const auto& id : m.ids) short_forms.emplace(id.id, std::string());
  }
  for (const auto& s : sources) {
    const auto it = short_forms.find(s.id);
    if (it != short_forms.end() && it->second.empty()) it->second = short_citation(s);
  }
  for (const auto& m : markers) {
    if (!m.ok()) continue;
    out.append(text.substr(copied, m.offset - copied));
    out += '(';
    for (std::size_t k = 0; k < m.ids.size(); ++k) {
      if (k > 0) out += "; ";
      const std::string& found = short_forms.at(m.ids[k].id);
      out += !found.empty() ? found : m.ids[k].id;
    }
    out += ')';
    copied = m.offset + m.length;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace casebook::core
