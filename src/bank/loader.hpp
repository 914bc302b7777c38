// Reads question banks (TOML, formats 1 and 2, docs/bank-format.md) into core::Bank, collecting
// every problem as a Diagnostic with file:line:col; format 2's generated questions (core/
// generate.hpp) are appended after the hand-written ones. Never throws for bad content.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/question.hpp"

namespace casebook::bank {

/// The outcome of reading one file: the bank when it has no errors, and all diagnostics
/// (warnings may accompany a bank; any error means `bank` is empty).
struct LoadResult {
  std::string path;
  std::optional<core::Bank> bank;
  std::vector<core::Diagnostic> diagnostics;
};

/// Loads one bank file. An unreadable file is an error diagnostic at line 0, not an exception.
[[nodiscard]] LoadResult load_bank_file(const std::string& path);

/// Loads a bank from text (for tests and previews); `path` is used in diagnostics.
[[nodiscard]] LoadResult load_bank_text(const std::string& text, const std::string& path);

/// Loads every `*.toml` file under each path (a file, or a folder searched recursively),
/// in sorted path order (names starting with '.' are skipped; a file reached twice is read
/// once). Also reports, as errors, a path that does not exist (`missing-path`) and two files
/// that use the same bank id (`duplicate-bank-id` on the later file, which is not loaded).
[[nodiscard]] std::vector<LoadResult> load_banks(const std::vector<std::string>& paths);

}  // namespace casebook::bank
