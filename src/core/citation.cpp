// Finding and rendering inline `[@id]` citations (syntax: docs/bank-format.md, "Citing sources").
#include "core/citation.hpp"

namespace casebook::core {

namespace {

/// Longest derived short form, in code points, before it is cut with "…".
constexpr std::size_t kMaxDerivedShort = 40;

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_id_char(char c) { return is_alnum(c) || c == '-' || c == '_' || c == '.'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

std::string trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += is_continuation(c) ? 0 : 1;
  return n;
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
      std::size_t j = i;
      while (j < n && is_space(text[j])) ++j;
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
    while (i < n && is_space(text[i])) ++i;
    if (i < n && text[i] == ']') {
      ++i;
      break;  // well formed
    }
    if (i < n && text[i] == ';') {
      ++i;
      while (i < n && is_space(text[i])) ++i;
      continue;
    }
    if (i >= n || text[i] == '\n' || text[i] == '\r') {
      fail("is not closed", "end it with `]`, e.g. `[@" + m.ids.back().id + "]`");
    } else if (text[i] == ',') {
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

/// The parts of a citation separated by ", " outside double quotes.
std::vector<std::string> split_outside_quotes(std::string_view text) {
  std::vector<std::string> parts;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (!quoted && c == ',' && i + 1 < text.size() && text[i + 1] == ' ') {
      parts.push_back(trim(cur));
      cur.clear();
      ++i;
      continue;
    }
    cur += c;
  }
  parts.push_back(trim(cur));
  return parts;
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
  if (code_points(s) <= max) return s;
  std::size_t bytes = 0;
  std::size_t count = 0;
  while (bytes < s.size() && count < max) {
    ++bytes;
    while (bytes < s.size() && is_continuation(s[bytes])) ++bytes;
    ++count;
  }
  std::string cut = s.substr(0, bytes);
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
  if (std::string given = trim(source.short_form); !given.empty()) return given;
  const std::string citation = trim(source.citation);
  if (citation.empty()) return source.id;
  std::string name = split_outside_quotes(citation).front();
  if (name.size() >= 2 && name.front() == '"') {
    const auto close = name.find('"', 1);
    name = close == std::string::npos ? name.substr(1) : name.substr(1, close - 1);
  }
  name = trim(name);
  if (name.ends_with('.')) name.pop_back();
  if (name.empty()) return source.id;
  name = shorten(name, kMaxDerivedShort);
  const std::string year = last_year(citation);
  if (!year.empty() && !name.ends_with(year)) name += ", " + year;
  return name;
}

std::string render_citations(std::string_view text, const std::vector<Source>& sources) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  for (const auto& m : find_citations(text)) {
    if (!m.ok()) continue;
    out.append(text.substr(copied, m.offset - copied));
    out += '(';
    for (std::size_t k = 0; k < m.ids.size(); ++k) {
      if (k > 0) out += "; ";
      const Source* found = nullptr;
      for (const auto& s : sources) {
        if (s.id == m.ids[k].id) {
          found = &s;
          break;
        }
      }
      out += found != nullptr ? short_citation(*found) : m.ids[k].id;
    }
    out += ')';
    copied = m.offset + m.length;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace casebook::core
