// Formatting of content diagnostics in the compiler style editors understand.
#include "core/diagnostic.hpp"

#include <algorithm>

namespace casebook::core {

std::string format_diagnostic(const Diagnostic& d) {
  std::string s = d.file;
  if (d.line > 0) {
    s += ':';
    s += std::to_string(d.line);
    if (d.column > 0) {
      s += ':';
      s += std::to_string(d.column);
    }
  }
  s += d.severity == Severity::Error ? ": error: " : ": warning: ";
  s += d.message;
  if (!d.code.empty()) {
    s += " [";
    s += d.code;
    s += ']';
  }
  if (!d.hint.empty()) {
    s += "; ";
    s += d.hint;
  }
  return s;
}

bool has_errors(const std::vector<Diagnostic>& ds) {
  return std::any_of(ds.begin(), ds.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace casebook::core
