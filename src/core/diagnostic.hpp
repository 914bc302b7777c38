// Problems found in a content file (bank, import): reported to the user, never thrown.
#pragma once
#include <string>
#include <vector>

namespace casebook::core {

enum class Severity { Error, Warning };

/// One problem at a place in a file. Line and column are 1-based (0 when unknown); the
/// column counts Unicode code points, as compilers and editors do.
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  Severity severity = Severity::Error;
  std::string code;     ///< stable short code, e.g. "unknown-key"
  std::string message;  ///< what is wrong, one sentence
  std::string hint;     ///< what to do about it (may be empty)

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// "path:line:col: error|warning: message [code]" (hint appended as "; hint" when present),
/// always one line: ASCII control characters and bytes that are not UTF-8 in the path, message
/// or hint appear as \xHH, C1 controls (U+0080..U+009F) as \u00HH.
[[nodiscard]] std::string format_diagnostic(const Diagnostic& d);

[[nodiscard]] bool has_errors(const std::vector<Diagnostic>& ds);

}  // namespace casebook::core
