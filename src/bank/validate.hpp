// `casebook validate`: checks bank files and prints their diagnostics, one per line.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace casebook::bank {

/// Loads every bank under `paths` (files or folders, as bank::load_banks) and writes to
/// `out` one line per diagnostic, `path:line:col: error|warning: message [code]; hint`
/// (core::format_diagnostic), sorted by file then line, then a summary line such as
/// `2 banks, 57 questions: 0 errors, 1 warning` (banks = files read; questions = those in
/// banks that loaded). Returns 0 when there is no error (warnings allowed), 1 otherwise.
/// Never throws for bad content; usage errors (no paths) are the caller's.
[[nodiscard]] int validate_paths(const std::vector<std::string>& paths, std::ostream& out);

/// As validate_paths, but writes one JSON document (UTF-8, for an instructor's CI; the shape
/// is documented in docs/bank-format.md, "validate --format json"):
/// `{"schema": 1, "banks": [{"path", "id" (null when unknown), "loaded", "questions",
/// "generated", "errors", "warnings"}], "diagnostics": [{"file", "line", "column",
/// "severity" ("error"|"warning"), "code", "message", "hint"}], "summary": {"banks",
/// "questions", "errors", "warnings"}}`, diagnostics in the same order as the text output.
/// Returns 0 when there is no error, 1 otherwise.
[[nodiscard]] int validate_paths_json(const std::vector<std::string>& paths, std::ostream& out);

}  // namespace casebook::bank
