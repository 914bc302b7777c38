// `casebook diff OLD.toml NEW.toml [--db PATH]`: what a new version of a bank changes question
// by question, and with a progress database how many studied cards each change affects.
#pragma once
#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>

namespace casebook::cli {

/// Compares the bank files `old_path` and `new_path` (core::diff_banks) and prints the
/// added, retired, reworded and re-keyed questions with their card keys and prompts (and the
/// generator of a generated one). With `db_path` (read-only; "" for none) each changed
/// question also gives the number of learners who have answered it (reviews not taken back),
/// and each section a total per learner. Warns when questions were re-keyed but
/// `[bank] version` did not change. Bank diagnostics go to `err`. Returns 0 when both banks
/// loaded (whatever the differences), 1 when a bank did not load or the database cannot be
/// read.
[[nodiscard]] int run_diff(const std::string& old_path, const std::string& new_path, const std::string& db_path,
                           std::ostream& out, std::ostream& err);

/// Adds the `diff` subcommand (it reads the global --db only when given); its exit code goes
/// to `exit_code`.
CLI::App* add_diff_command(CLI::App& app, int& exit_code);

}  // namespace casebook::cli
