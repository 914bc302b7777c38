// Formatting of content diagnostics in the compiler style editors understand.
#include "core/diagnostic.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace casebook::core {

namespace {

/// Appends `text` with ASCII control characters (newline, ESC, ...) and bytes that are not
/// UTF-8 written as \xHH and C1 controls (U+0080..U+009F, e.g. the one-character CSI) as
/// \u00HH, so one diagnostic stays one line and a hostile bank cannot send terminal escape
/// sequences.
void append_printable(std::string& s, const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto hex = [&](const char* prefix, unsigned u) {
    s += prefix;
    s += kHex[(u >> 4) & 0xF];
    s += kHex[u & 0xF];
  };
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8_at(text, i);
    if (!c.valid) {
      for (std::size_t k = 0; k < c.length; ++k) hex("\\x", static_cast<unsigned char>(text[i + k]));
    } else if (c.code_point < 0x20 || c.code_point == 0x7F) {
      hex("\\x", static_cast<unsigned>(c.code_point));
    } else if (c.code_point >= 0x80 && c.code_point <= 0x9F) {
      hex("\\u00", static_cast<unsigned>(c.code_point));
    } else {
      s.append(text, i, c.length);
    }
    i += c.length;
  }
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string s;
  append_printable(s, d.file);
  if (d.line > 0) {
    s += ':';
    s += std::to_string(d.line);
    if (d.column > 0) {
      s += ':';
      s += std::to_string(d.column);
    }
  }
  s += d.severity == Severity::Error ? ": error: " : ": warning: ";
  append_printable(s, d.message);
  if (!d.code.empty()) {
    s += " [";
    s += d.code;
    s += ']';
  }
  if (!d.hint.empty()) {
    s += "; ";
    append_printable(s, d.hint);
  }
  return s;
}

bool has_errors(const std::vector<Diagnostic>& ds) {
  return std::any_of(ds.begin(), ds.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace casebook::core
