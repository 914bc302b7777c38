// Reads question banks (TOML, formats 1 and 2, docs/bank-format.md) into core::Bank, collecting
// every problem as a Diagnostic with file:line:col; format 2's generated questions (core/
// generate.hpp) are appended after the hand-written ones. Never throws for bad content.
#pragma once
#include <optional>
#include <string>
#include <string_view>
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
  /// Errors and warnings past the cap of one file (kMaxErrors, kMaxWarnings in reader.hpp):
  /// counted, not in `diagnostics` (where one too-many-errors / too-many-warnings note says so).
  std::size_t dropped_errors = 0, dropped_warnings = 0;
};

/// Codes of the last notes of a file whose errors or warnings were cut at the cap (they say how
/// many were left out; each has the severity of what it counts, and is none of them itself).
inline constexpr std::string_view kTooManyErrors = "too-many-errors";
inline constexpr std::string_view kTooManyWarnings = "too-many-warnings";

/// Loads one bank file (read_input_file, kBankInput: an ordinary file of at most 16 MiB). An
/// unreadable file is an error diagnostic at line 0, not an exception.
[[nodiscard]] LoadResult load_bank_file(const std::string& path);

/// Loads a bank from text (for tests and previews); `path` is used in diagnostics.
[[nodiscard]] LoadResult load_bank_text(const std::string& text, const std::string& path);

/// Loads every `*.toml` file under each path (a file, or a folder searched recursively),
/// in sorted path order (names starting with '.' are skipped; a file reached twice is read
/// once; a linked file is read, a linked folder is not walked). Also reports, as errors, a
/// path that does not exist (`missing-path`), a symbolic link in a folder that leads back to
/// itself (`unreadable-file`, "is a loop of symbolic links", after the folder's banks) and two
/// files that use the same bank id (`duplicate-bank-id` on the later file, which is not loaded).
/// Every file is read by read_input_file (bank/input_file.hpp, kBankInput).
[[nodiscard]] std::vector<LoadResult> load_banks(const std::vector<std::string>& paths);

}  // namespace casebook::bank
