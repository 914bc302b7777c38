// Formatting of content diagnostics in the compiler style editors understand.
#include "core/diagnostic.hpp"

#include <algorithm>

namespace casebook::core {

namespace {

/// Appends `text` with ASCII control characters (newline, ESC, ...) written as \xHH, so one
/// diagnostic stays one line and a hostile bank cannot send terminal escape sequences.
void append_printable(std::string& s, const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      s += "\\x";
      s += kHex[u >> 4];
      s += kHex[u & 0xF];
    } else {
      s += c;
    }
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
