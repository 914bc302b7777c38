// Scans of bank text for the shapes that reach undefined behaviour or overflow the stack in
// toml++ 3.3 (Debian 12), run before toml::parse so they become diagnostics instead (see
// find_unsafe_toml and find_overlong_key in reader.hpp).
#include <array>
#include <string>
#include <string_view>

#include "bank/reader.hpp"
#include "core/utf8.hpp"

namespace casebook::bank::detail {

namespace {

/// "`§` (U+00A7)": the character quoted and named, for messages.
std::string named(char32_t cp) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string hex;
  for (int shift = cp > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) hex += kHex[(cp >> static_cast<unsigned>(shift)) & 0xF];
  std::string glyph;
  core::append_utf8(glyph, cp);
  return "`" + glyph + "` (U+" + hex + ")";
}

/// Walks the text as toml++ would split it: strings, comments, table headers and the rest.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : m_text(text) {
    if (text.starts_with("\xEF\xBB\xBF")) m_i = m_line_start = 3;  // a BOM is no column
  }

  std::optional<UnsafeToml> run() {
    bool line_start = true;  // only spaces and tabs so far on this line, outside any value
    int depth = 0;           // open [ and { of values (arrays and inline tables may span lines)
    bool in_value = false;   // after `=` on this line (outside arrays and inline tables)
    // Bytes outside strings that need no more than `line_start = false` (letters, digits,
    // '.', '-', ...): skipped in a tight loop.
    static constexpr auto kPlain = [] {
      std::array<bool, 256> plain{};
      for (int c = 0x21; c < 0x7F; ++c) plain[static_cast<std::size_t>(c)] = true;
      for (const unsigned char c : std::string_view("\"'#[]{}=")) plain[c] = false;
      return plain;
    }();
    while (m_i < m_text.size() && !m_found) {
      if (kPlain[static_cast<unsigned char>(m_text[m_i])]) {
        do {
          ++m_i;
        } while (m_i < m_text.size() && kPlain[static_cast<unsigned char>(m_text[m_i])]);
        line_start = false;
        continue;
      }
      const char c = m_text[m_i];
      if (c == '\n') {
        new_line(m_i + 1);
        ++m_i;
        line_start = depth == 0;
        if (depth == 0) in_value = false;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        ++m_i;
        continue;
      }
      if (c == '"' || c == '\'') {
        string(c);
        line_start = false;
        continue;
      }
      if (c == '#') {
        while (m_i < m_text.size() && m_text[m_i] != '\n') ++m_i;
        continue;
      }
      if (static_cast<unsigned char>(c) >= 0x80) {
        const core::Utf8Char u = core::decode_utf8_at(m_text, m_i);
        if (u.valid) {  // a byte that is not UTF-8 is toml++'s own clean error
          found(m_i, named(u.code_point) + " stands outside quotes, where TOML allows only ASCII",
                "put the text in quotes, or delete the character (a Unicode space such as U+00A0 counts too)");
          break;
        }
        m_i += u.length;
        line_start = false;
        continue;
      }
      if (c == '[' && line_start && depth == 0) {
        header();
        line_start = false;
        continue;
      }
      line_start = false;
      if (c == '=' && depth == 0) in_value = true;
      if (in_value || depth > 0) {
        if (c == '[' || c == '{') ++depth;
        if ((c == ']' || c == '}') && depth > 0) --depth;
      }
      ++m_i;
    }
    return m_found;
  }

 private:
  void new_line(std::size_t start) {
    ++m_line;
    m_line_start = start;
  }

  void found(std::size_t at, std::string message, std::string hint) {
    const auto column = static_cast<int>(core::code_point_count(m_text.substr(m_line_start, at - m_line_start))) + 1;
    m_found = UnsafeToml{Where{m_line, column}, std::move(message), std::move(hint)};
  }

  /// `[` or `[[` at the start of a line: a table header, whose name must follow (toml++ 3.3
  /// assumes so without checking: `[&`, `[[` and a line break, `[[[` are undefined behaviour).
  void header() {
    std::size_t j = m_i + 1;
    if (j < m_text.size() && m_text[j] == '[') ++j;
    while (j < m_text.size() && (m_text[j] == ' ' || m_text[j] == '\t')) ++j;
    m_i = j;
    if (j >= m_text.size()) return;  // the end of the file: toml++'s own clean error
    const char c = m_text[j];
    if (is_bare_key_char(c) || c == '"' || c == '\'' || c == ']') return;
    if (static_cast<unsigned char>(c) >= 0x80) return;  // reported as a character outside quotes
    const std::string shown = c == '\n' || c == '\r' ? "a line break" : "`" + std::string(1, c) + "`";
    found(j, "a table header has " + shown + " where its name should start",
          "write the header on one line with its name, such as [bank] or [[question]]");
  }

  /// A string starting at m_i with `quote`; ends after it (or at the end of its line when a
  /// single-line string is not closed: toml++ reports that cleanly).
  void string(char quote) {
    const bool basic = quote == '"';
    const std::string_view fence = basic ? std::string_view("\"\"\"") : std::string_view("'''");
    const bool multi = m_text.substr(m_i, 3) == fence;
    std::size_t j = m_i + (multi ? 3 : 1);
    while (j < m_text.size()) {
      const char c = m_text[j];
      if (c != quote && c != '\n' && c != '\\') {  // the common case, taken alone: ordinary text
        ++j;
        continue;
      }
      if (multi ? m_text.substr(j, 3) == fence : c == quote) {
        j += multi ? 3 : 1;
        // A multi-line string may end with one or two more quotes of its own: `""""` or `"""""`.
        for (int extra = 0; multi && extra < 2 && j < m_text.size() && m_text[j] == quote; ++extra) ++j;
        break;
      }
      if (c == '\n') {
        if (!multi) break;
        new_line(j + 1);
      }
      if (basic && c == '\\' && j + 1 < m_text.size()) {
        if (escape(j, multi)) return;
        j = m_i;
        continue;
      }
      ++j;
    }
    m_i = j;
  }

  /// A backslash at `at` in a basic string. toml++ 3.3 asks whether the character after it
  /// (and, after a line-ending backslash, the first one after the line breaks and spaces) is
  /// a Unicode space with a table that is undefined for many non-ASCII characters (upstream
  /// issues #190, #295). Sets m_i after the escape; true when reported.
  bool escape(std::size_t at, bool multi) {
    std::size_t j = at + 1;
    const auto non_ascii = [&](std::size_t k) { return k < m_text.size() && static_cast<unsigned char>(m_text[k]) >= 0x80; };
    if (non_ascii(j)) {
      const core::Utf8Char u = core::decode_utf8_at(m_text, j);
      found(at, "`\\` followed by " + (u.valid ? named(u.code_point) : std::string("a byte that is not UTF-8")) +
                    " is not an escape TOML knows",
            "write `\\\\` for a backslash; escapes are \\n, \\t, \\\", \\\\ and \\uXXXX");
      return true;
    }
    if (multi) {
      std::size_t k = j;
      while (k < m_text.size() && (m_text[k] == ' ' || m_text[k] == '\t')) ++k;
      if (k < m_text.size() && (m_text[k] == '\n' || m_text[k] == '\r')) {  // a line-ending backslash
        while (k < m_text.size() && (m_text[k] == ' ' || m_text[k] == '\t' || m_text[k] == '\n' || m_text[k] == '\r')) {
          if (m_text[k] == '\n') new_line(k + 1);
          ++k;
        }
        if (non_ascii(k)) {
          found(k, "a line-ending backslash is followed by a non-ASCII character, which toml++ cannot read safely",
                "delete the `\\` at the end of the line before: Casebook joins the lines of a \"\"\" string itself");
          return true;
        }
        m_i = k;
        return false;
      }
    }
    // The escaped character (ASCII): \" does not end the string; a line break is left to
    // count as one (a single-line string cannot escape it: toml++'s own clean error).
    m_i = m_text[j] == '\n' ? j : j + 1;
    return false;
  }

  std::string_view m_text;
  std::size_t m_i = 0;
  int m_line = 1;
  std::size_t m_line_start = 0;
  std::optional<UnsafeToml> m_found;
};

}  // namespace

std::optional<UnsafeToml> find_unsafe_toml(std::string_view text) { return Scanner(text).run(); }

std::optional<Where> find_overlong_key(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  int parts = 1;
  bool in_key = true;  // at the start of a line, before its '=' (or inside a [header])
  const auto column_of = [&](std::size_t at) {
    return static_cast<int>(core::code_point_count(text.substr(line_start, at - line_start))) + 1;
  };
  // Bytes that change nothing here (letters, digits, spaces...): skipped in a tight loop.
  static constexpr auto kPlain = [] {
    std::array<bool, 256> plain{};
    plain.fill(true);
    for (const unsigned char c : std::string_view("\n\"'#=,{.")) plain[c] = false;
    return plain;
  }();
  for (std::size_t i = 0; i < text.size(); ++i) {
    while (i < text.size() && kPlain[static_cast<unsigned char>(text[i])]) ++i;
    if (i == text.size()) break;
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
      while (j < text.size()) {
        if (text[j] != c && text[j] != '\\' && text[j] != '\n') {  // ordinary text: not the end, an escape or a line
          ++j;
          continue;
        }
        if (text.substr(j, close.size()) == close) break;
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
      if (j < text.size() && text.substr(j, close.size()) == close) {
        j += close.size();
        // A multi-line string may end with one or two more quotes of its own (`""""`,
        // `"""""`), as in Scanner::string: they are not the start of another string.
        for (int extra = 0; multi && extra < 2 && j < text.size() && text[j] == c; ++extra) ++j;
      }
      i = j - 1;  // after the string; an unclosed one-line string leaves its line break to the loop
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

}  // namespace casebook::bank::detail
