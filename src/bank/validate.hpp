// `casebook validate`: checks bank files and collects what they hold and every diagnostic; the
// text output is written here, the JSON output by the CLI (cli/cmd_validate.hpp).
#pragma once
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/facts.hpp"

namespace casebook::bank {

/// One bank file as `validate` reports it.
struct ValidatedBank {
  std::string path;
  std::optional<std::string> id;  ///< the bank id when the bank loaded, else unknown
  bool loaded = false;            ///< false when it has an error (nothing of it is used)
  std::size_t questions = 0;      ///< hand-written and generated, when loaded
  std::size_t generated = 0;      ///< questions made by format 2's generators
  std::size_t errors = 0;
  std::size_t warnings = 0;
  /// Generated questions not made because a hand-written question asks about the same facts.
  std::vector<core::RepeatedQuestion> repeated;
};

/// What `validate` found under some paths.
struct Validation {
  std::vector<ValidatedBank> banks;           ///< every file read, in load order (a missing path is none)
  std::vector<core::Diagnostic> diagnostics;  ///< all of them, missing paths included, sorted by file, line, column
  std::size_t questions = 0;                  ///< in the banks that loaded
  std::size_t errors = 0;                     ///< error diagnostics
  std::size_t warnings = 0;                   ///< warning diagnostics
  /// 0 when there is no error (warnings allowed), 1 otherwise.
  [[nodiscard]] int exit_code() const { return errors == 0 ? 0 : 1; }
};

/// Loads every bank under `paths` (files or folders, as bank::load_banks) and collects the
/// result. Never throws for bad content.
[[nodiscard]] Validation validate_banks(const std::vector<std::string>& paths);

/// Validates `paths` (validate_banks) and writes to `out` one line per diagnostic,
/// `path:line:col: error|warning: message [code]; hint` (core::format_diagnostic), sorted by
/// file then line, then one note per generated question not made because it would repeat a
/// hand-written one (`path:line:col: note: generated question `gen...` not made: hand-written
/// question `q` asks about the same facts [repeats-handwritten]`), then a summary line such as `2 banks, 57 questions: 0 errors, 1 warning`
/// (banks = files read; questions = those in banks that loaded). Returns
/// Validation::exit_code(). Usage errors (no paths) are the caller's.
[[nodiscard]] int validate_paths(const std::vector<std::string>& paths, std::ostream& out);

}  // namespace casebook::bank
