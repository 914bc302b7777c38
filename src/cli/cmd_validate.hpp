// `casebook validate --format json`: bank::validate_banks as one JSON document (nlohmann-json).
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace casebook::cli {

/// Validates `paths` (bank::validate_banks) and writes one JSON document to `out` (UTF-8, for an
/// instructor's CI; the shape is documented in docs/bank-format.md, "validate --format json"):
/// `{"schema": 1, "banks": [{"path", "id" (null when unknown), "loaded", "questions",
/// "generated", "errors", "warnings"}], "diagnostics": [{"file", "line", "column",
/// "severity" ("error"|"warning"), "code", "message", "hint"}], "summary": {"banks",
/// "questions", "errors", "warnings"}}`, diagnostics in the same order as the text output.
/// Bytes that are not UTF-8 (a file name, say) become U+FFFD. Returns 0 when there is no
/// error, 1 otherwise.
[[nodiscard]] int run_validate_json(const std::vector<std::string>& paths, std::ostream& out);

}  // namespace casebook::cli
